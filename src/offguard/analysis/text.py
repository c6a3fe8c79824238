"""Text helpers that keep character offsets: normalising, sentences, clauses, tokens."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})

_ABBREV = {"mr", "mrs", "ms", "dr", "st", "vs", "etc", "e.g", "i.e", "a.m", "p.m", "no", "jr", "sr"}
_SENT_END = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)|\n\s*\n|\n(?=\s*[-*\u2022])")
_TOKEN = re.compile(r"[^\W_](?:[\w'&.-]*[^\W_])?")


def wordset(words: str) -> frozenset[str]:
    """A set of whitespace-separated words (keeps long word lists readable)."""
    return frozenset(words.split())


def normalize(text: str) -> str:
    """Lower-case with straight quotes, the same length as ``text`` (offsets stay valid)."""
    straight = text.translate(_QUOTES)
    if straight.isascii():  # ASCII lower-cases letter for letter (the common case, fast)
        return straight.lower()
    out = []
    for ch in straight:
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    low: str


def tokens(text: str, norm: str | None = None) -> list[Token]:
    low = normalize(text) if norm is None else norm
    return [
        Token(m.start(), m.end(), text[m.start() : m.end()], low[m.start() : m.end()])
        for m in _TOKEN.finditer(low)
    ]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ranges (start, end) without surrounding whitespace, covering every word."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        word = re.search(r"([\w.]+)[.]$", text[start : m.start() + 1])
        abbrev = word.group(1).lower().rstrip(".") if word else ""
        if (
            m.group(0) == "."
            and abbrev in _ABBREV
            and (abbrev != "no" or re.match(r"\s*\d", text[m.end() :]))
        ):
            continue  # "Dr. Shah", "No. 5"; not "without just saying no."
        if m.group(0) == "." and re.search(r"\b[A-Za-z]\.[A-Za-z]$", text[start : m.start()]):
            continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


LONG_SENTENCE = 40  # words; a longer run-on (no punctuation) is cut at conjunctions
_JOINT = re.compile(
    r"\s(?=(?:and|so|but|then|because|which|when|um|uh)\s+(?:i|we|he|she|they|it|you|there|"
    r"then|the|this|that|my|our|his|her|their|i'm|i'd|it's|we'd|he'd|she'd|um|uh)[\s,.'])",
    re.IGNORECASE,
)
_WORD = re.compile(r"\S+")


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without surrounding white space; None when it holds no letter or digit."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    trimmed = _trim(text, start, end)
    if trimmed is None:
        return
    start, end = trimmed
    words = [m.start() for m in _WORD.finditer(text, start, end)]
    if len(words) <= LONG_SENTENCE:
        spans.append((start, end))
        return
    # A run-on sentence (transcripts without punctuation): cut it at conjunctions into
    # pieces of about 15-40 words, so one long stretch is not scored as one sentence.
    cut = start
    for m in _JOINT.finditer(text, start, end):
        at = bisect.bisect_left(words, m.start())
        done = at - bisect.bisect_left(words, cut)
        left = len(words) - at
        if done >= 15 and left >= 8:
            _add(text, cut, m.start(), spans)
            cut = m.end()
    _add_piece(text, cut, end, spans)


MAX_SENTENCE = 80
"""Words; a piece still longer after the cuts at conjunctions (a ramble with no punctuation
and no "and I") is cut every :data:`LONG_SENTENCE` words. The checks that look around a flag
within its sentence then stay linear in the length of the answer, not quadratic."""


def _add_piece(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    trimmed = _trim(text, start, end)
    if trimmed is None:
        return
    start, end = trimmed
    words = [m.start() for m in _WORD.finditer(text, start, end)]
    if len(words) <= MAX_SENTENCE:
        spans.append((start, end))
        return
    cuts = words[LONG_SENTENCE::LONG_SENTENCE]
    if len(words) - (len(cuts) * LONG_SENTENCE) < 8 and cuts:
        cuts.pop()  # no stub of a few words at the end: the last piece takes them
    for lo, hi in zip([start, *cuts], [*cuts, end], strict=True):
        piece_end = hi
        while piece_end > lo and text[piece_end - 1].isspace():
            piece_end -= 1
        spans.append((lo, piece_end))
