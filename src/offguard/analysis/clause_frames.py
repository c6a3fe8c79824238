"""A clause's frames and scope, read from the parse: which frequency words quantify the
clause's own events, a record's totals over a stretch ("last year I sold ninety cars"), a
named workplace as a career frame, the present moment ("at the moment"), phrasal verbs, a
scene's time set by "it's" ("So it's a Friday", "it's six a.m.", "it's Mother's Day
brunch"), a clause inside a past report, "once" as a conjunction, and "'d" as "had"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from offguard.analysis.clause_types import (
    _DAYS,
    _FREQUENCY,
    _PARTICIPLES,
    _PERIODS,
    _REPORTING,
    _SAME_FORM,
    _TIME_NOUNS,
)
from offguard.analysis.text import wordset

if TYPE_CHECKING:
    from spacy.tokens import Token


def _particle(head: Token) -> bool:
    return any(c.dep_ == "prt" for c in head.children)


def _times_out_of(tok: Token) -> bool:
    """ "nine times out of ten": a proportion of many occasions."""
    return (
        tok.lower_ == "times"
        and any(c.dep_ == "nummod" for c in tok.children)
        and (tok.head.lower_ == "out" or any(c.lower_ == "out" for c in tok.children))
    )


def _frequency_adverb(tok: Token, head: Token) -> bool:
    """A frequency word that quantifies this clause's events: an adverbial ("I usually ran
    it", "daily I check"), not an adjective describing a thing ("a weekly meeting", "it's
    never daily") nor inside reported words ("it says take one daily")."""
    if _times_out_of(tok):
        return True
    if tok.lower_ not in _FREQUENCY or tok.dep_ in ("amod", "acomp", "attr", "compound"):
        return False
    verb = tok.head
    while verb.i != head.i and verb.dep_ in ("xcomp", "advmod", "prep", "pobj", "dobj"):
        if verb.dep_ == "xcomp" and verb.head.lemma_ in _REPORTING:
            return False
        verb = verb.head
    return True


def _tally(tok: Token, head: Token) -> bool:
    """A figure the verb's object is counted in: "listed seventy-two properties", "sold
    fifty-eight", "cut usage by 18 percent", or a change "from 91 to 98 percent", "went down
    40 percent" (a record's total, not a detail of one scene)."""
    if not (tok.like_num and tok.pos_ == "NUM"):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in ("from", "to"):
        return True  # "from 91 to 98.5 percent", "from 14 million to 31 million": a change
    if tok.head.lower_ in ("percent", "%") and tok.head.dep_ in ("npadvmod", "advmod", "dobj"):
        return True  # "went down 40 percent", "incidents down thirty percent"
    if tok.dep_ not in ("nummod", "dobj", "pobj"):
        return False
    noun = tok if tok.dep_ in ("dobj", "pobj") else tok.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "by" and noun.lower_ in ("percent", "%"):
        return True
    for _ in range(4):  # "a budget of six point four million", "savings of eight percent"
        if noun.dep_ == "dobj" and noun.head.i == head.i:
            return True
        if noun.dep_ not in ("pobj", "prep", "nummod", "compound", "quantmod"):
            return False
        noun = noun.head
    return False


def _period(tok: Token) -> bool:
    """ "last year", "in my last role", "over four years": a stretch as the clause's time."""
    if tok.lower_ not in _PERIODS:
        return False
    if tok.dep_ == "npadvmod":
        return any(c.lower_ in ("last", "this", "that") for c in tok.children)
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "over", "during", "across", "within")


def _employer(head: Token) -> bool:
    """ "at Amazon I ran a team of 25", "for Connells": a named workplace as the whole frame
    of a clause with no time of its own is a stretch of a career, not an occasion."""
    return any(
        p.dep_ == "prep"
        and p.lower_ in ("at", "for")
        and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in p.children)
        for p in head.children
    )


def _at_the_moment(tok: Token) -> bool:
    """ "at the moment", "at present": the speaker's present circumstance, not a habit."""
    return (
        tok.lower_ in ("moment", "present")
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "at"
        and (tok.lower_ == "present" or any(c.lower_ == "the" for c in tok.children))
    )


