"""Crash safety: a recording process killed with SIGKILL leaves a file repair_audio can read."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from offguard.audio.recovery import repair_audio
from offguard.errors import AudioFileError
from tests.array_recorder import ArrayRecorder
from tests.test_recorder import best_alignment
from tests.vmic_fixture import PulseDaemon

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="not on this platform: SIGKILL is POSIX"
)

ARRAY_SCRIPT = textwrap.dedent(
    """
    import sys, time
    import soundfile as sf
    from tests.array_recorder import ArrayRecorder
    samples, rate = sf.read(sys.argv[1], dtype="float32")
    rec = ArrayRecorder(samples, rate, realtime=True)
    rec.start(sys.argv[2])
    print("started", time.monotonic(), flush=True)
    time.sleep(600)
    """
)

MIC_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from offguard.audio.recorder import Recorder
    rec = Recorder("pulse")
    rec.start(sys.argv[1])
    print("started", time.monotonic(), flush=True)
    time.sleep(600)
    """
)


def run_and_kill(
    args: list[str],
    env: dict[str, str],
    after: float,
    on_started: Callable[[], None] | None = None,
) -> tuple[float, float]:
    """Start a recording subprocess, SIGKILL it ``after`` s after it started recording.

    Returns (monotonic time the recording started, monotonic time of the kill)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", *args],
        env={**env, "PYTHONPATH": str(REPO / "src")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().split()
        assert line and line[0] == "started", proc.stderr.read() if proc.stderr else ""
        started = float(line[1])
        if on_started is not None:
            on_started()
        time.sleep(max(0.0, started + after - time.monotonic()))
        killed = time.monotonic()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return started, killed


def test_sigkill_during_array_recording_loses_under_a_second(
    speech_clip: Path, tmp_path: Path
) -> None:
    clip = speech_clip
    fed_all, rate = sf.read(str(clip), dtype="float32")
    out = tmp_path / "killed.flac"
    started, killed = run_and_kill([ARRAY_SCRIPT, str(clip), str(out)], dict(os.environ), 3.0)
    fed_seconds = killed - started
    with pytest.raises((sf.LibsndfileError, RuntimeError, ValueError)):
        sf.read(str(out))  # as left by the killed process: no length in the header
    duration = repair_audio(out)
    print(
        f"\nSIGKILL (array): fed {fed_seconds:.3f} s, recovered {duration:.3f} s, "
        f"lost {fed_seconds - duration:.3f} s"
    )
    assert duration >= fed_seconds - 1.0
    recorded, got_rate = sf.read(str(out), dtype="float32")
    assert got_rate == rate
    assert len(recorded) / rate == pytest.approx(duration)
    assert np.allclose(recorded, fed_all[: len(recorded)], atol=1 / 32768)
    assert repair_audio(out) == pytest.approx(duration)  # a repaired file stays as it is


@pytest.mark.mic
def test_sigkill_during_microphone_recording_loses_under_a_second(
    vmic: PulseDaemon, speech_clip: Path, tmp_path: Path
) -> None:
    clip = speech_clip
    fed_all, rate = sf.read(str(clip), dtype="float32")
    out = tmp_path / "killed.flac"
    feeder: subprocess.Popen[bytes] | None = None

    def feed_when_started() -> None:
        nonlocal feeder
        feeder = vmic.feed(clip, wait=False)

    # The feed starts as soon as the recorder is up; the kill comes 3 s later.
    started, killed = run_and_kill([MIC_SCRIPT, str(out)], vmic.env, 3.0, feed_when_started)
    if feeder is not None:
        feeder.kill()
        feeder.wait()
    recorded_seconds = killed - started
    duration = repair_audio(out)
    print(
        f"\nSIGKILL (virtual mic): recording ran {recorded_seconds:.3f} s, recovered "
        f"{duration:.3f} s, lost {recorded_seconds - duration:.3f} s"
    )
    assert duration >= recorded_seconds - 1.0
    recorded, _ = sf.read(str(out), dtype="float32")
    lag, corr = best_alignment(recorded, fed_all)
    overlap = len(recorded) - max(lag, 0)
    assert overlap > 2 * rate  # at least 2 s of the speech made it to disk
    assert corr >= 0.99


def test_a_frame_cut_in_half_is_dropped_and_the_rest_kept(tmp_path: Path) -> None:
    samples = (0.3 * np.sin(np.arange(16000 * 4) / 16000 * 2 * np.pi * 440)).astype(np.float32)
    path = tmp_path / "whole.flac"
    rec = ArrayRecorder(samples, 16000)
    rec.start(path)
    rec.wait(30)
    rec.stop()
    whole = path.read_bytes()
    cut = tmp_path / "cut.flac"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    duration = repair_audio(cut)
    assert 2.0 < duration < 3.0
    recovered, _ = sf.read(str(cut), dtype="float32")
    assert np.allclose(recovered, samples[: len(recovered)], atol=1 / 32768)
    assert repair_audio(path) == pytest.approx(4.0)  # an intact file is left alone
    assert path.read_bytes() == whole


@pytest.mark.parametrize("content", [b"", b"fLaC\x00\x00", b"not audio at all" * 10])
def test_nothing_recoverable_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.flac"
    path.write_bytes(content)
    with pytest.raises(AudioFileError, match=r"broken\.flac"):
        repair_audio(path)
    with pytest.raises(AudioFileError, match="does not exist"):
        repair_audio(tmp_path / "missing.flac")
