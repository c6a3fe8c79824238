"""Property tests: any text gives a valid Analysis whose spans point into the text."""

from __future__ import annotations

import itertools
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from offguard.analysis import analyze_text

WORDS = st.sampled_from(
    [
        "I",
        "always",
        "I'd",
        "we",
        "um",
        "Last",
        "March",
        "rang",
        "the",
        "depot",
        "team player",
        "10 years",
        "sort of",
        "loads of",
        ",",
        ".",
        "?",
        "\n",
        "I\u2019m",
        "passionate",
        "Tyler",
        "said",
        "went",
        "up",
        "by",
        "30%",
        "İ",
        "ß",
        "\u00a0",
        "e\u0301",
        "😀",
    ]
)


def check(text: str) -> None:
    analysis = analyze_text(text)
    assert analysis.verdict in ("generic", "specific")
    assert 0.0 <= analysis.specificity <= 100.0
    assert (analysis.verdict == "specific") == (analysis.specificity >= 50)
    for span in [*analysis.flags, *analysis.specifics]:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.reason
    for sentence in analysis.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert 0.0 <= sentence.specificity <= 100.0
    starts = [f.start for f in analysis.flags]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(analysis.flags))
    assert set(analysis.star) == set("STAR")
    assert 1 <= len(analysis.suggestions) <= 3
    json.dumps(analysis.to_dict())


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_unicode_text(text: str) -> None:
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_answer_like_text(text: str) -> None:
    check(text)
