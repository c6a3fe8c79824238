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

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from offguard.analysis.result import Analysis, Delivery, SentenceScore, Span

if TYPE_CHECKING:
    import numpy
    from spacy.tokens import Doc

    from offguard.analysis.score import Scored
    from offguard.transcription.types import Word

#: Bump when results change, so stored analyses can be recomputed.
ANALYSIS_VERSION = 8

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
    "analyze_many",
    "analyze_text",
    "preload",
]


def analyze_text(
    text: str,
    *,
    question: str | None = None,
    words: Sequence[Word] | None = None,
    audio: numpy.ndarray | None = None,
    samplerate: int | None = None,
    duration: float | None = None,
    doc: Doc | None = None,
) -> Analysis:
    """Analyse one answer's text (and, when given, its timings or audio).

    ``doc`` is the answer already parsed by :func:`offguard.analysis.situations.parse` (as
    :func:`analyze_many` does in batches); otherwise the text is parsed here."""
    from offguard.analysis.combiner import features, probability
    from offguard.analysis.flags import REASONS
    from offguard.analysis.reading import read_answer, task_reason
    from offguard.analysis.score import swept
    from offguard.analysis.shading import shade
    from offguard.analysis.situations import generic_clauses, parse
    from offguard.analysis.star import detect
    from offguard.analysis.suggest import suggest

    if not isinstance(text, str):
        raise TypeError("text must be a string")
    if text.strip() and doc is None:
        doc = parse(text)
    sit, scored = read_answer(text, question, doc)
    if scored.sentence_spans:
        scored.score = _short_answer(
            100.0 * probability(features(sit, question, scored.kinds)), scored.sentence_scores
        )
    raw_flags = scored.flags
    if scored.score >= 50:
        raw_flags = _outside_the_story(raw_flags, scored)
    specifics = [
        Span(s, e, text[s:e], kind, SPECIFIC_KINDS_REASONS[kind]) for s, e, kind in scored.specifics
    ]
    sentences = [SentenceScore(lo, hi, sc) for lo, hi, sc in shade(text, scored, doc)]
    star, star_sentences = detect(
        text, scored.sentence_spans, scored.cues, scored.events, scored.sentence_scores
    )
    verdict = "specific" if scored.score >= 50 else "generic"
    if verdict == "generic" and scored.sentence_spans:
        # a stretch with no verb in the parse ("the smart bins") claims nothing: no flag
        plain = [f for f in swept(text, scored) if doc is None or _has_verb(doc, f[0], f[1])]
        raw_flags = sorted(raw_flags + plain)
        raw_flags = sorted(raw_flags + _unflagged(raw_flags, generic_clauses(sit, doc)))
        # an estimate, a plan or a pay answer judged generic: its guesses and wishes ("maybe
        # a thousand?", "I'd like to move up") are what keeps it generic
        raw_flags = sorted(raw_flags + _unflagged(raw_flags, scored.set_aside))
    # a set-aside flag shown on a generic answer says what the task asked for
    task = set(scored.set_aside) if verdict == "generic" else set()
    reason = task_reason(question)
    flags = [
        Span(s, e, text[s:e], kind, reason if reason and (s, e, kind) in task else REASONS[kind])
        for s, e, kind in raw_flags
    ]
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


def _outside_the_story(
    flags: list[tuple[int, int, str]], scored: Scored
) -> list[tuple[int, int, str]]:
    """In an answer judged specific, a habit or a general remark in a sentence with told
    sentences on both sides ("We get sixty call-outs a year" between the call-out and the
    rescue) is the story's background, not the answer's substance: no flag. A claim that
    opens the answer or a moral that closes it is still flagged."""
    from offguard.analysis.context import index

    told = [bool(c.narrative or c.own_actions or c.present_actions) for c in scored.cues]
    spans = scored.sentence_spans
    out = []
    for f in flags:
        if f[2] in ("habitual", "platitude"):
            idx = index(spans, f[0])
            if idx is not None and any(told[:idx]) and any(told[idx + 1 :]):
                continue
        out.append(f)
    return out


def _unflagged(
    flags: list[tuple[int, int, str]], extra: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The clauses of ``extra`` that no flag touches yet."""
    return [c for c in extra if not any(s < c[1] and c[0] < e for s, e, _ in flags)]


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    """Does the parse find a verb or auxiliary in ``text[start:end]``?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _short_answer(score: float, sentence_scores: list[float]) -> float:
    """One or two sentences are too short for the answer model (trained on whole answers):
    lean on the sentences' own detail (one sentence: its own score; two: half and half)."""
    n = len(sentence_scores)
    if n > 2:
        return score
    weight = (3 - n) / 2
    return weight * sum(sentence_scores) / n + (1 - weight) * score


def analyze_many(
    items: Iterable[tuple[str, str | None]], batch_size: int = 32
) -> Iterator[Analysis]:
    """Analyse (text, question) pairs, parsing them in batches (faster for whole files)."""
    batch: list[tuple[str, str | None]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _batch(batch)
            batch = []
    if batch:
        yield from _batch(batch)


def _batch(batch: list[tuple[str, str | None]]) -> Iterator[Analysis]:
    from offguard.analysis.situations import parse_many

    docs = parse_many([t if t.strip() else "" for t, _ in batch], batch_size=len(batch))
    for (text, question), doc in zip(batch, docs, strict=True):
        yield analyze_text(text, question=question, doc=doc)


def preload() -> None:
    """Load the parser now (call from a background thread: the first analysis is then fast)."""
    from offguard.analysis.nlp import preload as _preload

    _preload()
