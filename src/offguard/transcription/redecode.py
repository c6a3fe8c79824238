"""Final pieces decoded again as longer stretches, in the background, as whole-file does.

The live path makes a stretch final at each pause (4-15 s, decoded alone with the text before
it as the prompt). Whole-file transcription decodes 30 s windows, and Whisper hears more with
more context, so the streamed transcript was less accurate (3.43 % vs 2.83 % WER on the
latency answers). Once the final pieces not yet decoded again add up to ``LONG_MIN`` seconds,
their audio (at most ``LONG_MAX`` seconds, cut where the pieces were cut: at pauses) is decoded
once more as a whole and replaces them. The streaming worker does this between live decodes;
at stop, pieces not yet decoded again are kept as they are (the stop waits for no long decode).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from offguard.transcription.pieces import DecodeStat, Piece
from offguard.transcription.types import Transcriber, Word, join_words

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float32]

#: Final pieces are decoded again once they add up to this many seconds...
LONG_MIN = 20.0
#: ...as one stretch of at most this many seconds (Whisper's window is 30 s).
LONG_MAX = 30.0
#: A stretch closed early (the next piece would pass LONG_MAX) shorter than this is left as it is.
LONG_FLOOR = 8.0


def next_stretch(
    pieces: Sequence[Piece], first: int, samplerate: int, *, open_end: bool = True
) -> tuple[int, int] | None:
    """``(first, stop)``: ``pieces[first:stop]`` to decode again as one stretch now, or
    ``(first, first)`` to leave ``pieces[first]`` as it is, or ``None`` to wait for more.

    ``open_end``: more pieces may follow the last one (the take goes on).
    """
    if first >= len(pieces):
        return None
    start = pieces[first].start
    stop = first
    while stop < len(pieces) and pieces[stop].end - start <= LONG_MAX * samplerate:
        stop += 1
    if stop == first:  # one piece longer than LONG_MAX (cannot happen with MAX_WINDOW 15 s)
        return (first, first)
    seconds = (pieces[stop - 1].end - start) / samplerate
    closed = stop < len(pieces) or not open_end
    if seconds >= LONG_MIN:
        return (first, stop)
    if closed:
        return (first, stop) if seconds >= LONG_FLOOR else (first, first)
    return None


class KeptAudio:
    """The take's audio from the oldest piece not yet decoded again up to the live window."""

    def __init__(self) -> None:
        import numpy as np

        self.start = 0  # sample index of ``audio[0]`` in the take
        self._parts: list[FloatArray] = []
        self._size = 0
        self._empty = np.zeros(0, np.float32)

    @property
    def end(self) -> int:
        return self.start + self._size

    def add(self, start: int, audio: FloatArray) -> None:
        """Audio from sample ``start`` on (it follows what is kept; anything else restarts)."""
        if start != self.end or not self._parts:
            self._parts, self._size, self.start = [], 0, start
        if audio.size:
            self._parts.append(audio)
            self._size += audio.size

    def slice(self, lo: int, hi: int) -> FloatArray:
        """Samples ``[lo, hi)`` of the take (clamped to what is kept)."""
        import numpy as np

        if len(self._parts) > 1:
            self._parts = [np.concatenate(self._parts)]
        whole = self._parts[0] if self._parts else self._empty
        return whole[max(0, lo - self.start) : max(0, hi - self.start)]

    def drop_before(self, at: int) -> None:
        """Forget the audio before sample ``at``."""
        if at <= self.start:
            return
        rest = self.slice(at, self.end)
        self._parts = [rest] if rest.size else []
        self._size = rest.size
        self.start = at


class Finals:
    """The final transcript so far: its pieces, and the audio of those not yet decoded again.

    Owned by the streaming worker. :meth:`redecode` and :meth:`filler_pass` each run one decode
    (the worker calls them when it has time) and return its statistics, or ``None`` when there
    is nothing to do.
    """

    def __init__(
        self, transcriber: Transcriber, samplerate: int, cancel: Callable[[], bool]
    ) -> None:
        self.transcriber = transcriber
        self.samplerate = samplerate
        self.cancel = cancel
        self.pieces: list[Piece] = []
        self.kept = KeptAudio()
        self.long_from = 0  # pieces before this index are long or left as they are

    @property
    def texts(self) -> list[str]:
        return [p.text for p in self.pieces if p.text]

    @property
    def words(self) -> list[Word]:
        return [w for p in self.pieces for w in p.words]

    def context(self, upto: int | None = None) -> str | None:
        """The final text (before piece ``upto``), the prompt of the next decode."""
        return " ".join(p.text for p in self.pieces[:upto] if p.text) or None

    def add(
        self,
        text: str | None,
        words: list[Word],
        span: tuple[int, int],
        audio: FloatArray | None = None,
    ) -> None:
        """Append a final piece covering samples ``span``; with ``audio`` (its samples), its
        filler pass is still to be done."""
        if text is None:
            text = join_words(w.word for w in words)
        if audio is not None and not words:
            audio = None  # nothing said: no fillers to find either
        offset = span[0] / self.samplerate
        self.pieces.append(Piece(text.strip(), words, audio, offset, self.context(), *span))

    def keep(self, start: int, audio: FloatArray) -> None:
        """Audio leaving the live window (from sample ``start``): kept while a piece not yet
        decoded again may need it."""
        if self.long_from < len(self.pieces):
            self.kept.add(start, audio)
        else:
            self.kept.drop_before(start + audio.size)

    def redecode(self) -> DecodeStat | None:
        """Decode the oldest pieces not yet decoded again as one long stretch, if they are due."""
        sr = self.samplerate
        todo = next_stretch(self.pieces, self.long_from, sr)
        while todo is not None and todo[0] == todo[1]:  # a piece left as it is
            self.long_from += 1
            todo = next_stretch(self.pieces, self.long_from, sr)
        if todo is None:
            return None
        first, stop = todo
        lo, hi = self.pieces[first].start, self.pieces[stop - 1].end
        audio = self.kept.slice(lo, hi)
        began = time.perf_counter()
        context = self.context(first)
        result = self.transcriber.transcribe(
            audio, samplerate=sr, prompt=context, offset=lo / sr, cancel=self.cancel, fillers=False
        )
        words = list(result.words)
        piece = Piece(
            result.text.strip(), words, audio if words else None, lo / sr, context, lo, hi, True
        )
        self.pieces[first:stop] = [piece]
        self.long_from = first + 1
        self.kept.drop_before(hi)
        return DecodeStat("long", lo / sr, audio.size / sr, time.perf_counter() - began)

    def filler_pass(self, *, long: bool) -> DecodeStat | None:
        """Add the fillers to the oldest piece still without them (``long``: a long piece,
        else one not decoded again); ``None`` if there is none."""
        piece = next((p for p in self.pieces if p.audio is not None and p.long == long), None)
        if piece is None or piece.audio is None:
            return None
        began = time.perf_counter()
        words = list(
            self.transcriber.add_fillers(
                piece.audio,
                piece.words,
                samplerate=self.samplerate,
                prompt=piece.context,
                offset=piece.offset,
                cancel=self.cancel,
            )
        )
        seconds = piece.audio.size / self.samplerate
        piece.audio = None
        if len(words) != len(piece.words):
            piece.words = words
            piece.text = join_words(w.word for w in words)
        return DecodeStat("fillers", piece.offset, seconds, time.perf_counter() - began)
