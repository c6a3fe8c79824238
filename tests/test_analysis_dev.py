"""Regression guards on labelled answers (not timed): the shared dev set, our own set, the
first blind set (development data since analysis v3) and the second (since analysis v4)."""

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


BLIND1 = Path(__file__).parent / "data" / "answers-blind.jsonl"
#: The first blind set (now development data for analysis v3: measured 0.983 accuracy,
#: 0.975 hard, 0.90 phrase recall).
BLIND1_ACCURACY_FLOOR = 0.93
BLIND1_PHRASE_RECALL_FLOOR = 0.85


def test_first_blind_set_floors() -> None:
    accuracy, hard = _accuracy(BLIND1)
    assert accuracy >= BLIND1_ACCURACY_FLOOR
    assert hard >= BLIND1_ACCURACY_FLOOR - 0.05
    assert _phrase_recall(BLIND1) >= BLIND1_PHRASE_RECALL_FLOOR


BLIND2 = Path(__file__).parent / "data" / "answers-blind2.jsonl"
#: The second blind set (development data for analysis v4: measured 0.975 accuracy, 0.963
#: hard, 0.87 phrase recall; it was 0.892 / 0.838 / 0.83 held out under v3).
BLIND2_ACCURACY_FLOOR = 0.93
BLIND2_PHRASE_RECALL_FLOOR = 0.82


def test_second_blind_set_floors() -> None:
    accuracy, hard = _accuracy(BLIND2)
    assert accuracy >= BLIND2_ACCURACY_FLOOR
    assert hard >= BLIND2_ACCURACY_FLOOR - 0.05
    assert _phrase_recall(BLIND2) >= BLIND2_PHRASE_RECALL_FLOOR


def _phrase_recall(path: Path) -> float:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    recalled = total = 0
    for r in rows:
        flags = analyze_text(r["text"]).flags
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
