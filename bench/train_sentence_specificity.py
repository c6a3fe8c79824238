"""Train the per-sentence specificity model (src/offguard/analysis/sentence_model.json).

    PYTHONPATH=src python bench/train_sentence_specificity.py [--check]

Ridge regression of the crowd rating (1-5) on the standardised features of
:mod:`offguard.analysis.sentence_model`, fitted on the development three quarters of the
Twitter, Yelp and movie-review ratings of Ko, Durrett & Li 2019 pooled
(tests/data/sentence-specificity; every fourth sentence is held back and never used here).
Each weight must point the way the literature says (more names, numbers, times, concrete
nouns, past-tense verbs, rare words and length: more specific; more abstract nouns,
adjectives, degree words, pronouns and stop words: less): a feature whose fitted weight
points the other way is left out (weight 0) and the rest refitted, so every weight reads
plainly. The ridge penalty is chosen by leave-one-domain-out correlation on the development part
(the WORST domain counts), so the weights favour what carries across domains.
``--check`` recomputes the weights and fails if they differ from the shipped file.
"""

from __future__ import annotations

import json
import sys

import numpy as np
from _sentences import DOMAINS, load, pearson, split

from offguard.analysis.nlp import get_nlp
from offguard.analysis.sentence_model import FEATURES, features

OUT = (
    __import__("pathlib").Path(__file__).resolve().parents[1]
    / "src"
    / "offguard"
    / "analysis"
    / "sentence_model.json"
)
PENALTIES = (0.1, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0)
#: The direction each feature's weight must have (+1 more specific, -1 less).
SIGNS = {
    "words": 1,
    "names": 1,
    "numbers": 1,
    "times": 1,
    "concrete_nouns": 1,
    "abstract_nouns": -1,
    "past_verbs": 1,
    "adjective_rate": -1,
    "degree_words": -1,
    "pronoun_rate": -1,
    "stopword_rate": -1,
    "rarity": 1,
}


def fit(x: np.ndarray, y: np.ndarray, penalty: float) -> dict[str, object]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    keep = np.ones(z.shape[1], dtype=bool)
    while True:
        w = np.zeros(z.shape[1])
        zk = z[:, keep]
        w[keep] = np.linalg.solve(zk.T @ zk + penalty * np.eye(zk.shape[1]), zk.T @ (y - y.mean()))
        wrong = np.array([w[i] * SIGNS[f] < 0 for i, f in enumerate(FEATURES)])
        if not wrong.any():
            break
        keep &= ~wrong
    return {
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in w],
        "intercept": round(float(y.mean()), 6),
    }


def predict(model: dict[str, object], x: np.ndarray) -> np.ndarray:
    mean = np.array(model["mean"])
    scale = np.array(model["scale"])
    w = np.array(model["weights"])
    return float(model["intercept"]) + ((x - mean) / scale) @ w  # type: ignore[arg-type]


def main(argv: list[str]) -> int:
    nlp = get_nlp()
    data: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for domain in DOMAINS:
        dev, _ = split(load(domain))
        docs = nlp.pipe([s for _, s in dev], disable=["ner"])
        data[domain] = (
            np.array([features(d) for d in docs]),
            np.array([r for r, _ in dev]),
        )
    best: tuple[float, float] | None = None
    for penalty in PENALTIES:
        worst = 1.0
        for out in DOMAINS:
            x = np.vstack([data[d][0] for d in DOMAINS if d != out])
            y = np.concatenate([data[d][1] for d in DOMAINS if d != out])
            m = fit(x, y, penalty)
            r = pearson(list(predict(m, data[out][0])), list(data[out][1]))
            worst = min(worst, r)
        print(f"penalty {penalty:>6}: worst leave-one-domain-out r = {worst:.3f}")
        if best is None or worst > best[1] + 1e-9:
            best = (penalty, worst)
    assert best is not None
    x = np.vstack([data[d][0] for d in DOMAINS])
    y = np.concatenate([data[d][1] for d in DOMAINS])
    model = fit(x, y, best[0])
    model["penalty"] = best[0]
    model["trained_on"] = "Ko, Durrett & Li 2019 ratings, development part (index % 4 != 3)"
    text = json.dumps(model, indent=1) + "\n"
    for name, w in zip(FEATURES, model["weights"], strict=True):  # type: ignore[call-overload]
        print(f"  {name:<16} {w:+.3f}")
    if "--check" in argv:
        if OUT.read_text("utf-8") != text:
            print("sentence_model.json differs from a fresh training run", file=sys.stderr)
            return 1
        print("sentence_model.json matches")
        return 0
    OUT.write_text(text, "utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
