"""Grammar the clause reading gets right by scope and construction, not by word lists: where a
frequency word belongs, what a report's tense means, where the speaker is, adjectival
passives, a record's totals, and a claim proved at once by an example."""

from __future__ import annotations

import pytest

from offguard.analysis import analyze_text
from offguard.analysis.situations import analyse, parse


def kind_of(text: str, words: str) -> str:
    """The kind of the innermost clause holding ``words``."""
    holding = [c for c in analyse(parse(text)).clauses if words in text[c.start : c.end]]
    assert holding, f"no clause with {words!r}"
    return min(holding, key=lambda c: c.end - c.start).kind


def flagged(text: str, kind: str, question: str | None = None) -> list[str]:
    return [
        text[f.start : f.end] for f in analyze_text(text, question=question).flags if f.kind == kind
    ]


@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        # a frequency word inside reported words or describing a thing is no habit of the clause
        ("The label says take two daily, so I stop and ring the surgery.", "says", "generic"),
        ("We had a weekly stand-up that Friday and I raised the leak.", "We had", "episodic"),
        ("I usually ran the stand-up.", "I usually ran", "habitual"),
        # present-tense content of a past suggestion is that occasion's content
        ("I suggested we move the cable tray instead.", "we move", "state"),
        ("I suggest we move the cable tray.", "I suggest", "habitual"),
        # an adjectival passive is a state of the speaker
        ("I'm not bothered about the parking.", "bothered", "state"),
        # a past clause "on a Saturday" is one Saturday; "on a Saturday I..." in the present is not
        ("A man brought back a kettle on a Saturday.", "brought back", "episodic"),
        ("On a Saturday I check the fridges.", "I check", "habitual"),
        # a record's totals over a stretch are no occasion
        ("Last year I sold ninety cars and hit a hundred and ten percent.", "I sold", "state"),
        ("In my last job I cut overtime by twenty percent.", "I cut", "state"),
        ("That morning I rang fourteen suppliers.", "I rang", "episodic"),
        ("Last month I checked three similar roles in Leeds.", "I checked", "episodic"),
        # a phrasal verb is an event
        ("My supervisor found out at the review.", "found out", "episodic"),
        # a clause inside what was said on one past occasion is part of that occasion
        ("At the debrief I said the slings we carry were too short.", "we carry", "state"),
        ("I said no and we carry on regardless.", "we carry", "habitual"),
        # a plan's present tense: dated ahead, or timed by a future clause
        ("So I finish my apprenticeship in September.", "I finish", "state"),
        ("I'll keep bank shifts on the unit while I study.", "while I study", "state"),
        ("I finish the apprenticeship and then I look for work.", "I finish", "habitual"),
        # "would" of a purpose or a wish in a past story is no past habit
        (
            "The power went at six. I sent two lads to cover the chillers so we'd keep the "
            "temperature, and I rang the engineer.",
            "we'd keep",
            "state",
        ),
        (
            "The power went at six. I rang the engineer. We'd put the blinds down and we'd "
            "wait for him.",
            "We'd put",
            "habitual",
        ),
        # "'d" of a past perfect ("by half one I'd run out") or a wish is no past habit
        (
            "We had a wedding on the Saturday. I read the list wrong. By half one I'd run out "
            "of lamb, and the head chef pulled three starters.",
            "I'd run out",
            "hypothetical",
        ),
        (
            "I worked at the depot for two years. I checked the vans. I'd rather be somewhere "
            "I can train.",
            "I'd rather be",
            "hypothetical",
        ),
        # "'d" + a verb whose participle is its bare form, in a simple-past sentence: "had"
        (
            "In my first year I filed a VAT return for a cafe and I'd put a supplier invoice "
            "in twice.",
            "I'd put",
            "episodic",
        ),
        (
            "Saturday nights were mad. When it got busy we'd put two more on the pass.",
            "we'd put",
            "habitual",
        ),
        # "would" of a time ahead in an answer told in the past is no past habit
        (
            "I trained at Leeds and I qualified in 2022. I moved wards last year. So in five "
            "years I'd be a band six.",
            "I'd be",
            "hypothetical",
        ),
        # "once" joining a clause is no time anchor: the proportion makes the clause a habit
        (
            "I did the round for two years. Nine times out of ten once they saw the scanner "
            "they calmed down.",
            "Nine times",
            "habitual",
        ),
    ],
)
def test_clause_kind_by_scope(text: str, words: str, kind: str) -> None:
    assert kind_of(text, words) == kind


