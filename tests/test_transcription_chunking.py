"""Finding pauses to cut audio at (no model needed)."""

from __future__ import annotations

import itertools

import numpy as np

from offguard.transcription.chunking import PauseDetector, frame_energy_db, quietest_cut, split_long

SR = 16000


def _speechlike(seconds: float, level: float = 0.2, seed: int = 0) -> np.ndarray:
    """Noise bursts modulated at a syllable rate: loud like speech, with no long gaps."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * SR)) / SR
    envelope = 0.6 + 0.4 * np.sin(2 * np.pi * 4 * t)
    return (level * envelope * rng.standard_normal(t.size)).astype(np.float32)


def _quiet(seconds: float, level: float = 0.001, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (level * rng.standard_normal(int(seconds * SR))).astype(np.float32)


def test_frame_energy_levels() -> None:
    energy = frame_energy_db(np.full(SR, 0.1, np.float32), SR)
    assert energy.size == int(1 / 0.03)
    assert np.allclose(energy, -20.0, atol=0.01)
    assert frame_energy_db(np.zeros(10, np.float32), SR).size == 0


def test_pause_detector_finds_each_pause_once_in_any_block_size() -> None:
    audio = np.concatenate(
        [_speechlike(3.0), _quiet(0.8), _speechlike(2.0, seed=2), _quiet(0.15), _speechlike(1.0)]
    )
    for block in (160, 1600, 4410):
        detector = PauseDetector(SR)
        found: list[int] = []
        for start in range(0, audio.size, block):
            found += detector.feed(audio[start : start + block])
        # One real pause (3.0-3.8 s); the 0.15 s gap is too short to count.
        assert len(found) == 1
        assert 3.0 * SR < found[0] < 3.8 * SR


def test_pauses_are_relative_to_the_speakers_level() -> None:
    # A quiet microphone: speech at -40 dBFS, pauses at -75 dBFS, still found.
    audio = np.concatenate([_speechlike(2.0, level=0.01), _quiet(0.6, level=0.0002)] * 2)
    detector = PauseDetector(SR)
    assert len(detector.feed(audio)) == 2


def test_quietest_cut_and_split_long() -> None:
    audio = np.concatenate([_speechlike(10.0), _quiet(0.5), _speechlike(10.0, seed=3)])
    cut = quietest_cut(audio, SR, 5 * SR, 15 * SR)
    assert 10.0 * SR < cut < 10.5 * SR
    pieces = split_long(audio, SR, 12.0)
    assert pieces[0][0] == 0 and pieces[-1][1] == audio.size
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))
    assert all(end - start <= 12.0 * SR for start, end in pieces)
    assert split_long(audio, SR, 60.0) == [(0, audio.size)]
