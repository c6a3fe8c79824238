"""Pilot tests of the polish: the footer, the ``?`` keys screen, today's queue view, sized
columns, deleting takes with undo, recovery progress and error reporting (real store)."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input

from offguard.cli.tui import setup_logging
from offguard.config import Settings
from offguard.questions import Question, QuestionBank
from offguard.store import Store
from offguard.transcription.types import Transcript
from offguard.ui.app import OffguardApp
from offguard.ui.feedback import ReviewData
from offguard.ui.messages import ImportFailed
from offguard.ui.screens.history import HistoryScreen
from offguard.ui.screens.keys_help import KeysScreen
from offguard.ui.screens.practice import PracticeScreen
from offguard.ui.screens.question_table import bank_columns, today_columns
from offguard.ui.screens.questions import QuestionsScreen
from offguard.ui.screens.review import ReviewScreen
from offguard.ui.widgets.key_footer import KeyFooter
from tests.ui_fakes import FakePractice, fake_analysis, fake_transcript
from tests.ui_pilot import SIZE, fake_app, notifications, wait_for

SMALL = (80, 24)
LONG = (
    "Tell me about a time you had to deliver difficult news to a senior stakeholder "
    "who disagreed with your analysis."
)
BANK = QuestionBank(
    questions=[
        Question("beh-mistake", "Tell me about a mistake you made at work.", "behavioural"),
        Question("mot-why-here", "Why do you want to work here?", "motivation"),
        Question("curve-not-hire", "Why should we not hire you?", "curveball"),
        Question("beh-news", LONG, "behavioural"),
    ]
)


def notes(app: OffguardApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in notifications(app)]


@pytest.fixture()
def log_path(settings: Settings) -> Iterator[Path]:
    """The TUI's log file set up as the CLI does; the global logger is put back afterwards."""
    logger = logging.getLogger("offguard")
    before = (list(logger.handlers), logger.propagate, logger.level)
    path = setup_logging(settings.data_dir)
    yield path
    for handler in logger.handlers:
        if handler not in before[0]:
            handler.close()
    logger.handlers[:] = before[0]
    logger.propagate, logger.level = before[1], before[2]


def flush_logs() -> None:
    for handler in logging.getLogger("offguard").handlers:
        handler.flush()


def add_take(store: Store, settings: Settings, question_id: str, day: int, score: float) -> int:
    audio = settings.audio_dir / f"{question_id}-{day}.flac"
    audio.write_bytes(b"fLaC-take")
    take = store.create_take(
        question_id,
        audio,
        device="test",
        samplerate=16000,
        status="saved",
        started_at=datetime(2026, 11, 1, 9, tzinfo=timezone.utc) + timedelta(days=day),
    )
    store.finish_take(take, duration=30.0)
    store.save_transcript(take, Transcript("I always do my best.", (), 30.0, "fake"))
    verdict = "specific" if score >= 50 else "generic"
    store.save_analysis(take, version=1, verdict=verdict, specificity=score, data={})
    return take


@pytest.fixture()
def store(settings: Settings) -> Iterator[Store]:
    with Store.open(settings.db_path) as store:
        store.sync_questions(BANK.questions)
        yield store


def build(settings: Settings, store: Store, tmp_path: Path, **extra: Any) -> OffguardApp:
    Input.cursor_blink = False
    options: dict[str, Any] = {
        "bank": BANK,
        "practice_factory": lambda: FakePractice(tmp_path),
        "load_on_start": False,
    }
    options.update(extra)
    return fake_app(settings, store, **options)


def footer_keys(app: OffguardApp) -> tuple[list[str], list[str]]:
    left, right = app.screen.query_one(KeyFooter).shown_keys()
    return [desc for _, _, desc in left], [desc for _, _, desc in right]


# -- footer and keys screen --------------------------------------------------------------


