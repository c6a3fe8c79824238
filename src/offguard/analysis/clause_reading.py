"""Reading one clause from the parse: its extent, tense and aspect, modal verb, subject type,
frequency and time anchors, and the small facts the situation kind and the combiner need
(:class:`offguard.analysis.clause_types.Clause`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from offguard.analysis.clause_frames import (
    _at_the_moment,
    _conjunction_once,
    _employer,
    _found_thing,
    _frequency_adverb,
    _if_clause,
    _inside_past_report,
    _particle,
    _past_perfect_d,
    _period,
    _tally,
    _time_setting,
    _workplace,
)
from offguard.analysis.clause_types import (
    _ANCHOR_DETS,
    _ANCHOR_WORDS,
    _CLAUSE_DEPS,
    _DAYS,
    _DEFINITE_DETS,
    _EVERY,
    _GENERIC_PRONOUNS,
    _LEADING_DEPS,
    _LEADING_WORDS,
    _LESSON,
    _MODALS,
    _MONTHS,
    _NOW,
    _PARTICULAR_DETS,
    _PLACE_ADVERBS,
    _PLACE_PREPS,
    _REPORTING,
    _STATIVE,
    _TIME_NOUNS,
    Clause,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def _is_clause_head(tok: Token) -> bool:
    if tok.dep_ not in _CLAUSE_DEPS:
        return False
    if tok.pos_ == "VERB":
        return tok.tag_ not in ("VBG",) or any(c.dep_ in ("aux", "nsubj") for c in tok.children)
    if tok.pos_ == "AUX":
        return tok.dep_ in ("ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis")
    return False


def _own_tokens(head: Token, heads: set[int]) -> list[Token]:
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.i not in heads)
    return out


def _clause(head: Token, heads: set[int]) -> Clause:
    own = _own_tokens(head, heads)
    aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    words = {t.lower_ for t in own}
    modal = None
    for a in aux:
        if a.tag_ == "MD" and not _past_perfect_d(a, head):
            modal = _MODALS.get(a.lower_, a.lower_)
    tense = "none"
    finite = [a for a in aux if a.tag_ in ("VBD", "VBP", "VBZ") or (a.tag_ == "MD" and modal)] + (
        [head] if head.tag_ in ("VBD", "VBP", "VBZ") else []
    )
    if modal:
        tense = "modal"
    elif finite:
        first = finite[0]
        # a past form the tagger read as present ("I rewrote" as VBP): VBP is the bare form
        misread = first.tag_ == "VBP" and _past_form(first.lower_)
        tense = "past" if first.tag_ == "VBD" or misread else "present"
    elif head.dep_ == "conj" and head.head.i != head.i:
        tense = _inherited_tense(head.head)
    elif any(a.tag_ == "MD" and _past_perfect_d(a, head) for a in aux):
        tense = "past"  # "I'd rung the office": had rung
    elif head.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in head.children):
        tense = "past"  # "Our printer jammed": a past form the tagger read as a participle
    aspect = "simple"
    aux_lemmas = {a.lemma_ for a in aux if a.dep_ == "aux"}
    have = "have" in aux_lemmas and (
        head.tag_ in ("VBN", "VBD") or any(a.lower_ == "been" for a in aux)
    )
    if have or (head.tag_ == "VBN" and any(a.lower_ in ("'s", "’s") for a in aux)):
        aspect = "perfect"  # "I've trained", "I've been doing this fifteen years"
    elif head.tag_ == "VBG" and "be" in aux_lemmas:
        aspect = "progressive"
    lemma = head.lemma_.lower()
    frequency = any(_frequency_adverb(t, head) for t in own)
    if lemma == "use" and head.tag_ == "VBD" and any(c.dep_ == "xcomp" for c in head.children):
        frequency = True  # "I used to work nights"
    if lemma == "tend" and any(c.dep_ == "xcomp" for c in head.children):
        frequency = True
    anchor = False
    durations = years = 0
    when_present = False
    for t in own:
        if (
            t.lower_ in _TIME_NOUNS
            and t.tag_ == "NNS"
            and any(
                c.dep_ == "nummod" or c.lower_ in ("few", "several", "many") for c in t.children
            )
        ):
            durations += 1  # "fifteen years", "a few months": a stretch, not an occasion
        low = t.lower_
        if (
            low in _EVERY
            and t.dep_ == "det"
            and t.head.lower_ in _TIME_NOUNS
            # "I check on her every ten minutes": a repeat inside one occasion
            and t.head.lower_ not in ("minute", "minutes", "second", "seconds")
        ):
            frequency = True  # "every morning", "each shift"
        elif low == "whenever":
            frequency = True
        elif low == "when" and t.head.i == head.i and tense == "present" and head.dep_ == "advcl":
            when_present = True  # "when a customer complains, I ...": a habit outside a scene
        if low in _DAYS and (
            t.text.endswith("s")
            or any(c.lower_ in ("every", "each") for c in t.children)
            # "on a Monday I check the stock"; but "he sent it back on a Saturday": one day
            # ("so it's a Friday": the day of the scene)
            # ("I'm closing the bar on a Sunday": the progressive frames one Sunday)
            or (
                tense != "past"
                and aspect != "progressive"
                and t.dep_ != "attr"
                and t.head.lemma_ != "be"  # "this is, um, a Sunday in May"
                and any(c.lower_ == "a" for c in t.children)
            )
        ):
            frequency = True  # "on Mondays", "on a Monday", "every Monday"
        elif (
            low in _DAYS
            or (low in _MONTHS and t.pos_ == "PROPN")
            or (low in _ANCHOR_WORDS and t.pos_ != "DET" and not _conjunction_once(t))
        ):
            anchor = True
        elif t.like_num and t.pos_ == "NUM" and len(low) == 4 and low[:2] in ("19", "20"):
            anchor = True  # a year
            years += 1
        elif (
            low in _TIME_NOUNS
            and t.tag_ == "NN"
            and any(
                c.lower_ in _ANCHOR_DETS and c.dep_ in ("det", "amod", "nummod") for c in t.children
            )
        ):
            anchor = True  # "that morning", "one night", "last week", "the next day"
    subject = _subject(head)
    lesson = lemma in _LESSON and (
        subject in ("third", "definite", "generic") or any(c.dep_ == "ccomp" for c in head.children)
    )
    if head.dep_ == "advcl" and _if_clause(head):
        modal = modal or "if"
        if tense != "past":
            tense = "modal"
    negated = any(c.dep_ == "neg" for c in head.children)
    # "she said I'd cover", "the one I'd pick": a modal reported or choosing, no hypothetical
    governor = head.head
    reported = (head.dep_ in ("ccomp", "xcomp") and governor.lemma_ in _REPORTING) or (
        head.dep_ == "relcl" and governor.lower_ in ("one", "example", "story", "time")
    )
    # "I suggested we drop our run", "she said it's broken": present-tense content of a past
    # report is that occasion's content (a subjunctive or a shifted tense), not a habit
    past_report = _inside_past_report(head)
    intro = (
        subject == "this"
        or _time_setting(head)
        or (
            subject == "there"
            and any(
                c.dep_ in ("attr", "nsubj") and any(d.lower_ == "this" for d in c.children)
                for c in head.children
            )
        )
    )
    locative = (
        lemma == "be"
        and subject in ("i", "we")
        and any(
            (
                p.dep_ == "prep"
                and p.lower_ in _PLACE_PREPS
                and any(o.dep_ == "pobj" and o.pos_ == "NOUN" for o in p.children)
            )
            # "I'm in", "we're out", "I'm up there": the speaker's place, not a description
            or (p.dep_ in ("advmod", "prt") and p.lower_ in _PLACE_ADVERBS)
            for p in head.children
        )
    )
    stative = lemma in _STATIVE or (head.pos_ == "AUX" and lemma == "be")
    if (
        tense == "present"
        and subject in ("i", "we")
        and any(a.dep_ == "auxpass" for a in aux)
        and not any(c.dep_ == "agent" for c in head.children)
    ):
        stative = True  # "I'm not fussed", "I'm based in Leeds": an adjectival passive, a state
    if lemma == "get" and aspect == "perfect" and not any(c.dep_ == "prt" for c in head.children):
        stative = True  # "I've got eight years": possession
    if lemma == "work" and tense == "present" and _workplace(head):
        stative = True  # "I work in a teaching lab", "I work at Tesco": employment, a state
    if lemma == "find" and _found_thing(head):
        stative = False  # "I find Doris on the floor": a discovery, not "I find it hard"
    if aspect == "progressive" or (lemma in ("find", "have") and _particle(head)):
        stative = False  # "my lead found out", "we had it out": a phrasal verb is an event
    span = sorted(own, key=lambda t: t.i)
    while len(span) > 1 and (
        span[0].is_punct or (span[0].dep_ in _LEADING_DEPS and span[0].lower_ in _LEADING_WORDS)
    ):
        span.pop(0)  # ", and so I call ..." -> "I call ..."
    while len(span) > 1 and span[-1].is_punct:
        span.pop()
    start = span[0].idx
    end = span[-1].idx + len(span[-1].text)
    numbers = sum(t.like_num and t.pos_ == "NUM" for t in own)
    particular = anchor or any(
        t.pos_ in ("PROPN", "NUM")
        or (
            t.pos_ == "NOUN"
            and t.dep_ != "npadvmod"
            and any(
                c.dep_ in ("det", "poss")
                and c.lower_ in _PARTICULAR_DETS
                # "helped customers with their accounts": "their" + a plural is anyone's
                # ("her tablets" are one person's)
                and not (c.lower_ == "their" and t.tag_ == "NNS")
                for c in t.children
            )
        )
        for t in own
    )
    names = sum(t.pos_ == "PROPN" and t.lower_ not in _DAYS | _MONTHS for t in own)
    question = any(t.text == "?" for t in own) or (
        head.dep_ == "ROOT" and bool(aux) and aux[0].i < head.i and aux[0].i == head.sent.start
    )
    return Clause(
        sentence=head.sent.start,
        start=start,
        end=end,
        head=head.i,
        lemma=lemma,
        subject=subject,
        tense=tense,
        aspect=aspect,
        modal=modal,
        frequency=frequency,
        anchor=anchor,
        stative=stative,
        negated=negated,
        question=question,
        numbers=numbers,
        names=names,
        durations=durations,
        years=years,
        lesson=lesson,
        locative=locative,
        now=bool(words & _NOW) or any(_at_the_moment(t) for t in own),
        particular=particular,
        reported=reported,
        past_report=past_report,
        tally=any(_tally(t, head) for t in own),
        period=any(_period(t) for t in own) or (not anchor and _employer(head)),
        own_grammar=bool(aux)
        or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children),
        when_present=when_present,
        intro=intro,
    )


def _past_form(word: str) -> bool:
    """An irregular past form, also behind a prefix ("rewrote", "overslept")."""
    from offguard.analysis import lexicon

    past = lexicon.words("irregular_past.txt")
    if word in past:
        return True
    for prefix in ("re", "over", "under", "mis", "out", "with"):
        if word.startswith(prefix) and word[len(prefix) :] in past:
            return True
    return False


def _inherited_tense(tok: Token) -> str:
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in aux):
        return "modal"
    tags = [a.tag_ for a in aux] + [tok.tag_]
    if "VBD" in tags:
        return "past"
    if "VBP" in tags or "VBZ" in tags:
        return "present"
    return "none"


def _subject(head: Token) -> str:
    """The subject's type: i, we, you, third, name, this, definite, indefinite, generic, there,
    none (conjoined verbs inherit their first verb's subject)."""
    tok: Token | None = head
    for _ in range(4):
        if tok is None:
            break
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj"):
                if c.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
                    return _subject_type(tok.head)  # "someone who takes ownership"
                return _subject_type(c)
        tok = tok.head if tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i else None
    return "none"


def _subject_type(tok: Token) -> str:
    low = tok.lower_
    if tok.dep_ == "expl" or low == "there":
        return "there"
    if tok.dep_ == "csubj" or tok.tag_ == "VBG":
        return "generic"
    if low in ("i", "me"):
        return "i"
    if low in ("we", "us"):
        return "we"
    if low == "you":
        return "you"
    if low in ("he", "she", "they", "it", "him", "her", "them"):
        return "third"
    if low in _GENERIC_PRONOUNS:
        return "generic"
    if tok.pos_ == "PROPN":
        return "name"
    if low in ("this", "that"):
        return "third"
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss", "predet")]
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
        return "name"
    if "this" in dets and tok.tag_ == "NN":
        return "this"
    if any(d in _DEFINITE_DETS or d.endswith("'s") for d in dets):
        return "definite"
    if any(c.dep_ == "poss" for c in tok.children):
        return "definite"
    if any(d in ("a", "an") for d in dets):
        return "indefinite"
    if any(d in ("every", "each", "any", "all", "most", "no") for d in dets):
        return "generic"
    if tok.tag_ in ("NNS", "NN"):
        return "generic"
    return "third"
