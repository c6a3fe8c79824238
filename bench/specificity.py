"""Benchmark the specificity coach on labelled answers (JSONL: text, label, kind, ...).

    PYTHONPATH=src python bench/specificity.py [FILE ...]

Defaults to ../shared/data/answers-dev.jsonl, tests/data/answers-own.jsonl,
tests/data/answers-blind.jsonl (the first blind set, development data since analysis v3) and
tests/data/answers-blind2.jsonl (the second, development data since analysis v4).
Prints, per file:
accuracy, generic-F1, AUC of the score, accuracy on hard cases, STAR agreement, recall of the
reviewer's generic phrases (recalled when flags cover at least half of the phrase's
characters), false flags per clear specific answer (generic flags that overlap none of that
answer's reviewer phrases), and throughput (answers per second
of this process's CPU time, so other load on a shared machine does not count): one answer at a
time as the app does after a take (``analyze_text``), and in batches of 32 as
``offguard analyze --jsonl`` and the re-analysis of stored takes do (``analyze_many``).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from offguard.analysis import analyze_many, analyze_text  # noqa: E402
from offguard.analysis.sweep import GENERIC_KINDS  # noqa: E402

DEFAULTS = [
    REPO.parent / "shared" / "data" / "answers-dev.jsonl",
    REPO / "tests" / "data" / "answers-own.jsonl",
    REPO / "tests" / "data" / "answers-blind.jsonl",
    REPO / "tests" / "data" / "answers-blind2.jsonl",
]


def auc(scores: list[float], positives: list[bool]) -> float:
    pos = [s for s, p in zip(scores, positives, strict=True) if p]
    neg = [s for s, p in zip(scores, positives, strict=True) if not p]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def phrase_recalled(text: str, phrase: str, flags: list[Any]) -> bool | None:
    start = text.find(phrase)
    if start < 0:
        start = text.lower().find(phrase.lower())
    if start < 0:
        return None
    end = start + len(phrase)
    covered = [False] * len(phrase)
    for f in flags:
        for i in range(max(start, f.start), min(end, f.end)):
            covered[i - start] = True
    return sum(covered) >= 0.5 * len(phrase)


def _agreed(text: str, flag: Any, phrases: list[str]) -> bool:
    """Does the flag overlap one of the reviewer's phrases for this answer?"""
    for phrase in phrases:
        start = text.lower().find(phrase.lower())
        if start >= 0 and flag.start < start + len(phrase) and start < flag.end:
            return True
    return False


def evaluate(path: Path) -> dict[str, Any]:
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    t0 = time.perf_counter()
    results = [analyze_text(r["text"], question=r.get("question")) for r in rows]
    elapsed = time.perf_counter() - t0
    reps = max(1, int(2.0 / max(elapsed, 1e-3)))
    pairs = [(r["text"], r.get("question")) for r in rows]
    t1 = time.process_time()  # CPU time of this process: the machine is shared
    for _ in range(reps):
        for text, question in pairs:
            analyze_text(text, question=question)
    rate = reps * len(rows) / (time.process_time() - t1)
    t2 = time.process_time()
    for _ in range(reps):
        for _analysis in analyze_many(pairs):
            pass
    batch_rate = reps * len(rows) / (time.process_time() - t2)
    gold = [r["label"] for r in rows]
    pred = [a.verdict for a in results]
    tp = sum(p == g == "generic" for p, g in zip(pred, gold, strict=True))
    fp = sum(p == "generic" and g != "generic" for p, g in zip(pred, gold, strict=True))
    fn = sum(p != "generic" and g == "generic" for p, g in zip(pred, gold, strict=True))
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    hard = [i for i, r in enumerate(rows) if r.get("kind") == "hard"]
    recalled = total = 0
    for r, a in zip(rows, results, strict=True):
        for phrase in r.get("generic_phrases") or []:
            hit = phrase_recalled(r["text"], phrase, a.flags)
            if hit is not None:
                total += 1
                recalled += hit
    clean = [
        (r, a)
        for r, a in zip(rows, results, strict=True)
        if r["label"] == "specific" and r.get("kind") == "clear"
    ]
    # a false flag: a generic flag on a clearly specific answer that no reviewer phrase of
    # that answer agrees with (a reviewer may still mark a moral tacked on to a good story)
    false_flags = sum(
        sum(
            f.kind in GENERIC_KINDS and not _agreed(r["text"], f, r.get("generic_phrases") or [])
            for f in a.flags
        )
        for r, a in clean
    )
    star_rows = [(r, a) for r, a in zip(rows, results, strict=True) if "star" in r]
    star_ok = sum((k in r["star"]) == a.star[k] for r, a in star_rows for k in "STAR")
    misses = [r["id"] for r, p in zip(rows, pred, strict=True) if p != r["label"]]
    return {
        "file": path.name,
        "n": len(rows),
        "accuracy": sum(p == g for p, g in zip(pred, gold, strict=True)) / len(rows),
        "generic_f1": f1,
        "auc": auc([a.specificity for a in results], [g == "specific" for g in gold]),
        "hard_accuracy": sum(pred[i] == gold[i] for i in hard) / len(hard)
        if hard
        else float("nan"),
        "n_hard": len(hard),
        "phrase_recall": recalled / total if total else float("nan"),
        "n_phrases": total,
        "false_flags_per_clear_specific": false_flags / len(clean) if clean else float("nan"),
        "star_agreement": star_ok / (4 * len(star_rows)) if star_rows else float("nan"),
        "answers_per_s": rate,
        "answers_per_s_batched": batch_rate,
        "words_per_answer": sum(len(r["text"].split()) for r in rows) / len(rows),
        "misclassified": misses,
    }


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or [p for p in DEFAULTS if p.is_file()]
    if not paths:
        print("no labelled answers found; pass a JSONL file", file=sys.stderr)
        return 2
    reports = [evaluate(p) for p in paths]
    rows = [
        ("answers", "n", "{}"),
        ("accuracy", "accuracy", "{:.3f}"),
        ("generic F1", "generic_f1", "{:.3f}"),
        ("AUC (score)", "auc", "{:.3f}"),
        ("hard-case accuracy", "hard_accuracy", "{:.3f}"),
        ("hard cases", "n_hard", "{}"),
        ("phrase recall", "phrase_recall", "{:.3f}"),
        ("reviewer phrases", "n_phrases", "{}"),
        ("false flags / clear specific", "false_flags_per_clear_specific", "{:.2f}"),
        ("STAR agreement", "star_agreement", "{:.3f}"),
        ("words per answer", "words_per_answer", "{:.0f}"),
        ("answers/s, one by one (1 core)", "answers_per_s", "{:.0f}"),
        ("answers/s, batches of 32 (1 core)", "answers_per_s_batched", "{:.0f}"),
    ]
    width = max(len(r["file"]) for r in reports) + 2
    print(f"{'metric':34}" + "".join(f"{r['file']:>{width}}" for r in reports))
    for label, key, fmt in rows:
        print(f"{label:34}" + "".join(f"{fmt.format(r[key]):>{width}}" for r in reports))
    for r in reports:
        if r["misclassified"]:
            print(f"misclassified in {r['file']}: {', '.join(r['misclassified'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
