"""Clause-level genericity: what makes a clause generic whatever its wording.

- ``historical_present``: an answer told as a scene in the present tense ("I profile it...
  I pull that out... I ship it on a Thursday and by Monday...") is one event, not a routine:
  several present-tense actions, a particular time, and no habit markers ("always", "if a").
- ``story_arcs``: cues that a past-tense answer summarises a relationship or a job rather
  than telling one moment: a lesson drawn ("it taught me that...", "I learned the hard way"),
  a gradual arc ("over time we got on fine", "by the end of the year they respected me"),
  actions on abstractions ("I earned his trust", "I set clear boundaries", "I made the effort"),
  general truths at any clause ("respect goes both ways", "every child can learn", "you've
  got to read the room"), and present-tense claims about oneself ("I get on with everybody",
  "nothing really fazes me").
- ``plain_episode``: a plain answer marks one occasion ("once", "a client sent...", "the
  fryer caught fire", "so I left it out") rather than summarising a stretch of life ("for a
  few years").

What is not generic in its context is in :mod:`offguard.analysis.context`; the sweep of the
remaining clauses of a generic answer in :mod:`offguard.analysis.sweep`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from offguard.analysis import lexicon
from offguard.analysis.clauses import clauses
from offguard.analysis.flags import RawFlag
from offguard.analysis.specifics import SentenceCues
from offguard.analysis.text import wordset

_B = r"(?<![\w'])"
_E = r"(?![\w'])"

_PRESENT_ACTION = re.compile(
    _B + r"(?:i|we) (?:just |then |also |quickly |immediately |straight away |finally )?"
    r"([a-z]+)" + _E
)
_HABIT_MARKER = re.compile(
    _B + r"(?:always|usually|normally|generally|typically|tend to|whenever|most of the time|often|"
    r"would|i'd|if (?:a|an|the|someone|somebody|there's|it's|i|you)|in general|my day starts|"
    r"a typical|my routine|(?:every|each) (?:single )?(?:time|day|morning|evening|night|week|"
    r"month|shift|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"when (?:a|an|someone|somebody|there's|it's|you)|on (?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)s)" + _E
)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
#: Times that point at one occasion, not a recurring one ("that evening", "by Monday", "at
#: quarter past twelve"; not "on a Monday", "every morning", "at 6am").
_PARTICULAR_TIME = re.compile(
    _B + r"(?:that (?:evening|night|morning|afternoon|day|week|term|shift|weekend)|this (?:morning|"
    r"afternoon|evening)|by (?:" + _DAY + r"|the time|then|lunchtime|the end of (?:the|that) "
    r"(?:day|shift|week))|on " + _DAY + r"(?! ?s)|the same (?:afternoon|day|evening|night)|"
    r"the next (?:morning|day)|it's over|(?:the|a|an|our|my) [a-z-]+(?: [a-z-]+)? (?:throws|"
    r"shuts down|crashes|breaks|dies|catches fire|jams|floods|collapses|bursts|fails))" + _E
)
_CLOCK = re.compile(
    _B + r"(?:at|by|about|around|till|until) (?:quarter|half|ten|five|twenty|twenty-five) "
    r"(?:past|to) (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})" + _E
)
_SAME_FORM = wordset("put cut set hit let shut split spread quit")
_OBJECT = re.compile(r" (?:the|it|them|him|her|a|an|everyone|everybody)" + _E)
_NOT_ACTION = wordset(
    """
    was had did don didn can could would should will might must also just still only even
    never always really actually then now mean guess think know feel get gets got am have
    need want like love hope try tend usually normally generally do does go make sure
    """
)


def historical_present(norm: str) -> bool:
    """Is the answer a scene told in the present tense (one event, not a routine)?"""
    stative = lexicon.words("stative_verbs.txt")
    past = lexicon.words("irregular_past.txt")
    actions = 0
    for m in _PRESENT_ACTION.finditer(norm):
        verb = m.group(1)
        if verb in _SAME_FORM or (verb == "get" and _OBJECT.match(norm, m.end())):
            actions += 1
            continue
        if verb in _NOT_ACTION or verb in stative or verb in past or verb.endswith(("ed", "ly")):
            continue
        actions += 1
    if actions < 3:
        return False
    anchors = len(_PARTICULAR_TIME.findall(norm)) + len(_CLOCK.findall(norm))
    habits = len(_HABIT_MARKER.findall(norm))
    return anchors >= 1 and (habits == 0 or anchors >= 2 * habits + 1)


_EPISODE = re.compile(
    _B + r"(?:once(?! (?:you|i|we|they|he|she|it|the|a|an|that|this|everyone|people|someone|"
    r"there|things|everything)" + _E + r")|one (?:day|time|night|morning|evening|afternoon|shift)|"
    r"(?:a|an) (?:[a-z-]+ )?"
    r"(?:client|customer|patient|guest|man|woman|lady|guy|kid|child|boy|girl|pupil|student|"
    r"parent|driver|caller|colleague|resident|visitor|user|tenant|supplier|delivery|order|parcel)"
    r"(?: (?:at|in|on|from|with) (?:my|the|our|a) [a-z-]+)? (?:[a-z]+ed|came|rang|sent|left|"
    r"told|said|asked|brought|took|went|got|made|put|wrote|fell|broke|gave)|"
    r"so i (?:[a-z]+ed|left|told|rang|sent|took|went|got|made|put|gave|cut|set)|"
    r"(?:and )?now i|overnight|(?:the|our|my|a|an|his|her|their) [a-z-]+(?: [a-z-]+)? (?:caught|"
    r"failed|broke|crashed|died|stopped|went down|went off|flooded|leaked|jammed|collapsed|fell|"
    r"burst|froze|tripped|overflowed|spilled|exploded|cracked|snapped|vanished|disappeared)|"
    r"(?:nobody|no one|none of them) (?:was|got|were)|we lost nothing)" + _E
)
_DURATION = re.compile(
    _B + r"(?:for (?:a few|a couple of|several|many|\d+|two|three|four|five|six|seven|eight|"
    r"nine|ten) (?:years|months)|years)" + _E
)


def plain_episode(norm: str) -> bool:
    """Does a plain answer mark one occasion ("once", "a client sent...", "so I left it out",
    "now I scan first") rather than summarise a stretch of life ("for a few years")?"""
    return bool(_EPISODE.search(norm)) and not _DURATION.search(norm)


_LESSON = re.compile(
    _B + r"(?:(?:it|that|this|which|the experience|the job|the whole thing) "
    r"(?:really |definitely |probably )?(?:taught|showed|made|has made|gave|helped) me"
    r"|(?:he|she|they) (?:really )?(?:taught|showed) me (?:that|how|to|a lot|so much|what)"
    r"|i (?:learned|learnt|realised|realized) (?:the hard way|a lot|so much|loads|that|how|to)"
    r"|you learn|i've learned|i've learnt|it's (?:made|shaped) me|that stuck with me"
    r"|(?:made|shaped) me (?:who i am|a better|the \w+ i am))" + _E
)
ARC = re.compile(
    _B + r"(?:over (?:time|the (?:weeks|months|years|course of \w+ \w+))|by the end(?: of "
    r"(?:the|that) (?:year|term|placement|contract|season|job))?(?! of (?:the|that) (?:day|shift|"
    r"night|week|call|meeting|service))|eventually|gradually|bit by bit|in time|"
    r"by the time i left|slowly but surely|after a while)" + _E
)
_ABSTRACT = wordset(
    """
    dignity empathy effort efforts trust respect expectations boundaries relationships
    relationship rapport patience confidence space support reassurance structure consistency
    ownership initiative understanding compassion kindness time energy attention morale buy-in
    input credibility loyalty responsibility accountability standards routine routines
    feedback guidance encouragement positivity motivation dedication passion commitment
    """
)
_ABSTRACT_ACTION = re.compile(
    _B + r"i (?:just |really |also |always |then )?(?:gave|showed|made|earned|built|set|managed|"
    r"kept|gained|won|put in|took|brought|offered|provided|stayed|remained|got|developed|"
    r"established|maintained|had to (?:find|learn|toughen|adapt|earn|build))"
    r"((?: (?:him|her|them|their|his|my|some|clear|a|the|a lot of|real|lots of|good|"
    r"strong|firm|more|every|all|own|way|with|up|quick|on|\w+'s)){0,3}) ?([a-z-]+)?" + _E
)
_STATE_ADJ = wordset(
    """
    consistent calm patient positive professional focused firm fair honest flexible
    """
)
_TRUTH = re.compile(
    _B + r"((?:every|each|any|no|a good|a great|a real|the best|the whole|all) [a-z-]+(?: [a-z-]+)?"
    r"|(?!(?:every|some|no|any)thing)[a-z-]+(?:ing|ness|ity|ment|ship|ance|ence|ure|ion))"
    r" (?:really |just |always |only )?"
    r"(?:is|are|can|has|needs?|deserves?|wants?|adapts?|matters?|goes|comes?|brings?|makes?|"
    r"counts?|starts?)(?![\w'])"
)
_GERUND_BEFORE = re.compile(r"[a-z]{2,}ing $")
_MOST = re.compile(
    _B + r"(?:many|most|some|all|lots of|a lot of|plenty of) (?:[a-z-]+ )?[a-z-]+s "
    r"(?:(?:just|really|always|usually|generally|often|tend to|will|can|don't|won't|do) )*"
    r"([a-z]+)" + _E
)
_MOST_NOT = wordset("of in at on to for with and or who that which are is were was have had")
_MUST = re.compile(
    _B + r"(?:you've got to|you have to|you need to|you've gotta|you gotta|you must|you can't|"
    r"it's how you|that's what (?:it's|matters)|that's why|it's all about|what matters is)" + _E
)
_ME_NOW = re.compile(
    _B + r"(?:i (?:(?:don't|do not|never|actually|genuinely|honestly) )+"
    r"(?!know\b|think\b|mean\b|remember\b|want\b)([a-z]+)"
    r"|i (?:get on|get the hang|pick (?:it|things) up|work (?:better|best|well)|thrive|like to|"
    r"love to|love (?:helping|working)|like (?:helping|working)|enjoy|take pride)"
    r"|nothing (?:really )?(?:fazes|phases|bothers|scares|stresses) me"
    r"|(?:brings?|bring) out the best in me"
    r"|i'm (?:just )?(?:that kind of|the kind of|the type of|the sort of|someone who|a \w+er\b)"
    r"|i'm (?:happy|always happy|willing|always willing) to)" + _E
)
_ME_NOW_SKIP = wordset("know think mean remember want need have see guess suppose believe")


def story_arcs(
    text: str,
    norm: str,
    spans: list[tuple[int, int]],
    cues: Sequence[SentenceCues],
    present_frame: bool = False,
) -> list[RawFlag]:
    """Lessons, gradual arcs, abstract actions, general truths and present self-claims."""
    out: list[RawFlag] = []
    # a lesson drawn after one told event (a particular time, or the speaker acting with a
    # named person) is the reflection of a STAR answer, not a platitude
    acted = any(c.own_actions for c in cues)
    told_event = acted and any(c.times or (c.names and c.own_actions) for c in cues)
    for (lo, hi), c in zip(spans, cues, strict=True):
        anchored = c.times > 0 or c.numbers > 0 or c.names > 0
        for c_lo, c_hi in clauses(norm, lo, hi):
            chunk = norm[c_lo:c_hi]
            if _LESSON.search(chunk):
                if not told_event:
                    out.append(RawFlag(c_lo, c_hi, "platitude"))
                continue
            if not anchored and ARC.search(chunk) and not re.search(r"\d", chunk):
                out.append(RawFlag(c_lo, c_hi, "vague-outcome"))
                continue
            m = _ABSTRACT_ACTION.search(chunk)
            if m and not anchored:
                head = m.group(2) or ""
                words = (m.group(1) or "").split()
                if head in _ABSTRACT or head in _STATE_ADJ or "to" in m.group(0).split()[1:3]:
                    out.append(RawFlag(c_lo, c_hi, "vague-action"))
                    continue
                if any(w in _ABSTRACT for w in words):
                    out.append(RawFlag(c_lo, c_hi, "vague-action"))
                    continue
            if present_frame:
                continue  # a scene told in the present: its present tense is the story
            if c.narrative == 0 or not anchored:
                t = _TRUTH.search(chunk)
                if t and _GERUND_BEFORE.search(chunk, 0, t.start()):
                    t = None  # "anyone hitting racking has to report it": an object, no subject
                if t and not text[c_lo + t.start() : c_lo + t.end(1)][1:].strip().istitle():
                    out.append(RawFlag(c_lo + t.start(), c_hi, "platitude"))
                    continue
                p = _MOST.search(chunk) if c.narrative == 0 else None
                if p and p.group(1) not in _MOST_NOT and not p.group(1).endswith(("ed", "ing")):
                    out.append(RawFlag(c_lo + p.start(), c_hi, "platitude"))
                    continue
                if _MUST.search(chunk):
                    out.append(RawFlag(c_lo, c_hi, "platitude"))
                    continue
            if c.narrative == 0:
                s = _ME_NOW.search(chunk)
                if s and (s.group(1) or "") not in _ME_NOW_SKIP:
                    out.append(RawFlag(c_lo + s.start(), c_hi, "self-praise"))
    return out


__all__ = ["ARC", "historical_present", "plain_episode", "story_arcs"]