def test_the_speaker_placed_in_a_scene_keeps_the_narrative_present() -> None:
    text = (
        "So I'm on the pool chair at the leisure centre and I see a boy slip under the rope. "
        "I jump, I'm in, I pull him to the side and my colleague Priya calls the first aider. "
        "The first aider checks him and his dad takes him home."
    )
    assert analyse(parse(text)).narrative_present
    assert not flagged(text, "habitual")


def test_a_scene_told_with_a_stuck_object_is_a_narrative_present() -> None:
    text = (
        "so we get to the flat in Hove and the wardrobe won't fit round the bend in the stairs. "
        "I measure the landing window, me and Sam take the window out and we lower the "
        "wardrobe on straps. the customer's delighted and the office doesn't charge her."
    )
    assert analyse(parse(text)).narrative_present


def test_a_present_circumstance_is_no_habit() -> None:
    text = (
        "I spend two hours a day on the train at the moment. In June I visited your depot and "
        "spoke to a driver called Femi about the rota."
    )
    assert not flagged(text, "habitual", "Why do you want to work here?")


def test_someones_reported_verdict_is_a_reaction_not_a_vague_outcome() -> None:
    text = (
        "A guest sent back a steak on the Friday. I cooked a new one myself and took it out, "
        "and she said it was much better and booked again for her birthday."
    )
    assert not flagged(text, "vague-outcome")
    mine = "I changed the rota and things got much better."
    assert flagged(mine, "vague-outcome")


def test_a_one_clause_claim_proved_at_once_is_a_headline() -> None:
    claim = (
        "I spot things. Last week I saw a delivery note was short by a pallet, I stopped the "
        "driver and rang the depot."
    )
    assert not flagged(claim, "habitual", "What are your strengths?")
    routine = (
        "I listen, I apologise and I fix it. Last week I saw a delivery note was short by a "
        "pallet, I stopped the driver and rang the depot."
    )
    assert flagged(routine, "habitual")


def test_dates_and_named_steps_are_no_unsupported_figures() -> None:
    text = (
        "I've booked my forklift test for the 14th of March, the level 2 course runs to summer "
        "2027, and I passed the first module in 2024."
    )
    assert not flagged(text, "unsupported-number")
    assert flagged(
        "I've managed forty people and grown sales by thirty percent.", "unsupported-number"
    )


def test_a_plan_in_a_five_years_answer_has_figures_not_claims() -> None:
    text = (
        "I finish my apprenticeship in June and the firm has put in writing they'll keep me on "
        "at fourteen an hour. My uncle runs a gang of three and says I can join as the fourth."
    )
    assert not flagged(text, "unsupported-number", "Where do you see yourself in five years?")


def test_figures_inside_a_scene_told_in_the_present_are_the_scene() -> None:
    text = (
        "so it's the Friday before Easter and I come in at five and the mixer won't start. "
        "I've got ninety loaves to get out and the order for the three cafés at half seven. "
        "I ring Tom next door, he says yes, and I bake them in his oven twelve at a time."
    )
    assert analyse(parse(text)).narrative_present
    assert not flagged(text, "unsupported-number")


def test_a_service_offered_in_a_role_play_is_no_habit_and_hi_is_no_flag() -> None:
    question = "Role-play: I'm a customer who needs a birthday cake. Serve me."
    text = (
        "hi. come and sit down. what's the birthday? ... okay, Saturday, so we'd have it ready "
        "by Friday at four, and I'd do the sponge with lemon curd since you said she loves it."
    )
    assert not flagged(text, "habitual", question)
    assert not [
        f for f in analyze_text(text, question=question).flags if f.text.strip(". ") == "hi"
    ]


def test_id_say_gives_the_answer_not_a_hypothetical() -> None:
    assert not flagged(
        "I'd say persistence. Last winter I rang the depot every hour.", "hypothetical"
    )
    assert flagged("I'd probably escalate it to my manager.", "hypothetical")


