"""The model's attribute rules (tag -> part of speech and morphology, lemma exceptions) applied
by a dictionary lookup instead of spaCy's token matcher.

``en_core_web_sm``'s ``attribute_ruler`` holds 179 rules, almost all of one token ("TAG is
VBD", "LOWER is 'i' and DEP is nsubj"); running them through the Matcher costs about a third
of the parse. :class:`FastAttributes` reads the same rules from the loaded pipe, reads each
token once as the tuple of attributes the rules test, looks up the rules such a tuple starts
(computed once per distinct tuple and kept), and applies every matching rule in the pipe's
order (a later rule wins, as in spaCy), so the annotations are identical
(``tests/test_analysis_nlp.py`` compares them on labelled answers).
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Spec = dict[str, Any]


class FastAttributes:
    """Apply a loaded ``attribute_ruler``'s rules to a parsed Doc."""

    def __init__(self, nlp: Language) -> None:
        from spacy.pipeline.attributeruler import AttributeRuler

        ruler = nlp.get_pipe("attribute_ruler")
        assert isinstance(ruler, AttributeRuler)
        self._rules: list[tuple[int, list[Spec], dict[str, Any], int]] = []
        for number in range(len(ruler.attrs)):
            # the rule's patterns and its attributes as spaCy stores them (ids, ready to set)
            _, patterns = ruler.matcher.get(str(number))
            for pattern in patterns:
                self._rules.append((number, pattern, ruler.attrs[number], ruler.indices[number]))
        used = sorted({attr for _, pattern, _, _ in self._rules for s in pattern for attr in s})
        unknown = [a for a in used if a not in _TOKEN_ATTRS]
        if unknown:
            raise ValueError(f"attribute rule on {unknown[0]} is not supported")
        # a token is read once, as the tuple of the attributes the rules test
        self._position = {attr: k for k, attr in enumerate(used)}
        self._read = attrgetter(*(_TOKEN_ATTRS[a] for a in used))
        self._single = len(used) == 1
        # the rules a token's attributes start, by those attributes (the same across docs)
        self._starts: dict[tuple[Any, ...], list[int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        read = self._read
        sigs = [(read(t),) for t in doc] if self._single else [read(t) for t in doc]
        n = len(sigs)
        matches: list[tuple[int, int, int]] = []
        for i, sig in enumerate(sigs):
            starts = self._starts.get(sig)
            if starts is None:
                starts = self._starting(sig)
            for rule in starts:
                number, pattern, _, index = self._rules[rule]
                end = i + len(pattern)
                if end <= n and all(
                    self._fits(sigs[i + k], pattern[k]) for k in range(1, len(pattern))
                ):
                    target = i + index if index >= 0 else end + index
                    matches.append((number, rule, target))
        matches.sort()
        for _, rule, target in matches:
            set_token_attrs(doc[target], self._rules[rule][2])
        return doc

    def _starting(self, sig: tuple[Any, ...]) -> list[int]:
        if len(self._starts) > 200_000:  # bounded memory over a long session
            self._starts.clear()
        starts = [r for r, rule in enumerate(self._rules) if self._fits(sig, rule[1][0])]
        self._starts[sig] = starts
        return starts

    def _fits(self, sig: tuple[Any, ...], spec: Spec) -> bool:
        for attr, want in spec.items():
            have = sig[self._position[attr]]
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


#: The token attribute each rule attribute reads.
_TOKEN_ATTRS = {
    "TAG": "tag_",
    "LOWER": "lower_",
    "DEP": "dep_",
    "IS_SPACE": "is_space",
    "ORTH": "text",
    "POS": "pos_",
}
