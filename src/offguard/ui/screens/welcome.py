"""The first run: "Had an interview recently? Which questions caught you off guard?"

A short form, skippable with escape. What it logs goes to the interview log, and the questions
go first in today's practice queue, where the app opens next.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static

from offguard.ui.screens.interviews import NewInterview, OffGuardQuestion
from offguard.ui.screens.modals import FormScreen
from offguard.ui.widgets.key_footer import KeyFooter

#: How many questions the first-run form asks for.
QUESTION_FIELDS = 3
#: The company logged when none is given (a placeholder the feedback email keeps for the user).
NO_COMPANY = "[Company]"


class WelcomeScreen(FormScreen[NewInterview | None]):
    """Dismisses with the interview to log, or None when skipped."""

    CSS_PATH = "interviews.tcss"
    TITLE = "Welcome"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save and practise"),
        Binding("escape", "cancel", "Skip"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="modal-box", id="welcome"):
            yield Label("[b]Had an interview recently?[/b]", id="welcome-title")
            yield Static(
                "Which questions caught you off guard? Type them as they were asked: they go "
                "first in today's practice queue. [dim](escape skips)[/dim]",
                id="welcome-intro",
            )
            for n in range(1, QUESTION_FIELDS + 1):
                yield Input(placeholder=f"Question {n} that caught you off guard", id=f"q{n}")
            with Horizontal(classes="pair"):
                yield Input(placeholder="Company (optional)", id="company")
                yield Input(placeholder="Role (optional)", id="role")
            yield Static("", id="welcome-error", classes="error")
            yield self.form_buttons("Save and practise", cancel="Skip")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#q1", Input).focus()

    def _value(self, widget_id: str) -> str:
        return " ".join(self.query_one(f"#{widget_id}", Input).value.split())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; on the last one it saves."""
        order = [f"q{n}" for n in range(1, QUESTION_FIELDS + 1)] + ["company", "role"]
        here = order.index(event.input.id or "q1") if event.input.id in order else -1
        if 0 <= here < len(order) - 1:
            self.query_one(f"#{order[here + 1]}", Input).focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        questions = [self._value(f"q{n}") for n in range(1, QUESTION_FIELDS + 1)]
        asked = tuple(OffGuardQuestion(None, q) for q in questions if q)
        company = self._value("company")
        if not asked:
            if company:
                self.query_one("#welcome-error", Static).update(
                    "[red]Add at least one question that caught you off guard, or press "
                    "escape to skip.[/red]"
                )
                return
            self.dismiss(None)
            return
        self.dismiss(
            NewInterview(
                company=company or NO_COMPANY,
                role=self._value("role"),
                date=date.today().isoformat(),
                questions=asked,
            )
        )
