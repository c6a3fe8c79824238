"""Fakes for the TUI and take-service tests: fast transcribers, a fixed analysis, a scripted
take service.

The real parts (Store on a tmp folder, Practice, ArrayRecorder) are preferred; these stand in
for hardware and the model where a test only checks the UI's behaviour.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from offguard.analysis.result import Analysis, Delivery, SentenceScore, Span
from offguard.audio.writer import Level
from offguard.errors import AudioUnavailable
from offguard.practice import TakeOutcome
from offguard.questions import Question
from offguard.transcription.types import LiveText, Transcript, Word
from tests.transcriber_fakes import PassThroughTranscriber

ANSWER = (
    "I am a team player and I always give one hundred percent. "
    "At Northwind in March 2023 I cut the nightly report from 40 minutes to 6 minutes "
    "by rewriting the SQL joins, and the finance team got their numbers before 9 am."
)


def words_for(text: str, start: float = 0.5, step: float = 0.4) -> tuple[Word, ...]:
    """Evenly spaced word timings for ``text``."""
    return tuple(
        Word(f" {w}", start + i * step, start + i * step + step * 0.8, 0.9)
        for i, w in enumerate(text.split())
    )


def fake_transcript(text: str = ANSWER) -> Transcript:
    words = words_for(text)
    return Transcript(text=text, words=words, duration=words[-1].end + 0.5, model="fake")


def _span(text: str, phrase: str, kind: str, reason: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase, kind, reason)


def fake_analysis(text: str = ANSWER) -> Analysis:
    """A fixed, realistic analysis of :data:`ANSWER`."""
    first_end = text.index(".") + 1
    return Analysis(
        version=1,
        verdict="specific",
        specificity=72.0,
        flags=[
            _span(text, "team player", "cliche", "a label anyone can claim; show it instead"),
            _span(text, "one hundred percent", "cliche", "effort claims say nothing"),
        ],
        specifics=[
            _span(text, "Northwind", "org", "a named organisation"),
            _span(text, "March 2023", "date", "a date"),
            _span(text, "40 minutes to 6 minutes", "number", "a measured change"),
        ],
        sentences=[
            SentenceScore(0, first_end, 20.0),
            SentenceScore(first_end + 1, len(text), 85.0),
        ],
        star={"S": True, "T": False, "A": True, "R": True},
        star_sentences={
            "S": "At Northwind in March 2023",
            "T": None,
            "A": "rewriting the SQL joins",
            "R": "the finance team got their numbers before 9 am",
        },
        suggestions=["Say what your task was before what you did.", "Drop 'team player'."],
        delivery=Delivery(
            duration=20.0,
            words=len(text.split()),
            wpm=138.0,
            filler_count=1,
            fillers_per_min=3.0,
            fillers_per_100_words=2.1,
            longest_pauses=[(4.2, 1.6), (11.0, 1.1)],
            pause_source="word-gaps",
            time_to_first_word=0.5,
            hedge_count=0,
            repeated_words=[],
            bands={"wpm": [120, 160], "fillers_per_min": [0, 4]},
        ),
    )


class FakeTranscriber(PassThroughTranscriber):
    """Returns :data:`ANSWER` at once (or ``text``), with even word timings; counts its calls."""

    model_name = "fake"

    def __init__(self, text: str = ANSWER) -> None:
        self.text = text
        self.loaded = threading.Event()
        self.calls = 0

    def load(self) -> None:
        self.loaded.set()

    def settings(self) -> dict[str, Any]:
        return {self.model_name: True}

    def timed_words(self, duration: float) -> tuple[Word, ...] | None:
        """The words from 0 s, or None when ``duration`` is too short to hold speech."""
        if duration and duration < 1.0:
            return None
        return words_for(self.text)

    def transcribe(
        self,
        audio: Any,
        *,
        samplerate: int = 16000,
        prompt: str | None = None,
        offset: float = 0.0,
        cancel: Callable[[], bool] | None = None,
        on_segment: Callable[[str], None] | None = None,
        live: bool = False,
        fillers: bool = True,
    ) -> Transcript:
        self.calls += 1
        duration = len(audio) / samplerate if hasattr(audio, "__len__") else 0.0
        timed = self.timed_words(duration)
        if timed is None:
            return Transcript("", (), duration, self.model_name)
        words = tuple(Word(w.word, w.start + offset, w.end + offset, w.probability) for w in timed)
        if on_segment is not None:
            on_segment(self.text)
        return Transcript(self.text, words, duration or timed[-1].end, self.model_name)


class ScriptedTranscriber(FakeTranscriber):
    """Returns the same words for any audio of 0.5 s or more, spread over the audio's length."""

    model_name = "scripted"

    def timed_words(self, duration: float) -> tuple[Word, ...] | None:
        if duration < 0.5:
            return None
        words = self.text.split()
        step = duration / (len(words) + 1)
        return tuple(Word(w, i * step, (i + 0.8) * step, 0.9) for i, w in enumerate(words))


