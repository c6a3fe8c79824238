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
        lemmatizer = nlp.get_pipe("lemmatizer")

        def finish(doc: Doc) -> Doc:
            return lemmatizer(rules(doc))

        _finish = finish
    return nlp, _finish
