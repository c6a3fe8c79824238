"""A stored analysis made by an older coach is recomputed (and stored) when it is read."""

from __future__ import annotations

from pathlib import Path

from offguard.analysis import ANALYSIS_VERSION
from offguard.questions import Question
from offguard.reanalysis import current_analysis
from offguard.store import Store
from offguard.transcription.types import Transcript, Word

TEXT = (
    "Last March the walk-in fridge at the Crown failed on a Saturday morning. I moved the fish "
    "to the bar cellar, rang the engineer and rewrote the menu by eleven. We lost nothing."
)


def _take(store: Store, tmp_path: Path) -> int:
    store.sync_questions([Question(id="q1", text="Tell me about a crisis.", category="any")])
    audio = tmp_path / "take.flac"
    audio.write_bytes(b"fLaC")
    take_id = store.create_take("q1", audio, device="test", samplerate=16000, status="saved")
    words = tuple(Word(w, i * 0.4, i * 0.4 + 0.3, 0.9) for i, w in enumerate(TEXT.split()))
    store.finish_take(take_id, duration=words[-1].end + 0.5)
    store.save_transcript(take_id, Transcript(TEXT, words, words[-1].end + 0.5, "tiny.en"))
    return take_id


def test_a_stale_analysis_is_recomputed_on_read_and_stored(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "offguard.sqlite3")
    try:
        take_id = _take(store, tmp_path)
        old_delivery = {"wpm": 150.0, "pause_source": "audio", "longest_pauses": [[3.0, 1.2]]}
        store.save_analysis(
            take_id,
            version=ANALYSIS_VERSION - 1,
            verdict="generic",
            specificity=12.0,
            data={"version": ANALYSIS_VERSION - 1, "verdict": "generic", "delivery": old_delivery},
        )
        fresh = current_analysis(store, take_id)
        assert fresh is not None
        assert fresh.version == ANALYSIS_VERSION
        assert fresh.verdict == "specific" and fresh.specificity > 50
        assert fresh.data["flags"] is not None and fresh.data["version"] == ANALYSIS_VERSION
        assert fresh.data["delivery"] == old_delivery  # measured from the audio: kept
        stored = store.latest_analysis(take_id)
        assert stored is not None and stored.id == fresh.id
        again = current_analysis(store, take_id)
        assert again is not None and again.id == fresh.id  # current now: not recomputed
    finally:
        store.close()


def test_a_take_with_no_analysis_stays_without_one(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "offguard.sqlite3")
    try:
        assert current_analysis(store, _take(store, tmp_path)) is None
    finally:
        store.close()


def _stale(store: Store, take_id: int) -> None:
    store.save_analysis(
        take_id,
        version=ANALYSIS_VERSION - 1,
        verdict="generic",
        specificity=12.0,
        data={"version": ANALYSIS_VERSION - 1, "verdict": "generic", "specifics": []},
    )


def test_compare_and_export_read_the_current_coach_not_a_stale_analysis(tmp_path: Path) -> None:
    from offguard.export import build_report
    from offguard.progress import compare

    store = Store.open(tmp_path / "offguard.sqlite3")
    try:
        first = _take(store, tmp_path)
        second = _take(store, tmp_path)
        for take_id in (first, second):
            _stale(store, take_id)
        result = compare(store, first, second)
        for summary in (result.a, result.b):
            assert summary.verdict == "specific" and (summary.specificity or 0) > 50
        for take_id in (first, second):
            stored = store.latest_analysis(take_id)
            assert stored is not None and stored.version == ANALYSIS_VERSION

        third = _take(store, tmp_path)
        _stale(store, third)
        report = build_report(store, None, question_id="q1")
        entries = {e.take_id: e for s in report.questions for e in s.takes}
        assert entries[third].verdict == "specific"
        stored = store.latest_analysis(third)
        assert stored is not None and stored.version == ANALYSIS_VERSION
    finally:
        store.close()
