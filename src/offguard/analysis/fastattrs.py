"""The model's attribute rules (tag -> part of speech and morphology, lemma exceptions) applied
by a dictionary lookup instead of spaCy's token matcher.

``en_core_web_sm``'s ``attribute_ruler`` holds 179 rules, almost all of one token ("TAG is
VBD", "LOWER is 'i' and DEP is nsubj"); running them through the Matcher costs about a third
of the parse. :class:`FastAttributes` reads the same rules from the loaded pipe, indexes them
by tag and by lower-case form, and applies every matching rule in the pipe's order (a later
rule wins, as in spaCy), so the annotations are identical (``tests/test_analysis_nlp.py``
compares them on labelled answers).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

Spec = dict[str, Any]


class FastAttributes:
    """Apply a loaded ``attribute_ruler``'s rules to a parsed Doc."""

    def __init__(self, nlp: Language) -> None:
        from spacy.pipeline.attributeruler import AttributeRuler

        ruler = nlp.get_pipe("attribute_ruler")
        assert isinstance(ruler, AttributeRuler)
        self._rules: list[tuple[int, list[Spec], dict[str, Any], int]] = []
        by_key: dict[tuple[str, str], list[int]] = {}
        self._open: list[int] = []  # rules whose first token names neither tag nor form
        for number in range(len(ruler.attrs)):
            # the rule's patterns and its attributes as spaCy stores them (ids, ready to set)
            _, patterns = ruler.matcher.get(str(number))
            for pattern in patterns:
                rule = len(self._rules)
                self._rules.append((number, pattern, ruler.attrs[number], ruler.indices[number]))
                first = pattern[0]
                keys = _keys(first)
                if keys:
                    for key in keys:
                        by_key.setdefault(key, []).append(rule)
                else:
                    self._open.append(rule)
        self._by_key = by_key

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        matches: list[tuple[int, int, int]] = []
        for tok in doc:
            candidates = set(self._open)
            candidates.update(self._by_key.get(("TAG", tok.tag_), ()))
            candidates.update(self._by_key.get(("LOWER", tok.lower_), ()))
            for rule in candidates:
                number, pattern, _, index = self._rules[rule]
                end = tok.i + len(pattern)
                if end <= len(doc) and all(
                    _match(doc[tok.i + k], spec) for k, spec in enumerate(pattern)
                ):
                    target = tok.i + index if index >= 0 else end + index
                    matches.append((number, rule, target))
        matches.sort()
        for _, rule, target in matches:
            set_token_attrs(doc[target], self._rules[rule][2])
        return doc


def _keys(spec: Spec) -> list[tuple[str, str]]:
    """The (attribute, value) keys a token must have for this spec to match, if it names a
    tag or a lower-case form exactly (or from a list)."""
    for attr in ("TAG", "LOWER"):
        value = spec.get(attr)
        if isinstance(value, str):
            return [(attr, value)]
        if isinstance(value, dict) and "IN" in value:
            return [(attr, v) for v in value["IN"]]
    return []


def _match(tok: Token, spec: Spec) -> bool:
    for attr, want in spec.items():
        have: Any
        if attr == "TAG":
            have = tok.tag_
        elif attr == "LOWER":
            have = tok.lower_
        elif attr == "DEP":
            have = tok.dep_
        elif attr == "IS_SPACE":
            have = tok.is_space
        elif attr == "ORTH":
            have = tok.text
        elif attr == "POS":
            have = tok.pos_
        else:
            raise ValueError(f"attribute rule on {attr} is not supported")
        if isinstance(want, dict):
            if "IN" in want and have not in want["IN"]:
                return False
            if "NOT_IN" in want and have in want["NOT_IN"]:
                return False
            if "REGEX" in want and not re.search(want["REGEX"], str(have)):
                return False
        elif have != want:
            return False
    return True