def test_there_were_nights_where_is_a_past_habit() -> None:
    text = "At the Crown there were nights where I refused ten people at the door."
    assert kind_of(text, "I refused") == "habitual"
    assert flagged(text, "habitual")
    begun = "In May I started reading the gas meter every Friday at the office in Crewe."
    assert not flagged(begun, "habitual")


def test_a_delivery_on_a_named_day_is_no_vague_outcome() -> None:
    assert not flagged("We rebuilt the plan and we delivered Monday morning.", "vague-outcome")
    assert flagged("It was tough but we delivered.", "vague-outcome")


def test_a_time_of_night_is_no_platitude() -> None:
    text = "so it's about two in the morning and I'm on my round at the retail park."
    assert not flagged(text, "platitude")


@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        ("I'd rung the office before the van left.", "I'd rung", "episodic"),
        ("I work in a chemistry teaching lab at the university.", "I work", "state"),
        ("I find it hard to say no.", "I find", "state"),
    ],
)
def test_clause_kind_by_construction(text: str, words: str, kind: str) -> None:
    assert kind_of(text, words) == kind


def test_a_definite_role_in_a_scene_keeps_the_scene() -> None:
    text = (
        "so we're on a job in Croydon and the builder wants the boards off the top lift. "
        "and I'm the chargehand, so I tell him no, and he rings my boss. My boss backs me "
        "and we strip the lift by hand."
    )
    assert analyse(parse(text)).narrative_present
    assert not flagged(text, "habitual")


def test_the_usual_said_as_background_to_the_exception() -> None:
    text = (
        "Last March the client moved the launch forward. Normally we'd get a week for a cut "
        "like that, but I cut the trailer over the weekend and sent it on Monday."
    )
    assert not flagged(text, "habitual")


def test_an_estimate_worked_from_the_speakers_own_shop() -> None:
    question = "How many coffees does a café sell in a day?"
    text = (
        "so I'll use where I work now, the café on Park Street. we open seven till four. the "
        "morning rush we're at about a drink a minute, so call it 110 in two hours. the rest "
        "of the day it's maybe twenty an hour over six hours, so 120, say 150 with lunch. "
        "and our till on a normal Tuesday says around 250, so that's about right."
    )
    a = analyze_text(text, question=question)
    assert a.verdict == "specific"
    assert not [f for f in a.flags if f.kind in ("hedge", "vague-we", "habitual", "hypothetical")]


def test_a_salary_answer_grounded_in_own_pay_and_the_advert() -> None:
    text = (
        "so I'm on thirty-one thousand two hundred now at Wincanton, plus a night allowance. "
        "your ad says thirty-two to thirty-six for this one, days only, so I'd be looking at "
        "about thirty-four, and at thirty-four I'm about level overall."
    )
    a = analyze_text(text, question="What are your salary expectations?")
    assert not [f for f in a.flags if f.kind == "platitude"]


def test_how_long_would_it_take_is_an_estimate() -> None:
    from offguard.analysis.combiner import question_type

    assert question_type("How long would it take you to rewire a three-bed semi?")["q_estimate"]


def test_a_strength_claimed_in_one_clause_and_proved_at_once() -> None:
    text = (
        "I'm good at finding why numbers don't match. Last April I found a supplier had billed "
        "us twice for one pallet and I got the credit note that week."
    )
    assert not flagged(text, "self-praise", "What's your greatest strength?")
    assert flagged("I'm a great communicator and a team player.", "self-praise")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # the lasting result of a told story ("still") and the practice since it
        (
            "In March a customer brought back a cracked teapot, so I glued it with a kintsugi "
            "kit and sent her a photo. She still uses it and I still do the repairs for her.",
            "I still do the repairs",
        ),
        (
            "The owner showed me her grandad's sign from Cyprus, so I based the logo on that "
            "lettering and she signed it off in one go. I've done a site visit on every brand "
            "job since.",
            "every brand job since",
        ),
    ],
)
def test_what_a_story_led_to_is_no_habit(text: str, words: str) -> None:
    assert not [f for f in flagged(text, "habitual") if words in f or f in words]


def test_a_habit_with_still_and_no_story_is_still_flagged() -> None:
    text = "I always check the rota first thing, and I still ring every client every week."
    assert flagged(text, "habitual")
