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
- ``background_habit``: inside a told event with a checkable detail, "who was normally
  chatty" or "I started every lesson with a quiz" is background, not the speaker's habit.
- ``sweep``: in an answer already judged generic, every remaining clause that tells nothing
  particular (no past-tense action with a checkable detail) is marked with the kind its
  grammar shows, so a person sees the whole generic stretch, not just its keywords.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from offguard.analysis import lexicon
from offguard.analysis.clauses import clauses, containing
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
    _B + r"(?:once|one (?:day|time|night|morning|evening|afternoon|shift)|(?:a|an) (?:[a-z-]+ )?"
    r"(?:client|customer|patient|guest|man|woman|lady|guy|kid|child|boy|girl|pupil|student|"
    r"parent|driver|caller|colleague|resident|visitor|user|tenant|supplier|delivery|order|parcel)"
    r" (?:[a-z]+ed|came|rang|sent|left|told|said|asked|brought|took|went|got|made|put|wrote|fell|"
    r"broke|gave)|so i (?:[a-z]+ed|left|told|rang|sent|took|went|got|made|put|gave|cut|set)|"
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
_ARC = re.compile(
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
            if not anchored and _ARC.search(chunk) and not re.search(r"\d", chunk):
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


_PARTICULAR = re.compile(
    _B + r"(?:yesterday|last (?:week|month|year|night|time)|this morning|one (?:day|time|night)|"
    r"once|that day|the day|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|million|percent)" + _E
)
_MODAL = re.compile(_B + r"(?:i'd|i would|i'll|i will|i could|we'd|we would)" + _E)
_SELF = re.compile(_B + r"(?:i|i'm|i've|me|my)" + _E)
_SELF_IS = re.compile(_B + r"(?:i'm|i am|i'm not)" + _E)
_YOU = re.compile(_B + r"(?:you|you're|you've|your)" + _E)
_WE = re.compile(_B + r"(?:we|we're|we've|we'd|our)" + _E)
_COLLECTIVE = re.compile(
    r"^(?:(?:and|so|but|then|um|uh|honestly|yeah),? )*(?:everyone|everybody|"
    r"the (?:whole )?(?:team|place|kitchen|shop|ward|office)|"
    r"we all|they all|it was (?:a |an )?(?:good|great|brilliant|amazing|fantastic|really))" + _E
)
_TOLD = re.compile(
    _B + r"(?:i|we|he|she|they|it|you|everyone|everybody|nobody|team|people|who|that|which|"
    r"this|there) (?:just |really |also |then |all |never |finally |actually |eventually )?"
    r"([a-z']+)" + _E
)
_PRESENT = re.compile(
    _B + r"(?:is|are|am|isn't|aren't|can|can't|will|won't|must|should|has|have|do|does|don't|"
    r"doesn't|it's|that's|there's|what's|i'm|you're|we're|they're|i've|you've|we've|they've)"
    + _E
    + r"|"
    + _B
    + r"(?:i|you|we|they|people|everyone|everybody) (?:just |really |always |never |all )?"
    r"[a-z]+" + _E + r"|" + _B + r"(?:a|an|the|every|each|any|no)(?: [a-z-]+){1,2} [a-z]+s" + _E
)
_NAME = re.compile(r"(?<=[a-z,] )(?!I\b|I'\w+)[A-Z][a-z]+")


def sweep(
    text: str,
    norm: str,
    spans: list[tuple[int, int]],
    cues: Sequence[SentenceCues],
    covered: list[tuple[int, int, str]],
) -> list[tuple[int, int, str]]:
    """In a generic answer, the clauses that tell nothing particular, with the kind their
    grammar shows (hypothetical, platitude, self-praise, vague-we, vague-outcome). A clause
    with a time, a number or a name is left alone; spoken fillers inside a clause are kept
    as they are and the clause is marked around them."""
    out: list[tuple[int, int, str]] = []
    times = lexicon.patterns("time_anchors.txt")
    for (lo, hi), c in zip(spans, cues, strict=True):
        if c.speech:
            continue
        for c_lo, c_hi in clauses(norm, lo, hi):
            chunk = norm[c_lo:c_hi]
            if _PARTICULAR.search(chunk) or times.search(chunk) or _NAME.search(text[c_lo:c_hi]):
                continue
            inside = [(s, e, k) for s, e, k in covered if s < c_hi and c_lo < e]
            generic = sum(min(e, c_hi) - max(s, c_lo) for s, e, k in inside if k in _NOTE)
            if generic * 2 >= c_hi - c_lo or len(chunk.split()) < 3:
                continue
            for g_lo, g_hi in _gaps(norm, c_lo, c_hi, inside):
                kind = _kind(norm[g_lo:g_hi]) if len(norm[g_lo:g_hi].split()) >= 3 else None
                if kind is not None:
                    out.append((g_lo, g_hi, kind))
    return out


#: Flags that already mark a clause as generic (fillers and hedges do not).
_NOTE = frozenset(
    {
        "cliche",
        "buzzword",
        "habitual",
        "hypothetical",
        "self-praise",
        "platitude",
        "vague-action",
        "vague-outcome",
        "vague-quantity",
        "vague-we",
        "unsupported-number",
    }
)


def _gaps(norm: str, lo: int, hi: int, inside: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The stretches of [lo, hi) that no existing flag covers, trimmed to words."""
    out: list[tuple[int, int]] = []
    pos = lo
    for s, e, _ in [*sorted(inside), (hi, hi, "")]:
        a, b = pos, min(s, hi)
        while a < b and not norm[a].isalnum():
            a += 1
        while b > a and not norm[b - 1].isalnum():
            b -= 1
        if b > a:
            out.append((a, b))
        pos = max(pos, e)
    return out


def _told(chunk: str) -> bool:
    past = lexicon.words("irregular_past.txt")
    for m in _TOLD.finditer(chunk):
        verb = m.group(1)
        if (
            verb in past
            or verb in ("didn't", "wasn't", "weren't", "couldn't")
            or (verb.endswith("ed") and len(verb) > 4)
        ):
            return True
    return False


def _kind(chunk: str) -> str | None:
    if _MODAL.search(chunk):
        return "hypothetical"
    if _told(chunk):
        # something happened: a gradual arc or a collective mood with nothing checkable
        if _ARC.search(chunk) or _COLLECTIVE.search(chunk):
            return "vague-outcome"
        return None
    if not _PRESENT.search(chunk):
        return None
    if _SELF.search(chunk):
        # "I'm a safe pair of hands" describes the speaker; "I keep the team motivated" is
        # a routine
        return "self-praise" if _SELF_IS.search(chunk) else "habitual"
    if _YOU.search(chunk):
        return "platitude"
    if _WE.search(chunk):
        return "vague-we"
    return "platitude"


def background_habit(
    norm: str, spans: list[tuple[int, int]], cues: list[SentenceCues], raw: RawFlag
) -> bool:
    """Inside a sentence that tells an event with a checkable detail (a time, a name, a
    number): 'who was normally chatty', 'it was always when it rained' describe someone
    else's usual state, and 'I started every lesson with a quiz' a practice the story
    bounds: background, not the speaker's habit. 'I always asked her how she was' stays."""
    if raw.kind != "habitual":
        return False
    idx = next((i for i, (lo, hi) in enumerate(spans) if lo <= raw.start < hi), None)
    if idx is None:
        return False
    c = cues[idx]
    anchored = [bool(k.narrative and (k.times or k.names or k.numbers)) for k in cues]
    if not (c.narrative and (anchored[idx] or sum(anchored) >= 2)):
        return False
    lo, hi = spans[idx]
    clause = containing(clauses(norm, lo, hi), raw.start) or (lo, hi)
    past = lexicon.words("irregular_past.txt")
    words = re.findall(r"[a-z']+", norm[clause[0] : clause[1]])
    if not any(w in past or (w.endswith("ed") and len(w) > 4) for w in words):
        return False
    return raw.scope == "piece" or not _mine(norm, raw)


def _mine(norm: str, raw: RawFlag) -> bool:
    """Is the habit the speaker's own ("I always...", "I usually...")?"""
    before = norm[max(0, raw.start - 12) : raw.start]
    return norm.startswith(("i ", "i'", "we "), raw.start) or bool(
        re.search(r"(?<![\w'])(?:i|i've|we)(?: \w+)? $", before)
    )


__all__ = ["background_habit", "historical_present", "plain_episode", "story_arcs", "sweep"]
