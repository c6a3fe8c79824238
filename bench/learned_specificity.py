"""Would a small learned layer over the rule features beat the rules? Leave-one-set-out check.

    PYTHONPATH=src python bench/learned_specificity.py [FILE ...]

Defaults to ../shared/data/answers-dev.jsonl, tests/data/answers-own.jsonl,
tests/data/answers-blind.jsonl and tests/data/answers-blind2.jsonl. For each file in turn: a
logistic regression (numpy, L2, standardised features) is trained on the other files and
tested on it, beside the rules' own verdict on the same file. Features are the rules' own
measurements of an answer: event evidence, generic weight, flag counts per kind, specific
cues, narration, tense, length, the structural episode features
(:mod:`offguard.analysis.episode`: the speaker's actions and their longest chain, one-off time
anchors, habits, career chronology, present-tense scene) and the rule score. Prints accuracy,
generic-F1 and AUC for both. Nothing is shipped unless the learned layer wins on every held-out
file.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import numpy as np  # noqa: E402
from specificity import auc  # noqa: E402

from offguard.analysis import analyze_text  # noqa: E402
from offguard.analysis.episode import measure  # noqa: E402
from offguard.analysis.flags import WEIGHTS  # noqa: E402
from offguard.analysis.score import score_text  # noqa: E402

DEFAULTS = [
    REPO.parent / "shared" / "data" / "answers-dev.jsonl",
    REPO / "tests" / "data" / "answers-own.jsonl",
    REPO / "tests" / "data" / "answers-blind.jsonl",
    REPO / "tests" / "data" / "answers-blind2.jsonl",
]
KINDS = sorted(WEIGHTS)


def features(text: str, with_score: bool = True) -> list[float]:
    s = score_text(text)
    final = analyze_text(text).specificity if with_score else 50.0
    n = max(1, len(s.sentence_spans))
    cue = {
        k: float(sum(getattr(c, k) for c in s.cues))
        for k in (
            "narrative",
            "own_actions",
            "present_actions",
            "times",
            "events",
            "names",
            "places",
            "numbers",
            "outcomes",
            "concrete",
            "speech",
        )
    }
    kinds = [float(s.kinds.get(k, 0)) / n for k in KINDS]
    ep = measure(text.lower(), s.present_frame)
    structure = [
        float(ep.actions),
        float(ep.run),
        float(ep.anchors),
        float(ep.habits),
        float(ep.chronology),
        float(ep.present),
        float(ep.scene),
        s.shift,
    ]
    return [
        *structure,
        final / 100.0,
        s.event_total,
        s.generic_total,
        max(s.events, default=0.0),
        math.log1p(len(text.split())),
        float(n),
        float(s.present_frame),
        *[v / n for v in cue.values()],
        *kinds,
    ]


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000) -> np.ndarray:
    w = np.zeros(x.shape[1])
    lr = 0.1
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + l2 * np.r_[0.0, w[1:]] / len(y)
        w -= lr * grad
    return w


def metrics(pred_specific: list[bool], scores: list[float], gold: list[bool]) -> dict[str, float]:
    tp = sum((not p) and (not g) for p, g in zip(pred_specific, gold, strict=True))
    fp = sum((not p) and g for p, g in zip(pred_specific, gold, strict=True))
    fn = sum(p and (not g) for p, g in zip(pred_specific, gold, strict=True))
    return {
        "acc": sum(p == g for p, g in zip(pred_specific, gold, strict=True)) / len(gold),
        "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
        "auc": auc(scores, gold),
    }


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or [p for p in DEFAULTS if p.is_file()]
    rows_by = {
        p.name: [json.loads(line) for line in p.read_text("utf-8").splitlines() if line.strip()]
        for p in paths
    }
    for with_score in (True, False):
        print("features:", "rule measurements + rule score" if with_score else "without score")
        report(rows_by, with_score)
    return 0


def report(rows_by: dict[str, list[dict[str, Any]]], with_score: bool) -> None:
    data: dict[str, tuple[np.ndarray, np.ndarray, list[float]]] = {}
    for name, rows in rows_by.items():
        x = np.array([[1.0, *features(r["text"], with_score)] for r in rows])
        y = np.array([1.0 if r["label"] == "specific" else 0.0 for r in rows])
        rule = [analyze_text(r["text"], question=r.get("question")).specificity for r in rows]
        data[name] = (x, y, rule)
    out: list[dict[str, Any]] = []
    for name, (x_te, y_te, rule) in data.items():
        train = [v for k, v in data.items() if k != name]
        x_tr = np.vstack([t[0] for t in train])
        y_tr = np.concatenate([t[1] for t in train])
        mu, sd = x_tr[:, 1:].mean(0), x_tr[:, 1:].std(0) + 1e-9
        x_tr[:, 1:] = (x_tr[:, 1:] - mu) / sd
        x_te = x_te.copy()
        x_te[:, 1:] = (x_te[:, 1:] - mu) / sd
        w = fit(x_tr, y_tr)
        prob = 1.0 / (1.0 + np.exp(-(x_te @ w)))
        gold = [bool(v) for v in y_te]
        learned = metrics([bool(p >= 0.5) for p in prob], [float(p) for p in prob], gold)
        rules = metrics([r >= 50 for r in rule], rule, gold)
        out.append({"held_out": name, "rules": rules, "learned": learned})
    print(f"{'held-out file':28}{'':4}{'acc':>7}{'gen-F1':>8}{'AUC':>7}")
    for r in out:
        for who in ("rules", "learned"):
            m = r[who]
            print(f"{r['held_out']:28}{who:>8}{m['acc']:7.3f}{m['f1']:8.3f}{m['auc']:7.3f}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
