"""Transcribing while the user speaks, so feedback is ready the moment they stop.

The recorder's writer thread calls :meth:`StreamingTranscriber.feed` with each block. Audio is
cut into chunks at pauses (energy-based, :class:`PauseDetector`), or at the quietest moment
once a chunk reaches ``max_chunk`` seconds. A background thread transcribes finished chunks in
order, each with the text before it as context, and reports the growing text through
``on_update`` (called from that thread: the UI marshals it). At :meth:`finish` only the audio
since the last cut is left to transcribe (Silero VAD skips it at once when it is silent).

When the speaker pauses before a chunk is long enough to cut, and the worker is idle, the
audio so far is transcribed provisionally. If the take then ends without further speech,
:meth:`finish` uses that result instead of starting on the tail: people stop talking a moment
before they press stop, and that moment is enough to have the last words ready. A pause
missed because the worker was busy is guessed at as soon as it is free. When the take ends
on a word instead, :meth:`finish` keeps the latest provisional transcription and decodes only
the audio after it, so a stop right on the last word costs a short tail, not a whole chunk.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from offguard.transcription.types import Transcriber, Transcript, Word
from offguard.transcription.whisper import TranscriptionCancelled

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float32]

#: A chunk is cut at the first pause after this many seconds...
MIN_CHUNK = 4.0
#: ...and at the quietest moment of its last seconds if no pause comes by this length.
MAX_CHUNK = 22.0


@dataclass
class _Chunk:
    start: int  # first sample, counted from the start of the take
    audio: FloatArray
    queued: float = field(default_factory=time.perf_counter)
    provisional: bool = False  # a guess at the tail, kept only if the take ends here
    result: Transcript | None = None  # a provisional chunk's transcription, once done
    adopt: _Chunk | None = None  # finish(): use this provisional chunk's result
    after: _Chunk | None = None  # finish(): keep this guess's result, then decode this chunk


@dataclass(frozen=True)
class ChunkStat:
    """How one chunk went (for benchmarks): where it was, how long it waited and took."""

    start: float
    seconds: float
    waited: float
    took: float


class StreamingTranscriber:
    """Feed audio blocks as they are recorded; :meth:`finish` returns the whole transcript."""

    def __init__(
        self,
        transcriber: Transcriber,
        samplerate: int,
        *,
        on_update: Callable[[str], None] | None = None,
        min_chunk: float = MIN_CHUNK,
        max_chunk: float = MAX_CHUNK,
    ) -> None:
        from offguard.transcription.chunking import PauseDetector

        self.transcriber = transcriber
        self.samplerate = samplerate
        self.on_update = on_update
        self._min = int(min_chunk * samplerate)
        self._max = int(max_chunk * samplerate)
        self._detector = PauseDetector(samplerate)
        self._pending: list[FloatArray] = []
        self._pending_start = 0  # sample index of the first pending sample
        self._pending_size = 0
        self._total = 0
        self._lock = threading.Lock()  # guards the results below
        self._texts: list[str] = []
        self._words: list[Word] = []
        self._chunks_done = 0
        self.stats: list[ChunkStat] = []
        self._error: BaseException | None = None
        self._cancelled = threading.Event()
        self._finished = False
        self._queue: queue.Queue[_Chunk | None] = queue.Queue()
        self._busy = False
        self._guess: _Chunk | None = None  # the latest provisional chunk
        self._tail_ready = False  # finish() used a provisional transcription
        self._pause = 0  # latest pause inside the pending audio (sample index), if any
        self._tail_seconds = 0.0  # audio whose decoding had not started at finish()
        self._worker = threading.Thread(target=self._work, name="offguard-stream", daemon=True)
        self._worker.start()

    # -- called from the recorder's writer thread ------------------------------------------

    def feed(self, block: FloatArray) -> None:
        """Add recorded samples (mono float32 at ``samplerate``). Cheap: never transcribes."""
        import numpy as np

        if self._finished or self._cancelled.is_set():
            return
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        if block.size == 0:
            return
        pauses = self._detector.feed(block)
        self._pending.append(block)
        self._pending_size += block.size
        self._total += block.size
        for pos in pauses:
            if pos - self._pending_start >= self._min:
                self._cut(pos)
            elif pos > self._pending_start:
                self._pause = pos
        forming = 0 < self._detector.quiet_run < self._detector.pause_frames  # wait for it
        if self._pause > self._guessed_to() and not forming and self.idle():
            self._provisional(self._pause)
        if self._pending_size >= self._max:
            self._cut_at_quietest()

    def _cut(self, pos: int) -> None:
        """Queue pending audio up to sample ``pos`` as a chunk; keep the rest pending."""
        import numpy as np

        audio = np.concatenate(self._pending) if len(self._pending) > 1 else self._pending[0]
        split = pos - self._pending_start
        self._queue.put(_Chunk(self._pending_start, audio[:split].copy()))
        self._guess = None
        rest = audio[split:]
        self._pending = [rest.copy()] if rest.size else []
        self._pending_start = pos
        self._pending_size = rest.size

    def _provisional(self, pos: int) -> None:
        """Queue a provisional transcription of the pending audio up to ``pos``."""
        import numpy as np

        audio = np.concatenate(self._pending)
        self._pending = [audio]
        guess = _Chunk(self._pending_start, audio[: pos - self._pending_start].copy())
        guess.provisional = True
        self._guess = guess
        self._queue.put(guess)

    def _current_guess(self) -> _Chunk | None:
        """The latest provisional chunk if it starts where the pending audio does."""
        guess = self._guess
        return guess if guess is not None and guess.start == self._pending_start else None

    def _guessed_to(self) -> int:
        """Sample index up to which the pending audio is (being) transcribed provisionally."""
        guess = self._current_guess()
        return self._pending_start if guess is None else guess.start + guess.audio.size

    def _usable_guess(self) -> _Chunk | None:
        """The provisional chunk if it covers all the speech still pending."""
        guess = self._current_guess()
        if guess is None:
            return None
        end = guess.start + guess.audio.size
        quiet_since = self._total - self._detector.quiet_run * self._detector.hop
        return guess if quiet_since <= end else None

    def _cut_at_quietest(self) -> None:
        import numpy as np

        from offguard.transcription.chunking import quietest_cut

        audio = np.concatenate(self._pending)
        self._pending = [audio]
        search = int(4.0 * self.samplerate)
        cut = quietest_cut(audio, self.samplerate, audio.size - search, audio.size)
        self._cut(self._pending_start + max(1, cut))

    # -- results ---------------------------------------------------------------------------

    def idle(self) -> bool:
        """True when every chunk so far is transcribed and nothing is running."""
        return not self._busy and self._queue.empty()

    def partial_text(self) -> str:
        """The text of the chunks transcribed so far."""
        with self._lock:
            return " ".join(self._texts)

    def finish(self) -> Transcript:
        """Transcribe what is left (the tail), wait for the worker, return the whole take."""
        if not self._finished:
            self._finished = True
            guess = self._usable_guess()
            if guess is not None:
                self._tail_ready = True
                self._queue.put(_Chunk(guess.start, guess.audio, adopt=guess))
            elif self._pending_size:
                self._cut_tail()
            self._pending = []
            self._queue.put(None)
        self._worker.join()
        if self._cancelled.is_set():
            raise TranscriptionCancelled("Transcription cancelled.")
        if self._error is not None:
            raise self._error
        with self._lock:
            text = " ".join(self._texts)
            words = tuple(self._words)
            chunks = self._chunks_done
        settings: dict[str, Any] = dict(self.transcriber.settings())
        settings.update(
            streaming=True,
            chunks=chunks,
            tail_ready=self._tail_ready,
            tail_seconds=round(self._tail_seconds, 3),
        )
        return Transcript(
            text=text,
            words=words,
            duration=self._total / self.samplerate,
            model=self.transcriber.model_name,
            settings=settings,
        )

    def _cut_tail(self) -> None:
        """At finish: queue the pending audio, only the part after the latest guess if any."""
        import numpy as np

        guess = self._current_guess()
        end = self._pending_start + self._pending_size
        if guess is None:
            self._tail_seconds = self._pending_size / self.samplerate
            self._cut(end)
            return
        self._guess = None  # not started yet: skipped, one decode of all the pending audio
        audio = np.concatenate(self._pending)
        split = guess.audio.size
        self._tail_seconds = (audio.size - split) / self.samplerate
        self._queue.put(_Chunk(guess.start + split, audio[split:].copy(), after=guess))

    def cancel(self) -> None:
        """Stop transcribing (the current chunk is abandoned at its next segment)."""
        self._cancelled.set()
        self._finished = True
        self._queue.put(None)

    # -- background thread -----------------------------------------------------------------

    def _work(self) -> None:
        while True:
            chunk = self._queue.get()
            if chunk is None or self._cancelled.is_set():
                return
            try:
                if chunk.provisional:
                    if chunk is self._guess:  # skip guesses a later guess or cut replaced
                        self._busy = True
                        chunk.result = self._run(chunk)
                else:
                    self._busy = True
                    self._transcribe(chunk)
            except TranscriptionCancelled:
                return
            except BaseException as exc:  # reported by finish()
                self._error = exc
                return
            finally:
                self._busy = False

    def _run(self, chunk: _Chunk) -> Transcript:
        with self._lock:
            context = " ".join(self._texts)
        return self.transcriber.transcribe(
            chunk.audio,
            samplerate=self.samplerate,
            prompt=context or None,
            offset=chunk.start / self.samplerate,
            cancel=self._cancelled.is_set,
        )

    def _transcribe(self, chunk: _Chunk) -> None:
        import numpy as np

        guess = chunk.after
        if guess is not None:
            if guess.result is None:  # the guess never ran: decode all the pending audio
                audio = np.concatenate([guess.audio, chunk.audio])
                chunk = _Chunk(guess.start, audio, queued=chunk.queued)
                self._tail_seconds = audio.size / self.samplerate
            else:
                self._record(guess, guess.result, time.perf_counter())
        began = time.perf_counter()
        adopted = chunk.adopt.result if chunk.adopt is not None else None
        result = adopted if adopted is not None else self._run(chunk)
        self._record(chunk, result, began)

    def _record(self, chunk: _Chunk, result: Transcript, began: float) -> None:
        """Append a chunk's transcription to the take and report the text so far."""
        with self._lock:
            if result.text:
                self._texts.append(result.text)
            last = self._words[-1].start if self._words else 0.0
            for w in result.words:
                if w.start < last:
                    w = Word(w.word, last, max(last, w.end), w.probability)
                self._words.append(w)
                last = w.start
            self._chunks_done += 1
            text = " ".join(self._texts)
            self.stats.append(
                ChunkStat(
                    chunk.start / self.samplerate,
                    chunk.audio.size / self.samplerate,
                    began - chunk.queued,
                    time.perf_counter() - began,
                )
            )
        if self.on_update is not None and result.text:
            self.on_update(text)
