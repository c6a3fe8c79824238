"""Small modal screens: the base of every form, a yes/no question and a progress box."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, LoadingIndicator

ResultT = TypeVar("ResultT")


class FormScreen(ModalScreen[ResultT]):
    """A modal form: ``ctrl+s`` or its primary button saves (:meth:`action_save`, which
    dismisses with the result), escape or Cancel dismisses with None. End the form with
    ``yield self.form_buttons(...)``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def form_buttons(self, save: str = "Save", cancel: str = "Cancel") -> Horizontal:
        return Horizontal(
            Button(f"{cancel} (esc)", id="cancel"),
            Button(f"{save} (ctrl+s)", variant="primary", id="save"),
            classes="buttons",
        )

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """Ask before something that cannot be undone; dismisses with True to go ahead."""

    CSS_PATH = "modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str = "Discard", no: str = "Keep recording") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="modal-box"):
            yield Label(self.question, id="confirm-text")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes} (y)", variant="error", id="yes")
                yield Button(f"{self.no} (n)", variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class BusyScreen(ModalScreen[None]):
    """A progress box while a long task runs; the task pops it when done."""

    CSS_PATH = "modals.tcss"

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box busy"):
            yield Label(self.text)
            yield LoadingIndicator()
