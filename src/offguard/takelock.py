"""The lock a recording process holds on its take, so recovery can tell a live take from a
dead one without trusting a PID (PIDs are reused, across reboots too).

While a take is recorded, ``<audio>.recording`` is open with an operating-system lock on it
(``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows). The OS drops the lock when the
process dies, however it dies (SIGKILL, power cut, reboot). Recovery asks for the same lock
without waiting: if it gets it, no process is recording that take any more.
The file also holds the PID, for people reading it; nothing relies on it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path


def lock_path(audio: Path) -> Path:
    """The lock file that marks ``audio`` as being recorded by a live process."""
    audio = Path(audio)
    return audio.with_name(audio.name + ".recording")


def _try_lock(fd: int) -> bool:
    """Lock ``fd`` exclusively without waiting; False when another holder has it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # a file system without locks (some network shares): cannot tell
        return True
    return True


class TakeLock:
    """Held by the recording process from before the take's row exists until it is stored."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, audio: Path) -> TakeLock:
        """Create and lock ``<audio>.recording``; raises OSError when it cannot."""
        path = lock_path(audio)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if not _try_lock(fd):
                raise BlockingIOError(f"{path} is held by another process")
            with contextlib.suppress(OSError):  # for people only: a full disk must not stop us
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, f"{os.getpid()}\n".encode())
        except BaseException:
            os.close(fd)
            raise
        return cls(path, fd)

    def release(self) -> None:
        """Remove the file, then drop the lock (idempotent)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if sys.platform == "win32":  # an open file cannot be deleted there
            os.close(fd)
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)
            return
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        os.close(fd)


def held_by_live_process(audio: Path) -> bool:
    """True while a live process holds the take's lock (the take is still being recorded).

    A missing lock file means nobody holds it. The check takes the lock for a moment and
    drops it at once, so two recoveries running together both see the take as free.
    """
    path = lock_path(audio)
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return False
    except OSError:
        return False
    try:
        return not _try_lock(fd)
    finally:
        os.close(fd)  # closing drops the lock we may have just taken
