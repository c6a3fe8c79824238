"""The take service: record, import, transcribe, analyse and recover practice takes.

This is the one place that joins the recorder, the transcriber, the analyser and the store, so
the CLI and the TUI behave the same. Every method here may block (audio, model, disk): the TUI
calls them from thread workers, never from the UI thread.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from offguard.config import Settings, ensure_data_dir
from offguard.errors import AudioFileError, OffguardError, StorageError
from offguard.live_take import (
    MIN_TAKE_SECONDS,
    ActiveTake,
    BlockBuffer,
    TakeOutcome,
    TakeTooShort,
    too_short,
)
from offguard.recovery import recover_takes
from offguard.takelock import TakeLock
from offguard.transcription.types import LiveText, Transcriber, Transcript

if TYPE_CHECKING:
    import numpy as np

    from offguard.analysis import Analysis
    from offguard.audio.recorder import RecorderFactory
    from offguard.questions import Question
    from offguard.store import Store

__all__ = [
    "MIN_TAKE_SECONDS",
    "ActiveTake",
    "Practice",
    "TakeOutcome",
    "TakeTooShort",
    "too_short",
]

IMPORT_SUFFIXES = (".flac", ".wav", ".mp3", ".m4a", ".ogg", ".opus", ".aac", ".webm", ".mp4")


NO_SPEECH = (
    "No speech detected in this take: check the microphone and its level "
    "(`offguard devices`, or d in the app), then try again."
)
NO_SPEECH_IMPORTED = (
    "No speech found in the imported file: check it is the recording of your answer and "
    "that it plays with sound."
)


SILENT_PEAK = 10 ** (-60 / 20)
"""Below -60 dBFS at its loudest a file holds no sound a microphone in a room would give."""


def _silent(audio: np.ndarray) -> bool:
    """Digital silence (a muted or broken recording), checked block by block."""
    import numpy as np

    step = 1 << 20
    return all(
        float(np.max(np.abs(audio[i : i + step]), initial=0.0)) < SILENT_PEAK
        for i in range(0, len(audio), step)
    )


def _storage_fix(exc: OSError) -> str:
    """The fix for a failed write: space for a full disk, permissions otherwise."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "free some disk space, or choose a folder on another disk with --data-dir DIR."
    return (
        "make the data folder writable (check its permissions), or choose another with "
        "--data-dir DIR."
    )


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:40] or "take"