class FakeActiveTake:
    def __init__(
        self,
        practice: FakePractice,
        question: Question,
        take_id: int,
        path: Path,
        on_partial: Callable[[LiveText], None] | None,
    ) -> None:
        self.practice = practice
        self.question_id = question.id
        self.take_id = take_id
        self.path = path
        self.started = time.monotonic()
        self._partial = ""
        self.on_partial = on_partial
        self.stopped = False
        self.discarded = False

    @property
    def level(self) -> Level:
        return Level(0.05, 0.2)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def overflows(self) -> int:
        return 0

    @property
    def error(self) -> str | None:
        return None

    def speak(self, text: str, provisional: str = "") -> None:
        """Simulate the streaming transcriber: call on_partial from another thread."""
        live = LiveText(text, provisional)
        self._partial = live.text
        if self.on_partial is not None:
            thread = threading.Thread(target=self.on_partial, args=(live,))
            thread.start()
            thread.join()

    def partial_text(self) -> str:
        return self._partial

    def stop(self) -> TakeOutcome:
        self.stopped = True
        self.path.write_bytes(b"fLaC")
        return TakeOutcome(
            self.take_id,
            self.question_id,
            self.path,
            20.0,
            "saved",
            fake_transcript(),
            fake_analysis(),
        )

    def discard(self) -> None:
        self.discarded = True
        self.path.unlink(missing_ok=True)


@dataclass
class FakePractice:
    """The take service's interface, scripted; ``no_mic`` makes recording fail."""

    folder: Path
    no_mic: bool = False
    takes: list[FakeActiveTake] = field(default_factory=list)
    imported: list[tuple[Path, str]] = field(default_factory=list)
    recovered: Sequence[TakeOutcome] = ()

    def start_take(
        self, question: Question, *, on_partial: Callable[[LiveText], None] | None = None
    ) -> FakeActiveTake:
        if self.no_mic:
            raise AudioUnavailable(
                "No microphone found (PortAudio lists no input device).",
                fix="plug one in, or pick one with `offguard devices`",
            )
        path = self.folder / f"take-{len(self.takes) + 1}.flac"
        path.write_bytes(b"")
        take = FakeActiveTake(self, question, len(self.takes) + 1, path, on_partial)
        self.takes.append(take)
        return take

    def import_audio(self, path: Path, question_id: str) -> TakeOutcome:
        self.imported.append((path, question_id))
        return TakeOutcome(
            99, question_id, path, 20.0, "imported", fake_transcript(), fake_analysis()
        )

    def analyze_take(self, take_id: int) -> Analysis:
        return fake_analysis()

    def recover_interrupted(self) -> Sequence[TakeOutcome]:
        return self.recovered


@dataclass(frozen=True)
class FakeDevice:
    index: int
    name: str
    channels: int = 1
    default_samplerate: float = 48000.0
    is_default: bool = False
    hostapi: str = "ALSA"


class SilentRecorder:
    """A recorder that records nothing (for the devices screen's mic test)."""

    samplerate = 16000

    def __init__(self) -> None:
        self._error: str | None = None

    def start(self, path: Path, on_block: Callable[[Any], None] | None = None) -> None:
        path.write_bytes(b"")

    @property
    def level(self) -> Level:
        return Level(0.1, 0.4)

    @property
    def elapsed(self) -> float:
        return 0.0

    @property
    def overflows(self) -> int:
        return 0

    @property
    def error(self) -> str | None:
        return self._error

    def stop(self) -> None:
        return None
