"""Playing a take back: play, pause, seek, position.

:class:`SoundDevicePlayer` preloads the whole take (a few MB for minutes of speech) and its
output callback only copies a slice of it. :class:`NullPlayer` has no sound but keeps time,
so the UI (and its tests) behave the same on a machine without audio output.
``on_finished`` is called from a helper thread when playback reaches the end: a UI must hop to
its own thread (Textual: ``call_from_thread``) before touching widgets.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from offguard.audio.devices import import_sounddevice
from offguard.errors import AudioUnavailable

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

_OUTPUT_FIX = "check that an output device exists (`offguard doctor`), or read the transcript."


class Player(Protocol):
    on_finished: Callable[[], None] | None

    def play(self) -> None: ...
    def pause(self) -> None: ...
    def toggle(self) -> None: ...
    def seek(self, seconds: float) -> None: ...
    def close(self) -> None: ...

    @property
    def position(self) -> float: ...

    @property
    def duration(self) -> float: ...

    @property
    def playing(self) -> bool: ...


class SoundDevicePlayer:
    """Plays an audio file through the default (or given) PortAudio output device."""

    def __init__(self, path: Path, device: int | str | None = None) -> None:
        import numpy as np

        from offguard.audio.files import load_audio

        self.path = Path(path)
        self.device = device
        self.samplerate = _native_rate(self.path)
        data = load_audio(self.path, samplerate=self.samplerate)
        self._data: npt.NDArray[np.float32] = np.ascontiguousarray(data, dtype=np.float32)
        self._pos = 0
        self._seek_to: int | None = None
        self._playing = False
        self._ended = False
        self._tail = 0
        self._tail_frames = 0
        self._latency_frames = 0
        self._anchor = 0
        self._stream: Any = None
        self._stop_exc: type[BaseException] = StopIteration
        self._lock = threading.Lock()
        self.on_finished: Callable[[], None] | None = None

    @property
    def duration(self) -> float:
        return len(self._data) / self.samplerate

    @property
    def position(self) -> float:
        """Seconds from the start of what is being heard (the output latency is allowed for)."""
        return min(self._heard(), len(self._data)) / self.samplerate

    @property
    def playing(self) -> bool:
        return self._playing

    def play(self) -> None:
        with self._lock:
            if self._playing:
                return
            if self.position >= self.duration:
                self._seek_to = None
                self._pos = 0
            stream = self._open()
            if not stream.stopped:  # finished by reaching the end: stop before restarting
                with contextlib.suppress(Exception):
                    stream.stop()
            self._ended = False
            self._tail = 0
            self._anchor = self._pos
            self._playing = True
            try:
                stream.start()
            except Exception as exc:
                self._playing = False
                raise AudioUnavailable(
                    f"Cannot play {self.path.name}: {exc}.", _OUTPUT_FIX
                ) from exc

    def pause(self) -> None:
        with self._lock:
            if not self._playing:
                return
            heard = self._heard()
            self._playing = False
            if self._stream is not None:
                try:
                    self._stream.abort()
                except Exception:
                    self._stream = None
            self._seek_to = None
            self._pos = heard  # resume where the listener is, not where the buffer was

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def seek(self, seconds: float) -> None:
        frame = round(max(0.0, min(seconds, self.duration)) * self.samplerate)
        if self._playing:
            self._seek_to = frame  # picked up by the next callback
        else:
            self._seek_to = None
            self._pos = frame

    def close(self) -> None:
        with self._lock:
            self._playing = False
            stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.abort()
                stream.close()
            except Exception:
                pass

    def __enter__(self) -> SoundDevicePlayer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals -----------------------------------------------------------------------
    def _open(self) -> Any:
        if self._stream is not None:
            return self._stream
        sd = import_sounddevice()
        self._stop_exc = sd.CallbackStop
        try:
            sd.query_devices(self.device, kind="output")
        except (sd.PortAudioError, ValueError) as exc:
            raise AudioUnavailable(
                f"Cannot play {self.path.name}: no audio output device found ({exc}).",
                _OUTPUT_FIX,
            ) from exc
        try:
            sd.check_output_settings(
                device=self.device, channels=1, dtype="float32", samplerate=self.samplerate
            )
        except (sd.PortAudioError, ValueError) as exc:
            self._resample_to_device(sd, exc)
        try:
            self._stream = sd.OutputStream(
                device=self.device,
                channels=1,
                samplerate=self.samplerate,
                dtype="float32",
                latency=0.4,  # playback tolerates latency, not underruns
                blocksize=1024,
                prime_output_buffers_using_stream_callback=True,
                callback=self._callback,
                finished_callback=self._finished,
            )
        except (sd.PortAudioError, ValueError, OSError) as exc:
            raise AudioUnavailable(f"Cannot play {self.path.name}: {exc}.", _OUTPUT_FIX) from exc
        self._latency_frames = int(float(self._stream.latency) * self.samplerate)
        self._tail_frames = self._latency_frames + self.samplerate // 10
        return self._stream

    def _resample_to_device(self, sd: Any, first: Exception) -> None:
        from offguard.audio.files import resample

        try:
            info = sd.query_devices(self.device, kind="output")
            rate = round(float(info["default_samplerate"]))
            sd.check_output_settings(
                device=self.device, channels=1, dtype="float32", samplerate=rate
            )
        except (sd.PortAudioError, ValueError) as exc:
            raise AudioUnavailable(f"Cannot play audio: {first or exc}.", _OUTPUT_FIX) from exc
        position = self.position
        self._data = resample(self._data, self.samplerate, rate)
        self.samplerate = rate
        self._pos = int(position * rate)

    def _callback(self, outdata: Any, frames: int, time_info: Any, status: Any) -> None:
        target = self._seek_to
        if target is not None:
            self._seek_to = None
            self._pos = self._anchor = target
        pos = self._pos
        chunk = self._data[pos : pos + frames]
        n = len(chunk)
        outdata[:n, 0] = chunk
        self._pos = pos + n
        if n < frames:
            outdata[n:] = 0
            # Play silence for as long as the output buffer is, so the end is heard before
            # the stream stops (stopping at once made the last buffer underrun).
            self._tail += frames - n
            if self._tail >= self._tail_frames:
                self._ended = True
                raise self._stop_exc

    def _heard(self) -> int:
        if self._seek_to is not None:
            return self._seek_to
        if self._playing and not self._ended:
            return max(self._anchor, self._pos - self._latency_frames)
        return self._pos

    def _finished(self) -> None:
        if not self._ended:
            return  # paused or closed
        self._playing = False
        callback = self.on_finished
        if callback is not None:
            threading.Thread(target=callback, name="offguard-player-done", daemon=True).start()


class NullPlayer:
    """A silent player that keeps time (for machines without audio output, and UI tests)."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        duration: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if duration is None:
            duration = _file_duration(Path(path)) if path is not None else 0.0
        self.path = path
        self._duration = max(0.0, float(duration))
        self._clock = clock
        self._base = 0.0
        self._started: float | None = None
        self._timer: threading.Timer | None = None
        self._finished_fired = False
        self.on_finished: Callable[[], None] | None = None

    @property
    def duration(self) -> float:
        return self._duration

    @property
    def position(self) -> float:
        self._check_end()
        return self._raw_position()

    @property
    def playing(self) -> bool:
        self._check_end()
        return self._started is not None

    def play(self) -> None:
        if self._started is not None:
            return
        if self._base >= self._duration:
            self._base = 0.0
        self._finished_fired = False
        self._started = self._clock()
        if self._clock is time.monotonic:
            self._timer = threading.Timer(self._duration - self._base + 0.01, self._check_end)
            self._timer.daemon = True
            self._timer.start()

    def pause(self) -> None:
        if self._started is None:
            return
        self._base = self._raw_position()
        self._started = None
        self._cancel_timer()

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self.play()

    def seek(self, seconds: float) -> None:
        was_playing = self._started is not None
        self.pause()
        self._base = max(0.0, min(float(seconds), self._duration))
        if was_playing:
            self.play()

    def close(self) -> None:
        self._started = None
        self._cancel_timer()

    def _raw_position(self) -> float:
        if self._started is None:
            return self._base
        return min(self._duration, self._base + self._clock() - self._started)

    def _check_end(self) -> None:
        if self._started is not None and self._raw_position() >= self._duration:
            self._base = self._duration
            self._started = None
            if not self._finished_fired:
                self._finished_fired = True
                if self.on_finished is not None:
                    self.on_finished()

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


def make_player(path: Path, device: int | str | None = None) -> Player:
    """A :class:`SoundDevicePlayer`, or a :class:`NullPlayer` when there is no audio output."""
    try:
        player = SoundDevicePlayer(path, device)
        player._open()
    except AudioUnavailable:
        return NullPlayer(path)
    return player


def _native_rate(path: Path) -> int:
    try:
        import soundfile as sf

        rate = int(sf.info(str(path)).samplerate)
    except Exception:
        rate = 0
    return rate if rate > 0 else 16000


def _file_duration(path: Path) -> float:
    from offguard.audio.files import load_audio

    try:
        import soundfile as sf

        info = sf.info(str(path))
        if 0 < info.frames < (1 << 40):
            return float(info.frames) / float(info.samplerate)
    except Exception:
        pass
    return len(load_audio(path, samplerate=16000)) / 16000.0
