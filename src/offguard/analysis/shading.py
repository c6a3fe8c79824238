"""Scores for shading the transcript: one per sentence, or per clause in a long sentence.

Each range is scored by :mod:`offguard.analysis.sentence_model` (how much detail it holds,
learned from crowd ratings of sentence specificity) on the parsed answer. A spoken answer
often runs on ("I radio Dave in goods-in, we find them behind the chiller, and the lorry
leaves on time"); one score for 40 words hides which part is vague. Sentences longer than
:data:`LONG` words are scored clause by clause (clauses shorter than :data:`SHORT` words join
the next one). A piece of a written sentence (a clause, or a run-on transcript cut at "and
then") is judged as its sentence would be, and in a text of several ranges each is read in
the context of the whole (:func:`offguard.analysis.sentence_model.features`; lengths capped at
:data:`MAX_LENGTH` words): a short sentence in a detailed answer is not marked down for its
length alone, and a vague one stays vague.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from offguard.analysis.clauses import clauses
from offguard.analysis.sentence_model import specificity, word_count
from offguard.analysis.text import normalize

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from offguard.analysis.score import Scored

LONG = 25
SHORT = 4
#: The sentence and context lengths :func:`shade` passes are capped at this many words.
MAX_LENGTH = 40


def parse(text: str) -> Doc | None:
    """The answer parsed for shading (named-entity recognition is not needed); None when the
    text is longer than the parser takes at once (then each range is parsed on its own)."""
    from offguard.analysis.nlp import get_nlp

    nlp = get_nlp()
    if len(text) > nlp.max_length:
        return None
    return nlp(text, disable=["ner"])


def shade(text: str, scored: Scored, doc: Doc | None = None) -> list[tuple[int, int, float]]:
    """(start, end, specificity) ranges covering the sentences, in order.

    ``doc`` is the answer's parse (``text`` parsed); without it the text is parsed here."""
    if not scored.sentence_spans:
        return []
    norm: str | None = None
    units: list[list[tuple[int, int]]] = []
    for unit in _units(text, scored.sentence_spans):
        parts: list[tuple[int, int]] = []
        for lo, hi in unit:
            grouped = [(lo, hi)]
            if len(scored.sentence_spans) > 1 and len(text[lo:hi].split()) > LONG:
                norm = normalize(text) if norm is None else norm
                grouped = _grouped(text, norm, lo, hi) or grouped
            parts.extend(grouped)
        units.append(parts)
    spans = _spans(text, [p for parts in units for p in parts], doc)
    several = len(spans) > 1
    context = min(sum(word_count(s) for s in spans.values()), MAX_LENGTH) if several else None
    out: list[tuple[int, int, float]] = []
    for parts in units:
        sentence = None
        if len(parts) > 1:
            sentence = min(sum(word_count(spans[p]) for p in parts), MAX_LENGTH)
        for part in parts:
            out.append((*part, specificity(spans[part], sentence, context)))
    return out


def _spans(
    text: str, parts: list[tuple[int, int]], doc: Doc | None
) -> dict[tuple[int, int], Span | Doc]:
    """Each range's tokens: a span of ``doc`` (parsed here when not given), or, for a text
    too long to parse at once, the range parsed on its own."""
    if doc is None:
        doc = parse(text)
    if doc is None:
        from offguard.analysis.nlp import get_nlp

        docs = get_nlp().pipe([text[lo:hi] for lo, hi in parts], disable=["ner"])
        return dict(zip(parts, docs, strict=True))
    out: dict[tuple[int, int], Span | Doc] = {}
    for lo, hi in parts:
        span = doc.char_span(lo, hi, alignment_mode="expand")
        out[(lo, hi)] = doc[0:0] if span is None else span
    return out


def _units(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The sentence ranges grouped into written sentences: a range that does not end in
    sentence-final punctuation (a run-on transcript cut into pieces) joins the next."""
    units: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for lo, hi in spans:
        current.append((lo, hi))
        if text[lo:hi].rstrip().rstrip("\"')\u201d\u2019").endswith((".", "!", "?", "\u2026")):
            units.append(current)
            current = []
    if current:
        units.append(current)
    return units


def _grouped(text: str, norm: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The sentence's clauses, short ones joined to the next, the last one ending at ``hi``."""
    groups: list[tuple[int, int]] = []
    start: int | None = None
    for c_lo, c_hi in clauses(norm, lo, hi):
        start = c_lo if start is None else start
        if len(norm[start:c_hi].split()) >= SHORT:
            groups.append((start, c_hi))
            start = None
    if start is not None:
        if groups:
            groups[-1] = (groups[-1][0], hi)
        else:
            groups.append((start, hi))
    if groups:
        groups[0] = (lo, groups[0][1])
        groups[-1] = (groups[-1][0], hi)
    return groups
