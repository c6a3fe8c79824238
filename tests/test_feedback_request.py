"""The feedback request: the email, generic feedback detected, specific follow-up questions;
the interview log's edit command, job ads on interviews and practice sessions; the V3 schema."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from offguard.cli.main import run
from offguard.feedback_request import draft, feedback_is_generic, follow_up_questions
from offguard.store import Store
from offguard.store.records import InterviewQuestion, InterviewRecord
from offguard.store.schema import MIGRATIONS

ADS = Path(__file__).parent / "data" / "job_ads"

GENERIC_FEEDBACK = [
    "We went with a candidate whose experience more closely matched what we were looking for.",
    "Unfortunately, on this occasion we have decided not to progress your application. We had "
    "a very strong field of candidates.",
    "It was a close call, you interviewed well, but another candidate was a better fit for the "
    "team at this time.",
    "Thanks for coming in. The panel felt you lacked depth in some areas.",
]
SPECIFIC_FEEDBACK = [
    "Your answer on the March outage described what the team did but not what you changed "
    "yourself, and you didn't mention Terraform, which is most of the job.",
    "In the case study you priced the menu at 35% food cost without checking supplier prices, "
    "and when Sam asked about allergens you said you'd look it up rather than naming the 14.",
    "When we asked about the time you handled a difficult patient, you spoke about patients in "
    "general rather than one shift; we needed to hear what you actually did.",
]
ARGUING = re.compile(r"\b(?:disagree|unfair|wrong decision|reconsider|mistake|appeal)\b", re.I)


def interview(feedback: str = "", *, questions: int = 2, job: str = "") -> InterviewRecord:
    asked = (
        InterviewQuestion("mine-why-leave", "Why did you leave your last job so soon?", ""),
        InterviewQuestion("mine-outage", "Tell me about an outage you caused.", ""),
    )
    return InterviewRecord(
        id=1,
        company="Northwind Payments",
        role="Site Reliability Engineer",
        date="2026-11-20",
        stage="final",
        outcome="rejection",
        feedback=feedback,
        reflection="",
        created_at="2026-11-21T09:00:00Z",
        questions=asked[:questions],
        job_description=job,
    )


@pytest.mark.parametrize("text", GENERIC_FEEDBACK)
def test_generic_feedback_is_detected(text: str) -> None:
    assert feedback_is_generic(text) is True


@pytest.mark.parametrize("text", SPECIFIC_FEEDBACK)
def test_specific_feedback_is_not_generic(text: str) -> None:
    assert feedback_is_generic(text) is False


def test_first_request_names_company_and_role_and_never_argues() -> None:
    request = draft(interview(), sender="Sam Okafor")
    email = request.email
    assert "Northwind Payments" in email and "Site Reliability Engineer" in email
    assert email.startswith("Subject: Thank you - Site Reliability Engineer interview\n")
    assert "Thank you for taking the time" in email and "on 20 November" in email
    assert "always working to improve" in email
    assert "any input" in email
    assert not ARGUING.search(email)
    assert email.rstrip().endswith("Sam Okafor")
    assert request.feedback_generic is None
    # the questions that caught the user off guard become specific asks
    assert 2 <= len(request.follow_up_questions) <= 3
    assert "Why did you leave your last job so soon?" in request.follow_up_questions[0]


@pytest.mark.parametrize("text", GENERIC_FEEDBACK[:2])
def test_generic_feedback_gets_specific_follow_up_questions(text: str) -> None:
    request = draft(interview(text, job=(ADS / "sre.txt").read_text(encoding="utf-8")))
    assert request.feedback_generic is True
    assert 2 <= len(request.follow_up_questions) <= 3
    for question in request.follow_up_questions:
        assert question.endswith("?")
        assert question in request.email
    joined = " ".join(request.follow_up_questions)
    assert '"Tell me about an outage you caused", what' in joined
    assert '.",' not in request.email  # no full stop before the comma (seen in the app)
    assert "Kubernetes" in joined or "production services" in joined
    assert not ARGUING.search(request.email)
    assert "[Your name]" in request.email


def test_specific_feedback_is_thanked_without_follow_ups() -> None:
    request = draft(interview(SPECIFIC_FEEDBACK[0]))
    assert request.feedback_generic is False
    assert request.follow_up_questions == ()
    assert "specific and genuinely useful" in request.email
    assert not ARGUING.search(request.email)


def test_follow_ups_without_questions_or_job_ad_are_still_questions() -> None:
    asks = follow_up_questions(interview(GENERIC_FEEDBACK[0], questions=0))
    assert len(asks) == 2 and all(a.endswith("?") for a in asks)
    job_asks = follow_up_questions(
        interview(questions=0, job=(ADS / "chef.txt").read_text(encoding="utf-8"))
    )
    assert any("kitchen" in a for a in job_asks)


def test_cli_log_edit_and_feedback_request(data_dir: Path, capsys: Any) -> None:
    args = ["--data-dir", str(data_dir)]
    assert (
        run(
            [
                "interviews",
                "add",
                "--company",
                "The Old Bell",
                "--role",
                "Sous Chef",
                "--outcome",
                "rejection",
                "--job",
                str(ADS / "chef.txt"),
                "--off-guard-question",
                "How would you cut food costs by ten percent?",
                *args,
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert run(["interviews", "edit", "1", "--feedback", GENERIC_FEEDBACK[0], *args]) == 0
    assert run(["interviews", "edit", "1", "--reflection", "Give one costed example", *args]) == 0
    capsys.readouterr()
    assert run(["interviews", "feedback-request", "1", *args]) == 0
    captured = capsys.readouterr()
    assert "the Sous Chef role at The Old Bell" in captured.out
    assert "How would you cut food costs by ten percent?" in captured.out
    assert "generic" in captured.err
    assert run(["interviews", "feedback-request", "1", "--json", *args]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"email", "feedback_generic", "follow_up_questions"}
    assert data["feedback_generic"] is True and len(data["follow_up_questions"]) >= 2
    assert run(["interviews", "list", "--json", *args]) == 0
    logged = json.loads(capsys.readouterr().out.splitlines()[0])
    assert logged["feedback"] == GENERIC_FEEDBACK[0]
    assert logged["reflection"] == "Give one costed example"
    assert "HACCP" in logged["job_description"]
    # the off-guard question heads the practice queue
    assert run(["queue", "--json", *args]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["kind"] == "off-guard" and first["id"].startswith("mine-how-would-you-cut")
    # errors are one clear line
    assert run(["interviews", "feedback-request", "9", *args]) == 1
    assert capsys.readouterr().err.startswith("offguard: error: There is no interview 9.")
    assert run(["interviews", "edit", "1", "--job", str(data_dir / "nope.txt"), *args]) == 1
    assert "Cannot read the job ad" in capsys.readouterr().err


def test_a_take_uses_its_interviews_job_ad_else_the_practice_one(store: Store) -> None:
    audio = store.data_dir / "a.flac"
    audio.write_bytes(b"fLaC")
    take = store.create_take(
        "mine-q", audio, device="mic", samplerate=16000, started_at=datetime.now(timezone.utc)
    )
    assert store.job_ad_for_take(take) == ""
    store.set_practice_job_ad("Warehouse operative: picking, packing, forklift.")
    assert store.job_ad_for_take(take).startswith("Warehouse operative")
    interview_id = store.add_interview(company="Acme", job_description="SRE: Kubernetes.")
    store.link_interview_question(interview_id, "mine-q")
    assert store.job_ad_for_take(take) == "SRE: Kubernetes."
    store.set_practice_job_ad("")
    assert store.practice_job_ad() == ""
    store.update_interview(interview_id, job_description="")
    assert store.job_ad_for_take(take) == ""


def test_v3_migration_keeps_logged_interviews(tmp_path: Path) -> None:
    db = tmp_path / "offguard.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "\nPRAGMA user_version=2;")
        conn.execute(
            "INSERT INTO interviews (company, feedback, created_at) VALUES ('Acme', 'meh', 'x')"
        )
    with Store.open(db) as store:
        (record,) = store.list_interviews()
        assert record.company == "Acme" and record.feedback == "meh"
        assert record.job_description == ""
        store.update_interview(record.id, job_description="Chef: HACCP.")
        assert store.get_interview(record.id) is not None
        assert store.list_interviews()[0].job_description == "Chef: HACCP."


def test_cli_practice_job_ad_and_analyze_take_uses_it(data_dir: Path, capsys: Any) -> None:
    args = ["--data-dir", str(data_dir)]
    assert run(["job", *args]) == 0
    assert "No practice job ad" in capsys.readouterr().out
    assert run(["job", str(ADS / "warehouse.txt"), "--json", *args]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "handheld scanners" in data["terms"] and "free parking" not in data["terms"]
    with Store.open(data_dir / "offguard.sqlite3") as store:
        audio = data_dir / "a.flac"
        audio.write_bytes(b"not audio")
        take = store.create_take("beh-conflict", audio, device="mic", samplerate=16000)
        store.finish_take(take, duration=30.0)
        from offguard.transcription.types import Transcript

        text = "Last December I picked 400 orders a night with the handheld scanner."
        store.save_transcript(take, Transcript(text, (), 30.0, "tiny.en"))
    assert run(["analyze", "--take", str(take), "--json", *args]) == 0
    result = json.loads(capsys.readouterr().out)
    assert "handheld scanners" in result["job_terms"]["covered"]
    assert "pallet wrapping" in result["job_terms"]["missing"]
    assert run(["job", "--clear", *args]) == 0
    capsys.readouterr()
    assert run(["analyze", "--take", str(take), "--json", *args]) == 0
    assert "job_terms" not in json.loads(capsys.readouterr().out)
