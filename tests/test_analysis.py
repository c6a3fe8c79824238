"""The specificity coach: flags of each kind, specifics, STAR, sentences, suggestions."""

from __future__ import annotations

import json

import pytest

from offguard.analysis import ANALYSIS_VERSION, Analysis, analyze_text

SPECIFIC = (
    "Last March, on a Friday night at the Currys in Croydon, a man was shouting at the till "
    "because his TV box said fifty-five inch but had a fifty inside. I took him over to the "
    "collection desk and checked the serial. I rang our Bromley store, they had one, and I got "
    "it transferred for the next morning. He came back a week later and asked for me."
)
GENERIC = (
    "I always go above and beyond for my customers. I'm a hard worker and a team player. "
    "I would listen to them and find a solution. Communication is key."
)


def kinds(analysis: Analysis) -> set[str]:
    return {f.kind for f in analysis.flags}


@pytest.mark.parametrize(
    ("text", "kind", "phrase"),
    [
        ("Honestly, I'm a real team player at heart.", "self-praise", "team player"),
        ("We need to think outside the box here.", "cliche", "think outside the box"),
        ("It was about driving synergy across the group.", "buzzword", "synergy"),
        ("I always check the fridge temperatures.", "habitual", "I always check"),
        ("I'd call the customer back the same day.", "hypothetical", "I'd call the customer"),
        ("It was sort of a mess.", "hedge", "sort of"),
        ("The shop got loads of complaints.", "vague-quantity", "loads of"),
        ("We worked on the launch and we celebrated.", "vague-we", "We worked on the launch"),
        ("I'm very analytical and detail focused.", "self-praise", "I'm very analytical"),
        ("Um, so, the shop was busy.", "filler", "Um"),
        ("I've got eight years across the full stack.", "unsupported-number", "eight years"),
        ("Teamwork is really important in any job.", "platitude", "important in any job"),
        ("I dealt with it straight away.", "vague-action", "I dealt with it"),
        ("In the end they were really impressed.", "vague-outcome", "they were really impressed"),
    ],
)
def test_each_flag_kind(text: str, kind: str, phrase: str) -> None:
    analysis = analyze_text(text)
    hits = [f for f in analysis.flags if f.kind == kind]
    assert hits, f"no {kind} flag in {text!r}: {[(f.kind, f.text) for f in analysis.flags]}"
    assert any(phrase.lower() in f.text.lower() or f.text.lower() in phrase.lower() for f in hits)
    for flag in hits:
        assert text[flag.start : flag.end] == flag.text
        assert flag.reason.endswith(".") and len(flag.reason) > 20


def test_past_perfect_is_not_hypothetical() -> None:
    analysis = analyze_text(
        "I'd only done the first-aid course the month before, so I called Janet."
    )
    assert "hypothetical" not in kinds(analysis)


def test_specific_story_scores_high_and_generic_low() -> None:
    good, bad = analyze_text(SPECIFIC), analyze_text(GENERIC)
    assert good.verdict == "specific" and good.specificity >= 50
    assert bad.verdict == "generic" and bad.specificity < 50
    assert good.version == bad.version == ANALYSIS_VERSION


def test_specifics_spans_name_what_is_concrete() -> None:
    analysis = analyze_text(SPECIFIC)
    found = {s.kind for s in analysis.specifics}
    assert {"time", "named-entity", "own-action", "number", "outcome"} <= found
    assert any(s.kind == "own-action" and s.text.startswith("I rang") for s in analysis.specifics)
    for span in analysis.specifics:
        assert SPECIFIC[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # present-tense narrative of one event
        (
            "So it's six a.m., I'm on the loading bay at the Avonmouth depot and the driver tells "
            "me the trailer has the wrong cages. I check the manifest, I grab two of the lads and "
            "we swap them in twenty minutes. The store gets its delivery before opening.",
            "specific",
        ),
        # past tense with characters but no particular event
        (
            "My old manager, she was tough, and I had to adapt, and I did. She had high standards. "
            "It wasn't easy but I always found a way, and she taught me resilience.",
            "generic",
        ),
        # numbers and names with no event
        (
            "I've got ten years at Oracle and SAP, I've closed over forty million in revenue and "
            "I've managed hundreds of accounts across EMEA. I'm very results-driven.",
            "generic",
        ),
        # hesitant generic
        (
            "Um, so, I guess, um, I'm someone people come to, you know? I sort of take the lead "
            "on a lot of stuff and, um, I just try to lead by example really.",
            "generic",
        ),
        # cliché opener, then a concrete example with a result
        (
            "I'm a real team player. Last December two of our drivers in Sheffield went off with "
            "flu in peak week, so I took half of Gary's route on top of mine for four days. We "
            "didn't miss a parcel and the depot manager put us up for the regional award.",
            "specific",
        ),
        # short, plain, modest and specific
        (
            "A guest complained her room smelled of smoke. We were full, so I moved her to the "
            "manager's flat upstairs for the night and comped breakfast. She booked again in June.",
            "specific",
        ),
    ],
)
def test_hard_case_styles(text: str, verdict: str) -> None:
    assert analyze_text(text).verdict == verdict


