"""Trends in the terminal: specificity, fillers/min, wpm and length over time, per question or
overall: for each, the latest value, the change, the target and a Textual ``Sparkline`` of the
takes (oldest on the left; the better end of each metric in green, from
:data:`offguard.targets.TARGETS`)."""

from __future__ import annotations

from statistics import fmean
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.widgets import Select, Sparkline, Static

from offguard.progress import Trend, trend
from offguard.targets import TARGETS
from offguard.ui.format import fmt_delta, fmt_num
from offguard.ui.screens.base import OffguardScreen, nav_bindings
from offguard.ui.services import Services
from offguard.ui.widgets.key_footer import KeyFooter
from offguard.ui.widgets.title_bar import TitleBar

ALL = "__all__"

#: Metric, title, digits, unit.
CHARTS: tuple[tuple[str, str, int, str], ...] = (
    ("specificity", "Specificity", 0, ""),
    ("fillers_per_min", "Fillers per minute", 1, ""),
    ("wpm", "Words per minute", 0, ""),
    ("duration", "Answer length", 0, " s"),
)

GOOD, BAD, PLAIN = "green", "red", "#3fb6d9"


def colours(metric: str) -> tuple[str, str]:
    """(colour of the smallest, of the largest value): the better end green."""
    band = TARGETS.get(metric)
    if band is not None and band.better == "higher":
        return BAD, GOOD
    if band is not None and band.better == "lower":
        return GOOD, BAD
    return "#1d4d5c", PLAIN


def chart_head(t: Trend, metric: str) -> Text:
    """The title, latest value and change, the range, and the target of one metric."""
    title, digits, unit = next((c[1], c[2], c[3]) for c in CHARTS if c[0] == metric)
    values = t.values(metric)
    summary = t.summary(metric)
    band = TARGETS.get(metric)
    text = Text()
    text.append(title, style="bold")
    text.append(f"  latest {fmt_num(summary['latest'], digits, unit)}")
    if summary["change"] is not None:
        text.append(f"  ({fmt_delta(summary['change'], digits)} since first)", style="dim")
    if values:
        low, high = fmt_num(min(values), digits), fmt_num(max(values), digits, unit)
        text.append(f"\n{len(values)} take(s), from {low} to {high}", style="dim")
    else:
        text.append("\nno takes yet", style="dim")
    if band is not None:
        text.append("\ntarget: ", style="green")
        text.append(band.label, style="green")
        if summary["on_target"] is not None:
            text.append(f" · {summary['on_target'] * 100:.0f}% of takes on target", style="dim")
    return text


class TrendsScreen(OffguardScreen):
    """How one question (or all of them) is going, take by take."""

    CSS_PATH = "trends.tcss"
    TITLE = "Trends"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("o", "overall", "Overall"),
        *nav_bindings("stories", "export"),
    ]

    def __init__(self, services: Services, question_id: str | None = None) -> None:
        super().__init__(services)
        self.question_id = question_id
        self.trend: Trend | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Select[str]([("All questions", ALL)], value=ALL, allow_blank=False, id="question")
        yield Static(id="trend-summary")
        with VerticalScroll(), Grid(id="charts"):
            for metric, *_ in CHARTS:
                low, high = colours(metric)
                with Vertical(id=f"chart-{metric}", classes="chart"):
                    yield Static(id=f"head-{metric}")
                    yield Sparkline(
                        [],
                        id=f"spark-{metric}",
                        summary_function=fmean,
                        min_color=low,
                        max_color=high,
                    )
        yield KeyFooter()

    def on_mount(self) -> None:
        try:
            stats = self.services.store.question_stats()
            practised = sorted(
                (q for q, s in stats.items() if s.times_practised),
                key=lambda q: stats[q].last_practised or "",
                reverse=True,
            )
        except Exception as exc:
            self.report(exc)
            practised = []
        if self.question_id and self.question_id not in practised:
            practised.append(self.question_id)
        options = [("All questions", ALL)] + [
            (self.services.question_text(q)[:70], q) for q in practised
        ]
        select = self.query_one("#question", Select)
        select.set_options(options)
        select.value = self.question_id or ALL
        self.refresh_trend()

    def on_select_changed(self, event: Select.Changed) -> None:
        value = event.value
        chosen = None if value in (ALL, Select.BLANK) else str(value)
        if chosen != self.question_id or self.trend is None:
            self.question_id = chosen
            self.refresh_trend()

    def on_resize(self) -> None:
        self.draw()

    def refresh_trend(self) -> None:
        try:
            self.trend = trend(self.services.store, self.question_id)
        except Exception as exc:
            self.report(exc)
            self.trend = None
        self.draw()

    def draw(self) -> None:
        if self.trend is None:
            return
        t = self.trend
        scope = (
            self.services.question_text(self.question_id) if self.question_id else "all questions"
        )
        self.query_one("#trend-summary", Static).update(
            Text.assemble(
                ("Trends: ", "bold"),
                scope,
                (f"  · {len(t.points)} take(s), oldest on the left", "dim"),
            )
        )
        grid = self.query_one("#charts", Grid)
        width = grid.size.width or self.app.size.width
        grid.styles.grid_size_columns = 2 if width >= 100 else 1
        for metric, *_ in CHARTS:
            self.query_one(f"#head-{metric}", Static).update(chart_head(t, metric))
            self.query_one(f"#spark-{metric}", Sparkline).data = t.values(metric)

    def action_overall(self) -> None:
        self.query_one("#question", Select).value = ALL

    def scope_question_id(self) -> str | None:
        return self.question_id
