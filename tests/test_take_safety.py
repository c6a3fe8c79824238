"""Takes are never lost (issue 11, items 2, 3, 4, 7, 8): recovery on a full disk waits instead
of failing, two recorders never share a file, a reused PID does not block recovery, an
unwritable audio folder is one clear line, and an empty take is not stored."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from offguard.cli.main import run
from offguard.config import Settings, ensure_data_dir
from offguard.errors import StorageError
from offguard.practice import Practice
from offguard.questions import load_questions
from offguard.store import Store
from tests.array_recorder import ArrayRecorder
from tests.ui_fakes import ScriptedTranscriber

REPO = Path(__file__).resolve().parents[1]
ANSWER = "In March 2024 at Northwind I rewrote the payment retry and failures dropped to zero."
NOW = datetime(2026, 3, 2, 9, 30, 15, tzinfo=timezone.utc)


def noise(seconds: float, rate: int = 16000) -> np.ndarray:
    rng = np.random.default_rng(3)
    return (0.2 * rng.standard_normal(int(seconds * rate))).astype(np.float32)


def practice_on(settings: Settings, samples: np.ndarray | None = None) -> Practice:
    audio = noise(3.0) if samples is None else samples
    return Practice(
        settings,
        Store.open(settings.db_path),
        ScriptedTranscriber(ANSWER),
        lambda: ArrayRecorder(audio, 16000),
    )


def interrupted_take(settings: Settings, seconds: float = 30.0) -> tuple[int, Path, int]:
    """A take left 'recording' whose FLAC was cut mid-frame; its id, path and good frames."""
    samples = noise(seconds)
    folder = ensure_data_dir(settings.data_dir) / "audio" / "2026-03-02"
    folder.mkdir(exist_ok=True)
    whole = folder / "whole.flac"
    sf.write(whole, samples, 16000, subtype="PCM_16", format="FLAC")
    data = whole.read_bytes()
    whole.unlink()
    path = folder / "093015-cut.flac"
    path.write_bytes(data[: len(data) * 2 // 3])
    with Store.open(settings.db_path) as store:
        take_id = store.create_take(
            "swe-hardest-bug", path, device="test", samplerate=16000, status="recording"
        )
    return take_id, path, len(samples) * 2 // 3


def lock_path(audio: Path) -> Path:
    return audio.with_name(audio.name + ".recording")


def recover_takes(store: Store) -> Any:
    from offguard.recovery import recover_takes

    return recover_takes(store)


def too_short() -> Any:
    import offguard.practice

    return offguard.practice.TakeTooShort


def status_of(settings: Settings, take_id: int) -> Any:
    with Store.open(settings.db_path) as store:
        return store.get_take(take_id)


# -- item 2: a full disk leaves the take pending -------------------------------------------


def test_no_space_for_the_repair_leaves_the_take_pending_then_recovers(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC injected into the repair's write (the tmpfs test below does it for real)."""
    import offguard.audio.recovery as audio_recovery

    take_id, path, _ = interrupted_take(settings, 10.0)
    before = path.read_bytes()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(audio_recovery.os, "fsync", full)
    with Store.open(settings.db_path) as store:
        report = recover_takes(store)
    assert report.recovered == [] and report.failed == []
    assert report.deferred[0][0] == take_id and "no space left" in report.deferred[0][1]
    assert status_of(settings, take_id).status == "recording"  # pending, not failed
    assert path.read_bytes() == before  # the audio is untouched
    assert not list(path.parent.glob("*.tmp"))
    monkeypatch.setattr(audio_recovery.os, "fsync", real_fsync)
    with Store.open(settings.db_path) as store:
        assert recover_takes(store).recovered == [take_id]
    take = status_of(settings, take_id)
    assert take.status == "recovered" and take.duration > 5.0


@contextlib.contextmanager
def small_disk(tmp_path: Path, size: str = "2m") -> Iterator[Path | None]:
    """A 2 MB tmpfs (needs root); None where it cannot be mounted."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount")):
        yield None
        return
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        yield None
        return
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path, leave: int) -> Path:
    """Write a filler file until only about ``leave`` bytes are free on ``folder``'s disk."""
    filler = folder / "filler.bin"
    free = shutil.disk_usage(folder).free
    with open(filler, "wb") as handle, contextlib.suppress(OSError):
        handle.write(b"\0" * max(0, free - leave))
    return filler


