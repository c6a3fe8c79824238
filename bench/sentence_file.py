"""Pearson r between rated sentences in a JSONL file and the per-sentence specificity.

    PYTHONPATH=src python bench/sentence_file.py FILE.jsonl

Each line: {"sentence": ..., "specificity": rating, "domain": optional}. Prints r for the
sentence model and for the shading the UI shows (``analyze_text``), overall and per domain,
and how often a pair rated apart by 2+ points is ordered the right way.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from _sentences import pearson
from sentence_specificity import shaded

from offguard.analysis.nlp import get_nlp
from offguard.analysis.sentence_model import specificity


def main(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    nlp = get_nlp()
    docs = nlp.pipe([r["sentence"] for r in rows], disable=["ner"])
    model = [specificity(d) for d in docs]
    shade = [shaded(r["sentence"]) for r in rows]
    ratings = [float(r["specificity"]) for r in rows]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        groups[str(r.get("domain", "all"))].append(i)
    print(f"{'domain':<10} {'n':>4} {'model r':>8} {'shading r':>10}")
    for name, idx in [("all", list(range(len(rows)))), *sorted(groups.items())]:
        m = [model[i] for i in idx]
        s = [shade[i] for i in idx]
        y = [ratings[i] for i in idx]
        print(f"{name:<10} {len(idx):>4} {pearson(m, y):>8.3f} {pearson(s, y):>10.3f}")
    pairs = right = 0
    for i in range(len(rows)):
        for j in range(len(rows)):
            if ratings[i] - ratings[j] >= 2:
                pairs += 1
                right += shade[i] > shade[j]
    share = right / pairs
    print(f"pairs rated 2+ apart ordered right by the shading: {right}/{pairs} = {share:.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
