"""The project's word lists (``analysis/lexicons/*.txt``), loaded once and compiled.

Pattern files hold one regular expression per line (case-insensitive, matched at word
boundaries on normalised text); word files hold whitespace-separated words. Every entry
sits under a provenance line: ``#: source <list>`` (a public list, named by its path under
the project's shared ``lexicons/`` folder, with its licence) or ``#: class <description>``
(the class of wording the entry stands for). See ``lexicons/README.md`` for the syntax, the
macros and the credits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

MACROS = {
    "{ADV}": r"(?:(?:really|very|so|just|genuinely|truly|quite|pretty|super|extremely|"
    r"incredibly|actually|honestly|definitely|a bit|a little|too|always|real|true|total|also) )*",
    "{IM}": r"(?:i'm|i am)",
    "{IVE}": r"(?:i've|i have)",
    "{ID}": r"(?:i'd|i would)",
}


#: A match must end at a word boundary; "'s" may follow ("the extra mile's"), "'m"/"'d" may not.
_END = r"(?!\w)(?!'(?:m|d|ve|ll|re|t)\b)"


def _read(name: str) -> str:
    return (
        resources.files("offguard.analysis").joinpath("lexicons").joinpath(name).read_text("utf-8")
    )


def _lines(name: str) -> list[str]:
    out = []
    for raw in _read(name).splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def expand(pattern: str) -> str:
    for key, value in MACROS.items():
        pattern = pattern.replace(key, value)
    return pattern.lower()


@cache
def patterns(name: str) -> re.Pattern[str]:
    """One compiled alternation of every pattern in ``name`` (e.g. ``"cliches.txt"``)."""
    parts = [f"(?:{expand(p)})" for p in _lines(name)]
    body = "|".join(parts) if parts else r"(?!x)x"
    return re.compile(rf"(?<![\w'])(?:{body}){_END}")


#: Files of whitespace-separated words (the others hold one pattern per line).
WORD_FILES = frozenset(
    {"general_words.txt", "common_terms.txt", "irregular_past.txt", "stative_verbs.txt"}
)


@dataclass(frozen=True)
class Entry:
    """One lexicon line with where it comes from."""

    file: str
    lineno: int
    text: str
    #: ``"source"`` (a public list) or ``"class"`` (a class of wording), "" when missing
    kind: str
    #: the public list's path (for ``source``) or the class described (for ``class``)
    provenance: str


def files() -> list[str]:
    """The lexicon files, by name."""
    folder = resources.files("offguard.analysis").joinpath("lexicons")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))


def entries(name: str) -> list[Entry]:
    """Every entry of ``name`` with its provenance line (the nearest ``#:`` line above it)."""
    out: list[Entry] = []
    kind, provenance = "", ""
    for number, raw in enumerate(_read(name).splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#:"):
            head, _, rest = line[2:].strip().partition(" ")
            kind, provenance = head, rest.strip()
            if kind == "source":
                provenance = provenance.split()[0] if provenance else ""
            continue
        if line and not line.startswith("#"):
            out.append(Entry(name, number, line, kind, provenance))
    return out


def compile_entry(entry: Entry) -> re.Pattern[str]:
    """The entry as it is matched against normalised text."""
    if entry.file in WORD_FILES:
        body = "|".join(re.escape(w) for w in entry.text.split())
        flags = 0 if entry.file == "common_terms.txt" else re.IGNORECASE
        return re.compile(rf"(?<![\w'])(?:{body})(?!\w)", flags)
    return re.compile(rf"(?<![\w'])(?:{expand(entry.text)}){_END}")


@cache
def words(name: str) -> frozenset[str]:
    """The words of a plain word file, lower-cased (except in ``common_terms.txt``)."""
    found: set[str] = set()
    keep_case = name == "common_terms.txt"
    for line in _lines(name):
        for word in line.split():
            found.add(word if keep_case else word.lower())
    return frozenset(found)
