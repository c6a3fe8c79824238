"""Shared by the progress screens: reaching the app's parts, players, and a banded text chart.

The screens work on the real :class:`offguard.ui.app.OffguardApp` and on any small test app
that has ``store`` (a real :class:`offguard.store.Store`), ``bank``, ``settings`` and, optionally,
``player_factory`` and ``show_error``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from rich.text import Text
from textual.app import App

from offguard.audio.player import Player
from offguard.config import Settings
from offguard.errors import OffguardError
from offguard.questions import QuestionBank
from offguard.store import Store


def app_store(app: App[Any]) -> Store:
    """The app's store (the real one; the progress views need more than ``StoreLike``)."""
    return cast(Store, app.store)  # type: ignore[attr-defined]


def app_bank(app: App[Any]) -> QuestionBank | None:
    return cast("QuestionBank | None", getattr(app, "bank", None))


def app_settings(app: App[Any]) -> Settings:
    settings = getattr(app, "settings", None)
    return settings if isinstance(settings, Settings) else Settings()


def question_text(app: App[Any], question_id: str) -> str:
    """The question's text from the bank, else the store, else its id."""
    bank = app_bank(app)
    question = bank.get(question_id) if bank is not None else None
    if question is not None:
        return question.text
    try:
        return app_store(app).question_text(question_id) or question_id
    except OffguardError:
        return question_id


def show_error(app: App[Any], exc: BaseException, title: str = "Problem") -> None:
    """The app's own error display when it has one, else a notification."""
    shower = getattr(app, "show_error", None)
    if callable(shower):
        shower(exc, title=title)
    else:
        app.notify(str(exc), title=title, severity="error", timeout=12)


def make_player(app: App[Any], path: Path) -> Player:
    """A player for ``path``: the app's factory, else the sound card, else a silent one."""
    factory = getattr(app, "player_factory", None)
    if factory is not None:
        return cast(Player, factory(path))
    from offguard.audio.player import NullPlayer, SoundDevicePlayer

    try:
        return SoundDevicePlayer(path)
    except OffguardError:
        return NullPlayer(path)


def fmt_num(value: float | None, digits: int = 0, unit: str = "") -> str:
    if value is None:
        return "-"
    return f"{value:.{digits}f}{unit}"


def fmt_delta(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "-"
    if abs(value) < 10 ** (-digits) / 2:
        return "±0"
    return f"{value:+.{digits}f}"


def _resample(values: Sequence[float], width: int) -> list[float]:
    """Average ``values`` into at most ``width`` buckets, keeping their order."""
    if len(values) <= width:
        return list(values)
    size = len(values) / width
    out = []
    for i in range(width):
        chunk = values[int(i * size) : max(int((i + 1) * size), int(i * size) + 1)]
        out.append(sum(chunk) / len(chunk))
    return out


def band_chart(
    values: Sequence[float],
    low: float | None,
    high: float | None,
    *,
    width: int = 48,
    height: int = 7,
    color: str = "cyan",
) -> Text:
    """A line chart in text, ``width`` columns wide: a dot per take (averaged when there are
    more takes than columns), the line between them, and the target band (``low``..``high``,
    either side open) shaded across the chart. The y axis names the range and the band edges."""
    text = Text()
    if not values:
        text.append("no takes yet", style="dim")
        return text
    points = _resample(values, width)
    bounds = [b for b in (low, high) if b is not None]
    lo, hi = min([*points, *bounds]), max([*points, *bounds])
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    step = (hi - lo) / (height - 1)

    def row_of(value: float) -> int:
        return min(height - 1, max(0, round((hi - value) / step)))

    # Columns of the points, spread over the width; the line is interpolated in between.
    n = len(points)
    cols = [round(i * (width - 1) / (n - 1)) for i in range(n)] if n > 1 else [width // 2]
    grid: dict[tuple[int, int], tuple[str, str]] = {}
    for i in range(n - 1):
        (c0, v0), (c1, v1) = (cols[i], points[i]), (cols[i + 1], points[i + 1])
        prev_row = row_of(v0)
        for col in range(c0, c1 + 1):
            value = v0 + (v1 - v0) * (col - c0) / max(c1 - c0, 1)
            row = row_of(value)
            for r in range(min(prev_row, row), max(prev_row, row) + 1):
                grid.setdefault((r, col), ("·", color))
            prev_row = row
    for col, value in zip(cols, points, strict=True):
        grid[(row_of(value), col)] = ("●", f"bold {color}")
    band_rows = {
        row
        for row in range(height)
        if (low is None or hi - (row - 0.5) * step > low)
        and (high is None or hi - (row + 0.5) * step < high)
    }
    labels = {0: hi, height - 1: lo}
    for edge in bounds:
        labels.setdefault(row_of(edge), edge)
    label_w = max(len(f"{v:.0f}") for v in labels.values())
    for row in range(height):
        label = f"{labels[row]:.0f}" if row in labels else ""
        text.append(f"{label:>{label_w}} ┤", style="dim")
        shade = "on #1d3b2a" if row in band_rows else ""
        for col in range(width):
            char, style = grid.get((row, col), (" ", ""))
            text.append(char, style=f"{style} {shade}".strip() or None)
        text.append("\n")
    return text
