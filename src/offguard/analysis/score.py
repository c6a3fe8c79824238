"""Per-sentence cues and the explanation flags of an answer.

A sentence earns *event evidence* when it narrates (past tense, or present tense inside a
scene told in the narrative present, as the parser decides: :mod:`offguard.analysis.situations`)
and carries checkable detail: a particular time, a name, a concrete place or thing, a number,
speech, an outcome. Detail in a sentence that narrates nothing counts for little, and numbers
there are flagged as unsupported. Generic cues (flags) count against a sentence's own score
(used for STAR and shading). The answer's verdict is not decided here: the combiner
(:mod:`offguard.analysis.combiner`) weighs the clause situation types and the flag counts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from offguard.analysis import grammar
from offguard.analysis.clauses import clauses, containing, pieces
from offguard.analysis.context import changed_practice, first_person, in_context
from offguard.analysis.context import index as _index
from offguard.analysis.figures import WORKING, about_pay, clock, label_or_date, pay_amount
from offguard.analysis.flags import WEIGHTS, RawFlag, platitudes, raw_flags, resolve
from offguard.analysis.genericity import story_arcs
from offguard.analysis.situations import Situations, habits
from offguard.analysis.specifics import SentenceCues, scan_sentence
from offguard.analysis.sweep import sweep
from offguard.analysis.text import Token, normalize, sentences, tokens, wordset

_PERFECT = re.compile(r"(?<![\w'])(?:i've|i have|we've|i've got|i have got)(?![\w'])")
_WE = re.compile(r"(?<![\w'])we(?:'ve|'re|'d|'ll)? (?!all\b)(?:[a-z']+)(?![\w'])")
_NUM = re.compile(
    r"(?<![\w'])(?:\d+(?:[.,]\d+)*%?|(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"million)s?)(?:[- ](?:\w+)){0,3}"
)

_SPEAKER = re.compile(r"(?<![\w'])(?:i|i'm|i've|i'd|me|my|we|we've|we're|our|us)(?![\w'])")
_PRECISE = re.compile(r"[$£€]\s?\d|\d+\.\d")
#: A story of a kind of event, not one: "there'd be these lads...", "we had loads of those".
_RECURRING = re.compile(r"there(?:'d| would)|(?:had|get|got|see|saw|deal with|dealt with) ")
EVENT_CAP = 5.0
GENERIC_CAP = 4.0


@dataclass
class Scored:
    score: float
    sentence_scores: list[float]
    sentence_spans: list[tuple[int, int]]
    cues: list[SentenceCues]
    flags: list[tuple[int, int, str]]
    specifics: list[tuple[int, int, str]]
    events: list[float] = field(default_factory=list)
    event_total: float = 0.0
    generic_total: float = 0.0
    kinds: dict[str, int] = field(default_factory=dict)
    #: (start, weight) of every generic cue counted, and whether the answer is told in a
    #: present-tense scene: what clause shading (:mod:`offguard.analysis.shading`) needs.
    weights: list[tuple[int, float]] = field(default_factory=list)
    present_frame: bool = False
    #: flags set aside as the question's own task ("I'd ask what you use it for" in a
    #: role-play, "maybe a thousand" in an estimate): shown again if the answer is generic
    set_aside: list[tuple[int, int, str]] = field(default_factory=list)


def _detail(c: SentenceCues) -> float:
    return (
        1.0 * min(c.times, 2)
        + 0.8 * min(c.events, 2)
        + 0.7 * min(c.names, 3)
        + 0.5 * min(c.places, 2)
        + 0.3 * min(c.concrete, 6)
        + 0.4 * min(c.numbers, 2)
        + 0.4 * min(c.outcomes, 2)
        + 0.5 * min(c.speech, 1)
    )


def event_evidence(c: SentenceCues, flagged: bool = False) -> float:
    """How strongly one sentence tells a particular event (0 to EVENT_CAP)."""
    narr = min(c.narrative + c.present_actions, 3)
    detail = _detail(c)
    if narr > 0:
        return min(EVENT_CAP, 0.15 * narr + detail)
    return min(EVENT_CAP, (0.2 if flagged else 0.5) * detail)


def sentence_detail(c: SentenceCues) -> float:
    narr = min(c.narrative + c.present_actions, 3)
    return 0.15 * narr + (1.0 if narr else 0.7) * _detail(c)


def sentence_score(c: SentenceCues, generic: float) -> float:
    """A stretch of text judged on its own detail against its generic weight (0-100)."""
    return _sigmoid100(1.1 * (sentence_detail(c) - min(generic, GENERIC_CAP)) - 0.8)


def score_text(text: str, situations: Situations) -> Scored:
    """Cues, specifics and explanation flags of an answer (its ``score`` is left at 0: the
    combiner sets it)."""
    norm = normalize(text)
    toks = tokens(text, norm)
    spans = sentences(text)
    present_frame = situations.narrative_present
    raws = raw_flags(text, norm, situations.modal_at)
    # a listed "I'd"/"I will" the parse reads as no hypothetical (a past habit, a reported or
    # chosen one: "I'd normally do the turkey myself", "the one I'd pick") is not flagged
    raws = [
        r
        for r in raws
        if r.kind != "hypothetical" or situations.kind_at(r.start) in (None, "hypothetical")
    ]
    raws.extend(RawFlag(lo, hi, "habitual") for lo, hi in habits(situations))
    raws.extend(grammar.self_description(norm, present_frame))
    raws.extend(grammar.evaluations(norm))
    raws.extend(grammar.opinions(text, norm, spans))
    raws.extend(grammar.quantities(norm))
    if present_frame:
        raws = [
            r
            for r in raws
            if not (
                r.kind == "habitual"
                and r.end - r.start < 20
                and norm[r.start : r.end].startswith(("i ", "then i", "so i", "and i"))
            )
        ]
    specifics: list[tuple[int, int, str]] = []
    cues = [scan_sentence(text, norm, toks, lo, hi, present_frame, specifics) for lo, hi in spans]
    own_total = sum(c.own_actions + c.present_actions for c in cues)
    raws = [r for r in raws if not in_context(norm, spans, cues, r)]
    raws.extend(platitudes(text, norm, spans, cues))
    raws.extend(story_arcs(text, norm, spans, cues, present_frame))
    told = [bool(c.own_actions or c.present_actions or c.times or c.names) for c in cues]
    raws.extend(grammar.generic_you(text, norm, spans, told))
    # an estimate worked aloud: several sentences of figures joined by arithmetic is the
    # answer's own reasoning, as particular as one event; its figures are no claims
    worked = sum(c.numbers >= 2 for c in cues) >= 3 and len(WORKING.findall(norm)) >= 2
    raws = [
        r
        for r in raws
        if not changed_practice(norm, spans, cues, r)
        and not (worked and _in_working(r, spans, cues))
    ]
    flagged = {_index(spans, r.start) for r in raws if WEIGHTS[r.kind] >= 0.5}
    events = [event_evidence(c, i in flagged) for i, c in enumerate(cues)]
    extra = _contextual(text, norm, spans, cues, events, own_total, raws, present_frame)
    raws.extend(r for r in extra if not changed_practice(norm, spans, cues, r))
    # "two years ago", "Christmas Day two years ago": a figure that dates one occasion
    raws = [r for r in raws if not (r.kind == "unsupported-number" and _dates(norm, r))]
    generic = [0.0] * len(spans)
    weights: list[tuple[int, float]] = []
    for raw in _merge_same_kind(raws):
        idx = _index(spans, raw.start)
        if idx is not None:
            weight = WEIGHTS[raw.kind]
            if (
                raw.kind == "habitual"
                and cues[idx].narrative
                and not first_person(norm, raw)
                and not _RECURRING.match(norm, raw.start)
            ):
                weight *= 0.5  # "every time someone used the microwave, the wifi died": in a story
            generic[idx] += weight
            weights.append((raw.start, weight))
    generic = [min(g, GENERIC_CAP) for g in generic]
    # A sentence on its own is judged on its detail (names, times, numbers, concrete things),
    # narrated or not, against its generic cues; the answer needs an event (below).
    sent_scores = [sentence_score(c, g) for c, g in zip(cues, generic, strict=True)]
    e_total = sum(events)
    g_total = sum(generic)
    # a flag is a claim a person can read: never a lone pronoun or auxiliary (a false start,
    # "I'd, um, I'd probably...")
    flags = [
        f
        for f in resolve(text, raws, spans)
        if f[2] in ("filler", "hedge") or not _bare(norm[f[0] : f[1]])
    ]
    kinds = count_kinds(flags)
    return Scored(
        score=0.0,
        sentence_scores=sent_scores,
        sentence_spans=spans,
        cues=cues,
        flags=flags,
        specifics=_dedupe(specifics),
        events=events,
        event_total=e_total,
        generic_total=g_total,
        kinds=kinds,
        weights=weights,
        present_frame=present_frame,
    )


def count_kinds(flags: list[tuple[int, int, str]]) -> dict[str, int]:
    """How many flags of each kind (the combiner's flag features)."""
    kinds: dict[str, int] = {}
    for _, _, kind in flags:
        kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def swept(text: str, scored: Scored) -> list[tuple[int, int, str]]:
    """Flags for the plain clauses of an answer judged generic (:mod:`offguard.analysis.sweep`)."""
    return sweep(text, normalize(text), scored.sentence_spans, scored.cues, scored.flags)


def _contextual(
    text: str,
    norm: str,
    spans: list[tuple[int, int]],
    cues: list[SentenceCues],
    events: list[float],
    own_total: int,
    raws: list[RawFlag],
    present_frame: bool = False,
) -> list[RawFlag]:
    """Flags that depend on the sentence: numbers with no event, 'we' with no 'I'."""
    out: list[RawFlag] = []
    claimed = {
        i
        for r in raws
        if r.kind in ("habitual", "self-praise", "unsupported-number")
        for i in [_index(spans, r.start)]
        if i is not None
    }
    claims = [r.start for r in raws if r.kind in ("habitual", "self-praise", "unsupported-number")]
    # an answer told only as "we" (three or more "we" actions, no "I" action anywhere):
    # every "we" hides the speaker's part, however vivid the event
    we_told = own_total == 0 and len(_WE.findall(norm)) >= 3
    money = about_pay(norm)
    for idx, (lo, hi) in enumerate(spans):
        c = cues[idx]
        # a bare figure is a claim about the speaker's scale only when the speaker is in it
        weak = c.narrative == 0 and c.present_actions == 0 and c.times == 0 and c.names == 0
        weak = weak and bool(_SPEAKER.search(norm, lo, hi))
        scene = present_frame and _in_scene(cues, idx)
        told = c.narrative or scene
        # "I've got ten years' experience" is a claim; "I've got ninety loaves to get out"
        # inside a scene told in the present is the scene
        perfect = bool(_PERFECT.search(norm, lo, hi)) and c.narrative == 0 and not scene
        worked = len(WORKING.findall(norm, lo, hi)) >= 1 and c.numbers >= 2
        if c.numbers and (idx in claimed or perfect or (weak and c.concrete < 3)):
            parts = clauses(text, lo, hi)
            # In a story, only numbers in the clause of the claim belong to no event.
            in_claim = {containing(parts, pos) for pos in claims if lo <= pos < hi}
            asked = norm[lo:hi].rstrip().endswith("?")
            for m in _NUM.finditer(norm, lo, hi):
                if asked:
                    break  # "Shall I leave you two?", "is it under fifty?": asked, not claimed
                if m.start() > lo and text[m.start()].isupper():
                    continue  # part of a name: "the Big Four"
                if _PRECISE.search(norm, lo, hi):
                    continue  # "$1.5 billion", "3.2 percent": measured figures, not a boast
                if pay_amount(norm, money, lo, m.start(), m.group(0)):
                    continue  # "I'm on fifty-two now", "an offer at fifty-six": a pay figure
                if worked:
                    continue  # "times fifty is about a hundred and ten thousand": working
                if clock(norm, lo, m.start()):
                    continue  # "by two the lines are back", "it's six a.m.": a time of day
                if label_or_date(norm, lo, m.start()):
                    continue  # "the 9th of May", "summer 2027", "level 3": a date or a name
                if told and not perfect and containing(parts, m.start()) not in in_claim:
                    continue  # a figure of the told scene ("his resp rate's up to twenty-four")
                if not any(r.start <= m.start() < r.end for r in raws):
                    # the whole verb phrase: "managed teams of 40", not "40, hit 120"
                    piece = containing(pieces(text, lo, hi), m.start()) or (m.start(), m.end())
                    start, end = piece if piece[0] <= m.start() else (m.start(), m.end())
                    out.append(RawFlag(start, end, "unsupported-number"))
        if own_total == 0 and "i " not in norm[lo:hi] + " " and (events[idx] < 2.5 or we_told):
            for m in _WE.finditer(norm, lo, hi):
                out.append(RawFlag(m.start(), m.end(), "vague-we"))
    return out


def _in_scene(cues: list[SentenceCues], idx: int) -> bool:
    """In a scene told in the present: the sentence or a neighbour has present actions."""
    return any(cues[i].present_actions for i in range(max(0, idx - 1), min(len(cues), idx + 2)))


_AGO = re.compile(r"\s*(?:\w+\s+){0,3}?ago(?![\w'])")


def _dates(norm: str, raw: RawFlag) -> bool:
    """Is the figure followed by "ago" ("two years ago")?"""
    return bool(_AGO.match(norm, raw.end)) or " ago" in norm[raw.start : raw.end]


def _in_working(raw: RawFlag, spans: list[tuple[int, int]], cues: list[SentenceCues]) -> bool:
    idx = _index(spans, raw.start)
    return (
        idx is not None
        and cues[idx].numbers >= 2
        and raw.kind in ("platitude", "habitual", "unsupported-number")
    )


def _merge_same_kind(raws: list[RawFlag]) -> list[RawFlag]:
    """Overlapping cues of one kind ("I always blame": 'always' and a routine) count once."""
    out: list[RawFlag] = []
    for raw in sorted(raws, key=lambda r: (r.kind, r.start, r.end)):
        last = out[-1] if out else None
        if last and last.kind == raw.kind and raw.start < last.end:
            out[-1] = RawFlag(last.start, max(last.end, raw.end), raw.kind)
        else:
            out.append(raw)
    return out


def _bare(span: str) -> bool:
    """Is a flagged span only pronouns, auxiliaries and interjections ("I'd", "we would",
    a role-play's "hi")?"""
    return all(w in _FUNCTION_WORDS or w in _GREETINGS for w in re.findall(r"[a-z']+", span))


#: a role-play's "hi", "okay": no claim (fillers are flagged by their own kind, not here)
_GREETINGS = wordset("hi hello hey okay ok right yeah yes well oh that's why")


_FUNCTION_WORDS = wordset(
    "i i'd i'll i'm i've me we we'd we'll we're we've us you you'd you'll you're you've he he'd "
    "she she'd they they'd they'll it it'd it's would could should will shall might may can "
    "must 'd 'll do did does am is are was were be been have has had"
)


def _dedupe(items: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    return sorted(set(items))


def _sigmoid100(x: float) -> float:
    if x < -40:
        return 0.0
    if x > 40:
        return 100.0
    return 100.0 / (1.0 + math.exp(-x))


__all__ = ["Scored", "Token", "score_text", "swept"]
