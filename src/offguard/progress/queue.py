"""Today's practice queue, with Leitner boxes so a well-answered question comes back less often.

Order: questions that caught the user off guard (in a real interview) first, then questions
whose last attempts were generic or scored under :data:`WEAK_SCORE`, then questions due again by
their box (lowest box first), then questions never practised. A question only appears when it is
due: after an attempt it rests until its box's interval has passed (:func:`record_result`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from offguard.questions import Question
from offguard.store import LeitnerState, QuestionStats, Store

#: Days until a question in box ``n`` (1-based) is due again.
BOX_DAYS: tuple[int, ...] = (1, 2, 4, 8, 16)
#: Answers scoring at least this are specific (matches the coach's 50 boundary).
SPECIFIC_SCORE = 50.0
#: Last attempts below this score (or judged generic) put a question in the "weak" group.
WEAK_SCORE = 50.0

OFF_GUARD, WEAK, DUE, NEW = "off-guard", "weak", "due", "new"


@dataclass(frozen=True)
class QueueItem:
    """A question to practise today and why it is in the queue."""

    question: Question
    reason: str
    """Human-readable: "caught you off guard in an interview", "last attempt scored 32"..."""
    kind: str = NEW
    """``off-guard``, ``weak``, ``due`` or ``new``."""
    box: int | None = None
    last_specificity: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.question.id,
            "text": self.question.text,
            "category": self.question.category,
            "kind": self.kind,
            "reason": self.reason,
            "box": self.box,
            "last_specificity": self.last_specificity,
        }


def _is_due(state: LeitnerState | None, today: date) -> bool:
    return state is None or date.fromisoformat(state.due[:10]) <= today


def _is_weak(stats: QuestionStats | None) -> bool:
    if stats is None or stats.times_practised == 0:
        return False
    if stats.last_verdict is not None and stats.last_verdict.lower() == "generic":
        return True
    return stats.last_specificity is not None and stats.last_specificity < WEAK_SCORE


def build_queue(
    store: Store, questions: Iterable[Question], *, today: date, limit: int = 10
) -> list[QueueItem]:
    """Up to ``limit`` questions to practise ``today``, most urgent first."""
    stats = store.question_stats()
    states = store.leitner_states()
    off_guard = store.off_guard_ids()
    groups: dict[str, list[tuple[tuple[Any, ...], QueueItem]]] = {
        OFF_GUARD: [],
        WEAK: [],
        DUE: [],
        NEW: [],
    }
    seen: set[str] = set()
    for order, question in enumerate(questions):
        if question.id in seen:
            continue
        seen.add(question.id)
        state = states.get(question.id)
        if not _is_due(state, today):
            continue
        stat = stats.get(question.id)
        score = stat.last_specificity if stat else None
        practised = stat.times_practised if stat else 0
        box = state.box if state else None
        if question.id in off_guard:
            reason = "caught you off guard in an interview"
            if practised == 0:
                reason += "; not practised yet"
            elif score is not None:
                reason += f"; last attempt scored {score:.0f}"
            key: tuple[Any, ...] = (practised > 0, score if score is not None else -1, order)
            groups[OFF_GUARD].append((key, QueueItem(question, reason, OFF_GUARD, box, score)))
        elif _is_weak(stat):
            if score is not None:
                reason = f"last attempt scored {score:.0f} ({stat.last_verdict if stat else ''})"
            else:
                reason = "last attempt was generic"
            key = (score if score is not None else 0.0, order)
            groups[WEAK].append((key, QueueItem(question, reason.strip(), WEAK, box, score)))
        elif practised > 0 or state is not None:
            current = box or 1
            reason = f"due again (box {current} of {len(BOX_DAYS)})"
            key = (current, state.due if state else "", order)
            groups[DUE].append((key, QueueItem(question, reason, DUE, box, score)))
        else:
            groups[NEW].append(((order,), QueueItem(question, "not practised yet", NEW)))
    queue: list[QueueItem] = []
    for kind in (OFF_GUARD, WEAK, DUE, NEW):
        queue.extend(item for _, item in sorted(groups[kind], key=lambda pair: pair[0]))
    return queue[: max(limit, 0)]


def record_result(store: Store, question_id: str, specificity: float, today: date) -> LeitnerState:
    """Move the question's box after an attempt: specific -> up a box, generic -> box 1.

    A question in box ``n`` is due again ``BOX_DAYS[n - 1]`` days later (1, 2, 4, 8, 16).
    New questions start in box 1. A question moves up at most once a day: another specific
    attempt (or a re-analysis) the same day keeps the box it reached.
    """
    state = store.leitner_states().get(question_id)
    box = state.box if state else 1
    if specificity < SPECIFIC_SCORE:
        box = 1
    elif state is None or state.last_practised != today.isoformat() or state.box == 1:
        box = min(box + 1, len(BOX_DAYS))
    due = today + timedelta(days=BOX_DAYS[box - 1])
    new_state = LeitnerState(question_id, box, due.isoformat(), today.isoformat())
    store.set_leitner(new_state)
    return new_state
