"""Train the coach's verdict combiner and evaluate it leave-one-set-out.

    PYTHONPATH=src python bench/train_combiner.py [--write] [--misses] [FILE ...]

Parses every labelled answer once (spaCy), computes the clause-level features of
:mod:`offguard.analysis.combiner`, and fits an L2-regularised logistic regression (Newton's
method, numpy only). Prints, for each labelled set held out in turn (trained on all the
others): accuracy, generic-F1 and hard-case accuracy, then the WORST set. ``--write`` fits
on all sets and writes src/offguard/analysis/combiner.json. Defaults to every labelled set in
the repo (../shared/data/answers-dev.jsonl and tests/data/answers-*.jsonl).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from offguard.analysis.combiner import NAMES, features  # noqa: E402
from offguard.analysis.reading import read_answer  # noqa: E402
from offguard.analysis.situations import parse_many  # noqa: E402

OUT = REPO / "src" / "offguard" / "analysis" / "combiner.json"
L2 = 20.0


def default_sets() -> list[Path]:
    dev = REPO.parent / "shared" / "data" / "answers-dev.jsonl"
    own = sorted((REPO / "tests" / "data").glob("answers-*.jsonl"))
    return ([dev] if dev.is_file() else []) + own


def load(paths: list[Path]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                r["_set"] = p.name
                rows.append(r)
    docs = parse_many([r["text"] for r in rows])
    for r, d in zip(rows, docs, strict=True):
        sit, scored = read_answer(r["text"], r.get("question"), d if r["text"].strip() else None)
        f = features(sit, r.get("question"), scored.kinds)
        r["_x"] = [f[n] for n in NAMES]
    return rows


#: The direction each feature may push (+1 towards specific, -1 towards generic); a feature
#: whose fitted weight points the other way is dropped and the model refitted, so every weight
#: reads the way the feature's meaning says (features not listed may go either way).
SIGNS: dict[str, int] = {
    "own_episodic": 1,
    "other_episodic": 1,
    "we_without_own": -1,
    "longest_told_run": 1,
    "run_has_own": 1,
    "told_particular": 1,
    "no_particular": -1,
    "share_episodic": 1,
    "share_habitual": -1,
    "share_generic": -1,
    "share_hypothetical": -1,
    "share_state": -1,
    "self_description": -1,
    "ends_unanchored": -1,
    "anchors_told": 1,
    "anchors_any": 1,
    "names_told": 1,
    "numbers_told": 1,
    "perfect_states": -1,
    "durations": -1,
    "timeline_years": -1,
    "lessons": -1,
    "narrative_present": 1,
    "particular_subjects": 1,
    "speech": 1,
    "roleplay_x_questions": 1,
    "roleplay_x_you": 1,
    "estimate_x_numbers": 1,
    "modal_outside_tasks": -1,
    "others_only": -1,
    "numbers_other": -1,
    "future_x_anchor": 1,
    "salary_x_numbers": 1,
    **{n: -1 for n in NAMES if n.startswith("flags_")},
}


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> dict[str, Any]:
    """Fit, then drop features whose weight has the wrong sign, until none has."""
    keep = np.ones(x.shape[1], dtype=bool)
    while True:
        model = _fit(x, y, l2, keep)
        wrong = [
            i
            for i, (name, w) in enumerate(zip(NAMES, model["weights"], strict=True))
            if keep[i] and SIGNS.get(name, 0) * w < 0
        ]
        if not wrong:
            return model
        worst = max(wrong, key=lambda i: abs(model["weights"][i]))
        keep[worst] = False


def _fit(x: np.ndarray, y: np.ndarray, l2: float, keep: np.ndarray) -> dict[str, Any]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0
    scale[scale < 1e-6] = 1.0
    z = (x - mean) / scale * keep
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], l2)
    reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + reg * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {
        "names": list(NAMES),
        "weights": [round(float(v), 6) for v in w],
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
    }


def predict(model: dict[str, Any], x: np.ndarray) -> np.ndarray:
    mean, scale, w = (np.array(model[k]) for k in ("mean", "scale", "weights"))
    return np.asarray(1 / (1 + np.exp(-(((x - mean) / scale) @ w))))


def metrics(rows: list[dict[str, Any]], prob: np.ndarray) -> dict[str, float]:
    pred = ["specific" if p >= 0.5 else "generic" for p in prob]
    gold = [r["label"] for r in rows]
    tp = sum(p == g == "generic" for p, g in zip(pred, gold, strict=True))
    fp = sum(p == "generic" != g for p, g in zip(pred, gold, strict=True))
    fn = sum(g == "generic" != p for p, g in zip(pred, gold, strict=True))
    hard = [i for i, r in enumerate(rows) if r.get("kind") == "hard"]
    return {
        "n": len(rows),
        "accuracy": sum(p == g for p, g in zip(pred, gold, strict=True)) / len(rows),
        "generic_f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
        "hard_accuracy": sum(pred[i] == gold[i] for i in hard) / len(hard) if hard else 1.0,
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--write", action="store_true", help="fit on all sets, write combiner.json")
    ap.add_argument("--misses", action="store_true", help="list held-out misses per set")
    ap.add_argument("--l2", type=float, default=L2)
    args = ap.parse_args(argv)
    rows = load(args.files or default_sets())
    x = np.array([r["_x"] for r in rows])
    y = np.array([r["label"] == "specific" for r in rows], dtype=float)
    sets = sorted({r["_set"] for r in rows})
    print(f"{'held-out set':24} {'n':>4} {'acc':>6} {'gen-F1':>7} {'hard':>6}")
    worst: dict[str, float] = {"generic_f1": 1.0, "hard_accuracy": 1.0}
    for s in sets:
        test = np.array([r["_set"] == s for r in rows])
        model = fit(x[~test], y[~test], args.l2)
        prob = predict(model, x[test])
        held = [r for r, t in zip(rows, test, strict=True) if t]
        m = metrics(held, prob)
        worst = {k: min(worst[k], m[k]) for k in worst}
        print(
            f"{s:24} {m['n']:>4} {m['accuracy']:6.3f} {m['generic_f1']:7.3f} "
            f"{m['hard_accuracy']:6.3f}"
        )
        if args.misses:
            miss = [
                f"{r['id']}({r['label'][0]},{p:.2f})"
                for r, p in zip(held, prob, strict=True)
                if (p >= 0.5) != (r["label"] == "specific")
            ]
            print("   misses:", " ".join(miss))
    print(f"WORST set: generic-F1 {worst['generic_f1']:.3f}, hard {worst['hard_accuracy']:.3f}")
    model = fit(x, y, args.l2)
    train = metrics(rows, predict(model, x))
    print(f"fit on all {len(rows)}: training accuracy {train['accuracy']:.3f}")
    for name, w in sorted(zip(NAMES, model["weights"], strict=True), key=lambda p: -abs(p[1])):
        print(f"  {name:22} {w:+.3f}")
    if args.write:
        model["trained_on"] = sets
        model["l2"] = args.l2
        OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
