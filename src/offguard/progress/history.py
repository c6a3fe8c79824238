"""All the takes of one question, oldest first, with their verdicts and delivery metrics."""

from __future__ import annotations

from offguard.store import Store, TakeSummary


def history(store: Store, question_id: str) -> list[TakeSummary]:
    """Every (not deleted) take of ``question_id``: date, duration, verdict, score, fillers, wpm."""
    return store.take_summaries(question_id)
