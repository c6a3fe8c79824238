"""Reading audio files of any common format and rate as mono float32 at the rate we need.

WAV, FLAC, OGG and MP3 are read with libsndfile (``soundfile``); anything else (M4A, AAC,
WebM, ...) falls back to PyAV through faster-whisper's ``decode_audio``. Resampling is
libsoxr's (``soxr``, high quality): 12x faster than the numpy polyphase filter it replaced and
far cleaner (bench/resample.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from offguard.errors import AudioFileError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float32]

_CONVERT_FIX = "check the file plays, or convert it to WAV/FLAC (e.g. ffmpeg -i IN out.wav)."
_BLOCK_FRAMES = 1 << 18  # frames read from disk at a time (about 6 s at 44.1 kHz)


def load_audio(path: Path, samplerate: int = 16000) -> FloatArray:
    """The file's audio as mono float32 at ``samplerate``.

    Raises :class:`AudioFileError` (naming the file) when it is missing, empty, damaged or in
    a format neither libsndfile nor FFmpeg can read. A file cut short (a recording interrupted
    by a crash) gives the audio that could be decoded.
    """
    import numpy as np

    path = Path(path)
    _check_exists(path)
    mono: FloatArray | None
    rate: int
    try:
        mono, rate = _read_soundfile(path)
    except _Unreadable:
        mono = None
        rate = samplerate
    if mono is None:
        mono = _read_pyav(path, samplerate)
        rate = samplerate
    if mono.size == 0:
        raise AudioFileError(f"The audio file {path} contains no audio.", _CONVERT_FIX)
    out = resample(mono, rate, samplerate)
    return np.ascontiguousarray(out, dtype=np.float32)


def resample(x: FloatArray, src: int, dst: int) -> FloatArray:
    """Resample mono ``x`` from ``src`` Hz to ``dst`` Hz (libsoxr, high quality, no delay)."""
    import numpy as np
    import soxr

    if src <= 0 or dst <= 0:
        raise ValueError("sample rates must be positive")
    x = np.asarray(x, dtype=np.float32)
    if src == dst or x.size == 0:
        return x
    return np.asarray(soxr.resample(x, src, dst, quality="HQ"), dtype=np.float32)


class _Unreadable(Exception):
    """libsndfile cannot open the file; try FFmpeg."""


def _check_exists(path: Path) -> None:
    if not path.exists():
        raise AudioFileError(f"Audio file not found: {path}.", "check the path and try again.")
    if path.is_dir():
        raise AudioFileError(f"{path} is a folder, not an audio file.", "give an audio file.")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise AudioFileError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if size == 0:
        raise AudioFileError(f"The audio file {path} is empty (0 bytes).", "record it again.")


def _read_soundfile(path: Path) -> tuple[FloatArray, int]:
    """Mono audio at the file's own rate via libsndfile; partial audio if cut short."""
    import numpy as np
    import soundfile as sf

    try:
        handle = sf.SoundFile(str(path))
    except (sf.LibsndfileError, RuntimeError, TypeError, ValueError) as exc:
        raise _Unreadable(str(exc)) from exc
    except OSError as exc:
        raise AudioFileError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    with handle:
        rate = int(handle.samplerate)
        frames = int(handle.frames) if handle.seekable() else 0
        # Known length: fill one array (no second copy for a long recording).
        out = np.empty(frames if 0 < frames < 2**31 else 0, dtype=np.float32)
        parts: list[FloatArray] = []
        filled = 0
        while True:
            try:
                block = handle.read(_BLOCK_FRAMES, dtype="float32", always_2d=True)
            except (sf.LibsndfileError, RuntimeError) as exc:
                if filled == 0 and not parts:
                    raise _Unreadable(str(exc)) from exc
                break  # a truncated file: keep what decoded
            if block.shape[0] == 0:
                break
            mono = block.mean(axis=1, dtype=np.float32) if block.shape[1] > 1 else block[:, 0]
            if not parts and filled + mono.size <= out.size:
                out[filled : filled + mono.size] = mono
                filled += mono.size
            else:
                parts.append(mono.copy())
            if block.shape[0] < _BLOCK_FRAMES:
                break
    if not parts:
        return out[:filled], rate
    return np.concatenate([out[:filled], *parts]), rate


def _read_pyav(path: Path, samplerate: int) -> FloatArray:
    import numpy as np

    try:
        from faster_whisper.audio import decode_audio

        audio = decode_audio(str(path), sampling_rate=samplerate)
    except Exception as exc:  # PyAV raises many error types for unreadable input
        raise AudioFileError(
            f"Cannot read the audio file {path}: not a supported audio format, or damaged.",
            _CONVERT_FIX,
        ) from exc
    return np.asarray(audio, dtype=np.float32)
