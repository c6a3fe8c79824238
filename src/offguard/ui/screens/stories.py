"""The story bank: which stories answer which questions, and what to fix."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from offguard.progress import StoryReport, stories
from offguard.progress.stories import MAX_QUESTIONS_PER_STORY
from offguard.ui.screens.base import OffguardScreen, nav_bindings
from offguard.ui.services import Services
from offguard.ui.widgets.key_footer import KeyFooter
from offguard.ui.widgets.title_bar import TitleBar

#: Warnings listed under the table; the rest are the "(no story)" rows.
SHOWN_WARNINGS = 8


class StoriesScreen(OffguardScreen):
    """Stories tagged on takes (``s`` in a question's history), with warnings."""

    TITLE = "Stories"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        *nav_bindings("history"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.story_report: StoryReport | None = None
        self.rows: list[str] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(
            "[b]Story bank[/b]  [dim]tag a take with its story: press s in a question's "
            "history (h)[/dim]",
            id="stories-title",
            classes="title-line",
        )
        yield DataTable(id="stories", classes="list-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="story-warnings", classes="detail-pane")
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
            self.story_report = stories(self.services.store)
        except Exception as exc:
            self.report(exc)
            return
        table = self.query_one(DataTable)
        table.clear()
        self.rows = []
        for story in self.story_report.stories:
            heavy = len(story.question_ids) > MAX_QUESTIONS_PER_STORY
            names = "; ".join(self.services.question_text(q)[:60] for q in story.question_ids)
            table.add_row(
                Text(story.name, style="bold yellow" if heavy else "bold"),
                Text(
                    f"{len(story.question_ids)} question(s), {len(story.take_ids)} take(s)",
                    style="yellow" if heavy else "",
                ),
                names,
            )
            self.rows.append(story.question_ids[0])
        for question_id in self.story_report.questions_without_story:
            table.add_row(
                Text("(no story)", style="red"), "", self.services.question_text(question_id)[:80]
            )
            self.rows.append(question_id)
        warnings = Text()
        if not self.story_report.stories:
            warnings.append("No stories yet. ", style="bold")
        shown = self.story_report.warnings[:SHOWN_WARNINGS]
        for line in shown:
            warnings.append("⚠ ", style="yellow")
            warnings.append(self._readable(line) + "\n")
        if len(self.story_report.warnings) > len(shown):
            more = len(self.story_report.warnings) - len(shown)
            warnings.append(f"… and {more} more (the questions marked “no story” above)", "dim")
        if not self.story_report.warnings:
            warnings.append("Every practised question has a story, none is overused.", "green")
        self.query_one("#story-warnings", Static).update(warnings)

    def _readable(self, warning: str) -> str:
        """Warnings name questions by id; show their text instead."""
        head, sep, rest = warning.partition(" has no story yet")
        if sep and " " not in head:
            return f"“{self.services.question_text(head)}” has no story yet{rest}"
        return warning

    def focused_question_id(self) -> str | None:
        row = self.query_one(DataTable).cursor_row
        return self.rows[row] if 0 <= row < len(self.rows) else None
