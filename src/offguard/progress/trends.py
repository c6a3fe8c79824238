"""Trends over time, per question or overall, against the targets of :mod:`offguard.targets`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from offguard.store import Store, TakeSummary
from offguard.targets import TARGETS, Band

#: The metrics a trend follows, in display order.
METRICS: tuple[str, ...] = (
    "specificity",
    "fillers_per_min",
    "fillers_per_100_words",
    "wpm",
    "duration",
)


@dataclass(frozen=True)
class TrendPoint:
    """One take's metrics at the time it was recorded."""

    take_id: int
    started_at: str
    specificity: float | None
    fillers_per_min: float | None
    fillers_per_100_words: float | None
    wpm: float | None
    duration: float | None

    @classmethod
    def from_summary(cls, s: TakeSummary) -> TrendPoint:
        return cls(
            s.take_id,
            s.started_at,
            s.specificity,
            s.fillers_per_min,
            s.fillers_per_100_words,
            s.wpm,
            s.duration,
        )

    def value(self, metric: str) -> float | None:
        value = getattr(self, metric)
        return None if value is None else float(value)


@dataclass(frozen=True)
class Trend:
    """Metrics over time (oldest first) for one question, or all of them (``question_id=None``)."""

    question_id: str | None
    points: list[TrendPoint]
    bands: dict[str, Band] = field(default_factory=lambda: dict(TARGETS))

    def series(self, metric: str) -> list[float | None]:
        """The metric for each take, oldest first (``None`` where it is unknown)."""
        return [p.value(metric) for p in self.points]

    def values(self, metric: str) -> list[float]:
        """The known values of the metric, oldest first (what a sparkline draws)."""
        return [v for v in self.series(metric) if v is not None]

    def daily(self, metric: str) -> list[tuple[str, float]]:
        """The metric's mean per day (``YYYY-MM-DD``), oldest first: for long histories."""
        days: dict[str, list[float]] = {}
        for point in self.points:
            value = point.value(metric)
            if value is not None:
                days.setdefault(point.started_at[:10], []).append(value)
        return [(day, sum(v) / len(v)) for day, v in days.items()]

    def summary(self, metric: str) -> dict[str, Any]:
        """Latest value, first value, change, mean and the share of takes on target."""
        values = self.values(metric)
        band = self.bands.get(metric)
        on_target = [band.contains(v) for v in values] if band else []
        return {
            "count": len(values),
            "first": values[0] if values else None,
            "latest": values[-1] if values else None,
            "change": round(values[-1] - values[0], 2) if len(values) > 1 else None,
            "mean": round(sum(values) / len(values), 2) if values else None,
            "on_target": round(sum(bool(x) for x in on_target) / len(on_target), 3)
            if on_target
            else None,
            "latest_on_target": on_target[-1] if on_target else None,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "bands": {m: b.to_dict() for m, b in self.bands.items()},
            "series": {
                "started_at": [p.started_at for p in self.points],
                "take_id": [p.take_id for p in self.points],
                **{m: self.series(m) for m in METRICS},
            },
            "summary": {m: self.summary(m) for m in METRICS},
        }


def trend(store: Store, question_id: str | None = None) -> Trend:
    """The trend of one question's takes, or of every take when ``question_id`` is ``None``."""
    summaries = store.take_summaries(question_id, with_transcript=False)
    done = [s for s in summaries if s.status in ("saved", "recovered", "imported")]
    return Trend(question_id, [TrendPoint.from_summary(s) for s in done])
