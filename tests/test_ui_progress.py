"""Pilot tests of the progress screens (history, compare, stories, interviews, trends, export)
in the real app, over a real store on a tmp folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.widgets import DataTable, Input, RadioSet, Select, Sparkline, Static

from offguard.analysis import ANALYSIS_VERSION
from offguard.audio.player import NullPlayer
from offguard.config import Settings
from offguard.progress import build_queue, word_diff
from offguard.questions import Question, QuestionBank
from offguard.store import Store
from offguard.transcription.types import Transcript
from offguard.ui.app import OffguardApp
from offguard.ui.screens.compare import CompareScreen, delta_style, diff_texts
from offguard.ui.screens.export_report import ExportScreen
from offguard.ui.screens.history import HistoryScreen, StoryScreen
from offguard.ui.screens.interviews import InterviewFormScreen, InterviewsScreen
from offguard.ui.screens.questions import QuestionsScreen
from offguard.ui.screens.stories import StoriesScreen
from offguard.ui.screens.trends import TrendsScreen, colours
from tests.ui_fakes import FakePractice
from tests.ui_pilot import SIZE, fake_app, notifications, wait_for

BANK = QuestionBank(
    questions=[
        Question("beh-mistake", "Tell me about a mistake you made at work.", "behavioural"),
        Question("mot-why-here", "Why do you want to work here?", "motivation"),
        Question("curve-not-hire", "Why should we not hire you?", "curveball"),
    ]
)
ANSWERS = (
    ("I always try my best and I learn from every mistake I make.", "generic", 22.0, 175.0, 7.5),
    (
        "In May 2024 I shipped a pricing bug at Lumen; I rolled it back in 20 minutes "
        "and added a test.",
        "specific",
        68.0,
        150.0,
        3.0,
    ),
    (
        "In May 2024 I shipped a pricing bug at Lumen; I rolled it back in 12 minutes, "
        "refunded 40 customers and added a test.",
        "specific",
        81.0,
        140.0,
        1.0,
    ),
)


def render(renderable: Any) -> str:
    console = Console(width=200, color_system=None, record=True)
    console.print(renderable)
    return console.export_text()


def screen_text(app: OffguardApp, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    return render(widget.render())


@pytest.fixture()
def store(settings: Settings) -> Iterator[Store]:
    with Store.open(settings.db_path) as store:
        start = datetime(2026, 1, 5, 9, tzinfo=timezone.utc)
        for day, (text, verdict, score, wpm, fillers) in enumerate(ANSWERS):
            audio = settings.audio_dir / f"take-{day}.flac"
            audio.write_bytes(b"fLaC")
            take = store.create_take(
                "beh-mistake",
                audio,
                device="test",
                samplerate=16000,
                status="saved",
                started_at=start + timedelta(days=day * 2),
            )
            store.finish_take(take, duration=40.0 + 20 * day)
            store.save_transcript(take, Transcript(text, (), 40.0, "fake"))
            specifics = [] if verdict == "generic" else [{"text": "May 2024"}, {"text": "Lumen"}]
            if day == 2:
                specifics.append({"text": "40 customers"})
            store.save_analysis(
                take,
                version=ANALYSIS_VERSION,
                verdict=verdict,
                specificity=score,
                data={
                    "specifics": specifics,
                    "delivery": {"wpm": wpm, "fillers_per_min": fillers},
                },
            )
        yield store


@pytest.fixture()
def played() -> list[Path]:
    """The audio files the app's player factory was asked to play, in order."""
    return []


@pytest.fixture()
def app(settings: Settings, store: Store, tmp_path: Path, played: list[Path]) -> OffguardApp:
    Input.cursor_blink = False

    def player(path: Path) -> NullPlayer:
        played.append(path)
        return NullPlayer(duration=0.3)

    return fake_app(
        settings,
        store,
        player_factory=player,
        bank=BANK,
        practice_factory=lambda: FakePractice(tmp_path),
        load_on_start=False,
    )


# -- pure parts ---------------------------------------------------------------------------