def test_length_alone_does_not_decide() -> None:
    rambling = " ".join([GENERIC] * 8)
    assert analyze_text(rambling).verdict == "generic"


def test_star_each_letter() -> None:
    text = (
        "Last May our checkout page at Brightcart kept timing out. "
        "I had to get it fixed before the bank holiday sale. "
        "I pulled the slow query log, found a missing index and added it back on the replica. "
        "In the end page times went from eight seconds to under one."
    )
    analysis = analyze_text(text)
    assert analysis.star == {"S": True, "T": True, "A": True, "R": True}
    assert analysis.star_sentences["S"] and "Last May" in analysis.star_sentences["S"]
    assert analysis.star_sentences["T"] and "had to" in analysis.star_sentences["T"]
    assert analysis.star_sentences["A"] and "I pulled" in analysis.star_sentences["A"]
    assert analysis.star_sentences["R"] and "In the end" in analysis.star_sentences["R"]


def test_star_missing_letters_on_generic() -> None:
    analysis = analyze_text(GENERIC)
    assert analysis.star == {"S": False, "T": False, "A": False, "R": False}
    assert all(v is None for v in analysis.star_sentences.values())


def test_sentence_scores_shade_the_transcript() -> None:
    text = "I always put the customer first. Last Tuesday I rang Mrs Okafor about her boiler."
    analysis = analyze_text(text)
    assert len(analysis.sentences) == 2
    first, second = analysis.sentences
    assert text[first.start : first.end].startswith("I always")
    assert first.specificity < 30 and second.specificity > first.specificity + 20


def test_suggestions_follow_what_is_missing() -> None:
    hypo = analyze_text("I would stay calm and I'd escalate it to my manager if needed.")
    assert 1 <= len(hypo.suggestions) <= 3
    assert "what you did" in hypo.suggestions[0]
    no_result = analyze_text(
        "Last June at the Leeds office, the printer queue jammed on every PDF. "
        "I opened the logs and checked the fonts on each file."
    )
    assert any("result" in s for s in no_result.suggestions)
    we = analyze_text("We had a big launch. We worked hard and we delivered it on time.")
    assert any("you did yourself" in s for s in we.suggestions)


def test_empty_and_blank_input() -> None:
    for text in ("", "   \n\t", "...?!"):
        analysis = analyze_text(text)
        assert analysis.verdict == "generic"
        assert analysis.specificity == 0
        assert analysis.flags == [] and analysis.sentences == []
        assert analysis.suggestions and "Answer the question" in analysis.suggestions[0]


def test_huge_input_works() -> None:
    text = " ".join([SPECIFIC, GENERIC] * 650)  # about 50,000 words
    assert len(text.split()) > 45_000
    analysis = analyze_text(text)
    assert analysis.verdict in ("generic", "specific")
    assert len(analysis.sentences) > 3000
    assert all(text[f.start : f.end] == f.text for f in analysis.flags)


def test_to_dict_is_json_ready_and_complete() -> None:
    data = analyze_text(SPECIFIC, question="Describe a time you handled an angry customer.")
    out = json.loads(json.dumps(data.to_dict()))
    assert set(out) >= {
        "version",
        "verdict",
        "specificity",
        "flags",
        "specifics",
        "sentences",
        "star",
        "star_sentences",
        "suggestions",
        "delivery",
    }
    assert out["delivery"] is None
    for flag in out["flags"]:
        assert set(flag) == {"start", "end", "text", "kind", "reason"}
    assert set(out["star"]) == set("STAR")


def test_curly_apostrophes_are_read_like_straight_ones() -> None:
    analysis = analyze_text("I\u2019d escalate it and I\u2019m a team player.")
    assert {"hypothetical", "self-praise"} <= kinds(analysis)


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("On Friday, police in Leeds arrested two men after a van hit a bus shelter.", "specific"),
        ("She opened her first bakery in a converted garage in Bristol in 1998.", "specific"),
        ("Many people believe that the changes will help.", "generic"),
        ("Things are getting better, but there is still a long way to go.", "generic"),
    ],
)
def test_single_sentences_are_judged_on_their_detail(sentence: str, verdict: str) -> None:
    analysis = analyze_text(sentence)
    assert analysis.verdict == verdict
    # the shading of the one sentence agrees with the verdict
    assert (analysis.sentences[0].specificity >= 50) == (verdict == "specific")


def test_transcript_without_punctuation_is_cut_into_pieces() -> None:
    text = (SPECIFIC.replace(".", "").replace(",", "") + " ") * 3
    analysis = analyze_text(text)
    assert len(analysis.sentences) >= 4
    assert all(text[s.start : s.end].strip() for s in analysis.sentences)
    assert analysis.verdict == "specific"


def test_huge_run_on_text_without_punctuation() -> None:
    text = " ".join(["and I rang the depot in Leeds"] * 7000)  # 49,000 words, no full stop
    analysis = analyze_text(text)
    assert len(analysis.sentences) > 100
