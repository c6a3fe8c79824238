"""Structural evidence of one episode: the speaker's own actions in one thread of time.

Word lists break on answers written by someone else; grammar travels better. This module
measures, from the shape of the answer alone:

- ``actions``: the speaker's own concrete actions told as an event: past-tense verbs with "I"
  as subject, and the verbs that continue them without repeating it ("I caught it at eight,
  moved the board to the director's office, met the client at the door"); in a scene told in
  the present tense ("I notice he lines up lego... so I start a little lego club") the present
  forms count too. ``run`` is the longest chain of them in one sentence.
- ``anchors``: times that point at one occasion ("once", "that morning", "third week", "by the
  summer term", "in August", "on a day five visit"), not a recurring one.
- ``habits``: habitual or modal aspect ("always", "every day", "would", "used to", "whenever").
- ``chronology``: a career told as a timeline of years and durations ("2017 I moved to
  industry... promoted in 2019... three years") rather than one moment in it.

:func:`adjustment` turns these into a raw-score shift (see :func:`offguard.analysis.score.combine`):
a chain of the speaker's actions anchored to one occasion is strong evidence of an event even
with no names or numbers; a timeline of years is a life summary however many names it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from offguard.analysis import lexicon
from offguard.analysis.text import wordset

_B = r"(?<![\w'])"
_E = r"(?![\w'])"
_ADV = (
    r"(?:just |then |also |quickly |immediately |actually |finally |eventually |first |"
    r"straight |basically |literally |personally |calmly |quietly |instead |only )?"
)
_SUBJECT_VERB = re.compile(_B + r"i " + _ADV + r"([a-z][a-z-]*)" + _E)
#: A verb continuing the speaker's chain without repeating "I": ", moved the board", "and met".
_CONTINUED = re.compile(
    r"(?:, (?:and |then |so )?|(?<![\w']) (?:and|then) )" + _ADV + r"([a-z]+)" + _E
)
_SENT = re.compile(r"[^.!?]+")
#: A sentence opening on a past action with the subject left out: "Referred her to the clinic".
_OPENING = re.compile(
    r"\s*(?:and |then |so )?([a-z]+ed|rang|rung|sent|took|went|told|made|gave)"
    r" (?:her|him|them|it|the|my|a|an|everyone|back)" + _E
)
#: Past-tense "-ed" words that are no action of the speaker's.
_NOT_ACTION_ED = wordset(
    """
    need feed bed red speed seed shed weed bleed breed proceed succeed exceed indeed
    interested tired bored based used supposed scared worried excited pleased stressed
    involved experienced qualified skilled motivated determined committed dedicated organised
    organized detailed focused focussed talented gifted blessed lucky embarrassed ashamed
    surprised shocked amazed annoyed frustrated overwhelmed confused concerned relieved
    """
)
_NOT_ACTION = wordset(
    """
    was were had did got felt thought knew meant seemed guess think know feel mean seem
    love like hope want need wish tend try am have get do does go make take say tell
    always never usually normally generally often really also just still only even would
    could should will might must can don didn wasn hadn isn not kind sort
    """
)
_IRREGULAR_ACTIONS = wordset(
    """
    rang called caught met took sent wrote told said asked brought went made put gave cut set
    ran drove found left paid sat stood spoke bought built drew kept led lent sold taught
    threw tore woke shut split spread swapped grabbed stopped dropped
    """
)
_ANCHOR = re.compile(
    _B + r"(?:once(?! (?:you|i|we|they|he|she|it|the|a|an|that|this|everyone|people|someone|"
    r"there|things|everything)" + _E + r")|"
    r"one (?:day|time|night|morning|evening|afternoon|shift|week)|"
    r"that (?:morning|evening|night|afternoon|day|week|weekend|shift)|"
    r"the (?:next|following|same) (?:morning|day|week|evening|night|afternoon|shift|visit)|"
    r"(?:the )?(?:first|second|third|fourth|fifth|last) (?:week|day|morning|night|session|visit|"
    r"lesson|shift|time)|by (?:the )?(?:summer|spring|autumn|winter|christmas|easter|half) ?"
    r"(?:term|half-term|holidays)?|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"lunchtime|the afternoon|the evening|the morning|then|the end of (?:the|that) (?:day|shift|"
    r"week))|(?:in|last|this|that) (?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)|it's (?:january|february|march|april|june|july|"
    r"august|september|october|november|december)|last (?:week|night|christmas|"
    r"friday|saturday|sunday|monday|tuesday|wednesday|thursday)|yesterday|"
    r"on (?:a|the) (?:day \w+|\w+ day|\w+ shift) visit|"
    r"on (?:a|the) day (?:one|two|three|four|five|six|seven|ten|\d+)|at (?:eight|nine|ten|seven|"
    r"six|five|eleven|twelve|\d{1,2}(?::\d\d)?) (?:that|this|on|in the)|"
    r"on the (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"by (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight|"
    r"\d{1,2}(?::\d\d)?(?: ?[ap]\.?m\.?)?)(?: o'clock)?"
    r"(?=[,.;!?]|$| (?:the|that|we|i|it|he|she|they|everything|everyone|all|on|in|and)(?![\w'])))"
    + _E
)
_HABIT = re.compile(
    _B + r"(?:always|usually|normally|generally|typically|tend to|tended to|whenever|"
    r"used to|would|i'd|we'd|he'd|she'd|they'd|every (?:time|day|week|morning|shift|month|year)|"
    r"each (?:time|day|week)|most (?:days|weeks|of the time)|often|in general)" + _E
)
_YEAR = re.compile(_B + r"(?:19[6-9]\d|20[0-3]\d)" + _E)
_SPAN = re.compile(
    _B + r"(?:for )?(?:about |around |nearly |almost |another |the last |over )?(?:two|three|"
    r"four|five|six|seven|eight|nine|ten|\d+|a few|a couple of|several) years" + _E
)
#: Career steps ("promoted", "moved into industry", "then senior", "got my level three").
_CAREER = re.compile(
    _B + r"(?:promoted|graduated|qualified|(?:moved|went) (?:to|into) (?:[a-z]+ )?(?:industry|"
    r"london|agency)|then (?:sous|commis|head|senior|assistant)|"
    r"got my (?:level|[a-z]*\d)|did my (?:apprenticeship|degree|aca|training))" + _E
)


#: Objects no one could picture: an action on them is a summary, not an event ("I managed the
#: team, streamlined our processes, drove efficiency and delivered results").
_ABSTRACT_OBJECT = wordset(
    """
    team teams process processes efficiency efficiencies results result performance growth
    strategy strategies value outcomes outcome success change changes improvement improvements
    standards quality culture engagement targets target goals goal kpis kpi expectations
    relationships relationship trust respect stakeholders initiatives operations solutions
    excellence productivity morale things everything issues problems situations
    """
)
_OBJECT = re.compile(r" (?:(?:the|our|my|their|all|a|an|some|new|key|every|its) )*([a-z]+)")


_FUNCTION = wordset(
    """
    the and but then now that this these those there here his her their our its my your
    one two three four five six seven eight nine ten all some any every each what which who
    when where why how because while after before until till so not too very
    """
)
_PRESENT_OBJECT = re.compile(
    r" (?:the|a|an|my|his|her|their|our|it|them|him|every|some|up|out|down|back|over)" + _E
)


@dataclass(frozen=True)
class Episode:
    actions: int = 0
    run: int = 0
    anchors: int = 0
    habits: int = 0
    chronology: int = 0
    scene: bool = False
    #: the speaker's present-tense actions (counted whether or not the answer is a scene)
    present: int = 0


def _is_past_action(verb: str, past: frozenset[str], stative: frozenset[str]) -> bool:
    if verb in _NOT_ACTION or verb in stative:
        return False
    if "-" in verb:
        verb = verb.rsplit("-", 1)[1]  # "double-booked", "colour-coded"
    if verb in _IRREGULAR_ACTIONS:
        return True
    if len(verb) > 4 and verb.endswith("ed") and verb not in _NOT_ACTION_ED:
        return True
    return verb in past and verb not in _NOT_ACTION


def _is_present_action(verb: str, stative: frozenset[str]) -> bool:
    if verb in _NOT_ACTION or verb in stative or "-" in verb:
        return False
    return len(verb) > 2 and not verb.endswith(("ed", "ly", "ing"))


def _abstract_object(sent: str, pos: int) -> bool:
    m = _OBJECT.match(sent, pos)
    return bool(m) and m is not None and m.group(1) in _ABSTRACT_OBJECT


def measure(norm: str, scene: bool = False) -> Episode:
    """The structural episode features of a normalised answer."""
    past = lexicon.words("irregular_past.txt")
    stative = lexicon.words("stative_verbs.txt")
    anchors = len(_ANCHOR.findall(norm))
    habits = len(_HABIT.findall(norm))
    in_scene = scene or (anchors >= 2 and habits == 0)
    verbs: set[str] = set()
    present: set[str] = set()
    run = 0
    for sent in _SENT.finditer(norm):
        chain = 0
        opening = _OPENING.match(sent.group(0))
        if opening and _is_past_action(opening.group(1), past, stative):
            verbs.add(opening.group(1))
            chain = 1
        for m in _SUBJECT_VERB.finditer(sent.group(0)):
            verb = m.group(1)
            if _abstract_object(sent.group(0), m.end()):
                continue
            past_act = _is_past_action(verb, past, stative)
            if not past_act and _is_present_action(verb, stative):
                present.add(verb)
            if not (past_act or (in_scene and _is_present_action(verb, stative))):
                continue
            verbs.add(verb)
            chain = max(chain, 1)
            # the verbs that continue this one without "I" (within the same sentence)
            rest = sent.group(0)[m.end() :]
            nxt = _SUBJECT_VERB.search(rest)
            rest = rest[: nxt.start()] if nxt else rest
            link = 1
            for c in _CONTINUED.finditer(rest):
                word = c.group(1)
                if past_act:
                    ok = _is_past_action(word, past, stative)
                else:  # a scene: "I grab my mobile, put a sign on the door, and log..."
                    ok = (
                        word not in _FUNCTION
                        and _is_present_action(word, stative)
                        and bool(_PRESENT_OBJECT.match(rest, c.end()))
                    )
                ok = ok and not _abstract_object(rest, c.end())
                if ok:
                    verbs.add(word)
                    link += 1
            chain = max(chain, link)
        run = max(run, chain)
    years = len(set(_YEAR.findall(norm)))
    chronology = years + len(_SPAN.findall(norm)) + len(_CAREER.findall(norm))
    return Episode(len(verbs), run, anchors, habits, chronology, in_scene, len(present))


def present_scene(ep: Episode) -> bool:
    """A scene told in the present tense: the speaker's present actions, at least two times
    that point at one occasion ("it's March... third week... by the summer term"), no habit."""
    return ep.present >= 2 and ep.anchors >= 2 and ep.habits == 0


#: Raw-score weights of :func:`adjustment` (hand-set, checked on all four labelled sets).
ACTION_WEIGHT = 0.3
RUN_BONUS = 0.6
ANCHOR_WEIGHT = 0.5
CHRONOLOGY_FREE = 1
CHRONOLOGY_WEIGHT = 0.8
HABIT_WEIGHT = 0.6


def adjustment(ep: Episode) -> float:
    """Raw-score shift: + for the speaker's anchored chain of actions, - for a timeline or a
    description in habits with no action of the speaker's."""
    shift = 0.0
    if ep.anchors and ep.actions:
        shift += ACTION_WEIGHT * min(ep.actions, 5) + ANCHOR_WEIGHT * min(ep.anchors, 2)
        if ep.run >= 2:
            shift += RUN_BONUS
        shift -= 0.4 * min(ep.habits, 4)
    if ep.actions == 0 and ep.anchors == 0 and ep.habits >= 2:
        # habits ("would", "always") and no single thing the speaker did: a description
        shift -= HABIT_WEIGHT * min(ep.habits, 4)
    if ep.chronology > CHRONOLOGY_FREE:
        shift -= CHRONOLOGY_WEIGHT * min(ep.chronology - CHRONOLOGY_FREE, 4)
    return shift


__all__ = ["Episode", "adjustment", "measure", "present_scene"]
