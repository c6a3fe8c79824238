"""The SQLite store on a real database file: schema, migrations, backups, safety."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from offguard.errors import StorageError
from offguard.store import LATEST_VERSION, Store
from offguard.store.schema import MIGRATIONS
from offguard.transcription.types import Transcript, Word


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {r[0] for r in rows}


def _user_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def test_migrates_an_empty_file_to_the_latest_schema(tmp_path: Path) -> None:
    db = tmp_path / "data" / "offguard.sqlite3"
    db.parent.mkdir()
    db.touch()  # an empty file is a valid, empty database
    with Store.open(db) as store:
        assert store.schema_version == LATEST_VERSION
        assert store.data_dir == db.parent.resolve()
    assert _user_version(db) == LATEST_VERSION == len(MIGRATIONS)
    assert {
        "questions",
        "interviews",
        "interview_questions",
        "takes",
        "transcripts",
        "analyses",
        "leitner",
    } <= _tables(db)
    # a brand-new database has nothing worth backing up
    assert not (db.parent / "backups").exists()


def test_creates_the_folder_owner_only_and_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = tmp_path / "new" / "offguard.sqlite3"
    with Store.open(db) as store:
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert (db.parent.stat().st_mode & 0o777) == 0o700


def test_reopening_is_idempotent_and_keeps_data(tmp_path: Path) -> None:
    db = tmp_path / "offguard.sqlite3"
    with Store.open(db) as store:
        take = store.create_take("q1", tmp_path / "a.flac", device="mic", samplerate=16000)
    for _ in range(2):
        with Store.open(db) as store:
            assert store.schema_version == LATEST_VERSION
            record = store.get_take(take)
            assert record is not None and record.question_id == "q1"
    assert not (tmp_path / "backups").exists()


def test_migrating_an_older_database_backs_it_up_first(tmp_path: Path) -> None:
    db = tmp_path / "offguard.sqlite3"
    with sqlite3.connect(db) as conn:  # a database left by schema version 1
        conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version=1;")
        conn.execute(
            "INSERT INTO takes (question_id, started_at, audio_path) "
            "VALUES ('q-old', '2025-01-01T00:00:00.000+00:00', 'audio/old.flac')"
        )
    conn.close()
    with Store.open(db) as store:
        assert store.schema_version == LATEST_VERSION
        [take] = store.list_takes()
        assert take.question_id == "q-old" and take.story is None
    backups = sorted((tmp_path / "backups").glob("offguard-v1-*.sqlite3"))
    assert len(backups) == 1
    assert _user_version(backups[0]) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT question_id FROM takes").fetchall() == [("q-old",)]
    conn.close()


def test_a_database_from_a_newer_offguard_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "offguard.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version={LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(StorageError, match="newer offguard"):
        Store.open(db)


def test_a_file_that_is_not_a_database_is_reported_with_the_fix(tmp_path: Path) -> None:
    db = tmp_path / "offguard.sqlite3"
    db.write_bytes(b"this is not a database, just text " * 200)
    with pytest.raises(StorageError) as caught:
        Store.open(db)
    assert "damaged" in caught.value.message
    assert caught.value.fix is not None and "backups" in caught.value.fix


def test_integrity_check_catches_a_corrupted_page(tmp_path: Path) -> None:
    db = tmp_path / "offguard.sqlite3"
    with Store.open(db) as store:
        for n in range(300):
            store.create_take(f"q{n % 7}", tmp_path / f"{n}.flac", device="mic", samplerate=16000)
    # Scribble over the last page (takes data), keeping the file header (page 1) intact.
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    last = len(data) - page
    data[last:] = b"\xa5" * page
    db.write_bytes(bytes(data))
    with pytest.raises(StorageError) as caught:
        Store.open(db)
    assert caught.value.fix is not None and "backups" in caught.value.fix


def test_foreign_keys_are_enforced_and_cascade(tmp_path: Path) -> None:
    with Store.open(tmp_path / "offguard.sqlite3") as store:
        transcript = Transcript("hello", (Word("hello", 0.0, 0.5, 0.9),), 1.0, "tiny.en")
        with pytest.raises(StorageError, match="FOREIGN KEY"):
            store.save_transcript(999, transcript)
        take = store.create_take("q", tmp_path / "a.flac", device="mic", samplerate=16000)
        store.save_transcript(take, transcript)
        store.save_analysis(take, version=1, verdict="specific", specificity=80, data={})
        store._db.execute("DELETE FROM takes WHERE id = ?", (take,))
        assert store._db.execute("SELECT count(*) FROM transcripts").fetchone()[0] == 0
        assert store._db.execute("SELECT count(*) FROM analyses").fetchone()[0] == 0


def test_a_failing_multi_row_change_leaves_no_half_rows(tmp_path: Path) -> None:
    from offguard.questions import Question

    good = Question(id="a", text="Tell me about a failure.", category="behavioural")
    bad = Question(id="b", text=None, category="curveball")  # type: ignore[arg-type]
    with Store.open(tmp_path / "offguard.sqlite3") as store:
        with pytest.raises(StorageError):
            store.sync_questions([good, bad])
        assert store._db.execute("SELECT count(*) FROM questions").fetchone()[0] == 0
        with pytest.raises(RuntimeError), store._db.transaction() as conn:
            conn.execute(
                "INSERT INTO interviews (company, created_at) VALUES ('Acme', '2026-01-01')"
            )
            raise RuntimeError("boom")
        assert store.list_interviews() == []


def test_soft_delete_moves_audio_to_trash_and_restore_brings_it_back(tmp_path: Path) -> None:
    data = tmp_path / "data"
    audio = data / "audio" / "2026-01-31" / "take-1.flac"
    audio.parent.mkdir(parents=True)
    audio.write_bytes(b"fLaC fake audio")
    with Store.open(data / "offguard.sqlite3") as store:
        take = store.create_take("q", audio, device="mic", samplerate=16000, status="saved")
        stored = store._db.execute("SELECT audio_path FROM takes").fetchone()[0]
        assert stored == "audio/2026-01-31/take-1.flac"  # relative to the data folder
        record = store.get_take(take)
        assert record is not None and record.audio_path == audio.resolve()

        store.delete_take(take)
        trashed = data / "trash" / "audio" / "2026-01-31" / "take-1.flac"
        assert not audio.exists() and trashed.read_bytes() == b"fLaC fake audio"
        assert store.list_takes() == []
        [deleted] = store.list_takes(include_deleted=True)
        assert deleted.deleted_at is not None and deleted.audio_path == trashed.resolve()

        store.restore_take(take)
        assert audio.read_bytes() == b"fLaC fake audio" and not trashed.exists()
        [back] = store.list_takes()
        assert back.deleted_at is None and back.audio_path == audio.resolve()


def test_timestamps_are_iso_utc(tmp_path: Path) -> None:
    with Store.open(tmp_path / "offguard.sqlite3") as store:
        started = datetime(2026, 1, 31, 9, 15, 2, tzinfo=timezone(timedelta(hours=2)))
        take = store.create_take(
            "q", tmp_path / "a.flac", device="mic", samplerate=16000, started_at=started
        )
        store.finish_take(take, duration=12.5)
        record = store.get_take(take)
        assert record is not None
        assert record.started_at == "2026-01-31T07:15:02.000+00:00"
        assert record.ended_at is not None
        ended = datetime.fromisoformat(record.ended_at)
        assert ended.utcoffset() == timedelta(0)
        assert record.status == "saved" and record.duration == 12.5


def test_threads_can_share_the_store(tmp_path: Path) -> None:
    errors: list[BaseException] = []
    with Store.open(tmp_path / "offguard.sqlite3") as store:

        def work(n: int) -> None:
            try:
                for i in range(25):
                    take = store.create_take(
                        f"q{n}", tmp_path / f"{n}-{i}.flac", device="mic", samplerate=16000
                    )
                    store.finish_take(take, duration=1.0)
                    store.take_summaries(f"q{n}")
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert len(store.list_takes()) == 100


def test_a_failing_migration_rolls_back_completely(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import offguard.store.connection as connection

    db = tmp_path / "offguard.sqlite3"
    Store.open(db).close()
    broken = (*MIGRATIONS, "CREATE TABLE extra (x INTEGER);\nCREATE TABLE questions (x);")
    monkeypatch.setattr(connection, "MIGRATIONS", broken)
    monkeypatch.setattr(connection, "LATEST_VERSION", len(broken))
    with pytest.raises(StorageError, match=f"schema {LATEST_VERSION + 1}"):
        Store.open(db)
    monkeypatch.undo()
    assert _user_version(db) == LATEST_VERSION
    assert "extra" not in _tables(db)
    assert len(list((tmp_path / "backups").glob(f"offguard-v{LATEST_VERSION}-*.sqlite3"))) == 1
    with Store.open(db) as store:
        assert store.schema_version == LATEST_VERSION


def test_two_processes_opening_a_new_database_at_once(tmp_path: Path) -> None:
    """Each opener migrates under its own write lock; the loser finds the work done."""
    db = tmp_path / "offguard.sqlite3"
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def open_one() -> None:
        try:
            barrier.wait()
            Store.open(db).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _user_version(db) == LATEST_VERSION


_FILL_UNTIL_FULL = """
import resource, signal, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from offguard.errors import StorageError
from offguard.store import Store

store = Store.open(Path(sys.argv[1]))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (2_000_000, resource.RLIM_INFINITY))
try:
    for n in range(1_000_000):
        take = store.create_take("q", Path("a.flac"), device="mic", samplerate=16000)
        store.save_analysis(take, version=1, verdict="generic", specificity=1.0,
                            data={"pad": "x" * 2000})
except StorageError as exc:
    print(f"{n}\\t{exc.message}\\t{exc.fix}")
"""


def test_disk_full_is_a_clear_error_and_earlier_takes_survive(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "offguard.sqlite3"
    with Store.open(db) as store:
        first = store.create_take("kept", tmp_path / "k.flac", device="mic", samplerate=16000)
    src = Path(__file__).resolve().parents[1] / "src"
    done = subprocess.run(
        [sys.executable, "-c", _FILL_UNTIL_FULL, str(db), str(src)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    count, message, fix = done.stdout.strip().split("\t")
    assert int(count) > 10
    assert str(db) in message
    assert "disk space" in fix
    with Store.open(db) as store:  # no limit now: the database is intact and usable
        takes = store.list_takes()
        assert takes[0].id == first and takes[0].question_id == "kept"
        assert len(takes) >= int(count)
