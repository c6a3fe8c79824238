"""Bugs found using the practice room as a job seeker would (tmux at 120x40 and 80x24), each
reproduced here with the Pilot on the real store and the real analysis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Label, OptionList

from offguard.analysis import analyze_text
from offguard.analysis.delivery import measure
from offguard.config import Settings
from offguard.questions import Question, QuestionBank
from offguard.store import Store
from offguard.transcription.types import Transcript
from offguard.ui.app import OffguardApp
from offguard.ui.feedback import ReviewData
from offguard.ui.screens.interview_followup import JobAdScreen
from offguard.ui.screens.questions import QuestionsScreen
from offguard.ui.screens.review import ReviewScreen
from offguard.ui.screens.welcome import WelcomeScreen
from tests.ui_fakes import FakePractice
from tests.ui_pilot import SIZE, fake_app, notifications, reviewing, text_of, wait_for
from tests.voice_audio import SAMPLERATE, espeak

BANK = QuestionBank(
    questions=[
        Question("mot-about", "Tell me about yourself.", "motivation"),
        Question("mot-why-here", "Why do you want to work here?", "motivation"),
        Question("beh-mistake", "Tell me about a mistake you made at work.", "behavioural"),
    ]
)
GENERIC = (
    "I would say that I always try to think outside the box. Basically I am a team player "
    "and I am very passionate about data. I would probably look at some numbers and make a "
    "rough guess, and we usually get it right."
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


async def test_after_the_first_run_form_enter_practises_a_logged_question(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    """The notice says "they are first in today's queue. Press enter to practise": the cursor
    was left on "Tell me about yourself.", now third."""
    app = build(settings, store, tmp_path, welcome=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        await pilot.press(*"Why did you leave after a year?")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        screen = app.screen
        assert isinstance(screen, QuestionsScreen)
        await wait_for(pilot, lambda: bool(screen.shown) and screen.shown[0].source == "user")
        await pilot.pause()
        current = screen.current()
        assert current is not None and current.text == "Why did you leave after a year?"
        assert any(
            n.message.startswith("Logged 1 question: it is first in today's queue")
            for n in notifications(app)
        )


async def test_review_shows_the_flagged_phrases_without_scrolling(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    """With the voice and job-ad sections the focused flag list sat below the fold at 120x40:
    "enter on a flagged phrase" could not be seen."""
    audio = espeak(tmp_path / "answer.wav", GENERIC)
    analysis = analyze_text(GENERIC, audio=audio, samplerate=SAMPLERATE, duration=14.0)
    assert analysis.flags
    data = ReviewData(
        BANK.questions[2], Transcript(GENERIC, (), 14.0, "test"), analysis, None, 14.0
    )
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ReviewScreen(app.services, data))
        await wait_for(pilot, lambda: reviewing(app))
        await pilot.pause()
        flags = app.screen.query_one("#flags", OptionList)
        right = app.screen.query_one("#right")
        assert app.focused is flags
        assert flags.option_count == len(analysis.flags)
        shown = right.region
        assert shown.contains_region(flags.region.intersection(shown))
        assert flags.region.y < shown.bottom - 2, (flags.region, shown)
        # j works right here: the hint sent the user back to the Questions screen
        await wait_for(pilot, lambda: "Press j to add one" in text_of(app, "#job-terms"))


async def test_job_ad_hint_wraps_inside_the_box(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    """The hint ended "... Clear it to" at the box edge: the Label did not wrap."""
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(JobAdScreen(""))
        await wait_for(pilot, lambda: isinstance(app.screen, JobAdScreen))
        await pilot.pause()
        box = app.screen.query_one("#job-form")
        hint = next(
            label for label in app.screen.query(Label) if "Clear it to stop" in str(label.render())
        )
        assert hint.region.right <= box.content_region.right
        assert hint.region.height >= 2


@pytest.mark.parametrize("text", ["We sold 60,000,000 units.", "It took 2,000 000 hours."])
def test_digit_groups_are_not_repeated_words(text: str) -> None:
    """Whisper writes "60,000,000": the review listed “000 000” as a repeated word."""
    assert measure(text).repeated_words == []
    assert measure("I I went there.").repeated_words == ["i i"]
