"""The progress keys, for the questions screen (and any screen with a current question).

Mix :class:`ProgressActions` into a screen and add :data:`PROGRESS_BINDINGS` to its bindings:
``h`` history of the current question, ``l`` interview log, ``g`` trends, ``b`` story bank,
``e`` export. The screen may define ``current() -> Question | None`` for ``h``.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding, BindingType

PROGRESS_BINDINGS: list[BindingType] = [
    Binding("h", "history", "History", tooltip="This question's takes: review, compare, delete"),
    Binding("l", "interviews", "Interviews", tooltip="Log real interviews and what caught you"),
    Binding("g", "trends", "Trends", tooltip="Specificity, fillers, pace and length over time"),
    Binding("b", "stories", "Stories", tooltip="Story bank: which story answers which question"),
    Binding("e", "export", "Export", tooltip="Export a report (HTML or Markdown)"),
]


class ProgressActions:
    """Actions behind :data:`PROGRESS_BINDINGS` (for a :class:`textual.screen.Screen`)."""

    app: Any

    def _current_question_id(self) -> str | None:
        current = getattr(self, "current", None)
        question = current() if callable(current) else None
        return getattr(question, "id", None)

    def action_history(self) -> None:
        from offguard.ui.screens.history import HistoryScreen

        question_id = self._current_question_id()
        if question_id is None:
            self.app.notify("Pick a question first.", severity="warning")
            return
        self.app.push_screen(HistoryScreen(question_id))

    def action_interviews(self) -> None:
        from offguard.ui.screens.interviews import InterviewsScreen

        self.app.push_screen(InterviewsScreen())

    def action_trends(self) -> None:
        from offguard.ui.screens.trends import TrendsScreen

        self.app.push_screen(TrendsScreen())

    def action_stories(self) -> None:
        from offguard.ui.screens.stories import StoriesScreen

        self.app.push_screen(StoriesScreen())

    def action_export(self) -> None:
        from offguard.ui.screens.export_report import open_export

        open_export(self.app)
