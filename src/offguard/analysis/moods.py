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

from offguard.analysis.clause_frames import _if_clause
from offguard.analysis.clause_types import _DAYS, _TIME_NOUNS, Clause
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
    conditional = {c.sentence for c in clauses if c.modal == "if" or _if_clause(doc[c.head])}
    for c in clauses:
        head = doc[c.head]
        if c.modal == "would" and _purpose(head):
            c.reported = True  # the aim of a told action, like a reported modal: no hypothesis
            continue
        if (
            c.modal == "would"
            and not c.reported
            and c.sentence not in conditional
            and c.subject in ("i", "we", "third", "name", "definite", "generic")
            and c.lemma not in _WOULD_NOT_HABIT
            # "So I'd stay till the March outturn": a dated plan; "I'd rather be..."
            and not c.anchor
            and not any(ch.lower_ == "rather" for ch in head.children)
            and not _by_then(head)
            and not _ahead(head)
        ):
            c.frequency = True


def _ahead(head: Token) -> bool:
    """ "in five years I'd be a registered nurse": "would" of a time ahead, not a habit."""
    for ch in head.children:
        if ch.dep_ == "prep" and ch.lower_ == "in":
            for obj in ch.children:
                if obj.lower_ in ("years", "months", "weeks") and any(
                    n.dep_ == "nummod" or n.like_num for n in obj.children
                ):
                    return True
    return False


def _by_then(head: Token) -> bool:
    """ "By half one I'd run out": "by" a time makes "'d" a past perfect ("had run out")."""
    for ch in head.children:
        if ch.dep_ == "prep" and ch.lower_ == "by":
            obj = [o for o in ch.children if o.dep_ == "pobj"]
            if obj and (obj[0].like_num or obj[0].lower_ in _BY_TIMES):
                return True
            if obj and any(n.like_num for n in obj[0].children):
                return True  # "by half one", "by nine o'clock"
    return False


_BY_TIMES = _TIME_NOUNS | _DAYS | wordset("then now midnight noon lunch end")


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
