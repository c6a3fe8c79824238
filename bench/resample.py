"""Resampling quality and speed (offguard.audio.files.resample, libsoxr HQ).

    .venv/bin/python bench/resample.py

Prints the largest error on a 1 kHz tone after each rate change the app meets, how much of an
11 kHz tone (above the 8 kHz Nyquist limit of 16 kHz audio) survives 48 kHz -> 16 kHz, and the
time to resample 10 minutes of 44.1 kHz audio to 16 kHz.
"""

from __future__ import annotations

import math
import time

import numpy as np

from offguard.audio.files import resample


def tone(freq: float, rate: int, seconds: float) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return (0.5 * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def main() -> None:
    worst = 0.0
    for src, dst in ((44100, 16000), (48000, 16000), (8000, 16000), (22050, 16000)):
        y = resample(tone(1000, src, 2.0), src, dst)
        expected = tone(1000, dst, 2.0)[: y.size]
        edge = dst // 10
        worst = max(worst, float(np.max(np.abs(y[edge:-edge] - expected[edge:-edge]))))
    alias = resample(tone(11000, 48000, 1.0), 48000, 16000)
    left = float(np.max(np.abs(alias[1600:-1600])))
    noise = (np.random.default_rng(0).standard_normal(44100 * 600) * 0.1).astype(np.float32)
    resample(noise[:44100], 44100, 16000)  # warm up
    start = time.perf_counter()
    resample(noise, 44100, 16000)
    took = time.perf_counter() - start
    print(f"largest error on a 1 kHz tone (4 rate changes): {worst:.1e}")
    db = 20 * math.log10(left / 0.5)
    print(f"11 kHz tone left after 48 kHz -> 16 kHz: {left:.1e} ({db:.0f} dB)")
    print(f"10 minutes of 44.1 kHz -> 16 kHz: {took:.2f} s")


if __name__ == "__main__":
    main()
