"""What every full screen shares: the services it is given, and the keys that go elsewhere.

A screen gets :class:`offguard.ui.services.Services` from the app (attributes down) and asks
for other screens by posting a message (messages up): ``h`` posts ``OpenHistory``, ``e``
``ExportRequested``..., which :mod:`offguard.ui.navigation` handles. Add a key of
:data:`NAV_KEYS` to a screen with ``*nav_bindings("history", "export")``; override
:meth:`OffguardScreen.focused_question_id` (the highlighted question: ``h``) and
:meth:`OffguardScreen.scope_question_id` (the question the whole screen is about: ``g``, ``e``).
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.screen import Screen

from offguard.ui.messages import (
    ExportRequested,
    Failed,
    OpenHistory,
    OpenInterviews,
    OpenStories,
    OpenTrends,
)
from offguard.ui.services import Services

NAV_KEYS: dict[str, Binding] = {
    "history": Binding(
        "h", "history", "History", tooltip="This question's takes: review, compare, delete"
    ),
    "interviews": Binding(
        "l", "interviews", "Interviews", tooltip="Log real interviews and what caught you"
    ),
    "trends": Binding(
        "g", "trends", "Trends", tooltip="Specificity, fillers, pace and length over time"
    ),
    "stories": Binding(
        "b", "stories", "Stories", tooltip="Story bank: which story answers which question"
    ),
    "export": Binding("e", "export", "Export", tooltip="Export a report (HTML or Markdown)"),
}


def nav_bindings(*names: str, hidden: tuple[str, ...] = ()) -> list[Binding]:
    """The bindings of :data:`NAV_KEYS` named ``names``, in that order (those in ``hidden``
    work but stay out of the footer; ``?`` still lists them)."""
    return [replace(NAV_KEYS[n], show=False) if n in hidden else NAV_KEYS[n] for n in names]


class OffguardScreen(Screen[None]):
    """A full screen of the practice room. ``TITLE`` names it in the title bar and on ``?``."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services

    # -- hooks ---------------------------------------------------------------------------

    def focused_question_id(self) -> str | None:
        """The question under the cursor (``h`` opens its history)."""
        return None

    def scope_question_id(self) -> str | None:
        """The question this screen is about (``g`` and ``e`` keep to it); None: all."""
        return None

    def take_changed(self, take_id: int, deleted: bool) -> None:
        """The app moved take ``take_id`` to the trash (``deleted``) or brought it back."""

    def report(self, exc: BaseException, title: str = "Problem") -> None:
        """Show ``exc`` as one line (the app does it; an unexpected one is also logged)."""
        self.post_message(Failed.from_error(exc, title))

    # -- keys that open other screens ----------------------------------------------------

    def action_history(self) -> None:
        question_id = self.focused_question_id()
        if question_id is None:
            self.notify("Pick a question first.", severity="warning")
            return
        self.post_message(OpenHistory(question_id))

    def action_interviews(self) -> None:
        self.post_message(OpenInterviews())

    def action_trends(self) -> None:
        self.post_message(OpenTrends(self.scope_question_id()))

    def action_stories(self) -> None:
        self.post_message(OpenStories())

    def action_export(self) -> None:
        self.post_message(ExportRequested(self.scope_question_id()))
