"""Regression guards on labelled answers (not timed): the shared dev set, our own set, the
first blind set (development data since analysis v3) and the second (since analysis v4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from offguard.analysis import analyze_text

OWN = Path(__file__).parent / "data" / "answers-own.jsonl"

#: Floors below what was measured with the shipped v6 model (dev 0.983 accuracy, 1.00 hard;
#: own 0.973 / 0.957), so changes that cost more than a few answers are caught.
DEV_ACCURACY_FLOOR = 0.93
DEV_HARD_FLOOR = 0.85
OWN_ACCURACY_FLOOR = 0.90


def _accuracy(path: Path) -> tuple[float, float]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    hits = [analyze_text(r["text"], question=r.get("question")).verdict == r["label"] for r in rows]
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


DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("name", "accuracy_floor", "recall_floor"),
    [
        # Each set was written blind to the rules and scored once while held out; later sets
        # became development data. Shipped v6 model (trained on all sets): blind 0.983 /
        # recall 0.94, blind2 0.975 / 0.89, blind3 0.950 / 0.86, blind4 0.970 / 0.86;
        # leave-one-set-out accuracy 0.983 / 0.958 / 0.950 / 0.970 (bench/train_combiner.py).
        ("answers-blind.jsonl", 0.93, 0.85),
        ("answers-blind2.jsonl", 0.93, 0.82),
        ("answers-blind3.jsonl", 0.93, 0.82),
        ("answers-blind4.jsonl", 0.88, 0.80),
        # blind set 5 (300 answers in the failure classes of issue 9) was scored once before
        # development (v5 rules: accuracy 0.773; v6 before training on it: 0.863); the v6
        # combiner is now trained on it (training fit 0.973 / recall 0.79), so this floor only
        # guards against regressions.
        ("answers-blind5.jsonl", 0.93, 0.75),
        # blind set 6 (120 answers, written blind and kept untouched by anyone working on the
        # coach) was scored once with the final v6 coach: accuracy 0.942, hard 0.929, recall
        # 0.884, false flags per clear specific answer 0.61. It is development data from now on.
        ("answers-blind6.jsonl", 0.92, 0.85),
    ],
)
def test_blind_set_floors(name: str, accuracy_floor: float, recall_floor: float) -> None:
    accuracy, hard = _accuracy(DATA / name)
    assert accuracy >= accuracy_floor
    assert hard >= accuracy_floor - 0.05
    assert _phrase_recall(DATA / name) >= recall_floor


def _phrase_recall(path: Path) -> float:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    recalled = total = 0
    for r in rows:
        flags = analyze_text(r["text"], question=r.get("question")).flags
        for phrase in r.get("generic_phrases") or []:
            start = r["text"].find(phrase)
            if start < 0:
                continue
            end = start + len(phrase)
            covered = {i for f in flags for i in range(max(start, f.start), min(end, f.end))}
            total += 1
            recalled += len(covered) * 2 >= len(phrase)
    assert total > 100
    return recalled / total
