"""Transcribing while the user speaks: a live transcript within a second or two, the final one
ready the moment they stop.

The recorder's writer thread calls :meth:`StreamingTranscriber.feed` with each block: it only
appends the audio and looks for pauses (energy-based, :class:`PauseDetector`). One worker thread
does all the decoding, always on the newest audio, so nothing ever queues up:

- **Live** (LocalAgreement-2, :mod:`agreement`): every ``interval`` seconds the audio since the
  last final point (the *window*, at most ``max_window`` seconds) is decoded, with the final text
  before it as the prompt. Words two consecutive decodes agree on are committed; the rest is
  provisional. ``on_update`` receives both (:class:`LiveText`), from the worker thread.
- **Final at pauses**: once the window holds ``min_chunk`` seconds up to a pause, that stretch is
  decoded once more as a whole (the same decode as ``offguard transcribe``: fillers and the
  coverage guarantee) and becomes final; the window restarts at the pause.
- **Long stretches** (:mod:`redecode`): final pieces adding up to 20-30 s are decoded once more
  as one stretch, as whole-file transcription does, right after the speaker starts a new
  stretch (a stop then is unlikely to have to wait for it).
- **No pause** for ``max_window`` seconds: the committed words become final (after the coverage
  check of their audio) and the window restarts after them.
- **At stop** (:meth:`finish`): if the latest live decode already heard all the speech, its words
  are kept; otherwise only the audio after the committed words is decoded (never fewer than the
  last words: the coverage guarantee applies to the tail too).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from offguard.transcription.agreement import LocalAgreement
from offguard.transcription.pieces import DecodeStat, Window, WindowAudio, monotonic
from offguard.transcription.redecode import Finals
from offguard.transcription.types import LiveText, Transcriber, Transcript, Word, join_words
from offguard.transcription.whisper import TranscriptionCancelled

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float32]

#: Seconds between live decodes (a decode starts at most this often).
UPDATE_SECONDS = 1.0
#: The live window never grows past this (seconds): each decode stays short.
MAX_WINDOW = 15.0
#: A window is made final at the first pause after this many seconds.
MIN_CHUNK = 4.0
#: At stop, the latest live decode is kept if it heard this much quiet after the last sound.
HEARD_QUIET = 0.3
#: At stop, the tail is decoded from this many seconds before the committed words end.
TAIL_CONTEXT = 3.0
#: Quiet before the speaker starts is dropped, except this much (seconds).
KEEP_QUIET = 0.5
#: Long decodes (and their filler passes) start only in the first seconds of a new stretch of
#: speech: the speaker has just started a sentence, so a stop is unlikely to wait for one.
LONG_START = 1.5


class StreamingTranscriber:
    """Feed audio blocks as they are recorded; :meth:`finish` returns the whole transcript."""

    def __init__(
        self,
        transcriber: Transcriber,
        samplerate: int,
        *,
        on_update: Callable[[LiveText], None] | None = None,
        interval: float = UPDATE_SECONDS,
        max_window: float = MAX_WINDOW,
        min_chunk: float = MIN_CHUNK,
        start_worker: bool = True,
        long_pieces: bool = True,
    ) -> None:
        """``start_worker=False``: no thread; the caller runs :meth:`step` itself (tests, and
        benchmarks that feed audio faster than real time). ``long_pieces=False``: final pieces
        are not decoded again as long stretches (for comparison)."""
        from offguard.transcription.chunking import PauseDetector

        self.transcriber = transcriber
        self.samplerate = samplerate
        self.on_update = on_update
        self.interval = interval
        self._max = int(max_window * samplerate)
        self._min = int(min_chunk * samplerate)
        self._detector = PauseDetector(samplerate)
        self._audio = WindowAudio()
        self._lock = threading.Lock()  # guards the shown text
        self._wake = threading.Event()
        # Worker-owned state.
        self._agreement = LocalAgreement()
        self._finals = Finals(transcriber, samplerate, self._cancelled_now)
        self._live_end = -1  # sample index the latest live decode heard up to
        self._live_start = 0.0
        self._shown = LiveText("", "")
        self.stats: list[DecodeStat] = []
        self._tail_ready = False
        self._tail_seconds = 0.0
        self._error: BaseException | None = None
        self._cancelled = threading.Event()
        self._long = long_pieces
        self._finished = False
        self._paced = start_worker
        self._worker: threading.Thread | None = None
        if start_worker:
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
        det = self._detector
        quiet_since = (det.frames - det.quiet_run) * det.hop  # end of the last sound
        unseen = self._audio.append(block, pauses, quiet_since)
        if unseen >= self.interval * self.samplerate or pauses:
            self._wake.set()

    # -- results ---------------------------------------------------------------------------

    def partial_text(self) -> str:
        """The text on screen now: committed and provisional words."""
        with self._lock:
            return self._shown.text

    def live_text(self) -> LiveText:
        with self._lock:
            return self._shown

    def finish(self) -> Transcript:
        """Transcribe what is left (the tail), wait for the worker, return the whole take."""
        if not self._finished:
            self._finished = True
            self._wake.set()
            if self._worker is None:
                self._guarded(self._final_step)
        if self._worker is not None:
            self._worker.join()
        if self._cancelled.is_set():
            raise TranscriptionCancelled("Transcription cancelled.")
        if self._error is not None:
            raise self._error
        settings: dict[str, Any] = dict(self.transcriber.settings())
        settings.update(
            streaming=True,
            policy="local-agreement-2",
            decodes=len(self.stats),
            tail_ready=self._tail_ready,
            tail_seconds=round(self._tail_seconds, 3),
            filler_passes_skipped=sum(1 for p in self._finals.pieces if p.audio is not None),
            long_pieces=sum(1 for p in self._finals.pieces if p.long),
        )
        return Transcript(
            text=" ".join(self._finals.texts),
            words=tuple(monotonic(self._finals.words)),
            duration=self._audio.total / self.samplerate,
            model=self.transcriber.model_name,
            settings=settings,
        )

    def cancel(self) -> None:
        """Stop transcribing (a decode running now is abandoned at its next segment)."""
        self._cancelled.set()
        self._finished = True
        self._wake.set()

    # -- the worker --------------------------------------------------------------------------

    def step(self) -> None:
        """Without a worker thread: make the worker's decisions on the audio fed so far."""
        for _ in range(4):  # a final decode at a pause is followed at once by a live one
            if self._finished or self._error is not None:
                return
            if self._guarded(self._step) != 0.0:
                return

    def _work(self) -> None:
        timeout: float | None = self.interval
        while timeout is not None:
            self._wake.wait(timeout=timeout)
            self._wake.clear()
            if self._cancelled.is_set():
                return
            if self._finished:
                self._guarded(self._final_step)
                return
            timeout = self._guarded(self._step)

    def _guarded(self, fn: Callable[[], float | None]) -> float | None:
        """Run a worker step; an error ends the work and is raised by :meth:`finish`."""
        try:
            return fn()
        except TranscriptionCancelled:
            return None
        except BaseException as exc:  # reported by finish()
            self._error = exc
            return None

    def _snapshot(self) -> Window:
        return self._audio.snapshot()

    def _advance(self, to: int) -> None:
        """The audio before sample ``to`` is final: drop it, restart the window there."""
        dropped = self._audio.drop_before(to)
        if dropped is not None:
            self._finals.keep(*dropped)
        self._agreement.restart(to / self.samplerate)

    def _step(self) -> float:
        """One decision on the newest audio; returns how long to wait before the next."""
        win = self._snapshot()
        sr = self.samplerate
        if win.audio.size == 0:
            return self.interval
        if win.quiet_since <= win.cut and not self._agreement.provisional:
            # Nothing said since the window started: keep only a little of the quiet.
            if win.audio.size > 2 * KEEP_QUIET * sr:
                self._advance(win.end - int(KEEP_QUIET * sr))
            return 0.0 if self._filler_pass(long=False) else self.interval
        pauses = [p for p in win.pauses if self._min <= p - win.cut <= self._max]
        if pauses:
            self._finalize(win, pauses[-1], "final")
            return 0.0  # decode what follows the pause without waiting
        if win.audio.size > self._max:
            self._force(win)
            return 0.0
        if win.quiet_since <= self._live_end:
            return 0.0 if self._filler_pass(long=False) else self.interval  # no new speech
        if self._long and win.audio.size <= LONG_START * sr and self._long_step():
            return 0.0  # a new stretch has just started
        wait = self._live_start + self.interval - time.perf_counter()
        if wait > 0 and self._paced:
            if self._filler_pass(long=False):  # spare time before the next live decode
                return 0.0
            return wait  # feed() or finish() may wake the worker earlier
        self._live(win)
        if not self._paced:  # step(): the same decisions however long the decode took
            return self.interval
        return max(0.0, self._live_start + self.interval - time.perf_counter())

    def _live(self, win: Window) -> None:
        self._live_start = began = time.perf_counter()
        result = self.transcriber.transcribe(
            win.audio,
            samplerate=self.samplerate,
            prompt=self._finals.context(),
            offset=win.cut / self.samplerate,
            cancel=self._cancelled.is_set,
            live=True,
        )
        self._stat("live", win.cut, win.audio.size, began)
        self._live_end = win.end
        self._agreement.update(result.words)
        self._publish()

    def _finalize(self, win: Window, to: int, kind: str) -> None:
        """Decode the window up to sample ``to`` as a whole; it becomes final."""
        began = time.perf_counter()
        result = self.transcriber.transcribe(
            win.audio[: to - win.cut],
            samplerate=self.samplerate,
            prompt=self._finals.context(),
            offset=win.cut / self.samplerate,
            cancel=self._cancelled.is_set,
            fillers=False,  # the filler pass runs when the worker has time to spare
        )
        self._stat(kind, win.cut, to - win.cut, began)
        self._finals.add(
            result.text, list(result.words), (win.cut, to), audio=win.audio[: to - win.cut]
        )
        self._agreement.take()
        self._advance(to)
        self._publish()

    def _force(self, win: Window) -> None:
        """No pause in ``max_window`` seconds: make the committed words final."""
        from offguard.transcription.chunking import quietest_cut

        sr = self.samplerate
        committed = self._agreement.committed
        if not committed or committed[-1].end * sr - win.cut < self._min // 2:
            lo = self._max - int(4.0 * sr)
            self._finalize(win, win.cut + quietest_cut(win.audio, sr, lo, self._max), "forced")
            return
        after = self._agreement.provisional
        to_s = committed[-1].end + 0.15
        if after:
            to_s = min(to_s, (committed[-1].end + after[0].start) / 2)
        to = max(win.cut + 1, min(win.end, int(to_s * sr)))
        began = time.perf_counter()
        words = self._cover(win.audio[: to - win.cut], self._agreement.take(), win.cut)
        self._stat("forced", win.cut, to - win.cut, began)
        self._finals.add(None, words, (win.cut, to))
        self._advance(to)
        self._publish()

    def _final_step(self) -> float | None:
        """At stop: keep the latest decode if it heard all the speech, else decode the tail."""
        win = self._snapshot()
        sr = self.samplerate
        began = time.perf_counter()
        if win.audio.size == 0 or (win.quiet_since <= win.cut and not self._agreement.provisional):
            self._tail_ready = True
            return None
        if self._live_end >= win.quiet_since + int(HEARD_QUIET * sr) and self._live_end > win.cut:
            # The speaker paused before stopping: the latest live decode heard everything.
            words = self._agreement.committed + self._agreement.provisional
            self._finals.add(None, self._cover(win.audio, words, win.cut), (win.cut, win.end))
            self._tail_ready = True
            self._stat("tail", win.cut, 0, began)
            return None
        committed = self._agreement.take()
        # The prompt is the text before the window: with the committed words in it too, Whisper
        # skipped their audio and put the last words at its start, before the split, where
        # they were dropped ("...grew to be [only memories]").
        prompt = self._finals.context()
        split = win.cut  # the words before it are committed
        if committed:
            split = max(win.cut, min(win.end, int((committed[-1].end + 0.05) * sr)))
            words = self._cover(win.audio[: split - win.cut], committed, win.cut)
            self._finals.add(None, words, (win.cut, split))
        # Decode from a little before the committed point (Whisper needs some context to hear
        # a last short word), keep the words after it. One quick decode (bounded: no retries
        # at higher temperatures, no filler pass), then the coverage guarantee on its stretch:
        # every decode here is time the user waits.
        begin = max(win.cut, split - int(TAIL_CONTEXT * sr))
        self._tail_seconds = (win.end - split) / sr
        result = self.transcriber.transcribe(
            win.audio[begin - win.cut :],
            samplerate=sr,
            prompt=prompt,
            offset=begin / sr,
            cancel=self._cancelled.is_set,
            live=True,
        )
        after = [w for w in result.words if (w.start + w.end) / 2 >= split / sr]
        self._finals.add(
            None, self._cover(win.audio[split - win.cut :], after, split), (split, win.end)
        )
        self._stat("tail", begin, win.end - begin, began)
        return None

    # -- helpers -----------------------------------------------------------------------------

    def _cover(self, audio: FloatArray, words: list[Word], start: int) -> list[Word]:
        """The coverage guarantee on words found by live decodes."""
        if audio.size == 0:
            return words
        return list(
            self.transcriber.cover(
                audio,
                words,
                samplerate=self.samplerate,
                offset=start / self.samplerate,
                cancel=self._cancelled.is_set,
            )
        )

    def _cancelled_now(self) -> bool:
        return self._cancelled.is_set()

    def _long_step(self) -> bool:
        """A long decode, else a long piece's filler pass (:mod:`redecode`); False if none."""
        return self._done(self._finals.redecode() or self._finals.filler_pass(long=True))

    def _filler_pass(self, *, long: bool) -> bool:
        """Add the fillers to the oldest final piece still without them; False if none."""
        return self._done(self._finals.filler_pass(long=long))

    def _done(self, stat: DecodeStat | None) -> bool:
        """Record a background decode and show its words; False if there was none."""
        if stat is None:
            return False
        self.stats.append(stat)
        self._publish()
        return True

    def _publish(self) -> None:
        committed = join_words(self._finals.texts + [w.word for w in self._agreement.committed])
        provisional = join_words(w.word for w in self._agreement.provisional)
        shown = LiveText(committed, provisional)
        with self._lock:
            if shown == self._shown:
                return
            self._shown = shown
        if self.on_update is not None:
            self.on_update(shown)

    def _stat(self, kind: str, start: int, size: int, began: float) -> None:
        sr = self.samplerate
        self.stats.append(DecodeStat(kind, start / sr, size / sr, time.perf_counter() - began))
