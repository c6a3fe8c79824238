"""Clause situation types from a dependency parse (spaCy), not from word lists.

Each clause of an answer is classed, in the spirit of Friedrich et al.'s situation entities
and Govindarajan et al. (2019)'s generic / habitual / episodic statements, as

- ``episodic``: one occasion ("I rang the supplier", "the keynote's train was cancelled",
  or a present-tense action inside a scene told in the narrative present: "this guy walks in");
- ``habitual``: a repeated pattern ("whenever a delivery came in short I chased it",
  "I'd always ring them", "I used to", "I check the rota every morning");
- ``generic``: a claim about a kind ("customers appreciate honesty", "communication is key",
  "you have to stay calm");
- ``hypothetical``: what would, could or will happen ("I'd escalate it", "if a client
  complained I would ...");
- ``state``: a state or self-description, not an event ("I'm a people person", "I love
  animals", "I've trained over three hundred clients", "she was new").

The grammar read per clause: tense and aspect from the verb group's tags (past, present,
progressive, perfect, modal), the subject's type (I, we, you, a name, a definite or
demonstrative noun phrase, a bare plural or other kind-level subject), frequency adverbs and
"every/each" time phrases, "whenever" clauses, "used to", and time anchors that pin one
occasion ("last Tuesday", "one night in March", "that morning", "in 2019").
Whether present-tense actions are a scene (the narrative present) or a routine is decided
for the whole answer (:func:`narrative_present`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from offguard.analysis.text import wordset

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

KINDS = ("episodic", "habitual", "generic", "hypothetical", "state")

#: Pipes the coach needs (named entities are not used: names come from the tagger's PROPN).
DISABLED_PIPES = ("ner",)

_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis", "csubj"})
_MODALS = {
    "would": "would",
    "'d": "would",
    "’d": "would",
    "d": "would",
    "could": "could",
    "should": "should",
    "might": "might",
    "may": "might",
    "must": "must",
    "will": "will",
    "'ll": "will",
    "’ll": "will",
    "ll": "will",
    "wo": "will",
    "shall": "will",
    "can": "can",
    "ca": "can",
    "gon": "will",
}
_FREQUENCY = wordset(
    """
    always usually normally often sometimes generally typically regularly constantly
    frequently rarely seldom occasionally routinely habitually repeatedly continually
    invariably ordinarily daily weekly nightly
    """
)
_EVERY = frozenset({"every", "each", "most"})
_TIME_NOUNS = wordset(
    """
    morning afternoon evening night day week weekend month year term shift time lunchtime
    summer winter spring autumn christmas easter season semester quarter hour minute moment
    minutes hours shifts days nights weeks months years mornings evenings
    """
)
_DAYS = wordset(
    """
    monday tuesday wednesday thursday friday saturday sunday
    """
)
_MONTHS = wordset(
    """
    january february march april may june july august september october november december
    """
)
_ANCHOR_DETS = frozenset({"that", "one", "last", "this", "next", "following", "first"})
_ANCHOR_WORDS = frozenset({"yesterday", "tonight", "once", "ago"})
_STATIVE = wordset(
    """
    be have know love like hate think believe feel want need seem appear mean understand
    enjoy prefer care consider find remember realise realize wish hope own belong matter
    depend deserve reckon guess suppose trust value
    """
)
_LEADING_DEPS = frozenset({"cc", "intj", "discourse", "mark", "prep"})
_LEADING_WORDS = wordset("and but so then or because um uh er well like okay ok right yeah")
_PARTICULAR_DETS = frozenset({"the", "this", "that", "those", "these", "his", "her", "their"})
_SAME_FORM = frozenset({"set", "put", "cut", "hit", "let", "shut", "quit", "read", "split"})
_REPORTING = wordset(
    """
    say tell ask agree promise decide explain warn reply mention admit guess think know
    realise realize hope wish offer suggest
    """
)
_LESSON = frozenset({"teach", "learn", "realise", "realize", "show", "remind", "prove"})
_SPEECH = frozenset({"say", "ask", "tell", "shout", "reply", "go"})
_GENERIC_PRONOUNS = wordset(
    """
    everyone everybody anyone anybody nobody people one someone somebody whoever
    """
)
_DEFINITE_DETS = frozenset(
    {"the", "this", "that", "these", "those", "my", "our", "his", "her", "their", "its", "your"}
)


@dataclass
class Clause:
    """One clause: its character span, grammar, and situation kind."""

    sentence: int
    start: int
    end: int
    head: int
    lemma: str
    subject: str
    tense: str
    aspect: str
    modal: str | None
    frequency: bool
    anchor: bool
    stative: bool
    negated: bool
    question: bool
    numbers: int
    names: int
    durations: int = 0
    years: int = 0
    #: a lesson drawn ("it taught me that...", "I learned that ...")
    lesson: bool = False
    #: the speaker placed in a scene: "I'm on the grill", "I'm at the front desk"
    locative: bool = False
    #: "now": the practice a story led to
    now: bool = False
    #: a particular participant or thing: a name, a number, "the fryer", "that customer"
    particular: bool = False
    #: reported ("she said I'd cover") or choosing an example ("the one I'd pick")
    reported: bool = False
    #: the clause has its own subject or auxiliary (a bare conjoined verb has neither)
    own_grammar: bool = True
    #: "when" + present tense: a habit unless inside a scene
    when_present: bool = False
    #: a scene opener: "there's this greyhound", "this guy walks in"
    intro: bool = False
    kind: str = "state"
    #: the clause is an action of the speaker's own (subject "I", a dynamic verb)
    own: bool = False


@dataclass
class Situations:
    """Every clause of an answer and the answer-wide decision on the narrative present."""

    clauses: list[Clause] = field(default_factory=list)
    narrative_present: bool = False
    tokens: int = 0
    questions: int = 0
    #: character offsets of the words tagged as modal verbs ("would", "'d", "could" ...)
    modal_at: frozenset[int] = frozenset()

    def kind_at(self, pos: int) -> str | None:
        """The kind of the (innermost) clause holding character ``pos``."""
        best: Clause | None = None
        for c in self.clauses:
            if c.start <= pos < c.end and (best is None or c.end - c.start < best.end - best.start):
                best = c
        return None if best is None else best.kind


def analyse(doc: Doc) -> Situations:
    """Class every clause of a parsed answer."""
    heads = [t for t in doc if _is_clause_head(t)]
    head_ids = {t.i for t in heads}
    clauses = [_clause(t, head_ids) for t in heads]
    by_head = {c.head: c for c in clauses}
    for t in heads:
        # "whenever a delivery came in short, I chased it up": the main clause is the habit
        sub = by_head[t.i]
        if (
            t.dep_ == "advcl"
            and (sub.frequency or sub.when_present)
            and t.head.i in by_head
            and any(w.lower_ in ("whenever", "when", "every", "each") for w in t.subtree)
        ):
            if sub.frequency:
                by_head[t.head.i].frequency = True
            else:
                by_head[t.head.i].when_present = True
    clauses.sort(key=lambda c: c.start)
    for i, c in enumerate(clauses):
        # "I open the shop, I check the deliveries, I set up the tills": a verb whose past is
        # its bare form takes the tense of the clauses around it
        if c.tense == "past" and doc[c.head].lower_ in _SAME_FORM:
            near = [d for d in clauses[max(0, i - 1) : i + 2] if d is not c]
            if near and all(d.tense == "present" for d in near):
                c.tense = "present"
    for c in clauses:
        # "I'd put my head down, clear my section, keep talking": a verb joined to a modal or
        # habitual one with no subject or auxiliary of its own shares its mood
        head = doc[c.head]
        if head.dep_ == "conj" and head.head.i in by_head and not c.own_grammar:
            first = by_head[head.head.i]
            c.modal = c.modal or first.modal
            c.frequency = c.frequency or first.frequency
            if first.tense == "modal":
                c.tense = "modal"
    _past_would(clauses, doc)
    narrative = narrative_present(clauses, doc)
    # the narrative present holds in the scene, not in a sentence of self-description
    # ("I'm someone who takes ownership, I don't point fingers") after it
    described = {
        c.sentence
        for c in clauses
        if c.subject == "i"
        and c.tense == "present"
        and c.lemma == "be"
        and c.stative
        and not c.locative
    }
    for c in clauses:
        scene = narrative and c.sentence not in described and not (c.negated and c.subject == "i")
        c.kind = _kind(c, scene)
        c.own = c.subject == "i" and not c.stative and c.kind == "episodic"
    return Situations(
        clauses,
        narrative,
        sum(not t.is_punct for t in doc),
        sum(t.text == "?" for t in doc),
        frozenset(t.idx for t in doc if t.tag_ == "MD" and not _past_perfect_d(t, t.head)),
    )


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
    frequency = bool(words & _FREQUENCY)
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
        if low in _EVERY and t.dep_ == "det" and t.head.lower_ in _TIME_NOUNS:
            frequency = True  # "every morning", "each shift"
        elif low == "whenever":
            frequency = True
        elif low == "when" and t.head.i == head.i and tense == "present" and head.dep_ == "advcl":
            when_present = True  # "when a customer complains, I ...": a habit outside a scene
        if low in _DAYS and (
            t.text.endswith("s") or any(c.lower_ in ("a", "every", "each") for c in t.children)
        ):
            frequency = True  # "on Mondays", "on a Monday", "every Monday"
        elif (
            low in _DAYS
            or (low in _MONTHS and t.pos_ == "PROPN")
            or (low in _ANCHOR_WORDS and t.pos_ != "DET")
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
    if head.dep_ == "advcl" and any(c.lower_ == "if" and c.dep_ == "mark" for c in head.children):
        modal = modal or "if"
        if tense != "past":
            tense = "modal"
    negated = any(c.dep_ == "neg" for c in head.children)
    # "she said I'd cover", "the one I'd pick": a modal reported or choosing, no hypothetical
    governor = head.head
    reported = (head.dep_ in ("ccomp", "xcomp") and governor.lemma_ in _REPORTING) or (
        head.dep_ == "relcl" and governor.lower_ in ("one", "example", "story", "time")
    )
    intro = subject == "this" or (
        subject == "there"
        and any(
            c.dep_ in ("attr", "nsubj") and any(d.lower_ == "this" for d in c.children)
            for c in head.children
        )
    )
    locative = (
        lemma == "be"
        and subject in ("i", "we")
        and any(
            p.dep_ == "prep"
            and p.lower_ in ("on", "at", "behind", "in")
            and any(o.dep_ == "pobj" and o.pos_ == "NOUN" for o in p.children)
            for p in head.children
        )
    )
    stative = lemma in _STATIVE or (head.pos_ == "AUX" and lemma == "be")
    if lemma == "get" and aspect == "perfect" and not any(c.dep_ == "prt" for c in head.children):
        stative = True  # "I've got eight years": possession
    if aspect == "progressive":
        stative = False
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
            and any(c.dep_ in ("det", "poss") and c.lower_ in _PARTICULAR_DETS for c in t.children)
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
        now=bool(words & _NOW),
        particular=particular,
        reported=reported,
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


def _past_perfect_d(aux: Token, head: Token) -> bool:
    """ "I'd looked at it", "I'd been training him": 'd is "had" before a past participle."""
    if aux.lower_ not in ("'d", "’d", "d"):
        return False
    return head.tag_ == "VBN" or any(a.lower_ == "been" for a in head.children if a.dep_ == "aux")


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


