"""The targets: one band per metric, and which way each metric gets better.

The analysis (``Delivery.bands``), the trends, the reports, the CLI and the TUI all read these;
nothing else defines a target.

Targets: pace 130-160 words per minute; fillers under 5 per 100 words (about 6.5 per minute at
130 wpm); behavioural answers 60-120 seconds; specificity at least 50 (the coach's boundary);
the first word within 5 seconds (a pause of a few seconds to think is fine; longer reads as
stuck); a pitch range of 6 semitones or more (natural read speech: 5th percentile 6.4, median
10; under 4 is monotone, see :mod:`offguard.analysis.voice`); sentence ends no more than 6 dB
quieter than the rest of the sentence (natural read speech: 2.4 dB).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

#: ``higher`` / ``lower``: more / less is better; ``band``: closer to the band is better.
Better = Literal["higher", "lower", "band"]


@dataclass(frozen=True)
class Band:
    """A target range for one metric; ``None`` leaves that side open."""

    metric: str
    low: float | None
    high: float | None
    label: str
    better: Better = "band"

    def contains(self, value: float | None) -> bool | None:
        """Whether ``value`` is on target (``None`` when there is no value)."""
        if value is None:
            return None
        if self.low is not None and value < self.low:
            return False
        return not (self.high is not None and value > self.high)

    def distance(self, value: float) -> float:
        """How far ``value`` is outside the band (0 inside it)."""
        if self.low is not None and value < self.low:
            return self.low - value
        if self.high is not None and value > self.high:
            return value - self.high
        return 0.0

    def change(self, before: float | None, after: float | None) -> int:
        """+1 when ``after`` is better than ``before``, -1 when worse, 0 otherwise."""
        if before is None or after is None or abs(after - before) < 1e-9:
            return 0
        if self.better == "higher":
            return 1 if after > before else -1
        if self.better == "lower":
            return 1 if after < before else -1
        gap = self.distance(before) - self.distance(after)
        if abs(gap) < 1e-9:
            return 0
        return 1 if gap > 0 else -1

    def aim(self) -> str:
        """``aim 130–160``, ``aim ≤ 6.5``, ``aim ≥ 50``."""
        if self.low is not None and self.high is not None:
            return f"aim {self.low:g}–{self.high:g}"
        if self.high is not None:
            return f"aim ≤ {self.high:g}"
        if self.low is not None:
            return f"aim ≥ {self.low:g}"
        return ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "low": self.low,
            "high": self.high,
            "label": self.label,
            "better": self.better,
        }


TARGETS: dict[str, Band] = {
    "specificity": Band("specificity", 50.0, None, "specific: 50 or more", "higher"),
    "fillers_per_min": Band("fillers_per_min", None, 6.5, "under 6.5 fillers a minute", "lower"),
    "fillers_per_100_words": Band(
        "fillers_per_100_words", None, 5.0, "under 5 per 100 words", "lower"
    ),
    "wpm": Band("wpm", 130.0, 160.0, "130-160 words a minute"),
    "duration": Band("duration", 60.0, 120.0, "60-120 s (behavioural)"),
    "time_to_first_word": Band("time_to_first_word", None, 5.0, "first word within 5 s", "lower"),
    "pitch_range_semitones": Band(
        "pitch_range_semitones", 6.0, None, "6+ semitones of pitch range", "higher"
    ),
    "trailing_drop_db": Band(
        "trailing_drop_db", None, 6.0, "sentence ends under 6 dB quieter", "lower"
    ),
}

#: The delivery metrics whose targets travel with each analysis (``Delivery.bands``).
DELIVERY_METRICS: tuple[str, ...] = (
    "wpm",
    "fillers_per_min",
    "fillers_per_100_words",
    "time_to_first_word",
)


#: The voice metrics, whose targets join ``Delivery.bands`` when the audio was measured.
VOICE_METRICS: tuple[str, ...] = ("pitch_range_semitones", "trailing_drop_db")


def delivery_bands() -> dict[str, dict[str, Any]]:
    """The delivery targets as JSON-ready dicts (what ``Delivery.bands`` holds)."""
    return {m: TARGETS[m].to_dict() for m in DELIVERY_METRICS}


def voice_bands() -> dict[str, dict[str, Any]]:
    """The voice targets as JSON-ready dicts (added to ``Delivery.bands`` with the audio)."""
    return {m: TARGETS[m].to_dict() for m in VOICE_METRICS}
