"""The LocalAgreement-2 policy of Whisper-Streaming (Macháček, Dabre and Bojar, 2023).

The audio since the last committed point is decoded again every second or so. A word is
*committed* once two consecutive decodes agree on it (and on every word before it); the rest of
the latest decode is *provisional*: shown, but it may still change. Committed words never
change. Pure logic on word lists, so it can be tested without a model.
"""

from __future__ import annotations

from collections.abc import Sequence

from offguard.transcription.fillers import token
from offguard.transcription.types import Word

#: A new decode's word starting this much before the last committed word's end is a repeat.
OVERLAP_SLACK = 0.1
#: Up to this many words at the start of a decode are checked against the committed tail.
MAX_NGRAM = 5


def _mid(w: Word) -> float:
    return (w.start + w.end) / 2


class LocalAgreement:
    """Commits the longest common prefix of two consecutive hypotheses (LocalAgreement-2)."""

    def __init__(self) -> None:
        self.committed: list[Word] = []  # committed, not yet taken by :meth:`take`
        self.provisional: list[Word] = []  # the latest hypothesis after the committed words
        self.hypothesis: list[Word] = []  # the latest decode, whole
        self._last_time = float("-inf")  # end of the last committed word (or cut point)
        self._tail: list[Word] = []  # the last few committed words, to drop repeats

    @property
    def committed_until(self) -> float:
        """Where the committed words end (seconds); ``-inf`` when nothing is committed."""
        return self._last_time

    def update(self, hypothesis: Sequence[Word]) -> list[Word]:
        """Feed the words of a new decode (absolute times); returns the newly committed ones."""
        self.hypothesis = list(hypothesis)
        new = [w for w in hypothesis if w.start > self._last_time - OVERLAP_SLACK]
        new = self._drop_repeat(new)
        previous = self.provisional
        n = 0
        while n < min(len(previous), len(new)) and token(previous[n]) == token(new[n]):
            n += 1
        fresh = new[:n]
        if fresh:
            self.committed.extend(fresh)
            self._tail = (self._tail + fresh)[-MAX_NGRAM:]
            self._last_time = fresh[-1].end
        self.provisional = new[n:]
        return fresh

    def _drop_repeat(self, new: list[Word]) -> list[Word]:
        """Drop words at the start of ``new`` that repeat the last committed words."""
        if not new or not self._tail or abs(new[0].start - self._last_time) > 1.0:
            return new
        for k in range(min(MAX_NGRAM, len(self._tail), len(new)), 0, -1):
            if [token(w) for w in self._tail[-k:]] == [token(w) for w in new[:k]]:
                return new[k:]
        return new

    def take(self) -> list[Word]:
        """Hand over the committed words (they become final elsewhere)."""
        taken, self.committed = self.committed, []
        return taken

    def restart(self, at: float) -> None:
        """The audio before ``at`` seconds is final: forget it, keep what lies after."""
        self.committed = [w for w in self.committed if _mid(w) >= at]
        self.provisional = [w for w in self.provisional if _mid(w) >= at]
        self.hypothesis = [w for w in self.hypothesis if _mid(w) >= at]
        self._last_time = max(self._last_time, at) if self.committed else at
        if not self.committed:
            self._tail = []
