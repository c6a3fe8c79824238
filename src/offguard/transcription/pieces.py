"""The parts of a streamed take: final pieces, the window not yet final, decode statistics.

Split out of :mod:`offguard.transcription.streaming`, which builds and consumes them.
"""

from __future__ import annotations

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
