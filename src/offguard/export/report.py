"""Gather a :class:`~offguard.export.model.Report` from the store and the question bank."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from offguard.errors import OffguardError
from offguard.export.model import (
    Flag,
    InterviewEntry,
    Metric,
    QuestionSection,
    Report,
    Series,
    TakeEntry,
)
from offguard.questions import Question
from offguard.store import DONE_STATUSES, Store, TakeRecord

STAR_PARTS: tuple[str, ...] = ("situation", "task", "action", "result")
_STAR_LETTERS = {"s": "situation", "t": "task", "a": "action", "r": "result"}

#: Delivery metrics shown per take: key in ``Analysis.to_dict()["delivery"]``, label, unit.
DELIVERY_METRICS: tuple[tuple[str, str, str], ...] = (
    ("wpm", "Words/min", ""),
    ("fillers_per_min", "Fillers/min", ""),
    ("fillers_per_100_words", "Fillers/100 words", ""),
    ("words", "Words", ""),
    ("longest_pause", "Longest pause", "s"),
    ("time_to_first_word", "First word after", "s"),
)

#: Trend metrics: key, label, unit.
TREND_METRICS: tuple[tuple[str, str, str], ...] = (
    ("specificity", "Specificity", ""),
    ("fillers_per_min", "Fillers per minute", ""),
    ("wpm", "Words per minute", ""),
    ("duration", "Answer length", "s"),
)

#: Where a target band open on one side is closed for drawing.
_OPEN_LOW, _OPEN_HIGH = {"specificity": 0.0}, {"specificity": 100.0}


class BankLike(Protocol):
    def get(self, question_id: str) -> Question | None: ...


def parse_since(text: str | None) -> str | None:
    """``2026-01-31`` (or a full ISO timestamp) -> an ISO UTC timestamp to compare against."""
    if not text:
        return None
    try:
        if len(text.strip()) == 10:
            moment = datetime.combine(date.fromisoformat(text.strip()), datetime.min.time())
            moment = moment.astimezone()  # local midnight
        else:
            moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise OffguardError(
            f"Cannot read the date '{text}'.", "give it as YYYY-MM-DD, e.g. --since 2026-01-31."
        ) from exc
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _text_of(item: Any) -> str:
    """A suggestion/specific as text: a string, or a dict's text-like field."""
    if isinstance(item, str):
        return item
    if isinstance(item, Mapping):
        for key in ("text", "message", "suggestion", "detail", "value"):
            if isinstance(item.get(key), str):
                return str(item[key])
    return str(item)


def _specifics(raw: Any) -> tuple[str, ...]:
    """The specific details' texts, in order, without repeats or pieces of a longer one."""
    items = [s for s in raw or () if s]
    spans = [
        (int(s["start"]), int(s["end"]))
        if isinstance(s, Mapping)
        and isinstance(s.get("start"), int)
        and isinstance(s.get("end"), int)
        else None
        for s in items
    ]
    kept: list[str] = []
    for index, item in enumerate(items):
        span = spans[index]
        inside = span is not None and any(
            other is not None and other != span and other[0] <= span[0] and span[1] <= other[1]
            for other in spans
        )
        text = " ".join(_text_of(item).split())
        if text and not inside and text.casefold() not in {k.casefold() for k in kept}:
            kept.append(text)
    return tuple(kept)


def _flags(data: Mapping[str, Any]) -> tuple[Flag, ...]:
    flags: list[Flag] = []
    for raw in data.get("flags") or ():
        if not isinstance(raw, Mapping):
            continue
        try:
            start, end = int(raw.get("start", -1)), int(raw.get("end", -1))
        except (TypeError, ValueError):
            start, end = -1, -1
        flags.append(
            Flag(
                start=start,
                end=end,
                text=str(raw.get("text", "")),
                kind=str(raw.get("kind", "flag")),
                reason=str(raw.get("reason", "")),
            )
        )
    return tuple(flags)