def test_recovery_on_a_real_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with small_disk(tmp_path) as disk:
        if disk is None:  # not root: the ENOSPC comes from injection instead
            import offguard.audio.recovery as audio_recovery

            def full(fd: int) -> None:
                raise OSError(28, "No space left on device")

            monkeypatch.setattr(audio_recovery.os, "fsync", full)
            disk = tmp_path / "disk"
        settings = Settings(data_dir=disk / "data")
        take_id, path, _ = interrupted_take(settings, 30.0)
        assert path.stat().st_size > 400_000
        filler = fill(disk, leave=200_000)
        before = path.read_bytes()
        assert run(["--data-dir", str(settings.data_dir), "takes"]) == 0
        assert status_of(settings, take_id).status == "recording"
        assert path.read_bytes() == before
        filler.unlink(missing_ok=True)
        monkeypatch.undo()
        assert run(["--data-dir", str(settings.data_dir), "takes"]) == 0
        take = status_of(settings, take_id)
        assert take.status == "recovered" and take.duration > 15.0
        assert sf.info(str(path)).frames == pytest.approx(take.duration * 16000, abs=1)


def test_unreadable_audio_is_still_marked_failed(settings: Settings) -> None:
    take_id, path, _ = interrupted_take(settings, 2.0)
    path.write_bytes(b"not audio at all" * 10)
    with Store.open(settings.db_path) as store:
        report = recover_takes(store)
    assert [t for t, _ in report.failed] == [take_id]
    assert status_of(settings, take_id).status == "failed"


# -- item 3: two recorders in the same second -------------------------------------------------


