"""How well the per-sentence shading follows crowd ratings of sentence specificity.

    PYTHONPATH=src python bench/sentence_specificity.py

Data: the Twitter, Yelp and movie-review sentences rated by crowd workers in Ko, Durrett &
Li 2019 (tests/data/sentence-specificity). Prints Pearson r per domain between the ratings
and (a) the model of :mod:`offguard.analysis.sentence_model` on the parsed sentence, and
(b) ``analyze_text(sentence).sentences[].specificity`` (what the UI shades; a sentence split
into several shaded ranges counts as their length-weighted mean), on the held-back quarter
(every fourth sentence, never used to train the model) and on the development part; then on
all 140 rated tweets of Gao et al. 2019 (another annotation, never used for anything but this
report) and the AUC on 130 news sentences labelled general/specific (Louis & Nenkova, as
distributed with Speciteller); then the time the features and model take per sentence once
the parse is done.
"""

from __future__ import annotations

import csv
import time

from _sentences import DATA, DOMAINS, load, pearson, split

from offguard.analysis import analyze_text
from offguard.analysis.nlp import get_nlp
from offguard.analysis.sentence_model import specificity


def auc(scores: list[float], positive: list[bool]) -> float:
    pos = [s for s, p in zip(scores, positive, strict=True) if p]
    neg = [s for s, p in zip(scores, positive, strict=True) if not p]
    wins = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg)
    return wins / (len(pos) * len(neg))


def shaded(text: str) -> float:
    parts = analyze_text(text).sentences
    total = sum(p.end - p.start for p in parts)
    if not total:
        return 0.0
    return sum(p.specificity * (p.end - p.start) for p in parts) / total


def main() -> None:
    nlp = get_nlp()
    print(f"{'domain':<8} {'part':<9} {'n':>4} {'model r':>8} {'shading r':>10}")
    spent = 0.0
    count = 0
    for domain in DOMAINS:
        dev, held = split(load(domain))
        for part, rows in (("held-back", held), ("dev", dev)):
            ratings = [r for r, _ in rows]
            docs = list(nlp.pipe([s for _, s in rows], disable=["ner"]))
            start = time.perf_counter()
            model = [specificity(d) for d in docs]
            spent += time.perf_counter() - start
            count += len(docs)
            shade = [shaded(s) for _, s in rows]
            print(
                f"{domain:<8} {part:<9} {len(rows):>4} {pearson(model, ratings):>8.3f}"
                f" {pearson(shade, ratings):>10.3f}"
            )
    rows = load("gao-twitter")
    ratings = [r for r, _ in rows]
    model = [specificity(d) for d in nlp.pipe([s for _, s in rows], disable=["ner"])]
    shade = [shaded(s) for _, s in rows]
    print(
        f"{'gao':<8} {'all':<9} {len(rows):>4} {pearson(model, ratings):>8.3f}"
        f" {pearson(shade, ratings):>10.3f}"
    )
    with (DATA / "louis-news.tsv").open(encoding="utf-8", newline="") as fh:
        news = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    specific = [r["label"] == "specific" for r in news]
    model = [specificity(d) for d in nlp.pipe([r["sentence"] for r in news], disable=["ner"])]
    shade = [shaded(r["sentence"]) for r in news]
    print(
        f"{'news':<8} {'all':<9} {len(news):>4} {auc(model, specific):>8.3f}"
        f" {auc(shade, specific):>10.3f}  (AUC, general/specific labels)"
    )
    print(f"features + model: {1000 * spent / count:.3f} ms per sentence (after parsing)")


if __name__ == "__main__":
    main()
