"""Word error rate with the normalisation used for every figure we report.

Both sides are lower-cased, punctuation is stripped (apostrophes inside words are kept, so
"don't" stays one word), hyphens split words, and whole numbers written as digits become
words ("1984" -> "one thousand nine hundred eighty four"), so "20" and "twenty" match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"))
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")
_FILLER_SPELLINGS = (
    (re.compile(r"^u+h+$"), "uh"),
    (re.compile(r"^u+m+$"), "um"),
    (re.compile(r"^(h+m+|m{2,})$"), "hm"),
)

#: Spelling variants folded together before scoring (British/American, Whisper's habits).
_VARIANTS = {
    "ok": "okay",
    "mr": "mister",
    "mrs": "missus",
    "dr": "doctor",
    "alright": "all right",
    "gonna": "going to",
    "wanna": "want to",
    "y'know": "you know",
    "'em": "them",
    "er": "uh",
}


def number_to_words(n: int) -> str:
    """English words for a non-negative integer ("105" -> "one hundred five")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + ("" if ones == 0 else " " + _ONES[ones])
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _ONES[hundreds] + " hundred" + ("" if rest == 0 else " " + number_to_words(rest))
    for value, name in _SCALES:
        if n >= value:
            high, rest = divmod(n, value)
            tail = "" if rest == 0 else " " + number_to_words(rest)
            return number_to_words(high) + " " + name + tail
    return str(n)  # unreachable for n >= 1000


def normalize(text: str) -> list[str]:
    """The words of ``text`` as scored: lower case, no punctuation, numbers as words."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,000 -> 1000
    words: list[str] = []
    for token in _TOKEN.findall(text.replace("-", " ")):
        token = token.strip("'")
        ordinal = _ORDINAL.match(token)
        if token.isdigit() and len(token) <= 12:
            words.extend(_number_words(int(token), len(token)).split())
        elif ordinal:
            words.extend(number_to_words(int(ordinal.group(1))).split())
            words[-1] = _ordinal_word(words[-1])
        elif token:
            for pattern, filler in _FILLER_SPELLINGS:
                if pattern.match(token):
                    token = filler
                    break
            words.extend(_VARIANTS.get(token, token).split())
    return words


def _number_words(n: int, digits: int) -> str:
    """Four-digit numbers from 1100 to 1999 read as years ("1813" -> "eighteen thirteen")."""
    if digits == 4 and 1100 <= n <= 1999 and n % 1000 >= 100:
        high, low = divmod(n, 100)
        if low == 0:
            return number_to_words(high) + " hundred"
        if low < 10:
            return number_to_words(high) + " oh " + number_to_words(low)
        return number_to_words(high) + " " + number_to_words(low)
    return number_to_words(n)


def _ordinal_word(word: str) -> str:
    special = {
        "one": "first",
        "two": "second",
        "three": "third",
        "five": "fifth",
        "eight": "eighth",
        "nine": "ninth",
        "twelve": "twelfth",
    }
    if word in special:
        return special[word]
    if word.endswith("y"):
        return word[:-1] + "ieth"
    return word + "th"


@dataclass(frozen=True)
class ErrorCounts:
    """Edit operations aligning a hypothesis to a reference."""

    substitutions: int
    deletions: int
    insertions: int
    reference_words: int

    @property
    def errors(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def wer(self) -> float:
        if self.reference_words == 0:
            return 0.0 if self.errors == 0 else 1.0
        return self.errors / self.reference_words

    def __add__(self, other: ErrorCounts) -> ErrorCounts:
        return ErrorCounts(
            self.substitutions + other.substitutions,
            self.deletions + other.deletions,
            self.insertions + other.insertions,
            self.reference_words + other.reference_words,
        )


def error_counts(reference: str | Sequence[str], hypothesis: str | Sequence[str]) -> ErrorCounts:
    """Minimum-edit alignment counts (normalising strings first)."""
    ref = normalize(reference) if isinstance(reference, str) else list(reference)
    hyp = normalize(hypothesis) if isinstance(hypothesis, str) else list(hypothesis)
    # dp rows hold (cost, subs, dels, ins) for ref[:i] vs hyp[:j].
    prev = [(j, 0, 0, j) for j in range(len(hyp) + 1)]
    for i in range(1, len(ref) + 1):
        cur = [(i, 0, i, 0)]
        for j in range(1, len(hyp) + 1):
            if ref[i - 1] == hyp[j - 1]:
                best = prev[j - 1]
            else:
                c, s, d, n = prev[j - 1]
                best = (c + 1, s + 1, d, n)
            c, s, d, n = prev[j]
            if c + 1 < best[0]:
                best = (c + 1, s, d + 1, n)
            c, s, d, n = cur[j - 1]
            if c + 1 < best[0]:
                best = (c + 1, s, d, n + 1)
            cur.append(best)
        prev = cur
    _, subs, dels, ins = prev[-1]
    return ErrorCounts(subs, dels, ins, len(ref))


def wer(reference: str | Sequence[str], hypothesis: str | Sequence[str]) -> float:
    """Word error rate of ``hypothesis`` against ``reference`` (0.0 is perfect)."""
    return error_counts(reference, hypothesis).wer
