"""The report as plain data: what the Markdown and HTML renderers draw.

:func:`offguard.export.report.build_report` gathers it from the store; the renderers only read
it, so they can be tested on hand-made reports too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Flag:
    """A marked stretch of a transcript: ``text[start:end]`` and why it was flagged."""

    start: int
    end: int
    text: str
    kind: str
    reason: str


@dataclass(frozen=True)
class Metric:
    """One delivery or score figure, already labelled for display."""

    key: str
    label: str
    value: float | str | None
    unit: str = ""
    target: str = ""
    """The target range as text ("120–160"), empty when there is none."""


@dataclass(frozen=True)
class TakeEntry:
    """One take with everything the report shows about it."""

    take_id: int
    question_id: str
    started_at: str
    duration: float | None
    audio_path: Path
    status: str
    story: str | None = None
    transcript: str | None = None
    verdict: str | None = None
    specificity: float | None = None
    flags: tuple[Flag, ...] = ()
    specifics: tuple[str, ...] = ()
    star: tuple[tuple[str, str], ...] = ()
    """STAR parts in order, each (part, what was found or ``""`` when missing)."""
    suggestions: tuple[str, ...] = ()
    metrics: tuple[Metric, ...] = ()


@dataclass(frozen=True)
class Series:
    """One metric over time, with its target band (low, high) when it has one."""

    key: str
    label: str
    unit: str
    points: tuple[tuple[str, float], ...]
    """(timestamp, value), oldest first."""
    band: tuple[float, float] | None = None
    band_label: str = ""
    """What the band means ("130-160 words a minute")."""


@dataclass(frozen=True)
class QuestionSection:
    """A question practised in the period, its takes (oldest first) and its trends."""

    question_id: str
    text: str
    category: str
    takes: tuple[TakeEntry, ...]
    trends: tuple[Series, ...] = ()
    off_guard: bool = False


@dataclass(frozen=True)
class InterviewEntry:
    """A real interview the user logged."""

    company: str
    role: str
    date: str
    stage: str
    outcome: str
    feedback: str = ""
    reflection: str = ""
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    """Everything one export holds."""

    generated_at: str
    data_dir: Path
    questions: tuple[QuestionSection, ...]
    overall: tuple[Series, ...] = ()
    interviews: tuple[InterviewEntry, ...] = ()
    question_filter: str | None = None
    since: str | None = None
    out_path: Path | None = None
    """Where the report will be written; audio links are made relative to its folder."""
    notes: tuple[str, ...] = field(default=())

    @property
    def take_count(self) -> int:
        return sum(len(q.takes) for q in self.questions)
