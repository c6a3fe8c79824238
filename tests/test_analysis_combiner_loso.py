"""The combiner judged the honest way: trained on all labelled sets but one, tested on that one.

Floors a little below the measured leave-one-set-out figures (worst set, blind 12: generic-F1
0.938, hard-case accuracy 0.901; see README), so a feature or training change that makes the
coach worse on answers it was not fitted to is caught.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
WORST_F1_FLOOR = 0.92
WORST_HARD_FLOOR = 0.89


@pytest.fixture(scope="module")
def trainer():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    try:
        import train_combiner
    finally:
        sys.path.remove(str(BENCH))
    return train_combiner


def test_leave_one_set_out_worst_set_floor(trainer, shared_dir: Path) -> None:  # type: ignore[no-untyped-def]
    sets = trainer.default_sets()
    assert len(sets) >= 17  # the shared dev set and sixteen sets in tests/data
    rows = trainer.load(sets)
    x = np.array([r["_x"] for r in rows])
    y = np.array([r["label"] == "specific" for r in rows], dtype=float)
    worst_f1 = worst_hard = 1.0
    for name in sorted({r["_set"] for r in rows}):
        test = np.array([r["_set"] == name for r in rows])
        model = trainer.fit(x[~test], y[~test])
        held = [r for r, t in zip(rows, test, strict=True) if t]
        m = trainer.metrics(held, trainer.predict(model, x[test]))
        worst_f1 = min(worst_f1, m["generic_f1"])
        worst_hard = min(worst_hard, m["hard_accuracy"])
        # every weight reads the way its feature's meaning says
        for feature, weight in zip(model["names"], model["weights"], strict=True):
            assert trainer.SIGNS.get(feature, 0) * weight >= 0, feature
    assert worst_f1 >= WORST_F1_FLOOR
    assert worst_hard >= WORST_HARD_FLOOR


def test_training_reads_answers_exactly_as_the_app_does(trainer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The combiner is trained on the features the app computes (role-play, estimate and
    salary answers included, where the question changes what counts as a flag). Answers of
    three sentences or more: shorter ones lean on their sentences' own detail."""
    from offguard.analysis import analyze_text
    from offguard.analysis.combiner import probability, weights

    rows = [
        (
            "Sell me this pen.",
            "Can I ask what you write with? ... A biro, right. So I'd say this one's a gel "
            "refill, you can see the ink. You sign leases daily, so I'd put one in your car. "
            "Shall I leave you two?",
        ),
        (
            "How many petrol stations are there in the UK?",
            "Um, I drive past about six on my twenty mile commute. So call it one every three "
            "miles. You probably need one for every seven thousand people, so sixty-seven "
            "million over seven thousand is about nine thousand.",
        ),
        (
            "What salary are you looking for?",
            "I'm on twenty-nine now, my payslip says so. Your ad "
            "says thirty-two to thirty-six, so I'd want thirty-four. You keep the van.",
        ),
        (
            "Tell me about a time you led a team.",
            "In March our fridge failed on a Friday night. "
            "I moved the fish to the bar cooler, I rang the engineer, and Sam kept the pass going. "
            "We lost nothing and served a hundred and ten covers.",
        ),
    ]
    path = tmp_path / "answers-parity.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": str(i), "question": q, "text": t, "label": "specific"}) + "\n"
            for i, (q, t) in enumerate(rows)
        ),
        encoding="utf-8",
    )
    model = weights()
    for row in trainer.load([path]):
        feats = dict(zip(trainer.NAMES, row["_x"], strict=True))
        expected = 100.0 * probability(feats, model)
        assert analyze_text(row["text"], question=row["question"]).specificity == pytest.approx(
            expected
        )
