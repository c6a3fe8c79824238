"""`analyze` on hostile input (issue 11, item 9 and 10): a long unpunctuated ramble is split
into bounded sentences (so the context checks stay linear; timings are in bench/long_answer.py),
binary input and oversized input are one clear line, never echoed, never a traceback."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import soundfile as sf

from offguard.analysis.text import sentences

REPO = Path(__file__).resolve().parents[1]
MAX_SENTENCE = 80  # words: offguard.analysis.text.MAX_SENTENCE
_RAMBLE = (
    "i think we worked on the project with some issues the team needed it a lot of things "
    "with customers data was good really important stuff for everyone"
)
WORDS = _RAMBLE.split()


def ramble(n: int, seed: int = 1) -> str:
    """``n`` words with no punctuation and no "and I" to cut at: a transcript of a ramble."""
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def analyze(args: list[str], stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "offguard", "analyze", *args],
        input=stdin,
        capture_output=True,
        cwd=REPO,
        timeout=300,
    )


def test_a_long_ramble_is_cut_into_bounded_sentences() -> None:
    text = ramble(24000)
    spans = sentences(text)
    lengths = [len(text[a:b].split()) for a, b in spans]
    assert max(lengths) <= MAX_SENTENCE
    assert sum(lengths) == 24000  # every word is in exactly one sentence
    assert all(b <= c for (_, b), (c, _) in itertools.pairwise(spans))


def test_binary_input_is_refused_not_echoed(tmp_path: Path) -> None:
    audio = tmp_path / "take.flac"
    rng = np.random.default_rng(2)
    sf.write(audio, (0.2 * rng.standard_normal(16000)).astype(np.float32), 16000)
    proc = analyze(["-"], audio.read_bytes())
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert "not text" in err and "offguard import" in err and err.count("\n") == 1


def test_oversized_input_is_one_line_not_a_traceback() -> None:
    proc = analyze(["-"], ramble(190000).encode())  # about 1 MB in one sentence
    err = proc.stderr.decode()
    assert proc.returncode == 1 and proc.stdout == b""
    assert "too long" in err and "Traceback" not in err and err.count("\n") == 1


def test_text_with_a_few_odd_characters_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "answer.txt"
    path.write_bytes(
        "Last March at the Leeds branch I rang the courier \u2014 caf\xe9 \x0c.".encode() + b"\xff"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "offguard", "analyze", str(path)],
        capture_output=True,
        cwd=REPO,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"Verdict:" in proc.stdout
