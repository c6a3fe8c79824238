"""Clause situation types from the parse, and the combiner that turns them into a verdict."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from offguard.analysis import analyze_many, analyze_text
from offguard.analysis.combiner import NAMES, contributions, features, probability, weights
from offguard.analysis.situations import KINDS, analyse, parse


def kinds(text: str) -> list[tuple[str, str]]:
    sit = analyse(parse(text))
    return [(text[c.start : c.end], c.kind) for c in sit.clauses]


def kind_of(text: str, words: str) -> str:
    for clause, kind in kinds(text):
        if words in clause:
            return kind
    raise AssertionError(f"no clause with {words!r}: {kinds(text)}")


@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        (
            "Last May the speaker's train was cancelled. I swapped the panels.",
            "I swapped",
            "episodic",
        ),
        ("I'm a people person and I always go above and beyond.", "I always go", "habitual"),
        ("Customers appreciate honesty.", "Customers appreciate", "generic"),
        ("If a client complained I would call them back.", "I would call", "hypothetical"),
        ("I'm a people person.", "I'm a people person", "state"),
        ("I used to work nights at the depot.", "I used", "habitual"),
        ("I've trained over three hundred clients.", "I've trained", "state"),
        ("Every Monday I check the stock.", "I check", "habitual"),
        ("whenever a delivery came in short I chased it up the same day", "I chased", "habitual"),
    ],
)
def test_clause_kinds(text: str, words: str, kind: str) -> None:
    assert kind in KINDS
    assert kind_of(text, words) == kind


def test_narrative_present_is_one_occasion_and_a_routine_is_not() -> None:
    scene = (
        "So I'm closing the café, it's just me, and this guy walks in wanting forty coffees for "
        "a film crew. I tell him twenty minutes, I ring my manager, I start both machines."
    )
    sit = analyse(parse(scene))
    assert sit.narrative_present
    assert kind_of(scene, "I ring my manager") == "episodic"
    routine = "On a Monday I check the stock, I count the tills and I order the milk."
    assert not analyse(parse(routine)).narrative_present
    assert kind_of(routine, "I count the tills") == "habitual"


def test_shipped_weights_match_the_features_and_read_the_right_way() -> None:
    model = weights()
    assert model["names"] == list(NAMES)
    assert len(model["weights"]) == len(model["mean"]) == len(model["scale"]) == len(NAMES)
    w = dict(zip(model["names"], model["weights"], strict=True))
    # every wording-class flag pushes towards generic; a story with the speaker's own action
    # pushes towards specific
    assert all(v <= 0 for k, v in w.items() if k.startswith("flags_"))
    assert w["run_has_own"] > 0
    raw = resources.files("offguard.analysis").joinpath("combiner.json").read_text("utf-8")
    assert json.loads(raw)["trained_on"]


def test_combiner_separates_a_told_event_from_a_habit_and_explains_itself() -> None:
    told = "Last Tuesday a patient came to the hatch. I checked her inhaler and rang her GP."
    habit = "I always listen to patients and I usually check their inhalers. It's what I do."
    p_told = probability(features(analyse(parse(told)), None))
    p_habit = probability(features(analyse(parse(habit)), None, {"habitual": 2}))
    assert p_told > 0.5 > p_habit
    top = contributions(features(analyse(parse(habit)), None, {"habitual": 2}))
    assert top[0][0] != "bias" and abs(top[0][1]) >= abs(top[-1][1])


def test_question_type_changes_the_reading_of_modals() -> None:
    estimate = (
        "So there's about sixty-seven million people in the UK, say one car for every two, "
        "that's thirty million cars. Each fills up once a week, a station does maybe two "
        "thousand fills a week, so you'd need around fifteen thousand stations."
    )
    f = features(analyse(parse(estimate)), "How many petrol stations are there in the UK?")
    assert f["q_estimate"] == 1.0 and f["estimate_x_numbers"] > 0


def test_analyze_many_matches_one_by_one() -> None:
    items = [
        ("I rang the supplier on Tuesday and moved the delivery.", None),
        ("", None),
        ("I'm a hard worker and a team player.", "Why should we hire you?"),
    ]
    batch = list(analyze_many(items))
    single = [analyze_text(t, question=q) for t, q in items]
    assert [a.to_dict() for a in batch] == [a.to_dict() for a in single]
    assert batch[1].verdict == "generic" and batch[2].verdict == "generic"


@pytest.mark.parametrize(
    ("setting", "habit"),
    [
        (
            "At Parkside we use CPOMS for safeguarding logs.",
            "We always check the logs, we talk it through.",
        ),
        ("At the surgery we run EMIS for the bookings.", "I listen, I apologise and I fix it."),
    ],
)
def test_a_named_tool_in_the_workplace_is_a_setting_not_a_habit(setting: str, habit: str) -> None:
    text = f"{setting} {habit} Last term I logged a bruise and the lead rang the parent that day."
    flagged = [text[f.start : f.end] for f in analyze_text(text).flags if f.kind == "habitual"]
    assert not any(setting.rstrip(".") in s or s in setting for s in flagged)
    assert any(s in habit for s in flagged)  # a habit said without a name is still flagged


@pytest.mark.parametrize(
    "admission",
    ["I don't really know what's normal", "I don't really remember the figure", "I don't know"],
)
def test_not_knowing_is_a_hedge_not_self_praise_or_a_habit(admission: str) -> None:
    text = f"I'm a hard worker and I always give a hundred percent. {admission}, I'm flexible."
    flags = analyze_text(text).flags
    on_it = [f.kind for f in flags if text[f.start : f.end] in admission]
    assert on_it and "self-praise" not in on_it and "habitual" not in on_it


@pytest.mark.parametrize(
    "text",
    [
        "I would always stay calm. I'd, um, I'd probably talk to the customer and I'd fix it.",
        "We'd, uh, we'd normally ring the client first and we would, we would explain the delay.",
    ],
)
def test_a_flag_is_never_a_lone_pronoun_or_auxiliary(text: str) -> None:
    flags = analyze_text(text).flags
    assert flags
    for f in flags:
        words = text[f.start : f.end].lower().split()
        assert not (len(words) == 1 and words[0].strip(",") in ("i'd", "we'd", "would", "we"))


@pytest.mark.parametrize(
    "fragment", ["the smart bins", "the new loading bays", "a couple of rotas"]
)
def test_a_verbless_fragment_is_not_a_platitude(fragment: str) -> None:
    text = f"Teamwork is everything. I always help out. You know, {fragment}. People just love it."
    result = analyze_text(text)
    assert result.verdict == "generic" and result.flags
    assert not any(text[f.start : f.end].lower() in fragment for f in result.flags)
