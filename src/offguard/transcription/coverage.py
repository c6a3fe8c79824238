"""The coverage guarantee: speech the voice-activity detector hears must have words.

Whisper sometimes skips a stretch of clear speech without any sign in its output (a filler
prompt makes this likelier), or stops before the last words. After a decode, the speech regions
found by Silero VAD (shipped with faster-whisper) are compared with the word timestamps; every
stretch of speech of at least ``MIN_GAP`` seconds that no word covers is returned, to be decoded
again on its own (no prompt, no conditioning) and merged in time order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from offguard.transcription.types import Word

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: An uncovered stretch of speech at least this long is decoded again.
MIN_GAP = 1.0
#: A word covers this much audio on each side of its timestamps (they are approximate).
WORD_SLACK = 0.25
#: Whisper stretches a word over audio it skipped: a longer word covers only this much at each
#: of its ends.
LONG_WORD = 1.2
#: Audio kept on each side of a gap when it is decoded again (the words there are then dropped).
PAD = 0.3
_VAD_SILENCE_MS = 300


def speech_regions(samples: npt.NDArray[np.float32], samplerate: int) -> list[tuple[float, float]]:
    """``(start, end)`` seconds of speech in ``samples`` (16 kHz mono) according to Silero VAD."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    found = get_speech_timestamps(
        samples,
        VadOptions(min_silence_duration_ms=_VAD_SILENCE_MS, speech_pad_ms=0),
        sampling_rate=samplerate,
    )
    return [(int(r["start"]) / samplerate, int(r["end"]) / samplerate) for r in found]


def covered_spans(words: Sequence[Word]) -> list[tuple[float, float]]:
    """The time spans the words account for, merged and sorted."""
    spans: list[tuple[float, float]] = []
    for w in words:
        start, end = w.start, max(w.end, w.start)
        if end - start > LONG_WORD:
            spans.append((start - WORD_SLACK, start + LONG_WORD / 2))
            spans.append((end - LONG_WORD / 2, end + WORD_SLACK))
        else:
            spans.append((start - WORD_SLACK, end + WORD_SLACK))
    spans.sort()
    merged: list[tuple[float, float]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def uncovered(
    regions: Sequence[tuple[float, float]],
    words: Sequence[Word],
    *,
    min_gap: float = MIN_GAP,
) -> list[tuple[float, float]]:
    """Stretches of ``regions`` no word covers that last at least ``min_gap`` seconds."""
    spans = covered_spans(words)
    gaps: list[tuple[float, float]] = []
    for start, end in regions:
        pos = start
        for a, b in spans:
            if b <= pos or a >= end:
                continue
            if a > pos:
                gaps.append((pos, min(a, end)))
            pos = max(pos, b)
            if pos >= end:
                break
        if pos < end:
            gaps.append((pos, end))
    return [(a, b) for a, b in gaps if b - a >= min_gap]


def words_inside(words: Sequence[Word], start: float, end: float) -> list[Word]:
    """The words whose middle lies in ``[start, end)`` (drops words of the padding)."""
    return [w for w in words if start <= (w.start + w.end) / 2 < end]
