"""Plain result types of the specificity coach (JSON-ready through ``to_dict``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A stretch of the answer: ``text == answer[start:end]``, with a kind and a reason."""

    start: int
    end: int
    text: str
    kind: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class SentenceScore:
    """One sentence's character range and its specificity (0-100, 50 = boundary)."""

    start: int
    end: int
    specificity: float

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "specificity": round(self.specificity, 1)}


@dataclass(frozen=True)
class Delivery:
    """How the answer was spoken (from word timings and/or the audio).

    ``filler_count``, ``fillers_per_min`` and ``fillers_per_100_words`` are lower bounds:
    Whisper leaves many "um"s and "uh"s out of its transcript. ``pause_source`` says whether
    ``longest_pauses`` were measured from the audio ("audio") or, as a fallback, from the gaps
    between word timings ("word-gaps").
    """

    duration: float | None
    words: int
    wpm: float | None
    filler_count: int
    fillers_per_min: float | None
    fillers_per_100_words: float | None
    longest_pauses: list[tuple[float, float]]
    pause_source: str | None
    time_to_first_word: float | None
    hedge_count: int
    repeated_words: list[str]
    bands: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        def r(value: float | None, digits: int = 2) -> float | None:
            return None if value is None else round(value, digits)

        return {
            "duration": r(self.duration),
            "words": self.words,
            "wpm": r(self.wpm, 1),
            "filler_count": self.filler_count,
            "fillers_per_min": r(self.fillers_per_min),
            "fillers_per_100_words": r(self.fillers_per_100_words),
            "fillers_lower_bound": True,
            "longest_pauses": [[round(s, 2), round(n, 2)] for s, n in self.longest_pauses],
            "pause_source": self.pause_source,
            "time_to_first_word": r(self.time_to_first_word),
            "hedge_count": self.hedge_count,
            "repeated_words": list(self.repeated_words),
            "bands": self.bands,
        }


@dataclass
class Analysis:
    """Everything the coach says about one answer."""

    version: int
    verdict: str
    specificity: float
    flags: list[Span]
    specifics: list[Span]
    sentences: list[SentenceScore]
    star: dict[str, bool]
    star_sentences: dict[str, str | None]
    suggestions: list[str]
    delivery: Delivery | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "verdict": self.verdict,
            "specificity": round(self.specificity, 1),
            "flags": [f.to_dict() for f in self.flags],
            "specifics": [s.to_dict() for s in self.specifics],
            "sentences": [s.to_dict() for s in self.sentences],
            "star": dict(self.star),
            "star_sentences": dict(self.star_sentences),
            "suggestions": list(self.suggestions),
            "delivery": None if self.delivery is None else self.delivery.to_dict(),
        }
