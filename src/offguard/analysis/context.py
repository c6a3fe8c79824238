"""When a generic cue is not generic in its context: the cue filters of the scorer.

- ``'d``/``would`` inside a told story is a past habit of the story ("He'd take the deals"),
  or reported ("I asked if I could open the second till"), not a hypothetical;
- a habit that is the before or after of a change the story tells ("Now I check the prep
  sheet every time", "It used to take me days");
- a number inside a narrated sentence ("By month four we had over 300 requests"), unless it
  is a CV line ("I ran a team of 25 pickers");
- a repeat bounded by a told story ("The log had gaps every weekend", "I checked it every
  shift for two weeks"), someone else's usual state inside a told event ("who was normally
  chatty"), and a distributive "in each flat" inside one search;
- a name given in the story ("I'll call him J"), someone or something else's usual state set
  beside a told event ("He's normally about two", "Normally that's a two-man job"), and a
  repeat with one person of the story ("I sat with him every week"), a promise reported
  ("I say I'll come back within a day");
- after a told event, the new practice it led to ("What I do now is I never give a date in
  the meeting") and its evidence ("On the last four projects I've done it that way"):
  ``changed_practice``, applied by the scorer to every cue, late ones included;
- a modal backed at once ("I'd flag it the same day, and I have") or tied back to the told
  event ("I'd like to do that kind of work from the inside").

``in_context(norm, spans, cues, raw)`` is True when ``raw`` should be dropped.
"""

from __future__ import annotations

import bisect
import math
import re

from offguard.analysis import lexicon
from offguard.analysis.clauses import clauses, containing
from offguard.analysis.flags import RawFlag
from offguard.analysis.specifics import SentenceCues

_PERFECT = re.compile(r"(?<![\w'])(?:i've|i have|we've|i've got|i have got)(?![\w'])")
_CHANGE = re.compile(
    r"(?<![\w'])(?:now|since then|these days|ever since|from then on|after that|nowadays)(?![\w'])"
)


def in_context(
    norm: str, spans: list[tuple[int, int]], cues: list[SentenceCues], raw: RawFlag
) -> bool:
    """Is this generic cue not generic where it stands (see the module docstring)?"""
    return (
        _past_would(norm, spans, cues, raw)
        or _changed_habit(norm, spans, raw)
        or _narrated_number(norm, spans, cues, raw)
        or _bounded_repeat(norm, spans, cues, raw)
        or background_habit(norm, spans, cues, raw)
        or _naming(norm, raw)
        or _others_usual(norm, spans, cues, raw)
        or _person_repeat(norm, spans, cues, raw)
        or _reported(norm, raw)
        or _backed_modal(norm, spans, cues, raw)
        or _reaction_reported(norm, spans, raw)
        or _claim_then_example(norm, spans, cues, raw)
        or _usual_but(norm, spans, raw)
    )


_BACKED = re.compile(r",? (?:and|which) (?:i have|i've done|i did|i have done)(?![\w'])")
_TIE_BACK = re.compile(
    r"(?<![\w'])(?:that kind of|that sort of|that type of|more of that)(?![\w'])"
)


def _backed_modal(
    norm: str, spans: list[tuple[int, int]], cues: list[SentenceCues], raw: RawFlag
) -> bool:
    """'I'd flag it the same day, and I have': the modal is backed at once by a told time;
    'I'd like to do that kind of work' after a told event ties the wish to that event."""
    found = _sentence_of(spans, raw, "hypothetical")
    if found is None:
        return False
    idx, lo, hi = found
    clause = containing(clauses(norm, lo, hi), raw.start) or (lo, hi)
    if _BACKED.match(norm, clause[1]) or _BACKED.search(norm, raw.start, hi):
        return True
    told = any(k.narrative and (k.times or k.numbers or k.names) for k in cues[:idx])
    return told and bool(_TIE_BACK.search(norm, raw.start, clause[1]))


_REPORTED = re.compile(
    r"(?:i|we|he|she|they) (?:say|said|tell (?:him|her|them|the \w+)|told (?:him|her|them|"
    r"the \w+)|promise|promised)(?: that)? $"
)


_ANSWERING = re.compile(
    r"(?:i'd|i would) (?:have to |probably |honestly )?say(?![\w'])"
    r"|i'll (?:give you|tell you|explain|use|take|pick|go with)(?![\w'])"
)


