"""Pilot tests of the practice room through the one factory (fake take service, real store)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from textual.content import Content
from textual.widgets import DataTable, Input, OptionList, Static

from offguard.config import Settings
from offguard.store import Store
from offguard.ui.app import OffguardApp
from offguard.ui.screens.devices import DevicesScreen
from offguard.ui.screens.modals import ConfirmScreen
from offguard.ui.screens.practice import PracticeScreen
from offguard.ui.screens.questions import QuestionsScreen
from offguard.ui.screens.review import ReviewScreen
from tests.ui_fakes import FakeDevice, FakePractice
from tests.ui_pilot import SIZE, fake_app, notifications, reviewing, text_of, wait_for


def build(settings: Settings, store: Store, practice: FakePractice, **extra: Any) -> OffguardApp:
    return fake_app(settings, store, practice_factory=lambda: practice, **extra)


async def test_start_screen_lists_questions_with_first_row_highlighted(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    app = build(settings, store, FakePractice(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.model_ready)
        screen = app.screen
        assert isinstance(screen, QuestionsScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == len(app.services.bank.questions) > 10
        assert table.cursor_row == 0
        assert table.has_focus
        assert screen.current() == screen.shown[0]
        assert app.sub_title == "model fake ready"


async def test_search_filters_and_escape_clears(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    app = build(settings, store, FakePractice(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, QuestionsScreen)
        total = screen.query_one(DataTable).row_count
        await pilot.press("slash")
        assert screen.query_one("#search", Input).has_focus
        await pilot.press(*"weakness")
        rows = screen.query_one(DataTable).row_count
        assert 0 < rows < total
        assert screen.shown == app.services.bank.filter(search="weakness")
        await pilot.press("enter")
        assert screen.query_one(DataTable).has_focus
        await pilot.press("escape")
        assert screen.query_one(DataTable).row_count == total


async def test_add_question_appears_and_is_stored(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    app = build(settings, store, FakePractice(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Why did you leave after eight months?")
        modal = app.screen
        modal.query_one("#company", Input).value = "Northwind"
        modal.query_one("#date", Input).value = "2025-11-03"
        modal.query_one("#wrong", Input).value = "I rambled about the reorg"
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionsScreen)
        current = screen.current()
        assert current is not None
        assert current.text == "Why did you leave after eight months?"
        stored = {q.id: q for q in store.user_questions()}
        assert current.id in stored
        assert current.id in store.off_guard_ids()
        interviews = store.list_interviews()
        assert [i.company for i in interviews] == ["Northwind"]


async def test_live_transcript_shows_provisional_words_dimmed(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    practice = FakePractice(tmp_path)
    app = build(settings, store, practice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "r")
        assert isinstance(app.screen, PracticeScreen) and app.screen.recording
        take = practice.takes[0]
        take.speak("At Northwind I cut", provisional="the report from")  # from another thread
        await wait_for(pilot, lambda: "the report from" in text_of(app, "#live"))
        live = app.screen.query_one("#live", Static).render()
        assert isinstance(live, Content)
        assert live.plain == "At Northwind I cut the report from"
        dim = [live.plain[s.start : s.end] for s in live.spans if "dim" in str(s.style)]
        assert dim == ["the report from"]  # only the provisional words are dimmed
        take.speak("At Northwind I cut the report from", provisional="four days")
        await wait_for(pilot, lambda: "four days" in text_of(app, "#live"))
        live = app.screen.query_one("#live", Static).render()
        assert isinstance(live, Content)
        dim = [live.plain[s.start : s.end] for s in live.spans if "dim" in str(s.style)]
        assert dim == ["four days"]  # once committed, the words are shown in full
        await pilot.press("r")
        await wait_for(pilot, lambda: reviewing(app))


async def test_record_stop_shows_review_with_verdict(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    practice = FakePractice(tmp_path)
    app = build(settings, store, practice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, PracticeScreen)
        await pilot.press("r")
        assert app.screen.recording
        practice.takes[0].speak("[BLANK_AUDIO] At Northwind I cut the report")
        await wait_for(pilot, lambda: "[BLANK_AUDIO] At Northwind" in text_of(app, "#live"))
        await pilot.press("r")
        await wait_for(pilot, lambda: reviewing(app))
        assert text_of(app, "#verdict") == "Verdict: specific  (72/100)"
        assert practice.takes[0].stopped
        flags = app.screen.query_one("#flags", OptionList)
        assert flags.option_count == 2
        # selecting a flag jumps playback to its word: "team player" is word 4 at 0.5 + 3 * 0.4
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        flags.focus()
        flags.highlighted = 0
        pressed = time.monotonic()
        await pilot.press("enter")
        assert screen.player is not None
        position = screen.player.position  # playing since the seek: bound it by the time taken
        assert 1.7 - 0.3 - 0.05 <= position <= 1.7 - 0.3 + (time.monotonic() - pressed) + 0.05
        # "Record again": back in the practice room, and already recording the next attempt
        await pilot.press("r")
        practice_screen = app.screen
        assert isinstance(practice_screen, PracticeScreen) and practice_screen.recording
        assert len(practice.takes) == 2 and not practice.takes[1].stopped
        stack = [type(s).__name__ for s in app.screen_stack[1:]]
        assert stack == ["QuestionsScreen", "PracticeScreen"]  # no second practice room
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        assert practice.takes[1].discarded


async def test_escape_while_recording_asks_then_discards(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    practice = FakePractice(tmp_path)
    app = build(settings, store, practice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "r")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.recording
        await pilot.press("escape")
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        take = practice.takes[0]
        assert take.discarded
        assert not take.path.exists()


async def test_no_microphone_shows_the_fix_and_app_stays_usable(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    app = build(settings, store, FakePractice(tmp_path, no_mic=True))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "r")
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        assert not screen.recording
        problem = text_of(app, "#problem")
        assert "No microphone found" in problem
        assert "Fix:" in problem
        assert "press i" in problem
        await pilot.press("escape")
        assert isinstance(app.screen, QuestionsScreen)


async def test_devices_lists_inputs_and_persists_choice(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    devices = [FakeDevice(0, "Built-in Microphone", is_default=True), FakeDevice(3, "USB Headset")]
    app = build(settings, store, FakePractice(tmp_path), device_lister=lambda: devices)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, DevicesScreen)
        options = app.screen.query_one("#device-list", OptionList)
        assert options.option_count == 3
        await pilot.press("down", "down", "enter")
        assert app.settings.device == "USB Headset"
        saved = json.loads((settings.data_dir / "settings.json").read_text())
        assert saved["device"] == "USB Headset"
        await pilot.press("t")
        await wait_for(pilot, lambda: "works" in text_of(app, "#test-state"))
        await pilot.press("escape")
        assert isinstance(app.screen, QuestionsScreen)


async def test_devices_screen_without_microphones(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    app = build(settings, store, FakePractice(tmp_path), device_lister=list)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        assert "No microphone found" in text_of(app, "#device-problem")


async def test_import_picks_a_file_and_shows_review(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    practice = FakePractice(tmp_path)
    answer = tmp_path / "answer.wav"
    answer.write_bytes(b"RIFF")
    app = build(settings, store, practice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(answer)
        await pilot.press("enter")
        await wait_for(pilot, lambda: reviewing(app))
        assert practice.imported == [(answer, app.services.bank.questions[0].id)]
        assert text_of(app, "#verdict").startswith("Verdict: specific")


async def test_theme_and_target_length_persist(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    app = build(settings, store, FakePractice(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
        await pilot.press("enter", "plus", "plus")
        saved = json.loads((settings.data_dir / "settings.json").read_text())
        assert saved["theme"] == "nord"
        assert saved["target_seconds"] == settings.target_seconds + 30
        assert "2:00" in text_of(app, "#timer")


async def test_recovered_takes_are_announced(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    practice = FakePractice(tmp_path)
    practice.recovered = [practice.import_audio(tmp_path / "lost.flac", "q")]
    app = build(settings, store, practice)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(notifications(app)))
        assert any("Recovered 1 take" in n.message for n in notifications(app))


async def test_quit_while_recording_asks_first(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    practice = FakePractice(tmp_path)
    app = build(settings, store, practice)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "r", "ctrl+q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, PracticeScreen) and app.screen.recording
        await pilot.press("ctrl+q", "y")
        await wait_for(pilot, lambda: app.return_code is not None)
        assert practice.takes[0].discarded


async def test_o_marks_a_question_off_guard(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    app = build(settings, store, FakePractice(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "o")
        screen = app.screen
        assert isinstance(screen, QuestionsScreen)
        question = screen.current()
        assert question is not None and question == screen.shown[1]
        assert question.id in store.off_guard_ids()
        assert str(screen.query_one(DataTable).get_cell(question.id, "off")) == "★"
        await pilot.press("o")
        assert question.id not in store.off_guard_ids()


async def test_bank_problems_are_a_notification_not_a_crash(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    (settings.banks_dir / "mine.toml").write_text("[[question]]\nid = 'x'\ntext = \n")
    app = build(settings, store, FakePractice(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        notes = [n for n in notifications(app) if n.title == "Question bank problems"]
        assert notes and "mine.toml" in notes[0].message


async def test_category_and_role_filters(settings: Settings, store: Store, tmp_path: Path) -> None:
    from textual.widgets import Select

    app = build(settings, store, FakePractice(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, QuestionsScreen)
        screen.query_one("#category", Select).value = "curveball"
        await pilot.pause()
        assert screen.shown and all(q.category == "curveball" for q in screen.shown)
        role = next(r for r in app.services.bank.roles() if r != "any")
        screen.query_one("#role", Select).value = role
        await pilot.pause()
        assert screen.shown == app.services.bank.filter(category="curveball", role=role)
