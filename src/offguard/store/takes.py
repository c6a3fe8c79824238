"""Takes, their transcripts and analyses; soft delete through the trash folder."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from offguard.errors import StorageError
from offguard.store.base import StoreBase, dumps, loads
from offguard.store.connection import iso_utc, utc_now
from offguard.store.records import TAKE_STATUSES, AnalysisRecord, TakeRecord
from offguard.transcription.types import Transcript, Word

_TAKE_COLUMNS = (
    "id, question_id, started_at, ended_at, duration, audio_path, device, samplerate, status, "
    "overflows, story, deleted_at, note"
)


def _check_status(status: str) -> None:
    if status not in TAKE_STATUSES:
        raise ValueError(f"unknown take status {status!r} (one of {', '.join(TAKE_STATUSES)})")


def _move(source: Path, target: Path) -> None:
    """Move a file (a rename when on the same file system), creating the target's folder."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    shutil.move(source, target)


class TakesMixin(StoreBase):
    def _take(self, row: sqlite3.Row) -> TakeRecord:
        return TakeRecord(
            id=row["id"],
            question_id=row["question_id"],
            started_at=row["started_at"],
            ended_at=row["ended_at"],
            duration=row["duration"],
            audio_path=self.absolute(row["audio_path"]),
            device=row["device"],
            samplerate=row["samplerate"],
            status=row["status"],
            overflows=row["overflows"],
            story=row["story"],
            deleted_at=row["deleted_at"],
            note=row["note"],
        )

    def create_take(
        self,
        question_id: str,
        audio_path: Path,
        *,
        device: str,
        samplerate: int,
        status: str = "recording",
        started_at: datetime | None = None,
    ) -> int:
        """Register a take (before or after its audio is written); returns its id."""
        _check_status(status)
        started = iso_utc(started_at) if started_at else utc_now()
        cursor = self._db.execute(
            "INSERT INTO takes (question_id, started_at, audio_path, device, samplerate, status) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (question_id, started, self.relative(audio_path), device, samplerate, status),
        )
        return int(cursor.lastrowid or 0)

    def finish_take(
        self,
        take_id: int,
        *,
        duration: float,
        status: str = "saved",
        overflows: int = 0,
        ended_at: datetime | None = None,
        note: str | None = None,
    ) -> None:
        _check_status(status)
        ended = iso_utc(ended_at) if ended_at else utc_now()
        cursor = self._db.execute(
            "UPDATE takes SET duration = ?, status = ?, overflows = ?, ended_at = ?, "
            "note = COALESCE(?, note) WHERE id = ?",
            (duration, status, overflows, ended, note, take_id),
        )
        if cursor.rowcount == 0:
            raise StorageError(f"No take {take_id} in the database.")

    def get_take(self, take_id: int) -> TakeRecord | None:
        row = self._db.fetchone(f"SELECT {_TAKE_COLUMNS} FROM takes WHERE id = ?", (take_id,))
        return self._take(row) if row else None

    def list_takes(
        self, question_id: str | None = None, *, include_deleted: bool = False
    ) -> list[TakeRecord]:
        """Takes oldest first, optionally for one question."""
        where, params = [], []
        if question_id is not None:
            where.append("question_id = ?")
            params.append(question_id)
        if not include_deleted:
            where.append("deleted_at IS NULL")
        sql = f"SELECT {_TAKE_COLUMNS} FROM takes"
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._db.fetchall(sql + " ORDER BY started_at, id", params)
        return [self._take(row) for row in rows]

    def takes_with_status(self, status: str) -> list[TakeRecord]:
        _check_status(status)
        rows = self._db.fetchall(
            f"SELECT {_TAKE_COLUMNS} FROM takes WHERE status = ? ORDER BY id", (status,)
        )
        return [self._take(row) for row in rows]

    def set_story(self, take_id: int, story: str | None) -> None:
        """Tag a take with the story it tells ("payments migration 2025"); ``None`` clears."""
        value = " ".join(story.split()) if story else None
        self._db.execute("UPDATE takes SET story = ? WHERE id = ?", (value or None, take_id))

    def take_stories(self) -> list[tuple[int, str, str | None]]:
        """``(take_id, question_id, story)`` for every take not deleted, oldest first."""
        rows = self._db.fetchall(
            "SELECT id, question_id, story FROM takes WHERE deleted_at IS NULL "
            "ORDER BY started_at, id"
        )
        return [(int(r["id"]), str(r["question_id"]), r["story"]) for r in rows]

    # -- soft delete ---------------------------------------------------------------------

    def delete_take(self, take_id: int) -> None:
        """Move the take's audio to ``DATA_DIR/trash/`` and mark it deleted (undo: restore)."""
        row = self._db.fetchone("SELECT audio_path, deleted_at FROM takes WHERE id = ?", (take_id,))
        if row is None:
            raise StorageError(f"No take {take_id} in the database.")
        if row["deleted_at"] is not None:
            return
        stored = str(row["audio_path"])
        source = self.absolute(stored)
        if Path(stored).is_absolute():
            trash_rel = f"trash/external/{take_id}-{source.name}"
        else:
            trash_rel = f"trash/{stored}"
        target = self.absolute(trash_rel)
        if target.exists():
            target = target.with_name(f"{target.stem}-{take_id}{target.suffix}")
            trash_rel = self.relative(target)
        moved = source.exists()
        if moved:
            try:
                _move(source, target)
            except OSError as exc:
                raise StorageError(
                    f"Cannot move {source} to the trash: {exc.strerror or exc}.",
                    "make the data folder writable.",
                ) from exc
        try:
            with self._db.transaction() as conn:
                conn.execute(
                    "UPDATE takes SET deleted_at = ?, audio_path = ?, trashed_from = ? "
                    "WHERE id = ?",
                    (utc_now(), trash_rel if moved else stored, stored if moved else None, take_id),
                )
        except BaseException:
            if moved:
                _move(target, source)
            raise

    def restore_take(self, take_id: int) -> None:
        """Undo :meth:`delete_take`: the audio goes back where it was."""
        row = self._db.fetchone(
            "SELECT audio_path, trashed_from, deleted_at FROM takes WHERE id = ?", (take_id,)
        )
        if row is None:
            raise StorageError(f"No take {take_id} in the database.")
        if row["deleted_at"] is None:
            return
        original = row["trashed_from"]
        source = self.absolute(row["audio_path"])
        moved = original is not None and source.exists()
        if moved:
            target = self.absolute(original)
            try:
                _move(source, target)
            except OSError as exc:
                raise StorageError(
                    f"Cannot move {source} back from the trash: {exc.strerror or exc}.",
                    "make the data folder writable.",
                ) from exc
        try:
            with self._db.transaction() as conn:
                conn.execute(
                    "UPDATE takes SET deleted_at = NULL, audio_path = COALESCE(trashed_from, "
                    "audio_path), trashed_from = NULL WHERE id = ?",
                    (take_id,),
                )
        except BaseException:
            if moved:
                _move(self.absolute(original), source)
            raise

    # -- transcripts and analyses ----------------------------------------------------------

    def save_transcript(self, take_id: int, transcript: Transcript) -> int:
        words = [[w.word, w.start, w.end, w.probability] for w in transcript.words]
        cursor = self._db.execute(
            "INSERT INTO transcripts (take_id, model, settings, text, words, duration, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                take_id,
                transcript.model,
                dumps(transcript.settings),
                transcript.text,
                dumps(words),
                transcript.duration,
                utc_now(),
            ),
        )
        return int(cursor.lastrowid or 0)

    def latest_transcript(self, take_id: int) -> Transcript | None:
        row = self._db.fetchone(
            "SELECT model, settings, text, words, duration FROM transcripts WHERE take_id = ? "
            "ORDER BY id DESC LIMIT 1",
            (take_id,),
        )
        if row is None:
            return None
        words = tuple(
            Word(str(w[0]), float(w[1]), float(w[2]), float(w[3]))
            for w in loads(row["words"], [])
            if isinstance(w, list) and len(w) >= 4
        )
        settings = loads(row["settings"], {})
        return Transcript(
            text=row["text"],
            words=words,
            duration=float(row["duration"]),
            model=row["model"],
            settings=settings if isinstance(settings, dict) else {},
        )

    def save_analysis(
        self, take_id: int, *, version: int, verdict: str, specificity: float, data: dict[str, Any]
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO analyses (take_id, version, verdict, specificity, data, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (take_id, version, verdict, float(specificity), dumps(data), utc_now()),
        )
        return int(cursor.lastrowid or 0)

    def latest_analysis(self, take_id: int) -> AnalysisRecord | None:
        row = self._db.fetchone(
            "SELECT * FROM analyses WHERE take_id = ? ORDER BY id DESC LIMIT 1", (take_id,)
        )
        if row is None:
            return None
        data = loads(row["data"], {})
        return AnalysisRecord(
            id=row["id"],
            take_id=row["take_id"],
            version=row["version"],
            verdict=row["verdict"],
            specificity=float(row["specificity"]),
            data=data if isinstance(data, dict) else {},
            created_at=row["created_at"],
        )
