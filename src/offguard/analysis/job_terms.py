"""The job ad: its key terms (skills, tools, duties), and which of them an answer covers.

Terms are the ad's noun phrases as the shared spaCy parser (:mod:`offguard.analysis.nlp`) finds
them, one line or bullet at a time (a bullet that starts with a verb is read as a duty: "Train
commis chefs" -> "commis chefs"), trimmed of articles, pronouns, numbers and praise words
("strong", "excellent", "safe"), with generic heads cut off ("communication skills" ->
"communication"; "experience" alone is dropped). The employer's offer and legal boilerplate
("competitive salary", "equal opportunities employer", a "We offer..." line) are dropped whole,
as are the ad's title line, the employer's name and places. Multi-word terms stay whole
("incident response", "food safety standards"), hyphenated ones too ("on-call rotation").

Ranking: how often the term's words occur in the ad, plus a little for tools and named
qualifications (proper nouns, acronyms), for multi-word terms and for coming early.

Matching compares lemmas, so inflections match ("postmortems" ~ "postmortem"), and so do a
verb and its noun ("unloading" ~ "unload", "documentation" ~ "documented"); a multi-word term
counts when its nouns occur close together in any order ("response to the incident"), a
descriptive adjective or a weak head ("systems", "procedures") may be left out ("blameless
postmortems" ~ "postmortem", "fire alarm systems" ~ "fire alarm"), and a compound may be written
as one word ("post-mortem" ~ "postmortem").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that never make a term on their own, and are cut from a term's edges.
GENERIC = _words(
    """
    experience knowledge understanding ability abilities skill skills background exposure
    familiarity proficiency competence expertise record qualification requirement
    responsibility duty role position job candidate applicant person people individual
    team teams member members company business organisation organization environment
    opportunity opportunities year years month months day days week weeks time level
    way ways thing things lot range variety kind type part area areas work working
    plus bonus ideal desire passion interest attitude manner approach etc share
    """
)
#: Praise and quality adjectives (and determiners) stripped from the front of a term.
PRAISE = _words(
    """
    strong excellent good great proven solid demonstrable demonstrated relevant effective
    exceptional outstanding high highly able keen motivated passionate enthusiastic friendly
    dynamic fast busy various new similar previous prior related key essential desirable
    required preferred minimum ideal successful positive hard hands-on varied wide full
    safe compassionate accurate timely clear reliable efficient organised organized flexible
    professional confident calm caring
    some any all other own our your their this that these those such
    """
)
#: Lemmas that mark a phrase as the employer's offer or boilerplate: the phrase is dropped.
BOILERPLATE = _words(
    """
    salary pay wage wages pension holiday holidays leave bonus benefit benefits perk perks
    tip tips meal meals discount allowance parking gym insurance vacation visa sponsorship
    relocation employer equal diversity inclusion inclusive application applications cv
    interview interviews contract hours hour shift shifts package remuneration overtime
    """
)
#: Heads a matching answer may leave out ("fire alarm systems" ~ "fire alarm").
WEAK_HEADS = _words(
    "system systems procedure procedures standard standards record records report reports "
    "process processes task tasks activity activities practice practices"
)
_OFFER_LINE = re.compile(r"^(?:we offer|what we offer|benefits|perks|package|in return)\b", re.I)
_DROP_POS = frozenset({"DET", "PRON", "PUNCT", "SPACE", "CCONJ", "ADP", "PART", "SYM"})
# Places, amounts and times; not PERSON or ORG: the small model tags tools ("Grafana") so.
_DROP_ENTS = frozenset({"GPE", "LOC", "TIME", "MONEY", "PERCENT", "QUANTITY"})
_BULLET = re.compile(r"^\s*(?:[-*•·–—]+|\d+[.)])\s*")
_WINDOW = 6  # tokens within which a multi-word term's words may appear in any order


@dataclass(frozen=True)
class Term:
    """A key term of a job ad: how to show it, the lemmas an answer must use, its weight."""

    text: str
    lemmas: tuple[str, ...]
    weight: float
    required: tuple[str, ...] = ()
    """The lemmas a matching answer must contain (empty: all of ``lemmas``)."""

    def to_dict(self) -> dict[str, Any]:
        return {"term": self.text, "weight": round(self.weight, 2)}


@dataclass(frozen=True)
class JobTerms:
    """Which of a job ad's key terms an answer used; both lists most important first."""

    covered: tuple[str, ...]
    missing: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"covered": list(self.covered), "missing": list(self.missing)}

    def top_missing(self, n: int = 3) -> tuple[str, ...]:
        return self.missing[:n]


