"""The app under hostile use (issue 11, items 8 and 10): a quoted dropped path, an impossible
date, a 10 kB question, r r r r, and the question list after a recovery."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from textual.widgets import Input, Static

from offguard.config import Settings
from offguard.practice import Practice, TakeOutcome
from offguard.questions import Question, QuestionBank
from offguard.store import Store
from offguard.ui.screens.practice import PracticeScreen
from offguard.ui.screens.questions import QuestionsScreen
from tests.array_recorder import ArrayRecorder
from tests.ui_fakes import FakePractice, ScriptedTranscriber, fake_analysis, fake_transcript
from tests.ui_pilot import SIZE, fake_app, reviewing, text_of, wait_for


async def test_a_quoted_dropped_path_is_imported(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    practice = FakePractice(tmp_path)
    folder = tmp_path / "my takes"
    folder.mkdir()
    answer = folder / "answer.wav"
    answer.write_bytes(b"RIFF")
    app = fake_app(settings, store, practice_factory=lambda: practice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = f"'{answer}' "  # as a terminal drops it
        await pilot.press("enter")
        await wait_for(pilot, lambda: reviewing(app))
    assert practice.imported == [(answer, app.services.bank.questions[0].id)]


async def test_an_impossible_date_is_refused_in_the_form(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    app = fake_app(settings, store, practice_factory=lambda: FakePractice(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Why did you leave after eight months?")
        modal = app.screen
        modal.query_one("#company", Input).value = "Northwind"
        modal.query_one("#date", Input).value = "2026-02-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is modal  # still open, saying why
        assert store.list_interviews() == []


async def test_a_huge_question_leaves_the_timer_on_screen(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    huge = Question("huge", "Why " + "really " * 1700 + "?", "curveball")
    app = fake_app(
        settings,
        store,
        bank=QuestionBank(questions=[huge]),
        practice_factory=lambda: FakePractice(tmp_path),
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        timer = app.screen.query_one("#timer")
        state = app.screen.query_one("#state")
        for widget in (timer, state):
            region = widget.region
            assert region.height >= 1 and 0 <= region.y < SIZE[1] - 1, widget.id
        assert "1:30" in text_of(app, "#timer")


async def test_r_r_r_r_stores_no_empty_take_and_says_why(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    silence = np.zeros(16000 * 60, dtype=np.float32)
    transcriber = ScriptedTranscriber("")

    def real_practice() -> Practice:
        return Practice(
            settings, store, transcriber, lambda: ArrayRecorder(silence, 16000, realtime=True)
        )

    app = fake_app(settings, store, transcriber=transcriber, practice_factory=real_practice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        for _ in range(2):
            await pilot.press("r", "r")
            await wait_for(pilot, lambda: screen.active is None and not screen.stopping)
        problem = str(screen.query_one("#problem", Static).render())
        assert "not stored" in problem and "too short" in problem
        assert isinstance(app.screen, PracticeScreen)  # no review of an empty take
    for status in ("saved", "recording", "recovered"):
        assert store.takes_with_status(status) == []
    assert store.question_stats() == {}


@dataclass
class RecoveringPractice(FakePractice):
    """Recovery that, like the real one, stores a take for the first question."""

    store: Store | None = None
    go: threading.Event = field(default_factory=threading.Event)

    def recover_interrupted(self) -> Sequence[TakeOutcome]:
        assert self.store is not None
        assert self.go.wait(30)  # the question list is on screen before the take is back
        question = "gen-tell-me-about-yourself"
        path = self.folder / "lost.flac"
        take_id = self.store.create_take(
            question, path, device="mic", samplerate=16000, status="recording"
        )
        self.store.finish_take(take_id, duration=30.0, status="recovered")
        analysis = fake_analysis()
        self.store.save_transcript(take_id, fake_transcript())
        self.store.save_analysis(
            take_id,
            version=analysis.version,
            verdict=analysis.verdict,
            specificity=analysis.specificity,
            data=analysis.to_dict(),
        )
        return [
            TakeOutcome(take_id, question, path, 30.0, "recovered", fake_transcript(), analysis)
        ]


async def test_the_question_list_refreshes_after_a_recovery(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    practice = RecoveringPractice(tmp_path, store=store)
    app = fake_app(settings, store, practice_factory=lambda: practice)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        await pilot.pause()
        assert "gen-tell-me-about-yourself" not in app.screen._stats
        practice.go.set()
        await wait_for(pilot, lambda: any("Recovered" in n.message for n in app._notifications))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionsScreen)
        stats = screen._stats.get("gen-tell-me-about-yourself")
        assert stats is not None and stats.times_practised == 1
