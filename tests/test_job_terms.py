"""Job-ad key terms for five trades, matched in answers (inflections, word order, compounds),
and ``offguard analyze FILE --job JOBFILE --json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from offguard.analysis.job_terms import extract_terms, job_terms, match_terms
from offguard.cli.main import run

ADS = Path(__file__).parent / "data" / "job_ads"


def ad(name: str) -> str:
    return (ADS / f"{name}.txt").read_text(encoding="utf-8")


def terms_of(name: str) -> list[str]:
    return [t.text for t in extract_terms(ad(name))]


@pytest.mark.parametrize(
    ("name", "expected", "never"),
    [
        (
            "sre",
            ["incident response", "postmortems", "Kubernetes", "Terraform", "capacity planning"],
            [
                "competitive salary",
                "salary",
                "pension",
                "equal opportunities employer",
                "Northwind",
                "Leeds",
                "experience",
                "you",
            ],
        ),
        (
            "chef",
            ["head chef", "stock control", "food safety standards", "HACCP", "kitchen porters"],
            ["competitive salary", "tips", "free meals", "The Old Bell", "Harrogate", "skills"],
        ),
        (
            "nurse",
            [
                "patient care",
                "wound care",
                "medication administration",
                "discharge planning",
                "NMC registration",
            ],
            ["NHS pension", "flexible working", "annual leave", "St Mary's", "safe"],
        ),
        (
            "electrician",
            [
                "EICR reports",
                "lighting circuits",
                "distribution boards",
                "fire alarm systems",
                "ECS gold card",
            ],
            ["Brightline", "Bristol", "company van", "overtime", "holiday"],
        ),
        (
            "warehouse",
            [
                "customer orders",
                "handheld scanners",
                "pallet wrapping",
                "stock rotation",
                "forklift licence",
                "loading bay",
            ],
            ["weekly pay", "free parking", "staff discount", "ParcelPoint", "Daventry"],
        ),
    ],
)
def test_key_terms_kept_whole_and_boilerplate_out(
    name: str, expected: list[str], never: list[str]
) -> None:
    found = terms_of(name)
    for term in expected:
        assert term in found, (term, found)
    lowered = {t.lower() for t in found}
    for junk in never:
        assert junk.lower() not in lowered, (junk, found)
        assert not any(junk.lower() in t for t in lowered if len(junk) > 4), (junk, found)
    assert len(found) <= 20


def test_ranking_puts_repeated_terms_first() -> None:
    terms = extract_terms(ad("chef"))
    assert terms[0].text == "kitchen"  # four mentions
    weights = [t.weight for t in terms]
    assert weights == sorted(weights, reverse=True)


ANSWERS = {
    "sre": (
        "Last March our payments API went down. I was on call, so I led the response to the "
        "incident: I rolled back the deploy on our Kubernetes cluster, then wrote the "
        "post-mortem the next morning and added two Prometheus alerts.",
        ["incident response", "postmortems", "Kubernetes", "Prometheus"],
        ["Terraform", "capacity planning", "AWS", "Grafana"],
    ),
    "chef": (
        "On a Saturday service last May our head chef went off sick, so I ran the kitchen "
        "brigade myself. I re-did the allergen checks, kept the HACCP logs and trained a new "
        "commis chef on the pass.",
        ["head chef", "kitchen brigade", "HACCP", "commis chefs"],
        ["sous chef", "stock control", "food costs", "food safety standards"],
    ),
    "nurse": (
        "On a night shift a patient's score went from 3 to 7. I escalated to the registrar, "
        "dressed the wound, took over wound care for the bay and documented every "
        "observation on the electronic record.",
        ["wound care", "documentation"],
        ["medication administration", "discharge planning", "NMC registration"],
    ),
    "electrician": (
        "Last winter I was called to a school where the fire alarm kept tripping. I did the "
        "fault finding on the lighting circuits, found a damp junction box, replaced it and "
        "issued an EICR.",
        ["fire alarm systems", "lighting circuits", "EICR reports"],
        ["distribution boards", "ECS gold card", "driving licence"],
    ),
    "warehouse": (
        "During peak last December I picked and packed 400 orders a night with the handheld "
        "scanner, and I unloaded the trailers with the counterbalance.",
        ["handheld scanners", "unloading trailers"],
        ["pallet wrapping", "stock rotation", "forklift licence", "loading bay"],
    ),
}


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_covered_and_missing_in_an_answer(name: str) -> None:
    answer, covered, missing = ANSWERS[name]
    result = job_terms(ad(name), answer)
    for term in covered:
        assert term in result.covered, (term, result)
    for term in missing:
        assert term in result.missing, (term, result)
    assert set(result.covered).isdisjoint(result.missing)
    assert len(result.top_missing()) == 3


def test_inflections_order_and_compounds_match() -> None:
    terms = extract_terms("Write postmortems, lead incident response, run on-call rotas.")
    by_text = {t.text: t for t in terms}
    assert {"postmortems", "incident response"} <= set(by_text)
    cases = {
        "I wrote the postmortem": "postmortems",
        "I wrote a post-mortem": "postmortems",
        "I led the response to the incident": "incident response",
        "our incident responses were slow": "incident response",
    }
    for answer, term in cases.items():
        assert term in match_terms([by_text[term]], answer).covered, answer
    assert "incident response" in match_terms([by_text["incident response"]], "I responded").missing


def test_empty_or_boilerplate_only_ads_give_no_terms() -> None:
    assert extract_terms("") == []
    assert extract_terms("   \n\n- \n") == []
    only_offer = "We offer a competitive salary, a pension and 25 days holiday.\n"
    assert extract_terms(only_offer + "We are an equal opportunities employer.") == []
    assert job_terms("", "I fixed it.").covered == ()


def test_cli_analyze_with_a_job_ad(tmp_path: Path, capsys: Any) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWERS["sre"][0], encoding="utf-8")
    args = ["--data-dir", str(tmp_path / "data")]
    assert run(["analyze", str(answer), "--job", str(ADS / "sre.txt"), "--json", *args]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "incident response" in data["job_terms"]["covered"]
    assert "Terraform" in data["job_terms"]["missing"]
    assert data["verdict"] in ("specific", "generic")
    assert run(["analyze", str(answer), "--job", str(ADS / "sre.txt"), *args]) == 0
    plain = capsys.readouterr().out
    assert "Job ad terms used:" in plain and "Missing (most important first):" in plain
    assert run(["analyze", str(answer), "--job", str(tmp_path / "nope.txt"), *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("offguard: error: Cannot read") and err.count("\n") == 1


def test_hyphenated_compounds_stay_whole_and_match_written_either_way() -> None:
    ad = (
        "Full-time, hands-on role. Own the on-call rotation, write post-mortems and run "
        "real-time data pipelines."
    )
    found = [t.text for t in extract_terms(ad)]
    assert {"on-call rotation", "post-mortems", "real-time data pipelines"} <= set(found)
    assert not any("full" in t or "hands" in t or "role" in t for t in found)
    result = job_terms(ad, "I was on call for the rotation and wrote the postmortem.")
    assert {"on-call rotation", "post-mortems"} <= set(result.covered)
    assert "real-time data pipelines" in result.missing