def _past_would(clauses: Sequence[Clause], doc: Doc) -> None:
    """ "Saturday nights we'd do three hundred covers... I'd put my head down": "would" in an
    answer told in the past, with no "if" in its sentence, is a past habit, not a
    hypothetical."""
    past = sum(c.tense == "past" for c in clauses)
    present = sum(c.tense == "present" for c in clauses)
    if past < 2 or past < present:
        return
    conditional = {c.sentence for c in clauses if c.modal == "if"}
    for c in clauses:
        if (
            c.modal == "would"
            and not c.reported
            and c.sentence not in conditional
            and c.subject in ("i", "we", "third", "name", "definite", "generic")
            and c.lemma not in ("say", "like", "love", "think", "guess", "imagine", "recommend")
        ):
            c.frequency = True


def narrative_present(clauses: Sequence[Clause], doc: Doc) -> bool:
    """Is the answer (or part of it) a scene told in the present tense?

    A scene has present-tense events with particular participants ("this guy walks in",
    "the ticket machine jams", "Shona takes the queue") beside the speaker's own present
    actions or progressive ("I'm closing the café", "I'm on the grill"), at least two scene
    clauses, a participant other than the speaker acting, and no habit marker among the
    present-tense clauses ("Every Monday I check the stock, I count the tills" is a routine:
    the speaker's own present actions alone never make a scene).
    """
    scene = 0.0
    others = 0
    speaker_frame = False
    habits = 0
    for c in clauses:
        if c.tense != "present" or c.aspect == "perfect":
            continue
        if c.frequency:
            habits += 1
            continue
        if c.subject == "i" and (c.aspect == "progressive" or c.locative):
            scene += 1
            speaker_frame = True
            continue
        if c.stative and not (c.subject == "there" or (c.lemma == "be" and c.anchor) or c.intro):
            continue
        if c.subject in ("name", "this", "definite", "third", "indefinite"):
            scene += 1
            others += 1
        elif c.subject in ("i", "we"):
            scene += 0.5
    intro = any(c.intro for c in clauses)
    anchored = any(c.anchor and c.tense == "present" for c in clauses) or intro
    return (
        scene >= 2
        and others >= 1
        and (anchored or speaker_frame or (others >= 3 and habits == 0))
        and habits * 4 < scene
    )


