"""Scores for shading the transcript: one per sentence, or per clause in a long sentence.

A spoken answer often runs on ("I radio Dave in goods-in, we find them behind the chiller,
and the lorry leaves on time"); one score for 40 words hides which part is vague. Sentences
longer than :data:`LONG` words are scored clause by clause (clauses shorter than
:data:`SHORT` words join the next one), with the same rule as a whole sentence. A text of one
sentence keeps its one score (it equals the answer's score).
"""

from __future__ import annotations

import bisect

from offguard.analysis.clauses import clauses
from offguard.analysis.score import Scored, sentence_score
from offguard.analysis.specifics import scan_sentence
from offguard.analysis.text import Token, normalize, tokens

LONG = 25
SHORT = 4


def shade(text: str, scored: Scored) -> list[tuple[int, int, float]]:
    """(start, end, specificity) ranges covering the sentences, in order."""
    out: list[tuple[int, int, float]] = []
    norm: str | None = None
    toks: list[Token] = []
    starts = [w for w, _ in scored.weights]
    order = sorted(range(len(starts)), key=lambda i: starts[i])
    starts_sorted = [starts[i] for i in order]
    for (lo, hi), sc in zip(scored.sentence_spans, scored.sentence_scores, strict=True):
        if len(scored.sentence_spans) == 1 or len(text[lo:hi].split()) <= LONG:
            out.append((lo, hi, sc))
            continue
        if norm is None:
            norm = normalize(text)
            toks = tokens(text, norm)
        parts = _grouped(text, norm, lo, hi)
        if len(parts) < 2:
            out.append((lo, hi, sc))
            continue
        for c_lo, c_hi in parts:
            cues = scan_sentence(text, norm, toks, c_lo, c_hi, scored.present_frame, [])
            a = bisect.bisect_left(starts_sorted, c_lo)
            b = bisect.bisect_left(starts_sorted, c_hi)
            generic = sum(scored.weights[order[i]][1] for i in range(a, b))
            out.append((c_lo, c_hi, sentence_score(cues, generic)))
    return out


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