def _reported(norm: str, raw: RawFlag) -> bool:
    """'I say I'll come back within a day', 'I told her I'd check': a promise reported,
    not what the speaker would do in general; "I'd say persistence" gives the answer."""
    if raw.kind != "hypothetical":
        return False
    if _ANSWERING.match(norm, raw.start):
        return True
    return bool(_REPORTED.search(norm, max(0, raw.start - 24), raw.start))


_THEIR_WORDS = re.compile(
    r"(?<![\w'])(?:he|she|they|the \w+|\w+) (?:said|told (?:me|us)|reckoned|thought|wrote)"
    r"(?: that)?(?![\w'])[^,.;!?]{0,60}$"
)


def _reaction_reported(norm: str, spans: list[tuple[int, int]], raw: RawFlag) -> bool:
    """ "he said the decanted one was much better": someone's verdict on that occasion, in
    their words, is the checkable reaction the vague-outcome flag asks for."""
    if raw.kind != "vague-outcome":
        return False
    idx = index(spans, raw.start)
    lo = spans[idx][0] if idx is not None else max(0, raw.start - 80)
    m = _THEIR_WORDS.search(norm, lo, raw.start)
    return m is not None and not norm.startswith(("i ", "we "), m.start())


_USUALLY = re.compile(r"(?<![\w'])(?:normally|usually|typically|generally)(?![\w'])")


def _usual_but(norm: str, spans: list[tuple[int, int]], raw: RawFlag) -> bool:
    """ "normally we'd get a week for a cut like that, but...", "I'm not normally the one who
    steps up, but nobody else was going to": the usual, said as the background of the
    exception the story tells."""
    found = _sentence_of(spans, raw, "habitual")
    if found is None:
        return False
    _, lo, hi = found
    usual = _USUALLY.search(norm, lo, raw.end)
    return usual is not None and bool(re.search(r"(?<![\w'])but(?![\w'])", norm[raw.start : hi]))


def _claim_then_example(
    norm: str, spans: list[tuple[int, int]], cues: list[SentenceCues], raw: RawFlag
) -> bool:
    """ "I notice things. Last month I saw a juror's bag had a knife in it...": a short claim
    of the speaker's own, proved at once by one dated occasion told through in the next
    sentence, is the answer's headline, not a habit in place of an event."""
    if raw.kind not in ("habitual", "self-praise") or not first_person(norm, raw):
        return False
    idx = index(spans, raw.start)
    if idx is None or idx + 1 >= len(spans):
        return False
    lo, hi = spans[idx]
    claim = norm[lo:hi].rstrip(" .!?")
    nxt = cues[idx + 1]
    # one short clause ("I notice things", "I'm good at finding why numbers don't match"): a
    # routine listed ("I listen, I apologise and I fix it") is no headline
    most = 6 if raw.kind == "habitual" else 10
    one = len(claim.split()) <= most and not re.search(r",|(?<![\w'])and(?![\w'])", claim)
    return one and nxt.times > 0 and nxt.own_actions > 0


def changed_practice(
    norm: str, spans: list[tuple[int, int]], cues: list[SentenceCues], raw: RawFlag
) -> bool:
    """After a told event, 'What I do now is I never give a date in the meeting' is the new
    practice the story led to, and 'On the last four projects I've done it that way' its
    evidence: the after of a change, not a habit or a boast."""
    idx = index(spans, raw.start)
    if idx is None or idx == 0:
        return False
    if not any(k.narrative and (k.times or k.numbers or k.names) for k in cues[:idx]):
        return False
    lo, hi = spans[idx]
    if raw.kind == "unsupported-number":
        return bool(_SINCE.search(norm, lo, hi))
    if raw.kind == "self-praise":
        return norm.startswith(("i never", "i don't", "i do not"), raw.start) and bool(
            _CHANGE.search(norm, lo, raw.start)
        )
    # "I've done a site visit on every brand job since": the practice since that time
    return raw.kind == "habitual" and bool(
        _CHANGE.search(norm, lo, raw.start) or _SINCE.search(norm, raw.start, hi)
    )


_SINCE = re.compile(
    r"(?<![\w'])(?:that way|since then|ever since|since that|since(?= ?(?:[.,;!?]|$)))(?![\w'])"
)


_NAMING = re.compile(r"(?:i'll|i will|let's|we'll) call (?:him|her|them|it|this \w+) ")


def _naming(norm: str, raw: RawFlag) -> bool:
    """'I'll call him J': the speaker names someone in the story, no hypothetical."""
    return raw.kind == "hypothetical" and bool(_NAMING.match(norm, raw.start))


