"""A present-tense scene framed as a routine is no occasion (:mod:`offguard.analysis.routine`):
a supposed scene ("say we're in a review"), a recast after it ("That's every Friday", "That's
what I do"), a scene of "you" with no date; the same scenes told as one time stay one time."""

from __future__ import annotations

import pytest

from offguard.analysis import analyze_text
from offguard.analysis.situations import analyse, parse

SCENE = (
    "So it's Friday night, we're doing three hundred covers at Lula's, the chef's in the "
    "office, and I'm running the pass. I'm calling tickets, I'm pulling Marco off the grill. "
)


@pytest.mark.parametrize(
    "text",
    [
        SCENE + "That's every Friday honestly.",
        SCENE + "That's what I do, I adapt.",
        SCENE + "Every single time.",
        SCENE + "That's basically how I handle it.",
        SCENE + "That's pressure every single day, and I thrive on it.",
        # the steps of what is always done, and a rule whose condition is told in the past
        "So something breaks in production and the alert fires in Slack. First thing I do, "
        "I check the logs in Datadog, I see what changed in the last deploy, and I roll back.",
        "So we're going down the road, I'm on the back, and someone comes out saying we missed "
        "their bin. I listen, I check the in-cab system. If it was their fault I explain "
        "nicely, and if it was ours we take it there and then.",
        # a rule for any time and a proportion of many occasions inside the "scene"
        "So I'm on the Leeds service and somebody hasn't got a ticket and they're kicking off. "
        "I stay calm, I explain the options. If they get aggressive I step back and radio the "
        "police. Nine times out of ten it calms down once they see you're not arguing.",
        "Say we're in a design review, and the structural engineer's saying the cantilever "
        "won't work, and I'm saying it has to. I listen, I sketch alternatives in front of them.",
        "You're on a job on the A38, you get there and there's three casualties, and the "
        "driver's trapped. I do my triage, I'm calling for a second crew.",
    ],
)
def test_a_scene_framed_as_a_routine_is_no_occasion(text: str) -> None:
    sit = analyse(parse(text))
    assert not sit.narrative_present
    assert "episodic" not in {c.kind for c in sit.clauses if c.subject == "i"}
    assert analyze_text(text, question="Tell me about a time you took charge.").verdict == (
        "generic"
    )


@pytest.mark.parametrize(
    "text",
    [
        SCENE + "And then the extraction fan dies and Marco says he's walking out. "
        "I tell him to take five, I ring the engineer, I move two mains to the oven.",
        "Last March you walk in and the whole board's red. The server's down and the client "
        "is shouting down the phone. So I ring Priya and she says it's the certificate, and I "
        "pull it.",
        # a scene's time set by "it's", and a dated scene of the speaker's own
        "So it's a Friday, I'm on my own in the branch, and a tenant comes in, furious. I say "
        "sorry, I get the landlord's authority out of the file and I book our plumber.",
        "So it's Mother's Day brunch, and the host just walks out. I grab the iPad, I put "
        "names on the list, and I seat the two-tops at the bar.",
        "Like, last week, I'm at this old terrace in Walthamstow. I go up in the loft, I "
        "follow the pipe back, and I open a gate valve behind the bath panel.",
        # "on a Sunday" framing a progressive scene, a customer's own "every week", a day set
        # by "this is", and the scene resumed by "so" after a self-description
        "So I'm closing the bar at the Crown on a Sunday, it's just me and Kasia, and this "
        "guy walks in wanting a pint. I say we've called time, and he starts saying he drinks "
        "here every week. So I come round the bar and I ring him a cab.",
        "Ok so, this is, um, a Sunday in May, I'm at the parkrun in Heaton, and a bloke just "
        "goes down. And I'm first aid trained from work, so I stop, I check he's breathing, "
        "so I start compressions and I shout for the defib.",
        # the practice a story led to is no routine of the scene
        SCENE + "And then the fryer dies and Marco walks out. I move the chips to the oven, I "
        "ring the engineer. So now what I do is I check the fryer at four.",
        # what was done once, and a sum that is no routine
        SCENE + "That's what I did, and we got every table out by eleven.",
    ],
)
def test_the_same_scenes_told_as_one_time_stay_one_time(text: str) -> None:
    assert analyse(parse(text)).narrative_present


def test_so_resumes_the_scene_after_a_self_description() -> None:
    text = (
        "Ok so, this is a Sunday in May, I'm at the parkrun in Heaton, and a bloke just goes "
        "down. And I'm first aid trained from work, so I stop, I check he's breathing."
    )
    kinds = {text[c.start : c.end]: c.kind for c in analyse(parse(text)).clauses}
    assert kinds["so I stop"] == "episodic"
    assert kinds["I check"] == "episodic"


def test_a_setting_that_describes_no_time_is_no_scene() -> None:
    text = (
        "In a warehouse it's pressure all the time, so I'm used to it. I keep my head down, "
        "I prioritise, I make sure the orders go out on time."
    )
    assert not analyse(parse(text)).narrative_present
    assert analyze_text(
        text, question="Tell me about a time you worked under pressure."
    ).verdict == ("generic")
