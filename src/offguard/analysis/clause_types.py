"""The clause record of :mod:`offguard.analysis.situations` and the closed word classes the
clause reading uses (modal verbs, frequency adverbs, time nouns, days and months, stative
verbs, reporting verbs): grammar's small closed classes, not phrase lists."""

from __future__ import annotations

from dataclasses import dataclass

from offguard.analysis.text import wordset

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
    realise realize hope wish offer suggest recommend insist argue notice
    """
)
#: stretches a record is totted up over ("last year", "in my last role", "over four years")
_PERIODS = wordset("year years quarter quarters role job position career tenure")
#: past participles unlike the past form, which the tagger may read as a bare verb after 'd
#: ("I'd rung out the wedges": had rung)
_PARTICIPLES = wordset(
    """
    rung sung sunk drunk begun swum done gone seen been taken given written spoken broken
    chosen driven eaten fallen flown forgotten frozen grown hidden known ridden risen shaken
    stolen sworn thrown torn woken worn shown drawn
    """
)
_NOW = wordset("now nowadays currently still")
#: where the speaker is: "I'm on the grill", "I'm up the ladder", "we're in the back"
_PLACE_PREPS = frozenset({"on", "at", "behind", "in", "up", "under", "inside", "outside", "by"})
_PLACE_ADVERBS = frozenset(
    {"in", "out", "up", "down", "there", "here", "back", "over", "through", "inside", "outside"}
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
    #: the present-tense content of a past report ("I suggested we drop our run")
    past_report: bool = False
    #: many occasions said outright: "whenever that happened I...", "there were nights where"
    iterative: bool = False
    #: a count or percentage as the verb's object ("sold fifty-eight", "cut it by 18 percent")
    tally: bool = False
    #: a record's stretch as the clause's time ("last year", "in my last role")
    period: bool = False
    #: the clause has its own subject or auxiliary (a bare conjoined verb has neither)
    own_grammar: bool = True
    #: "when" + present tense: a habit unless inside a scene
    when_present: bool = False
    #: the main clause of a present condition: "if someone's off I just cover"
    rule: bool = False
    #: a scene opener: "there's this greyhound", "this guy walks in"
    intro: bool = False
    #: a plan's time: a present clause dated ahead ("I finish my apprenticeship in
    #: September") or timed by a future ("I'll keep bank shifts while I study")
    scheduled: bool = False
    kind: str = "state"
    #: the clause is an action of the speaker's own (subject "I", a dynamic verb)
    own: bool = False
