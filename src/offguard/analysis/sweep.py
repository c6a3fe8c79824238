"""The sweep: in an answer already judged generic, every remaining clause that tells nothing
particular (no time, number or name; no past-tense action, unless it is a gradual arc or a
collective mood) is marked with the kind its grammar shows: hypothetical ("I'd..."),
self-praise ("I'm..."), habitual ("I keep the team motivated"), platitude ("you roll with
it", "a good chef adapts"), vague-we, vague-outcome ("everyone got behind it"). A person then
sees the whole generic stretch, not just its keywords. Fillers and hedges inside a clause
stay as they are; the clause is marked around them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from offguard.analysis import lexicon
from offguard.analysis.clauses import clauses
from offguard.analysis.flags import GENERIC_KINDS
from offguard.analysis.genericity import ARC
from offguard.analysis.specifics import SentenceCues

_B = r"(?<![\w'])"
_E = r"(?![\w'])"

_PARTICULAR = re.compile(
    _B + r"(?:yesterday|last (?:week|month|year|night|time)|this morning|one (?:day|time|night)|"
    r"once|that day|the day|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|million|percent)" + _E
)
_MODAL = re.compile(_B + r"(?:i'd|i would|i'll|i will|i could|we'd|we would)" + _E)
_SELF = re.compile(_B + r"(?:i|i'm|i've|me|my)" + _E)
_SELF_IS = re.compile(_B + r"(?:i'm|i am|i'm not)" + _E)
_UNKNOWING = re.compile(
    _B + r"i (?:don't|do not|didn't)(?: (?:really|quite|even|honestly|actually))? "
    r"(?:know|remember|understand)" + _E
)
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
            generic = sum(min(e, c_hi) - max(s, c_lo) for s, e, k in inside if k in GENERIC_KINDS)
            if generic * 2 >= c_hi - c_lo or len(chunk.split()) < 3:
                continue
            for g_lo, g_hi in _gaps(norm, c_lo, c_hi, inside):
                kind = _kind(norm[g_lo:g_hi]) if len(norm[g_lo:g_hi].split()) >= 3 else None
                if kind is not None:
                    out.append((g_lo, g_hi, kind))
    return out


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
        if ARC.search(chunk) or _COLLECTIVE.search(chunk):
            return "vague-outcome"
        return None
    if not _PRESENT.search(chunk):
        return None
    if _UNKNOWING.search(chunk):
        return "hedge"  # "I don't really know what's normal": no routine, no praise
    if _SELF.search(chunk):
        # "I'm a safe pair of hands" describes the speaker; "I keep the team motivated" is
        # a routine
        return "self-praise" if _SELF_IS.search(chunk) else "habitual"
    if _YOU.search(chunk):
        return "platitude"
    if _WE.search(chunk):
        return "vague-we"
    return "platitude"


__all__ = ["GENERIC_KINDS", "sweep"]
