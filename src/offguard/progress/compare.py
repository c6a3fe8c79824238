"""Two takes side by side: a word-level diff, specific details gained or lost, metric deltas."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from offguard.errors import OffguardError
from offguard.store import Store, TakeSummary

#: Metrics compared, in display order (B minus A).
DELTA_METRICS: tuple[str, ...] = (
    "specificity",
    "fillers_per_min",
    "fillers_per_100_words",
    "wpm",
    "duration",
)

_PUNCT = re.compile(r"^[^\w']+|[^\w']+$")


def normalise(word: str) -> str:
    """``"Really,"`` -> ``"really"``: case and surrounding punctuation do not count as changes."""
    return _PUNCT.sub("", word.casefold().replace("\u2019", "'"))


def tokens(text: str | None) -> list[str]:
    """The words of a transcript as spoken (punctuation attached), skipping bare punctuation."""
    return [w for w in (text or "").split() if normalise(w)]


@dataclass(frozen=True)
class DiffOp:
    """A run of the diff: ``equal``, ``insert`` (only in B), ``delete`` (only in A), ``replace``."""

    op: str
    a: tuple[str, ...]
    b: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "a": list(self.a), "b": list(self.b)}


def word_diff(text_a: str | None, text_b: str | None) -> list[DiffOp]:
    """Diff two transcripts over normalised words; the ops carry the words as spoken."""
    words_a, words_b = tokens(text_a), tokens(text_b)
    matcher = difflib.SequenceMatcher(
        None, [normalise(w) for w in words_a], [normalise(w) for w in words_b], autojunk=False
    )
    return [
        DiffOp(tag, tuple(words_a[i1:i2]), tuple(words_b[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def _specifics(data: dict[str, Any] | None) -> list[str]:
    items = (data or {}).get("specifics") or []
    found: list[str] = []
    for item in items if isinstance(items, list) else []:
        text = item.get("text") if isinstance(item, dict) else item
        if isinstance(text, str) and text.strip():
            found.append(" ".join(text.split()))
    return found


def _key(text: str) -> str:
    return " ".join(normalise(w) for w in text.split() if normalise(w))


def _within(small: str, big: str) -> bool:
    """Whether the words of ``small`` appear, in a row, among those of ``big``."""
    return f" {small} " in f" {big} "


def _near(a: str, b: str) -> bool:
    """Two keys naming the same detail: equal, or one inside the other ("March", "last March")."""
    return _within(a, b) or _within(b, a)


def distinct(items: list[str]) -> list[str]:
    """``items`` without near-duplicates: of "March" and "last March" only the longer is kept,
    of "Leeds Ranch" and "Leeds Ranch," the first."""
    keys = [_key(s) for s in items]
    kept: list[str] = []
    for i, (item, key) in enumerate(zip(items, keys, strict=True)):
        if not key or key in keys[:i]:
            continue
        if any(other != key and _within(key, other) for other in keys):
            continue
        kept.append(item)
    return kept


def _new(items: list[str], against: list[str]) -> list[str]:
    """The details of ``items`` that name nothing in ``against``."""
    known = [_key(s) for s in against]
    return [s for s in distinct(items) if not any(_near(_key(s), k) for k in known if k)]


def _minus(b: float | None, a: float | None) -> float | None:
    return None if a is None or b is None else round(b - a, 2)


@dataclass(frozen=True)
class Comparison:
    """Take B against take A (typically an older attempt)."""

    a: TakeSummary
    b: TakeSummary
    diff: list[DiffOp]
    delta: dict[str, float | None]
    specifics_gained: list[str] = field(default_factory=list)
    specifics_lost: list[str] = field(default_factory=list)

    @property
    def words_added(self) -> int:
        return sum(len(op.b) for op in self.diff if op.op in ("insert", "replace"))

    @property
    def words_dropped(self) -> int:
        return sum(len(op.a) for op in self.diff if op.op in ("delete", "replace"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "same_question": self.a.question_id == self.b.question_id,
            "diff": [op.to_dict() for op in self.diff],
            "delta": dict(self.delta),
            "specifics_gained": list(self.specifics_gained),
            "specifics_lost": list(self.specifics_lost),
            "words_added": self.words_added,
            "words_dropped": self.words_dropped,
        }


def compare(store: Store, take_a: int, take_b: int) -> Comparison:
    """Compare two takes (deleted ones too); raises :class:`OffguardError` for unknown ids.
    An analysis made by an older coach is made again first (and stored), so the verdicts and
    specifics compared are the current coach's."""
    from offguard.reanalysis import current_analysis

    analysis_a, analysis_b = current_analysis(store, take_a), current_analysis(store, take_b)
    found = {
        s.take_id: s for s in store.take_summaries(take_ids=[take_a, take_b], include_deleted=True)
    }
    missing = [str(t) for t in (take_a, take_b) if t not in found]
    if missing:
        raise OffguardError(
            f"No take{'s' if len(missing) > 1 else ''} {', '.join(missing)} in {store.data_dir}.",
            "list the takes and their ids with 'offguard takes'.",
        )
    a, b = found[take_a], found[take_b]
    delta = {m: _minus(getattr(b, m), getattr(a, m)) for m in DELTA_METRICS}
    spec_a = _specifics(analysis_a.data if analysis_a else None)
    spec_b = _specifics(analysis_b.data if analysis_b else None)
    gained, lost = _new(spec_b, spec_a), _new(spec_a, spec_b)
    return Comparison(a, b, word_diff(a.transcript, b.transcript), delta, gained, lost)
