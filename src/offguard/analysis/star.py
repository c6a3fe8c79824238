"""STAR: which of Situation, Task, Action and Result the answer has, and the sentence for each.

- Situation: a sentence that sets one scene (a particular time, place, name or "there was").
- Task: what had to be done or what was wrong ("I had to", "the problem was", "wanted to").
- Action: the sentence with the most of the speaker's own actions ("I rang", "I drew").
- Result: what changed, after the action ("in the end", "went from 60 to 10", "since then").
"""

from __future__ import annotations

import re

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
    """The STAR checklist and the sentence chosen for each letter.

    A letter only counts when its sentence is itself specific (sentence score >= 50, given
    ``scores``): "I dealt with it" is not an Action, "they loved it" is not a Result.
    """
    ok = [True] * len(spans) if scores is None else [sc >= 50 for sc in scores]
    chosen: dict[str, int | None] = {"S": None, "T": None, "A": None, "R": None}
    low = [text[lo:hi].lower().replace("\u2019", "'") for lo, hi in spans]
    for i, c in enumerate(cues):
        anchored = c.times + c.events + c.names + c.places > 0
        scene = anchored or _SCENE.search(low[i])
        if ok[i] and scene and (c.narrative or c.present_actions or anchored):
            chosen["S"] = i
            break
    best = 0
    for i, c in enumerate(cues):
        if ok[i] and c.own_actions + c.present_actions > best:
            best, chosen["A"] = c.own_actions + c.present_actions, i
    for pattern in (_TASK_STRONG, _TASK):
        for i, sent in enumerate(low):
            concrete = events[i] > 0.5 or cues[i].narrative
            if ok[i] and i != chosen["A"] and pattern.search(sent) and concrete:
                chosen["T"] = i
                break
        if chosen["T"] is not None:
            break
    action = chosen["A"]
    if action is not None:
        for i in range(len(spans) - 1, action - 1, -1):
            c = cues[i]
            found = (c.outcomes or _RESULT.search(low[i])) and (i > action or c.outcomes > 0)
            if ok[i] and found and (events[i] > 0.3 or c.narrative or c.outcomes):
                chosen["R"] = i
                break
    star = {k: v is not None for k, v in chosen.items()}
    sentences = {
        k: (None if v is None else text[spans[v][0] : spans[v][1]]) for k, v in chosen.items()
    }
    return star, sentences
