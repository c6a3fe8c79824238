"""offguard's SQLite store (sqlite3, WAL, foreign keys, ``PRAGMA user_version`` migrations).

Usage::

    with Store.open(settings.db_path) as store:
        take_id = store.create_take("curve-why-not-hire", path, device="mic", samplerate=16000)
"""

from __future__ import annotations

from offguard.store.connection import iso_utc, utc_now
from offguard.store.db import LeitnerState, Store
from offguard.store.records import (
    DONE_STATUSES,
    OUTCOMES,
    TAKE_STATUSES,
    AnalysisRecord,
    InterviewQuestion,
    InterviewRecord,
    QuestionStats,
    TakeRecord,
    TakeSummary,
)
from offguard.store.schema import LATEST_VERSION

__all__ = [
    "DONE_STATUSES",
    "LATEST_VERSION",
    "OUTCOMES",
    "TAKE_STATUSES",
    "AnalysisRecord",
    "InterviewQuestion",
    "InterviewRecord",
    "LeitnerState",
    "QuestionStats",
    "Store",
    "TakeRecord",
    "TakeSummary",
    "iso_utc",
    "utc_now",
]
