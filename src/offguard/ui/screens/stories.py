"""The story bank: which stories answer which questions, and what to fix."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static

from offguard.progress import StoryReport, stories
from offguard.progress.stories import MAX_QUESTIONS_PER_STORY
from offguard.ui.screens.progress_common import app_store, question_text, show_error
from offguard.ui.widgets.key_footer import KeyFooter
from offguard.ui.widgets.title_bar import TitleBar

#: Warnings listed under the table; the rest are the "(no story)" rows.
SHOWN_WARNINGS = 8


class StoriesScreen(Screen[None]):
    """Stories tagged on takes (``s`` in a question's history), with warnings."""

    CSS_PATH = "stories.tcss"
    PLACE = "Stories"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("h", "history", "History"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report: StoryReport | None = None
        self.rows: list[str] = []

    def compose(self) -> ComposeResult:
        yield TitleBar("Stories")
        yield Static(
            "[b]Story bank[/b]  [dim]tag a take with its story: press s in a question's "
            "history (h)[/dim]",
            id="stories-title",
        )
        yield DataTable(id="stories", cursor_type="row", zebra_stripes=True)
        yield Static(id="story-warnings")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Story", key="story", width=30)
        table.add_column("Answers", key="count")
        table.add_column("Questions", key="questions")
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            self.report = stories(app_store(self.app))
        except Exception as exc:
            show_error(self.app, exc)
            return
        table = self.query_one(DataTable)
        table.clear()
        self.rows = []
        for story in self.report.stories:
            heavy = len(story.question_ids) > MAX_QUESTIONS_PER_STORY
            names = "; ".join(question_text(self.app, q)[:60] for q in story.question_ids)
            table.add_row(
                Text(story.name, style="bold yellow" if heavy else "bold"),
                Text(
                    f"{len(story.question_ids)} question(s), {len(story.take_ids)} take(s)",
                    style="yellow" if heavy else "",
                ),
                names,
            )
            self.rows.append(story.question_ids[0])
        for question_id in self.report.questions_without_story:
            table.add_row(
                Text("(no story)", style="red"), "", question_text(self.app, question_id)[:80]
            )
            self.rows.append(question_id)
        warnings = Text()
        if not self.report.stories:
            warnings.append("No stories yet. ", style="bold")
        shown = self.report.warnings[:SHOWN_WARNINGS]
        for line in shown:
            warnings.append("⚠ ", style="yellow")
            warnings.append(self._readable(line) + "\n")
        if len(self.report.warnings) > len(shown):
            more = len(self.report.warnings) - len(shown)
            warnings.append(f"… and {more} more (the questions marked “no story” above)", "dim")
        if not self.report.warnings:
            warnings.append("Every practised question has a story, none is overused.", "green")
        self.query_one("#story-warnings", Static).update(warnings)

    def _readable(self, warning: str) -> str:
        """Warnings name questions by id; show their text instead."""
        head, sep, rest = warning.partition(" has no story yet")
        if sep and " " not in head:
            return f"“{question_text(self.app, head)}” has no story yet{rest}"
        return warning

    def action_history(self) -> None:
        from offguard.ui.screens.history import HistoryScreen

        table = self.query_one(DataTable)
        if 0 <= table.cursor_row < len(self.rows):
            self.app.push_screen(HistoryScreen(self.rows[table.cursor_row]))
