"""Keeping the fillers without paying for them in words.

Whisper leaves out most "um"s and "uh"s; a filler-laden prompt brings them back but also changes
other words (measured on held-out speech: "Canada" became "candy of the", whole phrases were
reworded). So the audio is decoded twice: without the filler prompt (the words) and with it
(the fillers), and only the fillers of the second decode are added to the first, at their
place in the word sequence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from offguard.transcription.types import Word

_FILLER = re.compile(r"^(u+h+|u+m+|h+m+|m{2,}|e+r+m*|a+h+|mhm|uh-huh)$")
_TOKEN = re.compile(r"[^a-z0-9'-]+")


def token(word: Word | str) -> str:
    """A word as compared: lower case, no punctuation."""
    text = word.word if isinstance(word, Word) else word
    return _TOKEN.sub("", text.lower()).strip("'-")


def is_filler(word: Word | str) -> bool:
    return bool(_FILLER.match(token(word)))


def _fillers_only(words: Sequence[Word]) -> list[Word]:
    """The fillers among ``words``, plus "you know" when that is all there is."""
    if [token(w) for w in words] == ["you", "know"]:
        return list(words)
    return [w for w in words if is_filler(w)]


def merge_fillers(base: Sequence[Word], prompted: Sequence[Word]) -> list[Word]:
    """``base`` with the fillers ``prompted`` has and ``base`` lacks, in time order."""
    a = [token(w) for w in base]
    b = [token(w) for w in prompted]
    out: list[Word] = []
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("equal", "delete"):
            out.extend(base[i1:i2])
        elif op == "insert":
            out.extend(_fillers_only(prompted[j1:j2]))
        else:  # replace: keep base's words, add the prompted side's fillers where they fall
            extra = [w for w in prompted[j1:j2] if is_filler(w)]
            have = sum(1 for w in base[i1:i2] if is_filler(w))
            merged = list(base[i1:i2]) + extra[have:]
            out.extend(sorted(merged, key=lambda w: w.start))
    return out
