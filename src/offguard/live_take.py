"""A take being recorded (:class:`ActiveTake`) and what a finished take gives
(:class:`TakeOutcome`); :class:`offguard.practice.Practice` starts them.

Properties of an active take are cheap and safe to poll from the UI thread; ``stop`` and
``discard`` block (audio, model, disk) and run in a worker.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from offguard.errors import OffguardError, StorageError
from offguard.takelock import TakeLock
from offguard.transcription.types import Transcript

if TYPE_CHECKING:
    import numpy as np

    from offguard.analysis import Analysis
    from offguard.audio.recorder import AudioRecorder, Level
    from offguard.practice import Practice
    from offguard.questions import Question
    from offguard.transcription.streaming import StreamingTranscriber

MIN_TAKE_SECONDS = 1.0
"""A take shorter than this (an r pressed twice) holds no answer and is not stored."""


class TakeTooShort(OffguardError):
    """The take was shorter than :data:`MIN_TAKE_SECONDS`: nothing was stored."""


def too_short(duration: float) -> TakeTooShort:
    return TakeTooShort(
        f"The take was {duration:.1f} s long, too short to hold an answer, so it was not stored.",
        f"record for at least {MIN_TAKE_SECONDS:g} s.",
    )


@dataclass(frozen=True)
class TakeOutcome:
    """A finished take: where its audio is, what was said, and the coach's verdict."""

    take_id: int
    question_id: str
    audio_path: Path
    duration: float
    status: str
    transcript: Transcript
    analysis: Analysis
    error: str | None = None


class BlockBuffer:
    """Holds blocks until the streaming transcriber exists, then forwards them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[np.ndarray] = []
        self._target: StreamingTranscriber | None = None

    def __call__(self, block: np.ndarray) -> None:
        with self._lock:
            if self._target is None:
                self._pending.append(block)
                return
            target = self._target
        target.feed(block)

    def attach(self, target: StreamingTranscriber) -> None:
        with self._lock:
            pending, self._pending = self._pending, []
            for block in pending:
                target.feed(block)
            self._target = target


class ActiveTake:
    """A take being recorded. Properties are cheap and safe to poll from the UI thread."""

    def __init__(
        self,
        practice: Practice,
        question: Question,
        take_id: int,
        path: Path,
        recorder: AudioRecorder,
        streamer: StreamingTranscriber,
        lock: TakeLock,
    ) -> None:
        self._practice = practice
        self._lock = lock
        self.question = question
        self.question_id = question.id
        self.take_id = take_id
        self.path = path
        self._recorder = recorder
        self._streamer = streamer
        self._done = False

    @property
    def level(self) -> Level:
        return self._recorder.level

    @property
    def elapsed(self) -> float:
        return self._recorder.elapsed

    @property
    def overflows(self) -> int:
        return self._recorder.overflows

    @property
    def error(self) -> str | None:
        return self._recorder.error

    def partial_text(self) -> str:
        return self._streamer.partial_text()

    def stop(self) -> TakeOutcome:
        """Stop recording, transcribe the tail, analyse and store. Blocks for a moment."""
        if self._done:
            raise OffguardError("This take has already been stopped.")
        self._done = True
        try:
            result = self._recorder.stop()
        except BaseException:
            self._lock.release()  # the take stays 'recording': the next start recovers it
            raise
        store = self._practice.store
        if result.duration < MIN_TAKE_SECONDS:
            self._drop_transcription()
            try:
                store.finish_take(self.take_id, duration=result.duration, status="failed")
                store.delete_take(self.take_id)
            finally:
                self._lock.release()
            raise too_short(result.duration)
        try:
            store.finish_take(
                self.take_id,
                duration=result.duration,
                status="saved",
                overflows=result.overflows,
                note=result.error,
            )
        except OffguardError as exc:  # a full disk or a read-only database
            self._drop_transcription()
            raise StorageError(
                f"Your take's audio is kept in {self.path} but the take could not be stored: "
                f"{exc.message}",
                "free some disk space (or make the data folder writable); offguard recovers "
                "the take the next time it starts.",
            ) from exc
        finally:
            self._lock.release()
        try:
            transcript = self._streamer.finish()
        except OffguardError as exc:
            raise OffguardError(
                f"Your take is saved ({self.path.name}) but could not be transcribed: "
                f"{exc.message}",
                exc.fix,
            ) from exc
        return self._practice._store_results(
            self.take_id, self.question, transcript, status="saved", error=result.error
        )

    def _drop_transcription(self) -> None:
        """Cancel the live transcription and wait for its worker (a decode still running when
        the process exits aborts it)."""
        self._streamer.cancel()
        with contextlib.suppress(Exception):
            self._streamer.finish()

    def discard(self) -> None:
        """Stop and throw the take away (file and row)."""
        if self._done:
            return
        self._done = True
        self._streamer.cancel()
        try:
            self._recorder.stop()
        finally:
            try:
                self._practice.store.finish_take(self.take_id, duration=0.0, status="failed")
                self._practice.store.delete_take(self.take_id)
            finally:
                self._lock.release()
