"""Two takes side by side: word-level diff, specific details gained or lost, metric deltas.

``a`` plays take A, ``b`` plays take B, ``p`` plays A then B back to back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import DataTable, Static

from offguard.audio.player import Player
from offguard.formatting import fmt_duration, fmt_when
from offguard.progress import Comparison, DiffOp, TrendPoint, compare
from offguard.store import TakeSummary
from offguard.targets import TARGETS
from offguard.ui.format import fmt_delta, fmt_num, verdict_text
from offguard.ui.screens.base import OffguardScreen
from offguard.ui.services import Services
from offguard.ui.widgets.key_footer import KeyFooter
from offguard.ui.widgets.title_bar import TitleBar

#: Metric, label, digits (which way is better comes from :data:`offguard.targets.TARGETS`).
METRIC_ROWS: tuple[tuple[str, str, int], ...] = (
    ("specificity", "Specificity", 0),
    ("fillers_per_min", "Fillers/min", 1),
    ("fillers_per_100_words", "Fillers/100 words", 1),
    ("wpm", "Words/min", 0),
    ("duration", "Length (s)", 0),
)

ADDED = "bold green"
DROPPED = "red strike"


def diff_texts(ops: Sequence[DiffOp]) -> tuple[Text, Text]:
    """A's transcript with dropped words struck out in red; B's with added words in green."""
    a, b = Text(), Text()
    for op in ops:
        if op.a:
            a.append(" ".join(op.a) + " ", style=DROPPED if op.op != "equal" else "")
        if op.b:
            b.append(" ".join(op.b) + " ", style=ADDED if op.op != "equal" else "")
    a.rstrip()
    b.rstrip()
    return a, b


def delta_style(metric: str, a: float | None, b: float | None) -> str:
    """Green when B improved on A, red when it got worse, plain otherwise."""
    band = TARGETS.get(metric)
    change = band.change(a, b) if band is not None else 0
    return "green" if change > 0 else "red" if change < 0 else ""


class CompareScreen(OffguardScreen):
    """Take A (older) against take B: what changed in the words, the details and the numbers."""

    CSS_PATH = "compare.tcss"
    TITLE = "Compare"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("a", "play('a')", "Play A"),
        Binding("b", "play('b')", "Play B"),
        Binding("p", "play_both", "Play A then B"),
        Binding("x", "stop", "Stop", show=False),
    ]

    def __init__(self, services: Services, take_a: int, take_b: int) -> None:
        super().__init__(services)
        self.take_a = take_a
        self.take_b = take_b
        self.comparison: Comparison | None = None
        self.player: Player | None = None
        self.playing: str | None = None
        self.queue: list[str] = []
        self._timer: Timer | None = None
        self.text_a, self.text_b = Text(), Text()

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="compare-title", classes="title-line")
        with Horizontal(id="sides"):
            with Vertical(classes="side"):
                yield Static(id="head-a", classes="side-head")
                with VerticalScroll():
                    yield Static(id="text-a")
            with Vertical(classes="side"):
                yield Static(id="head-b", classes="side-head")
                with VerticalScroll():
                    yield Static(id="text-b")
        with Horizontal(id="below"):
            yield DataTable(id="deltas", cursor_type="none", show_cursor=False)
            yield Static(id="specifics")
        yield Static(id="play-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        try:
            self.comparison = compare(self.services.store, self.take_a, self.take_b)
        except Exception as exc:
            self.report(exc, "Cannot compare")
            self.dismiss()
            return
        self.show(self.comparison)
        self._timer = self.set_interval(0.25, self._tick)

    def on_unmount(self) -> None:
        self.queue = []
        self._close_player()

    def show(self, c: Comparison) -> None:
        title = Text.assemble(("Compare: ", "bold"), self.services.question_text(c.b.question_id))
        if c.a.question_id != c.b.question_id:
            title.append("  (different questions)", style="yellow")
        self.query_one("#compare-title", Static).update(title)
        self.query_one("#head-a", Static).update(self._head("A", c.a))
        self.query_one("#head-b", Static).update(self._head("B", c.b))
        text_a, text_b = diff_texts(c.diff)
        self.text_a, self.text_b = text_a, text_b
        self.query_one("#text-a", Static).update(text_a or Text("(no transcript)", style="dim"))
        self.query_one("#text-b", Static).update(text_b or Text("(no transcript)", style="dim"))
        table = self.query_one(DataTable)
        table.add_columns("Metric", "A", "B", "B − A")
        for key, label, digits in METRIC_ROWS:
            a_value = TrendPoint.from_summary(c.a).value(key)
            b_value = TrendPoint.from_summary(c.b).value(key)
            delta = c.delta.get(key)
            table.add_row(
                label,
                fmt_num(a_value, digits),
                fmt_num(b_value, digits),
                Text(fmt_delta(delta, digits), style=delta_style(key, a_value, b_value)),
                key=key,
            )
        spec = Text()
        spec.append(f"+{c.words_added} words added, −{c.words_dropped} dropped\n\n", style="bold")
        spec.append("Specific details gained\n", style="bold")
        for item in c.specifics_gained or ["(none)"]:
            spec.append(f"  + {item}\n", style=ADDED if c.specifics_gained else "dim")
        spec.append("Specific details lost\n", style="bold")
        for item in c.specifics_lost or ["(none)"]:
            spec.append(f"  − {item}\n", style=DROPPED if c.specifics_lost else "dim")
        self.query_one("#specifics", Static).update(spec)
        self._status()

    @staticmethod
    def _head(letter: str, take: TakeSummary) -> Text:
        head = Text.assemble(
            (f" {letter} ", "bold reverse"),
            f" take {take.take_id} · {fmt_when(take.started_at)} · "
            f"{fmt_duration(take.duration)} · ",
            verdict_text(take),
        )
        if take.specificity is not None:
            head.append(f" {take.specificity:.0f}")
        return head

    # -- playback ------------------------------------------------------------------------

    def _take(self, which: str) -> TakeSummary | None:
        if self.comparison is None:
            return None
        return self.comparison.a if which == "a" else self.comparison.b

    def _start(self, which: str) -> None:
        self._close_player()
        take = self._take(which)
        if take is None:
            return
        try:
            self.player = self.services.player(take.audio_path)
            self.player.play()
        except Exception as exc:
            self.report(exc, "Cannot play")
            self.player, self.playing, self.queue = None, None, []
            self._status()
            return
        self.playing = which
        self._status()

    def _close_player(self) -> None:
        if self.player is not None:
            self.player.close()
        self.player, self.playing = None, None

    def action_play(self, which: str) -> None:
        if self.playing == which:
            self.action_stop()
            return
        self.queue = []
        self._start(which)

    def action_play_both(self) -> None:
        self.queue = ["b"]
        self._start("a")

    def action_stop(self) -> None:
        self.queue = []
        self._close_player()
        self._status()

    def _tick(self) -> None:
        if self.player is None or self.player.playing:
            if self.player is not None:
                self._status()
            return
        if self.queue:
            self._start(self.queue.pop(0))
        else:
            self._close_player()
            self._status()

    def _status(self) -> None:
        status = self.query_one("#play-status", Static)
        if self.player is None or self.playing is None:
            status.update("[dim]a: play A · b: play B · p: A then B[/dim]")
            return
        then = " then B" if self.queue else ""
        status.update(
            f"▶ playing {self.playing.upper()}{then}  "
            f"{fmt_duration(self.player.position)} / {fmt_duration(self.player.duration)}"
        )
