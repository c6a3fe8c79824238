"""The parts of a streamed take: final pieces, the window not yet final (a snapshot of it and
the audio it holds, shared by the recorder's thread and the decoding worker), decode
statistics.

Split out of :mod:`offguard.transcription.streaming`, which builds and consumes them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from offguard.transcription.types import Word

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class DecodeStat:
    """One decode (for benchmarks): kind, where its audio starts, how long, how long it took."""

    kind: str  # "live", "final", "forced", "tail", "fillers", "long"
    start: float
    seconds: float
    took: float


@dataclass
class Piece:
    """A final stretch of the take: its words, and its audio until its filler pass is done."""

    text: str
    words: list[Word]
    audio: FloatArray | None = None
    offset: float = 0.0  # where ``audio`` starts in the take (seconds)
    context: str | None = None  # the final text before it
    start: int = 0  # the stretch of the take it covers (sample indices)
    end: int = 0
    long: bool = False  # decoded again as part of a long stretch (:mod:`redecode`)


@dataclass
class Window:
    """A snapshot of the audio not yet final."""

    cut: int  # sample index of the window's start
    audio: FloatArray
    pauses: list[int]
    quiet_since: int  # the audio is quiet from this sample index on

    @property
    def end(self) -> int:
        return self.cut + self.audio.size


class WindowAudio:
    """The audio not yet final, with its pauses: the recorder's writer thread appends, the
    decoding worker takes snapshots and drops what became final (under one lock)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._blocks: list[FloatArray] = []
        self.cut = 0  # sample index where the window (audio not yet final) starts
        self.total = 0  # samples appended so far
        self._pauses: list[int] = []
        self._quiet_since = 0
        self._seen = 0  # ``total`` at the latest snapshot

    def append(self, block: FloatArray, pauses: list[int], quiet_since: int) -> int:
        """Add recorded samples and the pauses found in them; ``quiet_since`` is where the
        last sound ended. Returns the samples added since the latest snapshot."""
        with self._lock:
            self._blocks.append(block)
            self.total += block.size
            self._pauses.extend(p for p in pauses if p > self.cut)
            self._quiet_since = quiet_since
            return self.total - self._seen

    def snapshot(self) -> Window:
        import numpy as np

        with self._lock:
            self._seen = self.total
            if len(self._blocks) > 1:
                self._blocks = [np.concatenate(self._blocks)]
            audio = self._blocks[0] if self._blocks else np.zeros(0, np.float32)
            return Window(self.cut, audio, list(self._pauses), self._quiet_since)

    def drop_before(self, to: int) -> tuple[int, FloatArray] | None:
        """The audio before sample ``to`` is final: drop it and restart the window there.
        Returns where the dropped audio started and the audio, or None if there was none."""
        with self._lock:
            dropped = None
            if self._blocks:
                if len(self._blocks) == 1:
                    audio = self._blocks[0]
                else:
                    import numpy as np

                    audio = np.concatenate(self._blocks)
                rest = audio[to - self.cut :]
                self._blocks = [rest] if rest.size else []
                dropped = (self.cut, audio[: to - self.cut])
            self.cut = to
            self._pauses = [p for p in self._pauses if p > to]
            return dropped


def monotonic(words: list[Word]) -> list[Word]:
    """Word start times made non-decreasing (pieces decoded apart may overlap a little)."""
    out: list[Word] = []
    last = 0.0
    for w in words:
        if w.start < last:
            w = Word(w.word, last, max(last, w.end), w.probability)
        out.append(w)
        last = w.start
    return out
