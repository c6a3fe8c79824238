"""Takes interrupted by a killed process: find them, repair their audio, mark them recovered.

While a take is recorded, a lock file ``<audio>.recording`` holds the recording process's PID.
A take still marked ``recording`` whose process is gone was interrupted (a crash, a closed
terminal, a power cut): its FLAC is repaired and the take stored as ``recovered``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from offguard.errors import AudioFileError

if TYPE_CHECKING:
    from offguard.store import Store


def lock_path(audio: Path) -> Path:
    """The lock file that marks ``audio`` as being recorded by a live process."""
    return audio.with_name(audio.name + ".recording")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def repair_interrupted(store: Store) -> list[int]:
    """Find takes left 'recording' by a process that died; repair and mark them recovered.

    Cheap (no model): runs at the start of every command. Returns the recovered take ids.
    """
    from offguard.audio.recovery import repair_audio

    recovered: list[int] = []
    for take in store.takes_with_status("recording"):
        lock = lock_path(take.audio_path)
        try:
            pid: int | None = int(lock.read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            pid = None
        if pid is not None and _pid_alive(pid):
            continue  # still being recorded by a live process
        try:
            duration = repair_audio(take.audio_path)
        except AudioFileError as exc:
            store.finish_take(take.id, duration=0.0, status="failed", note=exc.message)
        else:
            store.finish_take(
                take.id,
                duration=duration,
                status="recovered",
                note="Recovered after the app stopped unexpectedly.",
            )
            recovered.append(take.id)
        lock.unlink(missing_ok=True)
    return recovered