async def test_footer_fits_and_always_shows_keys_and_quit(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    from offguard.ui.screens.compare import CompareScreen
    from offguard.ui.screens.devices import DevicesScreen
    from offguard.ui.screens.interviews import InterviewsScreen
    from offguard.ui.screens.stories import StoriesScreen
    from offguard.ui.screens.trends import TrendsScreen

    take = add_take(store, settings, "beh-mistake", 0, 30.0)
    other = add_take(store, settings, "beh-mistake", 1, 70.0)
    app = build(settings, store, tmp_path, device_lister=lambda: [])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        left, right = footer_keys(app)
        assert right == ["Keys", "Quit"]
        for wanted in ("Practise", "Today", "Add", "History", "Export", "Stories", "Trends"):
            assert wanted in left, f"{wanted} not in the footer at 120 columns: {left}"
        # every shown key of every main screen fits at 120 columns: nothing is dropped
        question = BANK.questions[0]
        review = ReviewData(question, fake_transcript(), fake_analysis(), None, 20.0, take)
        services = app.services
        for screen in (
            PracticeScreen(services, question),
            ReviewScreen(services, review),
            HistoryScreen(services, question.id),
            CompareScreen(services, take, other),
            TrendsScreen(services),
            StoriesScreen(services),
            InterviewsScreen(services),
            DevicesScreen(services),
        ):
            await app.push_screen(screen)
            await pilot.pause()
            shown = {
                a.binding.description
                for a in app.screen.active_bindings.values()
                if a.binding.show and a.binding.action not in ("show_keys", "quit")
            }
            left, right = footer_keys(app)
            assert shown <= set(left), f"{type(screen).__name__}: {shown - set(left)} dropped"
            assert right == ["Keys", "Quit"]
            await app.pop_screen()


async def test_small_terminal_keeps_quit_and_drops_whole_keys(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        left, right = footer_keys(app)
        assert right == ["Keys", "Quit"] and left[0] == "Practise"
        widths = sum(len(d) + 3 for d in left) + sum(len(d) + 3 for d in right)
        assert widths <= 80
        table = app.screen.query_one(DataTable)
        keys = [c.key.value for c in table.ordered_columns]
        assert keys == ["text", "times", "last", "off"]  # the category goes when narrow
        assert table.ordered_columns[0].width >= 44


def test_question_column_takes_the_remaining_width() -> None:
    wide = bank_columns(118)
    assert wide[0].key == "text" and wide[0].width > 70
    assert [c.key for c in wide] == ["text", "category", "times", "last", "off"]
    used = sum(c.width + 2 for c in wide) + 2  # cell padding, the scrollbar
    assert used == 118
    assert [c.key for c in today_columns(78)] == ["text", "reason"]
    assert today_columns(118, 42)[1].width == 42 and today_columns(118, 4)[1].width == 9
    assert [c.key for c in today_columns(118)] == ["text", "reason", "last"]


async def test_question_keys_screen_lists_every_key(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        rows = {row.keys: row.description for row in app.screen.rows}
        assert rows["/"] == "Search the questions"  # hidden from the footer, listed here
        assert "today" in rows["t"].lower()
        assert rows["^q"] == "Quit"
        assert "⏎" in rows and "esc" in rows and "^p" in rows
        sections = [row.section for row in app.screen.rows]
        assert sections.index("Everywhere") > sections.index("On this screen")
        await pilot.press("escape")
        assert isinstance(app.screen, QuestionsScreen)
        await pilot.press("enter", "f1")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        keys = {row.keys for row in app.screen.rows}
        assert {"r", "t", "i", "esc"} <= keys
        await pilot.press("escape")
        assert isinstance(app.screen, PracticeScreen)


# -- today's queue -----------------------------------------------------------------------


async def test_today_view_puts_off_guard_first_with_reasons(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    interview = store.add_interview(company="ACME", date="2026-11-02")
    store.link_interview_question(interview, "curve-not-hire", "froze")
    add_take(store, settings, "mot-why-here", 0, 34.0)
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionsScreen)
        assert screen.shown[0].id == "beh-mistake"  # the bank, in its order
        await pilot.press("t")
        await pilot.pause()
        assert screen.today_view
        ids = [q.id for q in screen.shown]
        assert ids[:2] == ["curve-not-hire", "mot-why-here"]
        table = screen.query_one(DataTable)
        assert table.cursor_row == 0
        reason = str(table.get_cell("curve-not-hire", "reason"))
        assert reason == "caught you off guard at ACME on 2026-11-02"
        assert str(table.get_cell("mot-why-here", "reason")) == "last attempt generic (34)"
        assert str(table.get_cell("beh-mistake", "reason")) == "new"
        await pilot.press("enter")
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.question.id == "curve-not-hire"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.today_view
        await pilot.press("t")
        await pilot.pause()
        assert not screen.today_view and screen.shown[0].id == "beh-mistake"
        assert table.cursor_row == 0


async def test_today_view_shows_due_again(settings: Settings, store: Store, tmp_path: Path) -> None:
    from offguard.progress import record_result

    add_take(store, settings, "beh-mistake", 0, 80.0)
    record_result(store, "beh-mistake", 80.0, date.today() - timedelta(days=30))
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert str(table.get_cell("beh-mistake", "reason")).startswith("due again (box 2")


# -- delete with undo --------------------------------------------------------------------


async def test_history_delete_moves_audio_to_trash_and_u_restores(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    first = add_take(store, settings, "beh-mistake", 0, 30.0)
    second = add_take(store, settings, "beh-mistake", 1, 60.0)
    audio = store.get_take(second)
    assert audio is not None
    original = audio.audio_path
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        await pilot.press("down", "x")
        await pilot.pause()
        record = store.get_take(second)
        assert record is not None and record.deleted
        assert not original.exists()
        assert record.audio_path.exists()
        assert settings.data_dir / "trash" in record.audio_path.parents
        assert [t.take_id for t in history.takes] == [first]
        assert any("moved to trash — press u to undo" in n for n in notes(app))
        assert "Undo delete" in footer_keys(app)[0]
        await pilot.press("u")
        await pilot.pause()
        record = store.get_take(second)
        assert record is not None and not record.deleted
        assert original.exists() and record.audio_path == original
        assert [t.take_id for t in history.takes] == [first, second]
        assert history.current() is not None and history.current().take_id == second  # type: ignore[union-attr]
        assert "Undo delete" not in footer_keys(app)[0]
        await pilot.press("delete")
        await pilot.pause()
        assert store.get_take(second).deleted  # type: ignore[union-attr]


async def test_history_enter_opens_the_review_of_a_stored_take(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    take = add_take(store, settings, "beh-mistake", 0, 30.0)
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        history = app.screen
        assert "Review" in footer_keys(app)[0]
        await pilot.press("enter")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.data.take_id == take
        assert "Verdict: generic" in str(review.query_one("#verdict").render())
        await pilot.press("escape")
        assert app.screen is history


async def test_review_is_one_scrolling_column_on_a_small_terminal(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    take = add_take(store, settings, "beh-mistake", 0, 30.0)
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        data = ReviewData.from_store(store, take, BANK.questions[0])
        assert data is not None
        await app.push_screen(ReviewScreen(app.services, data))
        await pilot.pause()
        review = app.screen
        assert review.has_class("-narrow")
        body = review.query_one("#review-body")
        assert review.query_one("#right").region.y > review.query_one("#transcript-box").region.y
        assert body.has_focus
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not review.has_class("-narrow")


async def test_review_delete_and_undo(settings: Settings, store: Store, tmp_path: Path) -> None:
    take = add_take(store, settings, "beh-mistake", 0, 30.0)
    path = store.get_take(take).audio_path  # type: ignore[union-attr]
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        data = ReviewData.from_store(store, take, BANK.questions[0])
        assert data is not None
        await app.push_screen(ReviewScreen(app.services, data))
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.deleted
        assert not path.exists() and store.get_take(take).deleted  # type: ignore[union-attr]
        assert "in the trash" in str(review.query_one("#player").render())
        await pilot.press("u")
        await pilot.pause()
        assert path.exists() and not store.get_take(take).deleted  # type: ignore[union-attr]
        assert not review.deleted and review.player is not None


# -- long tasks and errors ---------------------------------------------------------------


async def test_interrupted_take_shows_recovering_then_recovered(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    import numpy as np
    import soundfile as sf

    audio = settings.audio_dir / "crashed.flac"
    tone = 0.2 * np.sin(np.linspace(0, 2 * np.pi * 220 * 2, 32000)).astype("float32")
    sf.write(audio, tone, 16000)
    store.create_take("beh-mistake", audio, device="test", samplerate=16000)
    app = build(settings, store, tmp_path, practice_factory=None, load_on_start=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: any(n.startswith("Recovered") for n in notes(app)))
        assert any("Recovering 1 interrupted take" in n for n in notes(app))
        assert app.sub_title == "model fake ready"
        takes = store.list_takes("beh-mistake")
        assert takes[0].status == "recovered"
        assert store.latest_transcript(takes[0].id) is not None


async def test_unexpected_errors_are_a_notification_with_the_log(
    settings: Settings, store: Store, tmp_path: Path, log_path: Path
) -> None:
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        try:
            raise ValueError("bad frame")
        except ValueError as exc:
            app.post_message(ImportFailed.from_error(exc))
        await pilot.pause()
        shown = notes(app)
        assert any("Unexpected problem: ValueError: bad frame" in n for n in shown)
        assert any(f"Details in {log_path}" in n for n in shown)
    flush_logs()
    logged = log_path.read_text(encoding="utf-8")
    assert (
        "Import failed: unexpected error" in logged
        and "Traceback" in logged
        and "bad frame" in logged
    )


async def test_export_shows_progress_then_the_path(
    settings: Settings, store: Store, tmp_path: Path
) -> None:
    from offguard.ui.screens.export_report import ExportRequest
    from offguard.ui.screens.modals import BusyScreen

    add_take(store, settings, "beh-mistake", 0, 30.0)
    app = build(settings, store, tmp_path)
    out = tmp_path / "report.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.start_export(ExportRequest("md", out))
        assert isinstance(app.screen, BusyScreen)
        await wait_for(pilot, lambda: any(n.startswith("Exported") for n in notes(app)))
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        assert out.is_file() and "Tell me about a mistake" in out.read_text(encoding="utf-8")


async def test_a_bug_in_a_handler_ends_with_one_line_and_the_log(
    settings: Settings,
    store: Store,
    tmp_path: Path,
    log_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The real path: a key whose handler raises ends the app with return code 1 and one
    line on stderr naming the log (the traceback goes to the log, not the terminal)."""

    def broken(self: QuestionsScreen) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(QuestionsScreen, "action_toggle_today", broken)
    # as in a terminal (headless, the app keeps Textual's behaviour so a test fails loudly)
    monkeypatch.setattr(OffguardApp, "is_headless", property(lambda self: False))
    app = build(settings, store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.simulate_key("t")  # not pilot.press: that waits for a screen that is gone
        await wait_for(pilot, lambda: app.return_code is not None)
    assert app.return_code == 1
    shown = capsys.readouterr().err
    assert "offguard stopped on an unexpected error: RuntimeError: simulated bug" in shown
    assert str(log_path) in shown and "Traceback" not in shown
    flush_logs()
    logged = log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "simulated bug" in logged
