"""The typed settings model: validation on load, overrides never persisted, unknown keys kept,
an unreadable settings file never overwritten (issue 11, items 5 and 6)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from offguard.config import Settings, load_settings, save_settings
from offguard.errors import StorageError
from offguard.store import Store
from tests.ui_fakes import FakePractice
from tests.ui_pilot import SIZE, fake_app, notifications

REPO = Path(__file__).resolve().parents[1]


def write(data_dir: Path, content: str) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "settings.json"
    path.write_text(content, encoding="utf-8")
    return path


def test_bad_values_are_named_and_replaced_by_defaults(tmp_path: Path) -> None:
    write(
        tmp_path,
        json.dumps(
            {
                "model": 5,
                "target_seconds": "90",
                "device": [1],
                "samplerate": 0,
                "theme": "nord",
            }
        ),
    )
    settings = load_settings(tmp_path)
    defaults = Settings(data_dir=tmp_path)
    assert settings.model == defaults.model
    assert settings.target_seconds == defaults.target_seconds
    assert settings.device is None
    assert settings.samplerate == defaults.samplerate
    assert settings.theme == "nord"  # the good key is kept
    text = "\n".join(settings.problems)
    for key in ("'model'", "'target_seconds'", "'device'", "'samplerate'"):
        assert key in text
    assert "'theme'" not in text
    assert len(settings.problems) == 4


def test_device_number_is_accepted(tmp_path: Path) -> None:
    write(tmp_path, '{"device": 3, "target_seconds": 120}')
    settings = load_settings(tmp_path)
    assert settings.device == "3"
    assert settings.target_seconds == 120
    assert settings.problems == ()


def test_overrides_are_never_persisted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, '{"model": "bundled", "theme": "nord"}')
    monkeypatch.setenv("OFFGUARD_DEVICE", "USB mic")
    settings = load_settings(tmp_path, model="/no/such/model")
    assert settings.model == "/no/such/model"
    save_settings(settings, {"target_seconds": 120})
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved == {"model": "bundled", "theme": "nord", "target_seconds": 120}


def test_unknown_keys_are_kept(tmp_path: Path) -> None:
    write(tmp_path, '{"future_option": {"a": 1}, "theme": "nord"}')
    save_settings(load_settings(tmp_path), {"theme": "gruvbox"})
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved == {"future_option": {"a": 1}, "theme": "gruvbox"}
    assert json.loads((tmp_path / "settings.json.bak").read_text())["theme"] == "nord"


def test_invalid_json_is_warned_about_and_kept_before_a_rewrite(tmp_path: Path) -> None:
    original = '{"model": "base.en", "theme": "nord",}'  # a trailing comma
    path = write(tmp_path, original)
    settings = load_settings(tmp_path)
    assert len(settings.problems) == 1
    assert str(path) in settings.problems[0]
    assert "not valid JSON" in settings.problems[0]
    save_settings(settings, {"theme": "gruvbox"})
    kept = list(tmp_path.glob("settings.json.broken-*"))
    assert len(kept) == 1
    assert kept[0].read_text() == original
    assert json.loads(path.read_text()) == {"theme": "gruvbox"}


def test_unreadable_settings_file_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "settings.json").mkdir(parents=True)  # unreadable as a file, even for root
    settings = load_settings(tmp_path)
    assert "cannot be read" in settings.problems[0]
    with pytest.raises(StorageError, match="Not saving settings"):
        save_settings(settings, {"theme": "nord"})
    assert (tmp_path / "settings.json").is_dir()


def test_saving_an_invalid_value_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="target_seconds"):
        save_settings(Settings(data_dir=tmp_path), {"target_seconds": -1})


async def test_tui_starts_on_bad_settings_and_saves_only_the_change(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write(data, '{"model": 5, "target_seconds": "90", "keep": true}')
    settings = load_settings(data, model="/not/persisted")
    with Store.open(settings.db_path) as store:
        app = fake_app(settings, store, practice_factory=lambda: FakePractice(tmp_path))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            notes = [n.message for n in notifications(app)]
            assert any("'model'" in n and "'target_seconds'" in n for n in notes)
            app.services.change_settings(replace(app.settings, target_seconds=105))
            await pilot.pause()
    saved = json.loads((data / "settings.json").read_text())
    assert saved == {"model": 5, "target_seconds": 105, "keep": True}


@pytest.mark.parametrize("command", [["doctor"], ["questions"]])
def test_cli_warns_by_name_without_traceback(tmp_path: Path, command: list[str]) -> None:
    write(tmp_path, '{"samplerate": 0, "device": [1]}')
    proc = subprocess.run(
        [sys.executable, "-m", "offguard", "--data-dir", str(tmp_path), *command],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=240,
    )
    assert "Traceback" not in proc.stderr
    assert "setting 'samplerate'" in proc.stderr
    assert "setting 'device'" in proc.stderr
    assert proc.stderr.count("setting 'samplerate'") == 1