class Practice:
    """Joins recorder, transcriber, analyser and store; see the module docstring."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        transcriber: Transcriber,
        recorder_factory: RecorderFactory,
    ) -> None:
        self.settings = settings
        self.store = store
        self.transcriber = transcriber
        self.recorder_factory = recorder_factory

    # -- recording ---------------------------------------------------------------------------

    def new_audio_path(self, question_id: str, started: datetime, suffix: str = ".flac") -> Path:
        """A fresh, empty file under ``audio/YYYY-MM-DD/`` for a take of this question.

        The file is created exclusively (``O_EXCL``), so two processes starting a take in the
        same second get two files (``-2``, ``-3``... suffixes), never one shared file.
        """
        folder = ensure_data_dir(self.settings.data_dir) / "audio" / started.strftime("%Y-%m-%d")
        stem = f"{started.astimezone().strftime('%H%M%S')}-{_slug(question_id)}"
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            n = 1
            while True:
                path = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
                try:
                    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                except FileExistsError:
                    n += 1
                    continue
                os.close(fd)
                return path
        except OSError as exc:
            raise StorageError(
                f"Cannot create a new recording in {folder}: {exc.strerror or exc}.",
                _storage_fix(exc),
            ) from exc

    def start_take(
        self, question: Question, *, on_partial: Callable[[LiveText], None] | None = None
    ) -> ActiveTake:
        """Start recording an answer to ``question``. Raises AudioUnavailable without a mic.

        ``on_partial`` gets the live transcript (committed and provisional words) from the
        transcription thread."""
        from offguard.transcription.streaming import StreamingTranscriber

        started = _now()
        path = self.new_audio_path(question.id, started)
        try:
            lock = TakeLock.acquire(path)
        except OSError as exc:
            path.unlink(missing_ok=True)
            raise StorageError(
                f"Cannot start a recording in {path.parent}: {exc.strerror or exc}.",
                _storage_fix(exc),
            ) from exc
        recorder = self.recorder_factory()
        feed = BlockBuffer()
        try:
            recorder.start(path, on_block=feed)
        except BaseException:
            lock.release()
            path.unlink(missing_ok=True)
            raise
        try:
            device = getattr(recorder, "device_name", None) or self.settings.device or "default"
            take_id = self.store.create_take(
                question.id,
                path,
                device=str(device),
                samplerate=recorder.samplerate,
                status="recording",
                started_at=started,
            )
        except BaseException:
            with contextlib.suppress(Exception):
                recorder.stop()
            lock.release()
            path.unlink(missing_ok=True)
            raise
        streamer = StreamingTranscriber(self.transcriber, recorder.samplerate, on_update=on_partial)
        feed.attach(streamer)
        return ActiveTake(self, question, take_id, path, recorder, streamer, lock)

    # -- import and analysis -----------------------------------------------------------------

    def import_audio(self, path: Path, question_id: str) -> TakeOutcome:
        """Add an existing recording as a take: check, transcribe, copy, store."""
        from offguard.audio.files import load_audio

        path = Path(path)
        question = self._question(question_id)
        if path.suffix.lower() not in IMPORT_SUFFIXES:
            raise AudioFileError(
                f"{path} is not a supported audio file.",
                f"use one of: {', '.join(s.lstrip('.') for s in IMPORT_SUFFIXES)}.",
            )
        audio = load_audio(path, 16000)
        duration = len(audio) / 16000
        if duration < MIN_TAKE_SECONDS:
            raise too_short(duration)
        if _silent(audio):  # nothing to transcribe: do not spend minutes and gigabytes on it
            transcript = Transcript(
                "", (), duration, self.transcriber.model_name, {"skipped": "silent file"}
            )
        else:
            transcript = self.transcriber.transcribe(audio, samplerate=16000)
        del audio  # hours of audio: do not hold it while copying and analysing
        started = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
        dest = self.new_audio_path(question.id, _now(), suffix=path.suffix.lower())
        try:
            shutil.copyfile(path, dest)
        except OSError as exc:
            dest.unlink(missing_ok=True)
            raise StorageError(
                f"Cannot copy {path.name} into {dest.parent}: {exc.strerror or exc}.",
                _storage_fix(exc),
            ) from exc
        try:
            take_id = self.store.create_take(
                question.id,
                dest,
                device="import",
                samplerate=16000,
                status="imported",
                started_at=started,
            )
            self.store.finish_take(take_id, duration=duration, status="imported")
        except BaseException:
            dest.unlink(missing_ok=True)  # no row points at the copy: do not leave it behind
            raise
        return self._store_results(take_id, question, transcript, status="imported")

    def analyze_take(self, take_id: int) -> Analysis:
        """(Re)analyse a stored take with its word timings and audio; stores the result."""
        take = self.store.get_take(take_id)
        if take is None:
            raise OffguardError(f"There is no take {take_id}.", "list them with `offguard takes`.")
        transcript = self.store.latest_transcript(take_id)
        if transcript is None:
            transcript = self._transcribe_file(take.audio_path)
            self.store.save_transcript(take_id, transcript)
        question = self._question(take.question_id)
        return self._analyse_and_save(take_id, question, transcript, take.audio_path)

    # -- recovery ----------------------------------------------------------------------------

    def repair_interrupted(self) -> list[int]:
        """Repair takes a killed process left 'recording'; see :func:`recover_takes`."""
        return recover_takes(self.store).recovered

    def recover_interrupted(self) -> list[TakeOutcome]:
        """Repair interrupted takes, then transcribe and analyse every recovered take that has
        no transcript yet. Blocking (uses the model)."""
        self.repair_interrupted()
        outcomes: list[TakeOutcome] = []
        for take in self.store.takes_with_status("recovered"):
            if take.deleted_at is not None or self.store.latest_transcript(take.id) is not None:
                continue
            try:
                transcript = self._transcribe_file(take.audio_path)
            except AudioFileError:
                continue  # kept as it is; `offguard analyze --take ID` says what is wrong
            question = self._question(take.question_id)
            outcomes.append(self._store_results(take.id, question, transcript, status="recovered"))
        return outcomes

    # -- helpers -----------------------------------------------------------------------------

    def _question(self, question_id: str) -> Question:
        from offguard.questions import Question, load_questions

        found = load_questions(self.settings.data_dir).get(question_id)
        if found is None:
            found = next((q for q in self.store.user_questions() if q.id == question_id), None)
        return found or Question(id=question_id, text="", category="unknown")

    def _transcribe_file(self, path: Path) -> Transcript:
        from offguard.audio.files import load_audio

        return self.transcriber.transcribe(load_audio(path, 16000), samplerate=16000)

    def _analyse_and_save(
        self, take_id: int, question: Question, transcript: Transcript, audio_path: Path
    ) -> Analysis:
        from offguard.analysis import analyze_text
        from offguard.audio.files import load_audio

        audio = None
        if transcript.text.strip():  # no words, no delivery to measure (nor hours of silence)
            try:
                audio = load_audio(audio_path, 16000)
            except AudioFileError:
                audio = None
        analysis = analyze_text(
            transcript.text,
            question=question.text or None,
            words=transcript.words,
            audio=audio,
            samplerate=16000 if audio is not None else None,
            duration=transcript.duration or None,
        )
        self.store.save_analysis(
            take_id,
            version=analysis.version,
            verdict=analysis.verdict,
            specificity=analysis.specificity,
            data=analysis.to_dict(),
        )
        try:
            from offguard.progress import record_result

            record_result(self.store, question.id, analysis.specificity, _now().date())
        except ImportError:  # pragma: no cover - progress is optional for the core flow
            pass
        return analysis

    def _store_results(
        self,
        take_id: int,
        question: Question,
        transcript: Transcript,
        *,
        status: str,
        error: str | None = None,
    ) -> TakeOutcome:
        take = self.store.get_take(take_id)
        if take is None:  # pragma: no cover - we just wrote it
            raise StorageError(f"Take {take_id} vanished from the database.")
        self.store.save_transcript(take_id, transcript)
        analysis = self._analyse_and_save(take_id, question, transcript, take.audio_path)
        if not transcript.text.strip():
            error = error or (NO_SPEECH_IMPORTED if status == "imported" else NO_SPEECH)
        return TakeOutcome(
            take_id=take_id,
            question_id=question.id,
            audio_path=take.audio_path,
            duration=take.duration or transcript.duration,
            status=status,
            transcript=transcript,
            analysis=analysis,
            error=error,
        )
