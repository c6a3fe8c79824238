"""Finding pauses in audio: where to cut it into pieces Whisper can transcribe separately.

Energy-based and cheap (a few numpy operations per block), so it can run on the recorder's
writer thread. Levels are relative to the loudness of the speech seen so far, which makes
the detector work for quiet and loud microphones alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float32]

FRAME_SECONDS = 0.03


def frame_energy_db(audio: FloatArray, samplerate: int) -> npt.NDArray[np.float64]:
    """RMS level in dBFS of consecutive 30 ms frames (the last partial frame is dropped)."""
    import numpy as np

    hop = max(1, int(samplerate * FRAME_SECONDS))
    n = audio.size // hop
    if n == 0:
        return np.zeros(0)
    frames = audio[: n * hop].reshape(n, hop).astype(np.float64)
    rms = np.sqrt(np.mean(frames * frames, axis=1) + 1e-12)
    db: npt.NDArray[np.float64] = 20.0 * np.log10(rms)
    return db


def quietest_cut(audio: FloatArray, samplerate: int, lo: int, hi: int, window: float = 0.3) -> int:
    """Sample index in ``[lo, hi)`` at the centre of the quietest ``window``-second stretch."""
    import numpy as np

    lo, hi = max(0, lo), min(audio.size, hi)
    if hi - lo < samplerate * window * 2:
        return (lo + hi) // 2
    energy = frame_energy_db(audio[lo:hi], samplerate)
    width = max(1, int(window / FRAME_SECONDS))
    if energy.size <= width:
        return (lo + hi) // 2
    smooth = np.convolve(energy, np.ones(width) / width, mode="valid")
    best = int(np.argmin(smooth))
    hop = max(1, int(samplerate * FRAME_SECONDS))
    return lo + (best + width // 2) * hop + hop // 2


def split_long(audio: FloatArray, samplerate: int, max_seconds: float) -> list[tuple[int, int]]:
    """``(start, end)`` sample ranges of at most ``max_seconds``, cut at the quietest points."""
    limit = int(max_seconds * samplerate)
    if audio.size <= limit:
        return [(0, audio.size)]
    pieces: list[tuple[int, int]] = []
    start = 0
    search = int(min(30.0, max_seconds / 4) * samplerate)
    while audio.size - start > limit:
        cut = quietest_cut(audio, samplerate, start + limit - search, start + limit)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, audio.size))
    return pieces


class PauseDetector:
    """Online pause finder: feed blocks, ask whether the audio so far ends in a pause.

    A pause is ``min_pause`` seconds whose frames are all ``margin_db`` below the running
    speech level (a slow peak follower), or below ``floor_db`` absolutely.
    """

    def __init__(
        self,
        samplerate: int,
        *,
        min_pause: float = 0.3,
        margin_db: float = 25.0,
        floor_db: float = -55.0,
    ) -> None:
        self.samplerate = samplerate
        self.hop = max(1, int(samplerate * FRAME_SECONDS))
        self.pause_frames = max(1, round(min_pause / FRAME_SECONDS))
        self.margin_db = margin_db
        self.floor_db = floor_db
        self.speech_db = -30.0
        self.quiet_run = 0
        self.frames = 0
        self._rest: FloatArray | None = None

    def feed(self, block: FloatArray) -> list[int]:
        """Process ``block``; returns the frame-end sample positions where a pause completes."""
        import numpy as np

        if self._rest is not None and self._rest.size:
            block = np.concatenate([self._rest, block])
        n = block.size // self.hop
        self._rest = block[n * self.hop :].copy()
        if n == 0:
            return []
        energy = frame_energy_db(block[: n * self.hop], self.samplerate)
        found: list[int] = []
        for db in energy.tolist():
            self.frames += 1
            if db > self.speech_db:
                self.speech_db = db
            else:  # decay ~6 dB per second towards quieter speech
                self.speech_db -= 6.0 * FRAME_SECONDS
            self.speech_db = max(self.speech_db, self.floor_db + self.margin_db)
            if db < self.speech_db - self.margin_db or db < self.floor_db:
                self.quiet_run += 1
                if self.quiet_run == self.pause_frames:
                    # Cut in the middle of the pause seen so far.
                    mid = self.frames - self.pause_frames // 2
                    found.append(mid * self.hop)
            else:
                self.quiet_run = 0
        return found