def _star(data: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    raw = data.get("star")
    if not isinstance(raw, Mapping):
        return ()
    sentences = data.get("star_sentences")
    evidence = sentences if isinstance(sentences, Mapping) else {}
    parts: list[tuple[str, str]] = []
    order = {part: i for i, part in enumerate(STAR_PARTS)}
    keys = sorted(
        (k for k in raw if isinstance(raw[k], (bool, str, Mapping, int, float))),
        key=lambda k: order.get(_STAR_LETTERS.get(k.lower(), k.lower()), len(order)),
    )
    for key in keys:
        value = raw[key]
        name = _STAR_LETTERS.get(key.lower(), key)
        found = ""
        if isinstance(value, bool):
            said = evidence.get(key)
            found = ((said.strip() if isinstance(said, str) else "") or "yes") if value else ""
        elif isinstance(value, str):
            found = value.strip()
        elif isinstance(value, Mapping):
            present = value.get("present", value.get("found", True))
            quote = value.get("evidence") or value.get("text") or ""
            if present:
                found = str(quote).strip() or "yes"
        elif isinstance(value, (int, float)):
            found = "yes" if value > 0 else ""
        parts.append((name.capitalize(), found))
    return tuple(parts)


def _longest_pause(pauses: Any) -> float | None:
    """The longest of ``[[start, length], ...]`` (seconds)."""
    lengths = [
        float(p[1])
        for p in pauses or ()
        if isinstance(p, (list, tuple)) and len(p) == 2 and _number(p[1]) is not None
    ]
    return max(lengths) if lengths else None


def _metrics(data: Mapping[str, Any], duration: float | None) -> tuple[Metric, ...]:
    delivery = data.get("delivery")
    delivery = delivery if isinstance(delivery, Mapping) else {}
    metrics: list[Metric] = []
    for key, label, unit in DELIVERY_METRICS:
        value = _number(delivery.get(key))
        if key == "longest_pause":
            value = _longest_pause(delivery.get("longest_pauses"))
        if value is not None:
            metrics.append(Metric(key, label, value, unit))
    if duration is not None:
        metrics.append(Metric("duration", "Length", duration, "s"))
    return tuple(metrics)


def _take_entry(store: Store, take: TakeRecord, text: str | None) -> TakeEntry:
    """One take's entry; ``text`` is its latest transcript (from one summary query)."""
    from offguard.reanalysis import current_analysis

    analysis = current_analysis(store, take.id)  # an older coach's analysis is made again
    data: Mapping[str, Any] = analysis.data if analysis else {}
    analysed_text = data.get("text")
    if text is None and isinstance(analysed_text, str):
        text = analysed_text
    return TakeEntry(
        take_id=take.id,
        question_id=take.question_id,
        started_at=take.started_at,
        duration=take.duration,
        audio_path=take.audio_path,
        status=take.status,
        story=take.story,
        transcript=text,
        verdict=analysis.verdict if analysis else None,
        specificity=analysis.specificity if analysis else None,
        flags=_flags(data),
        specifics=_specifics(data.get("specifics")),
        star=_star(data),
        suggestions=tuple(_text_of(s) for s in data.get("suggestions") or () if s),
        metrics=_metrics(data, take.duration),
    )


def _question_text(question_id: str, stored: str, bank: BankLike | None) -> str:
    question = bank.get(question_id) if bank is not None else None
    return stored or (question.text if question else "") or question_id


def _metric_value(take: TakeEntry, key: str) -> float | None:
    if key == "specificity":
        return take.specificity
    if key == "duration":
        return take.duration
    for metric in take.metrics:
        if metric.key == key and isinstance(metric.value, (int, float)):
            return float(metric.value)
    return None


def _drawn_band(metric: str, values: Sequence[float]) -> tuple[tuple[float, float] | None, str]:
    """The target band of ``metric`` (from :data:`offguard.targets.TARGETS`) and its label."""
    from offguard.targets import TARGETS

    band = TARGETS.get(metric)
    if band is None or (band.low is None and band.high is None):
        return None, ""
    low = band.low if band.low is not None else _OPEN_LOW.get(metric, 0.0)
    high = band.high
    if high is None:
        high = _OPEN_HIGH.get(metric, max([*values, low]) * 1.2 or 1.0)
    return (low, high), band.label


def build_series(takes: Sequence[TakeEntry]) -> tuple[Series, ...]:
    """Each trend metric over ``takes`` (oldest first); metrics with no values are left out."""
    ordered = sorted(takes, key=lambda t: (t.started_at, t.take_id))
    series: list[Series] = []
    for key, label, unit in TREND_METRICS:
        points = tuple(
            (t.started_at, value) for t in ordered if (value := _metric_value(t, key)) is not None
        )
        if not points:
            continue
        band, band_label = _drawn_band(key, [v for _, v in points])
        series.append(Series(key, label, unit, points, band, band_label))
    return tuple(series)


def build_report(
    store: Store,
    bank: BankLike | None,
    *,
    question_id: str | None = None,
    since: str | None = None,
    out_path: Path | None = None,
) -> Report:
    """Everything the store knows about the practised questions (optionally one, or recent).

    ``since`` is a date (``YYYY-MM-DD``) or ISO timestamp; takes started before it are left
    out. Only finished takes (saved, recovered, imported) are included.
    """
    since_utc = parse_since(since)
    takes = [
        t
        for t in store.list_takes(question_id)
        if t.status in DONE_STATUSES and (since_utc is None or t.started_at >= since_utc)
    ]
    if question_id is not None and not takes:
        known = bank.get(question_id) if bank is not None else None
        if known is None and store.question_text(question_id) is None:
            raise OffguardError(
                f"No question '{question_id}' and no takes for it.",
                "list the question ids with 'offguard questions'.",
            )
    off_guard = store.off_guard_ids()
    texts = {s.take_id: s.transcript for s in store.take_summaries(question_id)}
    by_question: dict[str, list[TakeEntry]] = {}
    for take in takes:
        entry = _take_entry(store, take, texts.get(take.id))
        by_question.setdefault(take.question_id, []).append(entry)
    sections = []
    for qid, entries in by_question.items():
        question = bank.get(qid) if bank is not None else None
        text = question.text if question else (store.question_text(qid) or qid)
        sections.append(
            QuestionSection(
                question_id=qid,
                text=text,
                category=question.category if question else "",
                takes=tuple(entries),
                trends=build_series(entries),
                off_guard=qid in off_guard,
            )
        )
    sections.sort(key=lambda s: (not s.off_guard, -len(s.takes), s.question_id))
    interviews = tuple(
        InterviewEntry(
            company=iv.company,
            role=iv.role,
            date=iv.date,
            stage=iv.stage,
            outcome=iv.outcome,
            feedback=iv.feedback,
            reflection=iv.reflection,
            questions=tuple(_question_text(q.question_id, q.text, bank) for q in iv.questions),
        )
        for iv in store.list_interviews()
        if question_id is None and (since is None or not iv.date or iv.date >= since[:10])
    )
    all_takes = [t for s in sections for t in s.takes]
    return Report(
        generated_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        data_dir=store.data_dir,
        questions=tuple(sections),
        overall=build_series(all_takes) if len(sections) > 1 else (),
        interviews=interviews,
        question_filter=question_id,
        since=since,
        out_path=out_path,
    )