def test_two_recorders_in_the_same_second_get_two_files(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import offguard.practice as practice_module

    question = load_questions(None).questions[0]
    first, second = noise(3.0), noise(3.0)[::-1].copy()
    a, b = practice_on(settings, first), practice_on(settings, second)
    # the race itself: both pick a name before either recorder has opened its file
    assert a.new_audio_path(question.id, NOW) != b.new_audio_path(question.id, NOW)
    monkeypatch.setattr(practice_module, "_now", lambda: NOW)
    take_a, take_b = a.start_take(question), b.start_take(question)
    assert take_a.path != take_b.path
    time.sleep(0.5)
    out_a, out_b = take_a.stop(), take_b.stop()
    got_a, _ = sf.read(out_a.audio_path, dtype="float32")
    got_b, _ = sf.read(out_b.audio_path, dtype="float32")
    assert np.allclose(got_a, first[: len(got_a)], atol=1 / 16000)
    assert np.allclose(got_b, second[: len(got_b)], atol=1 / 16000)


# -- item 4: a reused PID --------------------------------------------------------------------

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from offguard.takelock import TakeLock
    lock = TakeLock.acquire(Path(sys.argv[1]))
    print("locked", flush=True)
    time.sleep(600)
    """
)


def test_a_reused_pid_does_not_block_recovery(settings: Settings) -> None:
    take_id, path, _ = interrupted_take(settings, 3.0)
    lock_path(path).write_text("1\n")  # PID 1 is alive: it was the recorder before a reboot
    assert run(["--data-dir", str(settings.data_dir), "takes"]) == 0
    assert status_of(settings, take_id).status == "recovered"
    assert not lock_path(path).exists()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_live_recorder_holds_its_take_until_killed(settings: Settings) -> None:
    take_id, path, _ = interrupted_take(settings, 3.0)
    env = {**os.environ, "PYTHONPATH": f"{REPO / 'src'}{os.pathsep}{REPO}"}
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        with Store.open(settings.db_path) as store:
            assert recover_takes(store).recovered == []
        assert status_of(settings, take_id).status == "recording"
        from offguard.takelock import TakeLock

        with pytest.raises(BlockingIOError):
            TakeLock.acquire(path)
    finally:
        proc.kill()
        proc.wait()
    with Store.open(settings.db_path) as store:
        assert recover_takes(store).recovered == [take_id]


# -- item 7: an audio folder that cannot be written ---------------------------------------------


def test_unwritable_audio_folder_is_one_line_not_a_traceback(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    practice = practice_on(settings)
    real_open = os.open

    def denied(path: Any, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".recording"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, mode)

    real_write_text = Path.write_text

    def denied_text(self: Path, *args: Any, **kwargs: Any) -> int:
        if self.name.endswith(".recording"):
            raise PermissionError(13, "Permission denied")
        return real_write_text(self, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)  # the lock file cannot be created
    monkeypatch.setattr(Path, "write_text", denied_text)
    with pytest.raises(StorageError) as caught:
        practice.start_take(load_questions(None).questions[0])
    assert "Permission denied" in caught.value.message
    assert "writable" in (caught.value.fix or "") and "disk space" not in (caught.value.fix or "")
    assert practice.store.takes_with_status("recording") == []
    assert list(settings.audio_dir.rglob("*.flac")) == []  # the reserved file is gone


# -- item 8: empty takes ---------------------------------------------------------------------


def test_a_take_shorter_than_a_second_is_not_stored(settings: Settings) -> None:
    practice = practice_on(settings, noise(0.3))
    active = practice.start_take(load_questions(None).questions[0])
    time.sleep(0.3)
    with pytest.raises(too_short(), match="not stored"):
        active.stop()
    assert practice.store.takes_with_status("saved") == []
    assert practice.store.takes_with_status("recording") == []
    assert not active.path.exists()
    assert not lock_path(active.path).exists()


@pytest.mark.parametrize("seconds", ["0", "-5", "nan"])
def test_record_refuses_a_length_under_a_second(
    data_dir: Path, seconds: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        run(["--data-dir", str(data_dir), "record", "--question", "x", "--seconds", seconds])
    assert caught.value.code == 2
    assert "1 second or more" in capsys.readouterr().err
    assert not (data_dir / "offguard.sqlite3").exists()


def test_import_of_a_blip_is_not_stored(settings: Settings, tmp_path: Path) -> None:
    blip = tmp_path / "blip.wav"
    sf.write(blip, noise(0.4), 16000)
    practice = practice_on(settings)
    with pytest.raises(too_short()):
        practice.import_audio(blip, "swe-hardest-bug")
    assert practice.store.takes_with_status("imported") == []
    assert list(settings.audio_dir.rglob("*.wav")) == []


def test_a_silent_import_says_so_without_blaming_the_microphone(
    settings: Settings, tmp_path: Path
) -> None:
    quiet = tmp_path / "quiet.wav"
    sf.write(quiet, np.zeros(16000 * 5, dtype=np.float32), 16000)
    practice = Practice(
        settings,
        Store.open(settings.db_path),
        ScriptedTranscriber(""),
        lambda: ArrayRecorder(noise(1.0), 16000),
    )
    outcome = practice.import_audio(quiet, "swe-hardest-bug")
    assert outcome.error is not None
    assert "imported file" in outcome.error and "microphone" not in outcome.error
    delivery = outcome.analysis.delivery
    assert delivery is None or delivery.pitch is None  # the silence was not analysed
    assert outcome.transcript.settings == {"skipped": "silent file"}  # nor transcribed


def test_a_full_disk_when_the_take_is_stored_keeps_it_for_recovery(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    practice = practice_on(settings, noise(3.0))
    active = practice.start_take(load_questions(None).questions[0])
    time.sleep(1.5)

    def disk_full(*args: object, **kwargs: object) -> None:
        raise StorageError("Cannot use the database: database or disk is full.")

    monkeypatch.setattr(practice.store, "finish_take", disk_full)
    with pytest.raises(StorageError) as caught:
        active.stop()
    assert str(active.path) in caught.value.message and "recovers" in (caught.value.fix or "")
    monkeypatch.undo()
    assert active.path.stat().st_size > 0
    with Store.open(settings.db_path) as store:
        assert recover_takes(store).recovered == [active.take_id]


def test_the_lock_holds_even_when_its_pid_cannot_be_written(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import offguard.takelock as takelock

    def full(fd: int, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(takelock.os, "write", full)
    audio = ensure_data_dir(settings.data_dir) / "audio" / "x.flac"
    lock = takelock.TakeLock.acquire(audio)
    try:
        assert takelock.held_by_live_process(audio) is True
    finally:
        lock.release()
    assert takelock.held_by_live_process(audio) is False
