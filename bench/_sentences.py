"""The public sentence-specificity ratings (tests/data/sentence-specificity) and their split.

Every fourth sentence of each domain (index % 4 == 3) is held back: the model is trained
and tuned on the other three quarters only, and its correlation is reported on the held-back
quarter.
"""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

DATA = REPO / "tests" / "data" / "sentence-specificity"
DOMAINS = ("twitter", "yelp", "movie")


def load(domain: str) -> list[tuple[float, str]]:
    with (DATA / f"{domain}.tsv").open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(float(r["rating"]), r["sentence"]) for r in rows]


def held_back(index: int) -> bool:
    return index % 4 == 3


def split(rows: list[tuple[float, str]]) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    dev = [r for i, r in enumerate(rows) if not held_back(i)]
    held = [r for i, r in enumerate(rows) if held_back(i)]
    return dev, held


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return sxy / (sx * sy) if sx and sy else float("nan")
