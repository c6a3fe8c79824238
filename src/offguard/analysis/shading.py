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
    from spacy.tokens import Doc

    from offguard.analysis.score import Scored

LONG = 25
SHORT = 4
#: The sentence and context lengths :func:`shade` passes are capped at this many words.
MAX_LENGTH = 40


def parse(text: str) -> Doc:
    """The answer parsed for shading (named-entity recognition is not needed)."""
    from offguard.analysis.nlp import get_nlp

    return get_nlp()(text, disable=["ner"])


def shade(text: str, scored: Scored, doc: Doc | None = None) -> list[tuple[int, int, float]]:
    """(start, end, specificity) ranges covering the sentences, in order.

    ``doc`` is the answer's parse (``text`` parsed); without it the text is parsed here."""
    if not scored.sentence_spans:
        return []
    if doc is None:
        doc = parse(text)
    out: list[tuple[int, int, float]] = []
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
    several = sum(len(parts) for parts in units) > 1
    context = min(word_count(doc), MAX_LENGTH) if several else None
    for parts in units:
        sentence = None
        if len(parts) > 1:
            whole = doc.char_span(parts[0][0], parts[-1][1], alignment_mode="expand")
            sentence = None if whole is None else min(word_count(whole), MAX_LENGTH)
        for lo, hi in parts:
            span = doc.char_span(lo, hi, alignment_mode="expand")
            out.append((lo, hi, 0.0 if span is None else specificity(span, sentence, context)))
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
