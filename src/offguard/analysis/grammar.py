"""Generic cues found by grammar, not by a list of phrases, so new wording is caught too.

- self-description: "I'm (really|very|a natural|a firm ...) + trait" ("I'm a natural
  communicator", "I'm very meticulous", "I'm really resourceful"), and the same praise
  reported ("my manager said I was a safe pair of hands");
- evaluative abstractions: a praising adjective before an abstract quality ("strong work
  ethic", "genuine enthusiasm", "a can-do attitude");
- opinions stated as truths: "I believe/feel/think (that) + a claim about anyone"
  ("I feel that good teachers never stop adapting", "I believe you learn most from mistakes");
- vague amounts take the noun they count ("countless students", "various escalations").

Each function returns ``RawFlag`` s over the normalised text.
"""

from __future__ import annotations

import re

from offguard.analysis import lexicon
from offguard.analysis.clauses import clauses, containing
from offguard.analysis.flags import RawFlag
from offguard.analysis.text import wordset

_INTENSIFIER = (
    r"(?:(?:really|very|super|so|quite|extremely|incredibly|naturally|genuinely|always|just|also|"
    r"pretty|highly|honestly|definitely|fairly|a bit|a little|hugely|deeply|truly|by nature) )*"
)
_PRAISE_ADJ = wordset(
    """
    natural proven firm real true strong great good excellent brilliant born quick fast keen
    calm safe reliable solid huge big genuine positive tireless relentless dedicated hard
    skilled gifted talented natural outstanding exceptional amazing fantastic effective
    efficient trusted loyal committed passionate caring patient honest consistent dependable
    methodical meticulous thorough organised organized creative curious driven motivated
    resourceful adaptable flexible confident friendly approachable personable sociable
    empathetic compassionate supportive diligent determined resilient ambitious proactive
    analytical logical practical hands-on energetic enthusiastic bubbly outgoing chatty
    easygoing easy-going laid-back level-headed even-tempered open-minded fair focused
    responsive humble productive punctual tidy neat careful accurate sharp smart clever bright
    able capable competent conscientious versatile independent decisive persuasive
    articulate collaborative cooperative considerate respectful trustworthy open
    """
)
#: Agent nouns that describe a person's trait ("a natural communicator", "a proven closer").
_TRAIT_NOUNS = wordset(
    """
    communicator motivator believer learner listener worker leader person player starter
    closer fixer finisher doer planner organiser organizer perfectionist optimist realist
    problem-solver troubleshooter networker multitasker multi-tasker self-starter go-getter
    pair asset team-player grafter people-person thinker achiever hustler
    """
)
_NOT_TRAIT = wordset(
    """
    sure not going here there on at in able afraid fluent diabetic pregnant catholic sorry glad
    aware based responsible
    available interested currently now still the applying looking working from with used
    nervous anxious conscious certain hesitant reluctant dependent different absent present
    told asked supposed meant allowed expected due about off out back up down into over
    in-charge new just really doing trying getting having being hoping planning thinking
    """
)
_ADJ_SUFFIX = re.compile(
    r"[a-z]+(?:ful|ous|ive|ic|ent|ant|able|ible)$|[a-z]+-(?:oriented|minded|focused|focussed|"
    r"driven|motivated|going|working|headed|tempered|centred|centered|hearted|starter)$"
)
_TAIL = (
    rf" (?P<int>{_INTENSIFIER})(?:(?P<art>a|an) (?P<int2>{_INTENSIFIER}))?"
    r"(?P<word>[a-z][a-z-]*)(?: (?P<next>[a-z][a-z-]*))?"
)
_SELF = re.compile(
    r"(?<![\w'])(?:i'm|i am|i've always been|i have always been|i was always|i'd say i'm)" + _TAIL
)
_REPORTED = re.compile(
    r"(?<![\w'])(?:said|says|say|told me|tell me|would say|would tell you|called me|call me|"
    r"describe me as|described me as)(?: that)? (?:i'm|i am|i was|i'd been|i've been)" + _TAIL
)
_EVAL_NOUNS = wordset(
    """
    enthusiasm attitude ethic passion dedication commitment drive energy integrity resilience
    initiative professionalism positivity empathy determination work-ethic motivation
    personality character reputation rapport skills skillset skill-set values manner
    instincts judgement judgment understanding knowledge grasp sense eye ear focus
    """
)
_EVAL_ADJ = wordset(
    """
    strong great excellent genuine real natural positive can-do proven solid high good
    boundless infectious unwavering relentless tireless keen sharp exceptional outstanding
    """
)
_EVAL = re.compile(
    r"(?<![\w'])(?:(my|a|an|our) )?("
    + "|".join(sorted(_EVAL_ADJ))
    + r") (?:work )?([a-z-]+)(?![\w'])"
)
_ABSTRACT = re.compile(
    r"(?:[a-z-]+ )?[a-z-]{3,}(?:ment|ness|ity|tion|ship|ance|ence|ism|skills|sense)(?![\w'])"
)
_OPINION = re.compile(
    r"(?<![\w'])i (?:really |truly |genuinely |firmly |strongly |honestly |personally |do |"
    r"always )?(?:believe|feel|think|reckon|find)(?: that)? "
)
_GENERAL_SUBJECT = re.compile(
    r"(?:you|people|everyone|everybody|nobody|no one|anyone|every \w+|any \w+|all \w+|a \w+|an \w+|"
    r"good \w+|great \w+|most \w+|"
    r"(?!(?:this|his|its|is|was|has|does|yes|as|us|always|perhaps|sometimes|less|unless|across)"
    r" )[a-z]+s) "
)
_PAST_HINT = re.compile(r"(?<![\w'])(?:was|were|had|did|went|got|said|told|[a-z]{3,}ed)(?![\w'])")
_QUANTITY = re.compile(
    r"(?<![\w'])(?:countless|various|numerous|several|loads of|lots of|a lot of|plenty of|"
    r"all sorts of|all kinds of|dozens of|hundreds of|a number of)(?![\w'])"
)
_NOUN_STOP = wordset(
    """
    i we he she they it you the a an my our their his her of in on at to for with and or but so
    was were is are be been had have has did do that which who when then over from by as
    times time
    """
)
_WORD = re.compile(r" ([a-z][a-z'-]*)")


