"""Turn an ``Analysis`` and a ``Transcript`` into Rich text for the review screen.

Pure functions (no widgets), so they are easy to test. The analysis is read by attribute or
key, so a dataclass or its ``to_dict()`` both work.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.table import Table
from rich.text import Text

from offguard.transcription.types import Transcript

STAR_NAMES = {"S": "Situation", "T": "Task", "A": "Action", "R": "Result"}


def get(obj: Any, name: str, default: Any = None) -> Any:
    """``obj.name`` or ``obj[name]``, else ``default``."""
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "-:--"
    seconds = max(0.0, float(seconds))
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"


def verdict_line(analysis: Any) -> str:
    """Exactly ``Verdict: generic`` or ``Verdict: specific``, then the score."""
    verdict = str(get(analysis, "verdict", "generic")).lower()
    verdict = "specific" if verdict == "specific" else "generic"
    score = get(analysis, "specificity")
    if score is None:
        return f"Verdict: {verdict}"
    return f"Verdict: {verdict}  ({round(float(score))}/100)"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    kind: str
    reason: str


def spans(items: Any) -> list[Span]:
    out: list[Span] = []
    for item in items or ():
        start, end = get(item, "start"), get(item, "end")
        if start is None or end is None:
            continue
        out.append(
            Span(
                int(start),
                int(end),
                str(get(item, "text", "")),
                str(get(item, "kind", "")),
                str(get(item, "reason", "") or ""),
            )
        )
    return sorted(out, key=lambda s: (s.start, s.end))


def transcript_text(text: str, analysis: Any) -> Text:
    """The transcript with generic flags in red/underline and specifics in green."""
    rich = Text(text or "No speech detected. Check the microphone (d) and press r to try again.")
    if not text:
        rich.stylize("dim italic")
        return rich
    for span in spans(get(analysis, "specifics")):
        rich.stylize("bold green", span.start, span.end)
    for span in spans(get(analysis, "flags")):
        rich.stylize("bold red underline", span.start, span.end)
    return rich


def word_offsets(transcript: Transcript) -> list[tuple[int, float]]:
    """(character offset in ``transcript.text``, start time) for each word, in order."""
    out: list[tuple[int, float]] = []
    lowered = transcript.text.lower()
    cursor = 0
    for word in transcript.words:
        token = word.word.strip().lower()
        if not token:
            continue
        at = lowered.find(token, cursor)
        if at < 0:
            at = cursor
        else:
            cursor = at + len(token)
        out.append((at, word.start))
    return out


def time_at(transcript: Transcript, char_offset: int) -> float | None:
    """When the word containing (or just before) ``char_offset`` starts, or None."""
    offsets = word_offsets(transcript)
    if not offsets:
        return None
    index = bisect_right([o for o, _ in offsets], char_offset) - 1
    return offsets[max(index, 0)][1]


def star_text(analysis: Any, text: str) -> Text:
    """The STAR checklist, with the sentence that covers each part."""
    star = get(analysis, "star") or {}
    sentences = get(analysis, "star_sentences") or {}
    out = Text()
    for key, name in STAR_NAMES.items():
        ok = bool(get(star, key, False))
        out.append("✔ " if ok else "✘ ", style="green" if ok else "red")
        out.append(f"{name}", style="bold")
        sentence = _sentence(get(sentences, key), text)
        if ok and sentence:
            out.append(f"  “{_clip(sentence, 70)}”", style="dim")
        elif not ok:
            out.append("  missing", style="dim")
        out.append("\n")
    out.rstrip()
    return out


def _sentence(value: Any, text: str) -> str:
    """A STAR sentence given as text, a span or an index into the sentences."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and value and not isinstance(value[0], (int, float)):
        return _sentence(value[0], text)
    start, end = get(value, "start"), get(value, "end")
    if start is None and isinstance(value, (list, tuple)) and len(value) == 2:
        start, end = value
    if isinstance(start, int) and isinstance(end, int):
        return text[start:end].strip()
    return str(get(value, "text", ""))


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _band(bands: Any, key: str) -> str:
    band = get(bands, key)
    if band is None:
        return ""
    if isinstance(band, (list, tuple)) and len(band) == 2:
        return f"  (aim {band[0]:g}–{band[1]:g})"
    if isinstance(band, str):
        return f"  ({band})"
    low, high = get(band, "low"), get(band, "high")
    if low is not None and high is not None:
        return f"  (aim {low:g}–{high:g})"
    return ""


def delivery_text(analysis: Any) -> Text:
    """Pace, fillers (a lower bound: the model drops some), pauses, time to first word."""
    delivery = get(analysis, "delivery")
    out = Text()
    if delivery is None:
        out.append("No delivery metrics for this take.", style="dim")
        return out
    bands = get(delivery, "bands") or {}
    wpm = get(delivery, "wpm")
    if wpm is not None:
        out.append(f"Pace: {float(wpm):.0f} words/min{_band(bands, 'wpm')}\n")
    fpm = get(delivery, "fillers_per_min")
    if fpm is not None:
        out.append(f"Fillers: at least {float(fpm):.1f}/min{_band(bands, 'fillers_per_min')}\n")
    pauses: Sequence[Any] = get(delivery, "longest_pauses") or ()
    if pauses:
        shown = ", ".join(f"{_pause_len(p):.1f} s at {fmt_time(_pause_at(p))}" for p in pauses[:3])
        out.append(f"Longest pauses: {shown}\n")
    else:
        out.append("Longest pauses: none over a second\n")
    first = get(delivery, "time_to_first_word")
    if first is not None:
        band = _band(bands, "time_to_first_word")
        out.append(f"Time to first word: {float(first):.1f} s{band}\n")
    hedges = get(delivery, "hedge_count")
    if hedges is not None:
        out.append(f"Hedges: {int(hedges)}\n")
    out.rstrip()
    return out


def _pause_at(pause: Any) -> float:
    if isinstance(pause, (list, tuple)):
        return float(pause[0])
    return float(get(pause, "start", 0.0))


def _pause_len(pause: Any) -> float:
    if isinstance(pause, (list, tuple)):
        return float(pause[1])
    return float(get(pause, "length", get(pause, "duration", 0.0)))


def bullet_list(items: Sequence[str | Text], bullet_style: str = "bold cyan") -> Table:
    """Bulleted lines whose wrapped text stays indented under the first word."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for item in items:
        table.add_row(Text("•", style=bullet_style), item if isinstance(item, Text) else Text(item))
    return table


def suggestions_text(analysis: Any) -> Text | Table:
    items = [str(s) for s in get(analysis, "suggestions") or ()]
    if not items:
        return Text("Nothing to add: keep it this concrete.", style="dim")
    return bullet_list(items)


def flag_label(span: Span, at: float | None) -> Text:
    label = Text()
    label.append(f"{fmt_time(at)}  ", style="dim")
    label.append(f"“{_clip(span.text, 40)}”", style="bold red")
    if span.reason:
        label.append(f"  {_clip(span.reason, 60)}", style="italic")
    return label
