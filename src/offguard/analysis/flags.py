"""Phrases that make an answer generic, each with a kind and a reason a person can act on.

Flag kinds:

- ``cliche``: a stock phrase anyone could say ("go above and beyond", "team player").
- ``buzzword``: CV and corporate jargon ("results-driven", "synergy", "stakeholder buy-in").
- ``habitual``: a habit or routine instead of one event ("I always...", "I listen, I apologise").
- ``hypothetical``: what the speaker would do, not what they did ("I'd escalate it").
- ``self-praise``: self-description with no evidence ("I'm a hard worker", "I'm very analytical").
- ``platitude``: a general truth with nobody in it ("Communication is key").
- ``vague-action``: an action with no object you could picture ("I dealt with it").
- ``vague-outcome``: a result with nothing checkable ("they were really impressed").
- ``vague-quantity``: an amount with no number ("loads of", "several", "over the years").
- ``vague-we``: "we did it" with no sign of what the speaker did.
- ``unsupported-number``: years, counts and scale that belong to no event ("10 years",
  "millions of users").
- ``hedge``: a softener that weakens the claim ("sort of", "I guess", "maybe").
- ``filler``: spoken filler ("um", "you know"). Scored as neutral: nerves are not vagueness.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from offguard.analysis import lexicon
from offguard.analysis.clauses import clauses, containing, pieces, widen
from offguard.analysis.text import wordset

REASONS: dict[str, str] = {
    "cliche": "A stock phrase anyone could say: show it with one real moment instead.",
    "buzzword": "Jargon that tells the listener nothing: say what you actually did.",
    "habitual": "A habit, not an event: tell one time it happened.",
    "hypothetical": "What you would do, not what you did: tell a time you did it.",
    "self-praise": "A claim about yourself with no evidence: let a story show it.",
    "platitude": "A general truth with nobody in it: bring it back to your own example.",
    "vague-action": "Too vague to picture: say exactly what happened and what you did.",
    "vague-outcome": "A result with nothing to check: say what changed, with a number or reaction.",
    "vague-quantity": "A vague amount: give the number, or talk about one case.",
    "vague-we": "'We' hides your part: say what you did yourself.",
    "unsupported-number": "Experience or scale with no event behind it: tell one moment of it.",
    "hedge": "A hedge softens your point: say it plainly.",
    "filler": "A filler word: a short pause works better.",
}

#: The kinds of flag that say a passage is generic (fillers and hedges are delivery notes, not
#: such claims).
GENERIC_KINDS = frozenset(REASONS) - {"hedge", "filler"}

#: How much each kind counts against specificity (per occurrence).
WEIGHTS: dict[str, float] = {
    "cliche": 1.0,
    "buzzword": 0.6,
    "habitual": 1.1,
    "hypothetical": 1.1,
    "self-praise": 1.4,
    "platitude": 1.2,
    "vague-action": 1.1,
    "vague-outcome": 1.1,
    "vague-quantity": 0.5,
    "vague-we": 0.6,
    "unsupported-number": 1.0,
    "hedge": 0.15,
    "filler": 0.0,
}

#: Which kind wins when two flags overlap (earlier wins).
PRIORITY = (
    "self-praise",
    "hypothetical",
    "habitual",
    "unsupported-number",
    "vague-outcome",
    "vague-action",
    "platitude",
    "cliche",
    "buzzword",
    "vague-we",
    "vague-quantity",
    "hedge",
    "filler",
)

_FILES = {
    "cliche": "cliches.txt",
    "buzzword": "buzzwords.txt",
    "habitual": "habitual.txt",
    "hypothetical": "hypothetical.txt",
    "self-praise": "self_praise.txt",
    "platitude": "platitudes.txt",
    "vague-action": "vague_action.txt",
    "vague-outcome": "vague_outcome.txt",
    "vague-quantity": "vague_quantity.txt",
    "unsupported-number": "experience_claims.txt",
    "hedge": "hedges.txt",
    "filler": "fillers.txt",
}

#: Kinds whose flag covers the whole clause around the cue (a claim, not just a word).
CLAUSE_KINDS = frozenset({"habitual", "hypothetical", "self-praise", "vague-we"})
#: Kinds that cover their clause when it is short (at most SHORT_CLAUSE words).
SHORT_CLAUSE_KINDS = frozenset({"cliche", "vague-outcome", "vague-action"})
SHORT_CLAUSE = 10

_LIKE_FILLER = re.compile(r"(?<=[,] )like(?=[, ])|(?<![\w'])like,(?= )")


@dataclass(frozen=True)
class RawFlag:
    start: int
    end: int
    kind: str
    #: How far a claim kind widens: its "clause" (default) or only its "piece" (a trailing
    #: "every quarter" makes one verb phrase a habit, not the whole list).
    scope: str = "clause"


def raw_flags(text: str, norm: str, modal_at: frozenset[int]) -> list[RawFlag]:
    """Every generic cue of the phrase lists in the answer (possibly overlapping), before
    clause widening. ``modal_at`` holds the offsets of the words the parser tagged as modal
    verbs: a listed "I'd" that is no modal ("I'd taken the keys", past perfect) is dropped."""
    found: list[RawFlag] = []
    for kind, name in _FILES.items():
        for m in lexicon.patterns(name).finditer(norm):
            if m.end() == m.start():
                continue
            if kind == "hypothetical" and _not_modal(norm, m, modal_at):
                continue
            if kind == "hedge" and _hedge_exception(norm, m):
                continue
            if kind == "vague-outcome" and _FIGURED_OUT.match(norm, m.start()):
                continue  # "we worked out the new guy had grabbed the wrong jug": found out
            if kind == "habitual" and _ONE_EXAMPLE.search(norm, max(0, m.start() - 12), m.start()):
                continue  # "the one I always come back to": choosing an example, no habit
            scope = "piece" if kind == "habitual" and _ADVERBIAL.match(m.group(0)) else "clause"
            found.append(RawFlag(m.start(), m.end(), kind, scope))
    found.extend(RawFlag(m.start(), m.end(), "filler") for m in _LIKE_FILLER.finditer(norm))
    return found


_FIGURED_OUT = re.compile(
    r"(?:we|they) worked out (?:that |what |how |why |who |where |which |the |a |it was |he |she )"
)
_ONE_EXAMPLE = re.compile(r"(?:the one|the example|the story|the time) (?:that )?(?:i )?$")
_ADVERBIAL = re.compile(r"(?:(?:in|on|with|for|at|after) )?(?:every|each) ")


def _not_modal(norm: str, m: re.Match[str], modal_at: frozenset[int]) -> bool:
    """A listed "I'd"/"we'd"/"would" the parser reads as no modal verb (past perfect)."""
    if not m.group(0).startswith(("i'd", "we'd", "i would", "we would")):
        return False
    return not any(m.start() <= pos < m.end() for pos in modal_at)


def _hedge_exception(norm: str, m: re.Match[str]) -> bool:
    word = m.group(0)
    # "kind of"/"sort of" used as a noun phrase ("that kind of conversation") is not a hedge.
    if word in ("kind of", "sort of"):
        before = norm[max(0, m.start() - 8) : m.start()]
        return bool(re.search(r"(?:that|this|what|any|the|a|some|same) $", before))
    return False


def resolve(
    text: str, raws: list[RawFlag], sentences: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Widen claim kinds to their clause and drop overlaps by priority; sorted by start."""
    widened: list[tuple[int, int, str]] = []
    for raw in raws:
        start, end = raw.start, raw.end
        if raw.kind in CLAUSE_KINDS:
            lo, hi = _sentence_of(sentences, start, len(text))
            piece = containing(pieces(text, lo, hi), start) if raw.scope == "piece" else None
            if piece is not None and piece[0] <= start:
                start, end = min(piece[0], start), max(piece[1], end)
            else:
                start, end = widen(text, start, end, lo, hi)
        elif raw.kind in SHORT_CLAUSE_KINDS:
            # "Going the extra mile's just how I was brought up": a stock phrase carries its
            # short clause; in a long clause only the phrase is marked.
            lo, hi = _sentence_of(sentences, start, len(text))
            c_lo, c_hi = widen(text, start, end, lo, hi)
            if len(text[c_lo:c_hi].split()) <= SHORT_CLAUSE:
                start, end = c_lo, c_hi
        widened.append((start, end, raw.kind))
    rank = {kind: i for i, kind in enumerate(PRIORITY)}
    widened.sort(key=lambda f: (rank[f[2]], -(f[1] - f[0]), f[0]))
    kept: list[tuple[int, int, str]] = []  # non-overlapping, sorted by start (and end)
    for flag in widened:
        i = bisect.bisect_left(kept, (flag[0],))
        if i < len(kept) and kept[i][0] < flag[1]:
            continue
        if i > 0 and kept[i - 1][1] > flag[0]:
            continue
        kept.insert(i, flag)
    return kept


