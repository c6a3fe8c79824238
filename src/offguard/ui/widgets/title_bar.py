"""A one-line title bar: app name, the screen's name (its ``TITLE``) and the model status
(``app.sub_title``).

Used instead of Textual's Header, whose title watchers can fire while a screen is being torn
down; this one only updates its own text.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class TitleBar(Static):
    DEFAULT_CSS = """
    TitleBar {
        height: 1;
        width: 1fr;
        background: $primary-darken-2;
        color: $text;
        padding: 0 1;
    }
    """

    def __init__(self, place: str | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.place = place

    def on_mount(self) -> None:
        if self.place is None:
            self.place = self.screen.title or ""
        self.watch(self.app, "sub_title", self._show)

    def _show(self, sub_title: str | None = None) -> None:
        text = Text()
        text.append("● offguard", style="bold")
        text.append(f"  ·  {self.place}")
        status = self.app.sub_title
        if status:
            text.append(f"  ·  {status}", style="italic")
        self.update(text)
