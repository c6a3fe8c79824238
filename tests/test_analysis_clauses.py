"""Round 2 of the coach: clauses, clause-level STAR, whole-phrase spans, grammar cues,
clause shading and suggestions tied to what is missing."""

from __future__ import annotations

import pytest

from offguard.analysis import Analysis, analyze_text
from offguard.analysis.clauses import clauses, pieces


def flags(analysis: Analysis) -> list[tuple[str, str]]:
    return [(f.text, f.kind) for f in analysis.flags]


def flagged(analysis: Analysis, phrase: str, kind: str | None = None) -> bool:
    """Is most of ``phrase`` covered by flags (of ``kind``, when given)?"""
    text = analysis_text[id(analysis)]
    start = text.lower().find(phrase.lower())
    assert start >= 0, phrase
    covered = set()
    for f in analysis.flags:
        if kind is None or f.kind == kind:
            covered.update(range(max(start, f.start), min(start + len(phrase), f.end)))
    return len(covered) >= 0.5 * len(phrase)


analysis_text: dict[int, str] = {}


def run(text: str) -> Analysis:
    analysis = analyze_text(text)
    analysis_text[id(analysis)] = text
    return analysis


def texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_clauses_have_their_own_subject() -> None:
    text = (
        "I radio Dave in goods-in, we find them behind the chiller, and the lorry leaves on time."
    )
    assert texts(text, clauses(text, 0, len(text))) == [
        "I radio Dave in goods-in",
        "we find them behind the chiller",
        "the lorry leaves on time",
    ]
    listed = "If a client is upset I'd hear them out, apologise and look for a fix."
    assert len(clauses(listed, 0, len(listed))) == 1  # one subject, three verbs
    story = "I called her that evening, we set up a log, and by June he'd moved up two levels."
    assert texts(story, clauses(story, 0, len(story)))[-1] == "by June he'd moved up two levels"


def test_pieces_cut_a_list_of_verb_phrases() -> None:
    text = "I managed teams of 40, hit 120% of target every quarter and grew the region by 30%."
    assert texts(text, pieces(text, 0, len(text))) == [
        "I managed teams of 40",
        "hit 120% of target every quarter",
        "grew the region by 30%",
    ]


@pytest.mark.parametrize(
    ("text", "result"),
    [
        (
            "It's the Saturday before Christmas and the Tesco lorry is waiting on twelve missing "
            "cages of milk. I radio Dave in goods-in, we find them behind the chiller, and the "
            "lorry leaves on time.",
            "the lorry leaves on time",
        ),
        (
            "Jamie in my Year 4 class stopped handing in homework in March. I called her that "
            "evening, we set up a weekly reading log, and by June he'd moved up two reading "
            "levels.",
            "by June he'd moved up two reading levels",
        ),
    ],
)
def test_star_result_can_be_the_closing_clause(text: str, result: str) -> None:
    analysis = run(text)
    assert analysis.star["A"] and analysis.star["R"]
    assert analysis.star_sentences["R"] == result
    assert analysis.verdict == "specific"


def test_star_task_is_a_task_statement_not_the_scene_again() -> None:
    no_task = run(
        "Our release in April broke login for Android users on version 9. I rolled back the "
        "build within twenty minutes, then wrote a test that runs the login on an old emulator. "
        "We haven't shipped that bug again."
    )
    assert no_task.star == {"S": True, "T": False, "A": True, "R": True}
    assert no_task.star_sentences["T"] is None
    assert any("had to do" in s for s in no_task.suggestions)  # says Task is missing
    with_task = run(
        "In my second week at Halfords a customer's bike came back with the brakes rubbing. "
        "I needed to get it sorted before his commute the next morning. I stripped the caliper, "
        "found a bent pad spring and swapped it, so he rode it home that night."
    )
    assert with_task.star == {"S": True, "T": True, "A": True, "R": True}
    assert with_task.star_sentences["T"] and "needed to" in with_task.star_sentences["T"]
    assert with_task.star_sentences["A"] and "stripped" in with_task.star_sentences["A"]
    assert with_task.star_sentences["R"] == "he rode it home that night"


