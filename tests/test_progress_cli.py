"""The progress commands end to end through ``offguard.cli.main.run`` on a real data folder."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from offguard.analysis import ANALYSIS_VERSION
from offguard.cli.main import run
from offguard.store import Store
from offguard.transcription.types import Transcript, Word


def _take(store: Store, qid: str, day: int, text: str, score: float | None) -> int:
    audio = store.data_dir / "audio" / f"2026-01-{day:02d}" / f"{qid}.flac"
    audio.parent.mkdir(parents=True, exist_ok=True)
    audio.write_bytes(b"fLaC")
    take = store.create_take(
        qid,
        audio,
        device="mic",
        samplerate=16000,
        started_at=datetime(2026, 1, day, 9, 30, tzinfo=timezone.utc),
    )
    store.finish_take(take, duration=60.0 + day)
    words = tuple(Word(w, i * 0.4, i * 0.4 + 0.3, 0.9) for i, w in enumerate(text.split()))
    store.save_transcript(take, Transcript(text, words, 60.0 + day, "tiny.en"))
    if score is not None:
        data: dict[str, Any] = {
            "delivery": {"wpm": 120.0 + day, "fillers_per_min": 4.0 - day / 10},
            "specifics": [{"text": "ward 7"}] if score >= 50 else [],
        }
        verdict = "specific" if score >= 50 else "generic"
        store.save_analysis(
            take, version=ANALYSIS_VERSION, verdict=verdict, specificity=score, data=data
        )
    return take


@pytest.fixture()
def filled(data_dir: Path) -> tuple[Path, list[int]]:
    with Store.open(data_dir / "offguard.sqlite3") as store:
        ids = [
            _take(store, "beh-conflict", 2, "I always stay calm with people", 25.0),
            _take(store, "beh-conflict", 9, "On ward 7 I stayed calm with a patient", 71.0),
            _take(store, "curve-why-not-hire", 5, "um I do not know", None),
        ]
    return data_dir, ids


def _lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_takes_json_lines_shape(filled: tuple[Path, list[int]], capsys: Any) -> None:
    data_dir, ids = filled
    assert run(["takes", "--json", "--data-dir", str(data_dir)]) == 0
    rows = _lines(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [ids[0], ids[2], ids[1]]  # by start time
    first = rows[0]
    assert {"id", "question_id", "started_at", "duration", "audio", "status", "transcript"} <= set(
        first
    )
    assert first["verdict"] == "generic" and first["specificity"] == 25.0
    assert Path(first["audio"]).is_absolute() and Path(first["audio"]).is_file()
    assert first["transcript"] == "I always stay calm with people"
    unanalysed = rows[1]
    assert "verdict" not in unanalysed and unanalysed["transcript"] == "um I do not know"
    assert (
        run(["takes", "--question", "curve-why-not-hire", "--json", "--data-dir", str(data_dir)])
        == 0
    )
    assert [r["id"] for r in _lines(capsys.readouterr().out)] == [ids[2]]


def test_compare_json_and_plain(filled: tuple[Path, list[int]], capsys: Any) -> None:
    data_dir, ids = filled
    assert run(["compare", str(ids[0]), str(ids[1]), "--json", "--data-dir", str(data_dir)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["a"]["id"] == ids[0] and result["b"]["id"] == ids[1]
    assert {op["op"] for op in result["diff"]} <= {"equal", "insert", "delete", "replace"}
    assert {"op": "insert", "a": [], "b": ["On", "ward", "7"]} in result["diff"]
    assert result["delta"]["specificity"] == 46.0
    assert result["delta"]["duration"] == 7.0
    assert result["delta"]["wpm"] == 7.0
    assert result["delta"]["fillers_per_min"] == pytest.approx(-0.7)
    assert result["specifics_gained"] == ["ward 7"]

    assert run(["compare", str(ids[0]), str(ids[1]), "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "+ On ward 7" in out and "- always stay" in out
    assert "(+46.0)" in out and "specific details gained: ward 7" in out


def test_compare_unknown_take_is_one_line_error(
    filled: tuple[Path, list[int]], capsys: Any
) -> None:
    data_dir, ids = filled
    assert run(["compare", str(ids[0]), "999", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("offguard: error: No take 999") and "\n" not in err


def test_history_json_and_plain(filled: tuple[Path, list[int]], capsys: Any) -> None:
    data_dir, ids = filled
    assert run(["history", "beh-conflict", "--json", "--data-dir", str(data_dir)]) == 0
    rows = _lines(capsys.readouterr().out)
    assert [(r["id"], r["specificity"], r["wpm"]) for r in rows] == [
        (ids[0], 25.0, 122.0),
        (ids[1], 71.0, 129.0),
    ]
    assert run(["history", "beh-conflict", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "specificity" in out and "25 -> 71" in out
    assert run(["history", "no-such-question", "--data-dir", str(data_dir)]) == 1


def test_interviews_add_and_list_then_queue_puts_them_first(data_dir: Path, capsys: Any) -> None:
    args = ["--data-dir", str(data_dir)]
    code = run(
        [
            "interviews",
            "add",
            "--company",
            "Acme Health",
            "--role",
            "nurse",
            "--date",
            "2026-01-20",
            "--stage",
            "final",
            "--outcome",
            "rejection",
            "--feedback",
            "answers lacked examples",
            "--reflection",
            "lead with the ward 7 story",
            "--question",
            "curve-why-not-hire",
            "--off-guard-question",
            "Why did you leave after 8 months?",
            *args,
        ]
    )
    assert code == 0
    assert "Logged interview 1" in capsys.readouterr().out
    assert run(["interviews", "list", "--json", *args]) == 0
    [interview] = _lines(capsys.readouterr().out)
    assert interview["company"] == "Acme Health" and interview["outcome"] == "rejection"
    assert interview["date"] == "2026-01-20" and interview["stage"] == "final"
    qids = [q["question_id"] for q in interview["questions"]]
    assert qids[0] == "curve-why-not-hire" and qids[1].startswith("mine-why-did-you-leave")
    assert interview["questions"][1]["text"] == "Why did you leave after 8 months?"

    assert run(["queue", "--json", "--limit", "3", "--date", "2026-01-21", *args]) == 0
    queue = _lines(capsys.readouterr().out)
    assert len(queue) == 3
    assert {q["id"] for q in queue[:2]} == set(qids)
    assert all(q["kind"] == "off-guard" for q in queue[:2]) and queue[2]["kind"] == "new"
    assert {"id", "text", "category", "kind", "reason", "box"} <= set(queue[0])


def test_interviews_add_rejects_unknown_question_and_bad_date(data_dir: Path, capsys: Any) -> None:
    args = ["--data-dir", str(data_dir)]
    assert run(["interviews", "add", "--company", "X", "--question", "nope", *args]) == 1
    assert "no question with id 'nope'" in capsys.readouterr().err
    assert run(["interviews", "add", "--company", "X", "--date", "31/01/2026", *args]) == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert run(["interviews", "list", "--json", *args]) == 0
    assert capsys.readouterr().out == ""  # nothing half-stored


def test_trends_json_and_plain(filled: tuple[Path, list[int]], capsys: Any) -> None:
    data_dir, _ = filled
    assert run(["trends", "beh-conflict", "--json", "--data-dir", str(data_dir)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["series"]["specificity"] == [25.0, 71.0]
    assert result["summary"]["specificity"]["change"] == 46.0
    assert result["bands"]["wpm"]["low"] == 130.0
    assert run(["trends", "--data-dir", str(data_dir)]) == 0
    plain = capsys.readouterr().out
    assert "all questions" in plain and "specificity" in plain and "130-160" in plain


def test_stories_tag_report_and_errors(filled: tuple[Path, list[int]], capsys: Any) -> None:
    data_dir, ids = filled
    args = ["stories", "--tag", str(ids[1]), "ward 7 night shift", "--data-dir", str(data_dir)]
    assert run(args) == 0
    assert "ward 7 night shift: 1 takes, answers beh-conflict" in capsys.readouterr().out
    assert run(["stories", "--json", "--data-dir", str(data_dir)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["stories"][0]["take_ids"] == [ids[1]]
    assert "curve-why-not-hire" in report["questions_without_story"]
    assert run(["stories", "--tag", "999", "x", "--data-dir", str(data_dir)]) == 1
    assert "no take 999" in capsys.readouterr().err
