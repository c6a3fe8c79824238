"""Loading audio files of every common format and rate; resampling; clear errors."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from offguard.audio.files import load_audio, resample
from offguard.errors import AudioFileError
from tests.audio_info import audio_info


def _tone(freq: float, rate: int, seconds: float) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return (0.5 * np.sin(2 * np.pi * freq * t)).astype(np.float32)


@pytest.mark.parametrize(
    ("src", "dst"), [(44100, 16000), (48000, 16000), (8000, 16000), (22050, 16000), (16000, 44100)]
)
def test_resample_keeps_a_tone_and_the_length(src: int, dst: int) -> None:
    y = resample(_tone(1000, src, 2.0), src, dst)
    assert y.dtype == np.float32
    assert y.size == -(-2 * src * dst // src)
    expected = _tone(1000, dst, 2.0)[: y.size]
    edge = dst // 10  # filter start-up at both ends
    assert np.max(np.abs(y[edge:-edge] - expected[edge:-edge])) < 0.005


def test_resample_removes_what_the_new_rate_cannot_hold() -> None:
    # 11 kHz is above the 8 kHz Nyquist limit of 16 kHz audio: it must not alias into the band.
    y = resample(_tone(11000, 48000, 1.0), 48000, 16000)
    assert np.max(np.abs(y[1600:-1600])) < 0.005


def test_resample_same_rate_and_empty() -> None:
    x = _tone(440, 16000, 0.5)
    assert resample(x, 16000, 16000) is x
    assert resample(np.zeros(0, np.float32), 44100, 16000).size == 0
    with pytest.raises(ValueError):
        resample(x, 0, 16000)


def test_flac_clip_from_the_shared_set(speech_dir: Path) -> None:
    path = speech_dir / "clips" / "jfk.flac"
    audio = load_audio(path)
    assert audio.dtype == np.float32 and audio.ndim == 1
    assert audio.size == pytest.approx(11.0 * 16000, abs=160)
    assert 0.01 < float(np.sqrt(np.mean(audio**2))) < 1.0
    duration, rate, channels = audio_info(path)
    assert (rate, channels) == (16000, 1)
    assert duration == pytest.approx(11.0, abs=0.01)


def test_mp3_from_the_shared_set(speech_dir: Path) -> None:
    path = speech_dir / "clips" / "librivox-sonnet001-with-title.mp3"
    audio = load_audio(path, 16000)
    assert audio.size / 16000 == pytest.approx(53.27, abs=0.3)
    assert float(np.abs(audio).max()) > 0.1
    duration, rate, _channels = audio_info(path)
    assert rate == 44100 and duration == pytest.approx(53.27, abs=0.3)


def test_stereo_44k_wav_becomes_mono_16k(tmp_path: Path) -> None:
    left, right = _tone(440, 44100, 1.5), _tone(440, 44100, 1.5)
    path = tmp_path / "stereo.wav"
    sf.write(path, np.stack([left, right], axis=1), 44100, subtype="PCM_16")
    audio = load_audio(path, 16000)
    assert audio.size == -(-len(left) * 16000 // 44100)
    assert audio_info(path)[1:] == (44100, 2)
    expected = _tone(440, 16000, 1.5)[: audio.size]
    assert np.max(np.abs(audio[1600:-1600] - expected[1600:-1600])) < 0.01


def test_ogg_vorbis(tmp_path: Path) -> None:
    path = tmp_path / "tone.ogg"
    sf.write(path, _tone(300, 48000, 1.0), 48000, format="OGG", subtype="VORBIS")
    audio = load_audio(path, 16000)
    assert audio.size == pytest.approx(16000, abs=400)
    assert float(np.abs(audio).max()) > 0.3


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg is not installed")
def test_m4a_through_the_ffmpeg_fallback(tmp_path: Path, speech_dir: Path) -> None:
    src = speech_dir / "clips" / "jfk.flac"
    path = tmp_path / "jfk.m4a"
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-y",
            "-i",
            str(src),
            "-c:a",
            "aac",
            "-ar",
            "44100",
            str(path),
        ],
        check=True,
    )
    audio = load_audio(path, 16000)
    reference = load_audio(src, 16000)
    assert audio.size == pytest.approx(reference.size, abs=0.1 * 16000)
    n = min(audio.size, reference.size)
    # AAC adds a short priming delay: compare loudness envelopes, not samples.
    env = lambda a: np.sqrt(np.mean(a[: n // 1600 * 1600].reshape(-1, 1600) ** 2, axis=1))  # noqa: E731
    assert np.corrcoef(env(audio), env(reference))[0, 1] > 0.95
    duration, rate, channels = audio_info(path)
    assert duration == pytest.approx(11.0, abs=0.2) and rate == 44100 and channels == 1


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.wav"
    with pytest.raises(AudioFileError, match="not found") as info:
        load_audio(path)
    assert str(path) in str(info.value) and info.value.fix


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.flac"
    path.write_bytes(b"")
    with pytest.raises(AudioFileError, match="empty") as info:
        load_audio(path)
    assert str(path) in str(info.value)


def test_text_renamed_wav(tmp_path: Path) -> None:
    path = tmp_path / "notes.wav"
    path.write_text("these are my interview notes, not audio\n" * 20, encoding="utf-8")
    with pytest.raises(AudioFileError) as info:
        load_audio(path)
    assert str(path) in str(info.value) and "ffmpeg" in (info.value.fix or "")
    with pytest.raises(AudioFileError):
        audio_info(path)


def test_corrupt_header(tmp_path: Path, speech_dir: Path) -> None:
    data = (speech_dir / "clips" / "jfk.flac").read_bytes()
    path = tmp_path / "corrupt.flac"
    path.write_bytes(data[:60])  # cut inside the header
    with pytest.raises(AudioFileError) as info:
        load_audio(path)
    assert str(path) in str(info.value)


def test_truncated_recording_gives_the_audio_before_the_cut(
    tmp_path: Path, speech_dir: Path
) -> None:
    data = (speech_dir / "clips" / "jfk.flac").read_bytes()
    path = tmp_path / "truncated.flac"
    path.write_bytes(data[: len(data) // 2])  # a recording interrupted half way
    audio = load_audio(path)
    assert 2 * 16000 < audio.size < 11 * 16000
    full = load_audio(speech_dir / "clips" / "jfk.flac")
    assert np.allclose(audio[:16000], full[:16000], atol=1e-4)


def test_wav_with_no_frames(tmp_path: Path) -> None:
    path = tmp_path / "silent-header.wav"
    sf.write(path, np.zeros((0, 1), np.float32), 16000)
    with pytest.raises(AudioFileError, match="no audio"):
        load_audio(path)
