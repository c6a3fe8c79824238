"""Cue filters in context (analysis v5): a name given in a story, someone else's usual state
beside a told event, a repeat with one person of the story; and what still stays flagged."""

from __future__ import annotations

from offguard.analysis import Analysis, analyze_text


def _kinds(a: Analysis, kind: str) -> list[str]:
    return [f.text for f in a.flags if f.kind == kind]


def test_naming_someone_in_a_story_is_not_hypothetical() -> None:
    a = analyze_text(
        "Last March at the Leeds depot there was a driver, I'll call her M, who kept missing "
        "her slot. I sat down with her on the Monday, we looked at her route together, and I "
        "moved her first drop to eight. She made every slot for the rest of the month."
    )
    assert not _kinds(a, "hypothetical")
    assert a.verdict == "specific"


def test_a_real_promise_stays_hypothetical() -> None:
    a = analyze_text(
        "If a customer was unhappy I'll call them back and I'd make sure they felt heard."
    )
    assert _kinds(a, "hypothetical")


def test_someone_elses_usual_state_beside_a_told_event_is_not_a_habit() -> None:
    a = analyze_text(
        "On the 4th of June our courier was late by three hours. He's normally there by ten. "
        "I rang the depot at eleven and they told me the van had broken down on the M62. "
        "I booked a same-day bike with Zipp for the two urgent parcels and both arrived by two."
    )
    assert not _kinds(a, "habitual")


def test_a_repeat_with_one_person_of_the_story_is_not_a_habit() -> None:
    a = analyze_text(
        "There was a dad who'd been told he could only see his kids with a worker present, and "
        "he was struggling to read the letters. I sat with him every week and helped him write "
        "to his solicitor. He got the ruling changed at the next hearing."
    )
    assert not _kinds(a, "habitual")
    assert a.verdict == "specific"


def test_the_speakers_routine_stays_habitual() -> None:
    a = analyze_text(
        "I always check in with my team every morning and I usually plan the week on Mondays. "
        "Normally that keeps everyone on track."
    )
    assert _kinds(a, "habitual")
    assert a.verdict == "generic"
