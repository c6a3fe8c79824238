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
