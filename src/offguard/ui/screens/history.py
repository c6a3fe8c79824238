"""A question's takes across sessions: mark two and compare them, tag stories, play one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Static

from offguard.audio.player import Player
from offguard.errors import OffguardError
from offguard.formatting import fmt_duration, fmt_when
from offguard.progress import stories
from offguard.store import TakeSummary
from offguard.ui.feedback import ReviewData
from offguard.ui.format import fmt_num, verdict_text
from offguard.ui.messages import DeleteTake, OpenCompare, ShowReview
from offguard.ui.screens.base import OffguardScreen, nav_bindings
from offguard.ui.services import Services
from offguard.ui.widgets.key_footer import KeyFooter
from offguard.ui.widgets.title_bar import TitleBar


class StoryScreen(ModalScreen[str | None]):
    """Ask which story a take tells; dismisses with the name ("" clears, None cancels)."""

    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str | None, known: list[str]) -> None:
        super().__init__()
        self.current = current or ""
        self.known = known

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box", id="story-box"):
            yield Label("[b]Which story does this take tell?[/b]")
            yield Label(
                "A short name you will recognise, e.g. [i]payments migration 2025[/i]. "
                "Leave empty to clear.",
                classes="hint",
            )
            yield Input(value=self.current, placeholder="story name", id="story")
            if self.known:
                yield Label("Your stories: " + ", ".join(self.known), classes="hint")
            yield Button("Save", variant="primary", id="save")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.query_one(Input).value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class HistoryScreen(OffguardScreen):
    """All takes of one question: date, length, verdict, score, fillers/min, wpm, story."""

    CSS_PATH = "history.tcss"
    TITLE = "History"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("enter", "review", "Review", tooltip="Open the take's full review", priority=True),
        Binding("space", "mark", "Mark"),
        Binding("c", "compare", "Compare"),
        Binding("p", "play", "Play", tooltip="Play / stop the take"),
        Binding("s", "story", "Story"),
        Binding("x,delete", "delete", "Delete", tooltip="Move the take to the trash (u undoes)"),
        *nav_bindings("trends", "stories", "export", hidden=("stories",)),
    ]

    def __init__(self, services: Services, question_id: str) -> None:
        super().__init__(services)
        self.question_id = question_id
        self.takes: list[TakeSummary] = []
        self.marked: list[int] = []
        self.player: Player | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="history-title", classes="title-line")
        yield DataTable(id="takes", classes="list-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="history-detail", classes="detail-pane")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#history-title", Static).update(
            Text.assemble(("History: ", "bold"), self.services.question_text(self.question_id))
        )
        table = self.query_one(DataTable)
        for label, key in (
            ("", "mark"),
            ("#", "n"),
            ("Date", "date"),
            ("Length", "duration"),
            ("Verdict", "verdict"),
            ("Score", "score"),
            ("Fillers/min", "fillers"),
            ("WPM", "wpm"),
            ("Story", "story"),
        ):
            table.add_column(label, key=key)
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def focused_question_id(self) -> str | None:
        return self.question_id

    def scope_question_id(self) -> str | None:
        return self.question_id

    def on_unmount(self) -> None:
        self.stop_playing()

    # -- data ----------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Read the takes again; the cursor goes to take ``select`` (else stays on its row)."""
        try:
            self.takes = self.services.store.take_summaries(self.question_id)
        except Exception as exc:
            self.report(exc)
            self.takes = []
        ids = {t.take_id for t in self.takes}
        self.marked = [m for m in self.marked if m in ids]
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for number, take in enumerate(self.takes, start=1):
            table.add_row(*self._cells(number, take), key=str(take.take_id))
        if select is not None:
            row = next((i for i, t in enumerate(self.takes) if t.take_id == select), row)
        if self.takes:
            table.move_cursor(row=min(max(row, 0), len(self.takes) - 1))
        self.show_detail()

    def _cells(self, number: int, take: TakeSummary) -> list[Text | str]:
        mark = ""
        if take.take_id in self.marked:
            mark = "AB"[self.marked.index(take.take_id)]
        return [
            Text(mark, style="bold reverse"),
            str(number),
            fmt_when(take.started_at),
            fmt_duration(take.duration),
            verdict_text(take),
            fmt_num(take.specificity),
            fmt_num(take.fillers_per_min, 1),
            fmt_num(take.wpm),
            Text(take.story or "", style="italic"),
        ]

    def current(self) -> TakeSummary | None:
        table = self.query_one(DataTable)
        if not self.takes or not 0 <= table.cursor_row < len(self.takes):
            return None
        return self.takes[table.cursor_row]

    def show_detail(self) -> None:
        detail = self.query_one("#history-detail", Static)
        take = self.current()
        if take is None:
            detail.update("[dim]No takes yet: practise this question first.[/dim]")
            return
        text = Text()
        if self.marked:
            text.append(f"Marked: {len(self.marked)} of 2 · ", style="bold")
        text.append(take.transcript or "(no transcript)", style="" if take.transcript else "dim")
        detail.update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    # -- actions -------------------------------------------------------------------------

    def action_mark(self) -> None:
        take = self.current()
        if take is None:
            return
        if take.take_id in self.marked:
            self.marked.remove(take.take_id)
        else:
            self.marked.append(take.take_id)
            if len(self.marked) > 2:
                self.marked.pop(0)
        table = self.query_one(DataTable)
        for row in self.takes:
            mark = "AB"[self.marked.index(row.take_id)] if row.take_id in self.marked else ""
            table.update_cell(str(row.take_id), "mark", Text(mark, style="bold reverse"))
        self.show_detail()

    def pair(self) -> tuple[int, int] | None:
        """The two takes to compare, oldest first: the marked ones, or marked + cursor."""
        chosen = list(self.marked)
        take = self.current()
        if len(chosen) == 1 and take is not None and take.take_id not in chosen:
            chosen.append(take.take_id)
        if len(chosen) != 2:
            return None
        order = {t.take_id: i for i, t in enumerate(self.takes)}
        first, second = sorted(chosen, key=lambda t: order.get(t, 0))
        return first, second

    def action_compare(self) -> None:
        pair = self.pair()
        if pair is None:
            self.notify("Mark two takes with space, then press c.", severity="warning")
            return
        self.stop_playing()
        self.post_message(OpenCompare(*pair))

    def stop_playing(self) -> None:
        if self.player is not None:
            self.player.close()
            self.player = None

    def action_play(self) -> None:
        take = self.current()
        if take is None:
            return
        if self.player is not None and self.player.playing:
            self.stop_playing()
            return
        self.stop_playing()
        try:
            self.player = self.services.player(take.audio_path)
            self.player.play()
        except Exception as exc:
            self.report(exc, "Cannot play")
            self.player = None

    def action_story(self) -> None:
        take = self.current()
        if take is None:
            return
        try:
            known = [s.name for s in stories(self.services.store).stories]
        except OffguardError:
            known = []

        def chosen(name: str | None) -> None:
            if name is None:
                return
            try:
                self.services.store.set_story(take.take_id, name or None)
            except Exception as exc:
                self.report(exc)
                return
            self.reload()
            self.notify(f"Story: {name}" if name else "Story cleared.")

        self.app.push_screen(StoryScreen(take.story, known[:8]), chosen)

    def action_review(self) -> None:
        """The full review of the highlighted take (transcript, verdict, STAR, delivery)."""
        take = self.current()
        if take is None:
            return
        question = self.services.question(self.question_id)
        try:
            data = ReviewData.from_store(self.services.store, take.take_id, question)
        except Exception as exc:
            self.report(exc, "Cannot open the review")
            return
        if data is None:
            self.notify("This take has no transcript or analysis yet.", severity="warning")
            return
        self.stop_playing()
        self.post_message(ShowReview(data))

    def action_delete(self) -> None:
        """Move the highlighted take to the trash (the app does it; ``u`` brings it back)."""
        take = self.current()
        if take is None:
            return
        number = self.takes.index(take) + 1
        self.stop_playing()
        if take.take_id in self.marked:
            self.marked.remove(take.take_id)
        self.post_message(DeleteTake(take.take_id, f"Take {number} ({fmt_when(take.started_at)})"))

    def take_changed(self, take_id: int, deleted: bool) -> None:
        self.reload(select=None if deleted else take_id)
