"""The :class:`Store`: offguard's one SQLite database, safe to share between threads."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from offguard.store.connection import Connection
from offguard.store.interviews import InterviewsMixin
from offguard.store.questions import QuestionsMixin
from offguard.store.takes import TakesMixin


@dataclass(frozen=True)
class LeitnerState:
    """Where a question sits in the spaced-repetition boxes."""

    question_id: str
    box: int
    due: str
    """ISO date (``YYYY-MM-DD``) from which the question is due again."""
    last_practised: str | None


class Store(InterviewsMixin, TakesMixin, QuestionsMixin):
    """Questions, takes, transcripts, analyses, interviews and Leitner boxes.

    Open with :meth:`open` (or use as a context manager). One connection is shared by all
    threads and every call holds the store's lock, so the TUI's worker threads can call it.
    """

    def __init__(self, db: Connection) -> None:
        self._db = db
        self.path = db.path
        self.data_dir = db.data_dir

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (creating, checking and migrating) the database at ``path``."""
        path = Path(path).expanduser().resolve()
        return cls(Connection(path))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def transaction(self) -> AbstractContextManager[object]:
        """Group several store calls into one all-or-nothing change (re-entrant)."""
        return self._db.transaction()

    @property
    def schema_version(self) -> int:
        return self._db.user_version()

    def backup(self, target: Path | None = None) -> Path:
        """Copy the database (to ``DATA_DIR/backups/`` by default); returns the copy's path."""
        return self._db.backup(target or self._db.backup_path(self.schema_version))

    # -- Leitner boxes (used by offguard.progress.queue) -----------------------------------

    def leitner_states(self) -> dict[str, LeitnerState]:
        rows = self._db.fetchall("SELECT question_id, box, due, last_practised FROM leitner")
        return {
            row["question_id"]: LeitnerState(
                row["question_id"], int(row["box"]), row["due"], row["last_practised"]
            )
            for row in rows
        }

    def set_leitner(self, state: LeitnerState) -> None:
        self._db.execute(
            "INSERT INTO leitner (question_id, box, due, last_practised) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(question_id) DO UPDATE SET box = excluded.box, due = excluded.due, "
            "last_practised = excluded.last_practised",
            (state.question_id, state.box, state.due, state.last_practised),
        )
