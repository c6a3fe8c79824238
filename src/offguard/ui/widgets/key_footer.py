"""A compact footer that always fits: the app keys (``? Keys``, ``^q Quit``) stay on the right,
the screen's keys fill the rest from the left, and a key that would not fit is left out (it is
still listed on the ``?`` help screen) instead of being cut in half.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: Actions of the app's own keys, always shown on the right.
RIGHT_ACTIONS = ("show_keys", "quit")


def key_width(key_display: str, description: str) -> int:
    """Columns a compact :class:`FooterKey` takes, with its right margin."""
    return len(key_display) + (len(description) + 1 if description else 0) + 1


class KeyFooter(Footer):
    """Footer(compact, no command-palette key) that drops what does not fit."""

    DEFAULT_CSS = """
    KeyFooter #app-keys {
        dock: right;
        width: auto;
        height: 1;
    }
    KeyFooter #app-keys FooterKey.-last {
        margin-right: 0;
        padding-right: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True, show_command_palette=False)
        self._laid_out_width = 0

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
        if not self._bindings_ready:
            return
        enabled = {key: active.enabled for key, active in self.screen.active_bindings.items()}
        actions = {
            key: active.binding.action for key, active in self.screen.active_bindings.items()
        }
        left, right = self.shown_keys()
        for key, shown, description in left:
            yield FooterKey(
                key, shown, description, actions[key], disabled=not enabled.get(key, True)
            ).data_bind(compact=Footer.compact)
        with HorizontalGroup(id="app-keys"):
            for index, (key, shown, description) in enumerate(right):
                classes = "-last" if index == len(right) - 1 else ""
                yield FooterKey(key, shown, description, actions[key], classes=classes).data_bind(
                    compact=Footer.compact
                )

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._laid_out_width:
            self._laid_out_width = event.size.width
            if self._bindings_ready:
                self.call_after_refresh(self.recompose)
