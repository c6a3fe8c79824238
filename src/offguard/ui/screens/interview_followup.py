"""After an interview: the feedback request email (copy or save it), and the notes kept on the
interview (feedback received, reflection, job ad)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea

from offguard.errors import StorageError
from offguard.feedback_request import FeedbackRequest, draft
from offguard.store import InterviewRecord
from offguard.ui.messages import FeedbackDrafted, FeedbackDraftFailed
from offguard.ui.screens.base import OffguardScreen
from offguard.ui.screens.modals import FormScreen
from offguard.ui.widgets.key_footer import KeyFooter


def save_email(folder: Path, interview: InterviewRecord, email: str) -> Path:
    """Write the email to a new file in ``folder`` (never over an existing one)."""
    slug = re.sub(r"[^a-z0-9]+", "-", interview.company.lower()).strip("-")[:30] or "interview"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        for n in range(1, 1000):
            suffix = "" if n == 1 else f"-{n}"
            path = folder / f"feedback-request-{interview.id}-{slug}{suffix}.txt"
            try:
                with path.open("x", encoding="utf-8") as fh:
                    fh.write(email)
                return path
            except FileExistsError:
                continue
    except OSError as exc:
        raise StorageError(
            f"Cannot write the email into {folder}: {exc.strerror or exc}.",
            "free some disk space or check the folder's permissions, then press s again.",
        ) from exc
    raise StorageError(f"Too many saved emails in {folder}.", "tidy that folder up.")


class FeedbackRequestScreen(ModalScreen[None]):
    """The drafted email; ``c`` copies it (where the terminal allows), ``s`` saves a file."""

    CSS_PATH = "interviews.tcss"
    TITLE = "Feedback request"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "copy", "Copy"),
        Binding("s", "save", "Save to file"),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, interview: InterviewRecord, folder: Path) -> None:
        super().__init__()
        self.interview = interview
        self.folder = folder
        self.request: FeedbackRequest | None = None
        self.saved: Path | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="modal-box", id="feedback-box"):
            yield Label(Text(f"Ask {self.interview.company} for feedback", style="bold"))
            yield Static(Text("Drafting…", style="dim"), id="feedback-note")
            yield Static("", id="feedback-email")
            with Horizontal(classes="buttons"):
                yield Button("Copy (c)", id="copy", variant="primary")
                yield Button("Save to file (s)", id="save")
                yield Button("Close (esc)", id="close")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.draft_email()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def draft_email(self) -> None:
        """Draft off the UI thread: judging the feedback runs the coach (spaCy)."""
        try:
            request = draft(self.interview)
        except Exception as exc:
            self.post_message(FeedbackDraftFailed.from_error(exc))
            return
        self.post_message(FeedbackDrafted(request))

    @on(FeedbackDrafted)
    def drafted(self, message: FeedbackDrafted) -> None:
        self.request = message.request
        note = Text()
        if message.request.feedback_generic:
            note.append("The feedback you logged is generic", style="bold yellow")
            note.append(
                ", so this asks specific follow-up questions about this interview.", "yellow"
            )
        elif message.request.feedback_generic is False:
            note.append("Your feedback is specific: this just thanks them.", style="green")
        else:
            note.append("No feedback logged yet: this asks for it.", style="dim")
        self.query_one("#feedback-note", Static).update(note)
        self.query_one("#feedback-email", Static).update(Text(message.request.email))

    @on(FeedbackDraftFailed)
    def draft_failed(self, message: FeedbackDraftFailed) -> None:
        self.query_one("#feedback-note", Static).update(Text(message.problem.text, style="red"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {"copy": self.action_copy, "save": self.action_save}
        actions.get(event.button.id or "", self.action_close)()

    def action_copy(self) -> None:
        if self.request is None:
            return
        self.app.copy_to_clipboard(self.request.email)
        self.notify(
            "Copied, if your terminal allows it (OSC 52). If not, press s to save a file.",
            title="Feedback request",
        )

    def action_save(self) -> None:
        if self.request is None:
            return
        try:
            self.saved = save_email(self.folder, self.interview, self.request.email)
        except StorageError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False)
            return
        self.notify(f"Saved to {self.saved}", title="Feedback request", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class InterviewNotes:
    """What the notes form collected."""

    feedback: str
    reflection: str
    job_description: str


class InterviewNotesScreen(FormScreen[InterviewNotes | None]):
    """Edit the feedback received, the reflection and the job ad of one interview."""

    CSS_PATH = "interviews.tcss"
    TITLE = "Interview notes"

    def __init__(self, interview: InterviewRecord) -> None:
        super().__init__()
        self.interview = interview

    def compose(self) -> ComposeResult:
        iv = self.interview
        with VerticalScroll(classes="modal-box", id="notes-form"):
            yield Label(Text.assemble((iv.company, "bold"), f" {iv.role}".rstrip()))
            yield Label("Feedback you received (paste the email)")
            yield TextArea(iv.feedback, id="feedback", soft_wrap=True)
            yield Label("Reflection: what you'd do differently")
            yield TextArea(iv.reflection, id="reflection", soft_wrap=True)
            yield Label("Job ad (paste it: its key terms are checked in your answers)")
            yield TextArea(iv.job_description, id="job", soft_wrap=True)
            yield self.form_buttons()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#feedback", TextArea).focus()

    def action_save(self) -> None:
        def value(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", TextArea).text.strip()

        self.dismiss(InterviewNotes(value("feedback"), value("reflection"), value("job")))


class JobAdScreen(FormScreen[str | None]):
    """Paste the job ad of this practice session (empty clears it)."""

    CSS_PATH = "interviews.tcss"
    TITLE = "Job ad"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="modal-box", id="job-form"):
            yield Label("[b]The job ad you are practising for[/b]")
            yield Label(
                "[dim]Paste it here: the review shows which of its key terms your answers "
                "use. Clear it to stop.[/dim]"
            )
            yield TextArea(self.text, id="job", soft_wrap=True)
            yield self.form_buttons()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#job", TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one("#job", TextArea).text.strip())


def ask_practice_job_ad(screen: OffguardScreen, then: Callable[[], object] | None = None) -> None:
    """Open :class:`JobAdScreen` on the practice job ad and store what is saved."""
    store = screen.services.store
    try:
        current = store.practice_job_ad()
    except Exception as exc:
        screen.report(exc)
        return

    def saved(text: str | None) -> None:
        if text is None:
            return
        try:
            store.set_practice_job_ad(text)
        except Exception as exc:
            screen.report(exc, title="Job ad not saved")
            return
        screen.notify(
            "Job ad saved: each review shows its key terms you used and missed."
            if text
            else "Job ad cleared.",
            title="Job ad",
        )
        if then is not None:
            then()

    screen.app.push_screen(JobAdScreen(current), saved)
