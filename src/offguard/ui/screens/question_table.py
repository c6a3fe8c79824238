"""The questions table's two views (the whole bank, today's queue): columns sized to the
terminal, the badge cells, and the queue's reasons in plain words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text

from offguard.progress.queue import DUE, NEW, OFF_GUARD, WEAK, QueueItem
from offguard.questions import Question
from offguard.store import InterviewRecord, QuestionStats, Store

#: Cell padding of a DataTable column (one space each side) and its vertical scrollbar.
CELL_PAD = 2
SCROLLBAR = 2
#: Narrowest the question column gets before optional columns are dropped.
MIN_QUESTION = 44


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int


def _fit(others: list[Column], optional: list[str], total: int) -> list[Column]:
    """The question column first, taking what ``others`` leave; the ``optional`` keys are
    dropped (in that order) while the question would get fewer than MIN_QUESTION columns."""
    columns = list(others)
    dropping = list(optional)
    while True:
        used = sum(c.width + CELL_PAD for c in columns) + CELL_PAD + SCROLLBAR
        question = total - used
        if question >= MIN_QUESTION or not dropping:
            break
        key = dropping.pop(0)
        columns = [c for c in columns if c.key != key]
    return [Column("text", "Question", max(question, 20)), *columns]


def bank_columns(total: int) -> list[Column]:
    """Question | Category | Takes | Last | ★ (category goes first when narrow)."""
    others = [
        Column("category", "Category", 13),
        Column("times", "Takes", 5),
        Column("last", "Last", 11),
        Column("off", "★", 1),
    ]
    return _fit(others, ["category"], total)


def today_columns(total: int, longest: int = 44) -> list[Column]:
    """Question | Why today | Last (last goes first when narrow); the reason column is as
    wide as the ``longest`` reason, at most 3/8 of the table."""
    reason = max(9, min(longest, max(26, total * 3 // 8)))
    return _fit(
        [Column("reason", "Why today", reason), Column("last", "Last", 11)], ["last"], total
    )


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def badges(stats: QuestionStats | None, off_guard: bool) -> tuple[Text, Text, Text]:
    """(times practised, last verdict and score, off-guard marker) for one row."""
    times = stats.times_practised if stats is not None else 0
    practised = Text(f"{times}×" if times else "-", style="bold" if times else "dim")
    verdict = stats.last_verdict if stats is not None else None
    score = stats.last_specificity if stats is not None else None
    if verdict:
        style = "green" if verdict == "specific" else "red"
        shown = f"{verdict} {round(score)}" if score is not None else verdict
        last = Text(shown, style=style)
    else:
        last = Text("-", style="dim")
    marker = Text("★", style="bold yellow") if off_guard else Text("")
    return practised, last, marker


def interview_of(interviews: Sequence[InterviewRecord]) -> dict[str, tuple[str, str]]:
    """question id -> (company, date) of the latest interview it came up in."""
    found: dict[str, tuple[str, str]] = {}
    for interview in interviews:  # newest first
        for linked in interview.questions:
            found.setdefault(linked.question_id, (interview.company, interview.date))
    return found


def queue_reason(
    item: QueueItem,
    stats: Mapping[str, QuestionStats],
    interviews: Mapping[str, tuple[str, str]],
) -> str:
    """Why the question is in today's queue, in a few words."""
    score = item.last_specificity
    if item.kind == OFF_GUARD:
        company, when = interviews.get(item.question.id, ("", ""))
        reason = "caught you off guard"
        if company:
            reason += f" at {company}"
        if when:
            reason += f" on {when}"
        if score is not None:
            reason += f"; last {score:.0f}"
        return reason
    if item.kind == WEAK:
        row = stats.get(item.question.id)
        verdict = row.last_verdict if row is not None else None
        if score is None:
            return "last attempt generic"
        if verdict and verdict.lower() == "generic":
            return f"last attempt generic ({score:.0f})"
        return f"last attempt scored {score:.0f}"
    if item.kind == DUE:
        return f"due again (box {item.box or 1})"
    if item.kind == NEW:
        return "new"
    return item.reason


def build_today(
    store: Store, questions: Sequence[Question], today: date, limit: int
) -> list[QueueItem]:
    """Today's queue from the store."""
    from offguard.progress import build_queue

    return build_queue(store, questions, today=today, limit=limit)
