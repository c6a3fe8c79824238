"""Delivery metrics from synthetic word timings and audio."""

from __future__ import annotations

import numpy as np

from offguard.analysis import analyze_text
from offguard.analysis.delivery import audio_pauses
from offguard.transcription.types import Word


def words_at(
    texts: list[str], start: float, step: float, gap_after: int | None = None, gap: float = 0.0
) -> list[Word]:
    out = []
    t = start
    for i, w in enumerate(texts):
        out.append(Word(w, t, t + step * 0.8, 0.9))
        t += step
        if gap_after is not None and i == gap_after:
            t += gap
    return out


def tone_with_gap(sr: int = 16000) -> np.ndarray:
    """1 s of silence, 2 s of tone, 1.5 s of silence, 2 s of tone, 0.5 s of silence."""
    t = np.arange(int(2 * sr)) / sr
    tone = (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    rng = np.random.default_rng(0)

    def hush(seconds: float) -> np.ndarray:
        return (rng.standard_normal(int(seconds * sr)) * 1e-4).astype(np.float32)

    return np.concatenate([hush(1.0), tone, hush(1.5), tone, hush(0.5)])


def test_pace_fillers_first_word_and_word_gap_fallback() -> None:
    text = "Um, I I rang the depot, uh, and they sort of sent it."
    toks = [
        "Um,",
        "I",
        "I",
        "rang",
        "the",
        "depot,",
        "uh,",
        "and",
        "they",
        "sort",
        "of",
        "sent",
        "it.",
    ]
    words = words_at(toks, start=1.5, step=0.4, gap_after=5, gap=2.0)
    analysis = analyze_text(text, words=words)
    d = analysis.delivery
    assert d is not None
    assert d.words == len(toks)
    assert d.time_to_first_word == 1.5
    span = words[-1].end - words[0].start
    assert d.wpm is not None and abs(d.wpm - len(toks) / span * 60) < 1e-6
    assert d.filler_count == 2
    assert d.fillers_per_100_words is not None and abs(d.fillers_per_100_words - 200 / 13) < 1e-6
    assert d.fillers_per_min is not None and d.fillers_per_min > 0
    assert d.pause_source == "word-gaps"
    assert d.longest_pauses and abs(d.longest_pauses[0][1] - 2.08) < 0.01
    assert d.hedge_count == 1
    assert d.repeated_words == ["i i"]
    assert d.bands["wpm"]["low"] == 130 and d.bands["wpm"]["high"] == 160
    assert d.bands["fillers_per_min"]["high"] == 6.5 and "time_to_first_word" in d.bands


def test_pause_measured_from_audio() -> None:
    sr = 16000
    audio = tone_with_gap(sr)
    pauses, first, length = audio_pauses(audio, sr)
    assert abs(length - 7.0) < 1e-6
    assert first is not None and abs(first - 1.0) < 0.05
    assert len(pauses) == 1
    start, size = pauses[0]
    assert abs(start - 3.0) < 0.05 and abs(size - 1.5) < 0.06

    analysis = analyze_text("I rang the depot. They sent it.", audio=audio, samplerate=sr)
    d = analysis.delivery
    assert d is not None and d.pause_source == "audio"
    assert d.duration is not None and abs(d.duration - 7.0) < 1e-6
    assert abs(d.longest_pauses[0][1] - 1.5) < 0.06
    data = analysis.to_dict()["delivery"]
    assert data["fillers_lower_bound"] is True
    assert data["longest_pauses"][0][1] > 1.4


def test_duration_only_and_none() -> None:
    d = analyze_text("I rang them on Monday and it was sorted.", duration=3.0).delivery
    assert d is not None and d.duration == 3.0 and d.wpm is not None
    assert d.longest_pauses == [] and d.pause_source is None
    assert analyze_text("I rang them.").delivery is None


def test_silent_audio_and_empty_text() -> None:
    d = analyze_text("", audio=np.zeros(16000, dtype=np.float32), samplerate=16000).delivery
    assert d is not None
    assert d.words == 0 and d.wpm is None and d.time_to_first_word is None
    assert d.fillers_per_100_words is None
