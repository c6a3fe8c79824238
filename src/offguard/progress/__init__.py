"""Progress across sessions: history, comparing takes, the practice queue, trends, stories.

No Textual here: the TUI and the CLI both build on these functions.
"""

from __future__ import annotations

from offguard.progress.compare import Comparison, DiffOp, compare, word_diff
from offguard.progress.history import history
from offguard.progress.queue import BOX_DAYS, QueueItem, build_queue, record_result
from offguard.progress.stories import Story, StoryReport, stories
from offguard.progress.trends import Trend, TrendPoint, trend

__all__ = [
    "BOX_DAYS",
    "Comparison",
    "DiffOp",
    "QueueItem",
    "Story",
    "StoryReport",
    "Trend",
    "TrendPoint",
    "build_queue",
    "compare",
    "history",
    "record_result",
    "stories",
    "trend",
    "word_diff",
]
