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

from offguard.config import Settings
from offguard.errors import OffguardError
from offguard.questions import QuestionBank
from offguard.store import Store
from offguard.ui.ports import PlayerLike


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


def make_player(app: App[Any], path: Path) -> PlayerLike:
    """A player for ``path``: the app's factory, else the sound card, else a silent one."""
    factory = getattr(app, "player_factory", None)
    if factory is not None:
        return cast(PlayerLike, factory(path))
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


def band_chart(
    values: Sequence[float],
    low: float | None,
    high: float | None,
    *,
    width: int = 48,
    height: int = 7,
    color: str = "cyan",
) -> Text:
    """A small line chart in text: one dot per value (or per column, when more), the target
    band (``low``..``high``, either side open) shaded, the y range labelled on the left."""
    text = Text()
    if not values:
        text.append("no takes yet", style="dim")
        return text
    if len(values) > width:  # average into `width` columns, keeping the order
        size = len(values) / width
        values = [
            sum(chunk) / len(chunk)
            for i in range(width)
            if (chunk := values[int(i * size) : max(int((i + 1) * size), int(i * size) + 1)])
        ]
    lo = min([*values, *(b for b in (low, high) if b is not None)])
    hi = max([*values, *(b for b in (low, high) if b is not None)])
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    step = (hi - lo) / (height - 1)

    def row_of(value: float) -> int:
        return round((hi - value) / step)

    cells = [row_of(v) for v in values]
    band_rows = set()
    for row in range(height):
        top, bottom = hi - (row - 0.5) * step, hi - (row + 0.5) * step
        if (low is None or top > low) and (high is None or bottom < high):
            band_rows.add(row)
    label_w = max(len(f"{hi:.0f}"), len(f"{lo:.0f}"))
    for row in range(height):
        if row == 0:
            label = f"{hi:.0f}"
        elif row == height - 1:
            label = f"{lo:.0f}"
        else:
            label = ""
        text.append(f"{label:>{label_w}} ┤", style="dim")
        shade = "on #1d3b2a" if row in band_rows else ""
        for col, cell in enumerate(cells):
            prev = cells[col - 1] if col else cell
            if cell == row:
                char, style = "●", f"bold {color}"
            elif min(prev, cell) < row < max(prev, cell):
                char, style = "│", color
            else:
                char, style = " ", ""
            text.append(
                char + (" " if col < len(cells) - 1 else ""), style=f"{style} {shade}".strip()
            )
        text.append("\n")
    return text