def test_numbers_are_flagged_as_whole_phrases() -> None:
    text = (
        "I managed teams of 40, hit 120% of target every quarter and grew the region by 30% in "
        "two years. I'm a proven closer and a strong motivator of people."
    )
    found = [t for t, _ in flags(run(text))]
    assert "I managed teams of 40" in found
    assert "hit 120% of target every quarter" in found
    assert "grew the region by 30% in two years" in found
    assert not any(t.startswith("40,") or t.endswith(", hit 120") for t in found)


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        # self-description by grammar: "I'm (intensifier) + trait", "I'm a + trait noun"
        ("I'm a natural communicator.", "I'm a natural communicator", "self-praise"),
        ("I'm very detail-oriented.", "I'm very detail-oriented", "self-praise"),
        ("I'm really resourceful.", "I'm really resourceful", "self-praise"),
        ("I'm a firm believer in open, honest conversations.", "firm believer", "self-praise"),
        ("My manager said I was a safe pair of hands.", "said I was a safe pair", "self-praise"),
        # praising abstractions
        ("My strong work ethic keeps me going.", "My strong work ethic", "self-praise"),
        ("What I bring is genuine enthusiasm.", "genuine enthusiasm", None),
        # habits and hypotheticals to the end of the clause
        ("I typically try to understand their side first.", "I typically try", "habitual"),
        (
            "Any time there's a conflict I would step in early and get both sides talking.",
            "I would step in early and get both sides talking",
            None,
        ),
        (
            "If a client is upset I'd hear them out, apologise and look for a fix.",
            "I'd hear them out, apologise and look for a fix",
            "hypothetical",
        ),
        ("Then we'd agree a plan together.", "we'd agree a plan together", "hypothetical"),
        ("Whatever gets thrown at me, I cope.", "Whatever gets thrown", "habitual"),
        # opinions offered as truths, claims about everyone of a kind
        ("I feel that good teachers never stop adapting.", "good teachers never stop", "platitude"),
        ("I believe you learn most from mistakes.", "you learn most from mistakes", "platitude"),
        ("Kids respond to that.", "Kids respond to that", "platitude"),
        ("Nurses generally respect that.", "Nurses generally respect that", None),
        # vague amounts take their noun
        ("I've helped countless students.", "countless students", "vague-quantity"),
        ("At my last job I handled various escalations.", "various escalations", None),
        # second person and plural subjects stating a general truth
        ("You learn to prioritise.", "You learn to prioritise", "platitude"),
        ("There's loads of complaints, you just deal with them.", "you just deal", "platitude"),
        ("People look to me for direction because I'm a born organiser.", "People look", None),
        ("I've never once been late.", "I've never once been late", "self-praise"),
        ("I'm very open to criticism.", "I'm very open", "self-praise"),
        ("I consistently came in under budget.", "I consistently came in", "habitual"),
        ("It's the only way to grow.", "It's the only way to grow", "platitude"),
        ("People work harder when they feel valued.", "People work harder when they", "platitude"),
        ("You weigh up the pros and cons and go with your gut.", "You weigh up the pros", None),
        ("If it's a lot, I go for a run.", "I go for a run", "habitual"),
        ("For me it's all about the customer experience.", "all about the customer", "platitude"),
        ("I believe in leading from the front.", "I believe in leading", "platitude"),
        ("I have excellent time management.", "excellent time management", "self-praise"),
        ("I'm someone people can rely on.", "I'm someone people can rely on", "self-praise"),
        ("Throughout my career I've handled complaints.", "Throughout my career", None),
        # "we" with no "I"
        ("We've built dashboards and we present them.", "We've built dashboards", "vague-we"),
    ],
)
def test_grammar_cues_catch_new_wording(text: str, phrase: str, kind: str | None) -> None:
    analysis = run(text)
    assert flagged(analysis, phrase, kind), flags(analysis)


