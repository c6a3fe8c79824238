"""Small cell formatters of the tables (numbers, deltas, verdicts) as the screens show them."""

from __future__ import annotations

from rich.text import Text

from offguard.store import TakeSummary


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


def verdict_text(take: TakeSummary) -> Text:
    if take.verdict is None:
        return Text("not analysed", style="dim")
    style = "green" if take.verdict.lower() == "specific" else "red"
    return Text(take.verdict, style=style)