_OWN = re.compile(r"(?<![\w'])(?:i|we|i'm|we're|i've|we've|i'd|we'd|my|our|me|us)(?![\w'])")


def _others_usual(
    norm: str, spans: list[tuple[int, int]], cues: list[SentenceCues], raw: RawFlag
) -> bool:
    """'He's normally about two', 'Normally that's a two-man job': someone or something
    else's usual state set beside a told event (a neighbouring sentence narrates with a
    checkable detail), not the speaker's habit."""
    found = _sentence_of(spans, raw, "habitual")
    if found is None or first_person(norm, raw):
        return False
    idx, lo, hi = found
    clause = containing(clauses(norm, lo, hi), raw.start) or (lo, hi)
    if _OWN.search(norm, clause[0], clause[1]):
        return False
    near = [k for k in cues[max(0, idx - 1) : idx + 2] if k is not cues[idx]]
    anchored = [k for k in cues if k.narrative and (k.times or k.names or k.numbers)]
    told = any(k.narrative or k.present_actions for k in near)
    return told and len(anchored) >= 2


_PERSON_REPEAT = re.compile(r"i ([a-z]+) (?:with |to |for )?(?:him|her|them)(?![\w'])")


def _person_repeat(
    norm: str, spans: list[tuple[int, int]], cues: list[SentenceCues], raw: RawFlag
) -> bool:
    """'I sat with him every week': a past repeat with one person of the story, bounded by
    the story (what the speaker did for that person), not a habit."""
    if raw.kind != "habitual" or raw.scope != "piece":
        return False
    idx = index(spans, raw.start)
    if idx is None or not cues[idx].narrative:
        return False
    lo, hi = spans[idx]
    clause = containing(clauses(norm, lo, hi), raw.start) or (lo, hi)
    past = lexicon.words("irregular_past.txt")
    for m in _PERSON_REPEAT.finditer(norm, clause[0], clause[1]):
        verb = m.group(1)
        if verb in past or (verb.endswith("ed") and len(verb) > 4):
            return True
    return False


def _past_would(
    norm: str, spans: list[tuple[int, int]], cues: list[SentenceCues], raw: RawFlag
) -> bool:
    """'He'd take the deals', 'I'd get so bored' inside a past narrative: a past habit of
    the story, not a hypothetical; 'I asked if I could open the second till': reported."""
    if raw.kind != "hypothetical" or not norm.startswith(
        ("i'd", "he'd", "she'd", "we'd", "i would", "i could", "i couldn't", "we could"),
        raw.start,
    ):
        return False
    idx = index(spans, raw.start)
    if idx is None:
        return False
    lo, hi = spans[idx]
    told_before = bool(_SIMPLE_PAST.search(norm, lo, raw.start))
    if told_before and norm[max(lo, raw.start - 8) : raw.start].endswith(("if ", "whether ")):
        return True
    if cues[idx].narrative == 0:
        return False
    # the story must be told outside the modal's own clause ("I'd never send a report I
    # hadn't read" is not a story)
    story = bool(_SIMPLE_PAST.search(norm, lo, hi)) or (idx > 0 and cues[idx - 1].narrative > 0)
    return story and not re.search(r"(?<![\w'])(?:if|unless)(?![\w'])", norm[lo:hi])


_SIMPLE_PAST = re.compile(
    r"(?<![\w'])(?:was|were|did|went|got|said|told|asked|came|took|made|rang|saw|[a-z]{3,}ed)"
    r"(?![\w'])"
)


def _bounded_repeat(
    norm: str, spans: list[tuple[int, int]], cues: list[SentenceCues], raw: RawFlag
) -> bool:
    """'The log had gaps every weekend', 'I checked it every shift for two weeks': a repeat
    inside a told story (someone else's, or bounded in time), not the speaker's habit."""
    if raw.kind != "habitual" or raw.scope != "piece":
        return False
    idx = index(spans, raw.start)
    if idx is None or not (cues[idx].narrative or (idx > 0 and cues[idx - 1].narrative)):
        return False
    lo, hi = spans[idx]
    clause = containing(clauses(norm, lo, hi), raw.start) or (lo, hi)
    mine = re.search(
        r"(?<![\w'])(?:i|we|i'm|we're|i've|we've)(?![\w'])", norm[clause[0] : clause[1]]
    )
    return not mine or cues[idx].times > 0


