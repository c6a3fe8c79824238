"""Clause-level genericity: what makes a clause generic whatever its wording.

- ``story_arcs``: cues that a past-tense answer summarises a relationship or a job rather
  than telling one moment: a lesson drawn ("it taught me that...", "I learned the hard way"),
  a gradual arc ("over time we got on fine", "by the end of the year they respected me"),
  actions on abstractions ("I earned his trust", "I set clear boundaries", "I made the effort"),
  general truths at any clause ("respect goes both ways", "every child can learn", "you've
  got to read the room"), and present-tense claims about oneself ("I get on with everybody",
  "nothing really fazes me").

What is not generic in its context is in :mod:`offguard.analysis.context`; the sweep of the
remaining clauses of a generic answer in :mod:`offguard.analysis.sweep`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from offguard.analysis.clauses import clauses
from offguard.analysis.flags import RawFlag
from offguard.analysis.specifics import SentenceCues
from offguard.analysis.text import wordset

_B = r"(?<![\w'])"
_E = r"(?![\w'])"

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
                    kind = "hedge" if _unknowing(chunk, s) else "self-praise"
                    out.append(RawFlag(c_lo + s.start(), c_hi, kind))
    return out


def _unknowing(chunk: str, s: re.Match[str]) -> bool:
    """ "I don't really know what's normal": the verb past a degree word is one of not knowing
    (a hedge, not a claim about oneself)."""
    if s.group(1) not in _DEGREE:
        return False
    verb = re.match(r" ([a-z']+)", chunk[s.end(1) :])
    return verb is not None and verb.group(1) in _ME_NOW_SKIP


_DEGREE = wordset("really quite even fully totally always just ever")

__all__ = ["ARC", "story_arcs"]
