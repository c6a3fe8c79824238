"""Whole-file transcription with faster-whisper, offline by default (bundled tiny.en).

Tuned for interview answers: fillers kept without costing words (a second decode with a
filler-laden prompt contributes only its fillers, :mod:`fillers`), no speech silently dropped
(the coverage guarantee: speech the VAD hears but no word covers is decoded again on its own,
:mod:`coverage`), invented text on silence and noise suppressed (Silero VAD, no-speech
thresholds, dropping unlikely segments, no conditioning on previous text), word timestamps on,
and long recordings transcribed in pieces cut at pauses so memory stays bounded.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from offguard.errors import ModelUnavailable, OffguardError
from offguard.transcription.guards import SAMPLERATE
from offguard.transcription.guards import invented as _invented
from offguard.transcription.guards import nothing_left as _nothing_left
from offguard.transcription.models import (
    BUNDLED,
    check_known_name,
    display_name,
    load_error,
    offline,
    resolve_model,
)
from offguard.transcription.types import Transcript, Word, join_words

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: Conditions Whisper to write hesitations down instead of cleaning them up.
FILLER_PROMPT = "So, um, I was, uh, like, you know, working on it. Hmm."
#: Beam of the second decode, with the filler prompt, whose fillers are added to the words.
FILLER_BEAM = 5
#: Beam of the quick decodes behind the live transcript (greedy: they are redone anyway).
LIVE_BEAM = 1
#: Audio longer than this is transcribed piecewise (cut at the quietest moment).
PIECE_SECONDS = 240.0
#: Fallback temperatures when a decode fails (fewer than faster-whisper's six: each retry
#: costs a full decode, and the retries mostly produce text we then drop).
TEMPERATURES = (0.0, 0.3, 0.6)
#: Options of every decode that experiments may change.
DECODE_OPTIONS: dict[str, Any] = {
    "condition_on_previous_text": False,
    "vad_filter": True,
    # Measured on the tuning clips (bench/_speech.py): 500 / 300 ms clipped word edges (WER
    # 5.74 %, no filler prompt); 1000 / 600 ms: 5.05 %; no VAD at all: 4.93 % but then
    # nothing stops Whisper from decoding long silences.
    "vad_parameters": {"min_silence_duration_ms": 1000, "speech_pad_ms": 600},
}
_MAX_PROMPT_CHARS = 200


class TranscriptionCancelled(OffguardError):
    """``cancel()`` returned true while transcribing."""


class WhisperTranscriber:
    """faster-whisper on the CPU (int8). Load once; ``transcribe`` is safe from any thread."""

    def __init__(
        self,
        model: str = BUNDLED,
        *,
        cpu_threads: int = 0,
        beam_size: int = 5,
        keep_fillers: bool = True,
        filler_beam: int = FILLER_BEAM,
        live_beam: int = LIVE_BEAM,
    ) -> None:
        self.model = model or BUNDLED
        self.cpu_threads = cpu_threads if cpu_threads > 0 else max(1, min(4, os.cpu_count() or 1))
        self.beam_size = beam_size
        self.keep_fillers = keep_fillers
        self.filler_beam = filler_beam
        self.live_beam = live_beam
        self.model_name = display_name(self.model)
        self._model: Any = None
        self._load_lock = threading.Lock()
        self._run_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        """Load the model (once). Raises :class:`ModelUnavailable` with the fix."""
        if self._model is not None:
            return
        with self._load_lock:
            if self._model is not None:
                return
            source, display = resolve_model(self.model)
            try:
                from faster_whisper import WhisperModel
            except ImportError as exc:
                raise ModelUnavailable(
                    "faster-whisper is not installed.", "pip install faster-whisper."
                ) from exc
            is_local = Path(source).is_dir()
            if not is_local:
                check_known_name(source)
            try:
                model = WhisperModel(
                    source,
                    device="cpu",
                    compute_type="int8",
                    cpu_threads=self.cpu_threads,
                    local_files_only=offline(),
                )
            except Exception as exc:  # hub, ctranslate2 and OS errors all end up here
                raise load_error(source, is_local, exc) from exc
            self.model_name = display
            self._model = model

    def transcribe(
        self,
        audio: npt.NDArray[np.float32] | Path,
        *,
        samplerate: int = SAMPLERATE,
        prompt: str | None = None,
        offset: float = 0.0,
        cancel: Callable[[], bool] | None = None,
        on_segment: Callable[[str], None] | None = None,
        fill_gaps: bool = True,
        live: bool = False,
        fillers: bool = True,
    ) -> Transcript:
        """Transcribe a file or mono float32 samples; word times are offset by ``offset``.

        ``prompt`` is earlier text of the same answer (for context); the filler prompt is put
        in front of it when fillers are kept. ``fill_gaps``: apply the coverage guarantee
        (speech with no words is decoded again on its own, see :mod:`coverage`). ``live``: one
        quick decode for a provisional transcript (no filler decode, no coverage pass).
        ``fillers=False``: no filler decode (:meth:`add_fillers` can add them later). Raises
        :class:`TranscriptionCancelled` when ``cancel()`` turns true, :class:`AudioFileError`
        for an unreadable file.
        """
        import numpy as np

        from offguard.audio.files import load_audio, resample
        from offguard.transcription.chunking import split_long

        if isinstance(audio, (str, Path)):
            samples = load_audio(Path(audio), SAMPLERATE)
        else:
            samples = np.asarray(audio, dtype=np.float32)
            if samples.ndim > 1:
                samples = samples.mean(axis=1, dtype=np.float32)
            if samplerate != SAMPLERATE:
                samples = resample(samples, samplerate, SAMPLERATE)
        self.load()
        duration = samples.size / SAMPLERATE
        texts: list[str] = []
        words: list[Word] = []
        rebuilt = False  # the text must be rebuilt from the words (fillers or gaps added)
        context = prompt
        for start, end in split_long(samples, SAMPLERATE, PIECE_SECONDS):
            piece_offset = offset + start / SAMPLERATE
            piece = self._run(
                samples[start:end],
                prompt=_recent(context),
                offset=piece_offset,
                cancel=cancel,
                on_segment=on_segment,
                beam_size=self.live_beam if live else 0,
                quick=live,
            )
            piece_words = [w for seg in piece for w in seg.words]
            if fillers and piece and not live:
                merged = self._add_fillers(
                    samples[start:end], piece_words, context, piece_offset, cancel
                )
                rebuilt = rebuilt or len(merged) != len(piece_words)
                piece_words = merged
            texts.extend(seg.text for seg in piece)
            words.extend(piece_words)
            if piece:
                context = " ".join(texts)
        if fill_gaps and not live:
            covered = self._cover(samples, words, offset=offset, cancel=cancel)
            rebuilt = rebuilt or len(covered) != len(words)
            words = covered
        return Transcript(
            text=join_words(w.word for w in words) if rebuilt else " ".join(texts),
            words=tuple(_monotonic(words, offset, offset + duration)),
            duration=duration,
            model=self.model_name,
            settings=self.settings(),
        )

    def add_fillers(
        self,
        audio: npt.NDArray[np.float32],
        words: Sequence[Word],
        *,
        samplerate: int = SAMPLERATE,
        prompt: str | None = None,
        offset: float = 0.0,
        cancel: Callable[[], bool] | None = None,
    ) -> list[Word]:
        """``words`` of ``audio`` plus the fillers a decode prompted to keep them finds."""
        from offguard.audio.files import resample

        samples = resample(audio, samplerate, SAMPLERATE) if samplerate != SAMPLERATE else audio
        self.load()
        return self._add_fillers(samples, list(words), prompt, offset, cancel)

    def _add_fillers(
        self,
        samples: npt.NDArray[np.float32],
        words: list[Word],
        context: str | None,
        offset: float,
        cancel: Callable[[], bool] | None,
    ) -> list[Word]:
        if not self.keep_fillers or not words:
            return words
        from offguard.transcription.fillers import merge_fillers

        prompted = self._run(
            samples,
            prompt=f"{FILLER_PROMPT} {_recent(context) or ''}".strip(),
            offset=offset,
            cancel=cancel,
            on_segment=None,
            beam_size=self.filler_beam,
        )
        return merge_fillers(words, [w for seg in prompted for w in seg.words])

    def cover(
        self,
        audio: npt.NDArray[np.float32],
        words: Sequence[Word],
        *,
        samplerate: int = SAMPLERATE,
        offset: float = 0.0,
        cancel: Callable[[], bool] | None = None,
    ) -> list[Word]:
        """The coverage guarantee for words found some other way (the streaming path)."""
        from offguard.audio.files import resample

        samples = resample(audio, samplerate, SAMPLERATE) if samplerate != SAMPLERATE else audio
        self.load()
        return self._cover(samples, list(words), offset=offset, cancel=cancel)

    def _cover(
        self,
        samples: npt.NDArray[np.float32],
        words: list[Word],
        *,
        offset: float,
        cancel: Callable[[], bool] | None,
    ) -> list[Word]:
        """Decode again, on its own (no prompt), speech no word accounts for; merge in order."""
        from offguard.transcription.coverage import PAD, speech_regions, uncovered, words_inside

        regions = [(a + offset, b + offset) for a, b in speech_regions(samples, SAMPLERATE)]
        found: list[Word] = []
        for a, b in uncovered(regions, words):
            lo = max(0, int((a - offset - PAD) * SAMPLERATE))
            hi = min(samples.size, int((b - offset + PAD) * SAMPLERATE))
            segs = self._run(
                samples[lo:hi],
                prompt=None,
                offset=offset + lo / SAMPLERATE,
                cancel=cancel,
                on_segment=None,
            )
            found += words_inside([w for seg in segs for w in seg.words], a, b)
        if not found:
            return words
        # A skipped stretch is often inside one segment: merge word by word, in time order.
        return sorted(words + found, key=_word_key)

    def settings(self) -> dict[str, Any]:
        """How transcripts are produced (stored beside them)."""
        return {
            "beam_size": self.beam_size,
            "keep_fillers": self.keep_fillers,
            "filler_beam": self.filler_beam if self.keep_fillers else None,
            "vad_filter": True,
            "fill_gaps": True,
            "word_timestamps": True,
            "compute_type": "int8",
            "cpu_threads": self.cpu_threads,
        }

    def _run(
        self,
        samples: npt.NDArray[np.float32],
        *,
        prompt: str | None,
        offset: float,
        cancel: Callable[[], bool] | None,
        on_segment: Callable[[str], None] | None,
        beam_size: int = 0,
        quick: bool = False,
    ) -> list[_Segment]:
        model = self._model
        english_only = not bool(getattr(model.model, "is_multilingual", True))
        out: list[_Segment] = []
        regions: list[tuple[float, float]] | None = None

        def speech() -> list[tuple[float, float]]:  # the VAD's speech, only when asked
            nonlocal regions
            if regions is None:
                from offguard.transcription.coverage import speech_regions

                regions = speech_regions(samples, SAMPLERATE)
            return regions

        if cancel is not None and cancel():
            raise TranscriptionCancelled("Transcription cancelled.")
        with self._run_lock:  # one decode at a time: two would only fight for the cores
            segments, _info = model.transcribe(
                samples,
                language="en" if english_only or self.model.endswith(".en") else None,
                beam_size=beam_size or self.beam_size,
                initial_prompt=prompt,
                word_timestamps=True,
                # A quick decode never retries at higher temperatures and stops after a
                # plausible number of tokens: on a second of audio cut mid-word the retries
                # could loop for seconds (measured: 6.5 s for 1.1 s of audio).
                temperature=[0.0] if quick else list(TEMPERATURES),
                max_new_tokens=_max_tokens(samples.size / SAMPLERATE) if quick else None,
                no_speech_threshold=0.6,
                log_prob_threshold=-1.0,
                compression_ratio_threshold=2.4,
                **DECODE_OPTIONS,
            )
            for seg in segments:  # lazy: each step decodes one 30 s window
                if cancel is not None and cancel():
                    raise TranscriptionCancelled("Transcription cancelled.")
                text = seg.text.strip()
                if not text or _invented(seg, speech):
                    continue
                words = tuple(
                    Word(w.word.strip(), w.start + offset, w.end + offset, float(w.probability))
                    for w in seg.words or ()
                    if w.word.strip()
                )
                out.append(_Segment(seg.start + offset, text, words))
                if on_segment is not None:
                    on_segment(text)
                if _nothing_left(samples, seg.end):
                    break  # don't let Whisper decode a last sliver of silence (it invents)
        return out


@dataclass(frozen=True)
class _Segment:
    start: float
    text: str
    words: tuple[Word, ...]


def _recent(context: str | None) -> str | None:
    """The end of ``context`` that fits in a prompt (whole words)."""
    context = (context or "").strip()
    if len(context) > _MAX_PROMPT_CHARS:
        cut = context.find(" ", len(context) - _MAX_PROMPT_CHARS)
        context = context[cut + 1 :] if cut >= 0 else context[-_MAX_PROMPT_CHARS:]
    return context or None


def _max_tokens(seconds: float) -> int:
    """A generous bound on the tokens of ``seconds`` of speech (fast speech is ~5 a second)."""
    return min(220, 16 + int(8 * seconds))


def _word_key(w: Word) -> float:
    return (w.start + w.end) / 2


def _monotonic(words: list[Word], lo: float, hi: float) -> list[Word]:
    """Clamp word times into ``[lo, hi]`` and make them non-decreasing."""
    out: list[Word] = []
    last = lo
    for w in words:
        start = min(max(w.start, last), hi)
        end = min(max(w.end, start), hi)
        out.append(Word(w.word, start, end, w.probability))
        last = start
    return out
