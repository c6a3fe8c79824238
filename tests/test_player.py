"""Playback: the real player heard through the virtual speaker, and the silent NullPlayer."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from offguard.audio.player import NullPlayer, SoundDevicePlayer
from tests.test_recorder import best_alignment
from tests.vmic_fixture import PulseDaemon


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_null_player_keeps_time_pauses_seeks_and_finishes() -> None:
    clock = FakeClock()
    player = NullPlayer(duration=10.0, clock=clock)
    finished: list[bool] = []
    player.on_finished = lambda: finished.append(True)
    assert (player.position, player.duration, player.playing) == (0.0, 10.0, False)
    player.play()
    clock.now += 2.5
    assert player.position == pytest.approx(2.5) and player.playing
    player.pause()
    clock.now += 5
    assert player.position == pytest.approx(2.5) and not player.playing
    player.seek(8.0)
    assert player.position == pytest.approx(8.0)
    player.toggle()
    clock.now += 1
    assert player.position == pytest.approx(9.0)
    player.seek(-3)
    assert player.position == 0.0 and player.playing
    clock.now += 20
    assert player.position == 10.0
    assert not player.playing
    assert finished == [True]
    player.play()  # from the end: starts again
    assert player.position == 0.0 and player.playing
    player.close()
    assert not player.playing


def test_null_player_reads_the_duration_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "t.flac"
    sf.write(str(path), np.zeros(24000, dtype=np.float32), 16000)
    assert NullPlayer(path).duration == pytest.approx(1.5)


def _clip(source: Path, tmp_path: Path, seconds: float) -> tuple[Path, np.ndarray]:
    data, rate = sf.read(str(source), dtype="float32")
    part = data[: int(seconds * rate)]
    path = tmp_path / "clip.flac"
    sf.write(str(path), part, rate, subtype="PCM_16")
    return path, part


def wait_until(condition: object, timeout: float = 20.0) -> bool:
    assert callable(condition)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.mic
def test_plays_the_take_out_of_the_speaker(
    vmic: PulseDaemon, speech_clip: Path, tmp_path: Path
) -> None:
    path, expected = _clip(speech_clip, tmp_path, 3.0)
    tap = vmic.tap(16000)
    heard = bytearray()
    assert tap.stdout is not None
    reader = threading.Thread(target=lambda: heard.extend(tap.stdout.read()), daemon=True)
    reader.start()
    time.sleep(0.3)
    done = threading.Event()
    with SoundDevicePlayer(path) as player:
        player.on_finished = done.set
        assert player.duration == pytest.approx(3.0)
        player.play()
        assert player.playing
        assert done.wait(30)
        assert not player.playing
        assert player.position == pytest.approx(3.0)
    time.sleep(0.3)
    tap.terminate()
    tap.wait(10)
    reader.join(10)
    played = np.frombuffer(bytes(heard[: len(heard) // 4 * 4]), dtype=np.float32)
    _, corr = best_alignment(played, expected)
    print(f"\nplayback through the virtual speaker: correlation {corr:.4f}")
    assert corr >= 0.95


@pytest.mark.mic
def test_pause_seek_and_resume(vmic: PulseDaemon, speech_clip: Path, tmp_path: Path) -> None:
    path, _ = _clip(speech_clip, tmp_path, 3.0)
    done = threading.Event()
    with SoundDevicePlayer(path) as player:
        player.on_finished = done.set
        player.play()
        assert wait_until(lambda: player.position > 0.5)
        player.pause()
        paused_at = player.position
        assert not player.playing
        time.sleep(0.3)
        assert player.position == paused_at
        player.seek(2.0)
        assert player.position == pytest.approx(2.0)
        player.toggle()
        assert player.playing
        assert done.wait(30)
        assert player.position == pytest.approx(3.0)
        player.play()  # from the end: starts again at 0
        assert wait_until(lambda: 0 < player.position < 3.0)
        player.seek(1.0)
        assert wait_until(lambda: player.position >= 1.0)
        player.toggle()
        assert not player.playing
