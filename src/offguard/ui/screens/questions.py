"""The start screen: the questions, filters, search and per-question badges."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Select, Static

from offguard.progress.queue import QueueItem
from offguard.questions import Question, QuestionBank
from offguard.store import QuestionStats
from offguard.ui.messages import ImportRequested, OpenDevices, OpenPractice
from offguard.ui.screens.add_question import AddQuestionScreen, NewQuestion
from offguard.ui.screens.base import OffguardScreen, nav_bindings
from offguard.ui.screens.question_table import (
    Column,
    badges,
    bank_columns,
    build_today,
    clip,
    interview_of,
    queue_reason,
    today_columns,
)
from offguard.ui.services import Services
from offguard.ui.widgets.key_footer import KeyFooter
from offguard.ui.widgets.title_bar import TitleBar

ALL = "__all__"
#: How many questions today's queue holds.
TODAY_LIMIT = 10


class QuestionsScreen(OffguardScreen):
    """Pick a question; enter opens the practice room for it."""

    CSS_PATH = "questions.tcss"
    TITLE = "Questions"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "practise", "Practise", priority=True),
        Binding("t", "toggle_today", "Today", tooltip="Switch: today's queue / all questions"),
        Binding("slash", "search", "Search", show=False, tooltip="Search the questions"),
        Binding("a", "add", "Add", tooltip="Add your own question (and where it came up)"),
        Binding("o", "toggle_off_guard", "Off guard", tooltip="Mark: caught me off guard ★"),
        Binding("i", "import_audio", "Import", tooltip="Import an audio file as a take"),
        Binding("d", "devices", "Mic", tooltip="Pick and test the microphone"),
        *nav_bindings("history", "interviews", "trends", "stories", "export"),
        Binding("j", "job_ad", "Job ad", tooltip="The job ad your answers are checked against"),
        Binding("escape", "clear_search", "Clear search", show=False),
    ]

    def __init__(self, services: Services, *, today: bool = False) -> None:
        super().__init__(services)
        self.questions: list[Question] = []
        self.shown: list[Question] = []
        self._filters: tuple[object, ...] | None = None
        self._stats: dict[str, QuestionStats] = {}
        self._off: set[str] = set()
        self.today_view = today
        self.queue: list[QueueItem] = []
        self._reasons: dict[str, str] = {}
        self._columns: list[Column] = []

    def compose(self) -> ComposeResult:
        bank = self.services.bank
        yield TitleBar()
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
        yield Static("", id="view-label")
        yield DataTable(id="questions", cursor_type="row", zebra_stripes=True)
        yield Static("", id="detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self._set_columns()
        self._filters_changed()
        self.reload()
        table.focus()

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._relayout)

    def _relayout(self) -> None:
        if self._set_columns():
            self.refill()

    def _set_columns(self) -> bool:
        """Size the columns to the table's width; True when they changed."""
        table = self.query_one(DataTable)
        total = table.size.width or self.app.size.width - 2
        longest = max((len(r) for r in self._reasons.values()), default=9)
        columns = today_columns(total, longest) if self.today_view else bank_columns(total)
        if columns == self._columns:
            return False
        self._columns = columns
        table.clear(columns=True)
        for column in columns:
            table.add_column(column.label, key=column.key, width=column.width)
        return True

    def on_screen_resume(self) -> None:
        if self.questions:
            current = self.current()
            self.reload(keep=current.id if current else None)

    # -- data ----------------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        """Read the questions and stats again and redraw the table."""
        store = self.services.store
        try:
            self.questions = self.services.questions()
        except Exception as exc:
            self.report(exc)
            self.questions = list(self.services.bank.questions)
        try:
            self._stats = store.question_stats()
            self._off = store.off_guard_ids()
        except Exception as exc:
            self.report(exc)
            self._stats, self._off = {}, set()
        self._load_queue()
        self._set_columns()
        self.refill(keep)

    def cursor_to_top(self) -> None:
        """Put the cursor on the first question shown (the head of today's queue)."""
        if self.shown:
            self.query_one(DataTable).move_cursor(row=0)
            self.show_detail()

    def _load_queue(self) -> None:
        """Today's queue and the reason of each question in it."""
        store = self.services.store
        try:
            self.queue = build_today(store, self.questions, date.today(), TODAY_LIMIT)
            interviews = interview_of(store.list_interviews())
        except Exception as exc:  # the start screen must open whatever the queue does
            self.report(exc, title="Cannot build today's queue")
            self.queue, interviews = [], {}
        self._reasons = {
            item.question.id: queue_reason(item, self._stats, interviews) for item in self.queue
        }

    def refill(self, keep: str | None = None) -> None:
        """Redraw the table; the cursor stays on ``keep`` (default: the current question)."""
        if keep is None and self.shown:
            current = self.current()
            keep = current.id if current else None
        category = self.query_one("#category", Select).value
        role = self.query_one("#role", Select).value
        search = self.query_one("#search", Input).value.strip()
        matching = QuestionBank(questions=self.questions).filter(
            category=None if category == ALL else str(category),
            role=None if role == ALL else str(role),
            search=search or None,
        )
        if self.today_view:
            wanted = {q.id for q in matching}
            self.shown = [item.question for item in self.queue if item.question.id in wanted]
        else:
            self.shown = matching
        table = self.query_one(DataTable)
        table.clear()
        for q in self.shown:
            cells = self._cells(q)
            table.add_row(*(cells[c.key] for c in self._columns), key=q.id)
        self._show_view_label(len(matching))
        if keep is not None:
            for index, q in enumerate(self.shown):
                if q.id == keep:
                    table.move_cursor(row=index)
                    break
        self.show_detail()

    def _cells(self, q: Question) -> dict[str, Text | str]:
        row_stats = self._stats.get(q.id)
        is_off = q.id in self._off or (row_stats is not None and row_stats.off_guard)
        times, last, marker = badges(row_stats, is_off)
        width = {c.key: c.width for c in self._columns}
        reason = self._reasons.get(q.id, "")
        return {
            "text": Text(clip(q.text, width.get("text", 60))),
            "category": clip(q.category, width.get("category", 13)),
            "times": times,
            "last": last,
            "off": marker,
            "reason": Text(
                clip(reason, width.get("reason", 40)),
                style="yellow" if reason.startswith("caught") else "",
            ),
        }

    def _show_view_label(self, matching: int) -> None:
        label = Text()
        if self.today_view:
            label.append("Today", style="bold reverse")
            label.append(f"  {len(self.shown)} to practise, most urgent first", style="bold")
            label.append("   t: all questions", style="dim")
        else:
            label.append("All questions", style="bold reverse")
            label.append(f"  {matching}", style="bold")
            off = sum(1 for item in self.queue if item.kind == "off-guard")
            label.append(f"   t: today's queue ({len(self.queue)}", style="dim")
            label.append(f", {off} ★ off guard)" if off else ")", style="dim")
        self.query_one("#view-label", Static).update(label)

    def current(self) -> Question | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def focused_question_id(self) -> str | None:
        question = self.current()
        return question.id if question is not None else None

    def show_detail(self) -> None:
        question = self.current()
        detail = self.query_one("#detail", Static)
        if question is None:
            if self.today_view and not self.queue:
                detail.update(
                    "[dim]Nothing due today: every question you practised is resting. "
                    "Press t for all questions.[/dim]"
                )
            else:
                detail.update("[dim]No question matches. Press escape to clear the search.[/dim]")
            return
        text = Text()
        text.append(question.text, style="bold")
        roles = ", ".join(question.roles)
        text.append(f"\n{question.category} · for {roles}", style="dim")
        if question.tags:
            text.append(" · " + ", ".join(question.tags), style="dim")
        reason = self._reasons.get(question.id)
        if reason:
            text.append(f"\nToday: {reason}", style="yellow")
        elif question.id in self._off:
            text.append("\n★ caught you off guard (o unmarks)", style="yellow")
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

    def action_toggle_today(self) -> None:
        """Switch the table between the whole bank and today's queue; first row highlighted."""
        self.today_view = not self.today_view
        self._set_columns()
        self.shown = []
        self.refill()
        table = self.query_one(DataTable)
        if self.shown:
            table.move_cursor(row=0)
        self.show_detail()
        table.focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
        self.query_one(DataTable).focus()

    def action_practise(self) -> None:
        question = self.current()
        if question is not None:
            self.post_message(OpenPractice(question))

    def action_add(self) -> None:
        self.app.push_screen(AddQuestionScreen(self.services.bank.categories()), self._added)

    def _added(self, new: NewQuestion | None) -> None:
        if new is None:
            return
        question = new.to_question({q.id for q in self.questions})
        store = self.services.store
        try:
            store.add_question(question, off_guard=new.off_guard)
            if new.has_interview:
                interview_id = store.add_interview(company=new.company, date=new.date)
                store.link_interview_question(interview_id, question.id, new.what_went_wrong)
        except Exception as exc:
            self.report(exc)
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
        store = self.services.store
        try:
            store.set_off_guard(question.id, question.id not in store.off_guard_ids())
        except Exception as exc:
            self.report(exc)
            return
        self.reload(keep=question.id)

    def action_import_audio(self) -> None:
        question = self.current()
        if question is None:
            self.notify("Pick a question first.", severity="warning")
            return
        self.post_message(ImportRequested(question))

    def action_devices(self) -> None:
        self.post_message(OpenDevices())

    # -- the practice session's job ad ---------------------------------------------------

    def action_job_ad(self) -> None:
        """Paste (or clear) the job ad your practice answers are checked against."""
        from offguard.ui.screens.interview_followup import ask_practice_job_ad

        ask_practice_job_ad(self)
