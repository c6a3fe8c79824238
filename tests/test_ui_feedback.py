"""The review's text helpers: verdict line, highlighting, flag -> playback time."""

from __future__ import annotations

from offguard.analysis.result import Analysis
from offguard.transcription.types import Transcript, Word
from offguard.ui import feedback
from tests.ui_fakes import ANSWER, fake_analysis, fake_transcript


def test_verdict_line_reads_exactly() -> None:
    analysis = fake_analysis()
    assert feedback.verdict_line(analysis) == "Verdict: specific  (72/100)"
    analysis.verdict = "generic"
    analysis.specificity = 31.4
    assert feedback.verdict_line(analysis) == "Verdict: generic  (31/100)"
    stored = Analysis.from_dict(analysis.to_dict())
    assert feedback.verdict_line(stored) == "Verdict: generic  (31/100)"
    assert stored == analysis
    analysis.specificity = 1.46  # stored as 1.5: both read 2, not 1 then 2
    stored = Analysis.from_dict(analysis.to_dict())
    assert feedback.verdict_line(analysis) == feedback.verdict_line(stored)


def test_flags_are_red_and_specifics_green() -> None:
    text = feedback.transcript_text(ANSWER, fake_analysis())
    styles = {ANSWER[s.start : s.end]: str(s.style) for s in text.spans}
    assert "red" in styles["team player"]
    assert "green" in styles["Northwind"]


def test_flag_offset_maps_to_its_word_time() -> None:
    transcript = fake_transcript()
    at = ANSWER.index("team player")
    # "I am a team": "team" is word 4 -> 0.5 + 3 * 0.4
    assert feedback.time_at(transcript, at) == 0.5 + 3 * 0.4
    assert feedback.time_at(transcript, 0) == 0.5


def test_time_at_copes_with_punctuation_and_missing_words() -> None:
    words = (Word(" Hello,", 0.2, 0.5, 0.9), Word(" world.", 0.9, 1.2, 0.9))
    transcript = Transcript("Hello, world. Again", words, 2.0, "fake")
    assert feedback.time_at(transcript, transcript.text.index("world")) == 0.9
    assert feedback.time_at(transcript, transcript.text.index("Again")) == 0.9
    assert feedback.time_at(Transcript("", (), 0.0, "fake"), 0) is None


def test_delivery_shows_each_target_and_fillers_as_a_lower_bound() -> None:
    text = feedback.delivery_text(fake_analysis()).plain
    # the targets come from offguard.targets (not from whatever the analysis carried)
    assert "Pace: 138 words/min  (aim 130–160)" in text
    assert "Fillers: at least 3.0/min  (aim ≤ 6.5)" in text
    assert "Longest pauses: 1.6 s at 0:04" in text
    assert "Time to first word: 0.5 s  (aim ≤ 5)" in text


def test_delivery_of_a_stored_analysis_shows_the_same() -> None:
    analysis = fake_analysis()
    stored = Analysis.from_dict(analysis.to_dict())
    assert feedback.delivery_text(stored).plain == feedback.delivery_text(analysis).plain


def test_star_checklist_shows_the_sentences() -> None:
    text = feedback.star_text(fake_analysis()).plain
    assert "✔ Situation  “At Northwind in March 2023”" in text
    assert "✘ Task  missing" in text
