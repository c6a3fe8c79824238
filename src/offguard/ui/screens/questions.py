"""The start screen: the questions, filters, search and per-question badges."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Select, Static

from offguard.errors import OffguardError
from offguard.questions import Question, QuestionBank
from offguard.ui.feedback import get
from offguard.ui.screens.add_question import AddQuestionScreen, NewQuestion
from offguard.ui.screens.progress_actions import PROGRESS_BINDINGS, ProgressActions
from offguard.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from offguard.ui.app import OffguardApp

ALL = "__all__"


def badges(stats: Any, off_guard: bool) -> tuple[Text, Text, Text]:
    """(times practised, last verdict and score, off-guard marker) for one row."""
    times = int(get(stats, "times_practised", get(stats, "takes", 0)) or 0)
    practised = Text(f"{times}×" if times else "-", style="bold" if times else "dim")
    verdict = get(stats, "last_verdict")
    score = get(stats, "last_specificity", get(stats, "last_score"))
    if verdict:
        style = "green" if verdict == "specific" else "red"
        shown = f"{verdict} {round(float(score))}" if score is not None else str(verdict)
        last = Text(shown, style=style)
    else:
        last = Text("-", style="dim")
    marker = Text("★ off guard", style="bold yellow") if off_guard else Text("")
    return practised, last, marker


class QuestionsScreen(ProgressActions, Screen[None]):
    """Pick a question; enter opens the practice room for it."""

    CSS_PATH = "questions.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "practise", "Practise", priority=True),
        Binding("slash", "search", "Search"),
        Binding("a", "add", "Add"),
        Binding("o", "toggle_off_guard", "Off guard"),
        Binding("i", "import_audio", "Import"),
        Binding("d", "devices", "Mic"),
        *PROGRESS_BINDINGS,
        Binding("escape", "clear_search", "Clear search", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.questions: list[Question] = []
        self.shown: list[Question] = []
        self._filters: tuple[object, ...] | None = None
        self._stats: dict[str, Any] = {}
        self._off: set[str] = set()

    @property
    def oapp(self) -> OffguardApp:
        return cast("OffguardApp", self.app)

    def compose(self) -> ComposeResult:
        bank = self.oapp.bank
        yield TitleBar("Questions")
        with Horizontal(id="filters"):
            yield Select(
                [("All categories", ALL)] + [(c, c) for c in bank.categories()],
                value=ALL,
                allow_blank=False,
                id="category",
            )
            yield Select(
                [("Any role", ALL)] + [(r, r) for r in bank.roles() if r != "any"],
                value=ALL,
                allow_blank=False,
                id="role",
            )
            yield Input(placeholder="/ to search", id="search")
        yield DataTable(id="questions", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Question", key="text", width=55)
        table.add_column("Category", key="category", width=20)
        table.add_column("Practised", key="times", width=9)
        table.add_column("Last", key="last", width=12)
        table.add_column("", key="off", width=12)
        self._filters_changed()
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        if self.questions:
            current = self.current()
            self.reload(keep=current.id if current else None)

    # -- data ----------------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        """Read the questions and stats again and redraw the table."""
        self.questions = self.oapp.all_questions()
        try:
            self._stats = self.oapp.store.question_stats()
            self._off = set(self.oapp.store.off_guard_ids())
        except OffguardError as exc:
            self.oapp.show_error(exc)
            self._stats, self._off = {}, set()
        self.refill(keep)

    def refill(self, keep: str | None = None) -> None:
        """Redraw the table; the cursor stays on ``keep`` (default: the current question)."""
        if keep is None and self.shown:
            current = self.current()
            keep = current.id if current else None
        category = self.query_one("#category", Select).value
        role = self.query_one("#role", Select).value
        search = self.query_one("#search", Input).value.strip()
        stats, off = self._stats, self._off
        self.shown = QuestionBank(questions=self.questions).filter(
            category=None if category == ALL else str(category),
            role=None if role == ALL else str(role),
            search=search or None,
        )
        table = self.query_one(DataTable)
        table.clear()
        for q in self.shown:
            row_stats = stats.get(q.id)
            is_off = q.id in off or bool(get(row_stats, "off_guard", False))
            table.add_row(Text(q.text), q.category, *badges(row_stats, is_off), key=q.id)
        if keep is not None:
            for index, q in enumerate(self.shown):
                if q.id == keep:
                    table.move_cursor(row=index)
                    break
        self.show_detail()

    def current(self) -> Question | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def show_detail(self) -> None:
        question = self.current()
        detail = self.query_one("#detail", Static)
        if question is None:
            detail.update("[dim]No question matches. Press escape to clear the search.[/dim]")
            return
        text = Text()
        text.append(question.text, style="bold")
        roles = ", ".join(question.roles)
        text.append(f"\n{question.category} · for {roles}", style="dim")
        if question.tags:
            text.append(" · " + ", ".join(question.tags), style="dim")
        if question.probes:
            text.append(f"\nProbes: {question.probes[0]}", style="italic")
        detail.update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "practise":
            # a priority binding, so the footer shows it; enter still works in the inputs
            return self.query_one(DataTable).has_focus and self.current() is not None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_descendant_blur(self) -> None:
        self.refresh_bindings()

    # -- events --------------------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_practise()

    def _filters_changed(self) -> bool:
        filters = (
            self.query_one("#category", Select).value,
            self.query_one("#role", Select).value,
            self.query_one("#search", Input).value,
        )
        changed = filters != self._filters
        self._filters = filters
        return changed

    def on_select_changed(self, event: Select.Changed) -> None:
        if self.questions and self._filters_changed():
            self.refill()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search" and self.questions and self._filters_changed():
            self.refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    # -- actions -------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
        self.query_one(DataTable).focus()

    def action_practise(self) -> None:
        from offguard.ui.screens.practice import PracticeScreen

        question = self.current()
        if question is not None:
            self.app.push_screen(PracticeScreen(question))

    def action_add(self) -> None:
        self.app.push_screen(AddQuestionScreen(self.oapp.bank.categories()), self._added)

    def _added(self, new: NewQuestion | None) -> None:
        if new is None:
            return
        question = new.to_question({q.id for q in self.questions})
        store = self.oapp.store
        try:
            store.add_question(question, off_guard=new.off_guard)
            if new.has_interview:
                interview_id = store.add_interview(company=new.company, date=new.date)
                store.link_interview_question(interview_id, question.id, new.what_went_wrong)
        except OffguardError as exc:
            self.oapp.show_error(exc)
            return
        self.action_clear_search()
        self.query_one("#category", Select).value = ALL
        self.query_one("#role", Select).value = ALL
        self.reload(keep=question.id)
        self.notify(f"Added: {question.text}", title="Your question", markup=False)

    def action_toggle_off_guard(self) -> None:
        question = self.current()
        if question is None:
            return
        try:
            marked = question.id in set(self.oapp.store.off_guard_ids())
            self.oapp.store.set_off_guard(question.id, not marked)
        except OffguardError as exc:
            self.oapp.show_error(exc)
            return
        self.reload(keep=question.id)

    def action_import_audio(self) -> None:
        from offguard.ui.screens.import_audio import ImportScreen

        question = self.current()
        if question is None:
            self.notify("Pick a question first.", severity="warning")
            return

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.oapp.start_import(path, question)

        self.app.push_screen(ImportScreen(question.text), chosen)

    def action_devices(self) -> None:
        from offguard.ui.screens.devices import DevicesScreen

        self.app.push_screen(DevicesScreen())