def _kind(c: Clause, narrative: bool) -> str:
    if narrative and c.modal in ("will", "can") and c.negated:
        return "episodic"  # "she won't leave the car", "I can't get the ambulance up"
    if c.when_present and not narrative:
        return "habitual"
    if c.modal is not None and c.reported:
        return "state"
    if c.modal is not None:
        if c.modal == "would" and c.frequency:
            return "habitual"
        if c.modal == "could" and c.negated and c.tense != "modal":
            return "episodic"
        return "hypothetical"
    if c.frequency:
        return "habitual"
    if c.tense == "past":
        if c.stative and not c.anchor:
            return "state"
        return "episodic"
    if c.tense == "present":
        if c.aspect == "perfect":
            return "episodic" if c.anchor else "state"
        if c.subject == "generic" and not narrative:
            return "generic"
        if c.stative and c.aspect != "progressive":
            if c.subject == "you" and not narrative:
                return "generic"
            return "state"
        if narrative:
            return "episodic"
        if c.subject in ("you", "generic"):
            return "generic"
        if c.subject in ("i", "we"):
            return "habitual" if c.aspect != "progressive" else "state"
        return "generic"
    return "state"


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


def speech_clauses(clauses: Sequence[Clause]) -> int:
    """Reported speech in told clauses ("she said", "I asked him")."""
    return sum(c.lemma in _SPEECH and c.kind == "episodic" for c in clauses)


