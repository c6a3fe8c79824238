"""What a test checks about an audio file it made: duration, rate and channels from the header
(libsndfile, else PyAV). Only the tests need this; the app reads audio with
:func:`offguard.audio.files.load_audio`."""

from __future__ import annotations

from pathlib import Path

from offguard.errors import AudioFileError

_CONVERT_FIX = "convert it to WAV/FLAC."


def audio_info(path: Path) -> tuple[float, int, int]:
    """``(duration_seconds, samplerate, channels)`` read from the file's header."""
    import soundfile as sf

    path = Path(path)
    try:
        info = sf.info(str(path))
        if info.frames > 0 and info.samplerate > 0:
            return info.frames / info.samplerate, int(info.samplerate), int(info.channels)
    except (sf.LibsndfileError, RuntimeError, TypeError, ValueError):
        pass
    try:
        import av

        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioFileError(f"The file {path} has no audio stream.", _CONVERT_FIX)
            stream = container.streams.audio[0]
            duration = 0.0
            if container.duration is not None:
                duration = float(container.duration) / 1_000_000
            elif stream.duration is not None and stream.time_base is not None:
                duration = float(stream.duration * stream.time_base)
            return duration, int(stream.rate or 0), int(stream.channels or 0)
    except AudioFileError:
        raise
    except Exception as exc:  # PyAV raises many error types for unreadable input
        raise AudioFileError(
            f"Cannot read the audio file {path}: not a supported audio format, or damaged.",
            _CONVERT_FIX,
        ) from exc
