"""Where data lives and folders that cannot be written (issue 11, item 7 and "Where data
lives"): the platform's user data folder by default, old ./recordings data pointed to, the
folder shown by doctor and the app, and unwritable folders reported with the right fix."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from offguard.cli.main import run
from offguard.config import Settings, load_settings, resolve_data_dir
from offguard.errors import StorageError
from offguard.store import Store
from tests.test_take_safety import practice_on
from tests.ui_fakes import FakePractice
from tests.ui_pilot import SIZE, fake_app

REPO = Path(__file__).resolve().parents[1]


@contextlib.contextmanager
def unwritable(folder: Path) -> Iterator[None]:
    """Make ``folder`` refuse new files: ``chattr +i`` as root (root ignores permissions),
    ``chmod 0500`` otherwise."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        assert shutil.which("chattr"), "chattr is needed to make a folder unwritable as root"
        subprocess.run(["chattr", "+i", str(folder)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        mode = folder.stat().st_mode
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(mode)


@pytest.fixture()
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No --data-dir, no OFFGUARD_DATA_DIR; the user data folder points into tmp_path."""
    monkeypatch.delenv("OFFGUARD_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "home" / "AppData" / "Local"))
    work = tmp_path / "somewhere"
    work.mkdir()
    monkeypatch.chdir(work)
    return tmp_path / "home"


# -- the default folder ----------------------------------------------------------------------


def test_default_is_the_user_data_folder_wherever_offguard_starts(user_home: Path) -> None:
    import platformdirs

    expected = Path(platformdirs.user_data_dir("offguard", appauthor=False))
    assert user_home in expected.parents
    assert resolve_data_dir() == expected
    assert load_settings().data_dir == expected
    assert load_settings().problems == ()


def test_old_recordings_folder_is_pointed_to_not_orphaned(
    user_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    legacy = Path.cwd() / "recordings"
    Store.open(legacy / "offguard.sqlite3").close()
    settings = load_settings()
    assert settings.data_dir != legacy
    note = " ".join(settings.problems)
    assert str(legacy) in note and f"--data-dir {legacy}" in note and "mv " in note
    assert run(["takes"]) == 0
    assert str(legacy) in capsys.readouterr().err
    assert load_settings(str(legacy)).problems == ()  # chosen explicitly: no note


def test_make_run_keeps_the_repository_recordings_folder() -> None:
    assert shutil.which("make"), "make is needed for `make run`"
    out = subprocess.run(
        ["make", "-n", "run", "VENV=/nonexistent-venv"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(x for x in out.splitlines() if "bin/offguard" in x)
    assert "OFFGUARD_DATA_DIR" in line and f"{REPO}/recordings" in line


def test_doctor_shows_the_folder_in_use(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["--data-dir", str(data_dir), "doctor", "--json"])
    checks = {c["name"]: c for c in json.loads(capsys.readouterr().out)}
    folder = checks["data folder"]
    assert folder["ok"] and str(data_dir.resolve()) in folder["detail"]
    assert "--data-dir" in folder["detail"]


async def test_the_keys_screen_shows_the_folder_in_use(settings: Settings, tmp_path: Path) -> None:
    from textual.widgets import Static

    with Store.open(settings.db_path) as store:
        app = fake_app(settings, store, practice_factory=lambda: FakePractice(tmp_path))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            shown = str(app.screen.query_one("#keys-data-dir", Static).render())
    assert str(settings.data_dir.resolve()) in shown.replace("\n", "")


# -- unwritable folders ------------------------------------------------------------------------


def test_doctor_fails_on_an_unwritable_data_folder(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    with unwritable(settings.data_dir):
        code = run(["--data-dir", str(settings.data_dir), "doctor", "--json"])
    checks = {c["name"]: c for c in json.loads(capsys.readouterr().out)}
    assert code == 1
    assert not checks["data folder"]["ok"]
    assert str(settings.data_dir.resolve()) in checks["data folder"]["detail"]
    assert "writable" in checks["data folder"]["fix"]


def test_record_into_an_unwritable_audio_folder_is_one_clear_error(settings: Settings) -> None:
    from offguard.questions import load_questions

    practice = practice_on(settings)
    question = load_questions(None).questions[0]
    with unwritable(settings.audio_dir), pytest.raises(StorageError) as caught:
        practice.start_take(question)
    assert "writable" in (caught.value.fix or "")
    assert "disk space" not in (caught.value.fix or "")
    day = practice.new_audio_path(question.id, __import__("datetime").datetime.now()).parent
    for leftover in day.iterdir():
        leftover.unlink()
    with unwritable(day), pytest.raises(StorageError) as caught:
        practice.start_take(question)
    assert "Cannot create a new recording" in caught.value.message
    assert practice.store.takes_with_status("recording") == []


def test_import_into_an_unwritable_audio_folder_says_why(
    settings: Settings, tmp_path: Path
) -> None:
    source = tmp_path / "answer.wav"
    rng = np.random.default_rng(1)
    sf.write(source, (0.1 * rng.standard_normal(32000)).astype(np.float32), 16000)
    practice = practice_on(settings)
    with unwritable(settings.audio_dir), pytest.raises(StorageError) as caught:
        practice.import_audio(source, "swe-hardest-bug")
    assert "writable" in (caught.value.fix or "")
    assert "disk space" not in (caught.value.fix or "")
    assert practice.store.takes_with_status("imported") == []


def test_failed_import_into_the_database_leaves_no_stray_copy(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "answer.wav"
    rng = np.random.default_rng(1)
    sf.write(source, (0.1 * rng.standard_normal(32000)).astype(np.float32), 16000)
    practice = practice_on(settings)

    def read_only(*args: object, **kwargs: object) -> int:
        raise StorageError("The database is read-only: attempt to write a readonly database.")

    monkeypatch.setattr(practice.store, "create_take", read_only)
    with pytest.raises(StorageError, match="read-only"):
        practice.import_audio(source, "swe-hardest-bug")
    assert list(settings.audio_dir.rglob("*.wav")) == []


def test_cli_subprocess_on_unwritable_data_folder_has_no_traceback(settings: Settings) -> None:
    Store.open(settings.db_path).close()
    with unwritable(settings.data_dir):
        proc = subprocess.run(
            [sys.executable, "-m", "offguard", "--data-dir", str(settings.data_dir), "doctor"],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=240,
        )
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "not writable" in proc.stdout