def _workplace(head: Token) -> bool:
    """ "I work in a teaching lab", "I work at Tesco", "I work for the council"."""
    return any(
        p.dep_ == "prep" and p.lower_ in ("in", "at", "for", "on") for p in head.children
    ) and not any(c.dep_ in ("dobj", "advmod") and c.lower_ in _FREQUENCY for c in head.children)


def _found_thing(head: Token) -> bool:
    """ "I find Doris on the floor", "we found the leak": "find" with a plain object and no
    judgement ("I find it hard", "I found that...") is an event."""
    kids = list(head.children)
    return any(c.dep_ == "dobj" for c in kids) and not any(
        c.dep_ in ("ccomp", "acomp", "oprd", "xcomp") for c in kids
    )


def _time_setting(head: Token) -> bool:
    """ "So it's a Friday", "it's six a.m.", "it's Mother's Day brunch": "it" + present "be"
    + a time, a day or a named occasion sets a scene's time (no habit: "on a Friday I...")."""
    if head.lemma_ != "be" or head.tag_ != "VBZ":
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in head.children):
        return False  # ("this is a Sunday in May")
    attrs = [c for c in head.children if c.dep_ == "attr"] or [
        c for c in head.children if c.dep_ == "npadvmod" and c.lower_ in _DAYS
    ]
    if len(attrs) != 1:
        return False  # "it's pressure all the time": a description, not a time
    for c in attrs:
        if any(d.lower_ in ("all", "every", "each", "most", "any") for d in c.children):
            return False
        if c.lower_ in _TIME_NOUNS or c.lower_ in _DAYS or c.like_num:
            return True
        if any(d.dep_ in ("compound", "poss") and d.pos_ == "PROPN" for d in c.children):
            return True  # "Mother's Day brunch", "the Christmas party"
    return False


def _inside_past_report(head: Token) -> bool:
    """Is the clause said or thought on one past occasion: the content of a past report ("I
    suggested we drop our run"), or a clause inside it ("I said the slings we carry were too
    short": "we carry" is part of what was said then)? A clause joined to the report itself
    ("I said no and we carry on") is not."""
    tok = head
    while tok.dep_ != "ROOT" and tok.head is not tok:
        if (
            tok.dep_ == "ccomp"
            and tok.head.lemma_ in _REPORTING
            and tok.head.tag_ == "VBD"
            # a clause inside the report comes after its verb ("my supervisor left..., so I
            # emailed..., she agreed": a parse that hangs the first clauses on "agreed"),
            # unless the report closes the sentence ("it's broken, she said")
            and (head.i > tok.head.i or tok.head.i >= tok.head.sent.end - 3)
        ):
            return True
        tok = tok.head
    return False


def _conjunction_once(t: Token) -> bool:
    """ "once they saw I was trying": "once" joining a clause (as soon as), not one time."""
    if t.lower_ != "once":
        return False
    return t.dep_ == "mark" or (
        t.i < t.head.i and any(c.dep_ == "nsubj" and c.i > t.i for c in t.head.children)
    )


def _past_perfect_d(aux: Token, head: Token) -> bool:
    """ "I'd looked at it", "I'd been training him": 'd is "had" before a past participle."""
    if aux.lower_ not in ("'d", "’d", "d"):
        return False
    return (
        head.tag_ == "VBN"
        or head.lower_ in _PARTICIPLES
        or any(a.lower_ == "been" for a in head.children if a.dep_ == "aux")
        or _same_form_perfect(head)
    )


def _same_form_perfect(head: Token) -> bool:
    """ "I filed the return and I'd put an invoice in twice", "I'd read the capacity off
    the website, which turned out...": a verb whose participle is its bare form, after 'd,
    in a sentence told in the simple past with no habit word, is "had"."""
    if head.lower_ not in _SAME_FORM:
        return False
    sent = head.sent
    if any(t.lower_ in _HABIT_WORDS for t in sent):
        return False  # "when it got busy we'd put extra staff on": a past habit
    return any(c.dep_ == "conj" and c.tag_ == "VBN" for c in head.children) or any(
        t.tag_ == "VBD" and t.i != head.i for t in sent
    )


_HABIT_WORDS = wordset("when whenever every each always usually often sometimes normally")


def _if_clause(head: Token) -> bool:
    """ "if you could do seven fifty", "if they get aggressive": a clause of condition."""
    return any(c.lower_ == "if" and c.dep_ == "mark" for c in head.children)
