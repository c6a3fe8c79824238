"""`export --out` never destroys anything (issue 11, item 1): not the data folder's own files,
not an existing file without --force; `--out -` is standard output; temp file + rename."""

from __future__ import annotations

from pathlib import Path

import pytest

from offguard.cli.main import run
from offguard.store import Store


@pytest.fixture()
def data(data_dir: Path) -> Path:
    Store.open(data_dir / "offguard.sqlite3").close()
    (data_dir / "settings.json").write_text('{"theme": "nord"}\n', encoding="utf-8")
    return data_dir


@pytest.mark.parametrize(
    "target", ["offguard.sqlite3", "settings.json", "audio/x.md", "new.md", "offguard.sqlite3-wal"]
)
def test_refuses_the_data_folders_own_files(
    data: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    code = run(["--data-dir", str(data), "export", "-f", "md", "--out", str(data / target)])
    err = capsys.readouterr().err
    assert code == 1
    assert "inside the data folder" in err and err.count("\n") == 1
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before
    with Store.open(data / "offguard.sqlite3") as store:  # still a healthy database
        assert store.takes_with_status("saved") == []


def test_refuses_through_a_symlink_but_allows_exports(data: Path, tmp_path: Path) -> None:
    link = tmp_path / "innocent.md"
    link.symlink_to(data / "offguard.sqlite3")
    assert run(["--data-dir", str(data), "export", "--out", str(link), "--force"]) == 1
    assert run(["--data-dir", str(data), "export", "--out", str(data / "exports" / "a.md")]) == 0
    assert (data / "exports" / "a.md").read_text().startswith("# offguard")


def test_existing_file_needs_force(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "week.md"
    out.write_text("my notes\n", encoding="utf-8")
    assert run(["--data-dir", str(data), "export", "--out", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert out.read_text() == "my notes\n"
    assert run(["--data-dir", str(data), "export", "--out", str(out), "--force"]) == 0
    assert out.read_text().startswith("# offguard")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_default_path_never_replaces_an_earlier_report(data: Path) -> None:
    assert run(["--data-dir", str(data), "export"]) == 0
    assert run(["--data-dir", str(data), "export"]) == 0
    assert len(list((data / "exports").glob("report-*.html"))) == 2


def test_dash_is_standard_output(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["--data-dir", str(data), "export", "-f", "md", "--out", "-"]) == 0
    assert capsys.readouterr().out.startswith("# offguard")
    assert not (tmp_path / "-").exists()


def test_a_failed_write_leaves_the_old_file_whole(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import offguard.export.write as write

    out = tmp_path / "r.md"
    out.write_text("old report\n", encoding="utf-8")
    real_fsync = write.os.fsync

    def disk_full(fd: int) -> None:
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write.os, "fsync", disk_full)
    assert run(["--data-dir", str(data), "export", "--out", str(out), "--force"]) == 1
    assert out.read_text() == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "r.md"]
