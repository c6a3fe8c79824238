"""Structural evidence of one episode (analysis v4): the speaker's chained actions, times that
point at one occasion, habits, career timelines; and the false flags it retired."""

from __future__ import annotations

from offguard.analysis import analyze_text
from offguard.analysis.episode import Episode, adjustment, measure, present_scene
from offguard.analysis.text import normalize

TERSE_PAST = (
    "I sent the wrong invoice to a customer once, the March one with someone else's prices. "
    "I spotted it at nine that morning, rang her before she opened it, apologised and resent "
    "the right one. She paid it the same day. I check the customer name twice now."
)
PRESENT_SCENE = (
    "So there's a girl in year four who won't read aloud, and it's October and she still "
    "hasn't read a line to anyone. I notice she loves the dog in the library book, so I start "
    "reading to the school dog with her at break, just her and me, and I say nothing about her "
    "reading. Second week she reads one page to the dog. By Christmas she reads to the class, "
    "and her teacher writes the dog into her support plan."
)
TIMELINE = (
    "So I studied law at Cardiff, graduated in 2011, then I joined a high-street firm for two "
    "years. In 2013 I moved to a regional practice, got promoted to associate in 2015 and senior "
    "associate in 2018, and since 2020 I've been at a national firm. So I've built a solid "
    "foundation and I'm ready for the next step."
)
HABIT_DESCRIPTION = (
    "At the garden centre we were a tight crew. There was me, Tom and the supervisor Maureen. "
    "Maureen was firm but kind. If it got hectic we'd all pitch in, I'd cover the tills, Tom "
    "would water the plants, and we always hit our numbers."
)


def _measure(text: str) -> Episode:
    return measure(normalize(text))


def test_a_chain_of_the_speakers_past_actions_is_measured_with_its_anchors() -> None:
    ep = _measure(TERSE_PAST)
    assert ep.run >= 3  # "I spotted it ..., rang her ..., apologised and resent ..."
    assert ep.actions >= 4
    assert ep.anchors >= 2  # "once", "that morning", "the same day"
    assert adjustment(ep) > 1.0


def test_hyphenated_past_verbs_are_actions_not_routines() -> None:
    ep = _measure("I double-booked the hall once and I caught it that morning.")
    assert ep.actions == 2
    flags = analyze_text("I double-booked the big hall once, a wedding and a wake.").flags
    assert not [f for f in flags if f.kind == "habitual" and "double" in f.text]


def test_a_terse_plain_episode_is_specific() -> None:
    result = analyze_text(TERSE_PAST)
    assert result.verdict == "specific"


def test_a_present_tense_scene_is_found_by_its_structure() -> None:
    ep = _measure(PRESENT_SCENE)
    assert ep.present >= 2 and ep.anchors >= 2 and ep.habits == 0
    assert present_scene(ep)
    result = analyze_text(PRESENT_SCENE)
    assert result.verdict == "specific"
    assert not [f for f in result.flags if f.kind == "habitual"]


def test_a_present_tense_routine_is_no_scene() -> None:
    routine = (
        "I always greet every customer, I listen to what they need, I suggest a few options "
        "and I follow up every week."
    )
    assert not present_scene(_measure(routine))
    assert analyze_text(routine).verdict == "generic"


def test_a_career_timeline_is_a_life_summary_not_an_event() -> None:
    ep = _measure(TIMELINE)
    assert ep.chronology >= 5
    assert adjustment(ep) < -1.5
    assert analyze_text(TIMELINE).verdict == "generic"


def test_one_year_in_a_told_story_is_no_timeline() -> None:
    story = (
        "In 2022 a supplier shorted our order two days before the launch. I rang three other "
        "suppliers that afternoon, found stock in Leeds, drove up and collected it myself, and "
        "we launched on time."
    )
    ep = _measure(story)
    assert ep.chronology <= 2
    assert adjustment(ep) > 0
    assert analyze_text(story).verdict == "specific"


def test_habits_with_no_action_of_the_speaker_lean_generic() -> None:
    ep = _measure(HABIT_DESCRIPTION)
    assert ep.actions == 0 and ep.habits >= 3
    assert adjustment(ep) < 0
    assert analyze_text(HABIT_DESCRIPTION).verdict == "generic"


