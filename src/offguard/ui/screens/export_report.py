"""Export from the TUI (``e``): choose Markdown or HTML and where (the app then writes the
report in a worker: :mod:`offguard.ui.navigation`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from offguard.ui.screens.modals import FormScreen


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    path: Path
    question_id: str | None = None


class ExportScreen(FormScreen[ExportRequest | None]):
    """Format (HTML or Markdown), file path, and "only this question" when there is one."""

    CSS_PATH = "export_report.tcss"

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
            yield self.form_buttons("Export")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    @property
    def fmt(self) -> str:
        return "md" if self.query_one(RadioSet).pressed_index == 1 else "html"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        path = self.query_one("#path", Input)
        current = Path(path.value.strip() or str(self.default))
        if current.suffix.lower() in (".html", ".htm", ".md", ".markdown", ""):
            path.value = str(current.with_suffix(".md" if self.fmt == "md" else ".html"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.query_one("#export-error", Static).update("[red]Give a file path.[/red]")
            return
        only = self.query(Checkbox)
        question = self.question_id if only and only.first().value else None
        self.dismiss(ExportRequest(self.fmt, Path(text).expanduser(), question))
