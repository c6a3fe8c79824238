"""Formatting shared by the Markdown and HTML reports: numbers, dates, links, flag segments."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from offguard.export.model import Flag, Metric


def fmt_value(value: float | str | None, unit: str = "") -> str:
    """``12.345`` -> ``"12.3"``; ``None`` -> ``"–"``; strings pass through."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    whole = abs(value) >= 100 or float(value).is_integer()
    text = f"{value:.0f}" if whole else f"{value:.1f}"
    return f"{text}{unit}"


def fmt_metric(metric: Metric) -> str:
    unit = f" {metric.unit}" if metric.unit and metric.unit != "%" else metric.unit
    return fmt_value(metric.value, unit) if metric.value is not None else "–"


def audio_href(audio: Path, out_path: Path | None) -> str:
    """A URL for the audio file: relative to the report's folder when possible, else file://.

    The path is percent-encoded, so names with spaces, ``#`` or ``?`` still link correctly.
    """
    audio = Path(audio)
    if out_path is not None and audio.is_absolute():
        base = Path(out_path).expanduser().resolve().parent
        try:
            rel = os.path.relpath(audio, base)
        except ValueError:  # another drive on Windows
            return audio.as_uri()
        return quote(Path(rel).as_posix())
    return audio.as_uri() if audio.is_absolute() else quote(audio.as_posix())


def flag_segments(text: str, flags: Sequence[Flag]) -> list[tuple[str, int | None]]:
    """Split ``text`` into (piece, flag number or ``None``); overlapping flags are skipped.

    Flag numbers are 1-based positions in ``flags``. A flag whose offsets do not match the
    text (another transcript version) is located by its own text instead, or left out.
    """
    spans: list[tuple[int, int, int]] = []
    for number, flag in enumerate(flags, start=1):
        start, end = flag.start, flag.end
        if not (0 <= start < end <= len(text)) or (
            flag.text and text[start:end].lower() != flag.text.lower()
        ):
            found = text.lower().find(flag.text.lower()) if flag.text else -1
            if found < 0:
                continue
            start, end = found, found + len(flag.text)
        spans.append((start, end, number))
    spans.sort()
    pieces: list[tuple[str, int | None]] = []
    pos = 0
    for start, end, number in spans:
        if start < pos:
            continue
        if start > pos:
            pieces.append((text[pos:start], None))
        pieces.append((text[start:end], number))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], None))
    return pieces
