"""Clauses and pieces inside a sentence, with character offsets.

- A *clause* has its own subject: "I radio Dave in goods-in | we find them behind the chiller |
  and the lorry leaves on time". A list of verbs with one subject stays one clause ("I'd hear
  them out, apologise and look for a fix"), so a habit or a hypothetical covers all of it.
- A *piece* is a clause cut further at every comma and "and/but/so/then": the span of one
  verb phrase ("I managed teams of 40 | hit 120% of target every quarter | and grew the
  region by 30%"), used for numbers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from offguard.analysis.text import wordset

_HARD = re.compile(r"[;:!?()\"\u2014\u2013]|\.(?=\s|$)| - ")
_SOFT = re.compile(
    r",\s*(?:(?:and|but|so|then|because|while|when|whereas|or)\s+)?"
    r"|\s(?:and|but|so|then|because|while|when(?! it comes to)|whereas|or)\s",
    re.IGNORECASE,
)
_PIECE = re.compile(r",\s*|\s(?:and|but|so|then)\s(?!so\b)", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z\u2019'-]+|\d[\d,.%]*")

SUBJECTS = wordset(
    """
    i we he she they it you i'm i'd i've i'll we're we'd we've we'll he's he'd she's she'd
    they're they'd they've it's it'd you're you'd you've there there's everyone everybody
    nobody someone somebody
    """
)
_DETERMINERS = wordset("the a an my our his her their this that these those its your every each")
_PREPOSITIONS = wordset(
    """
    in on at by after before during within until since from for with without over under
    about around across into through behind next once if whenever
    """
)
_SUBORDINATORS = wordset("when while because as although though since whenever once if unless")
_SKIP = wordset(
    "um uh er erm like just then also actually really basically even honestly obviously "
    "luckily eventually finally suddenly basically thankfully"
)


def _first_words(text: str, pos: int, hi: int, n: int) -> list[tuple[int, str]]:
    out = []
    for m in _WORD.finditer(text, pos, hi):
        out.append((m.start(), m.group(0).lower().replace("\u2019", "'")))
        if len(out) >= n:
            break
    return out


def _new_subject(text: str, pos: int, hi: int, comma: bool) -> bool:
    """Does a new clause (its own subject) start at ``pos``?"""
    words = [w for w in _first_words(text, pos, hi, 8) if w[1] not in _SKIP]
    if not words:
        return False
    first_at, first = words[0]
    if first in SUBJECTS:
        return True
    if first in _SUBORDINATORS and len(words) > 1:
        second_at, second = words[1]
        if second in SUBJECTS or second in _DETERMINERS or text[second_at].isupper():
            return True  # ", so when our office move slipped"
    if first in _PREPOSITIONS or first in _SUBORDINATORS or first.isdigit():
        # "and by June he'd moved up", "and in every engagement I'd build"
        return any(w in SUBJECTS for _, w in words[1:8])
    if not comma:
        return False
    if first in _DETERMINERS:
        return True  # ", the lorry leaves on time"
    return text[first_at].isupper()  # ", Dave found them"


@lru_cache(maxsize=4096)
def _clauses_cached(text: str, lo: int, hi: int) -> tuple[tuple[int, int], ...]:
    cuts: list[tuple[int, int]] = []  # (end of previous clause, start of the next)
    for m in _HARD.finditer(text, lo, hi):
        cuts.append((m.start(), m.end()))
    for m in _SOFT.finditer(text, lo, hi):
        if _new_subject(text, m.end(), hi, "," in m.group(0)):
            cuts.append((m.start(), m.end()))
    return _split(text, lo, hi, cuts)


def _split(text: str, lo: int, hi: int, cuts: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    start = lo
    for end, nxt in sorted(cuts):
        if end < start:
            continue
        _push(text, start, end, out)
        start = max(nxt, end)
    _push(text, start, hi, out)
    return tuple(out)


def _push(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and not (text[start].isalnum() or text[start] in "\u00a3$\u20ac"):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "'%"):
        end -= 1
    if end > start:
        out.append((start, end))


def clauses(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The clauses of sentence [lo, hi), in order (trimmed of punctuation and spaces)."""
    return list(_clauses_cached(text, lo, hi))


def pieces(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The clauses of [lo, hi) cut further at commas and coordinating conjunctions."""
    out: list[tuple[int, int]] = []
    for c_lo, c_hi in _clauses_cached(text, lo, hi):
        cuts = [(m.start(), m.end()) for m in _PIECE.finditer(text, c_lo, c_hi)]
        out.extend(_split(text, c_lo, c_hi, cuts))
    return out


def containing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The span holding ``pos`` (or the first one starting after it)."""
    for lo, hi in spans:
        if pos < hi:
            return (lo, hi)
    return None


def widen(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Widen [start, end) to the clause(s) it touches inside sentence [lo, hi)."""
    parts = clauses(text, lo, hi)
    left = containing(parts, start)
    right = containing(parts, max(start, end - 1))
    if left is None or right is None:
        return start, end
    return min(left[0], start), max(right[1], end)
