"""Export from the TUI (``e``): choose Markdown or HTML and where (the app then writes the
report in a worker: :mod:`offguard.ui.navigation`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    path: Path
    question_id: str | None = None


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Format (HTML or Markdown), file path, and "only this question" when there is one."""

    CSS_PATH = "export_report.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "export", "Export"),
    ]

    def __init__(self, default: Path, question_id: str | None = None) -> None:
        super().__init__()
        self.default = default
        self.question_id = question_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box", id="export-box"):
            yield Label("[b]Export a report[/b]")
            with RadioSet(id="format"):
                yield RadioButton("HTML: one file, opens in any browser, prints well", value=True)
                yield RadioButton("Markdown: plain text")
            yield Input(value=str(self.default), id="path")
            if self.question_id:
                yield Checkbox("Only this question", value=True, id="only")
            yield Static("", id="export-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Export (ctrl+s)", variant="primary", id="export")

    def on_mount(self) -> None:
        self.query_one("#export", Button).focus()

    @property
    def fmt(self) -> str:
        return "md" if self.query_one(RadioSet).pressed_index == 1 else "html"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        path = self.query_one("#path", Input)
        current = Path(path.value.strip() or str(self.default))
        if current.suffix.lower() in (".html", ".htm", ".md", ".markdown", ""):
            path.value = str(current.with_suffix(".md" if self.fmt == "md" else ".html"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.action_export()
        else:
            self.action_cancel()

    def action_export(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.query_one("#export-error", Static).update("[red]Give a file path.[/red]")
            return
        only = self.query(Checkbox)
        question = self.question_id if only and only.first().value else None
        self.dismiss(ExportRequest(self.fmt, Path(text).expanduser(), question))

    def action_cancel(self) -> None:
        self.dismiss(None)
