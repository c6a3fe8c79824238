"""Takes interrupted by a killed process: find them, repair their audio, mark them recovered.

While a take is recorded, its process holds an OS lock on ``<audio>.recording`` (see
:mod:`offguard.takelock`). A take still marked ``recording`` whose lock nobody holds was
interrupted (a crash, a closed terminal, a power cut): its FLAC is repaired and the take
stored as ``recovered``. When the repair cannot be written (a full disk) the take stays
pending and is tried again next time; it is marked ``failed`` only when no audio can be
read from it at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from offguard.errors import AudioFileError
from offguard.takelock import TakeLock, lock_path

if TYPE_CHECKING:
    from offguard.store import Store

__all__ = ["RecoveryReport", "lock_path", "recover_takes", "repair_interrupted"]

RECOVERED_NOTE = "Recovered after the app stopped unexpectedly."


@dataclass
class RecoveryReport:
    """What one recovery pass did."""

    recovered: list[int] = field(default_factory=list)
    """Take ids repaired and stored as ``recovered``."""
    deferred: list[tuple[int, str]] = field(default_factory=list)
    """Takes left pending (readable audio, repair not possible now): id and why."""
    failed: list[tuple[int, str]] = field(default_factory=list)
    """Takes with no readable audio at all: id and why."""


def recover_takes(store: Store) -> RecoveryReport:
    """Find takes left 'recording' by a process that died; repair and mark them recovered.

    Cheap (no model): runs at the start of every command. A take whose lock is held (its
    recorder is alive, or another recovery is on it) is skipped.
    """
    from offguard.audio.recovery import RepairDeferred, repair_audio

    report = RecoveryReport()
    for take in store.takes_with_status("recording"):
        try:
            lock = TakeLock.acquire(take.audio_path)
        except BlockingIOError:
            continue  # held by a live recorder, or another recovery is on it
        except OSError as exc:
            why = f"cannot lock {lock_path(take.audio_path)}: {exc.strerror or exc}"
            report.deferred.append((take.id, why))
            continue
        try:
            current = store.get_take(take.id)
            if current is None or current.status != "recording":
                continue  # finished while we looked
            try:
                duration = repair_audio(take.audio_path)
            except RepairDeferred as exc:
                report.deferred.append((take.id, str(exc)))
                continue
            except AudioFileError as exc:
                store.finish_take(take.id, duration=0.0, status="failed", note=exc.message)
                report.failed.append((take.id, exc.message))
            else:
                store.finish_take(
                    take.id, duration=duration, status="recovered", note=RECOVERED_NOTE
                )
                report.recovered.append(take.id)
        finally:
            lock.release()
    return report


def repair_interrupted(store: Store) -> list[int]:
    """:func:`recover_takes`, returning only the recovered take ids."""
    return recover_takes(store).recovered
