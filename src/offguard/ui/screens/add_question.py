"""The modal form for adding your own question (and the real interview it came from)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select

from offguard.questions import (
    ANY_ROLE,
    Question,
    normalize_category,
    normalize_role,
    user_question_id,
)
from offguard.ui.screens.modals import FormScreen


@dataclass(frozen=True)
class NewQuestion:
    """What the form collected."""

    text: str
    category: str
    role: str = ANY_ROLE
    tags: tuple[str, ...] = ()
    off_guard: bool = True
    company: str = ""
    date: str = ""
    what_went_wrong: str = ""

    @property
    def has_interview(self) -> bool:
        return bool(self.company or self.date or self.what_went_wrong)

    def to_question(self, taken: Collection[str]) -> Question:
        """A user question with an id not in ``taken``."""
        return Question(
            id=user_question_id(self.text, taken),
            text=self.text,
            category=normalize_category(self.category),
            roles=(normalize_role(self.role) or ANY_ROLE,),
            tags=self.tags,
            source="user",
        )


DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_date(text: str) -> bool:
    """``YYYY-MM-DD`` naming a day that exists (not 2026-02-30)."""
    import datetime

    if not DATE.match(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


class AddQuestionScreen(FormScreen[NewQuestion | None]):
    """Text, category, role, tags; optionally company, date and what went wrong."""

    CSS_PATH = "modals.tcss"

    def __init__(self, categories: Sequence[str]) -> None:
        super().__init__()
        self.categories = list(categories) or ["behavioural"]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="modal-box", id="add-form"):
            yield Label("[b]Add your own question[/b]")
            yield Input(placeholder="The question, as it was asked", id="text")
            with Horizontal(classes="pair"):
                yield Select(
                    [(c, c) for c in self.categories],
                    value=self.categories[0],
                    allow_blank=False,
                    id="category",
                )
                yield Input(placeholder="Role (blank for any)", id="role")
            yield Input(placeholder="Tags, comma separated", id="tags")
            yield Checkbox("It caught me off guard", value=True, id="off-guard")
            yield Label("The real interview (optional)", classes="section")
            with Horizontal(classes="pair"):
                yield Input(placeholder="Company", id="company")
                yield Input(placeholder="Date (YYYY-MM-DD)", id="date")
            yield Input(placeholder="What went wrong?", id="wrong")
            yield Label("", id="form-error", classes="error")
            yield self.form_buttons()

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def _value(self, widget_id: str) -> str:
        return " ".join(self.query_one(f"#{widget_id}", Input).value.split())

    def collect(self) -> NewQuestion | str:
        """The form's content, or what is wrong with it."""
        text = self._value("text")
        if len(text) < 5:
            return "Type the question first."
        date = self._value("date")
        if date and not is_date(date):
            return "Write a real date as YYYY-MM-DD (say 2026-02-28), or leave it blank."
        company = self._value("company")
        if not company and (date or self._value("wrong")):
            return "Name the company of that interview, or clear its date and notes."
        category = self.query_one("#category", Select).value
        tags = tuple(t.strip().lower() for t in self._value("tags").split(",") if t.strip())
        return NewQuestion(
            text=text,
            category=str(category) if isinstance(category, str) else self.categories[0],
            role=self._value("role") or ANY_ROLE,
            tags=tags,
            off_guard=self.query_one("#off-guard", Checkbox).value,
            company=company,
            date=date,
            what_went_wrong=self._value("wrong"),
        )

    def action_save(self) -> None:
        result = self.collect()
        if isinstance(result, str):
            self.query_one("#form-error", Label).update(f"[red]{result}[/red]")
            return
        self.dismiss(result)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "wrong":
            self.action_save()
        else:
            self.focus_next()
