"""Repairing the FLAC file of a take whose process died mid-recording.

A killed recorder leaves a FLAC file whose header does not say how long it is, and whose last
frame may be cut in half. libsndfile reads such a file until the damage, then raises and
drops the part of the read it had decoded. :func:`repair_audio` decodes everything it can
(with smaller and smaller reads near the damage) and streams it into a copy that atomically
replaces the file. When the copy cannot be written (a full disk) nothing is lost: the
original stays, and the caller retries later.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from offguard.errors import AudioFileError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

_FIX = "the recording was cut off before any audio reached the disk; record the take again."
_FIRST_CHUNK = 1 << 16


class RepairDeferred(AudioFileError):
    """The audio is readable but could not be rewritten now (disk full, folder read-only):
    the take stays pending and recovery tries again on the next start."""


def repair_audio(path: Path) -> float:
    """Make an interrupted recording readable; return its duration in seconds.

    A file that already reads cleanly is left as it is. Otherwise what decodes is streamed,
    block by block, into a temporary copy beside it that then replaces it (memory use stays
    small for hours of audio). Raises :class:`AudioFileError` when nothing can be recovered
    (missing file, header cut off, no complete frame), and :class:`RepairDeferred` when the
    copy cannot be written (the original is left untouched).
    """
    import soundfile as sf

    path = Path(path)
    if not path.is_file():
        raise AudioFileError(f"The recording {path} does not exist.", _FIX)
    try:
        info = sf.info(str(path))
    except (sf.LibsndfileError, RuntimeError) as exc:
        reason = str(exc).rstrip(".")
        raise AudioFileError(f"The recording {path} cannot be recovered: {reason}.", _FIX) from exc
    samplerate = int(info.samplerate)
    if 0 < info.frames < (1 << 40) and _reads_cleanly(path, info.frames):
        return float(info.frames) / samplerate
    tmp = path.with_name(path.name + ".repair.tmp")
    frames = 0
    try:
        with sf.SoundFile(
            str(tmp), "w", samplerate, info.channels, info.subtype or "PCM_16", format="FLAC"
        ) as out:
            for block in _decodable_blocks(path):
                out.write(block)
                frames += int(block.shape[0])
        if frames:
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, path)
    except (OSError, RuntimeError, AssertionError) as exc:  # soundfile asserts on short writes
        tmp.unlink(missing_ok=True)
        raise RepairDeferred(
            f"The interrupted recording {path} is kept but cannot be repaired yet: {_reason(exc)}.",
            "free some disk space (or make the data folder writable); offguard tries "
            "again the next time it starts.",
        ) from exc
    if frames == 0:
        tmp.unlink(missing_ok=True)
        raise AudioFileError(f"The recording {path} holds no complete audio frame.", _FIX)
    return frames / samplerate


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    text = str(exc).strip().rstrip(".")
    if not text or text.casefold() in ("system error", "unspecified internal error"):
        return "the disk is full or the folder is read-only"
    return text


def _reads_cleanly(path: Path, frames: int) -> bool:
    import soundfile as sf

    try:
        with sf.SoundFile(str(path)) as handle:
            left = frames
            while left > 0:
                got = handle.read(min(left, _FIRST_CHUNK), dtype="float32", always_2d=True)
                if got.shape[0] == 0:
                    return False
                left -= got.shape[0]
        return True
    except (sf.LibsndfileError, RuntimeError, ValueError):
        return False


def _decodable_blocks(path: Path) -> Iterator[npt.NDArray[np.float32]]:
    """Everything that decodes, block by block, as (frames, channels) float32.

    libsndfile drops a whole read that reaches the damage, so the read that failed is
    retried from a fresh handle in smaller and smaller reads until single frames.
    """
    import soundfile as sf

    done = 0
    chunk = _FIRST_CHUNK
    while chunk >= 1:
        try:
            handle = sf.SoundFile(str(path))
        except (sf.LibsndfileError, RuntimeError):
            return
        with handle:
            if done and not _skip(handle, done):
                return
            while True:
                try:
                    got = handle.read(chunk, dtype="float32", always_2d=True)
                except (sf.LibsndfileError, RuntimeError, ValueError):
                    chunk //= 8  # the damage is inside this read: retry it in smaller reads
                    break
                if got.shape[0]:
                    done += got.shape[0]
                    yield got
                if got.shape[0] < chunk:
                    return  # clean end of the decodable data


def _skip(handle: Any, frames: int) -> bool:
    """Position ``handle`` after ``frames`` frames (by decoding them: seeking needs a length)."""
    import soundfile as sf

    left = frames
    try:
        while left > 0:
            got = handle.read(min(left, _FIRST_CHUNK), dtype="float32", always_2d=True)
            if got.shape[0] == 0:
                return False
            left -= got.shape[0]
    except (sf.LibsndfileError, RuntimeError, ValueError):
        return False
    return True
