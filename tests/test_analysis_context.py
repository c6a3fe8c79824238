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


def test_a_reported_promise_is_not_hypothetical() -> None:
    a = analyze_text(
        "On the Friday before the launch in May the client rang me at six. I told her I'll "
        "check the build tonight, and I found the broken payment link by nine."
    )
    assert not _kinds(a, "hypothetical")


WEAKNESS_THEN_PRACTICE = (
    "I take on too much myself. The worst time was the Harlow refit in 2022: I kept all the "
    "supplier calls to myself and we lost two days when I was off sick. What I do now is I "
    "don't keep calls to myself, I log them in the shared tracker, and I brief my deputy "
    "every Friday. On the last three jobs I've worked that way and nothing slipped."
)


def test_the_new_practice_after_a_told_failure_is_not_a_habit_or_boast() -> None:
    a = analyze_text(WEAKNESS_THEN_PRACTICE)
    assert a.verdict == "specific"
    after = WEAKNESS_THEN_PRACTICE.index("What I do now")
    assert not [f for f in a.flags if f.start >= after and f.kind in ("habitual", "self-praise")]
    assert not _kinds(a, "unsupported-number")


def test_a_new_habit_with_no_told_event_stays_flagged() -> None:
    a = analyze_text(
        "I take on too much myself. What I do now is I don't keep things to myself, I "
        "always delegate and I brief my team every week. I've worked that way for ten years."
    )
    assert a.verdict == "generic"
    assert _kinds(a, "habitual") or _kinds(a, "unsupported-number")


def test_a_time_of_day_is_not_an_unsupported_number() -> None:
    a = analyze_text(
        "It's my first Saturday on the till and the card machine dies at eleven. I put a cash "
        "only sign up, I send Sam to the bank for change, and I write every card order in the "
        "book. By two we've got a loan machine and we haven't turned anyone away."
    )
    assert not _kinds(a, "unsupported-number")


def test_a_cv_figure_after_by_stays_unsupported() -> None:
    a = analyze_text(
        "I've managed teams of 40 and grown the region by 30% in two years. I'm a strong "
        "leader and I always deliver."
    )
    assert _kinds(a, "unsupported-number")


def test_pay_figures_in_a_salary_answer_are_not_scale_claims() -> None:
    a = analyze_text(
        "Fifty thousand base. I'm on forty-six now at Brightwell, and I've got an offer at "
        "forty-nine from another firm. I checked three similar roles in Leeds last month and "
        "they were all between forty-eight and fifty-two."
    )
    assert not _kinds(a, "unsupported-number")
    assert a.verdict == "specific"


def test_experience_in_a_salary_answer_stays_a_scale_claim() -> None:
    a = analyze_text(
        "I've had ten years of experience at the top level, so I'd expect the top of the "
        "band. It's not all about the money for me though."
    )
    assert _kinds(a, "unsupported-number")
    assert a.verdict == "generic"


ESTIMATE = (
    "Okay, thinking out loud. A bus is maybe ten metres by two and a half, and about two "
    "high, so fifty cubic metres. A golf ball is about four centimetres across, so if I treat "
    "it as a cube that's about sixty four cubic centimetres, call it sixty. A cubic metre is "
    "a million cubic centimetres, so about sixteen thousand per cubic metre. Times fifty is "
    "eight hundred thousand. Minus the seats, call it half a million."
)


def test_an_estimate_worked_aloud_is_specific() -> None:
    # the coach is question-aware: an estimate is judged as an answer to an estimate question
    a = analyze_text(ESTIMATE, question="How many golf balls fit in a bus?")
    assert a.verdict == "specific"
    assert not [f for f in a.flags if f.kind in ("unsupported-number", "habitual", "platitude")]


def test_counted_experience_is_not_working() -> None:
    a = analyze_text(
        "I've had 10 years of experience and 100s of clients. I've been promoted three times "
        "in five years. I always exceed my KPIs, two or three times over."
    )
    assert a.verdict == "generic"
    assert _kinds(a, "unsupported-number")


WE_STORY = (
    "We ran a summer fair for two thousand people once, at the old racecourse, and it rained "
    "all day. We moved the stalls into the grandstand, we had the brass band and the dog show. "
    "We pulled it off and the council loved it."
)


def test_an_event_told_only_as_we_is_generic() -> None:
    a = analyze_text(WE_STORY)
    assert a.verdict == "generic"
    assert _kinds(a, "vague-we")


def test_the_same_event_with_the_speakers_own_part_is_specific() -> None:
    a = analyze_text(
        "I ran a summer fair for two thousand people at the old racecourse last July, and it "
        "rained all day. I moved the stalls into the grandstand by ten, I rang the brass band "
        "to play under the stand, and I cut the dog show to one ring. We took four thousand "
        "pounds, three hundred more than the year before."
    )
    assert a.verdict == "specific"


def test_a_modal_backed_by_a_told_time_is_not_hypothetical() -> None:
    a = analyze_text(
        "I'd raise it with the manager straight away, and I have. In my first month at Halden "
        "Foods I found two pallets of chicken logged at eight degrees, and I took the probe "
        "readings to the shift manager, Priya, before the lorry left."
    )
    assert not _kinds(a, "hypothetical")


def test_a_wish_tied_to_the_told_event_is_not_hypothetical() -> None:
    a = analyze_text(
        "Last spring I volunteered at the Hackney food bank and rebuilt their stock sheet so "
        "the Saturday team could see what was running low by noon. Waste dropped by a third "
        "in two months. I'd like to do that kind of work full time."
    )
    assert not _kinds(a, "hypothetical")


def test_a_plain_would_stays_hypothetical() -> None:
    a = analyze_text("I'd stay calm, I'd listen to the customer and I'd find a solution.")
    assert _kinds(a, "hypothetical")


def test_a_story_of_a_kind_of_event_is_a_habit() -> None:
    a = analyze_text(
        "Yeah we got loads of those on the late shift, weekends mostly. There'd be a customer "
        "who'd waited too long and they'd start shouting, and I used my training, I kept calm "
        "and listened. It always settled down in the end."
    )
    assert a.verdict == "generic"
    habits = " | ".join(_kinds(a, "habitual"))
    assert "There'd be" in habits
    assert "loads of those" in habits
