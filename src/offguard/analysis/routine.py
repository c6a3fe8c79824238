"""Present-tense scenes that are routines, not one occasion (the grammar of the frame, read
from the parse):

- a supposed scene: "say we're in a design review...", "imagine I'm on the grill...",
  "let's say a patient comes in": an imperative verb of supposing with a present-tense
  complement sets up a typical case, not a time it happened;
- a recast: after the scene, a demonstrative sums it up as a routine: "That's every Friday",
  "That's what I do", "that's how I handle it", "That's the job", or a fragment "Every single
  time.", or the steps of a routine ("first thing I do, I check the logs", "what happens is");
- a scene of "you": "you're on a job, you get there and there's three casualties" with no
  time anchor anywhere in the answer (a story told with "you" that is dated, "last March you
  walk in and the whole board is red", is still one occasion).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from offguard.analysis.clause_types import _EVERY, _TIME_NOUNS, Clause
from offguard.analysis.text import wordset

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUPPOSE = wordset("say imagine suppose picture")
#: what a demonstrative recast names: "that's the job", "that's my day", "that's the norm"
_ROUTINE_NOUNS = wordset("job day week shift routine norm life drill way")


def routine_frame(clauses: Sequence[Clause], doc: Doc) -> bool:
    """Is the answer's present-tense scene framed as a routine (see the module)?"""
    return _supposed(doc) or _recast(clauses, doc) or _you_scene(clauses)


def _supposed(doc: Doc) -> bool:
    for t in doc:
        if t.lower_ not in _SUPPOSE or t.tag_ not in ("VB", "VBP"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in t.children):
            continue  # "I say to him", "you could say": a speaker, not a supposition
        if t.dep_ not in ("ROOT", "parataxis", "ccomp") and t.head.lower_ != "let":
            continue
        if any(c.dep_ == "ccomp" and c.tag_ in ("VBP", "VBZ") for c in t.children):
            return True
    return False


def _recast(clauses: Sequence[Clause], doc: Doc) -> bool:
    scene_from = next(
        (c.start for c in clauses if c.tense == "present" and not c.stative),
        None,
    )
    if scene_from is None:
        return False
    for sent in doc.sents:
        if sent.start_char <= scene_from:
            continue
        if _every_fragment(sent.root) or any(
            _demonstrative_routine(t) for t in sent if t.dep_ in ("ROOT", "ccomp", "conj")
        ):
            return True
        if any(_routine_step(t) for t in sent):
            return True
    return False


def _every_fragment(root: Token) -> bool:
    """ "Every single time.", "Every Friday.": a verbless sentence of frequency."""
    return (
        root.pos_ in ("NOUN", "PROPN")
        and (root.lower_ in _TIME_NOUNS or root.tag_ == "NNP")
        and any(c.lower_ in _EVERY and c.dep_ == "det" for c in root.children)
    )


def _demonstrative_routine(be: Token) -> bool:
    """ "That's every Friday", "That's what I do, I adapt", "That's the job really"."""
    if be.lemma_ != "be" or be.tag_ != "VBZ":
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ in ("that", "this") for c in be.children):
        return False
    for c in be.children:
        if c.dep_ in ("attr", "npadvmod") and any(
            d.lower_ in _EVERY and d.dep_ == "det" for d in c.children
        ):
            return True  # "That's every Friday", "that's pressure every single day"
        if (
            c.dep_ == "attr"
            and c.lemma_ in _ROUTINE_NOUNS
            and c.tag_ == "NN"
            and [d.lower_ for d in c.children] in (["the"], ["my"])
        ):
            return True
        if c.dep_ in ("ccomp", "attr") and (_what_i_do(c) or _how_it_goes(c)):
            return True
    return False


def _what_i_do(tok: Token) -> bool:
    """ "what I do" (not "what I did", "what I've always done": one decision, a record)."""
    return (
        tok.tag_ == "VBP" and tok.lemma_ == "do" and any(c.lower_ == "what" for c in tok.children)
    )


def _routine_step(tok: Token) -> bool:
    """ "first thing I do, I check the logs", "what happens is, I pick up a ticket": the
    steps of what is always done (not "now what I do is...": the practice a story led to)."""
    if tok.lemma_ not in ("do", "happen") or tok.tag_ not in ("VBP", "VBZ"):
        return False
    if any(t.lower_ == "now" for t in tok.sent if t.i < tok.i):
        return False
    if tok.lemma_ == "happen":
        return any(c.lower_ == "what" and c.dep_ == "nsubj" for c in tok.children) and (
            tok.dep_ == "csubj"
        )
    subject = any(c.dep_ == "nsubj" and c.lower_ == "i" for c in tok.children)
    thing = tok.dep_ == "relcl" and tok.head.lower_ == "thing"
    return subject and thing


def _how_it_goes(tok: Token) -> bool:
    """ "that's how I handle it", "that's how you get respect": a way, in the present."""
    return tok.tag_ in ("VBP", "VBZ") and any(
        c.lower_ == "how" and c.dep_ == "advmod" for c in tok.children
    )


def _you_scene(clauses: Sequence[Clause]) -> bool:
    you = [
        c
        for c in clauses
        if c.subject == "you" and c.tense == "present" and c.modal is None and not c.question
    ]
    return len(you) >= 2 and not any(c.anchor for c in clauses)
