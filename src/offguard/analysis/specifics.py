"""What makes an answer specific, as spans: times, events, names, places, the speaker's own
actions, numbers and outcomes; plus the narrative cues the scorer counts per sentence.

Specific kinds: ``time`` (a particular time), ``event`` (a cue that one event is told),
``named-entity`` (a person, firm, place or product by name), ``place`` (a concrete location),
``own-action`` (the speaker did something: "I rang", "I drew"), ``number``, ``outcome``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from offguard.analysis import lexicon
from offguard.analysis.text import Token, wordset

_NUMBER_WORDS = wordset(
    """
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion half percent dozen
    """
)
_CONCRETE_EXCEPTIONS = wordset(
    """
    station stations ambulance ceiling building wedding pudding railing evening morning shed
    bed sled apartment equipment basement pavement instruments document documents sling
    string ring wing king ceiling fly belly jelly trolley bully rally kitchen garden olive
    knife
    """
)
_SUBJECTS = wordset(
    """
    i he she they we it you
    """
)
_PAST_SUBJECTS = _SUBJECTS | wordset(
    "that this there who which everyone everybody nobody someone somebody people"
)
_DETERMINERS = wordset("the my our his her their your this that its every each one whose")
_NOT_SUBJECT = wordset(
    """
    have has had i've we've you've they've he's she's it's 'd i'm am is are be been being
    get got feel felt gets seem seems was were the a an and to of for with by very so too
    really just more most less being
    """
)
_AUX = wordset(
    """
    am is are do does can could will would should must may might have has
    """
)
_ADVERBS = wordset(
    """
    just then also actually only even still immediately quickly finally first eventually
    really never already literally basically straight instantly
    """
)
_PLACE = re.compile(
    r"(?<![\w'])(?:at|on|in|behind|by|to|from|into|outside|under|near|over) (?:the|our|my|his|her|"
    r"their|a) ([a-z][a-z-]+(?: [a-z][a-z-]+)?)(?![\w'])"
)
_SPEECH = re.compile(r"(?<![\w'])(?:(?:said|says|asked|told (?:him|her|them|me)),? |goes, )")


@dataclass
class SentenceCues:
    """Counts of specific cues in one sentence."""

    narrative: int = 0
    own_actions: int = 0
    present_actions: int = 0
    times: int = 0
    events: int = 0
    names: int = 0
    places: int = 0
    numbers: int = 0
    outcomes: int = 0
    concrete: int = 0
    speech: int = 0


def is_past(word: str, past: frozenset[str]) -> bool:
    if word in past:
        return True
    return len(word) > 3 and word.endswith("ed") and word not in ("need", "feed", "seed", "speed")


_ABSTRACT_SUFFIXES = (
    "tion",
    "tions",
    "sion",
    "sions",
    "ment",
    "ments",
    "ness",
    "ity",
    "ities",
    "ance",
    "ances",
    "ence",
    "ences",
    "ship",
    "ships",
    "ism",
    "acy",
    "ful",
    "ous",
    "ive",
    "able",
    "ible",
    "ally",
    "ly",
    "ing",
    "ed",
    "ical",
    "ial",
    "ency",
    "est",
)


def concrete_word(word: str, general: frozenset[str], past: frozenset[str] = frozenset()) -> bool:
    """A content word that is not everyday or abstract vocabulary (nor a verb form).

    Abstract nouns and adjectives are recognised by their endings (-tion, -ment, -ness, -ity,
    -ance, -ful, -ous, -ive, -able ...), as in research on word concreteness; past forms and
    -ing forms are verbs, counted by the narrative cues instead.
    """
    if len(word) < 3 or not word.isalpha() or word in general or word in past:
        return False
    if word not in _CONCRETE_EXCEPTIONS and any(
        word.endswith(suf) and len(word) - len(suf) >= 3 for suf in _ABSTRACT_SUFFIXES
    ):
        return False
    for suffix in ("s", "es", "ed", "d", "ing", "ly", "ies", "er"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if stem in general or stem + "e" in general or stem + "y" in general:
                return False
    return True


def scan_sentence(
    text: str,
    norm: str,
    toks: list[Token],
    lo: int,
    hi: int,
    present_frame: bool,
    out: list[tuple[int, int, str]],
) -> SentenceCues:
    """Count the specific cues of sentence [lo, hi) and append their spans to ``out``."""
    cues = SentenceCues()
    past = lexicon.words("irregular_past.txt")
    stative = lexicon.words("stative_verbs.txt")
    general = lexicon.words("general_words.txt")
    common = lexicon.words("common_terms.txt")
    first = bisect.bisect_left(toks, lo, key=lambda t: t.start)
    last = bisect.bisect_left(toks, hi, key=lambda t: t.start)
    sent = toks[first:last]
    for i, tok in enumerate(sent):
        if i + 1 >= len(sent) or tok.low in _NOT_SUBJECT or "-" in sent[i + 1].low:
            continue
        j = i + 1
        while j < len(sent) and sent[j].low in _ADVERBS:
            j += 1
        if j >= len(sent):
            continue
        verb = sent[j].low
        if verb in ("didn't", "wasn't", "weren't", "hadn't", "couldn't") or is_past(verb, past):
            if (
                tok.low not in _PAST_SUBJECTS
                and not _noun_phrase_head(sent, i)
                and not (
                    tok.text[:1].isupper()
                    and "'" not in tok.low
                    and (i > 0 or tok.low not in _NOT_SUBJECT)
                )
            ):
                continue  # "the rating was", "my lead said", "Kofi rang"; not "never cut"
            cues.narrative += 1
            if tok.low == "i" and verb not in ("was", "had", "felt", "thought", "knew"):
                cues.own_actions += 1
                out.append((tok.start, sent[j].end, "own-action"))
        elif (
            present_frame
            and tok.low in _SUBJECTS
            and verb not in stative
            and verb.isalpha()
            and verb not in _AUX
        ):
            cues.present_actions += 1
    for kind, name in (("time", "time_anchors.txt"), ("event", "event_cues.txt")):
        for m in lexicon.patterns(name).finditer(norm, lo, hi):
            out.append((m.start(), m.end(), kind))
            if kind == "time":
                cues.times += 1
            else:
                cues.events += 1
    for m in lexicon.patterns("outcome_words.txt").finditer(norm, lo, hi):
        cues.outcomes += 1
        out.append((m.start(), m.end(), "outcome"))
    cues.names = _names(text, sent, common, out)
    for m in _PLACE.finditer(norm, lo, hi):
        noun = m.group(1).split()[-1]
        if concrete_word(noun, general):
            cues.places += 1
            out.append((m.start(), m.end(), "place"))
    for tok in sent:
        if tok.low[0].isdigit() or tok.low.split("-")[0] in _NUMBER_WORDS:
            cues.numbers += 1
            out.append((tok.start, tok.end, "number"))
        elif concrete_word(tok.low, general, past) and tok.text[0].islower():
            cues.concrete += 1
    cues.speech = len(_SPEECH.findall(norm, lo, hi))
    return cues


def _noun_phrase_head(sent: list[Token], i: int) -> bool:
    """Is token i the end of a noun phrase opened by a determiner ("the real app effect")?"""
    for k in range(i - 1, max(-1, i - 4), -1):
        low = sent[k].low
        if low in _DETERMINERS:
            return True
        if low in _NOT_SUBJECT or not low.removesuffix("'s").replace("-", "").isalpha():
            return False  # "our team's stand-ups were" is still a noun phrase
    return False


def _names(
    text: str, sent: list[Token], common: frozenset[str], out: list[tuple[int, int, str]]
) -> int:
    count = 0
    i = 1
    while i < len(sent):
        tok = sent[i]
        if (
            tok.text[:1].isupper()
            and tok.text not in common
            and not tok.low.startswith("i'")
            and tok.low != "i"
        ):
            j = i
            while (
                j + 1 < len(sent)
                and sent[j + 1].text[:1].isupper()
                and sent[j + 1].text not in common
            ):
                j += 1
            before = text[sent[i - 1].end : tok.start]
            if "." not in before and "?" not in before and "!" not in before:
                out.append((tok.start, sent[j].end, "named-entity"))
                count += 1
            i = j + 1
        else:
            i += 1
    return count
