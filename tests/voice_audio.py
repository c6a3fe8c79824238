"""Speech for the voice tests: espeak-ng's reading, and Praat's constant-pitch resynthesis."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

SAMPLERATE = 16000
READING = (
    "Last March our payments service went down during the evening peak. "
    "I led the incident response and rolled back the release within twenty minutes. "
    "The next morning I wrote the postmortem, and we added a canary stage to every deploy."
)


def espeak(path: Path, text: str = READING, voice: str = "en") -> np.ndarray:
    """``text`` read by espeak-ng (16 kHz mono float32); fails under CI without espeak-ng."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("espeak-ng is not installed (apt install espeak-ng)")
        pytest.skip("espeak-ng is not installed")
    subprocess.run([exe, "-v", voice, "-w", str(path), text], check=True, capture_output=True)
    from offguard.audio.files import load_audio

    return load_audio(path, SAMPLERATE)


def flat_copy(audio: np.ndarray, samplerate: int = SAMPLERATE) -> np.ndarray:
    """The same speech resynthesised at one constant pitch (its median), by Praat's PSOLA."""
    import parselmouth
    from parselmouth.praat import call

    sound = parselmouth.Sound(np.asarray(audio, dtype=np.float64), float(samplerate))
    manipulation = call(sound, "To Manipulation", 0.01, 60, 600)
    tier = call(manipulation, "Extract pitch tier")
    median = call(sound.to_pitch(), "Get quantile", 0, 0, 0.5, "Hertz")
    call(tier, "Remove points between", 0, sound.duration)
    call(tier, "Add point", sound.duration / 2, median)
    call([tier, manipulation], "Replace pitch tier")
    flat = call(manipulation, "Get resynthesis (overlap-add)")
    return np.asarray(flat.values[0], dtype=np.float32)
