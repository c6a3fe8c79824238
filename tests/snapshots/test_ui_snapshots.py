"""Snapshots of the main screens at 120x40 (Questions, Practice while recording, Review,
Compare; the review also at 80x24) with fixed data (no model, clock, timezone or cursor blink).

Update after an intended change with ``pytest tests/snapshots --snapshot-update`` and look at
the SVGs before committing them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from offguard.analysis import ANALYSIS_VERSION
from offguard.config import Settings
from offguard.questions import Question, QuestionBank
from offguard.questions import Question as Q
from offguard.store import Store
from offguard.transcription.types import Transcript
from offguard.ui.app import OffguardApp
from offguard.ui.feedback import ReviewData
from offguard.ui.screens.compare import CompareScreen
from offguard.ui.screens.review import ReviewScreen
from tests.ui_fakes import FakeActiveTake, FakePractice, fake_analysis, fake_transcript
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


class StillTake(FakeActiveTake):
    """A take 42 s in, at a fixed level: the recording screen looks the same every run."""

    @property
    def elapsed(self) -> float:
        return 42.0


class StillPractice(FakePractice):
    def start_take(
        self, question: Q, *, on_partial: Callable[[str], None] | None = None
    ) -> StillTake:
        path = self.folder / f"take-{len(self.takes) + 1}.flac"
        path.write_bytes(b"")
        take = StillTake(self, question, len(self.takes) + 1, path, on_partial)
        self.takes.append(take)
        return take


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times shown in local time read the same on every machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture()
def practice(tmp_path: Path) -> StillPractice:
    return StillPractice(tmp_path)


@pytest.fixture()
def app(settings: Settings, store: Store, practice: StillPractice) -> OffguardApp:
    Input.cursor_blink = False
    store.sync_questions(BANK.questions)
    store.set_off_guard("curve-not-hire", True)
    return fake_app(
        settings,
        store,
        bank=BANK,
        practice_factory=lambda: practice,
        load_on_start=False,
    )


def add_take(store: Store, settings: Settings, day: int, text: str, specifics: list[str]) -> int:
    """A stored, analysed take of the first question on 2026-01-``day`` at 09:00 UTC."""
    audio = settings.audio_dir / f"take-{day}.flac"
    audio.write_bytes(b"fLaC")
    started = datetime(2026, 1, day, 9, tzinfo=timezone.utc)
    take = store.create_take(
        "beh-mistake", audio, device="test", samplerate=16000, started_at=started
    )
    store.finish_take(take, duration=50.0 + 10 * day)
    store.save_transcript(take, Transcript(text, (), 50.0, "fake"))
    found = [{"start": text.index(x), "end": text.index(x) + len(x), "text": x} for x in specifics]
    store.save_analysis(
        take,
        version=ANALYSIS_VERSION,  # a current analysis: shown as stored
        verdict="specific" if specifics else "generic",
        specificity=30.0 + 15 * len(specifics),
        data={
            "specifics": found,
            "delivery": {"wpm": 170.0 - 10 * day, "fillers_per_min": 6.0 / day},
        },
    )
    return take


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


def test_practice_screen_while_recording(
    snap_compare: Any, app: OffguardApp, practice: StillPractice
) -> None:
    async def recording(pilot: Pilot[Any]) -> None:
        await pilot.press("enter", "r")
        practice.takes[0].speak("At Northwind in March I cut the nightly report from 40 minutes")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=recording)


def test_compare_screen(
    snap_compare: Any, app: OffguardApp, store: Store, settings: Settings
) -> None:
    first = add_take(store, settings, 3, "I always work hard and I fixed the report.", [])
    second = add_take(
        store,
        settings,
        5,
        "In March at Northwind I cut the nightly report from 40 minutes to 6 minutes.",
        ["March", "Northwind", "40 minutes to 6 minutes"],
    )

    async def comparing(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, OffguardApp)
        await app.push_screen(CompareScreen(app.services, first, second))
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=comparing)
