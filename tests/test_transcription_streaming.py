"""Streaming transcription with the real model: same words as whole-file, absolute times."""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from offguard.audio.files import load_audio, resample
from offguard.transcription.streaming import StreamingTranscriber
from offguard.transcription.types import Transcript
from offguard.transcription.whisper import TranscriptionCancelled, WhisperTranscriber
from tests.wer import normalize, wer

pytestmark = pytest.mark.model

SR = 16000
CLIPS = ("arctic-cathy-a0001-a0010.flac", "jfk.flac")  # about 46 s together


@pytest.fixture(scope="module")
def transcriber() -> WhisperTranscriber:
    tr = WhisperTranscriber("bundled", cpu_threads=2)
    tr.load()
    return tr


@pytest.fixture(scope="module")
def answer(speech_dir: Path) -> tuple[np.ndarray, str]:
    """A ~46 s answer made of two real clips with a short pause between, and its reference."""
    refs = {}
    for line in (speech_dir / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        refs[Path(cols[0]).name] = cols[5]
    gap = np.zeros(int(0.6 * SR), np.float32)
    parts = []
    for name in CLIPS:
        parts += [load_audio(speech_dir / "clips" / name), gap]
    return np.concatenate(parts), " ".join(refs[name] for name in CLIPS)


def _stream(
    tr: WhisperTranscriber, audio: np.ndarray, rate: int = SR, updates: list[str] | None = None
) -> tuple[Transcript, StreamingTranscriber]:
    streamer = StreamingTranscriber(tr, rate, on_update=None if updates is None else updates.append)
    block = rate // 10
    for start in range(0, audio.size, block):
        streamer.feed(audio[start : start + block])
    return streamer.finish(), streamer


def test_streamed_matches_whole_file(
    transcriber: WhisperTranscriber, answer: tuple[np.ndarray, str]
) -> None:
    audio, reference = answer
    whole = transcriber.transcribe(audio)
    updates: list[str] = []
    streamed, streamer = _stream(transcriber, audio, updates=updates)
    whole_wer, streamed_wer = wer(reference, whole.text), wer(reference, streamed.text)
    assert streamed_wer <= whole_wer + 0.03, (streamed.text, whole.text)
    assert streamed_wer < 0.15
    assert "what your country can do for you ask what you can do" in " ".join(
        normalize(streamed.text)
    )
    # Several chunks were transcribed while "recording", each reported with the text so far.
    assert streamed.settings["streaming"] is True and streamed.settings["chunks"] >= 3
    assert len(updates) >= 2 and updates[-1] == streamed.text == streamer.partial_text()
    assert all(later.startswith(earlier) for earlier, later in itertools.pairwise(updates))
    # Words carry absolute times: increasing, inside the take, "country" in the JFK part.
    starts = [w.start for w in streamed.words]
    assert starts == sorted(starts)
    assert all(0.0 <= w.start <= w.end <= streamed.duration + 1e-6 for w in streamed.words)
    assert streamed.duration == pytest.approx(audio.size / SR)
    country = [w for w in streamed.words if "country" in w.word.lower()]
    assert country and all(w.start > 35.0 for w in country)


def test_other_rate_and_silence(transcriber: WhisperTranscriber, speech_dir: Path) -> None:
    jfk = resample(load_audio(speech_dir / "clips" / "jfk.flac"), SR, 48000)
    result, _ = _stream(transcriber, jfk, rate=48000)
    assert "ask not what your country can do for you" in " ".join(normalize(result.text))
    assert result.duration == pytest.approx(11.0, abs=0.01)
    silence = np.zeros(SR * 12, np.float32)
    quiet, _ = _stream(transcriber, silence)
    assert quiet.text == "" and quiet.words == ()


def test_cancel_stops_the_worker(
    transcriber: WhisperTranscriber, answer: tuple[np.ndarray, str]
) -> None:
    audio, _ = answer
    streamer = StreamingTranscriber(transcriber, SR)
    for start in range(0, audio.size, SR // 10):
        streamer.feed(audio[start : start + SR // 10])
    streamer.cancel()
    streamer.feed(audio[: SR // 10])  # ignored after cancel
    with pytest.raises(TranscriptionCancelled):
        streamer.finish()
    assert not any(t.name == "offguard-stream" and t.is_alive() for t in threading.enumerate())


def test_a_pause_before_stop_has_the_tail_ready(
    transcriber: WhisperTranscriber, speech_dir: Path
) -> None:
    jfk = load_audio(speech_dir / "clips" / "jfk.flac")
    # No cut before 30 s: everything stays pending until the speaker pauses.
    streamer = StreamingTranscriber(transcriber, SR, min_chunk=30.0)
    for start in range(0, jfk.size, SR // 10):
        streamer.feed(jfk[start : start + SR // 10])
    while not streamer.idle():  # provisional guesses made during the speech are done
        time.sleep(0.05)
    silence = np.zeros(SR // 10, np.float32)
    for _ in range(10):  # the speaker stops talking for a second, then presses stop
        streamer.feed(silence)
    result = streamer.finish()
    assert result.settings["tail_ready"] is True
    assert "what your country can do for you" in " ".join(normalize(result.text))
    assert result.duration == pytest.approx(12.0, abs=0.01)
    assert result.words[-1].end <= 11.0 + 1e-6


def test_a_stop_on_the_last_word_decodes_only_the_tail(
    transcriber: WhisperTranscriber, speech_dir: Path
) -> None:
    from offguard.transcription.chunking import frame_energy_db

    jfk = load_audio(speech_dir / "clips" / "jfk.flac")
    energy = frame_energy_db(jfk, SR)
    last_loud = int(np.nonzero(energy > energy.max() - 40.0)[0][-1])
    jfk = jfk[: (last_loud + 1) * int(SR * 0.03)]  # ends right on "country", no pause
    # No cut before 30 s: without provisional guesses the whole take would be left at stop.
    streamer = StreamingTranscriber(transcriber, SR, min_chunk=30.0)
    for start in range(0, jfk.size, SR // 10):
        streamer.feed(jfk[start : start + SR // 10])
        while not streamer.idle():  # a worker that keeps up: it guesses at every pause
            time.sleep(0.02)
    result = streamer.finish()
    assert result.settings["tail_ready"] is False
    # Only the audio after the latest pause was decoded after stop.
    assert 0.0 < result.settings["tail_seconds"] < 4.0
    assert result.settings["chunks"] == 2
    text = " ".join(normalize(result.text))
    assert "ask not what your country can do for you" in text
    assert text.endswith("what you can do for your country")
    starts = [w.start for w in result.words]
    assert starts == sorted(starts) and result.words[-1].end <= jfk.size / SR + 1e-6
