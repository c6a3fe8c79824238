"""Per-sentence specificity (``Analysis.sentences[].specificity``) follows sentence detail."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from offguard.analysis import analyze_text
from offguard.analysis.nlp import get_nlp
from offguard.analysis.sentence_model import FEATURES, features, model, specificity

DATA = Path(__file__).resolve().parent / "data" / "sentence-specificity"

#: (less specific, more specific): the shading must order each pair this way.
PAIRS = [
    ("The food was good.", "The lamb shank at Dino's on Friday was falling off the bone."),
    ("I am a hard worker.", "On 3 March I rebuilt the night-shift rota for Gary's team in Leeds."),
    ("Communication is really important.", "I rang Priya at Brakes at 7am about the 40 crates."),
    ("Things went well in the end.", "The van left Hull at six and the order was on time."),
    ("I always try my best.", "Last Tuesday a patient came to the hatch asking about her inhaler."),
    (
        "I'm very passionate about customer service.",
        "We cut picking errors from 4% to 2% after the move to the new warehouse system.",
    ),
    (
        "It was a great film.",
        "Branagh grounds even the softest moments in the angry revolt of his wit.",
    ),
]


@pytest.mark.parametrize(("vague", "detailed"), PAIRS)
def test_more_detail_scores_higher(vague: str, detailed: str) -> None:
    low = analyze_text(vague).sentences
    high = analyze_text(detailed).sentences
    assert len(low) == len(high) == 1
    assert low[0].specificity + 15 < high[0].specificity


def test_food_is_far_below_the_lamb_shank() -> None:
    food = analyze_text("The food was good.").sentences[0].specificity
    lamb = (
        analyze_text("The lamb shank at Dino's on Friday was falling off the bone.")
        .sentences[0]
        .specificity
    )
    assert food < 25 and lamb > 50


def test_each_sentence_of_an_answer_is_shaded_on_its_own() -> None:
    text = "Honestly I'm a people person. Last June I rang Mrs Okafor about her boiler at 7am."
    first, second = analyze_text(text).sentences
    assert text[first.start : first.end] == "Honestly I'm a people person."
    assert first.specificity < 30 < second.specificity


def test_weights_are_the_shipped_ones_and_read_plainly() -> None:
    m = model()
    assert m.features == FEATURES
    weights = dict(zip(m.features, m.weights, strict=True))
    # the directions the literature gives: detail up, vague wording down
    assert weights["names"] > 0 and weights["words"] > 0 and weights["rarity"] > 0
    assert weights["pronoun_rate"] <= 0 and weights["stopword_rate"] <= 0


def test_features_of_an_empty_span_are_zero() -> None:
    doc = get_nlp()("  ...  ")
    assert features(doc) == [0.0] * len(FEATURES)
    assert specificity(doc) == 0.0


def _pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return sxy / (sx * sy)


#: Floors on Pearson r over the held-back quarter (every fourth sentence, never trained or
#: tuned on) of Ko, Durrett & Li 2019's ratings; measured 0.77 / 0.82 / 0.87 for the model
#: (bench/sentence_specificity.py).
FLOORS = {"twitter": 0.70, "yelp": 0.75, "movie": 0.80}


@pytest.mark.parametrize("domain", sorted(FLOORS))
def test_correlation_with_crowd_ratings_on_held_back_sentences(domain: str) -> None:
    with (DATA / f"{domain}.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    held = [r for i, r in enumerate(rows) if i % 4 == 3]
    assert len(held) >= 70
    docs = get_nlp().pipe([r["sentence"] for r in held], disable=["ner"])
    scores = [specificity(d) for d in docs]
    r = _pearson(scores, [float(row["rating"]) for row in held])
    assert r >= FLOORS[domain], f"{domain}: r = {r:.3f}"


#: Floors for what the UI shades: ``analyze_text(sentence).sentences`` (length-weighted mean
#: when the text is cut into several ranges); measured 0.74 / 0.81 / 0.85.
SHADING_FLOORS = {"twitter": 0.67, "yelp": 0.74, "movie": 0.78}


@pytest.mark.parametrize("domain", sorted(SHADING_FLOORS))
def test_shading_correlates_with_crowd_ratings_on_held_back_sentences(domain: str) -> None:
    with (DATA / f"{domain}.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    held = [r for i, r in enumerate(rows) if i % 4 == 3]
    shaded = []
    for row in held:
        parts = analyze_text(row["sentence"]).sentences
        total = sum(p.end - p.start for p in parts)
        shaded.append(sum(p.specificity * (p.end - p.start) for p in parts) / total)
    r = _pearson(shaded, [float(row["rating"]) for row in held])
    assert r >= SHADING_FLOORS[domain], f"{domain}: r = {r:.3f}"


def test_outside_data_gao_tweets() -> None:
    """Gao et al. 2019's rated tweets (another annotation, never trained on): measured 0.52."""
    with (DATA / "gao-twitter.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 140
    docs = get_nlp().pipe([r["sentence"] for r in rows], disable=["ner"])
    r = _pearson([specificity(d) for d in docs], [float(row["rating"]) for row in rows])
    assert r >= 0.45, f"r = {r:.3f}"


def test_a_text_longer_than_the_parser_takes_is_shaded_range_by_range(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from offguard.analysis.score import score_text
    from offguard.analysis.shading import shade
    from offguard.analysis.situations import analyse, parse

    text = "The food was good. The lamb shank at Dino's on Friday was falling off the bone. " * 30
    doc = parse(text)
    scored = score_text(text, analyse(doc))
    whole = shade(text, scored, doc)
    monkeypatch.setattr(get_nlp(), "max_length", 500)  # the text is ~2,400 characters
    pieces = shade(text, scored)  # no parse given, and too long to parse at once
    assert len(pieces) == len(whole) == 60
    assert all(a[2] < 40 < b[2] for a, b in zip(pieces[::2], pieces[1::2], strict=True))
    assert [round(p[2], 6) for p in pieces] == [round(w[2], 6) for w in whole]


def test_outside_data_news_sentences_general_or_specific() -> None:
    """130 news sentences labelled general/specific (Louis & Nenkova, via Speciteller; never
    trained on): AUC measured 0.87."""
    with (DATA / "louis-news.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 130
    docs = get_nlp().pipe([r["sentence"] for r in rows], disable=["ner"])
    scores = [specificity(d) for d in docs]
    pos = [s for s, r in zip(scores, rows, strict=True) if r["label"] == "specific"]
    neg = [s for s, r in zip(scores, rows, strict=True) if r["label"] == "general"]
    auc = sum((a > b) + 0.5 * (a == b) for a in pos for b in neg) / (len(pos) * len(neg))
    assert auc >= 0.80, f"AUC = {auc:.3f}"
