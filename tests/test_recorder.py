"""The recorder, for real: a virtual microphone fed with real speech, a killed sound server,
a full disk (RLIMIT_FSIZE), and the array recorder that shares the writer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from offguard.audio.recorder import Recorder
from tests.array_recorder import ArrayRecorder
from tests.vmic_fixture import PulseDaemon

REPO = Path(__file__).resolve().parents[1]


def best_alignment(recorded: np.ndarray, fed: np.ndarray) -> tuple[int, float]:
    """(lag of ``fed`` inside ``recorded``, Pearson correlation of the aligned overlap)."""
    n = 1 << int(np.ceil(np.log2(len(recorded) + len(fed))))
    spectrum = np.fft.rfft(recorded, n) * np.conj(np.fft.rfft(fed, n))
    cc = np.fft.irfft(spectrum, n)
    lag = int(np.argmax(cc))
    if lag >= n // 2:
        lag -= n
    if lag >= 0:
        a, b = recorded[lag:], fed
    else:
        a, b = recorded, fed[-lag:]
    m = min(len(a), len(b))
    return lag, float(np.corrcoef(a[:m], b[:m])[0, 1])


def read(path: Path) -> tuple[np.ndarray, int]:
    data, rate = sf.read(str(path), dtype="float32")
    return data, int(rate)


@pytest.fixture(scope="module")
def jfk(speech_clip: Path) -> tuple[np.ndarray, int, Path]:
    """Real speech (jfk.flac from ../shared, or espeak-ng's) as (samples, rate, path)."""
    data, rate = read(speech_clip)
    return data, rate, speech_clip


@pytest.mark.mic
@pytest.mark.slow
def test_records_what_the_microphone_hears(
    vmic: PulseDaemon, jfk: tuple[np.ndarray, int, Path], tmp_path: Path
) -> None:
    fed, rate, clip = jfk
    assert rate == 16000
    recorder = Recorder("pulse", samplerate=16000)
    blocks: list[np.ndarray] = []
    levels: list[float] = []
    out = tmp_path / "take.flac"
    recorder.start(out, on_block=blocks.append)
    time.sleep(0.3)
    idle = recorder.level
    player = vmic.feed(clip, wait=False)
    while player.poll() is None:
        levels.append(recorder.level.rms)
        time.sleep(0.05)
    time.sleep(0.3)
    result = recorder.stop()

    recorded, got_rate = read(out)
    lag, corr = best_alignment(recorded, fed)
    print(
        f"\nvirtual mic round trip: correlation {corr:.6f}, lag {lag / rate * 1000:.1f} ms, "
        f"overflows {result.overflows}, {result.duration:.2f} s recorded"
    )
    assert corr >= 0.99
    assert result.error is None
    assert result.overflows == 0
    assert result.samplerate == got_rate == 16000
    assert result.device == "pulse"
    assert result.duration == pytest.approx(len(recorded) / 16000)
    assert result.duration >= len(fed) / rate
    assert idle.rms < 0.001
    assert max(levels) > 0.05
    assert np.allclose(np.concatenate(blocks), recorded, atol=1 / 32768)


@pytest.mark.mic
def test_unsupported_rate_falls_back_to_the_device_default(
    vmic: PulseDaemon, jfk: tuple[np.ndarray, int, Path], tmp_path: Path
) -> None:
    from offguard.audio.files import resample

    fed = jfk[0][: 3 * 16000]
    recorder = Recorder("default", samplerate=1_234_567)
    recorder.start(tmp_path / "take.flac")
    assert recorder.samplerate == 44100  # the device default: PortAudio rejects 1.2 MHz
    vmic.feed(fed, 16000)
    time.sleep(0.3)
    result = recorder.stop()
    recorded, rate = read(result.path)
    assert rate == result.samplerate == 44100
    _, corr = best_alignment(resample(recorded, 44100, 16000), fed)
    print(f"\n44.1 kHz fallback, resampled back to 16 kHz: correlation {corr:.4f}")
    assert corr >= 0.95


UNPLUG_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    from offguard.audio.recorder import Recorder
    rec = Recorder("pulse")
    rec.start(sys.argv[1])
    print("started", flush=True)
    sys.stdin.readline()  # the test kills the sound server, then writes a line
    deadline = time.monotonic() + 20
    while rec.error is None and time.monotonic() < deadline:
        time.sleep(0.05)
    r = rec.stop()
    print(json.dumps({"duration": r.duration, "error": r.error}), flush=True)
    """
)


@pytest.mark.mic
def test_device_vanishing_mid_take_keeps_the_audio(
    spare_pulse: PulseDaemon, tmp_path: Path
) -> None:
    out = tmp_path / "take.flac"
    env = {**spare_pulse.env, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-c", UNPLUG_SCRIPT, str(out)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdin is not None
    assert proc.stdout.readline().strip() == "started"
    tone = 0.3 * np.sin(2 * np.pi * 330 * np.arange(16000 * 2) / 16000).astype(np.float32)
    spare_pulse.feed(tone, 16000)
    spare_pulse.stop()  # the "microphone" is gone
    out_text, err = proc.communicate("go\n", timeout=60)
    assert proc.returncode == 0, err
    result = json.loads(out_text.strip().splitlines()[-1])
    assert result["error"] and "stopped" in result["error"]
    assert result["duration"] >= 1.5
    recorded, _ = read(out)
    assert len(recorded) / 16000 == pytest.approx(result["duration"])
    assert np.max(np.abs(recorded)) > 0.2  # the tone is in the saved take


DISK_FULL_SCRIPT = textwrap.dedent(
    """
    import json, resource, signal, sys
    import numpy as np
    from tests.array_recorder import ArrayRecorder
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))
    noise = np.random.default_rng(1).uniform(-0.5, 0.5, 16000 * 30).astype(np.float32)
    rec = ArrayRecorder(noise, 16000)
    rec.start(sys.argv[1])
    rec.wait(60)
    r = rec.stop()
    print(json.dumps({"duration": r.duration, "error": r.error}))
    """
)


def test_disk_full_stops_cleanly_and_keeps_earlier_takes(tmp_path: Path) -> None:
    from offguard.audio.recovery import repair_audio

    earlier = tmp_path / "earlier.flac"
    tone = 0.2 * np.sin(2 * np.pi * 220 * np.arange(16000) / 16000).astype(np.float32)
    first = ArrayRecorder(tone, 16000)
    first.start(earlier)
    first.wait(30)
    first.stop()
    before = earlier.read_bytes()

    out = tmp_path / "full.flac"
    done = subprocess.run(
        [sys.executable, "-c", DISK_FULL_SCRIPT, str(out)],
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"\ndisk full: {result}")
    assert result["error"] and "cannot write" in result["error"]
    assert "disk" in result["error"].lower()
    assert 0 < result["duration"] < 30
    assert out.stat().st_size <= 200_000
    saved = repair_audio(out)
    assert saved > 1.0
    noise = np.random.default_rng(1).uniform(-0.5, 0.5, 16000 * 30).astype(np.float32)
    recorded, _ = read(out)
    assert np.allclose(recorded, noise[: len(recorded)], atol=1 / 16384)
    assert earlier.read_bytes() == before


def test_array_recorder_writes_the_array_through_the_real_writer(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    samples = (0.3 * rng.standard_normal(16000 * 5)).clip(-1, 1).astype(np.float32)
    seen: list[int] = []
    rec = ArrayRecorder(samples, 16000)
    rec.start(tmp_path / "a.flac", on_block=lambda b: seen.append(len(b)))
    assert rec.wait(60)
    assert rec.elapsed == pytest.approx(5.0)
    assert rec.level.peak > 0.5
    result = rec.stop()
    recorded, rate = read(result.path)
    assert rate == 16000
    assert result.duration == pytest.approx(5.0)
    assert sum(seen) == len(samples)
    assert np.allclose(recorded, samples, atol=1 / 32768)


def test_on_block_errors_do_not_stop_the_recording(tmp_path: Path) -> None:
    calls = []

    def broken(block: Any) -> None:
        calls.append(len(block))
        raise ValueError("a consumer bug")

    samples = np.full(16000 * 2, 0.25, dtype=np.float32)
    rec = ArrayRecorder(samples, 16000, blocksize=800)
    rec.start(tmp_path / "b.flac", on_block=broken)
    assert rec.wait(60)
    result = rec.stop()
    assert result.error is None
    assert len(calls) == 40
    assert result.duration == pytest.approx(2.0)


def test_realtime_array_recorder_goes_silent_after_the_array(tmp_path: Path) -> None:
    samples = np.full(1600, 0.5, dtype=np.float32)
    rec = ArrayRecorder(samples, 16000, realtime=True, blocksize=400)
    rec.start(tmp_path / "c.flac")
    assert rec.wait(10)
    deadline = time.monotonic() + 10
    while rec.elapsed < 0.3 and time.monotonic() < deadline:
        time.sleep(0.02)
    result = rec.stop()
    recorded, _ = read(result.path)
    assert result.duration >= 0.3
    assert np.allclose(recorded[:1600], 0.5, atol=1e-3)
    assert np.all(recorded[1600:] == 0)


def test_unwritable_folder_fails_before_recording_starts(tmp_path: Path) -> None:
    from offguard.errors import StorageError

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the audio folder should be", encoding="utf-8")
    rec = ArrayRecorder(np.zeros(1600, dtype=np.float32), 16000)
    with pytest.raises(StorageError) as err:
        rec.start(blocker / "audio" / "take.flac")
    assert "Cannot create the recording" in err.value.message
    assert err.value.fix and "--data-dir" in err.value.fix
    assert rec.elapsed == 0.0 and rec.error is None
