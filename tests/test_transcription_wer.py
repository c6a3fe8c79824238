"""Word error rate and the normalisation behind every reported figure."""

from __future__ import annotations

import pytest

from tests.wer import error_counts, normalize, number_to_words, wer


def test_normalize_case_punctuation_numbers() -> None:
    assert normalize("Hello, World! It's 20 past.") == ["hello", "world", "it's", "twenty", "past"]
    expected = "in eighteen thirteen we had two thousand five hundred rifles on the second day"
    assert normalize("In 1813 we had 2,500 rifles on the 2nd day") == (expected.split(" "))
    assert normalize("A rifle-shot, OK? Alright.") == ["a", "rifle", "shot", "okay", "all", "right"]


def test_normalize_folds_filler_spellings() -> None:
    assert normalize("Umm, uhh... Hmmm, mm. Uh, um") == ["um", "uh", "hm", "hm", "uh", "um"]


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (13, "thirteen"),
        (40, "forty"),
        (105, "one hundred five"),
        (2024, "two thousand twenty four"),
        (1_000_001, "one million one"),
    ],
)
def test_number_to_words(n: int, words: str) -> None:
    assert number_to_words(n) == words


def test_wer_counts_each_kind_of_error() -> None:
    counts = error_counts(
        "we shipped the new billing system", "we shipped a new billing system today"
    )
    assert (counts.substitutions, counts.deletions, counts.insertions) == (1, 0, 1)
    counts = error_counts("we shipped the new billing system", "we shipped new billing system")
    assert (counts.substitutions, counts.deletions, counts.insertions) == (0, 1, 0)
    assert counts.reference_words == 6
    assert counts.wer == pytest.approx(1 / 6)


def test_wer_identical_after_normalisation_and_edge_cases() -> None:
    assert (
        wer(
            "Ask not what your country can do for you.", "ask not, what your Country can do for you"
        )
        == 0.0
    )
    assert wer("", "") == 0.0
    assert wer("", "hello") == 1.0
    assert wer("one two", "") == 1.0
    assert (error_counts("a b", "a") + error_counts("c", "d")).wer == pytest.approx(2 / 3)
