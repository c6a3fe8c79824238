"""Snapshots of the main screens at 120x40 (the review also at 80x24) with fixed data
(no model, clock or cursor blink).

Update after an intended change with ``pytest tests/snapshots --snapshot-update`` and look at
the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from offguard.config import Settings
from offguard.questions import Question, QuestionBank
from offguard.store import Store
from offguard.ui.app import OffguardApp
from offguard.ui.feedback import ReviewData
from offguard.ui.screens.review import ReviewScreen
from tests.ui_fakes import FakePractice, fake_analysis, fake_transcript
from tests.ui_pilot import SIZE, fake_app

BANK = QuestionBank(
    questions=[
        Question(
            "beh-mistake",
            "Tell me about a mistake you made at work.",
            "behavioural",
            tags=("failure",),
            probes=("Do you own mistakes and learn from them?",),
            tips=("Pick a real one; say what you changed afterwards.",),
        ),
        Question("mot-why-here", "Why do you want to work here?", "motivation"),
        Question("curve-not-hire", "Why should we not hire you?", "curveball", tags=("self",)),
        Question(
            "role-sql-slow",
            "A report query takes 40 minutes. What do you do?",
            "role-specific",
            roles=("data analyst",),
        ),
    ]
)


@pytest.fixture()
def app(settings: Settings, store: Store, tmp_path: Path) -> OffguardApp:
    Input.cursor_blink = False
    store.sync_questions(BANK.questions)
    store.set_off_guard("curve-not-hire", True)
    return fake_app(
        settings,
        store,
        bank=BANK,
        practice_factory=lambda: FakePractice(tmp_path),
        load_on_start=False,
    )


async def open_review(pilot: Pilot[Any]) -> None:
    """Show the review of the fixed answer over the first question."""
    data = ReviewData(
        question=BANK.questions[0],
        transcript=fake_transcript(),
        analysis=fake_analysis(),
        audio_path=Path("take.flac"),
        duration=20.0,
        take_id=1,
    )
    app = pilot.app
    assert isinstance(app, OffguardApp)
    await app.push_screen(ReviewScreen(app.services, data))
    await pilot.pause()


def test_questions_screen(snap_compare: Any, app: OffguardApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, press=["down"])


def test_practice_screen_with_tips(snap_compare: Any, app: OffguardApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, press=["enter", "t"])


def test_review_screen(snap_compare: Any, app: OffguardApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=open_review)


def test_questions_today_view(snap_compare: Any, app: OffguardApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, press=["t"])


def test_keys_screen(snap_compare: Any, app: OffguardApp) -> None:
    from dataclasses import replace

    shown = Path("/home/you/.local/share/offguard")
    app.services.settings = replace(app.services.settings, data_dir=shown)
    assert snap_compare(app, terminal_size=SIZE, press=["question_mark"])


def test_review_screen_small_terminal(snap_compare: Any, app: OffguardApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_review)
