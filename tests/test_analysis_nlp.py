"""The shared spaCy parser loads offline from its package and is loaded once."""

from __future__ import annotations

import json
from importlib import resources

from offguard.analysis import nlp


def test_parser_loads_once_and_parses() -> None:
    first = nlp.get_nlp()
    assert nlp.get_nlp() is first
    doc = first("I rang the supplier on Tuesday.")
    assert [t.lemma_ for t in doc if t.pos_ == "VERB"] == ["ring"]
    assert any(t.dep_ == "nsubj" and t.text == "I" for t in doc)


def test_model_package_is_the_mit_small_english_model() -> None:
    meta = json.loads(resources.files(nlp.MODEL_PACKAGE).joinpath("meta.json").read_text())
    assert meta["license"] == "MIT"
    assert meta["version"] == "3.8.0"
    assert meta["lang"] == "en"


def test_fast_attribute_rules_match_the_model_pipeline() -> None:
    """The coach skips the matcher-based attribute_ruler for a lookup: same annotations."""
    from pathlib import Path

    from offguard.analysis.situations import parse_many

    data = Path(__file__).parent / "data" / "answers-blind4.jsonl"
    texts = [json.loads(line)["text"] for line in data.read_text(encoding="utf-8").splitlines()]
    reference = list(nlp.get_nlp().pipe(texts, disable=["ner"]))
    fast = parse_many(texts)
    pairs = [
        (a, b)
        for ref, got in zip(reference, fast, strict=True)
        for a, b in zip(ref, got, strict=True)
    ]
    assert len(pairs) > 5000
    for a, b in pairs:
        assert (a.pos_, str(a.morph), a.lemma_, a.dep_) == (b.pos_, str(b.morph), b.lemma_, b.dep_)