def extract_terms(job_text: str, limit: int = 20) -> list[Term]:
    """The ad's ``limit`` most important terms, most important first."""
    lines = _lines(job_text)
    if not lines:
        return []
    docs = _parse(lines)
    title_names: set[str] = set()
    if _is_title(docs[0]):
        title_names = _title_names(docs[0].text)
        docs = docs[1:]
    found: dict[tuple[str, ...], tuple[str, int, bool, tuple[str, ...]]] = {}
    all_lemmas: list[str] = []
    for doc in docs:
        if _is_offer(doc):
            continue
        all_lemmas.extend(_lemma(t) for t in doc if not t.is_punct and not t.is_space)
        for tokens in _candidates(doc, title_names):
            key = tuple(_lemma(t) for t in tokens if not t.is_punct)
            if key in found:
                continue
            named = any(_is_name(t) for t in tokens)
            found[key] = (_display(tokens), len(found), named, _required(tokens))
    counts = {key: max(1, _count(key, all_lemmas)) for key in found}
    terms: list[Term] = []
    for key, (text, order, named, required) in found.items():
        if _only_inside(key, counts):
            continue
        weight = counts[key] + 0.5 * (len(key) > 1) + 0.5 * named + 1.0 / (1 + order)
        terms.append(Term(text=text, lemmas=key, weight=weight, required=required))
    terms.sort(key=lambda t: -t.weight)
    return terms[: max(0, limit)]


def match_terms(terms: Sequence[Term], answer: str) -> JobTerms:
    """Split ``terms`` into those the answer covers and those it misses (order kept)."""
    from offguard.analysis.nlp import get_nlp

    doc = get_nlp()(answer)
    forms = [{_lemma(t), t.lower_} for t in doc if not t.is_punct and not t.is_space]
    covered: list[str] = []
    missing: list[str] = []
    for term in terms:
        hit = _found(term.lemmas, forms) or (bool(term.required) and _found(term.required, forms))
        (covered if hit else missing).append(term.text)
    return JobTerms(tuple(covered), tuple(missing))


def job_terms(job_text: str, answer: str, limit: int = 20) -> JobTerms:
    """The ad's key terms split into covered and missing by ``answer``."""
    return match_terms(extract_terms(job_text, limit), answer)


# -- extraction -------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    """Non-empty lines with bullets removed; headings such as "Requirements:" split off."""
    out: list[str] = []
    for raw in text.replace("\r", "\n").split("\n"):
        line = _BULLET.sub("", raw).strip()
        if not line:
            continue
        head, colon, rest = line.partition(":")
        if colon and len(head.split()) <= 3 and rest.strip():
            line = rest.strip()
        elif colon and not rest.strip():
            continue  # a heading on its own line
        out.append(line)
    return out


def _parse(lines: list[str]) -> list[Doc]:
    """Parse each line; a bullet that starts with a verb ("Train commis chefs") is parsed as
    "You will train commis chefs", so its verb is not read as a noun."""
    from offguard.analysis.nlp import get_nlp

    nlp = get_nlp()
    docs = list(nlp.pipe(lines))
    for i, doc in enumerate(docs):
        first = doc[0]
        if (i == 0 and _is_title(doc)) or not first.is_title:
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in doc[:3]):
            continue
        alt = nlp("You will " + first.lower_ + doc.text[len(first.text) :])
        if alt[2].pos_ == "VERB":
            docs[i] = alt
    return docs


def _is_title(doc: Doc) -> bool:
    """A short first line with no full stop: a title ("Sous Chef - The Old Bell, Harrogate")."""
    text = doc.text.strip()
    words = [t for t in doc if not t.is_punct]
    if len(words) > 12 or text.endswith((".", "!", "?")):
        return False
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in doc)
    return not has_verb or bool(re.search(r"\s[-–—|@]\s|,|\(", text))


def _title_names(text: str) -> set[str]:
    """Capitalised words of the title after its dash or comma: the employer and the place."""
    parts = re.split(r"\s[-–—|@]\s|,|\bat\b", text, maxsplit=1)
    rest = parts[1] if len(parts) > 1 else ""
    return {w.lower() for w in re.findall(r"[A-Z][\w'&]+", rest)}


def _is_offer(doc: Doc) -> bool:
    """A line about what the employer offers ("We offer...", or two or more perks)."""
    hits = sum(1 for t in doc if _lemma(t) in BOILERPLATE or t.lower_ in BOILERPLATE)
    return hits >= 2 or (hits >= 1 and bool(_OFFER_LINE.match(doc.text.strip())))


def _is_name(token: Token) -> bool:
    capitals = sum(c.isupper() for c in token.text)
    return token.pos_ == "PROPN" or capitals >= 2


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _candidates(doc: Doc, title_names: set[str]) -> Iterable[list[Token]]:
    for chunk in doc.noun_chunks:
        if any(_joins(t) for t in chunk):
            continue  # a hyphenated compound: _hyphenated reads it whole
        tokens = _trim(chunk, title_names)
        if tokens:
            yield tokens
    yield from _hyphenated(doc)


def _joins(token: Token) -> bool:
    """A hyphen inside a word ("on-call"; not "28-bed")."""
    doc = token.doc
    return (
        token.text == "-"
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].is_alpha
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
    )


