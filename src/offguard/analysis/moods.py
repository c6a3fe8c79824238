"""Moods a clause takes from the clauses around it (:mod:`offguard.analysis.situations` calls
these after reading each clause on its own):

- "would" in an answer told in the past is a past habit ("Saturday nights we'd do three
  hundred covers"), unless it is a wish or opinion ("I'd want", "I'd say") or a purpose ("so
  we'd keep the temperature");
- a plan's present tense is no habit: dated ahead ("I finish my apprenticeship in
  September") or timed by a future clause ("I'll keep bank shifts while I study").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from offguard.analysis.clause_types import Clause
from offguard.analysis.text import wordset

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: "I'd want", "I'd say", "I'd love": wishes and opinions, never a past habit
_WOULD_NOT_HABIT = wordset(
    "say like love think guess imagine recommend want prefer need expect hope rather"
)


def _purpose(head: Token) -> bool:
    """ "I sent the rest to cover the chillers so we'd keep the temperature": a purpose."""
    if head.dep_ not in ("advcl", "ccomp", "conj"):
        return False
    return any(
        m.lower_ in ("so", "that") and m.dep_ in ("mark", "advmod") and m.i < head.i
        for m in head.children
    )


def past_would(clauses: Sequence[Clause], doc: Doc) -> None:
    """ "Saturday nights we'd do three hundred covers... I'd put my head down": "would" in an
    answer told in the past, with no "if" in its sentence, is a past habit, not a
    hypothetical."""
    past = sum(c.tense == "past" for c in clauses)
    present = sum(c.tense == "present" for c in clauses)
    if past < 2 or past < present:
        return
    conditional = {c.sentence for c in clauses if c.modal == "if"}
    for c in clauses:
        if c.modal == "would" and _purpose(doc[c.head]):
            c.reported = True  # the aim of a told action, like a reported modal: no hypothesis
            continue
        if (
            c.modal == "would"
            and not c.reported
            and c.sentence not in conditional
            and c.subject in ("i", "we", "third", "name", "definite", "generic")
            and c.lemma not in _WOULD_NOT_HABIT
        ):
            c.frequency = True


_TIME_MARKS = wordset("while once until till before after when as")


def scheduled(clauses: Sequence[Clause], doc: Doc, by_head: dict[int, Clause]) -> None:
    """A plan's present tense: "I finish my apprenticeship in September" (dated, no
    frequency) or "I'll keep bank shifts while I study" (timed by a future clause) tells when
    a plan happens, not a habit."""
    for c in clauses:
        if c.tense != "present" or c.aspect != "simple" or c.modal is not None or c.frequency:
            continue
        head = doc[c.head]
        main = by_head.get(head.head.i) if head.dep_ == "advcl" else None
        timed = (
            main is not None
            and (main.modal in ("will", "would") or main.tense == "modal")
            and any(m.dep_ == "mark" and m.lower_ in _TIME_MARKS for m in head.children)
        )
        dated = c.anchor and c.subject in ("i", "we") and not c.stative
        if timed or dated:
            c.scheduled = True
            c.when_present = False