def _changed_habit(norm: str, spans: list[tuple[int, int]], raw: RawFlag) -> bool:
    """'Now I check the prep sheet every time', 'It used to take me days': the habit is the
    before or after of a change the story tells, not a claim about always."""
    if raw.kind != "habitual":
        return False
    idx = index(spans, raw.start)
    lo = spans[idx][0] if idx is not None else max(0, raw.start - 120)
    hi = spans[idx][1] if idx is not None else raw.end
    return bool(_CHANGE.search(norm, lo, raw.start) or "used to" in norm[lo:hi])


def _narrated_number(
    norm: str, spans: list[tuple[int, int]], cues: list[SentenceCues], raw: RawFlag
) -> bool:
    """A number inside a narrated sentence ("By month four we had over 300 requests")."""
    if raw.kind != "unsupported-number":
        return False
    idx = index(spans, raw.start)
    if idx is None or cues[idx].narrative == 0:
        return False
    lo, hi = spans[idx]
    if _SCALE.match(norm, raw.start) and not cues[idx].times:
        return False  # "I ran a team of 25 pickers": a CV line, even in the past tense
    return not _PERFECT.search(norm, lo, hi) and "over the years" not in norm[lo:hi]


_SCALE = re.compile(
    r"(?:i |we )?(?:ran|run|led|lead|managed|manage|supervised|oversaw|oversee|headed|grew)"
    r" (?:a |the |my |our )?(?:teams?|squads?|departments?|crews?|budgets?|portfolios?|"
    r"regions?|estates?) of|(?:won|got|was named|was voted|made) (?:\w+ )?(?:employee|salesperson|"
    r"seller|manager|rep|nurse|teacher|colleague|engineer) of the"
)


def first_person(norm: str, raw: RawFlag) -> bool:
    """Is the habit the speaker's own ("I always...", "I usually...")?"""
    before = norm[max(0, raw.start - 12) : raw.start]
    return bool(_OWN_START.match(norm, raw.start)) or bool(
        re.search(r"(?<![\w'])(?:i|i've|we)(?: \w+)? $", before)
    )


#: "I always...", "where I refused ten people", "whenever we..."
_OWN_START = re.compile(r"(?:(?:where|when|whenever|and|so|then) )?(?:i |i'|we )")


def background_habit(
    norm: str, spans: list[tuple[int, int]], cues: list[SentenceCues], raw: RawFlag
) -> bool:
    """Inside a sentence that tells an event with a checkable detail (a time, a name, a
    number): 'who was normally chatty', 'it was always when it rained' describe someone
    else's usual state, and 'I started every lesson with a quiz' a practice the story
    bounds: background, not the speaker's habit. 'I always asked her how she was' stays."""
    found = _sentence_of(spans, raw, "habitual")
    if found is None:
        return False
    idx, lo, hi = found
    c = cues[idx]
    clause = containing(clauses(norm, lo, hi), raw.start) or (lo, hi)
    past = lexicon.words("irregular_past.txt")
    words = re.findall(r"[a-z']+", norm[clause[0] : clause[1]])
    if not any(w in past or (w.endswith("ed") and len(w) > 4) for w in words):
        return False
    if raw.scope == "piece" and c.narrative and not _TIME_UNIT.search(norm, raw.start, raw.end):
        return True  # "I lifted the bath panel in each flat": one search, flat by flat
    anchored = [bool(k.narrative and (k.times or k.names or k.numbers)) for k in cues]
    if not (c.narrative and (anchored[idx] or sum(anchored) >= 2)):
        return False
    return raw.scope == "piece" or not first_person(norm, raw)


_TIME_UNIT = re.compile(
    r"(?:time|day|week|month|quarter|year|term|shift|morning|evening|night|weekend|session|"
    r"lesson|visit|meeting|sprint|release|season|review|handover|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)s?(?![\w'])"
)


def _sentence_of(
    spans: list[tuple[int, int]], raw: RawFlag, kind: str
) -> tuple[int, int, int] | None:
    """The sentence (index, start, end) holding a cue of ``kind``; None for a cue of another
    kind or one outside every sentence."""
    if raw.kind != kind:
        return None
    idx = index(spans, raw.start)
    return None if idx is None else (idx, *spans[idx])


def index(spans: list[tuple[int, int]], pos: int) -> int | None:
    """The sentence of ``spans`` holding ``pos``."""
    i = bisect.bisect_right(spans, (pos, math.inf)) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return i
    return None


__all__ = ["changed_practice", "first_person", "in_context", "index"]
