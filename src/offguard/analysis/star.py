"""STAR: which of Situation, Task, Action and Result the answer has, and the sentence for each.

- Situation: a sentence that sets one scene (a particular time, place, name or "there was").
- Task: what had to be done or what was wrong ("I had to", "the problem was", "wanted to").
- Action: the sentence with the most of the speaker's own actions ("I rang", "I drew").
- Result: what changed, after the action ("in the end", "went from 60 to 10", "since then").
"""

from __future__ import annotations

import re

from offguard.analysis.clauses import SUBJECTS, clauses
from offguard.analysis.specifics import SentenceCues

_TASK = re.compile(
    r"(?<![\w'])(?:i|we|someone|somebody|they) (?:had|needed|was asked|were asked|was told|"
    r"got asked) to|(?:my|our|the) (?:job|task|goal|brief|challenge|problem|issue|danger|"
    r"worry|risk|deadline|aim) (?:was|is)|(?:wanted|asked) (?:me|us|to)|was supposed to|"
    r"(?:had|needed) to be|(?:the|a) deadline|(?:had|was) (?:broken|wrong|missing|late|"
    r"stuck|failing|down)|(?:didn't|wouldn't|couldn't|wasn't|weren't) (?:work|have|get|"
    r"enough)|(?:complained|complaining|upset|angry|shouting|crying)|(?:only|not) enough|"
    r"nothing (?:to do|I could)|no (?:idea|stock|way|one|keys?|reply)|wrong|missing|lost|broke|"
    r"jammed|died|failed|split|late|danger|problem|(?:didn't|did not) (?:have|know|work)|"
    r"(?:someone|somebody) had to|cutting through|near miss|wanted (?:a|the|their|his|her)|"
    r"went off sick|quit|mislabel|recall|timing out|stuck|complaint|unhappy|hated|didn't like"
)
_TASK_STRONG = re.compile(
    r"(?<![\w'])(?:i|we|someone|somebody) (?:had|needed|was asked|were asked|was told) to|"
    r"(?:my|our|the) (?:job|task|goal|brief|challenge|aim) (?:was|is)"
)
_RESULT = re.compile(
    r"(?<![\w'])(?:in the end|ended up|as a result|since then|from then on|after that|"
    r"afterwards|the next (?:week|month|quarter|day|year|release|morning)|a (?:week|month|"
    r"year) later|went (?:up|down|from)|came (?:down|back)|dropped|fell|rose|saved|"
    r"stopped|signed|agreed|kept|changed|fixed|passed|won|turned out|now|which meant|"
    r"worked|loved it|thanked|(?:came|rang|wrote) back|asked for me|rolled (?:it |that )?out|"
    r"went live|was fine|were fine|qualified)(?![\w'])"
)
_SCENE = re.compile(
    r"(?<![\w'])(?:i was (?:a|an|the|working|on|doing|at|in)|at (?:my|a|the|our) |when i was|"
    r"there (?:was|were)|i had (?:a|an|this|one)|we had (?:a|an|this)|in my (?:first|second|"
    r"last|previous|old))"
)


def detect(
    text: str,
    spans: list[tuple[int, int]],
    cues: list[SentenceCues],
    events: list[float],
    scores: list[float] | None = None,
) -> tuple[dict[str, bool], dict[str, str | None]]:
    """The STAR checklist and the sentence or clause chosen for each letter.

    A letter only counts when its sentence is itself specific (sentence score >= 50, given
    ``scores``): "I dealt with it" is not an Action, "they loved it" is not a Result. Task and
    Result may be one clause of a longer sentence ("..., and the lorry leaves on time").
    """
    ok = [True] * len(spans) if scores is None else [sc >= 50 for sc in scores]
    low = text.lower().replace("\u2019", "'")
    parts = [clauses(low, lo, hi) for lo, hi in spans]
    chosen: dict[str, tuple[int, int] | None] = {"S": None, "T": None, "A": None, "R": None}
    s_idx = a_idx = None
    for i, c in enumerate(cues):
        anchored = c.times + c.events + c.names + c.places > 0
        scene = anchored or _SCENE.search(low, *spans[i])
        if ok[i] and scene and (c.narrative or c.present_actions or anchored):
            s_idx = i
            break
    best = 0
    for i, c in enumerate(cues):
        # "I needed to get it sorted" says the task, not the action
        n = c.own_actions + c.present_actions - bool(_NEEDED.match(low, *spans[i]))
        if ok[i] and n > best:
            best, a_idx = n, i
    if s_idx is not None:
        chosen["S"] = spans[s_idx]
    if a_idx is not None:
        chosen["A"] = spans[a_idx]
    task = _task(low, spans, parts, cues, events, ok, s_idx, a_idx)
    if task is not None:
        t_idx, clause = task
        chosen["T"] = clause
        if t_idx == s_idx:  # the scene is the clauses before the task
            chosen["S"] = (spans[s_idx][0], _end_before(parts[s_idx], clause[0]))
    if a_idx is not None:
        # a plain closing sentence ("We haven't shipped that bug again.") may be short on detail
        fair = [True] * len(spans) if scores is None else [sc >= 30 for sc in scores]
        chosen["R"] = _result(low, spans, parts, cues, events, fair, a_idx)
    star = {k: v is not None for k, v in chosen.items()}
    sentences = {k: (None if v is None else text[v[0] : v[1]]) for k, v in chosen.items()}
    return star, sentences


