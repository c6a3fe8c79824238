"""Regression guards on labelled answers (not timed): the shared dev set and our own set."""

from __future__ import annotations

import json
from pathlib import Path

from offguard.analysis import analyze_text

OWN = Path(__file__).parent / "data" / "answers-own.jsonl"

#: Floors well below what was measured (dev 1.00 accuracy, 1.00 hard; own 1.00), so rule
#: changes that cost more than a few answers are caught.
DEV_ACCURACY_FLOOR = 0.93
DEV_HARD_FLOOR = 0.85
OWN_ACCURACY_FLOOR = 0.90


def _accuracy(path: Path) -> tuple[float, float]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    hits = [analyze_text(r["text"]).verdict == r["label"] for r in rows]
    hard = [h for h, r in zip(hits, rows, strict=True) if r.get("kind") == "hard"]
    return sum(hits) / len(hits), sum(hard) / max(1, len(hard))


def test_dev_set_accuracy_floor(shared_dir: Path) -> None:
    accuracy, hard = _accuracy(shared_dir / "data" / "answers-dev.jsonl")
    assert accuracy >= DEV_ACCURACY_FLOOR
    assert hard >= DEV_HARD_FLOOR


def test_own_set_accuracy_floor() -> None:
    accuracy, hard = _accuracy(OWN)
    assert accuracy >= OWN_ACCURACY_FLOOR
    assert hard >= OWN_ACCURACY_FLOOR - 0.05
