"""Recording a take from the microphone into a FLAC file that survives a crash.

The PortAudio callback only enqueues ``indata.copy()`` (and counts input overflows); the
shared :class:`~offguard.audio.writer.TakeWriter` thread, opened before the stream starts,
does everything else. When the device cannot record at the requested rate, the device's
default rate is used (:attr:`Recorder.samplerate` says which; the transcriber resamples).
A device that vanishes mid-take ends the recording cleanly: the audio up to then is kept
and :attr:`Recorder.error` says what happened.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from offguard.audio.devices import PICK_FIX, find_input_device, import_sounddevice
from offguard.audio.writer import SILENT, Level, TakeWriter
from offguard.errors import AudioUnavailable

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Block = npt.NDArray[np.float32]

__all__ = [
    "AudioRecorder",
    "Level",
    "Recorder",
    "RecorderFactory",
    "RecordingMeter",
    "RecordingResult",
    "WriterRecorder",
]

STALL_SECONDS = 4.0
"""No audio for this long from a started stream means the device is gone."""


@dataclass(frozen=True)
class RecordingResult:
    """What :meth:`AudioRecorder.stop` hands back."""

    path: Path
    duration: float
    samplerate: int
    device: str
    overflows: int
    error: str | None
    """Set when recording ended early (device vanished, disk full); the audio up to then is
    in ``path``."""


class RecordingMeter(Protocol):
    """What a recording in progress shows: its level, time, overflows and error (a recorder,
    and the take service's active take)."""

    @property
    def level(self) -> Level: ...

    @property
    def elapsed(self) -> float: ...

    @property
    def overflows(self) -> int: ...

    @property
    def error(self) -> str | None: ...


class AudioRecorder(RecordingMeter, Protocol):
    """What the take service and the UI need from a recorder (real or simulated)."""

    samplerate: int

    def start(self, path: Path, on_block: Callable[[Block], None] | None = None) -> None: ...

    def stop(self) -> RecordingResult: ...


RecorderFactory = Callable[[], AudioRecorder]
"""Makes a fresh recorder for each take."""


class WriterRecorder:
    """The part every recorder here shares: the take goes through a
    :class:`~offguard.audio.writer.TakeWriter`, which gives the meter, the clock and the error,
    and closing it gives the :class:`RecordingResult`."""

    device_name: str
    _writer: TakeWriter | None

    @property
    def level(self) -> Level:
        return self._writer.level if self._writer is not None else SILENT

    @property
    def elapsed(self) -> float:
        return self._writer.elapsed if self._writer is not None else 0.0

    @property
    def error(self) -> str | None:
        return self._writer.error if self._writer is not None else None

    def _close_writer(self, writer: TakeWriter, overflows: int) -> RecordingResult:
        """Write everything queued, close the file and forget the writer."""
        frames = writer.close()
        self._writer = None
        return RecordingResult(
            path=writer.path,
            duration=frames / writer.samplerate,
            samplerate=writer.samplerate,
            device=self.device_name,
            overflows=overflows,
            error=writer.error,
        )


class Recorder(WriterRecorder):
    """Records mono float32 from a PortAudio input device (index, name or default)."""

    def __init__(
        self, device: str | int | None = None, samplerate: int = 16000, blocksize: int = 1600
    ) -> None:
        self.device_spec = device
        self.samplerate = int(samplerate)
        self.requested_samplerate = int(samplerate)
        self.blocksize = int(blocksize)
        self.device_name = ""
        self._writer: TakeWriter | None = None
        self._stream: Any = None
        self._overflows = 0
        self._stopping = threading.Event()
        self._watchdog: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- AudioRecorder -------------------------------------------------------------------
    def start(self, path: Path, on_block: Callable[[Block], None] | None = None) -> None:
        if self._writer is not None:
            raise RuntimeError("this recorder is already recording")
        sd = import_sounddevice()
        device = find_input_device(self.device_spec)
        self.device_name = device.name
        channels, rate = self._settings(sd, device.index, device.channels, device)
        self.samplerate = rate
        blocksize = max(1, round(self.blocksize * rate / self.requested_samplerate))
        self._overflows = 0
        self._stopping.clear()
        writer = TakeWriter(Path(path), rate, on_block)

        def callback(indata: Any, frames: int, time_info: Any, status: Any) -> None:
            if status.input_overflow:
                self._overflows += 1
            writer.put(indata.copy())
            if writer.failed:
                raise sd.CallbackStop

        def finished() -> None:
            if not self._stopping.is_set() and not writer.failed:
                writer.fail(
                    f"The microphone '{device.name}' stopped delivering audio (unplugged or "
                    "taken by another program); the take is saved up to that moment."
                )

        try:
            stream = sd.InputStream(
                device=device.index,
                channels=channels,
                samplerate=rate,
                blocksize=blocksize,
                dtype="float32",
                callback=callback,
                finished_callback=finished,
            )
            stream.start()
        except (sd.PortAudioError, OSError, ValueError) as exc:
            writer.close()
            _remove_empty(Path(path))
            raise AudioUnavailable(
                f"Cannot open the microphone '{device.name}': {exc}.",
                "close other programs using it, or " + PICK_FIX + ".",
            ) from exc
        self._writer = writer
        self._stream = stream
        self._watchdog = threading.Thread(
            target=self._watch, args=(writer, stream), name="offguard-rec-watchdog", daemon=True
        )
        self._watchdog.start()

    @property
    def overflows(self) -> int:
        return self._overflows

    @property
    def recording(self) -> bool:
        return self._writer is not None

    def stop(self) -> RecordingResult:
        """Stop the stream, write everything queued and close the file."""
        with self._lock:
            writer, stream = self._writer, self._stream
            if writer is None:
                raise RuntimeError("this recorder is not recording")
            self._stopping.set()
            if stream is not None:
                with contextlib.suppress(Exception):
                    stream.stop()
                with contextlib.suppress(Exception):
                    stream.close()
            if self._watchdog is not None:
                self._watchdog.join()
            self._stream = None
            return self._close_writer(writer, self._overflows)

    # -- internals -----------------------------------------------------------------------
    def _settings(self, sd: Any, index: int, max_channels: int, device: Any) -> tuple[int, int]:
        """(channels, samplerate) the device accepts: mono (else stereo, downmixed by the
        writer) at the requested rate, else at the device's default rate."""
        rates = [self.requested_samplerate]
        default = round(device.default_samplerate)
        if default > 0 and default != self.requested_samplerate:
            rates.append(default)
        channel_options = [1] + ([2] if max_channels >= 2 else [])
        last: Exception | None = None
        for rate in rates:
            for channels in channel_options:
                try:
                    sd.check_input_settings(
                        device=index, channels=channels, dtype="float32", samplerate=rate
                    )
                except (sd.PortAudioError, ValueError) as exc:
                    last = exc
                    continue
                return channels, rate
        raise AudioUnavailable(
            f"The microphone '{device.name}' cannot record at {self.requested_samplerate} Hz "
            f"or at its default rate {default} Hz ({last}).",
            PICK_FIX + ".",
        )

    def _watch(self, writer: TakeWriter, stream: Any) -> None:
        """Ends the take when the stream dies silently (no callback for STALL_SECONDS)."""
        while not self._stopping.wait(0.2):
            if writer.failed:
                return
            if writer.seconds_since_block > STALL_SECONDS:
                writer.fail(
                    f"The microphone '{self.device_name}' stopped delivering audio for "
                    f"{STALL_SECONDS:g} s (unplugged?); the take is saved up to that moment."
                )
                return
            if not stream.active and not self._stopping.is_set():
                writer.fail(
                    f"The microphone '{self.device_name}' stopped (unplugged or taken by "
                    "another program); the take is saved up to that moment."
                )
                return


def _remove_empty(path: Path) -> None:
    try:
        if path.exists() and path.stat().st_size < 1024:
            path.unlink()
    except OSError:
        pass