def test_diff_texts_marks_added_and_dropped_words() -> None:
    text_a, text_b = diff_texts(word_diff("I fixed it in 20 minutes", "I fixed it in 12 minutes"))
    assert text_a.plain == "I fixed it in 20 minutes"
    assert text_b.plain == "I fixed it in 12 minutes"
    dropped = [text_a.plain[s.start : s.end] for s in text_a.spans if "strike" in str(s.style)]
    added = [text_b.plain[s.start : s.end] for s in text_b.spans if "green" in str(s.style)]
    assert dropped == ["20 "] and added == ["12 "]
    assert delta_style("specificity", 40, 70) == "green"
    assert delta_style("fillers_per_min", 2, 5) == "red"
    assert delta_style("wpm", 180, 150) == "green"  # back inside 130-160
    assert delta_style("wpm", 140, 150) == ""  # both on target


# -- screens ------------------------------------------------------------------------------


async def test_progress_keys_show_in_the_footer(app: OffguardApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        shown = {
            key: binding.description
            for key, (_, binding, enabled, _tip) in app.screen.active_bindings.items()
            if binding.show
        }
        for key in ("h", "l", "g", "b", "e"):
            assert key in shown, f"{key} missing from the footer: {shown}"


async def test_history_marks_two_takes_and_compares_them(
    app: OffguardApp, played: list[Path]
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")  # the first question is highlighted
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        table = history.query_one(DataTable)
        assert table.row_count == 3
        first_row = [render(c).strip() for c in table.get_row_at(0)]
        assert first_row[4] == "generic" and first_row[5] == "22" and first_row[7] == "175"
        await pilot.press("down", "space", "down", "space")
        assert history.marked == [history.takes[1].take_id, history.takes[2].take_id]
        await pilot.press("c")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        text_b = compare.text_b
        added = {text_b.plain[s.start : s.end].strip() for s in text_b.spans}
        assert "12" in " ".join(added) and "customers" in " ".join(added)
        assert "40 customers" in screen_text(app, "#specifics")
        deltas = compare.query_one(DataTable)
        spec_row = [render(c).strip() for c in deltas.get_row("specificity")]
        assert spec_row == ["Specificity", "68", "81", "+13"]
        wpm_row = [render(c).strip() for c in deltas.get_row("wpm")]
        assert wpm_row[3] == "-10"
        # A/B playback through the app's player factory, then back to back.
        await pilot.press("a")
        assert compare.playing == "a" and played[-1].name == "take-1.flac"
        await pilot.press("b")
        assert compare.playing == "b" and played[-1].name == "take-2.flac"
        await pilot.press("p")
        assert compare.playing == "a" and compare.queue == ["b"]
        await wait_for(pilot, lambda: compare.playing == "b")
        assert "playing B" in screen_text(app, "#play-status")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_compare_needs_two_takes(app: OffguardApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        # One marked take compares against the highlighted one.
        await pilot.press("space", "down", "down", "c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.take_a < app.screen.take_b


async def test_story_tag_then_story_bank_warns(app: OffguardApp, store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StoryScreen)
        await pilot.press(*"pricing bug 2024", "enter")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert store.take_summaries("beh-mistake")[0].story == "pricing bug 2024"
        assert "pricing bug 2024" in render(history.query_one(DataTable).get_row_at(0)[8])
        await pilot.press("escape", "b")
        await pilot.pause()
        stories = app.screen
        assert isinstance(stories, StoriesScreen)
        table = stories.query_one(DataTable)
        assert render(table.get_row_at(0)[0]).strip() == "pricing bug 2024"
        # A question practised without a story is named in a warning.
        audio = Path(store.data_dir) / "audio" / "other.flac"
        audio.write_bytes(b"fLaC")
        take = store.create_take("mot-why-here", audio, device="t", samplerate=16000)
        store.finish_take(take, duration=30.0)
        stories.reload()
        assert "Why do you want to work here?" in screen_text(app, "#story-warnings")


async def test_interview_log_adds_interview_and_questions_top_the_queue(
    app: OffguardApp, store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, InterviewsScreen)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, InterviewFormScreen)
        form.query_one("#company", Input).value = "Northwind <Labs>"
        form.query_one("#role", Input).value = "Data analyst"
        form.query_one("#stage", Input).value = "onsite"
        form.query_one("#outcome", Select).value = "rejection"
        form.query_one("#feedback", Input).value = "Too vague on impact"
        form.query_one("#reflection", Input).value = "Lead with the number"
        form.query_one("#bank-question", Select).value = "curve-not-hire"
        form.query_one("#went-wrong", Input).value = "froze"
        form.add_question()
        form.query_one("#new-question", Input).value = "What would your last manager criticise?"
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewsScreen)
        logged = store.list_interviews()
        assert len(logged) == 1
        interview = logged[0]
        assert (interview.company, interview.outcome, interview.stage) == (
            "Northwind <Labs>",
            "rejection",
            "onsite",
        )
        assert interview.date == date.today().isoformat()
        ids = [q.question_id for q in interview.questions]
        assert ids[0] == "curve-not-hire" and ids[1].startswith("user-what-would-your-last")
        assert interview.questions[0].what_went_wrong == "froze"
        assert screen.query_one(DataTable).row_count == 1
        assert "Northwind <Labs>" in render(screen.query_one(DataTable).get_row_at(0)[1])
        detail = screen_text(app, "#interview-detail")
        assert "Too vague on impact" in detail and "Why should we not hire you?" in detail
        questions = [*BANK.questions, *store.user_questions()]
        queue = build_queue(store, questions, today=date.today())
        assert {q.question.id for q in queue[:2]} == set(ids)


async def test_interview_form_requires_company(app: OffguardApp, store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewFormScreen)
        assert "company is required" in screen_text(app, "#form-error")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InterviewsScreen) and not store.list_interviews()


async def test_trends_overall_and_per_question(app: OffguardApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        trends = app.screen
        assert isinstance(trends, TrendsScreen) and trends.question_id is None
        wpm = screen_text(app, "#head-wpm")
        assert "Words per minute" in wpm and "target: 130-160 words a minute" in wpm
        assert "3 take(s), from 140 to 175" in wpm and "latest 140" in wpm
        assert trends.query_one("#spark-wpm", Sparkline).data == [175.0, 150.0, 140.0]
        spec = screen_text(app, "#head-specificity")
        assert "specific: 50 or more" in spec and "+59 since first" in spec
        # the better end green: more specificity, fewer fillers
        assert colours("specificity") == ("red", "green")
        assert colours("fillers_per_min") == ("green", "red")
        assert "3 take(s)" in screen_text(app, "#trend-summary")
        trends.query_one(Select).value = "beh-mistake"
        await pilot.pause()
        assert trends.question_id == "beh-mistake"
        assert "Tell me about a mistake" in screen_text(app, "#trend-summary")


async def test_export_from_the_tui_writes_the_report(app: OffguardApp, tmp_path: Path) -> None:
    out = tmp_path / "exports" / "mine.html"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ExportScreen)
        default = modal.query_one("#path", Input).value
        assert default.endswith(".html") and "exports" in default
        modal.query_one("#path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await wait_for(pilot, out.exists)
        page = out.read_text(encoding="utf-8")
        assert "Tell me about a mistake you made at work." in page and "<svg" in page
        await wait_for(pilot, lambda: any(str(out) in n.message for n in notifications(app)))
        # Markdown: the radio switches the suffix.
        await pilot.press("e")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ExportScreen)
        modal.query_one(RadioSet).query("RadioButton").last().value = True
        await pilot.pause()
        path = modal.query_one("#path", Input).value
        assert path.endswith(".md")
        modal.query_one("#path", Input).value = str(out.with_suffix(".md"))
        await pilot.press("ctrl+s")
        await wait_for(pilot, out.with_suffix(".md").exists)
        assert out.with_suffix(".md").read_text(encoding="utf-8").startswith("# offguard")
