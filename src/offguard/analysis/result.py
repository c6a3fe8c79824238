"""Plain result types of the specificity coach (JSON-ready through ``to_dict``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offguard.analysis.voice import Pitch, Volume


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(
            int(data["start"]),
            int(data["end"]),
            str(data.get("text", "")),
            str(data.get("kind", "")),
            str(data.get("reason") or ""),
        )


@dataclass(frozen=True)
class SentenceScore:
    """One sentence's character range and its specificity (0-100, 50 = boundary)."""

    start: int
    end: int
    specificity: float

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "specificity": round(self.specificity, 1)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentenceScore:
        return cls(int(data["start"]), int(data["end"]), float(data["specificity"]))


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
    pitch: Pitch | None = None
    """Pitch measured from the audio (:mod:`offguard.analysis.voice`); None without audio."""
    volume: Volume | None = None
    """Loudness range and trailing off, measured from the audio; None without audio."""

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
            "pitch": None if self.pitch is None else self.pitch.to_dict(),
            "volume": None if self.volume is None else self.volume.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Delivery:
        """The inverse of :meth:`to_dict` (what the store keeps)."""
        return cls(
            duration=_number(data.get("duration")),
            words=int(data.get("words") or 0),
            wpm=_number(data.get("wpm")),
            filler_count=int(data.get("filler_count") or 0),
            fillers_per_min=_number(data.get("fillers_per_min")),
            fillers_per_100_words=_number(data.get("fillers_per_100_words")),
            longest_pauses=[(float(s), float(n)) for s, n in data.get("longest_pauses") or ()],
            pause_source=data.get("pause_source"),
            time_to_first_word=_number(data.get("time_to_first_word")),
            hedge_count=int(data.get("hedge_count") or 0),
            repeated_words=[str(w) for w in data.get("repeated_words") or ()],
            bands=dict(data.get("bands") or {}),
            **_voice_from_dict(data),
        )


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """The inverse of :meth:`to_dict`: a stored analysis as the dataclass again."""
        delivery = data.get("delivery")
        return cls(
            version=int(data.get("version") or 0),
            verdict=str(data.get("verdict") or "generic"),
            specificity=float(data.get("specificity") or 0.0),
            flags=[Span.from_dict(f) for f in data.get("flags") or ()],
            specifics=[Span.from_dict(f) for f in data.get("specifics") or ()],
            sentences=[SentenceScore.from_dict(f) for f in data.get("sentences") or ()],
            star={str(k): bool(v) for k, v in (data.get("star") or {}).items()},
            star_sentences={
                str(k): None if v is None else str(v)
                for k, v in (data.get("star_sentences") or {}).items()
            },
            suggestions=[str(x) for x in data.get("suggestions") or ()],
            delivery=Delivery.from_dict(delivery) if isinstance(delivery, dict) else None,
        )


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def _voice_from_dict(data: dict[str, Any]) -> dict[str, Any]:
    """``pitch`` and ``volume`` of a stored delivery (absent in analyses made before them)."""
    from offguard.analysis.voice import Pitch, Volume

    pitch, volume = data.get("pitch"), data.get("volume")
    return {
        "pitch": Pitch.from_dict(pitch) if isinstance(pitch, dict) else None,
        "volume": Volume.from_dict(volume) if isinstance(volume, dict) else None,
    }
