"""A recorder fed from an array instead of a microphone, for UI tests and benchmarks.

It goes through the same :class:`~offguard.audio.writer.TakeWriter` as the real recorder, so
the FLAC file, the level meter, ``on_block`` and the error handling are the real ones.
``realtime=True`` paces the blocks like a microphone and, once the array is used up, keeps
feeding silence until :meth:`stop` (a quiet room); ``realtime=False`` feeds the array as fast
as the writer takes it and then stops feeding (:meth:`wait` returns once all of it is written).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from offguard.audio.recorder import RecordingResult, WriterRecorder
from offguard.audio.writer import TakeWriter

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Block = npt.NDArray[np.float32]


class ArrayRecorder(WriterRecorder):
    """Implements :class:`~offguard.audio.recorder.AudioRecorder` over ``samples``."""

    device_name = "simulated"

    def __init__(
        self,
        samples: npt.ArrayLike,
        samplerate: int,
        *,
        realtime: bool = False,
        blocksize: int = 1600,
    ) -> None:
        import numpy as np

        data = np.asarray(samples, dtype=np.float32)
        if data.ndim == 2:
            data = data.mean(axis=1, dtype=np.float32)
        self.samples = np.ascontiguousarray(data)
        self.samplerate = int(samplerate)
        self.realtime = realtime
        self.blocksize = int(blocksize)
        self._writer: TakeWriter | None = None
        self._feeder: threading.Thread | None = None
        self._stopping = threading.Event()
        self._fed_all = threading.Event()

    def start(self, path: Path, on_block: Callable[[Block], None] | None = None) -> None:
        if self._writer is not None:
            raise RuntimeError("this recorder is already recording")
        self._stopping.clear()
        self._fed_all.clear()
        writer = TakeWriter(Path(path), self.samplerate, on_block)
        self._writer = writer
        self._feeder = threading.Thread(
            target=self._feed, args=(writer,), name="offguard-array-feed", daemon=True
        )
        self._feeder.start()

    @property
    def overflows(self) -> int:
        return 0

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the whole array has been queued and written (or ``timeout``)."""
        if not self._fed_all.wait(timeout):
            return False
        writer = self._writer
        if writer is None:
            return True
        deadline = None if timeout is None else time.monotonic() + timeout
        while writer.frames < len(self.samples) and not writer.failed:
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.01)
        return True

    def stop(self) -> RecordingResult:
        writer = self._writer
        if writer is None:
            raise RuntimeError("this recorder is not recording")
        self._stopping.set()
        if self._feeder is not None:
            self._feeder.join()
        return self._close_writer(writer, overflows=0)

    def _feed(self, writer: TakeWriter) -> None:
        import numpy as np

        step = self.blocksize
        start = time.monotonic()
        sent = 0
        total = len(self.samples)
        while not self._stopping.is_set() and not writer.failed:
            if sent >= total:
                self._fed_all.set()
                if not self.realtime:
                    return
                block = np.zeros(step, dtype=np.float32)
            else:
                block = self.samples[sent : sent + step].copy()
            if self.realtime:
                due = start + (sent + len(block)) / self.samplerate
                if self._stopping.wait(max(0.0, due - time.monotonic())):
                    break
            writer.put(block)
            sent += len(block)
            if not self.realtime and sent % (step * 64) == 0:
                time.sleep(0)  # let the writer thread run
        if sent >= total:
            self._fed_all.set()
