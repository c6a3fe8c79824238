"""The take service end to end: real store, real FLAC files, real analyser.

The transcriber is a fast fake here (the real model is covered in the transcription tests and
in the model-marked tests below); audio is fed through the real recorder writer by ArrayRecorder.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile as sf

from offguard.cli.main import run
from offguard.config import load_settings
from offguard.practice import Practice
from offguard.questions import load_questions
from offguard.store import Store
from tests.ui_fakes import ScriptedTranscriber

SPECIFIC = (
    "In March 2024 at Northwind our checkout started failing for about 3 percent of users. "
    "I pulled the logs, found a race in the payment retry code, and I rewrote the retry "
    "with an idempotency key. Failures dropped to zero within a day."
)


def tone(seconds: float, rate: int = 16000) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.3 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


@pytest.fixture()
def practice(data_dir: Path) -> Practice:
    from tests.array_recorder import ArrayRecorder

    settings = load_settings(data_dir)
    store = Store.open(settings.db_path)
    return Practice(
        settings, store, ScriptedTranscriber(SPECIFIC), lambda: ArrayRecorder(tone(4.0), 16000)
    )


def first_question() -> Any:
    return load_questions(None).questions[0]


def test_record_take_stores_audio_transcript_and_analysis(practice: Practice) -> None:
    question = first_question()
    active = practice.start_take(question)
    deadline = time.monotonic() + 10
    while active.elapsed < 3.5 and time.monotonic() < deadline:
        time.sleep(0.05)
    outcome = active.stop()
    assert outcome.status == "saved"
    assert outcome.audio_path.is_file()
    data, rate = sf.read(outcome.audio_path)
    assert rate == 16000 and len(data) / rate > 3.0
    assert outcome.analysis.verdict == "specific"
    take = practice.store.get_take(outcome.take_id)
    assert take is not None and take.status == "saved" and take.question_id == question.id
    stored = practice.store.latest_transcript(outcome.take_id)
    assert stored is not None and "idempotency" in stored.text
    analysis = practice.store.latest_analysis(outcome.take_id)
    assert analysis is not None and analysis.verdict == "specific"
    assert not Path(str(outcome.audio_path) + ".recording").exists()


def test_discard_removes_the_take(practice: Practice) -> None:
    active = practice.start_take(first_question())
    time.sleep(0.3)
    active.discard()
    assert practice.store.list_takes() == []


def test_import_copies_and_analyses(practice: Practice, tmp_path: Path) -> None:
    src = tmp_path / "phone.wav"
    sf.write(src, tone(2.0, 44100), 44100)
    outcome = practice.import_audio(src, first_question().id)
    assert outcome.status == "imported"
    assert outcome.audio_path.is_file() and outcome.audio_path != src
    assert outcome.audio_path.is_relative_to(practice.settings.data_dir.resolve()) or (
        practice.settings.data_dir in outcome.audio_path.parents
    )
    assert practice.store.latest_analysis(outcome.take_id) is not None


def test_import_of_corrupt_audio_stores_nothing(practice: Practice, tmp_path: Path) -> None:
    from offguard.errors import AudioFileError

    bad = tmp_path / "broken.wav"
    bad.write_bytes(b"RIFF\x00\x00\x00\x00WAVEgarbage")
    with pytest.raises(AudioFileError) as info:
        practice.import_audio(bad, first_question().id)
    assert "broken.wav" in str(info.value)
    assert practice.store.list_takes() == []
    assert list((practice.settings.data_dir / "audio").rglob("*.wav")) == []


RECORDER_SCRIPT = textwrap.dedent(
    """
    import sys, time
    import numpy as np
    from tests.array_recorder import ArrayRecorder
    from offguard.config import load_settings
    from offguard.practice import Practice
    from offguard.questions import load_questions
    from offguard.store import Store
    from tests.test_practice import SPECIFIC, tone
    from tests.ui_fakes import ScriptedTranscriber

    settings = load_settings(sys.argv[1])
    store = Store.open(settings.db_path)
    practice = Practice(settings, store, ScriptedTranscriber(SPECIFIC),
                        lambda: ArrayRecorder(tone(60.0), 16000, realtime=True))
    active = practice.start_take(load_questions(None).questions[0])
    print("recording", active.take_id, flush=True)
    while True:
        time.sleep(0.1)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="not on this platform: SIGKILL is POSIX")
def test_killed_recording_is_recovered_by_the_next_command(data_dir: Path) -> None:
    repo = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": f"{repo / 'src'}{os.pathsep}{repo}"}
    proc = subprocess.Popen(
        [sys.executable, "-c", RECORDER_SCRIPT, str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith("recording"), line
    take_id = int(line.split()[1])
    time.sleep(3.0)
    started_kill = time.monotonic()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert time.monotonic() - started_kill < 5

    assert run(["takes", "--json", "--data-dir", str(data_dir)]) == 0
    store = Store.open(data_dir / "offguard.sqlite3")
    take = store.get_take(take_id)
    assert take is not None and take.status == "recovered"
    assert take.duration is not None and take.duration >= 2.0  # at most ~1 s lost of ~3 s
    info = sf.info(str(take.audio_path))
    assert info.frames / info.samplerate >= 2.0


def test_takes_json_lists_recovered_and_saved(practice: Practice, capsys: Any) -> None:
    active = practice.start_take(first_question())
    time.sleep(0.5)
    outcome = active.stop()
    capsys.readouterr()
    assert run(["takes", "--json", "--data-dir", str(practice.settings.data_dir)]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.strip()]
    row = next(r for r in rows if r["id"] == outcome.take_id)
    assert row["status"] == "saved" and row["verdict"] in {"generic", "specific"}
    assert Path(row["audio"]).is_absolute()


@pytest.mark.model
def test_silence_gives_no_speech_detected_and_no_invented_words(
    data_dir: Path, tmp_path: Path, capsys: Any
) -> None:
    rng = np.random.default_rng(7)
    room = (0.003 * rng.standard_normal(16000 * 6)).astype(np.float32)  # quiet room noise
    src = tmp_path / "silence.wav"
    sf.write(src, room, 16000)
    args = ["import", str(src), "--question", "swe-hardest-bug", "--data-dir", str(data_dir)]
    assert run(args) == 0
    captured = capsys.readouterr()
    assert "No speech found in the imported file" in captured.err
    assert "microphone" not in captured.err
    take_id = int(captured.out.strip())
    store = Store.open(data_dir / "offguard.sqlite3")
    transcript = store.latest_transcript(take_id)
    assert transcript is not None and transcript.text == "" and transcript.words == ()
    store.close()