_NOW = wordset("now nowadays")


def generic_clauses(sit: Situations, doc: Doc | None) -> list[tuple[int, int, str]]:
    """In an answer judged generic, the clauses whose grammar says why, as flags: kind-level
    claims ("platitude": "people don't leave jobs, they leave managers"), habits of anyone
    ("habitual": "Every service was like that", "everyone used to say..."), lessons drawn
    ("platitude": "it really developed me as a leader") and verdicts on the whole with nothing
    to check ("vague-outcome": "It was a real journey for all of us", "The colleagues were
    fantastic")."""
    out: list[tuple[int, int, str]] = []
    for c in sit.clauses:
        if c.kind == "generic" or c.lesson:
            out.append((c.start, c.end, "platitude"))
        elif c.kind == "habitual":
            out.append((c.start, c.end, "habitual"))
        elif (
            doc is not None
            and c.kind == "state"
            and c.lemma == "be"
            and c.subject in ("third", "definite", "there", "generic", "we")
            and not (c.numbers or c.names or c.anchor)
            and _evaluative(doc[c.head])
        ):
            out.append((c.start, c.end, "vague-outcome"))
    return out


def _evaluative(head: Token) -> bool:
    """A copula whose complement is an evaluation: "was fantastic", "was a real journey"."""
    for c in head.children:
        if c.dep_ == "acomp" and c.pos_ == "ADJ":
            return True
        if c.dep_ == "attr" and any(a.dep_ == "amod" and a.pos_ == "ADJ" for a in c.children):
            return True
        if c.dep_ == "attr" and c.lower_ in ("no", "nothing"):
            return True
    return False


def habits(sit: Situations) -> list[tuple[int, int]]:
    """Spans of the habit clauses the speaker is in ("I listen, I apologise", "every Monday I
    check the stock", "I'd always ring them"): a habit described, not an event. The new
    practice a story led to ("Now I check the sheet") is no habit. Past habits ("whenever a
    delivery came in short I chased it up") are marked by their wording (the phrase lists and
    their context filters: "I sat with him every week" inside one case is no habit)."""
    return [
        (c.start, c.end)
        for c in sit.clauses
        if c.kind == "habitual"
        and c.subject in ("i", "we", "you")
        and c.tense in ("present", "modal")
        and not c.now
    ]
