"""Pilot tests of issue 13 in the practice room: voice and job-ad terms on the Review screen,
the feedback request and notes on the Interviews screen, and the first run (real store,
real analysis; keys pressed as a user would)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from textual.widgets import Input, Sparkline, TextArea

from offguard.analysis import analyze_text
from offguard.config import Settings
from offguard.questions import Question, QuestionBank
from offguard.store import Store
from offguard.transcription.types import Transcript
from offguard.ui.app import OffguardApp
from offguard.ui.feedback import ReviewData
from offguard.ui.screens.interview_followup import (
    FeedbackRequestScreen,
    InterviewNotesScreen,
    JobAdScreen,
)
from offguard.ui.screens.interviews import InterviewsScreen
from offguard.ui.screens.questions import QuestionsScreen
from offguard.ui.screens.review import ReviewScreen
from offguard.ui.screens.welcome import WelcomeScreen
from offguard.ui.widgets.key_footer import KeyFooter
from tests.ui_fakes import FakePractice, fake_analysis, fake_transcript
from tests.ui_pilot import SIZE, fake_app, reviewing, text_of, wait_for
from tests.voice_audio import READING, SAMPLERATE, espeak, flat_copy

ADS = Path(__file__).parent / "data" / "job_ads"
BANK = QuestionBank(
    questions=[
        Question("beh-mistake", "Tell me about a mistake you made at work.", "behavioural"),
        Question("mot-why-here", "Why do you want to work here?", "motivation"),
        Question("curve-not-hire", "Why should we not hire you?", "curveball"),
    ]
)


def build(settings: Settings, store: Store, tmp_path: Path, **extra: Any) -> OffguardApp:
    Input.cursor_blink = False
    options: dict[str, Any] = {
        "bank": BANK,
        "practice_factory": lambda: FakePractice(tmp_path),
        "load_on_start": False,
    }
    options.update(extra)
    return fake_app(settings, store, **options)


def footer(app: OffguardApp) -> list[str]:
    left, _ = app.screen.query_one(KeyFooter).shown_keys()
    return [desc for _, _, desc in left]


def review_of(text: str, audio: np.ndarray | None = None, words: Any = None) -> ReviewData:
    transcript = Transcript(text, tuple(words or ()), 12.0, "test")
    analysis = analyze_text(
        text,
        words=words,
        audio=audio,
        samplerate=SAMPLERATE if audio is not None else None,
        duration=12.0,
    )
    return ReviewData(BANK.questions[0], transcript, analysis, None, 12.0)


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    return espeak(tmp_path_factory.mktemp("voice") / "reading.wav")


# -- Review: voice ---------------------------------------------------------------------------


async def test_review_shows_pitch_band_contour_and_a_monotone_suggestion(
    settings: Settings, store: Store, tmp_path: Path, reading: np.ndarray
) -> None:
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ReviewScreen(app.services, review_of(READING, flat_copy(reading))))
        await wait_for(pilot, lambda: reviewing(app))
        voice = text_of(app, "#voice")
        assert "(monotone)" in voice and "(aim ≥ 6)" in voice
        assert "Your pitch stayed flat" in voice
        contour = app.screen.query_one("#pitch-contour", Sparkline)
        assert len(list(contour.data or [])) == 48
        assert "Job ad" in footer(app)
        await pilot.press("escape")
        lively_data = review_of(READING, reading)
        app.push_screen(ReviewScreen(app.services, lively_data))
        await wait_for(pilot, lambda: reviewing(app) and app.screen.data is lively_data)
        voice = text_of(app, "#voice")
        assert "semitones" in voice and "monotone" not in voice and "flat" not in voice
        flat_data = list(contour.data or [])
        lively = list(app.screen.query_one("#pitch-contour", Sparkline).data or [])
        assert max(lively) - min(lively) > max(flat_data) - min(flat_data) + 3


async def test_review_without_voice_says_so_and_shows_repeated_words(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    analysis = fake_analysis()
    assert analysis.delivery is not None
    delivery = replace(analysis.delivery, repeated_words=["I I", "the the"])
    silent = review_of("Um.", np.zeros(3 * SAMPLERATE, dtype=np.float32))
    data = ReviewData(
        BANK.questions[0], fake_transcript(), replace(analysis, delivery=delivery), None, 20.0
    )
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ReviewScreen(app.services, data))
        await wait_for(pilot, lambda: reviewing(app))
        assert "Repeated words: “I I”, “the the”" in text_of(app, "#delivery")
        assert "No audio measured" in text_of(app, "#voice")
        assert not app.screen.query("#pitch-contour")
        await pilot.press("escape")
        app.push_screen(ReviewScreen(app.services, silent))
        await wait_for(pilot, lambda: reviewing(app) and app.screen.data is silent)
        assert "not enough voice to measure" in text_of(app, "#voice")


# -- Review: the job ad ----------------------------------------------------------------------

SRE_ANSWER = (
    "Last March our payments API went down. I was on call, so I led the response to the "
    "incident: I rolled back the deploy on our Kubernetes cluster, then wrote the post-mortem "
    "the next morning."
)


async def test_review_shows_job_terms_and_j_sets_the_practice_job_ad(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    store.set_practice_job_ad((ADS / "sre.txt").read_text(encoding="utf-8"))
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ReviewScreen(app.services, review_of(SRE_ANSWER)))
        await wait_for(pilot, lambda: reviewing(app))
        await wait_for(pilot, lambda: "Used:" in text_of(app, "#job-terms"))
        shown = text_of(app, "#job-terms")
        assert "incident response" in shown and "Kubernetes" in shown
        missing = shown.split("Try working in:")[1]
        assert missing.count(",") == 2  # the three most important missing terms
        assert "production services" in missing
        await pilot.press("j")
        await wait_for(pilot, lambda: isinstance(app.screen, JobAdScreen))
        await pilot.pause()
        area = app.screen.query_one("#job", TextArea)
        assert "Kubernetes" in area.text
        area.text = (ADS / "chef.txt").read_text(encoding="utf-8")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "head chef" in text_of(app, "#job-terms"))
        assert store.practice_job_ad().startswith("Sous Chef")
        await pilot.press("j")
        await wait_for(pilot, lambda: isinstance(app.screen, JobAdScreen))
        await pilot.pause()
        app.screen.query_one("#job", TextArea).text = ""
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "No job ad" in text_of(app, "#job-terms"))
        assert store.practice_job_ad() == ""


# -- Interviews: feedback request and notes --------------------------------------------------


async def test_feedback_request_copy_save_and_notes(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    interview = store.add_interview(
        company="Northwind Payments",
        role="Site Reliability Engineer",
        date="2026-11-20",
        outcome="rejection",
        feedback="We went with a candidate whose experience more closely matched.",
    )
    store.add_question(Question("mine-outage", "Tell me about an outage you caused.", "x"))
    store.link_interview_question(interview, "mine-outage")
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewsScreen))
        assert {"Ask for feedback", "Notes"} <= set(footer(app))
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, FeedbackRequestScreen))
        await pilot.pause()
        await wait_for(pilot, lambda: "Northwind Payments" in text_of(app, "#feedback-email"))
        assert "generic" in text_of(app, "#feedback-note")
        email = text_of(app, "#feedback-email")
        assert "Site Reliability Engineer" in email and "Tell me about an outage" in email
        assert {"Copy", "Save to file"} <= set(footer(app))
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.startswith("Subject: Thank you")
        await pilot.press("s")
        await pilot.pause()
        (saved,) = (settings.data_dir / "exports").glob("feedback-request-*.txt")
        assert saved.read_text(encoding="utf-8") == app.clipboard
        await pilot.press("s")  # never over the first file
        await pilot.pause()
        assert len(list((settings.data_dir / "exports").glob("feedback-request-*.txt"))) == 2
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewsScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewNotesScreen))
        await pilot.pause()
        screen = app.screen
        screen.query_one("#reflection", TextArea).text = "Say what I changed myself."
        screen.query_one("#job", TextArea).text = "SRE: Kubernetes, Terraform."
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, InterviewsScreen))
        record = store.get_interview(interview)
        assert record is not None
        assert record.reflection == "Say what I changed myself."
        assert record.job_description == "SRE: Kubernetes, Terraform."
        assert record.feedback.startswith("We went with")
        assert "Job ad: SRE: Kubernetes" in text_of(app, "#interview-detail")


# -- first run -------------------------------------------------------------------------------


async def test_first_run_logs_the_off_guard_questions_then_opens_todays_queue(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    app = build(settings, store, tmp_path, welcome=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        await pilot.pause()
        assert {"Save and practise", "Skip"} <= set(footer(app))
        assert "Had an interview recently?" in text_of(app, "#welcome-title")
        await pilot.press(*"Why did you leave after a year?")
        await pilot.press("enter")
        await pilot.press(*"Sell me this pen")
        await pilot.press("enter", "enter")  # the third question stays empty
        await pilot.press(*"ACME")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        screen = app.screen
        assert isinstance(screen, QuestionsScreen) and screen.today_view
        await wait_for(pilot, lambda: len(screen.shown) >= 2)
        assert {q.text for q in screen.shown[:2]} == {
            "Why did you leave after a year?",
            "Sell me this pen",
        }
        (logged,) = store.list_interviews()
        assert logged.company == "ACME" and len(logged.questions) == 2


async def test_first_run_can_be_skipped_and_returning_users_land_on_today(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    app = build(settings, store, tmp_path, welcome=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        screen = app.screen
        assert isinstance(screen, QuestionsScreen) and screen.today_view
        assert store.list_interviews() == []
    store.add_interview(company="Acme")
    again = build(settings, store, tmp_path, welcome=True)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, QuestionsScreen) and screen.today_view
        assert not any(isinstance(s, WelcomeScreen) for s in again.screen_stack)