def _hyphenated(doc: Doc) -> Iterable[list[Token]]:
    """Hyphenated compounds the parser splits ("on-call rotation", "post-mortems"): the
    compound and the nouns after it."""
    for i in range(1, len(doc) - 1):
        left, right = doc[i - 1], doc[i + 1]
        if not _joins(doc[i]) or not right.is_alpha:
            continue
        end = i + 2
        while end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
            end += 1
        while end > i + 2 and (doc[end - 1].lower_ in GENERIC or _lemma(doc[end - 1]) in GENERIC):
            end -= 1  # "hands-on role" -> "hands-on"
        if end == i + 2 and right.pos_ not in ("NOUN", "PROPN", "VERB"):
            continue  # "hands-on", "full-time" on their own are no term
        span = doc[i - 1 : end]
        if any(_lemma(t) in BOILERPLATE or t.lower_ in BOILERPLATE for t in span):
            continue
        if left.lower_ in PRAISE and end == i + 2:
            continue
        yield list(span)


def _trim(chunk: Span, title_names: set[str]) -> list[Token] | None:
    if any(_lemma(t) in BOILERPLATE or t.lower_ in BOILERPLATE for t in chunk):
        return None
    named = any(_is_name(t) for t in chunk)
    tokens = [
        t
        for t in chunk
        if t.pos_ not in _DROP_POS
        and t.ent_type_ not in _DROP_ENTS
        and t.lower_ not in title_names
        and (named or not t.like_num)
    ]
    while tokens and (tokens[0].lower_ in PRAISE or tokens[0].lower_ in GENERIC):
        tokens = tokens[1:]
    # of coordinated adjectives ("domestic and commercial electrical") keep the last one
    while len(tokens) > 2 and tokens[0].pos_ == "ADJ" and tokens[1].pos_ == "ADJ":
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in GENERIC or _lemma(tokens[-1]) in GENERIC):
        tokens = tokens[:-1]
    if not tokens or all(t.lower_ in GENERIC or t.lower_ in PRAISE for t in tokens):
        return None
    if len(tokens) == 1 and (len(tokens[0]) < 3 or tokens[0].is_stop or tokens[0].pos_ == "ADJ"):
        return None
    if all(t.like_num for t in tokens):
        return None
    return tokens


def _display(tokens: list[Token]) -> str:
    """The term as the ad wrote it (names kept, other words lower case)."""
    doc = tokens[0].doc
    span = doc[tokens[0].i : tokens[-1].i + 1]
    return "".join((t.text if _is_name(t) else t.lower_) + t.whitespace_ for t in span).strip()


def _required(tokens: list[Token]) -> tuple[str, ...]:
    """What an answer must say for a multi-word term: its nouns (an adjective may go when two
    nouns remain: "safe patient care" ~ "patient care"), without a weak head."""
    if len(tokens) < 2:
        return ()
    core = [t for t in tokens if t.pos_ in ("NOUN", "PROPN") or _is_name(t)]
    if len(core) < 2:
        core = list(tokens)
    if len(core) > 1 and core[-1].lower_ in WEAK_HEADS:
        core = core[:-1]
    lemmas = tuple(_lemma(t) for t in core)
    return lemmas if len(lemmas) < len(tokens) else ()


def _count(key: tuple[str, ...], lemmas: list[str]) -> int:
    n = len(key)
    return sum(1 for i in range(len(lemmas) - n + 1) if tuple(lemmas[i : i + n]) == key)


def _only_inside(key: tuple[str, ...], counts: dict[tuple[str, ...], int]) -> bool:
    """A one-word term that occurs only inside longer terms ("response" in "incident
    response") is left to them."""
    if len(key) != 1:
        return False
    inside = sum(n for other, n in counts.items() if len(other) > 1 and key[0] in other)
    return inside > 0 and counts[key] <= inside


# -- matching ---------------------------------------------------------------------------------


def _found(key: tuple[str, ...], forms: list[set[str]]) -> bool:
    """Is the term in the answer (each token given as its lemma and its lower-case form)?"""
    if not key or not forms:
        return False
    joined = _squash("".join(key))
    for i, here in enumerate(forms):
        if any(_squash(f) == joined for f in here):
            return True
        if i + 1 < len(forms) and any(_squash(a + b) == joined for a in here for b in forms[i + 1]):
            return True
    if len(key) == 1:
        return bool(_variants(key[0]) & set().union(*forms))
    for i, here in enumerate(forms):
        window = set().union(*forms[i : i + _WINDOW + len(key)])
        if any(_variants(k) & here for k in key) and all(_variants(k) & window for k in key):
            return True
    return False


def _variants(lemma: str) -> set[str]:
    """A lemma and, for an -ing noun, its verb ("unloading" ~ "unload", "planning" ~ "plan")."""
    out = {lemma}
    if lemma.endswith("ation") and len(lemma) > 8:  # "documentation" ~ "document"
        stem = lemma[:-5]
        out |= {stem, stem + "e", stem + "ate"}
    if lemma.endswith("ing") and len(lemma) > 5:
        stem = lemma[:-3]
        out |= {stem, stem + "e"}
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.add(stem[:-1])
    return out


def _squash(text: str) -> str:
    return text.replace("-", "").replace(" ", "")