def test_no_false_flags_in_a_told_event() -> None:
    story = (
        "Last spring at the depot I found a cracked beam in bay six. I stopped the loading, "
        "taped it off and rang the manager. The previous inspector had signed it off in "
        "January. The engineer came the next morning and condemned it, and we worked out the "
        "forklift had clipped it. They brought in a rule that anyone hitting racking has to "
        "report it the same shift. There are a few stories but that's the one I always come "
        "back to."
    )
    result = analyze_text(story)
    assert result.verdict == "specific"
    generic = [f for f in result.flags if f.kind not in ("filler", "hedge")]
    assert generic == [], [(f.kind, f.text) for f in generic]


def test_the_retired_false_flags_still_fire_where_they_are_generic() -> None:
    flags = analyze_text("In the end it all worked out. Things worked out fine.").flags
    assert any(f.kind == "vague-outcome" for f in flags)
    flags = analyze_text("Listening is key. Customers appreciate honesty.").flags
    assert sum(f.kind == "platitude" for f in flags) == 2
    flags = analyze_text("I always come back to the customer, I always put them first.").flags
    assert any(f.kind == "habitual" for f in flags)


def test_actions_on_abstractions_are_no_chain() -> None:
    summary = (
        "In my last role I managed the team, streamlined our processes, drove efficiency and "
        "delivered results. That year we smashed every target."
    )
    ep = _measure(summary)
    assert ep.actions == 0 and ep.anchors == 0  # "that year" is a span, not one occasion
    assert analyze_text(summary).verdict == "generic"


def test_once_as_a_conjunction_marks_no_occasion() -> None:
    assert _measure("Once you understand the customer, everything else follows.").anchors == 0
    assert _measure("I lost a parcel once, and I found it that evening.").anchors == 2
    answer = (
        "Once you understand the customer, everything else follows. I listened, I adapted, "
        "I delivered, and that's what I'd bring here."
    )
    assert analyze_text(answer).verdict == "generic"


def test_a_short_timeline_is_generic_however_many_years_it_names() -> None:
    answer = (
        "In 2019 I joined the team, in 2020 I led the migration, in 2021 I took on the "
        "platform, and in 2022 I became the lead. I've grown so much and I'm now ready for "
        "more responsibility."
    )
    assert _measure(answer).chronology >= 4
    assert analyze_text(answer).verdict == "generic"


def test_a_range_of_years_before_one_told_week_is_no_timeline() -> None:
    answer = (
        "I was a bar manager for eight years, from 2012 to 2020. In March 2020 we closed "
        "overnight. That week I rang every supplier, cancelled the orders, and sold the stock "
        "to staff at cost, so we lost nothing."
    )
    assert analyze_text(answer).verdict == "specific"


def test_a_chain_among_claims_with_no_result_earns_little() -> None:
    answer = (
        "Last week I had a busy shift, I served loads of people, cleaned up and cashed up. "
        "It was a good day, I love being busy."
    )
    ep = _measure(answer)
    assert ep.run >= 2 and ep.anchors >= 1  # the structure alone would credit it
    assert analyze_text(answer).verdict == "generic"


def test_a_cliche_opener_keeps_the_credit_of_the_example_and_its_result() -> None:
    answer = (
        "People always say communication is key, and I'd agree, but here's a real one. A "
        "courier kept leaving our pharmacy deliveries in the rain. I photographed the soaked "
        "boxes for three days, sent them to his depot manager with the times, and the drops "
        "moved to the side door the next week."
    )
    assert analyze_text(answer).verdict == "specific"


def test_a_present_scene_chains_its_actions_and_clock_times_anchor_it() -> None:
    scene = (
        "It's my second week on the desk and the phones go down at ten. I grab my mobile, put "
        "a sign on the door with my number, and log every call on paper. By two the lines are "
        "back and we haven't lost a single booking."
    )
    ep = _measure(scene)
    assert ep.run >= 3 and ep.anchors >= 2
    assert analyze_text(scene).verdict == "specific"
    # amounts after "by" are no time
    assert _measure("We cut costs by two percent and grew by ten people.").anchors == 0


def test_a_present_routine_with_a_clock_time_is_no_scene() -> None:
    routine = (
        "So my day, I come in at seven, I check the rota, I brief the team, I walk the floor, "
        "and I make sure everything's ready before the doors open. I'm very hands-on."
    )
    assert analyze_text(routine).verdict == "generic"
