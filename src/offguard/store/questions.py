"""Questions in the database: the bank mirrored for joins, the user's own, off-guard flags."""

from __future__ import annotations

from collections.abc import Iterable

from offguard.questions import Question
from offguard.store.base import StoreBase, dumps, loads
from offguard.store.connection import utc_now

_UPSERT = """
INSERT INTO questions (id, text, category, roles, tags, probes, tips, source, off_guard, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET
    text = excluded.text, category = excluded.category, roles = excluded.roles,
    tags = excluded.tags, probes = excluded.probes, tips = excluded.tips,
    source = excluded.source, off_guard = MAX(questions.off_guard, excluded.off_guard)
"""


def _row(q: Question, off_guard: bool, now: str) -> tuple[object, ...]:
    return (
        q.id,
        q.text,
        q.category,
        dumps(list(q.roles)),
        dumps(list(q.tags)),
        dumps(list(q.probes)),
        dumps(list(q.tips)),
        q.source,
        int(off_guard),
        now,
    )


class QuestionsMixin(StoreBase):
    def sync_questions(self, questions: Iterable[Question]) -> None:
        """Upsert the bank's questions (one transaction); off-guard flags are kept."""
        now = utc_now()
        rows = [_row(q, False, now) for q in questions]
        with self._db.transaction() as conn:
            conn.executemany(_UPSERT, rows)

    def add_question(self, q: Question, *, off_guard: bool = False) -> None:
        """Add (or update) one question, e.g. one the user typed in after an interview."""
        with self._db.transaction() as conn:
            conn.execute(_UPSERT, _row(q, off_guard, utc_now()))

    def user_questions(self) -> list[Question]:
        """Questions the user added in the app (``source == "user"``), oldest first."""
        rows = self._db.fetchall(
            "SELECT * FROM questions WHERE source = 'user' ORDER BY created_at, id"
        )
        return [
            Question(
                id=row["id"],
                text=row["text"],
                category=row["category"],
                roles=tuple(loads(row["roles"], [])) or ("any",),
                tags=tuple(loads(row["tags"], [])),
                probes=tuple(loads(row["probes"], [])),
                tips=tuple(loads(row["tips"], [])),
                source=row["source"],
            )
            for row in rows
        ]

    def set_off_guard(self, question_id: str, value: bool) -> None:
        """Flag (or unflag) a question as one that caught the user off guard."""
        self._db.execute(
            "INSERT INTO questions (id, off_guard, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET off_guard = excluded.off_guard",
            (question_id, int(value), utc_now()),
        )

    def off_guard_ids(self) -> set[str]:
        rows = self._db.fetchall("SELECT id FROM questions WHERE off_guard = 1")
        return {row["id"] for row in rows}

    def question_text(self, question_id: str) -> str | None:
        """The stored text of a question (``None`` when unknown or never synced)."""
        row = self._db.fetchone("SELECT text FROM questions WHERE id = ?", (question_id,))
        return str(row["text"]) if row and row["text"] else None
