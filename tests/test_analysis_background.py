"""Flags a reviewer would not raise: a habit or remark inside a story judged specific (its
background), a figure in a question, the role-play's own "I'd say" (``analyze_text``)."""

from __future__ import annotations

import pytest

from offguard.analysis import analyze_text

STORY = (
    "In March our turntable motor failed on the second night of the run. I got on headset "
    "and counted the cue from the stage manager for Marcus and me. We get about sixty "
    "call-outs a year for that motor. I pushed the downstage left point through the whole "
    "of Act Two by hand, and the engineer replaced the motor the next morning. "
)


def kinds(text: str, question: str | None = None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in analyze_text(text, question=question).flags:
        out.setdefault(f.kind, []).append(f.text)
    return out


def test_a_habit_between_told_sentences_of_a_specific_story_is_background() -> None:
    analysis = analyze_text(STORY, question="Tell me about a time you worked in a team.")
    assert analysis.verdict == "specific"
    assert not [f for f in analysis.flags if "sixty" in f.text and f.kind == "habitual"]


def test_a_moral_that_closes_the_story_is_still_flagged() -> None:
    text = STORY + "At the end of the day teamwork makes the dream work."
    flagged = " ".join(f.text for f in analyze_text(text).flags if f.kind != "filler")
    assert "teamwork makes the dream work" in flagged


def test_a_figure_asked_about_is_no_claim() -> None:
    text = (
        "Can I ask what you write with? A biro from the hotel, right. You sign tenancy "
        "agreements most days, so this gel one will not blot. Shall I leave you two?"
    )
    found = kinds(text, question="Sell me this pen.")
    assert not [t for t in found.get("unsupported-number", []) if "two" in t]


def test_the_role_plays_own_i_would_say_is_no_hedge() -> None:
    text = (
        "Can I ask what you write with? A biro, okay. So what I'd say is, this one's a gel "
        "refill and you can see the ink. You sign leases daily, so keep one in the car."
    )
    found = kinds(text, question="Sell me this pen.")
    assert "hedge" not in found
    # outside a role-play "I'd say" still hedges
    story = "I'd say the handover went fine. I rang Priya at six and she took the keys."
    assert kinds(story, question="Tell me about a handover.").get("hedge") == ["I'd say"]


@pytest.mark.parametrize(
    ("text", "question", "kind", "shown"),
    [
        # an estimate judged generic shows its bare guesses (its task's wording in a good one)
        (
            "Oh, um, that's a hard one. Maybe a thousand? It depends on the location really. "
            "Somewhere in that range, I'd guess.",
            "How many hairdressers are there in Manchester?",
            None,
            ["Maybe", "I'd guess"],
        ),
        # a record of figures judged generic flags each figure
        (
            "I'm very commercially minded. In my last role falls went down 40 percent. I grew "
            "covers by 15 percent. I'm a people person, that's what people say.",
            "Tell me about a time you improved something.",
            "unsupported-number",
            ["40 percent", "15 percent"],
        ),
    ],
)
def test_a_generic_answer_shows_what_keeps_it_generic(
    text: str, question: str, kind: str | None, shown: list[str]
) -> None:
    analysis = analyze_text(text, question=question)
    assert analysis.verdict == "generic"
    flagged = [f.text for f in analysis.flags if f.kind != "filler" and kind in (None, f.kind)]
    for words in shown:
        assert any(words in t for t in flagged), (words, flagged)


def test_a_generic_estimates_guesses_are_explained_in_the_estimates_terms() -> None:
    text = (
        "Oh, um, that's a hard one. Maybe a thousand? It depends on the location really. "
        "Somewhere in that range, I'd guess."
    )
    reasons = {
        f.text: f.reason
        for f in analyze_text(text, question="How many hairdressers are there in Manchester?").flags
    }
    assert reasons["I'd guess"].startswith("A guess with nothing behind it")
    assert reasons["Maybe"].startswith("A guess with nothing behind it")


def test_the_team_praised_in_place_of_the_speakers_part_is_a_cliche() -> None:
    text = (
        "Last August the booking system went down when a coach of fifty-two came in. We went "
        "to the paper backup and we cut keys by hand. I think we coped really well, we worked "
        "as a team, and honestly it brought us closer."
    )
    cliches = kinds(text, question="Tell me about a time systems failed.").get("cliche", [])
    joined = " ".join(cliches)
    assert "coped really well" in joined and "as a team" in joined and "closer" in joined