def _sentence_of(sentences: list[tuple[int, int]], pos: int, length: int) -> tuple[int, int]:
    i = bisect.bisect_right(sentences, (pos, length + 1)) - 1
    if i >= 0 and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return 0, length


_LEAD = re.compile(
    r"(?:(?:so|and|but|honestly|i think|i believe|i feel like|because|ultimately|really|well|"
    r"at the end of the day|for me|in my opinion|i mean|you know|like|um|uh|er|erm|right|"
    r"most of all|i(?:'ve)? (?:learned|learnt|found|realised|realized|know) that|i think that|"
    r"i believe that),? )*"
)
_GENERIC_CLAIM = re.compile(
    r"((?:[a-z][a-z-]*,? ){1,3}?)(?:really |just |always |usually |often |all |truly |only )?"
    r"(?:is|are|makes?|speaks?|add|adds|comes?|starts?|matters?|means?|wins?|pays? off|"
    r"appreciates?|needs?|wants?|deserves?|helps?|goes|keeps?|builds?|leads?|drives?|has|"
    r"have|counts?|beats?|breeds?)(?![\w'])"
)
_NOT_GENERIC_SUBJECT = wordset(
    """
    the a an my our your his her their its this that these those it i we you he she they
    there what which who whom one some here today now then so and but me him them us nobody
    no not if when because everyone everybody someone somebody anyone anybody something
    everything nothing i'm i've i'd it's that's there's he's she's we're they're you're
    let's where why how yes yeah okay ok oh um uh
    """
)


