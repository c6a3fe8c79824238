"""Voice (pitch and loudness, Praat): natural speech against the same speech at one pitch,
silence, noise, whispering, trailing off, and ``offguard analyze --take ID --json``."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from offguard.analysis.voice import (
    MONOTONE_SEMITONES,
    NOT_ENOUGH,
    describe,
    measure_voice,
    suggestions,
)
from offguard.audio.files import load_audio
from offguard.cli.main import run
from offguard.transcription.types import Word
from tests.voice_audio import SAMPLERATE, espeak, flat_copy


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    return espeak(tmp_path_factory.mktemp("voice") / "reading.wav")


def test_espeak_reading_is_varied_and_its_flat_copy_monotone(reading: np.ndarray) -> None:
    natural, _ = measure_voice(reading, SAMPLERATE)
    flat, _ = measure_voice(flat_copy(reading), SAMPLERATE)
    assert natural.monotone is False and flat.monotone is True
    assert natural.range_semitones is not None and flat.range_semitones is not None
    assert natural.range_semitones - flat.range_semitones >= 3.0
    assert flat.range_semitones < 2.5
    # the median pitch is the same voice's either way (within a semitone)
    assert natural.median_hz is not None and flat.median_hz is not None
    assert abs(12 * np.log2(natural.median_hz / flat.median_hz)) < 1.0
    assert len(natural.contour) == 48
    assert any(v is not None and abs(v) > 2 for v in natural.contour)


@pytest.mark.parametrize("clip", ["jfk.flac", "arctic-cathy-a0001-a0010.flac"])
def test_real_reading_against_its_flat_resynthesis(speech_dir: Path, clip: str) -> None:
    audio = load_audio(speech_dir / "clips" / clip, SAMPLERATE)
    natural, volume = measure_voice(audio, SAMPLERATE)
    flat, _ = measure_voice(flat_copy(audio), SAMPLERATE)
    assert natural.monotone is False and flat.monotone is True
    assert natural.range_semitones is not None and flat.range_semitones is not None
    assert natural.range_semitones > 6.0 > MONOTONE_SEMITONES > 2.5 > flat.range_semitones
    assert natural.range_semitones - flat.range_semitones >= 3.0
    assert volume.range_db is not None and 5.0 < volume.range_db < 40.0
    assert volume.trailing_off is None  # no transcript, so no sentences to judge
    assert (
        "monotone" in suggestions(flat, volume)[0].lower() or "flat" in suggestions(flat, volume)[0]
    )
    assert not suggestions(natural, volume)


def _noise(seconds: float, colour: str = "white") -> np.ndarray:
    rng = np.random.default_rng(1)
    white = rng.standard_normal(int(seconds * SAMPLERATE))
    if colour == "brown":
        white = np.cumsum(white)
        white -= np.convolve(white, np.ones(400) / 400, mode="same")
    return (0.2 * white / np.abs(white).max()).astype(np.float32)


@pytest.mark.parametrize(
    "make",
    [
        lambda tmp: np.zeros(3 * SAMPLERATE, dtype=np.float32),
        lambda tmp: np.zeros(5, dtype=np.float32),
        lambda tmp: np.full(SAMPLERATE, np.nan, dtype=np.float32),
        lambda tmp: _noise(4.0),
        lambda tmp: _noise(4.0, "brown"),
        lambda tmp: espeak(tmp / "whisper.wav", voice="en+whisper"),
    ],
    ids=["silence", "a-few-samples", "nan", "white-noise", "brown-noise", "whisper"],
)
def test_no_voice_is_a_clear_note_not_a_crash(tmp_path: Path, make: Any) -> None:
    pitch, volume = measure_voice(make(tmp_path), SAMPLERATE)
    assert pitch.note == NOT_ENOUGH and volume.note == NOT_ENOUGH
    assert pitch.monotone is None and pitch.range_semitones is None
    assert pitch.to_dict()["note"] == NOT_ENOUGH
    assert describe(pitch, volume) == [f"Voice: {NOT_ENOUGH}."]
    assert suggestions(pitch, volume) == []


def _fade_sentence_ends(audio: np.ndarray, words: list[Word], gain_db: float) -> np.ndarray:
    """Drop the last two words of every sentence by ``gain_db`` (a voice that trails off)."""
    out = audio.copy()
    sentence: list[Word] = []
    for word in words:
        sentence.append(word)
        if re.search(r"[.?!]$", word.word.strip()):
            if len(sentence) >= 5:
                lo = int(sentence[-2].start * SAMPLERATE)
                hi = min(len(out), int((sentence[-1].end + 0.15) * SAMPLERATE))
                out[lo:hi] *= 10 ** (-gain_db / 20)
            sentence = []
    return out


@pytest.mark.model
def test_trailing_off_at_sentence_ends(speech_dir: Path) -> None:
    from offguard.transcription.whisper import WhisperTranscriber

    audio = load_audio(speech_dir / "clips" / "arctic-cathy-a0041-a0050.flac", SAMPLERATE)
    transcriber = WhisperTranscriber()
    words = list(transcriber.transcribe(audio, samplerate=SAMPLERATE).words)
    _, steady = measure_voice(audio, SAMPLERATE, words)
    _, fading = measure_voice(_fade_sentence_ends(audio, words, 15.0), SAMPLERATE, words)
    assert steady.sentences >= 5 and fading.sentences == steady.sentences
    assert steady.trailing_off is False and fading.trailing_off is True
    assert steady.trailing_drop_db is not None and fading.trailing_drop_db is not None
    assert fading.trailing_drop_db - steady.trailing_drop_db > 8.0


def _analyze_take_json(data_dir: Path, audio: np.ndarray, name: str, capsys: Any) -> Any:
    path = data_dir.parent / f"{name}.flac"
    sf.write(path, audio, SAMPLERATE)
    args = ["--data-dir", str(data_dir)]
    assert run(["import", str(path), "--question", "gen-tell-me-about-yourself", *args]) == 0
    take_id = int(re.findall(r"\d+", capsys.readouterr().out)[0])
    assert run(["analyze", "--take", str(take_id), "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.model
@pytest.mark.slow
def test_analyze_take_json_tells_natural_from_monotone(
    data_dir: Path, reading: np.ndarray, capsys: Any
) -> None:
    natural = _analyze_take_json(data_dir, reading, "natural", capsys)["delivery"]
    flat = _analyze_take_json(data_dir, flat_copy(reading), "flat", capsys)["delivery"]
    for d in (natural, flat):
        assert set(d["pitch"]) >= {"median_hz", "range_semitones", "monotone"}
        assert set(d["volume"]) >= {"range_db", "trailing_off"}
        assert 60 < d["pitch"]["median_hz"] < 300
        assert d["volume"]["range_db"] > 0
    assert natural["pitch"]["monotone"] is False and flat["pitch"]["monotone"] is True
    assert natural["pitch"]["range_semitones"] - flat["pitch"]["range_semitones"] >= 3.0
    # the plain report says it too
    args = ["--data-dir", str(data_dir)]
    assert run(["analyze", "--take", "2", *args]) == 0
    assert "(monotone; aim for 6+)" in capsys.readouterr().out


def test_a_stored_analysis_keeps_pitch_and_volume(reading: np.ndarray) -> None:
    from offguard.analysis import analyze_text
    from offguard.analysis.result import Analysis

    analysis = analyze_text("I led the incident response.", audio=reading, samplerate=SAMPLERATE)
    data = json.loads(json.dumps(analysis.to_dict()))
    again = Analysis.from_dict(data)
    assert again.delivery is not None and analysis.delivery is not None
    assert again.delivery.pitch is not None and again.delivery.volume is not None
    assert again.delivery.pitch.monotone is False
    assert again.delivery.pitch.to_dict() == data["delivery"]["pitch"]
    assert again.delivery.volume.to_dict() == data["delivery"]["volume"]
    assert "pitch_range_semitones" in data["delivery"]["bands"]
    older = dict(data, delivery={k: v for k, v in data["delivery"].items() if k != "pitch"})
    assert Analysis.from_dict(older).delivery.pitch is None  # type: ignore[union-attr]
