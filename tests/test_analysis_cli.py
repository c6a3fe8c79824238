"""``offguard analyze``: plain, --json, --jsonl batch with bad lines, stdin, --take."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from offguard.cli.main import run

GENERIC = "I always go above and beyond. I'm a team player and I would never let anyone down."
SPECIFIC = (
    "Last March at the Leeds branch a customer's order was lost. I rang the courier, found the "
    "parcel at their Wakefield depot and drove over to collect it. She got it that evening and "
    "left us a review."
)


class FakeStdin(io.StringIO):
    def isatty(self) -> bool:
        return False


def test_plain_output_marks_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "answer.txt"
    path.write_text(GENERIC, encoding="utf-8")
    assert run(["analyze", str(path), "--data-dir", str(tmp_path / "d")]) == 0
    out = capsys.readouterr().out
    assert "[[I always go above and beyond]]{habitual}" in out
    assert "\x1b[" not in out  # not a terminal: no colour codes
    verdict = [line for line in out.splitlines() if line.startswith("Verdict:")]
    assert len(verdict) == 1
    assert verdict[0].startswith("Verdict: generic (score ") and verdict[0].endswith("/100)")
    assert "[ ] Situation" in out and "Suggestions:" in out
    assert "A habit, not an event" in out


def test_stdin_and_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", FakeStdin(SPECIFIC))
    assert run(["analyze", "-", "--json", "--question", "Tell me about a lost order."]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "specific" and data["specificity"] >= 50
    assert {"flags", "specifics", "sentences", "star", "star_sentences", "suggestions"} <= set(data)


def test_jsonl_batch_with_malformed_lines(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"id": "a", "text": GENERIC}),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "b", "text": SPECIFIC, "question": "Lost order?"}),
        "",
    ]
    monkeypatch.setattr("sys.stdin", FakeStdin("\n".join(lines) + "\n"))
    assert run(["analyze", "--jsonl", "-"]) == 1
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(out) == 5
    assert out[0]["id"] == "a" and out[0]["verdict"] == "generic"
    assert set(out[0]) == {
        "id",
        "verdict",
        "specificity",
        "flags",
        "sentences",
        "star",
        "suggestions",
    }
    assert out[1]["line"] == 2 and "JSON" in out[1]["error"]
    assert out[2]["line"] == 3 and "object" in out[2]["error"]
    assert out[3]["line"] == 4 and "text" in out[3]["error"]
    assert out[4]["id"] == "b" and out[4]["verdict"] == "specific"
    flag = out[0]["flags"][0]
    assert GENERIC[flag["start"] : flag["end"]] == flag["text"]


def test_jsonl_all_good_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"text": SPECIFIC}) + "\n", encoding="utf-8")
    assert run(["analyze", "--jsonl", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["id"] is None


def test_missing_file_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["analyze", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("offguard: error: Cannot read") and "Traceback" not in err


def test_take_is_analysed_and_stored(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import numpy as np
    import soundfile as sf

    from offguard.store import Store
    from offguard.transcription.types import Transcript

    data = tmp_path / "data"
    store = Store.open(data / "offguard.sqlite3")
    audio = data / "audio" / "take.flac"
    audio.parent.mkdir(parents=True)
    sf.write(audio, np.zeros(16000 * 3, dtype=np.float32), 16000)
    take_id = store.create_take("swe-hardest-bug", audio, device="test", samplerate=16000)
    store.finish_take(take_id, duration=3.0)
    store.save_transcript(take_id, Transcript(SPECIFIC, (), 3.0, "test"))
    store.close()

    assert run(["analyze", "--take", str(take_id), "--data-dir", str(data)]) == 0
    assert "Verdict: specific" in capsys.readouterr().out
    store = Store.open(data / "offguard.sqlite3")
    stored = store.latest_analysis(take_id)
    assert stored is not None and stored.verdict == "specific"
    store.close()


def test_colour_marks_and_delivery_lines() -> None:
    from offguard.analysis import analyze_text
    from offguard.cli.analyze import mark, render
    from offguard.transcription.types import Word

    analysis = analyze_text(GENERIC)
    coloured = mark(GENERIC, analysis, colour=True)
    assert "\x1b[4;" in coloured and "[[" not in coloured
    words = [Word("I", 0.5, 0.7, 0.9), Word("rang", 2.0, 2.3, 0.9), Word("them.", 2.4, 2.8, 0.9)]
    report = render(analyze_text("I rang them.", words=words), "I rang them.")
    assert "Delivery:" in report and "lower bound" in report
    assert "Longest pause: 1.3 s at 0.7 s (from word timings)" in report


def test_take_uses_the_stored_take_helper(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import offguard.cli.takes_service
    from offguard.analysis import Analysis, analyze_text

    def fake(settings: object, take_id: int) -> tuple[Analysis, str]:
        return analyze_text(GENERIC), GENERIC

    monkeypatch.setattr(offguard.cli.takes_service, "analyze_stored_take", fake)
    assert run(["analyze", "--take", "3", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "[[I always go above and beyond]]{habitual}" in out and "Verdict: generic" in out


def test_take_that_does_not_exist_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["analyze", "--take", "99", "--data-dir", str(tmp_path / "data")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("offguard: error: There is no take 99") and "Traceback" not in err
