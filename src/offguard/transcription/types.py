"""Plain result types shared by the transcriber, the store and the analyser."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Word:
    """One recognised word with its timing (seconds from the take's start)."""

    word: str
    start: float
    end: float
    probability: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "word": self.word,
            "start": round(self.start, 3),
            "end": round(self.end, 3),
            "probability": round(self.probability, 4),
        }


#: A word Whisper writes straight after the one before ("2" ",000", "it" "'s", "done" "."):
#: its text starts with one of these.
ATTACHED = tuple(",.;:!?%)'")


def join_words(words: Iterable[str]) -> str:
    """The text of words decoded one by one: spaces between them, except before a piece that
    Whisper attaches to the word before ("about 2,000 cars", not "about 2 ,000 cars")."""
    out = ""
    for word in words:
        word = word.strip()
        if not word:
            continue
        out += word if not out or word.startswith(ATTACHED) else " " + word
    return out


@dataclass(frozen=True)
class Transcript:
    """The text of one take, with word timings and how it was produced."""

    text: str
    words: tuple[Word, ...]
    duration: float
    model: str
    settings: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "duration": round(self.duration, 3),
            "model": self.model,
            "settings": self.settings,
            "words": [w.to_dict() for w in self.words],
        }


@dataclass(frozen=True)
class LiveText:
    """The live transcript while recording: words that will not change, and the newest guess."""

    committed: str
    provisional: str = ""

    @property
    def text(self) -> str:
        return join_words([self.committed, self.provisional])


class Transcriber(Protocol):
    """What the app needs from a speech-to-text engine (the real one wraps faster-whisper)."""

    model_name: str

    def load(self) -> None: ...

    def settings(self) -> dict[str, Any]:
        """How this transcriber decodes (stored with each transcript)."""
        ...

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
        """``live``: a quick provisional decode (may skip the passes that cost time).
        ``fillers=False``: leave the filler pass to :meth:`add_fillers`."""
        ...

    def add_fillers(
        self,
        audio: Any,
        words: Sequence[Word],
        *,
        samplerate: int = 16000,
        prompt: str | None = None,
        offset: float = 0.0,
        cancel: Callable[[], bool] | None = None,
    ) -> Sequence[Word]:
        """``words`` of ``audio`` plus the fillers ("um", "uh") the plain decode left out."""
        ...

    def cover(
        self,
        audio: Any,
        words: Sequence[Word],
        *,
        samplerate: int = 16000,
        offset: float = 0.0,
        cancel: Callable[[], bool] | None = None,
    ) -> Sequence[Word]:
        """``words`` plus the words of any speech in ``audio`` they leave out, in time order."""
        ...