_PLURAL_CLAIM = re.compile(
    r"((?:[a-z][a-z-]*,? ){0,2}(?:[a-z][a-z-]*[^s]s|people|children|staff|folk) )"
    r"(?:(?:really|just|always|usually|often|"
    r"generally|normally|typically|all|never|tend to|do|don't|can|can't|will|won't|"
    r"really do) )*([a-z]+)(?![\w'])"
)
_NOT_VERB = wordset(
    """
    the a an to of and in on at for with from by as or but so that this who which when are is
    was were had have has been be my our their your his her its it they we you i me them us
    """
)


def _plural_claim(norm: str, start: int, hi: int) -> re.Match[str] | None:
    """'Kids respond to that', 'Nurses generally respect that': a bare plural subject and a
    present-tense verb, a claim about everyone of a kind."""
    m = _PLURAL_CLAIM.match(norm, start, hi)
    if not m:
        return None
    verb = m.group(2)
    if (
        verb in _NOT_VERB
        or verb.endswith(("ed", "ing", "ly"))
        or (verb.endswith("s") and not verb.endswith("ss"))
        or verb in lexicon.words("irregular_past.txt")
        or len(verb) < 3
    ):
        return None
    if m.group(1).split()[-1].endswith(("ous", "us", "is")):
        return None  # "Previous spark had told them": an adjective, not a plural subject
    return m


_ME = re.compile(r"(?<![\w'])(?:i|i'm|i've|i'd|my)(?![\w'])")


def platitudes(
    text: str, norm: str, sentences: list[tuple[int, int]], cues: Sequence[object]
) -> list[RawFlag]:
    """Sentences that open with a general truth: a bare generic subject in the present tense
    ("Patience is key", "Small changes add up to big results", "Customers appreciate...")."""
    out: list[RawFlag] = []
    for idx, (lo, hi) in enumerate(sentences):
        c = cues[idx]
        if getattr(c, "narrative", 0) or getattr(c, "times", 0) or getattr(c, "numbers", 0):
            continue
        lead = _LEAD.match(norm, lo, hi)
        start = lead.end() if lead else lo
        m = _GENERIC_CLAIM.match(norm, start, hi) or _plural_claim(norm, start, hi)
        if not m:
            continue
        subject = [w.strip(",") for w in m.group(1).split()]
        indefinite = subject[0] in ("a", "an") and len(subject) > 1
        rest = subject[1:] if indefinite else subject
        if indefinite and not re.match(r"(?:is|are|makes?|needs?) ", norm[m.end(1) : m.end(1) + 7]):
            continue  # "A motivated team is a productive team", not "a man comes in"
        if any(w in _NOT_GENERIC_SUBJECT for w in rest):
            continue
        if any(
            text[start + i].isupper()
            for i in range(1, len(m.group(1)))
            if text[start + i - 1] == " "
        ):
            continue  # a name in the subject: "Jess opens the till"
        stop = re.search(r"[,;:.!?]", norm[start:hi])
        end = start + stop.start() if stop else hi
        clause = containing(clauses(norm, lo, hi), start)
        if clause is not None and clause[0] <= start and _ME.search(norm, clause[1], end):
            end = clause[1]  # "People look to me | because I'm a born organiser"
        if end > start:
            out.append(RawFlag(start, end, "platitude"))
    return out
