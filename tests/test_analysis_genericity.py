"""Clause-level genericity (analysis v3): present-tense scenes, lessons, gradual arcs,
abstract actions, background habits, plain modest answers, 'we'-only answers, the sweep."""

from __future__ import annotations

from itertools import pairwise

import pytest

from offguard.analysis import Analysis, analyze_text
from offguard.analysis.situations import analyse as situations
from offguard.analysis.situations import parse
from offguard.analysis.sweep import GENERIC_KINDS

SCENE = (
    "So it's the Tuesday before the audit and I open the stock file and half the batch codes "
    "are blank. I pull the delivery notes from the office, I match them line by line, and I "
    "fill in the codes myself. Then I ring the supplier about the three that don't match. "
    "By Thursday the file is complete and the auditor signs it off without a note."
)
ROUTINE = (
    "If a customer complains, I listen, I apologise, I find out what went wrong and then I "
    "fix it. I always follow up afterwards and I usually check they're happy."
)
ARC = (
    "At my last nursery there was a little boy who wouldn't settle, he cried every morning. "
    "I gave him space, I built trust with his mum, I stayed patient, and over the months he "
    "came round. By the end of the year he was running in. It taught me that every child "
    "needs time."
)


class Answer:
    """An analysed answer with its text, to look up which flag covers a phrase."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.analysis: Analysis = analyze_text(text)
        self.verdict = self.analysis.verdict
        self.flags = self.analysis.flags
        self.specifics = self.analysis.specifics


def flagged(a: Answer, phrase: str) -> str | None:
    """The kind of the generic flag covering at least half of ``phrase``, if any."""
    start = a.text.find(phrase)
    assert start >= 0, phrase
    end = start + len(phrase)
    for f in a.flags:
        overlap = min(end, f.end) - max(start, f.start)
        if f.kind in GENERIC_KINDS and overlap * 2 >= len(phrase):
            return f.kind
    return None


def analyse(text: str) -> Answer:
    return Answer(text)


def test_present_tense_scene_is_one_event() -> None:
    assert situations(parse(SCENE)).narrative_present
    a = analyse(SCENE)
    assert a.verdict == "specific"
    assert not [f for f in a.flags if f.kind == "habitual"]


def test_present_tense_routine_stays_a_habit() -> None:
    assert not situations(parse(ROUTINE)).narrative_present
    a = analyse(ROUTINE)
    assert a.verdict == "generic"
    assert flagged(a, "I listen, I apologise") == "habitual"


def test_summarised_relationship_is_generic_with_lesson_arc_and_abstract_actions() -> None:
    a = analyse(ARC)
    assert a.verdict == "generic"
    assert flagged(a, "I gave him space") == "vague-action"
    assert flagged(a, "I built trust with his mum") == "vague-action"
    assert flagged(a, "over the months he came round") == "vague-outcome"
    assert flagged(a, "It taught me that every child needs time") == "platitude"


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        (
            "Honestly, nothing really fazes me anymore. I just get on with it.",
            "nothing really fazes me",
            "self-praise",
        ),
        (
            "I get on with everybody and I'm happy to help wherever.",
            "I get on with everybody",
            "self-praise",
        ),
        (
            "A good waiter reads the table. Service is everything.",
            "A good waiter reads the table",
            "platitude",
        ),
        (
            "You've got to keep your cool in this job, that's the main thing.",
            "You've got to keep your cool",
            "platitude",
        ),
        (
            "I learned the hard way to double check everything.",
            "I learned the hard way",
            "platitude",
        ),
    ],
)
def test_general_claims_at_any_clause(text: str, phrase: str, kind: str) -> None:
    a = analyse(text)
    assert a.verdict == "generic"
    assert flagged(a, phrase) == kind


def test_background_habit_inside_a_told_event_is_not_flagged() -> None:
    text = (
        "On a night shift in June I had a lady in bed four who was usually very chatty, and "
        "she'd gone quiet. I checked her sugar, it was 2.1, and I gave her the glucose gel and "
        "called the doctor. Within twenty minutes she was talking again."
    )
    a = analyse(text)
    assert a.verdict == "specific"
    assert flagged(a, "who was usually very chatty") is None
    assert not [f for f in a.flags if f.kind in GENERIC_KINDS]


def test_speakers_own_habit_in_a_story_is_still_flagged() -> None:
    text = (
        "On my last ward there was a porter who'd been there thirty years and didn't like "
        "being told anything. I always asked him how he was and over time we got on fine."
    )
    a = analyse(text)
    assert a.verdict == "generic"
    assert flagged(a, "I always asked him how he was") == "habitual"
    assert flagged(a, "over time we got on fine") == "vague-outcome"


def test_short_plain_told_answer_is_specific() -> None:
    text = "A guest left a ring in the room. I logged it, rang her, and posted it recorded."
    a = analyse(text)
    assert a.verdict == "specific"
    assert not [f for f in a.flags if f.kind in GENERIC_KINDS]


def test_we_only_answer_flags_every_we() -> None:
    text = (
        "We rebuilt the returns page in May, we ran interviews, we mapped the journey, we "
        "tested it with customers and we cut complaints quite a lot. We were a great team."
    )
    a = analyse(text)
    assert a.verdict == "generic"
    for phrase in ("we ran interviews", "we mapped the journey", "We were a great team"):
        assert flagged(a, phrase) in {"vague-we", "self-praise", "platitude"}, phrase


def test_sweep_marks_plain_clauses_and_keeps_fillers_and_details() -> None:
    text = (
        "Um, I'm a people person. A good receptionist stays calm, um, whatever happens. "
        "Visitors like a friendly face. Customers, um, they just want to be heard. "
        "I covered 2 desks at Acme."
    )
    a = analyse(text)
    assert a.verdict == "generic"
    assert flagged(a, "A good receptionist stays calm") in {"platitude", "habitual"}
    assert flagged(a, "Visitors like a friendly face") == "platitude"
    assert flagged(a, "they just want to be heard") == "platitude"
    assert any(f.kind == "filler" and f.text == "um" for f in a.flags)
    # the clause with a number and a name is left to its own cues
    assert flagged(a, "I covered 2 desks at Acme") in (None, "unsupported-number")
    spans = sorted((f.start, f.end) for f in a.flags)
    assert all(e <= s for (_, e), (s, _) in pairwise(spans))
    assert all(f.reason and text[f.start : f.end] == f.text for f in a.flags)


def test_at_the_end_of_the_day_is_no_particular_time() -> None:
    a = analyse("At the end of the day we're all on the same side.")
    assert not [s for s in a.specifics if s.kind == "time"]
    assert a.verdict == "generic"


@pytest.mark.parametrize(
    "text",
    [
        "Every Monday I check the stock, I count the tills and I order the milk. Then I brief "
        "the team.",
        "On a Monday I check the stock, I count the tills and I order the milk. Then I brief "
        "the team.",
        "My day starts at 6am. I open the shop, I check the deliveries, I set up the tills and "
        "then I brief the team at 8.",
    ],
)
def test_routine_with_a_recurring_time_is_no_scene(text: str) -> None:
    assert not situations(parse(text)).narrative_present
    a = analyse(text)
    assert a.verdict == "generic"
    assert flagged(a, "I check the") == "habitual"


@pytest.mark.parametrize(
    "text",
    [
        "I worked in retail for a few years, then moved into admin. I liked both jobs.",
        "I went to college and studied business. Then I got a job in an office.",
        "My last job was in a call centre. I answered calls and helped customers with their "
        "accounts.",
    ],
)
def test_plain_life_summary_is_generic(text: str) -> None:
    assert analyse(text).verdict == "generic"


@pytest.mark.parametrize(
    "text",
    [
        "The fryer caught fire during lunch. I hit the suppression button and got everyone out. "
        "Nobody was hurt.",
        "Our freezer failed overnight. I moved the stock to the shop next door, logged the "
        "temperatures and called the engineer. We lost nothing.",
    ],
)
def test_short_incident_with_no_generic_cue_is_specific(text: str) -> None:
    a = analyse(text)
    assert a.verdict == "specific"
    assert not [f for f in a.flags if f.kind in GENERIC_KINDS]


def test_lesson_after_a_told_event_is_no_platitude() -> None:
    text = (
        "Last Tuesday a delivery came in with the wrong allergen labels. I pulled the twelve "
        "trays, rang the supplier and relabelled them before lunch. Nobody was served the wrong "
        "tray. It taught me to always check the labels on arrival."
    )
    a = analyse(text)
    assert a.verdict == "specific"
    assert flagged(a, "It taught me to always check") != "platitude"


def test_measured_figures_are_not_scale_claims() -> None:
    a = analyse("Assets of the funds grew by $1.5 billion during the week, to $352.7 billion.")
    assert not [f for f in a.flags if f.kind == "unsupported-number"]
    b = analyse("I've got fifteen years in hospitality and I've managed teams of sixty.")
    assert flagged(b, "fifteen years") == "unsupported-number"
