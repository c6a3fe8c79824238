"""Repairing the FLAC file of a take whose process died mid-recording.

A killed recorder leaves a FLAC file whose header does not say how long it is, and whose last
frame may be cut in half. libsndfile reads such a file until the damage, then raises and
drops the part of the read it had decoded. :func:`repair_audio` decodes everything it can
(with smaller and smaller reads near the damage) and rewrites the file atomically.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from offguard.errors import AudioFileError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

_FIX = "the recording was cut off before any audio reached the disk; record the take again."
_FIRST_CHUNK = 1 << 16


def repair_audio(path: Path) -> float:
    """Make an interrupted recording readable; return its duration in seconds.

    A file that already reads cleanly is left as it is. Raises :class:`AudioFileError` when
    nothing can be recovered (missing file, header cut off, no complete frame).
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
    audio = _decode_prefix(path)
    if audio.shape[0] == 0:
        raise AudioFileError(f"The recording {path} holds no complete audio frame.", _FIX)
    tmp = path.with_name(path.name + ".repair.tmp")
    try:
        sf.write(str(tmp), audio, samplerate, subtype=info.subtype or "PCM_16", format="FLAC")
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except (OSError, RuntimeError) as exc:
        tmp.unlink(missing_ok=True)
        raise AudioFileError(
            f"Cannot rewrite the recovered recording {path}: {exc}.",
            "free some disk space and start offguard again.",
        ) from exc
    return int(audio.shape[0]) / samplerate


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


def _decode_prefix(path: Path) -> npt.NDArray[np.float32]:
    """Everything that decodes, as (frames, channels) float32."""
    import numpy as np
    import soundfile as sf

    parts: list[Any] = []
    done = 0
    chunk = _FIRST_CHUNK
    while chunk >= 1:
        try:
            handle = sf.SoundFile(str(path))
        except (sf.LibsndfileError, RuntimeError):
            break
        with handle:
            if done and not _skip(handle, done):
                break
            while True:
                try:
                    got = handle.read(chunk, dtype="float32", always_2d=True)
                except (sf.LibsndfileError, RuntimeError, ValueError):
                    chunk //= 8  # the damage is inside this read: retry it in smaller reads
                    break
                if got.shape[0]:
                    parts.append(got)
                    done += got.shape[0]
                if got.shape[0] < chunk:
                    chunk = 0  # clean end of the decodable data
                    break
    if not parts:
        return np.zeros((0, 1), dtype=np.float32)
    return np.concatenate(parts)


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