def _is_trait(word: str) -> bool:
    if word in _NOT_TRAIT or (word.endswith("ing") and "-" not in word):
        return False
    return word in _PRAISE_ADJ or bool(_ADJ_SUFFIX.fullmatch(word))


def self_description(norm: str, present_frame: bool) -> list[RawFlag]:
    """'I'm a natural communicator', 'I'm very meticulous', 'he said I was a safe pair of
    hands': a claim about the speaker's character."""
    out: list[RawFlag] = []
    for pattern in (_SELF, _REPORTED):
        for m in pattern.finditer(norm):
            word, nxt = m.group("word"), m.group("next") or ""
            if m.group("art"):
                ok = word in _PRAISE_ADJ or word in _TRAIT_NOUNS or nxt in _TRAIT_NOUNS
                ok = ok or (_ADJ_SUFFIX.fullmatch(word) is not None and nxt not in _NOUN_STOP)
            else:
                intensified = bool(m.group("int"))
                ok = _is_trait(word) and not (present_frame and not intensified)
            if ok:
                end = m.end("word") if nxt in _NOUN_STOP else m.end()
                out.append(RawFlag(m.start(), end, "self-praise"))
    return out


def evaluations(norm: str) -> list[RawFlag]:
    """'strong work ethic', 'genuine enthusiasm', 'a can-do attitude': praise with no event.
    After 'my' (or 'I have/bring') it is self-praise, otherwise a stock phrase."""
    out: list[RawFlag] = []
    for m in _EVAL.finditer(norm):
        adj, noun = m.group(2), m.group(3)
        before = norm[max(0, m.start() - 14) : m.start()]
        mine = m.group(1) == "my" or bool(re.search(r"(?:i have|i've got|i bring|i've) $", before))
        if noun not in _EVAL_NOUNS and not (adj == "can-do" or noun == "ethic"):
            # "I have excellent time management": an abstract quality the speaker claims
            head = _ABSTRACT.match(norm, m.end(2) + 1)
            if not (mine and head):
                continue
            out.append(RawFlag(m.start(1) if m.group(1) else m.start(2), head.end(), "self-praise"))
            continue
        start = m.start(1) if m.group(1) else m.start(2)
        out.append(RawFlag(start, m.end(), "self-praise" if mine else "cliche"))
    return out


def opinions(text: str, norm: str, sentences: list[tuple[int, int]]) -> list[RawFlag]:
    """'I believe/feel (that) + something true of anyone': an opinion offered as evidence."""
    out: list[RawFlag] = []
    for lo, hi in sentences:
        for m in _OPINION.finditer(norm, lo, hi):
            if not _GENERAL_SUBJECT.match(norm, m.end()):
                continue
            clause = containing(clauses(text, lo, hi), m.end())
            end = clause[1] if clause else hi
            if end <= m.end() or _PAST_HINT.search(norm, m.end(), end):
                continue
            out.append(RawFlag(m.start(), end, "platitude"))
    return out


def quantities(norm: str) -> list[RawFlag]:
    """A vague amount with the thing it counts: 'countless students', 'various escalations'."""
    out: list[RawFlag] = []
    for m in _QUANTITY.finditer(norm):
        end = m.end()
        for _ in range(2):
            w = _WORD.match(norm, end)
            if not w or w.group(1) in _NOUN_STOP:
                break
            end = w.end()
        if end > m.end():
            out.append(RawFlag(m.start(), end, "vague-quantity"))
    return out


_YOU = re.compile(
    r"you (?:(?:just|always|usually|often|really|kind of|sort of|soon|quickly|have to|need to|"
    r"learn to|tend to|get to|can|can't|don't|never|do|will|won't) )*([a-z']+)(?![\w'])"
)
_YOU_LEAD = re.compile(r"(?:(?:and|so|but|then|because|um|uh|like|honestly|i mean|well),? )*")
_YOU_NOT = wordset(
    """
    know mean see could would were was did had said asked told guys all too two should
    shouldn't probably might may
    """
)


def generic_you(
    text: str, norm: str, sentences: list[tuple[int, int]], told: list[bool]
) -> list[RawFlag]:
    """'You learn to prioritise', 'you just deal with them': a general truth in the second
    person (skipped in sentences that tell a story, ``told``)."""
    out: list[RawFlag] = []
    past = lexicon.words("irregular_past.txt")
    for (lo, hi), story in zip(sentences, told, strict=True):
        if story or "you" not in norm[lo:hi]:
            continue
        for c_lo, c_hi in clauses(norm, lo, hi):
            lead = _YOU_LEAD.match(norm, c_lo, c_hi)
            start = lead.end() if lead else c_lo
            m = _YOU.match(norm, start, c_hi)
            if not m:
                continue
            verb = m.group(1)
            if verb in _YOU_NOT or verb in past or verb.endswith(("ed", "ing", "'s")):
                continue
            if re.search(r"(?<![\w'])(?:me|my|us|our)(?![\w'])", norm[m.end() : c_hi]):
                continue  # talking to the interviewer: "you can ask my manager"
            out.append(RawFlag(start, c_hi, "platitude"))
    return out
