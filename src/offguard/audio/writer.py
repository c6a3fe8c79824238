"""The writer thread shared by every recorder: drains a queue of audio blocks into a FLAC file.

The audio source (a PortAudio callback, or a thread feeding an array) only calls :meth:`put`.
The writer thread appends each block to the FLAC file (PCM_16), flushes it to disk at least
every :data:`FLUSH_SECONDS`, updates the level meter and hands the block to ``on_block``.
Whatever goes wrong (disk full, an ``on_block`` that raises) never kills the thread: a write
failure stops the writing, keeps what was written and sets :attr:`error`.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from offguard.errors import StorageError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Block = npt.NDArray[np.float32]

log = logging.getLogger(__name__)

FLUSH_SECONDS = 0.25
"""Longest time between two flushes of the file (a crash loses at most this plus one FLAC
frame, 4096 samples)."""
_GET_TIMEOUT = 0.05


@dataclass(frozen=True)
class Level:
    """Input level of the latest block, linear 0..1."""

    rms: float
    peak: float


SILENT = Level(0.0, 0.0)


class TakeWriter:
    """Opens ``path`` for writing at once (so a bad folder fails before recording starts),
    then runs the writer thread until :meth:`close`."""

    def __init__(
        self,
        path: Path,
        samplerate: int,
        on_block: Callable[[Block], None] | None = None,
    ) -> None:
        import soundfile as sf

        self.path = Path(path)
        self.samplerate = int(samplerate)
        self._on_block = on_block
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._frames = 0
        self._level = SILENT
        self._error: str | None = None
        self._failed = threading.Event()
        self._closing = threading.Event()
        self._last_block = time.monotonic()
        self._on_block_errors = 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file: Any = sf.SoundFile(
                str(self.path), "w", self.samplerate, 1, "PCM_16", format="FLAC"
            )
        except (OSError, RuntimeError) as exc:
            raise StorageError(
                f"Cannot create the recording {self.path}: {_reason(exc)}.",
                "check the data folder is writable and the disk has space, or choose "
                "another with --data-dir DIR.",
            ) from exc
        self._thread = threading.Thread(target=self._run, name="offguard-writer", daemon=True)
        self._thread.start()

    # -- called by the audio source (cheap, never blocks) -------------------------------
    def put(self, block: Block) -> None:
        """Queue a block (frames x channels or frames) for writing."""
        self._queue.put(block)

    @property
    def failed(self) -> bool:
        """True once writing stopped because of an error; the source should stop too."""
        return self._failed.is_set()

    # -- read by anyone --------------------------------------------------------------------
    @property
    def frames(self) -> int:
        return self._frames

    @property
    def elapsed(self) -> float:
        return self._frames / self.samplerate

    @property
    def level(self) -> Level:
        return self._level

    @property
    def error(self) -> str | None:
        return self._error

    @property
    def seconds_since_block(self) -> float:
        return time.monotonic() - self._last_block

    def fail(self, message: str) -> None:
        """Record an error from the source side (device gone); the first one wins."""
        if self._error is None:
            self._error = message
        self._failed.set()

    def close(self) -> int:
        """Write everything queued, finish the file and return the frames written."""
        self._closing.set()
        self._thread.join()
        try:
            self._file.close()
        except Exception as exc:  # disk full while writing the last frame
            self.fail(f"Could not finish writing {self.path}: {_reason(exc)}.")
        return self._frames

    # -- the writer thread -------------------------------------------------------------
    def _run(self) -> None:
        last_flush = time.monotonic()
        while True:
            try:
                block = self._queue.get(timeout=_GET_TIMEOUT)
            except queue.Empty:
                block = None
                if self._closing.is_set():
                    break
            if block is not None and not self._failed.is_set():
                self._last_block = time.monotonic()
                self._write(block)
            now = time.monotonic()
            if now - last_flush >= FLUSH_SECONDS and not self._failed.is_set():
                last_flush = now
                self._flush()

    def _write(self, block: Block) -> None:
        import numpy as np

        if block.ndim == 2:
            block = block[:, 0] if block.shape[1] == 1 else block.mean(axis=1, dtype=np.float32)
        mono = block
        mono = np.ascontiguousarray(mono, dtype=np.float32)
        try:
            self._file.write(mono)
        except Exception as exc:
            self._write_failed(exc)
            return
        self._frames += len(mono)
        if len(mono):
            peak = float(np.max(np.abs(mono)))
            rms = float(np.sqrt(np.mean(np.square(mono, dtype=np.float64))))
            self._level = Level(min(rms, 1.0), min(peak, 1.0))
        if self._on_block is not None:
            try:
                self._on_block(mono)
            except Exception:
                self._on_block_errors += 1
                if self._on_block_errors == 1:
                    log.exception("on_block raised; the recording goes on")

    def _flush(self) -> None:
        try:
            self._file.flush()
        except Exception as exc:
            self._write_failed(exc)

    def _write_failed(self, exc: BaseException) -> None:
        self.fail(
            f"Recording stopped: cannot write {self.path} ({_reason(exc)}); the audio up to "
            "this point is kept. Free some disk space or choose another folder with "
            "--data-dir DIR."
        )


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).strip().rstrip(".")
    if isinstance(exc, AssertionError) or not text or text.casefold() == "system error":
        return "the disk is full, the file size limit was reached or the folder is read-only"
    return text
