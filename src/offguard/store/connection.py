"""Opening the database safely: integrity check, backup, migrations, one lock for all threads.

The connection is shared between threads (the TUI calls from worker threads), so it is opened
with ``check_same_thread=False`` and every statement runs under one re-entrant lock. Statements
run in autocommit mode; :meth:`Connection.transaction` wraps multi-row changes in
``BEGIN IMMEDIATE`` ... ``COMMIT`` (rolled back on any error).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from offguard.errors import StorageError
from offguard.store.schema import LATEST_VERSION, MIGRATIONS

BUSY_TIMEOUT_MS = 5000


def utc_now() -> str:
    """Now, as an ISO 8601 UTC timestamp (``2026-01-31T09:15:02.123+00:00``)."""
    return iso_utc(datetime.now(timezone.utc))


def iso_utc(moment: datetime) -> str:
    """An ISO 8601 UTC timestamp; naive datetimes are taken to be UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def _restore_hint(path: Path) -> str:
    return (
        f"restore a copy from {path.parent / 'backups'}/ (copy it over {path}), "
        f"or move {path.name} aside to start a new database."
    )


def _storage_error(path: Path, exc: BaseException) -> StorageError:
    text = str(exc).lower()
    code = str(getattr(exc, "sqlite_errorname", ""))
    if "full" in text or code in ("SQLITE_FULL", "SQLITE_IOERR_WRITE") or "disk i/o" in text:
        fix = "free some disk space (or check the disk); the takes saved so far are intact."
    elif "malformed" in text or "not a database" in text or "corrupt" in text:
        fix = _restore_hint(path)
    elif "readonly" in text or "read-only" in text or "locked" in text:
        fix = "make the data folder writable and close other offguard windows using it."
    else:
        fix = "check the data folder is writable, or choose another with --data-dir DIR."
    return StorageError(f"Cannot use the database {path}: {exc}.", fix)


def split_statements(script: str) -> list[str]:
    """The SQL statements of a script (``executescript`` would commit our transaction)."""
    statements: list[str] = []
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n\t;"):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \n\t;"):
        statements.append(buffer.strip())
    return statements


class Connection:
    """A locked sqlite3 connection with transactions, migrations and backups."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data_dir = path.parent
        self.lock = threading.RLock()
        self._conn = self._connect(path)
        try:
            self._check_integrity()
            self._enable_wal()
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    # -- opening -------------------------------------------------------------------------

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"Cannot create the data folder {path.parent}: {exc.strerror or exc}.",
                "choose a writable folder with --data-dir DIR or OFFGUARD_DATA_DIR.",
            ) from exc
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
            conn.isolation_level = None  # autocommit; transactions are explicit
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            if not isinstance(exc, sqlite3.OperationalError):  # "file is not a database"
                raise StorageError(
                    f"The database {path} is damaged ({exc}).", _restore_hint(path)
                ) from exc
            raise StorageError(
                f"Cannot open the database {path}: {exc}.",
                "check the data folder is writable, or choose another with --data-dir DIR.",
            ) from exc
        return conn

    def _enable_wal(self) -> None:
        """Switch to WAL. SQLite answers "database is locked" at once (without the busy
        handler) while another process is creating the same file, so retry for a while."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                    raise _storage_error(self.path, exc) from exc
                time.sleep(0.05)

    def _check_integrity(self) -> None:
        try:
            rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise StorageError(
                f"The database {self.path} is damaged ({exc}).", _restore_hint(self.path)
            ) from exc
        problems = [str(row[0]) for row in rows if row[0] != "ok"]
        if problems:
            raise StorageError(
                f"The database {self.path} is damaged ({problems[0]}).", _restore_hint(self.path)
            )

    def user_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _has_tables(self) -> bool:
        row = self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return bool(row[0])

    def _migrate(self) -> None:
        version = self.user_version()
        if version > LATEST_VERSION:
            raise StorageError(
                f"The database {self.path} was written by a newer offguard "
                f"(schema {version}, this one knows {LATEST_VERSION}).",
                "upgrade offguard, or use another data folder with --data-dir DIR.",
            )
        if version == LATEST_VERSION:
            return
        if version > 0 or self._has_tables():
            self.backup(self.backup_path(version))
        for number in range(version + 1, LATEST_VERSION + 1):
            self._apply(number)

    def _apply(self, number: int) -> None:
        """Run migration ``number`` in one transaction, unless another process already did."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            if self.user_version() >= number:  # another process migrated meanwhile
                conn.execute("ROLLBACK")
                return
            for statement in split_statements(MIGRATIONS[number - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version={number}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StorageError(
                f"Cannot upgrade the database {self.path} to schema {number}: {exc}.",
                _restore_hint(self.path),
            ) from exc

    # -- backups -------------------------------------------------------------------------

    def backup_path(self, version: int) -> Path:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        return self.data_dir / "backups" / f"offguard-v{version}-{stamp}.sqlite3"

    def backup(self, target: Path) -> Path:
        """Copy the whole database to ``target`` with SQLite's online backup API."""
        try:
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with self.lock, contextlib.closing(sqlite3.connect(str(target))) as dest:
                self._conn.backup(dest)
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(
                f"Cannot back up the database to {target}: {exc}.",
                "free some disk space or make the data folder writable, then start again.",
            ) from exc
        return target

    # -- statements ----------------------------------------------------------------------

    def close(self) -> None:
        with self.lock:
            self._conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing change; nested use joins the outer transaction."""
        with self.lock:
            if self._conn.in_transaction:
                yield self._conn
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                yield self._conn
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise _storage_error(self.path, exc) from exc
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        with self.lock:
            try:
                return self._conn.execute(sql, params)
            except sqlite3.Error as exc:
                raise _storage_error(self.path, exc) from exc

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self.lock:
            try:
                cursor = self._conn.execute(sql, params)
                cursor.row_factory = sqlite3.Row
                return cursor.fetchall()
            except sqlite3.Error as exc:
                raise _storage_error(self.path, exc) from exc

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        rows = self.fetchall(sql, params)
        return rows[0] if rows else None
