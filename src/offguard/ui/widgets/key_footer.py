"""A compact footer that always fits: the app keys (``? Keys``, ``^q Quit``) stay on the right,
the screen's keys fill the rest from the left, and a key that would not fit is left out (it is
still listed on the ``?`` help screen) instead of being cut in half.

Built from public Textual parts only (it looks like ``Footer(compact=True)``): each key is a
:class:`KeyLabel`; the footer recomposes when the screen's bindings change.
"""

from __future__ import annotations

import asyncio
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widget import Widget

#: Actions of the app's own keys, always shown on the right.
RIGHT_ACTIONS = ("show_keys", "quit")


def key_width(key_display: str, description: str) -> int:
    """Columns a :class:`KeyLabel` takes, with its right margin."""
    return len(key_display) + (len(description) + 1 if description else 0) + 1


class KeyLabel(Widget):
    """One key: the key in bold, then what it does; clicking it presses the key."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-label--key", "key-label--description"}
    DEFAULT_CSS = """
    KeyLabel {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        margin-right: 1;
        background: $footer-item-background;
        .key-label--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-label--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        &:hover {
            pointer: pointer;
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        &.-disabled {
            text-style: dim;
        }
    }
    """

    def __init__(
        self,
        key: str,
        key_display: str,
        description: str,
        *,
        disabled: bool = False,
        tooltip: str = "",
        classes: str = "",
    ) -> None:
        super().__init__(classes=f"{classes} -disabled" if disabled else classes)
        self.shrink = False  # a key is shown whole or not at all
        self.key = key
        self.key_display = key_display
        self.description = description
        self.key_disabled = disabled
        if tooltip:
            self.tooltip = tooltip

    def render(self) -> Text:
        text = Text.assemble(
            (self.key_display, self.get_component_rich_style("key-label--key")),
            (
                f" {self.description}" if self.description else "",
                self.get_component_rich_style("key-label--description"),
            ),
        )
        text.stylize_before(self.rich_style)
        return text

    def on_mouse_down(self) -> None:
        if self.key_disabled:
            self.app.bell()
        else:
            self.app.simulate_key(self.key)


class KeyFooter(Widget):
    """The screen's keys in one line at the bottom; what does not fit is dropped whole."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyFooter {
        layout: horizontal;
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyFooter #app-keys {
        dock: right;
        width: auto;
        height: 1;
    }
    KeyFooter #app-keys KeyLabel.-last {
        margin-right: 0;
        padding-right: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ready = False
        self.laid_out_width = 0
        self.relayout_pending = False
        self.relayout_lock = asyncio.Lock()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def bindings_changed(self, screen: Screen[object]) -> None:
        self.ready = True
        if self.is_attached and screen is self.screen:
            self.relayout()

    def relayout(self) -> None:
        """Recompose after the next refresh: once, however many changes asked for it (two
        recomposes at once would mount the keys twice)."""
        if not self.relayout_pending:
            self.relayout_pending = True
            self.call_after_refresh(self._relayout)

    async def _relayout(self) -> None:
        async with self.relayout_lock:
            self.relayout_pending = False
            await self.recompose()

    def shown_keys(self) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
        """(left, right) keys as (key, shown key, description) for the current width."""
        left: list[tuple[str, str, str]] = []
        right: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            entry = (binding.key, self.app.get_key_display(binding), binding.description)
            (right if binding.action in RIGHT_ACTIONS else left).append(entry)
        right.sort(key=lambda e: 0 if e[0].startswith("question") else 1)
        # the screen's own order (a priority key otherwise takes a focused widget's place)
        order: dict[str, int] = {}
        for declared in self.screen.BINDINGS:
            if isinstance(declared, Binding):
                for key in declared.key.split(","):
                    order.setdefault(key.strip(), len(order))
        left.sort(key=lambda e: order.get(e[0], len(order)))
        budget = max(self.app.size.width, self.size.width) - 1
        budget -= sum(key_width(shown, desc) for _, shown, desc in right)
        fitting: list[tuple[str, str, str]] = []
        for entry in left:
            width = key_width(entry[1], entry[2])
            if width <= budget:
                fitting.append(entry)
                budget -= width
        return fitting, right

    def compose(self) -> ComposeResult:
        if not self.ready:
            return
        active = self.screen.active_bindings
        left, right = self.shown_keys()
        for key, shown, description in left:
            binding = active[key]
            yield KeyLabel(
                key,
                shown,
                description,
                disabled=not binding.enabled,
                tooltip=binding.tooltip or binding.binding.tooltip,
            )
        with HorizontalGroup(id="app-keys"):
            for index, (key, shown, description) in enumerate(right):
                classes = "-last" if index == len(right) - 1 else ""
                yield KeyLabel(key, shown, description, classes=classes)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self.laid_out_width:
            self.laid_out_width = event.size.width
            if self.ready:
                self.relayout()
