"""The store's records: questions, takes, transcripts, analyses, interviews, summaries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from offguard.errors import OffguardError
from offguard.questions import Question
from offguard.store import Store
from offguard.transcription.types import Transcript, Word


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "data" / "offguard.sqlite3")
    yield opened
    opened.close()


def _q(qid: str, source: str = "bundled") -> Question:
    return Question(
        id=qid,
        text=f"Question {qid}?",
        category="curveball",
        roles=("nurse", "teacher"),
        tags=("gaps",),
        probes=("honesty",),
        tips=("Name the gap.",),
        source=source,
    )


def test_sync_keeps_off_guard_flags_and_user_questions_round_trip(store: Store) -> None:
    store.sync_questions([_q("a"), _q("b")])
    store.set_off_guard("a", True)
    store.sync_questions([_q("a"), _q("b"), _q("c")])
    assert store.off_guard_ids() == {"a"}
    store.add_question(_q("mine", source="user"), off_guard=True)
    assert store.user_questions() == [_q("mine", source="user")]
    assert store.off_guard_ids() == {"a", "mine"}
    store.set_off_guard("a", False)
    assert store.off_guard_ids() == {"mine"}
    assert store.question_text("b") == "Question b?"


def test_transcripts_and_analyses_latest_wins(store: Store, tmp_path: Path) -> None:
    take = store.create_take("a", tmp_path / "x.flac", device="mic", samplerate=48000)
    first = Transcript("um hello", (Word("um", 0.0, 0.2, 0.5),), 2.0, "tiny.en")
    words = (Word("hello", 0.0, 0.4, 0.91), Word("there", 0.5, 0.9, 0.8))
    second = Transcript("hello there", words, 2.5, "base.en", {"beam_size": 5})
    store.save_transcript(take, first)
    store.save_transcript(take, second)
    assert store.latest_transcript(take) == second
    assert store.latest_transcript(take + 1) is None
    store.save_analysis(take, version=1, verdict="generic", specificity=20.0, data={})
    store.save_analysis(
        take, version=2, verdict="specific", specificity=75.5, data={"specifics": ["ward 7"]}
    )
    analysis = store.latest_analysis(take)
    assert analysis is not None
    assert (analysis.version, analysis.verdict, analysis.specificity) == (2, "specific", 75.5)
    assert analysis.data == {"specifics": ["ward 7"]}


def test_take_statuses_and_stories(store: Store, tmp_path: Path) -> None:
    a = store.create_take("a", tmp_path / "a.flac", device="mic", samplerate=16000)
    b = store.create_take("a", tmp_path / "b.flac", device="mic", samplerate=16000)
    store.finish_take(b, duration=3.0, status="recovered", overflows=2, note="repaired")
    assert [t.id for t in store.takes_with_status("recording")] == [a]
    [recovered] = store.takes_with_status("recovered")
    assert (recovered.overflows, recovered.note) == (2, "repaired")
    store.set_story(b, "  payments   migration 2025 ")
    assert store.get_take(b).story == "payments migration 2025"  # type: ignore[union-attr]
    store.set_story(b, None)
    assert store.get_take(b).story is None  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        store.create_take("a", tmp_path / "c.flac", device="mic", samplerate=1, status="odd")


def test_interviews_with_linked_questions_mark_them_off_guard(store: Store) -> None:
    store.sync_questions([_q("a")])
    first = store.add_interview(company="Acme", role="nurse", date="2026-01-10", outcome="offer")
    second = store.add_interview(
        company="Globex", date="2026-02-01", feedback="too vague", reflection="use numbers"
    )
    store.link_interview_question(second, "a", "rambled")
    store.link_interview_question(second, "new-q", "froze")
    store.link_interview_question(second, "a", "rambled, no example")
    interviews = store.list_interviews()
    assert [i.id for i in interviews] == [second, first]
    latest = interviews[0]
    assert latest.outcome == "pending" and latest.feedback == "too vague"
    assert [(q.question_id, q.text, q.what_went_wrong) for q in latest.questions] == [
        ("a", "Question a?", "rambled, no example"),
        ("new-q", "", "froze"),
    ]
    assert store.off_guard_ids() == {"a", "new-q"}
    with pytest.raises(OffguardError, match="outcome"):
        store.add_interview(company="X", outcome="ghosted")


def test_question_stats_and_take_summaries(store: Store, tmp_path: Path) -> None:
    def take(qid: str, day: int, score: float | None, verdict: str = "specific") -> int:
        started = datetime(2026, 1, day, 9, 0, tzinfo=timezone.utc)
        tid = store.create_take(
            qid, tmp_path / f"{qid}{day}.flac", device="mic", samplerate=16000, started_at=started
        )
        store.finish_take(tid, duration=60.0 + day)
        store.save_transcript(tid, Transcript(f"answer {day}", (), 60.0, "tiny.en"))
        if score is not None:
            delivery = {"wpm": 140.0 + day, "fillers_per_min": 2.5}
            store.save_analysis(
                tid, version=1, verdict=verdict, specificity=score, data={"delivery": delivery}
            )
        return tid

    take("a", 1, 30.0, "generic")
    take("a", 2, 70.0)
    last = take("a", 3, None)
    take("b", 4, 55.0)
    store.delete_take(take("b", 5, 10.0, "generic"))
    store.set_off_guard("c", True)

    stats = store.question_stats()
    assert set(stats) == {"a", "b", "c"}
    assert stats["a"].times_practised == 3
    assert stats["a"].last_practised == "2026-01-03T09:00:00.000+00:00"
    assert (stats["a"].last_verdict, stats["a"].last_specificity) == ("specific", 70.0)
    assert stats["a"].recent_specificity == (70.0, 30.0)
    assert stats["b"].times_practised == 1 and stats["b"].last_specificity == 55.0
    assert stats["c"].off_guard and stats["c"].times_practised == 0

    summaries = store.take_summaries("a")
    assert [s.transcript for s in summaries] == ["answer 1", "answer 2", "answer 3"]
    assert summaries[1].wpm == 142.0 and summaries[1].fillers_per_min == 2.5
    assert summaries[2].take_id == last and summaries[2].verdict is None
    assert "verdict" not in summaries[2].to_dict()
    assert summaries[0].to_dict()["verdict"] == "generic"
    assert len(store.take_summaries()) == 4
    assert len(store.take_summaries(include_deleted=True)) == 5
    assert [s.take_id for s in store.take_summaries(take_ids=[last])] == [last]