@pytest.mark.parametrize(
    "text",
    [
        "I asked the manager if I could open the second till at eleven, and the queue was gone.",
        "I'm on the grill and the ticket machine stops, so I call the orders out.",
        "I checked the fonts on each of the 40 files in Acrobat.",
        "In May the drug fridge log had gaps every weekend, so I taped a tick sheet to the door.",
        "I'm a nurse on the surgical ward at Leeds General.",
        "You probably shouldn't hire me if you need someone to run Kubernetes on day one.",
    ],
)
def test_story_wording_is_not_flagged(text: str) -> None:
    found = [f for f in flags(run(text)) if f[1] in ("habitual", "hypothetical", "self-praise")]
    assert found == []


def test_long_sentences_are_shaded_clause_by_clause() -> None:
    text = (
        "I was on the late shift at the Morrisons in Hull and honestly I always try to stay calm "
        "with people because customers just want to be heard, and then this man came in "
        "shouting about his click and collect order, so I checked the system, found it in the "
        "wrong cage, and he left with it ten minutes later."
    )
    analysis = run(text)
    assert len(analysis.sentences) >= 3
    for a, b in zip(analysis.sentences, analysis.sentences[1:], strict=False):
        assert a.end <= b.start
    scores = {text[s.start : s.end]: s.specificity for s in analysis.sentences}
    vague = next(v for k, v in scores.items() if "always try" in k)
    told = next(v for k, v in scores.items() if "ten minutes later" in k)
    assert vague < 50 < told
    short = run("I always put the customer first. Last Tuesday I rang Mrs Okafor.")
    assert len(short.sentences) == 2  # short sentences stay whole


def test_suggestions_quote_the_answer_and_show_an_example() -> None:
    analysis = run(
        "Last June at the Leeds office, the printer queue jammed on every PDF. I opened the log "
        "files myself and I checked the fonts on each of the 40 files in Acrobat."
    )
    result = next(s for s in analysis.suggestions if "result" in s)
    assert '"I opened the log files myself"' in result and "e.g." in result
    generic = run("I'm a natural communicator and I've helped countless students.")
    joined = " ".join(generic.suggestions)
    assert "I'm a natural communicator" in joined
    assert "countless students" in joined


def test_saying_no_ends_a_sentence_but_no_5_does_not() -> None:
    analysis = run("I kept the queue moving without saying no. I found the receipt in No. 5 bag.")
    assert len(analysis.sentences) == 2


def test_self_praise_stops_at_the_story_after_it() -> None:
    analysis = run(
        "I'm very organised, so when our office move slipped a week in June I rebuilt the "
        "seating plan in Excel overnight and emailed all sixty staff their new desks before "
        "8 a.m. Nobody turned up at the wrong floor."
    )
    assert ("I'm very organised", "self-praise") in flags(analysis)
    assert analysis.verdict == "specific"


def test_two_sentences_generic_opener_then_a_story_is_specific() -> None:
    analysis = run(
        "Customers always ask for the manager when the card machine is down. Last Black Friday "
        "it went down at 11, so I set up the spare one from the back office and we lost maybe "
        "five sales."
    )
    assert analysis.verdict == "specific"
    assert any(kind == "habitual" for _, kind in flags(analysis))


def test_present_tense_story_details_are_not_flagged() -> None:
    analysis = run(
        "So I'm on reception at the Premier Inn in Bath, it's about midnight, and a guy comes in "
        "soaked saying his car has broken down on the A4. We're full. I ring the Travelodge down "
        "the road, they've got one room, and I call him a taxi. He leaves a five-star review "
        "mentioning me by name."
    )
    assert not [f for f in analysis.flags if f.kind in ("vague-we", "habitual")]
    assert analysis.star_sentences["R"] == "He leaves a five-star review mentioning me by name"


