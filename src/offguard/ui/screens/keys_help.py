"""The ``?`` / F1 screen: every key of the screen underneath (shown in the footer or not)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static


@dataclass(frozen=True)
class KeyRow:
    """One line of the help: the keys (as shown), what they do, where they work."""

    keys: str
    description: str
    section: str
    enabled: bool = True


EVERYWHERE = "Everywhere"
THIS_SCREEN = "On this screen"
#: Keys every Textual screen has: listed under "Everywhere".
GENERAL_ACTIONS = {"app.focus_next", "app.focus_previous", "screen.copy_text", "copy_text"}


def key_rows(app: App[None], screen: Screen[object]) -> list[KeyRow]:
    """The screen's keys, then the app's, one row per action (keys of one action joined)."""
    by_action: dict[tuple[str, str], KeyRow] = {}
    order: list[tuple[str, str]] = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if active.node is app or binding.action in GENERAL_ACTIONS:
            section = EVERYWHERE
        elif active.node is screen:
            section = THIS_SCREEN
        else:
            continue  # a focused widget's own moving-around keys
        if binding.system or not binding.description:
            continue
        name = (section, binding.action)
        shown = app.get_key_display(binding)
        row = by_action.get(name)
        if row is None:
            description = binding.tooltip or binding.description
            if binding.action == "command_palette":
                description = "Command palette (search every command)"
            by_action[name] = KeyRow(shown, description, section, active.enabled)
            order.append(name)
        elif shown not in row.keys.split(" / "):
            by_action[name] = KeyRow(f"{row.keys} / {shown}", row.description, section, row.enabled)
    rows = [by_action[name] for name in order]
    return [r for r in rows if r.section == THIS_SCREEN] + [
        r for r in rows if r.section == EVERYWHERE
    ]


def keys_table(rows: list[KeyRow]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", no_wrap=True, style="bold")
    table.add_column()
    section = None
    for row in rows:
        if row.section != section:
            if section is not None:
                table.add_row("", "")
            section = row.section
            table.add_row("", Text(section, style="bold underline"))
        style = "" if row.enabled else "dim"
        description = row.description if row.enabled else f"{row.description} (not now)"
        table.add_row(Text(row.keys, style=style or "bold"), Text(description, style=style))
    return table


class KeysScreen(ModalScreen[None]):
    """Lists the keys; escape, ``?``, F1 or ``q`` close it."""

    CSS_PATH = "modals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1,q", "close", "Close"),
    ]

    def __init__(self, place: str, rows: list[KeyRow], data_dir: Path | None = None) -> None:
        super().__init__()
        self.place = place
        self.rows = rows
        self.data_dir = data_dir
        """The data folder in use, shown under the keys."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="modal-box", id="keys-box"):
            yield Label(f"[b]Keys: {self.place}[/b]   [dim](escape closes)[/dim]")
            yield Static(keys_table(self.rows), id="keys-table")
            if self.data_dir is not None:
                folder = self.data_dir.expanduser().resolve()
                yield Static(
                    Text.assemble(("Data folder: ", "bold"), str(folder)), id="keys-data-dir"
                )

    def action_close(self) -> None:
        self.dismiss(None)