def _end_before(parts: list[tuple[int, int]], pos: int) -> int:
    return max((hi for lo, hi in parts if hi <= pos), default=pos)


def _task(
    low: str,
    spans: list[tuple[int, int]],
    parts: list[list[tuple[int, int]]],
    cues: list[SentenceCues],
    events: list[float],
    ok: list[bool],
    s_idx: int | None,
    a_idx: int | None,
) -> tuple[int, tuple[int, int]] | None:
    """A clause saying what had to be done (or what was wrong), other than the scene itself."""
    for pattern in (_TASK_STRONG, _TASK):
        for i, clause_list in enumerate(parts):
            concrete = events[i] > 0.5 or cues[i].narrative
            if not (ok[i] and concrete):
                continue
            for k, (lo, hi) in enumerate(clause_list):
                if not pattern.search(low, lo, hi):
                    continue
                if i == s_idx and k == 0 and pattern is _TASK:
                    continue  # the scene itself: the task must be said apart from it
                if i == a_idx and (
                    k == len(clause_list) - 1 or (pattern is _TASK and _OWN.search(low, lo, hi))
                ):
                    continue  # the action itself
                return i, (lo, hi)
    return None


def _result(
    low: str,
    spans: list[tuple[int, int]],
    parts: list[list[tuple[int, int]]],
    cues: list[SentenceCues],
    events: list[float],
    ok: list[bool],
    a_idx: int,
) -> tuple[int, int] | None:
    """The last clause after the action that says what changed."""
    first_action = next(
        (k for k, (lo, hi) in enumerate(parts[a_idx]) if _OWN.search(low, lo, hi)), 0
    )
    for i in range(len(spans) - 1, a_idx - 1, -1):
        c = cues[i]
        if not ok[i] or not (i == a_idx or events[i] > 0.3 or c.narrative or c.outcomes):
            continue
        clause_list = parts[i]
        for k in range(len(clause_list) - 1, -1, -1):
            if i == a_idx and k <= first_action:
                break
            lo, hi = clause_list[k]
            cue = bool(_RESULT.search(low, lo, hi) or _OUTCOME.search(low, lo, hi))
            change = k == len(clause_list) - 1 and _changed(low, lo, hi)
            if cue or change:
                return (lo, hi)
    return None


_NEEDED = re.compile(r"(?:(?:so|and|but|then|um|uh),? )*i (?:needed|wanted) to(?![\w'])")
_OWN = re.compile(r"(?<![\w'])i (?!was\b|had\b|felt\b|thought\b|knew\b)[a-z]+")
_OUTCOME = re.compile(
    r"(?<![\w'])(?:went (?:up|down|from)|came (?:down|back)|dropped|rose|doubled|halved|"
    r"signed|approved|fixed|passed|won|booked|left|leaves|rode|replaced|moved up|got (?:it|the|"
    r"a|his|her|their)|(?:haven't|hasn't|hadn't|never) (?:\w+ )?(?:again|since)|still|"
    r"(?:was|were) (?:full|gone|fine|sorted|back|ready|open)|on time|thanked|lost only|only lost)"
    r"(?![\w'])"
)
_LEAD_WORDS = re.compile(
    r"(?:(?:and|so|then|but|which|by \w+|in the end|after that|within \w+ \w+|that \w+|"
    r"the next \w+|a \w+ later|two \w+ later),? )*"
)


def _changed(low: str, lo: int, hi: int) -> bool:
    """A closing clause whose subject is not the speaker: 'the lorry leaves on time',
    'he rode it home that night', 'by June he'd moved up two reading levels'."""
    lead = _LEAD_WORDS.match(low, lo, hi)
    start = lead.end() if lead else lo
    words = low[start:hi].split()
    if len(words) < 3 or words[0] in ("if", "when", "because", "until", "while", "whenever"):
        return False
    if words[0] in _FRAME:  # "by June he'd moved up", "after that it ran fine"
        subject = next((w for w in words[1:6] if w in SUBJECTS), "")
    else:  # "the count matched after I corrected it": the subject is the first words
        subject = words[0] if words[0] in SUBJECTS else ""
    return not subject.startswith("i") or subject.startswith("it")


_FRAME = frozenset(["by", "in", "on", "at", "after", "within", "from", "since", "during"])
