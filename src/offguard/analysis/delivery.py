"""Delivery metrics: pace, fillers, pauses, time to the first word, hedges, repeated words,
and, from the audio, pitch and loudness (:mod:`offguard.analysis.voice`).

Pauses come from the audio (frame energy) when it is given; otherwise, as a fallback, from the
gaps between word timings (``pause_source`` says which). Filler counts are a lower bound:
Whisper leaves many "um"s and "uh"s out of its transcript.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from offguard.analysis import lexicon
from offguard.analysis.result import Delivery
from offguard.analysis.text import normalize, tokens
from offguard.targets import delivery_bands

if TYPE_CHECKING:
    import numpy

    from offguard.transcription.types import Word

MIN_PAUSE = 0.3  # seconds of silence that count as a pause
FRAME = 0.02  # seconds per energy frame
_FILLER_WORD = re.compile(r"^(?:u+m+|u+h+|e+r+m*|h+m+|mm+)$")


def measure(
    text: str,
    words: Sequence[Word] | None = None,
    audio: numpy.ndarray | None = None,
    samplerate: int | None = None,
    duration: float | None = None,
) -> Delivery:
    """Delivery metrics from whatever timing information exists."""
    norm = normalize(text)
    toks = tokens(text, norm)
    word_list = list(words or [])
    n_words = len(word_list) if word_list else len(toks)
    pauses: list[tuple[float, float]] = []
    source: str | None = None
    first: float | None = None
    if audio is not None and samplerate:
        pauses, first_audio, audio_len = audio_pauses(audio, samplerate)
        source = "audio"
        first = first_audio
        if duration is None:
            duration = audio_len
    if word_list:
        first = word_list[0].start if first is None else first
        if source is None:
            pauses = _gap_pauses(word_list)
            source = "word-gaps"
        if duration is None:
            duration = max(w.end for w in word_list)
    speaking = duration
    if word_list:
        speaking = max(1e-6, word_list[-1].end - word_list[0].start)
    wpm = n_words / (speaking / 60.0) if speaking and speaking > 0 and n_words else None
    fillers = len(lexicon.patterns("fillers.txt").findall(norm))
    if word_list and not fillers:
        fillers = sum(1 for w in word_list if _FILLER_WORD.match(w.word.strip(" ,.?!").lower()))
    minutes = duration / 60.0 if duration else None
    bands = delivery_bands()
    pitch = volume = None
    if audio is not None and samplerate:
        from offguard.analysis.voice import measure_voice
        from offguard.targets import voice_bands

        pitch, volume = measure_voice(audio, samplerate, word_list)
        bands.update(voice_bands())
    return Delivery(
        duration=duration,
        words=n_words,
        wpm=wpm,
        filler_count=fillers,
        fillers_per_min=fillers / minutes if minutes else None,
        fillers_per_100_words=100.0 * fillers / n_words if n_words else None,
        longest_pauses=pauses,
        pause_source=source,
        time_to_first_word=first,
        hedge_count=len(lexicon.patterns("hedges.txt").findall(norm)),
        repeated_words=_repeats([t.low for t in toks]),
        bands=bands,
        pitch=pitch,
        volume=volume,
    )


def audio_pauses(
    audio: numpy.ndarray, samplerate: int, top: int = 3
) -> tuple[list[tuple[float, float]], float | None, float]:
    """(longest pauses as (start, length), first sound time, audio length) by frame energy."""
    import numpy as np

    data = np.asarray(audio, dtype=np.float32)
    if data.ndim > 1:
        data = data.mean(axis=1)
    length = len(data) / float(samplerate)
    hop = max(1, int(samplerate * FRAME))
    n = len(data) // hop
    if n == 0:
        return [], None, length
    frames = data[: n * hop].reshape(n, hop)
    rms = np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1))
    loud = float(np.percentile(rms, 95))
    floor = float(np.percentile(rms, 10))
    threshold = max(1e-4, floor * 2.0, loud * 0.08)
    voiced = rms > threshold
    if not voiced.any():
        return [], None, length
    idx = np.flatnonzero(voiced)
    first_frame, last_frame = int(idx[0]), int(idx[-1])
    pauses: list[tuple[float, float]] = []
    run_start: int | None = None
    for i in range(first_frame, last_frame + 1):
        if not voiced[i]:
            if run_start is None:
                run_start = i
        elif run_start is not None:
            span = (i - run_start) * FRAME
            if span >= MIN_PAUSE:
                pauses.append((run_start * FRAME, span))
            run_start = None
    pauses.sort(key=lambda p: -p[1])
    return pauses[:top], first_frame * FRAME, length


def _gap_pauses(words: list[Word], top: int = 3) -> list[tuple[float, float]]:
    gaps = [(a.end, b.start - a.end) for a, b in pairwise(words) if b.start - a.end >= MIN_PAUSE]
    gaps.sort(key=lambda p: -p[1])
    return gaps[:top]


def _repeats(words: list[str]) -> list[str]:
    """Immediate repetitions such as "I I" or "the the" (stammers, restarts)."""
    out = []
    for a, b in pairwise(words):
        # Digits are no stammer: "60,000,000" reads as the tokens 60, 000, 000.
        if (
            a == b
            and not a.isdigit()
            and a not in ("that", "had", "very", "really", "so", "no", "bye", "ha")
        ):
            out.append(f"{a} {b}")
    return out
