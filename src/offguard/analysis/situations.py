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

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from offguard.analysis.clause_frames import _if_clause, _past_perfect_d
from offguard.analysis.clause_reading import _clause, _is_clause_head
from offguard.analysis.clause_types import _SAME_FORM, _SPEECH, KINDS, Clause
from offguard.analysis.moods import past_would, scheduled
from offguard.analysis.parsing import DISABLED_PIPES, parse, parse_many
from offguard.analysis.routine import routine_frame

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: plural stretches or occasions that "there were ... where" makes many of
_OCCASIONS = frozenset(
    {
        "times",
        "days",
        "nights",
        "weeks",
        "months",
        "shifts",
        "mornings",
        "evenings",
        "weekends",
        "occasions",
        "services",
        "jobs",
        "calls",
    }
)

__all__ = [
    "DISABLED_PIPES",
    "KINDS",
    "Clause",
    "Situations",
    "analyse",
    "generic_clauses",
    "habits",
    "narrative_present",
    "parse",
    "parse_many",
    "speech_clauses",
]


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
                if any(w.lower_ == "whenever" for w in t.subtree):
                    sub.iterative = by_head[t.head.i].iterative = True
            else:
                by_head[t.head.i].when_present = True
        elif (
            t.dep_ == "advcl"
            and t.head.i in by_head
            and by_head[t.head.i].modal is None
            and by_head[t.head.i].tense == "present"
            and not by_head[t.head.i].stative  # "if it's critical, I'm not your person"
            and _present_condition(t)
        ):
            # "if someone's off I just cover": a rule for any time, not a scene's event
            by_head[t.head.i].when_present = by_head[t.head.i].rule = True
    for t in heads:
        # "there were weeks where I caught three or four": the occasions are many
        if t.dep_ == "relcl" and t.head.tag_ == "NNS" and t.head.lower_ in _OCCASIONS:
            attr = t.head
            if attr.dep_ == "attr" and any(c.dep_ == "expl" for c in attr.head.children):
                by_head[t.i].frequency = by_head[t.i].iterative = True
                if attr.head.i in by_head:
                    by_head[attr.head.i].frequency = True
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
            c.period = c.period or first.period
    past_would(clauses, doc)
    scheduled(clauses, doc, by_head)
    # "In my last role I managed a budget of 6.4 million, I delivered savings of 8 percent":
    # a record's stretch frames the rest of its sentence
    framed = {c.sentence for c in clauses if c.period}
    for c in clauses:
        c.period = c.period or c.sentence in framed
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
        and _described(doc[c.head])
    }
    # "I'm first aid trained, so I stop, I check he's breathing": what follows "so" is the
    # scene again
    resumed: set[int] = set()  # sentences of description where the scene has resumed
    for c in clauses:
        if c.sentence in described and _so_then(doc[c.head]):
            resumed.add(c.sentence)
        in_description = c.sentence in described and c.sentence not in resumed
        scene = narrative and not in_description and not (c.negated and c.subject == "i")
        c.kind = _kind(c, scene)
        c.own = c.subject == "i" and not c.stative and c.kind == "episodic"
    return Situations(
        clauses,
        narrative,
        sum(not t.is_punct for t in doc),
        sum(t.text == "?" for t in doc),
        frozenset(t.idx for t in doc if t.tag_ == "MD" and not _past_perfect_d(t, t.head)),
    )


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
    complication = False
    habits = 0
    for c in clauses:
        if c.modal in ("will", "can") and c.negated and c.tense == "modal":
            # "the sofa won't go down the stairs", "she can't breathe": one refusal or
            # obstacle of a particular thing, a scene's complication
            if c.subject in ("name", "this", "definite", "third"):
                scene += 1
                others += 1
                complication = True
            continue
        if c.tense != "present" or c.aspect == "perfect":
            continue
        if c.reported and c.frequency and doc[c.head].head.lemma_ in _SPEECH:
            continue  # "he starts saying he drinks here every week": his words, no habit
        if c.frequency or c.rule:
            habits += 1
            continue
        if c.subject in ("i", "we") and (c.aspect == "progressive" or c.locative):
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
    anchored = any(c.anchor and c.tense == "present" for c in clauses) or intro or complication
    # "last week, I'm at this old terrace in Walthamstow... I go up in the loft": a dated
    # present scene of the speaker's own needs nobody else acting
    dated = any(c.anchor and c.tense == "present" and c.subject in ("i", "we") for c in clauses)
    return (
        scene >= 2
        and (others >= 1 or (dated and speaker_frame))
        and (anchored or speaker_frame or (others >= 3 and habits <= 1))
        and habits * 4 < scene
        and not routine_frame(clauses, doc)
    )


def _so_then(head: Token) -> bool:
    """A clause opened by "so" as a consequence ("..., so I stop")."""
    return any(
        c.lower_ == "so" and c.dep_ in ("advmod", "mark", "cc") and c.i < head.i
        for c in head.children
    )


def _present_condition(t: Token) -> bool:
    """ "if they get aggressive", "if something's running late", "if it was their fault" (of
    a present main clause): "if" with no modal or perfect ("if I'd known" is one past)."""
    if not _if_clause(t):
        return False
    aux = [a for a in t.children if a.dep_ in ("aux", "auxpass")]
    return (t.tag_ in ("VBP", "VBZ", "VBD") and not any(a.tag_ in ("MD", "VBD") for a in aux)) or (
        bool(aux) and all(a.tag_ in ("VBP", "VBZ") for a in aux)
    )


def _described(head: Token) -> bool:
    """ "I'm someone who...", "I'm organised": "be" with a noun or adjective complement
    describes the speaker ("I'm in", "I'm there" place them in a scene)."""
    # "I'm the chargehand, so I tell him no": a definite role in the scene, not a description
    return any(
        c.dep_ in ("acomp", "oprd")
        or (c.dep_ == "attr" and not any(d.lower_ in ("the", "my") for d in c.children))
        for c in head.children
    )


def _kind(c: Clause, narrative: bool) -> str:
    if c.past_report:
        return "state"  # "I suggested we drop our run": what was said on that occasion
    if c.scheduled and (not narrative or not c.anchor):
        return "state"  # "I finish in September", "while I study": a plan's time
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
        if c.tally and c.period:
            return "state"  # "last year I listed 72 properties, sold 58": a record, no occasion
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


def speech_clauses(clauses: Sequence[Clause]) -> int:
    """Reported speech in told clauses ("she said", "I asked him")."""
    return sum(c.lemma in _SPEECH and c.kind == "episodic" for c in clauses)


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
        elif c.tally and not c.anchor and c.kind in ("state", "episodic"):
            # "I grew covers by 15 percent", "cut costs by eighteen percent": a record's
            # figure with no occasion behind it
            out.append((c.start, c.end, "unsupported-number"))
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
    their context filters: "I sat with him every week" inside one case is no habit). A plain
    present clause of the speaker's that names something and says no frequency ("At Parkside
    we use CPOMS", "we run Sage at the depot") sets out a checkable setting, not a habit."""
    return [
        (c.start, c.end)
        for c in sit.clauses
        if c.kind == "habitual"
        and c.subject in ("i", "we", "you")
        # a past habit only when its wording says so ("whenever that happened I owned it",
        # "there were weeks where I caught three")
        and (
            c.tense in ("present", "modal")
            # "I started reading the meter every Friday": a practice begun, one decision
            or (c.tense == "past" and c.iterative and c.lemma not in ("start", "begin"))
        )
        and not c.now
        and not (c.names and not c.frequency and c.modal is None and c.subject != "you")
    ]
