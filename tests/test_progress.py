"""Progress core on a real SQLite file: compare, history, queue + Leitner, trends, stories."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from offguard.analysis import ANALYSIS_VERSION
from offguard.errors import OffguardError
from offguard.progress import (
    build_queue,
    compare,
    history,
    record_result,
    stories,
    trend,
    word_diff,
)
from offguard.progress.compare import distinct
from offguard.questions import Question
from offguard.store import Store
from offguard.targets import TARGETS as BANDS
from offguard.transcription.types import Transcript


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "data" / "offguard.sqlite3")
    yield opened
    opened.close()


def add_take(
    store: Store,
    question_id: str,
    *,
    day: int = 1,
    text: str = "",
    score: float | None = None,
    duration: float = 90.0,
    wpm: float | None = 140.0,
    fpm: float | None = 3.0,
    specifics: list[str] | None = None,
    story: str | None = None,
) -> int:
    started = datetime(2026, 1, day, 10, 0, tzinfo=timezone.utc)
    path = store.data_dir / "audio" / f"{question_id}-{day}.flac"
    take = store.create_take(question_id, path, device="mic", samplerate=16000, started_at=started)
    store.finish_take(take, duration=duration)
    if text:
        store.save_transcript(take, Transcript(text, (), duration, "tiny.en"))
    if score is not None:
        data: dict[str, Any] = {
            "delivery": {"wpm": wpm, "fillers_per_min": fpm, "fillers_per_100_words": 2.0},
            "specifics": [
                {"start": 0, "end": len(s), "text": s, "kind": "detail", "reason": "x"}
                for s in specifics or []
            ],
        }
        verdict = "specific" if score >= 50 else "generic"
        store.save_analysis(
            take, version=ANALYSIS_VERSION, verdict=verdict, specificity=score, data=data
        )
    if story:
        store.set_story(take, story)
    return take


def q(qid: str, category: str = "behavioural") -> Question:
    return Question(id=qid, text=f"Question {qid}?", category=category)


# -- compare ---------------------------------------------------------------------------------


def test_word_diff_ops_on_known_texts() -> None:
    ops = word_diff(
        "I always work hard, and I really care.",
        "In March I worked hard, and I cut returns by 12%.",
    )
    assert [op.to_dict() for op in ops] == [
        {"op": "insert", "a": [], "b": ["In", "March"]},
        {"op": "equal", "a": ["I"], "b": ["I"]},
        {"op": "replace", "a": ["always", "work"], "b": ["worked"]},
        {"op": "equal", "a": ["hard,", "and", "I"], "b": ["hard,", "and", "I"]},
        {"op": "replace", "a": ["really", "care."], "b": ["cut", "returns", "by", "12%."]},
    ]


def test_word_diff_ignores_case_and_punctuation_and_handles_empty() -> None:
    assert [op.op for op in word_diff("Hello, World!", "hello world")] == ["equal"]
    assert [op.to_dict() for op in word_diff("", "new words")] == [
        {"op": "insert", "a": [], "b": ["new", "words"]}
    ]
    assert [op.to_dict() for op in word_diff("old words -", None)] == [
        {"op": "delete", "a": ["old", "words"], "b": []}
    ]


def test_compare_gives_deltas_and_specifics_gained_and_lost(store: Store) -> None:
    a = add_take(
        store,
        "q1",
        day=1,
        text="I led the team.",
        score=30,
        duration=40,
        wpm=170,
        fpm=8,
        specifics=["the team"],
    )
    b = add_take(
        store,
        "q1",
        day=2,
        text="In March I led the ward 7 team.",
        score=72.5,
        duration=85,
        wpm=150,
        fpm=2,
        specifics=["In March", "ward 7", "The  team"],
    )
    result = compare(store, a, b)
    data = result.to_dict()
    assert data["a"]["id"] == a and data["b"]["id"] == b
    assert data["delta"] == {
        "specificity": 42.5,
        "fillers_per_min": -6.0,
        "fillers_per_100_words": 0.0,
        "wpm": -20.0,
        "duration": 45.0,
    }
    assert data["specifics_gained"] == ["In March", "ward 7"]
    assert data["specifics_lost"] == []
    assert {"op": "insert", "a": [], "b": ["In", "March"]} in data["diff"]
    assert data["words_added"] == 4 and data["words_dropped"] == 0
    reverse = compare(store, b, a)
    assert reverse.specifics_lost == ["In March", "ward 7"]
    assert reverse.delta["specificity"] == -42.5


def test_compare_lists_each_detail_gained_once(store: Store) -> None:
    a = add_take(store, "q1", day=1, text="I fixed it.", score=30, specifics=["March"])
    b = add_take(
        store,
        "q1",
        day=2,
        text="Last March at Leeds Ranch I fixed the Leeds Ranch, rota.",
        score=70,
        specifics=["Last March", "March", "Leeds Ranch", "the Leeds Ranch,", "rota"],
    )
    # "Last March" names the March that A already had; the ranch once, in its longer form
    assert compare(store, a, b).specifics_gained == ["the Leeds Ranch,", "rota"]
    assert compare(store, b, a).specifics_lost == ["the Leeds Ranch,", "rota"]
    assert distinct(["Leeds Ranch", "Leeds Ranch", "leeds ranch."]) == ["Leeds Ranch"]


def test_compare_without_analysis_and_unknown_takes(store: Store) -> None:
    a = add_take(store, "q1", day=1, text="one two")
    b = add_take(store, "q1", day=2)
    result = compare(store, a, b)
    assert result.delta["specificity"] is None
    assert result.delta["duration"] == 0.0
    assert [op.op for op in result.diff] == ["delete"]
    with pytest.raises(OffguardError, match="No take 999"):
        compare(store, a, 999)


def test_history_lists_the_takes_of_one_question_oldest_first(store: Store) -> None:
    second = add_take(store, "q1", day=5, text="later", score=60)
    first = add_take(store, "q1", day=2, text="earlier", score=40)
    add_take(store, "q2", day=3, text="other", score=90)
    rows = history(store, "q1")
    assert [r.take_id for r in rows] == [first, second]
    assert (rows[0].verdict, rows[0].specificity, rows[0].wpm) == ("generic", 40.0, 140.0)
    assert rows[1].started_at.startswith("2026-01-05")


# -- queue -----------------------------------------------------------------------------------


def test_queue_order_off_guard_then_weak_then_due_then_new(store: Store) -> None:
    bank = [q("new1"), q("due-box2"), q("weak"), q("off"), q("due-box1"), q("new2"), q("rest")]
    store.sync_questions(bank)
    today = date(2026, 2, 1)
    store.set_off_guard("off", True)
    add_take(store, "weak", day=3, text="I always", score=20)
    add_take(store, "due-box1", day=4, score=80)
    add_take(store, "due-box2", day=5, score=85)
    add_take(store, "rest", day=6, score=90)
    record_result(store, "due-box1", 30, date(2026, 1, 20))  # box 1, due 21 Jan
    record_result(store, "due-box2", 80, date(2026, 1, 20))  # box 2, due 22 Jan
    record_result(store, "rest", 90, today)  # box 2, due 3 Feb: not today
    queue = build_queue(store, bank, today=today)
    assert [(item.question.id, item.kind) for item in queue] == [
        ("off", "off-guard"),
        ("weak", "weak"),
        ("due-box1", "due"),
        ("due-box2", "due"),
        ("new1", "new"),
        ("new2", "new"),
    ]
    assert "off guard" in queue[0].reason and "scored 20" in queue[1].reason
    assert [i.question.id for i in build_queue(store, bank, today=today, limit=2)] == [
        "off",
        "weak",
    ]
    assert queue[2].to_dict()["box"] == 1


def test_leitner_boxes_move_up_on_specific_and_back_to_one_on_generic(store: Store) -> None:
    days = [date(2026, 3, d) for d in (1, 3, 7, 15, 28, 29)]
    moves = [record_result(store, "q", 75, day) for day in days]
    assert [m.box for m in moves] == [2, 3, 4, 5, 5, 5]
    assert [m.due for m in moves[:4]] == ["2026-03-03", "2026-03-07", "2026-03-15", "2026-03-31"]
    generic = record_result(store, "q", 49.9, date(2026, 4, 1))
    assert (generic.box, generic.due, generic.last_practised) == (1, "2026-04-02", "2026-04-01")
    assert store.leitner_states()["q"] == generic


def test_leitner_moves_up_at_most_once_a_day(store: Store) -> None:
    today = date(2026, 3, 1)
    assert record_result(store, "q", 80, today).box == 2
    assert record_result(store, "q", 90, today).box == 2  # a retake or re-analysis
    assert record_result(store, "q", 10, today).box == 1
    assert record_result(store, "q", 70, today).box == 2  # recovered the same day
    assert record_result(store, "q", 70, date(2026, 3, 3)).box == 3


def test_queue_rests_a_question_until_due(store: Store) -> None:
    bank = [q("a")]
    today = date(2026, 3, 1)
    add_take(store, "a", day=1, score=80)
    record_result(store, "a", 80, today)
    assert build_queue(store, bank, today=today) == []
    assert [i.kind for i in build_queue(store, bank, today=date(2026, 3, 3))] == ["due"]


# -- trends ----------------------------------------------------------------------------------


def test_trend_series_and_bands(store: Store) -> None:
    add_take(store, "q1", day=1, score=30, duration=150, wpm=175, fpm=9)
    add_take(store, "q1", day=2, score=55, duration=100, wpm=150, fpm=4)
    add_take(store, "q2", day=3, score=70, duration=50, wpm=None, fpm=None)
    one = trend(store, "q1")
    assert one.series("specificity") == [30.0, 55.0]
    assert one.series("wpm") == [175.0, 150.0]
    summary = one.summary("specificity")
    assert summary["change"] == 25.0 and summary["on_target"] == 0.5
    assert summary["latest_on_target"] is True
    assert one.summary("wpm")["on_target"] == 0.5
    everything = trend(store)
    assert everything.series("wpm") == [175.0, 150.0, None]
    assert everything.values("wpm") == [175.0, 150.0]
    assert everything.summary("duration")["on_target"] == pytest.approx(1 / 3, abs=0.001)
    assert everything.daily("specificity")[0] == ("2026-01-01", 30.0)
    data = everything.to_dict()
    assert data["bands"]["wpm"] == {
        "metric": "wpm",
        "low": 130.0,
        "high": 160.0,
        "label": "130-160 words a minute",
        "better": "band",
    }
    assert len(data["series"]["started_at"]) == 3


def test_band_edges() -> None:
    assert BANDS["wpm"].contains(130) and BANDS["wpm"].contains(160)
    assert BANDS["wpm"].contains(129.9) is False
    assert BANDS["specificity"].contains(50) and not BANDS["specificity"].contains(49)
    assert BANDS["fillers_per_100_words"].contains(5.1) is False
    assert BANDS["duration"].contains(None) is None


def test_which_way_is_better() -> None:
    assert BANDS["specificity"].change(40, 60) == 1
    assert BANDS["fillers_per_min"].change(3, 5) == -1
    assert BANDS["wpm"].change(180, 150) == 1  # into the band
    assert BANDS["wpm"].change(140, 150) == 0  # both inside
    assert BANDS["wpm"].change(100, None) == 0


# -- stories ---------------------------------------------------------------------------------


def test_story_bank_warns_on_overloaded_stories_and_questions_without_one(store: Store) -> None:
    for n, qid in enumerate(["q1", "q2", "q3", "q4"], start=1):
        add_take(store, qid, day=n, story="Payments migration 2025")
    add_take(store, "q1", day=6, story="payments MIGRATION 2025")
    add_take(store, "q5", day=7, story="night shift")
    add_take(store, "q6", day=8)
    report = stories(store)
    assert [(s.name, s.question_ids) for s in report.stories] == [
        ("Payments migration 2025", ("q1", "q2", "q3", "q4")),
        ("night shift", ("q5",)),
    ]
    assert len(report.stories[0].take_ids) == 5
    assert [s.name for s in report.overloaded] == ["Payments migration 2025"]
    assert report.questions_without_story == ["q6"]
    assert len(report.warnings) == 2
    assert "4 different questions" in report.warnings[0] and "q6" in report.warnings[1]
    assert report.stories_for("q5") == ["night shift"]
    wanted = stories(store, ["q5", "q9"])
    assert wanted.questions_without_story == ["q9"]


def test_a_modest_story_bank_has_no_warnings(store: Store) -> None:
    add_take(store, "q1", day=1, story="night shift")
    add_take(store, "q2", day=2, story="night shift")
    report = stories(store)
    assert report.warnings == [] and report.to_dict()["overloaded"] == []
