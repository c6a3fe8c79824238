"""The interview log: real interviews, what was said, and the questions that caught you off
guard (they go to the top of the practice queue)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from offguard.errors import OffguardError
from offguard.questions import Question, user_question_id
from offguard.store import OUTCOMES, InterviewRecord, Store
from offguard.ui.screens.add_question import is_date
from offguard.ui.screens.base import OffguardScreen, nav_bindings
from offguard.ui.screens.interview_followup import (
    FeedbackRequestScreen,
    InterviewNotes,
    InterviewNotesScreen,
)
from offguard.ui.screens.modals import FormScreen
from offguard.ui.services import Services
from offguard.ui.widgets.key_footer import KeyFooter
from offguard.ui.widgets.title_bar import TitleBar

OUTCOME_STYLE = {"offer": "green", "rejection": "red", "pending": "yellow", "withdrawn": "dim"}


@dataclass(frozen=True)
class OffGuardQuestion:
    """A question from the interview: a bank id, or new text typed in."""

    question_id: str | None
    text: str
    what_went_wrong: str = ""


@dataclass(frozen=True)
class NewInterview:
    """What the form collected."""

    company: str
    role: str = ""
    date: str = ""
    stage: str = ""
    outcome: str = "pending"
    feedback: str = ""
    reflection: str = ""
    questions: tuple[OffGuardQuestion, ...] = field(default=())


def save_interview(store: Store, new: NewInterview, known_ids: Collection[str]) -> int:
    """Log the interview and its off-guard questions (new ones become your own questions)."""
    interview_id = store.add_interview(
        company=new.company,
        role=new.role,
        date=new.date,
        stage=new.stage,
        outcome=new.outcome,
        feedback=new.feedback,
        reflection=new.reflection,
    )
    taken = set(known_ids)
    for item in new.questions:
        question_id = item.question_id
        if question_id is None:
            question_id = user_question_id(item.text, taken)
            taken.add(question_id)
            store.add_question(
                Question(id=question_id, text=item.text, category="curveball", source="user"),
                off_guard=True,
            )
        store.link_interview_question(interview_id, question_id, item.what_went_wrong)
    return interview_id


class InterviewFormScreen(FormScreen[NewInterview | None]):
    """Company, role, date, stage, outcome, feedback, reflection and off-guard questions."""

    CSS_PATH = "interviews.tcss"
    TITLE = "Log an interview"

    def __init__(self, bank_questions: Sequence[Question]) -> None:
        super().__init__()
        self.bank_questions = list(bank_questions)
        self.picked: list[OffGuardQuestion] = []

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="modal-box", id="interview-form"):
            yield Label("[b]Log an interview[/b]")
            yield Input(placeholder="Company (required)", id="company")
            with Horizontal(classes="pair"):
                yield Input(placeholder="Role", id="role")
                yield Input(value=date.today().isoformat(), placeholder="YYYY-MM-DD", id="date")
            with Horizontal(classes="pair"):
                yield Input(placeholder="Stage (phone screen, onsite...)", id="stage")
                yield Select(
                    [(o, o) for o in OUTCOMES], value="pending", allow_blank=False, id="outcome"
                )
            yield Input(placeholder="Feedback you asked for and received", id="feedback")
            yield Input(placeholder="Reflection: what you'd do differently", id="reflection")
            yield Label("Questions that caught you off guard", classes="section")
            yield Select(
                [(q.text[:80], q.id) for q in self.bank_questions],
                prompt="Pick one from the bank…",
                id="bank-question",
            )
            yield Input(placeholder="…or type the question as it was asked", id="new-question")
            yield Input(placeholder="What went wrong with it (optional)", id="went-wrong")
            yield Button("Add this question", id="add-question")
            yield Static("[dim]No questions added yet.[/dim]", id="picked")
            yield Static("", id="form-error", classes="error")
            yield self.form_buttons()

    def on_mount(self) -> None:
        self.query_one("#company", Input).focus()

    def _value(self, widget_id: str) -> str:
        return " ".join(self.query_one(f"#{widget_id}", Input).value.split())

    def add_question(self) -> bool:
        """Move the picked/typed question into the list; False when nothing was given."""
        select = self.query_one("#bank-question", Select)
        typed = self._value("new-question")
        wrong = self._value("went-wrong")
        if typed:
            item = OffGuardQuestion(None, typed, wrong)
        elif select.value is not Select.BLANK:
            qid = str(select.value)
            text = next((q.text for q in self.bank_questions if q.id == qid), qid)
            item = OffGuardQuestion(qid, text, wrong)
        else:
            return False
        if all(p.question_id != item.question_id or p.text != item.text for p in self.picked):
            self.picked.append(item)
        select.clear()
        for widget_id in ("new-question", "went-wrong"):
            self.query_one(f"#{widget_id}", Input).value = ""
        lines = Text()
        for p in self.picked:
            lines.append("★ ", style="yellow")
            lines.append(p.text + (" (new)" if p.question_id is None else ""))
            if p.what_went_wrong:
                lines.append(f" — {p.what_went_wrong}", style="dim")
            lines.append("\n")
        self.query_one("#picked", Static).update(lines)
        return True

    @on(Button.Pressed, "#add-question")
    def _add_pressed(self) -> None:
        if not self.add_question():
            self.query_one("#form-error", Static).update(
                "[red]Pick a question from the bank or type one first.[/red]"
            )

    def action_save(self) -> None:
        self.add_question()  # a question typed but not added yet still counts
        company = self._value("company")
        when = self._value("date")
        error = ""
        if not company:
            error = "The company is required."
        elif when and not is_date(when):
            error = "Give a real date as YYYY-MM-DD (say 2026-02-28)."
        if error:
            self.query_one("#form-error", Static).update(f"[red]{error}[/red]")
            return
        outcome = self.query_one("#outcome", Select).value
        self.dismiss(
            NewInterview(
                company=company,
                role=self._value("role"),
                date=when,
                stage=self._value("stage"),
                outcome=str(outcome) if outcome in OUTCOMES else "pending",
                feedback=self._value("feedback"),
                reflection=self._value("reflection"),
                questions=tuple(self.picked),
            )
        )


class InterviewsScreen(OffguardScreen):
    """Logged interviews, newest first; ``a`` logs a new one."""

    CSS_PATH = "interviews.tcss"
    TITLE = "Interviews"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("a", "add", "Log interview"),
        Binding("f", "feedback_request", "Ask for feedback", tooltip="Draft the feedback email"),
        Binding("n", "notes", "Notes", tooltip="Feedback received, reflection, job ad"),
        *nav_bindings("history", "stories", "export"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.interviews: list[InterviewRecord] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(
            "[b]Interview log[/b]  [dim]the questions that caught you off guard go to the top "
            "of your practice queue[/dim]",
            id="interviews-title",
            classes="title-line",
        )
        yield DataTable(
            id="interviews", classes="list-table", cursor_type="row", zebra_stripes=True
        )
        yield Static(id="interview-detail", classes="detail-pane")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("Date", "Company", "Role", "Stage", "Outcome", "Off guard"):
            table.add_column(label)
        self.reload()
        table.focus()

    def reload(self) -> None:
        try:
            self.interviews = self.services.store.list_interviews()
        except Exception as exc:
            self.report(exc)
            self.interviews = []
        table = self.query_one(DataTable)
        table.clear()
        for iv in self.interviews:
            table.add_row(
                iv.date or "-",
                Text(iv.company, style="bold"),
                iv.role or "-",
                iv.stage or "-",
                Text(iv.outcome, style=OUTCOME_STYLE.get(iv.outcome, "")),
                str(len(iv.questions)) if iv.questions else "-",
                key=str(iv.id),
            )
        self.show_detail()

    def current(self) -> InterviewRecord | None:
        table = self.query_one(DataTable)
        if not self.interviews or not 0 <= table.cursor_row < len(self.interviews):
            return None
        return self.interviews[table.cursor_row]

    def show_detail(self) -> None:
        detail = self.query_one("#interview-detail", Static)
        iv = self.current()
        if iv is None:
            detail.update("[dim]No interviews logged yet. Press a after your next one.[/dim]")
            return
        text = Text()
        for label, value in (("Feedback", iv.feedback), ("Reflection", iv.reflection)):
            if value:
                text.append(f"{label}: ", style="bold")
                text.append(value + "\n")
        if iv.job_description:
            text.append("Job ad: ", style="bold")
            text.append(iv.job_description.splitlines()[0][:80] + "\n", style="dim")
        for q in iv.questions:
            text.append("★ ", style="yellow")
            text.append(q.text or self.services.question_text(q.question_id))
            if q.what_went_wrong:
                text.append(f" — {q.what_went_wrong}", style="dim")
            text.append("\n")
        detail.update(text if text.plain else Text("(no notes)", style="dim"))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def focused_question_id(self) -> str | None:
        """The first question of the highlighted interview (``h`` opens its history)."""
        iv = self.current()
        return iv.questions[0].question_id if iv is not None and iv.questions else None

    def action_history(self) -> None:
        if self.focused_question_id() is None:
            self.notify("This interview has no questions attached.", severity="warning")
            return
        super().action_history()

    def _questions(self) -> list[Question]:
        try:
            return self.services.questions()
        except OffguardError:
            return list(self.services.bank.questions)

    def action_add(self) -> None:
        self.app.push_screen(InterviewFormScreen(self._questions()), self._saved)

    def _saved(self, new: NewInterview | None) -> None:
        if new is None:
            return
        try:
            known = {q.id for q in self._questions()}
            save_interview(self.services.store, new, known)
        except Exception as exc:
            self.report(exc)
            return
        self.reload()
        count = len(new.questions)
        extra = f"; {count} question(s) moved to the top of your queue" if count else ""
        self.notify(f"Logged {new.company}{extra}.", title="Interview log")

    # -- after the interview -----------------------------------------------------------------

    def action_feedback_request(self) -> None:
        """Draft the email asking for feedback (specific follow-ups if it was generic)."""
        iv = self.current()
        if iv is None:
            self.notify("Log an interview first (a).", severity="warning")
            return
        folder = self.services.settings.data_dir / "exports"
        self.app.push_screen(FeedbackRequestScreen(iv, folder))

    def action_notes(self) -> None:
        """Edit the feedback received, the reflection and the job ad of this interview."""
        iv = self.current()
        if iv is None:
            self.notify("Log an interview first (a).", severity="warning")
            return

        def saved(notes: InterviewNotes | None) -> None:
            if notes is None:
                return
            try:
                self.services.store.update_interview(
                    iv.id,
                    feedback=notes.feedback,
                    reflection=notes.reflection,
                    job_description=notes.job_description,
                )
            except Exception as exc:
                self.report(exc, title="Notes not saved")
                return
            self.reload()
            self.notify(f"Notes on {iv.company} saved.", title="Interview log")

        self.app.push_screen(InterviewNotesScreen(iv), saved)
