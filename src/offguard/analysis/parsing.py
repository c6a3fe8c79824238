"""Parsing answers for the coach: the shared spaCy pipeline without named entities, its
attribute rules applied by lookup (:mod:`offguard.analysis.fastattrs`), one by one or in
batches."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DISABLED_PIPES = ("ner",)


def parse_many(texts: Iterable[str], batch_size: int = 32) -> list[Doc]:
    """Parse answers in batches (faster than one by one for a whole file)."""
    nlp, finish = _pipeline()
    texts = (t[: nlp.max_length] for t in texts)
    return [finish(d) for d in nlp.pipe(texts, batch_size=batch_size, disable=_SKIPPED)]


def parse(text: str) -> Doc:
    """Parse one answer."""
    nlp, finish = _pipeline()
    # past the parser's limit (a million characters) only the start is read for the verdict
    return finish(nlp(text[: nlp.max_length], disable=_SKIPPED))


#: Pipes skipped by the model run: named entities are not used, and the attribute rules and
#: the lemmatizer run after it, the rules through :class:`FastAttributes` (same result).
_SKIPPED = [*DISABLED_PIPES, "attribute_ruler", "lemmatizer"]
_finish: Callable[[Doc], Doc] | None = None


def _pipeline() -> tuple[Language, Callable[[Doc], Doc]]:
    global _finish
    from offguard.analysis.nlp import get_nlp

    nlp = get_nlp()
    if _finish is None:
        from offguard.analysis.fastattrs import FastAttributes

        rules = FastAttributes(nlp)
        lemmatize = _cached_lemmas(nlp)

        def finish(doc: Doc) -> Doc:
            return lemmatize(rules(doc))

        _finish = finish
    return nlp, _finish


def _cached_lemmas(nlp: Language) -> Callable[[Doc], Doc]:
    """The model's rule lemmatizer, each (word, part of speech, morphology) worked out once:
    spaCy caches only the words its rules change, so a base form ("ring", "the") was checked
    again at every occurrence. Same lemmas (a test compares them with the model's pipeline)."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    rule = lemmatizer.rule_lemmatize  # type: ignore[attr-defined]
    cache: dict[tuple[int, int, int], str] = {}

    def lemmatize(doc: Doc) -> Doc:
        if len(cache) > 200_000:
            cache.clear()
        for token in doc:
            if token.lemma != 0:
                continue  # set by the attribute rules (the lemmatizer does not overwrite)
            key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
            lemma = cache.get(key)
            if lemma is None:
                lemma = cache[key] = rule(token)[0]
            token.lemma_ = lemma
        return doc

    return lemmatize
