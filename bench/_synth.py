"""Speech made with espeak-ng (voices and speeds the model and the tuning never saw).

Each clip is an interview answer written for this benchmark, spoken by one espeak-ng voice at
one speed, cached as 16 kHz FLAC under ``bench/.cache/synth`` (made again when missing). The
"steady speaker" of the live-latency benchmark is the same engine reading a long answer with
short gaps between words and sentences.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from _speech import REPO

#: "synth2": made with sox's repeatable mode (-R); without it sox dithers with fresh random
#: noise on every run, and tiny.en's words on a clip changed with it (one clip's WER from 20 %
#: to 44 %), so figures measured on two caches did not compare.
CACHE = REPO / "bench" / ".cache" / "synth2"

ANSWERS = (
    "When our billing service started timing out every Monday morning, I pulled the slow query "
    "log and found one report that scanned the whole invoices table. I added an index on the "
    "customer and date columns, moved the report to a read replica, and the timeouts stopped. "
    "Page load for the billing screen went from eight seconds to under one.",
    "I disagreed with my manager about shipping a feature without tests. Instead of arguing in "
    "the meeting, I wrote down the three failures I expected and asked for two days. We found "
    "two of them in staging, fixed them, and shipped on Thursday. After that the team agreed "
    "that risky changes get a short test plan before release.",
    "My biggest mistake was promising a client a date before I had checked with the warehouse. "
    "The order arrived a week late and the client was angry. I called them myself, explained "
    "what went wrong, and offered free shipping on the next order. Since then I never confirm a "
    "delivery date until stock is reserved in the system.",
    "At the library I led a project to digitise the local newspaper archive. We had four "
    "volunteers and a borrowed scanner. I set up a simple spreadsheet to track every reel, "
    "trained the volunteers on Saturdays, and we finished nine thousand pages in five months. "
    "Visits to the online archive doubled in the first year.",
    "I want this role because I like problems where the data is messy and the answer matters. "
    "In my last job I cleaned twelve years of sales records so the regional teams could compare "
    "their results fairly. The work was slow, but the first honest comparison changed how the "
    "company set its targets for the following year.",
    "A nurse on my ward kept missing the handover notes, so patients were asked the same "
    "questions twice. I sat with her for two shifts and saw that the notes were on a screen she "
    "could not reach during rounds. We moved the summary to the tablet she carried, and the "
    "repeated questions stopped within a week.",
    "Our mobile app had a crash that only happened on older phones. I borrowed three old "
    "devices from the support team, reproduced the crash in an afternoon, and traced it to an "
    "image library that ran out of memory. Switching to smaller thumbnails cut the crash rate "
    "from two percent of sessions to almost zero.",
    "In my first month as a team lead, two engineers stopped talking to each other after a "
    "code review went badly. I met each of them alone, then together, and we agreed on rules "
    "for reviews: comment on the code, not the person, and suggest a fix with every objection. "
    "Six months later they were pairing on the payments rewrite.",
)
#: (espeak-ng voice, words per minute) of each answer above.
VOICES = (
    ("en-us", 175),
    ("en-gb", 160),
    ("en-gb-scotland", 150),
    ("en-029", 185),
    ("en-us-nyc", 205),
    ("en-gb-x-rp", 140),
    ("en-us+f3", 170),
    ("en-gb-x-gbcwmd", 165),
)
STEADY_TEXT = " ".join(ANSWERS[:4])


@dataclass(frozen=True)
class SynthClip:
    path: Path
    reference: str
    voice: str
    wpm: int


def _make(path: Path, text: str, voice: str, wpm: int, gap: int = 0) -> Path:
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "say.wav"
        cmd = ["espeak-ng", "-v", voice, "-s", str(wpm), "-g", str(gap), "-w", str(wav), text]
        subprocess.run(cmd, check=True, capture_output=True)
        subprocess.run(
            ["sox", "-R", str(wav), "-r", "16000", "-c", "1", str(path)],
            check=True,
            capture_output=True,
        )
    return path


def synth_clips() -> list[SynthClip]:
    """The eight espeak-ng answers (made on first use)."""
    out = []
    for i, (text, (voice, wpm)) in enumerate(zip(ANSWERS, VOICES, strict=True)):
        path = _make(CACHE / f"answer{i + 1}-{voice}-{wpm}.flac", text, voice, wpm)
        out.append(SynthClip(path, text, voice, wpm))
    return out


def steady_speaker(voice: str = "en-us", wpm: int = 175) -> SynthClip:
    """About 75 s of one voice reading four answers with hardly a pause."""
    path = _make(CACHE / f"steady-{voice}-{wpm}.flac", STEADY_TEXT, voice, wpm)
    return SynthClip(path, STEADY_TEXT, voice, wpm)


def room_noise(seconds: float = 30.0) -> Path:
    """Room noise with no speech: brown noise, a mains hum, and a few clicks (sox)."""
    path = CACHE / f"room-noise-{seconds:g}s.flac"
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    import numpy as np
    import soundfile as sf

    rng = np.random.default_rng(7)
    n = int(seconds * 16000)
    brown = np.cumsum(rng.normal(0, 1, n))
    brown -= np.convolve(brown, np.ones(1600) / 1600, mode="same")  # keep it from drifting
    brown *= 0.02 / (np.abs(brown).max() + 1e-9)
    t = np.arange(n) / 16000
    hum = 0.004 * np.sin(2 * np.pi * 50 * t) + 0.002 * np.sin(2 * np.pi * 150 * t)
    hiss = rng.normal(0, 0.002, n)
    clicks = np.zeros(n)
    for pos in rng.integers(0, n - 200, 12):  # a keyboard or a chair now and then
        clicks[pos : pos + 200] += 0.05 * np.exp(-np.arange(200) / 30) * rng.choice([-1, 1])
    sf.write(path, (brown + hum + hiss + clicks).astype(np.float32), 16000)
    return path
