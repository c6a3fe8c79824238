"""Stored analyses stay current: one made by an older coach is recomputed when it is read.

Every stored analysis records the ``ANALYSIS_VERSION`` that made it. :func:`current_analysis`
returns a take's latest analysis as is when its version is current; otherwise it analyses the
take's latest transcript again (with its question, word timings and duration), stores the new
result beside the old one (history is kept) and returns it. The delivery measured from the
audio is carried over from the old analysis: it does not depend on the coach, and reading the
audio again would make opening an old take slow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from offguard.store import Store
    from offguard.store.records import AnalysisRecord


def current_analysis(store: Store, take_id: int) -> AnalysisRecord | None:
    """The take's latest analysis, recomputed and stored first when it is stale; None when the
    take has no analysis (or, for a stale one, no transcript to analyse again)."""
    from offguard.analysis import ANALYSIS_VERSION, analyze_text

    record = store.latest_analysis(take_id)
    if record is None or record.version == ANALYSIS_VERSION:
        return record
    transcript = store.latest_transcript(take_id)
    take = store.get_take(take_id)
    if transcript is None or take is None:
        return record
    analysis = analyze_text(
        transcript.text,
        question=store.question_text(take.question_id),
        words=transcript.words or None,
        duration=transcript.duration or None,
    )
    data = analysis.to_dict()
    if isinstance(record.data.get("delivery"), dict):
        data["delivery"] = record.data["delivery"]
    store.save_analysis(
        take_id,
        version=analysis.version,
        verdict=analysis.verdict,
        specificity=analysis.specificity,
        data=data,
    )
    return store.latest_analysis(take_id)
