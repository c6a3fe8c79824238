"""The specificity coach: is an answer one checkable event, or generic?

``analyze_text(text)`` returns an :class:`Analysis`: a verdict ("generic" or "specific"), a
specificity score (0-100, 50 is the boundary), the phrases that make it generic (``flags``,
kinds documented in :mod:`offguard.analysis.flags`), what makes it specific (``specifics``,
kinds in :mod:`offguard.analysis.specifics`), per-sentence scores, STAR, 1-3 suggestions, and
delivery metrics when word timings, audio or a duration are given.

Method: rules over the project's own lexicons (``analysis/lexicons``) and grammar cues
(:mod:`offguard.analysis.grammar`: self-description, praising abstractions, opinions stated as
truths, plural and second-person general claims, vague amounts with their noun). Evidence of
one particular event (narration with a time, a name, a concrete place or thing, the speaker's
own actions, an outcome) is weighed against generic cues (habits, hypotheticals, self-praise,
platitudes, clichés, vague actions and outcomes, numbers that belong to no event); a told story
(an own action followed by a result) with little generic weight earns a bonus. Claims cover
their clause (:mod:`offguard.analysis.clauses`), numbers their verb phrase. Clause-level
cues catch generic wording no list holds (:mod:`offguard.analysis.genericity`: lessons drawn,
gradual arcs, actions on abstractions, general truths, present-tense self-claims; a scene told
in the present tense is recognised by its grammar; cues that are not generic where they stand
are dropped by :mod:`offguard.analysis.context`), and in an answer judged generic every
remaining clause that tells nothing particular is marked too (:mod:`offguard.analysis.sweep`);
STAR letters point at a sentence or a clause; long sentences are shaded clause by clause
(:mod:`offguard.analysis.shading`). The answer's structure shifts the score
(:mod:`offguard.analysis.episode`): a chain of the speaker's own actions anchored to one
occasion ("I caught it at eight that morning, moved the board, met the client") counts as an
event without names or numbers; a career told as a timeline of years, or habits with no action
of the speaker's, count against. Offline, no model, hundreds of answers per second.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from offguard.analysis.result import Analysis, Delivery, SentenceScore, Span

if TYPE_CHECKING:
    import numpy

    from offguard.transcription.types import Word

#: Bump when results change, so stored analyses can be recomputed.
ANALYSIS_VERSION = 5

SPECIFIC_KINDS_REASONS: dict[str, str] = {
    "time": "A particular time: it pins the story to one event.",
    "event": "One particular event is being told.",
    "named-entity": "A name the listener could check.",
    "place": "A concrete place or thing.",
    "own-action": "Something you did yourself.",
    "number": "A concrete number.",
    "outcome": "What changed as a result.",
}

__all__ = [
    "ANALYSIS_VERSION",
    "Analysis",
    "Delivery",
    "SentenceScore",
    "Span",
    "analyze_text",
]


def analyze_text(
    text: str,
    *,
    question: str | None = None,
    words: Sequence[Word] | None = None,
    audio: numpy.ndarray | None = None,
    samplerate: int | None = None,
    duration: float | None = None,
) -> Analysis:
    """Analyse one answer's text (and, when given, its timings or audio)."""
    from offguard.analysis.flags import REASONS
    from offguard.analysis.score import combine, score_text
    from offguard.analysis.shading import shade
    from offguard.analysis.star import detect
    from offguard.analysis.suggest import suggest

    if not isinstance(text, str):
        raise TypeError("text must be a string")
    scored = score_text(text)
    raw_flags = scored.flags
    specifics = [
        Span(s, e, text[s:e], kind, SPECIFIC_KINDS_REASONS[kind]) for s, e, kind in scored.specifics
    ]
    sentences = [SentenceScore(lo, hi, sc) for lo, hi, sc in shade(text, scored)]
    star, star_sentences = detect(
        text, scored.sentence_spans, scored.cues, scored.events, scored.sentence_scores
    )
    if star["A"] and star["R"]:
        scored.score = combine(scored, story=True)
    verdict = "specific" if scored.score >= 50 else "generic"
    if verdict == "generic" and scored.swept:
        raw_flags = sorted(raw_flags + scored.swept)
    flags = [Span(s, e, text[s:e], kind, REASONS[kind]) for s, e, kind in raw_flags]
    suggestions = suggest(
        empty=not scored.sentence_spans,
        specific=verdict == "specific",
        flags=flags,
        cues=scored.cues,
        events=scored.events,
        star=star,
        question=question,
        star_sentences=star_sentences,
    )
    delivery = None
    if words or audio is not None or duration is not None:
        from offguard.analysis.delivery import measure

        delivery = measure(text, words, audio, samplerate, duration)
    return Analysis(
        version=ANALYSIS_VERSION,
        verdict=verdict,
        specificity=scored.score,
        flags=flags,
        specifics=specifics,
        sentences=sentences,
        star=star,
        star_sentences=star_sentences,
        suggestions=suggestions,
        delivery=delivery,
    )
