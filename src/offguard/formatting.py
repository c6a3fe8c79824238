"""How times read everywhere (TUI, CLI, reports): one formatter each."""

from __future__ import annotations

from datetime import datetime


def fmt_duration(seconds: float | None) -> str:
    """``83.4`` -> ``"1:23"``."""
    if seconds is None:
        return "–"
    total = round(seconds)
    return f"{total // 60}:{total % 60:02d}"


def fmt_when(stamp: str) -> str:
    """An ISO timestamp as ``2026-01-31 09:15`` (local time); unparsable text passes through."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def fmt_day(stamp: str) -> str:
    return fmt_when(stamp)[:10]
