"""Trends in the terminal: specificity, fillers/min, wpm and length over time, per question or
overall, each drawn as a small chart with its target band shaded and labelled."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.widgets import Select, Static

from offguard.progress import Trend, trend
from offguard.targets import TARGETS
from offguard.ui.format import fmt_delta, fmt_num
from offguard.ui.screens.base import OffguardScreen, nav_bindings
from offguard.ui.services import Services
from offguard.ui.widgets.band_chart import band_chart
from offguard.ui.widgets.key_footer import KeyFooter
from offguard.ui.widgets.title_bar import TitleBar

ALL = "__all__"

#: Metric, title, digits, unit, colour.
CHARTS: tuple[tuple[str, str, int, str, str], ...] = (
    ("specificity", "Specificity", 0, "", "cyan"),
    ("fillers_per_min", "Fillers per minute", 1, "", "magenta"),
    ("wpm", "Words per minute", 0, "", "blue"),
    ("duration", "Answer length", 0, " s", "yellow"),
)


def chart_panel(t: Trend, metric: str, *, columns: int) -> Text:
    """The title, summary line, band label and chart of one metric."""
    title, digits, unit, color = next((c[1], c[2], c[3], c[4]) for c in CHARTS if c[0] == metric)
    values = t.values(metric)
    summary = t.summary(metric)
    band = TARGETS.get(metric)
    text = Text()
    text.append(title, style="bold")
    text.append(f"  latest {fmt_num(summary['latest'], digits, unit)}")
    if summary["change"] is not None:
        text.append(f"  ({fmt_delta(summary['change'], digits)} since first)", style="dim")
    text.append("\n")
    if band is not None:
        text.append("▒ target: ", style="green")
        text.append(band.label, style="green")
        if summary["on_target"] is not None:
            text.append(f" · {summary['on_target'] * 100:.0f}% of takes on target", style="dim")
        text.append("\n")
    text.append_text(
        band_chart(
            values,
            band.low if band else None,
            band.high if band else None,
            width=columns,
            color=color,
        )
    )
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
                yield Static(id=f"chart-{metric}", classes="chart")
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
        two = width >= 100
        grid.styles.grid_size_columns = 2 if two else 1
        per_chart = width // 2 if two else width
        columns = max(10, per_chart - 14)
        for metric, *_ in CHARTS:
            self.query_one(f"#chart-{metric}", Static).update(
                chart_panel(t, metric, columns=columns)
            )

    def action_overall(self) -> None:
        self.query_one("#question", Select).value = ALL

    def scope_question_id(self) -> str | None:
        return self.question_id