def test_result_clause_with_a_later_i_and_a_past_habit_in_a_story() -> None:
    counted = run(
        "I'd been at Screwfix about six months when our stock count was out by four hundred "
        "pounds. I went through every delivery note from March, found a pallet of drill bits "
        "booked in twice, and the count matched after I corrected it."
    )
    assert counted.star_sentences["R"] == "the count matched after I corrected it"
    ward = run(
        "It was my second placement, on a dementia ward in Derby. One lady, Irene, would refuse "
        "her tablets every evening. I started giving her tablets with a sweet tea and she took "
        "them every night that week."
    )
    assert not [f for f in ward.flags if f.kind == "habitual"]


def test_task_statement_in_the_scene_sentence_counts() -> None:
    analysis = run(
        "Honestly I'm not a natural public speaker. But in May I had to present our bid to the "
        "council planning committee, so I rehearsed it with my manager three times and cut it "
        "down to eight slides. We got the contract."
    )
    assert analysis.star == {"S": True, "T": True, "A": True, "R": True}


def test_cv_lines_in_the_past_tense_are_still_claims() -> None:
    analysis = run(
        "So at Amazon I ran a team of 25 pickers, and then at Ocado I ran 60, and we always hit "
        "99.8 percent accuracy. I reduced mispicks by 40 percent and won employee of the quarter "
        "twice. I know how to run a tight operation."
    )
    assert analysis.verdict == "generic"
    assert ("I ran a team of 25 pickers", "unsupported-number") in flags(analysis)
    assert flagged(analysis, "won employee of the quarter twice", "unsupported-number")


@pytest.mark.parametrize(
    "text",
    [
        "Our printer jammed before a funeral service. I printed the orders of service at the "
        "library instead. The family never knew.",
        "I'm a nurse on a busy surgical ward. One night a patient's blood pressure dropped after "
        "a bowel resection. I called the outreach team, started fluids as prescribed and stayed "
        "with him. He was back on the ward by morning.",
        "I think the best example is my dissertation. My supervisor left in the second term, so "
        "I emailed Dr Patel in the stats department, she agreed to co-supervise, and I submitted "
        "on time with a 68.",
    ],
)
def test_plain_modest_stories_with_action_and_result_are_specific(text: str) -> None:
    analysis = run(text)
    assert analysis.star["A"] and analysis.star["R"]
    assert analysis.verdict == "specific"


def test_holiday_present_tense_scene_and_past_would_in_a_story() -> None:
    boxing = run(
        "So it's Boxing Day and the tills go down at the Next in Leeds. I grab the paper refund "
        "book, Shona takes the queue, and we carry on by hand for forty minutes until IT reboots "
        "the server."
    )
    assert boxing.verdict == "specific"
    assert not [f for f in boxing.flags if f.kind in ("habitual", "unsupported-number")]
    vet = run(
        "I remember my first week at the practice, a lady came in with her cat and she was "
        "crying because he'd stopped eating. I would normally just book the vet, but I sat with "
        "her, got the vet to see him straight away, and it was a blockage they could fix."
    )
    assert "hypothetical" not in {f.kind for f in vet.flags}
    assert vet.verdict == "specific" and vet.star["R"]


def test_vague_past_story_with_no_anchor_gets_no_story_bonus() -> None:
    analysis = run(
        "A colleague and I didn't see eye to eye on something at my last job. We had a frank "
        "conversation, we agreed to disagree, and honestly our working relationship was much "
        "stronger after that."
    )
    assert analysis.verdict == "generic"
    assert flagged(analysis, "we agreed to disagree")


def test_stock_phrases_carry_their_short_clause_only() -> None:
    short = run("Going the extra mile's just how I was brought up.")
    assert ("Going the extra mile's just how I was brought up", "cliche") in flags(short)
    long = run(
        "We went the extra mile on the Hartley order by driving the last forty boxes to their "
        "Derby warehouse ourselves on the Sunday before the launch."
    )
    assert all(len(text.split()) <= 10 for text, kind in flags(long) if kind == "cliche")
