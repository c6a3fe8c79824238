"""The verdict: a logistic regression over clause-level features (no words, no phrase lists).

Features (:func:`features`) describe the answer's clauses as classed by
:mod:`offguard.analysis.situations`: how many tell one occasion, and whether the speaker's
own actions are among them; how long the longest run of told clauses is (a story told
through, not opened and dropped); what share are habits, kind-level claims, hypotheticals,
states and self-descriptions; whether the answer ends on a habit or a moral after its story;
time anchors, names and numbers inside told clauses versus elsewhere; and the question's type
(role-play, estimate, future plans, salary, "what would you do"), which changes what a
specific answer looks like. The weights are trained by ``bench/train_combiner.py`` on the
labelled answers and shipped as ``combiner.json``; inference is a dot product and a sigmoid.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources
from typing import Any

from offguard.analysis.flags import GENERIC_KINDS
from offguard.analysis.situations import Situations, speech_clauses

_ROLEPLAY = re.compile(
    r"\b(?:sell me|pitch|pretend|imagine (?:i'?m|you'?re)|role[- ]?play|convince me|handle me|"
    r"i'?m an? (?:\w+ )?(?:customer|patient|guest|client|caller|parent|resident|tenant|buyer))\b"
    r"|\bgo\.?$"
)
_ESTIMATE = re.compile(
    r"\b(?:how many|estimate|how much would|guess how|how long (?:would|will|does|do) it take)\b"
)
_FUTURE = re.compile(r"\b(?:five years|5 years|ten years|10 years|see yourself|future|plans?)\b")
_SALARY = re.compile(r"\b(?:salary|pay|paid|compensation|earn|money|expect(?:ations)?)\b")
_WOULD_YOU = re.compile(r"\b(?:what|how) (?:would|will|should) you\b|\bwhat if\b|\bif you\b")

#: Feature names in the order of the weight vector.
NAMES = (
    "bias",
    "log_clauses",
    "own_episodic",
    "other_episodic",
    "we_without_own",
    "others_only",
    "numbers_per_clause",
    "longest_told_run",
    "told_particular",
    "no_particular",
    "run_has_own",
    "share_episodic",
    "share_habitual",
    "share_generic",
    "share_hypothetical",
    "share_state",
    "self_description",
    "ends_unanchored",
    "anchors_told",
    "anchors_any",
    "names_told",
    "names_other",
    "numbers_told",
    "numbers_other",
    "perfect_states",
    "durations",
    "timeline_years",
    "lessons",
    "question_marks",
    "narrative_present",
    "present_routine",
    "particular_subjects",
    "speech",
    "questions_asked",
    "you_clauses",
    "q_roleplay",
    "q_estimate",
    "q_future",
    "q_salary",
    "q_would_you",
    "roleplay_x_questions",
    "roleplay_x_you",
    "estimate_x_numbers",
    "modal_outside_tasks",
    "future_x_anchor",
    "salary_x_numbers",
    "flags_cliche",
    "flags_buzzword",
    "flags_self_praise",
    "flags_platitude",
    "flags_vague_action",
    "flags_vague_outcome",
    "flags_vague_quantity",
    "flags_vague_we",
    "flags_unsupported_number",
    "flags_hedge",
    "flags_habitual",
    "flags_hypothetical",
)

#: Flag kinds (classes of wording, from :mod:`offguard.analysis.flags`) counted as features.
FLAG_KINDS = (*sorted(GENERIC_KINDS), "hedge")


def question_type(question: str | None) -> dict[str, float]:
    """One-hot-ish question types (several can hold)."""
    q = (question or "").lower()
    return {
        "q_roleplay": float(bool(_ROLEPLAY.search(q))),
        "q_estimate": float(bool(_ESTIMATE.search(q))),
        "q_future": float(bool(_FUTURE.search(q))),
        "q_salary": float(bool(_SALARY.search(q))),
        "q_would_you": float(bool(_WOULD_YOU.search(q))),
    }


def task_kinds(question: str | None) -> frozenset[str]:
    """Flag kinds that are the task itself for this question, not a fault: modal verbs in a
    role-play, an estimate, a five-years or a salary answer ("I'd ask what you use it for",
    "I'd need twenty-five"), and figures in an estimate, a salary answer or a plan (its dates,
    levels and steps)."""
    q = question_type(question)
    kinds: set[str] = set()
    if q["q_roleplay"] or q["q_estimate"] or q["q_future"] or q["q_salary"]:
        kinds.add("hypothetical")
    if q["q_estimate"]:
        # "maybe twenty an hour", "we run about eight hundred a week", "I build the rota":
        # an estimate's approximations and the workplace facts it reasons from
        kinds.update(("hedge", "vague-we", "habitual"))
    if q["q_roleplay"]:
        kinds.update(("habitual", "vague-we"))  # "we'd have it ready by Friday": the service
    if q["q_estimate"] or q["q_salary"] or q["q_future"]:
        kinds.add("unsupported-number")
    return frozenset(kinds)


def _log(x: float) -> float:
    return math.log1p(max(x, 0.0))


def features(
    sit: Situations, question: str | None, flag_kinds: dict[str, int] | None = None
) -> dict[str, float]:
    """The answer's clause-level features (see the module doc); ``flag_kinds`` counts the
    explanation flags by kind."""
    cl = sit.clauses
    n = max(len(cl), 1)
    kinds = [c.kind for c in cl]
    told = [c.kind == "episodic" for c in cl]
    own = sum(c.own for c in cl)
    other = sum(t and not c.own for c, t in zip(cl, told, strict=True))
    we = sum(t and c.subject == "we" for c, t in zip(cl, told, strict=True))
    # the longest run of told clauses (background states in between do not break it)
    best = run = 0
    best_own = run_own = False
    for c in cl:
        if c.kind == "episodic":
            run += 1
            run_own = run_own or c.own
        elif c.kind == "state" and run:
            continue
        else:
            run, run_own = 0, False
        if run > best or (run == best and run_own):
            best, best_own = run, run_own
    last_told = max((i for i, t in enumerate(told) if t), default=-1)
    tail = [k for k in kinds[last_told + 1 :] if k in ("habitual", "generic", "hypothetical")]
    q = question_type(question)
    modal = sum(k == "hypothetical" for k in kinds)
    questions = sum(c.question for c in cl)
    you = sum(c.subject == "you" for c in cl)
    numbers_told = sum(c.numbers for c, t in zip(cl, told, strict=True) if t)
    numbers_other = sum(c.numbers for c, t in zip(cl, told, strict=True) if not t)
    anchors_told = sum(c.anchor for c, t in zip(cl, told, strict=True) if t)
    f = {
        "bias": 1.0,
        "log_clauses": _log(len(cl)),
        "own_episodic": _log(own),
        "other_episodic": _log(other),
        "we_without_own": float(own == 0 and we > 0),
        "others_only": float(own == 0 and other > 0),
        "numbers_per_clause": (numbers_told + numbers_other) / n,
        "longest_told_run": _log(best),
        "told_particular": sum(c.particular for c, t in zip(cl, told, strict=True) if t)
        / max(sum(told), 1),
        # not one name, number, time or particular thing anywhere: "I went to college and
        # studied business, then I got a job in an office"
        "no_particular": float(not any(c.particular or c.numbers or c.names for c in cl)),
        "run_has_own": float(best_own),
        "share_episodic": sum(told) / n,
        "share_habitual": kinds.count("habitual") / n,
        "share_generic": kinds.count("generic") / n,
        "share_hypothetical": modal / n,
        "share_state": kinds.count("state") / n,
        "self_description": _log(
            sum(c.kind == "state" and c.subject == "i" and c.tense == "present" for c in cl)
        ),
        "ends_unanchored": float(bool(tail) and last_told >= 0),
        "anchors_told": _log(anchors_told),
        "anchors_any": float(any(c.anchor for c in cl)),
        "names_told": _log(sum(c.names for c, t in zip(cl, told, strict=True) if t)),
        "names_other": _log(sum(c.names for c, t in zip(cl, told, strict=True) if not t)),
        "numbers_told": _log(numbers_told),
        "numbers_other": _log(numbers_other),
        "perfect_states": _log(sum(c.aspect == "perfect" and c.kind == "state" for c in cl)),
        "durations": _log(sum(c.durations for c in cl)),
        "timeline_years": _log(max(sum(c.years for c in cl) - 1, 0)),
        "lessons": _log(sum(c.lesson for c in cl)),
        "question_marks": _log(sit.questions),
        "narrative_present": float(sit.narrative_present),
        # the speaker's plain present actions (a scene's or a routine's) against the particular
        # people and things acting ("Mr Hughes", "the first trailer", "she"), which a scene has
        "present_routine": _log(
            sum(
                c.tense == "present"
                and c.subject in ("i", "we")
                and not c.stative
                and c.aspect == "simple"
                for c in cl
            )
        ),
        "particular_subjects": _log(
            sum(c.subject in ("name", "definite", "this") and not c.stative for c in cl)
        ),
        "speech": _log(speech_clauses(cl)),
        "questions_asked": _log(questions),
        "you_clauses": _log(you),
        **q,
    }
    f["roleplay_x_questions"] = q["q_roleplay"] * f["questions_asked"]
    f["roleplay_x_you"] = q["q_roleplay"] * f["you_clauses"]
    f["estimate_x_numbers"] = q["q_estimate"] * _log(numbers_told + numbers_other)
    # modal verbs inside a role-play or an estimate are the task, not a hypothetical answer
    f["modal_outside_tasks"] = (1 - max(q["q_estimate"], q["q_roleplay"])) * modal / n
    f["future_x_anchor"] = q["q_future"] * f["anchors_any"]
    f["salary_x_numbers"] = q["q_salary"] * _log(numbers_told + numbers_other)
    task = task_kinds(question)
    for kind in FLAG_KINDS:
        count = 0 if kind in task else (flag_kinds or {}).get(kind, 0)
        f["flags_" + kind.replace("-", "_")] = _log(count)
    # in a role-play the answer speaks to "you": the interviewer, not people in general
    f["you_clauses"] = (1 - q["q_roleplay"]) * f["you_clauses"]
    return f


@cache
def weights() -> dict[str, Any]:
    """The shipped model: feature means, scales and weights (``combiner.json``)."""
    raw = resources.files("offguard.analysis").joinpath("combiner.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def probability(feats: dict[str, float], model: dict[str, Any] | None = None) -> float:
    """P(specific) from the features (a standardised logistic regression)."""
    m = model if model is not None else weights()
    z = 0.0
    for name, w, mean, scale in zip(m["names"], m["weights"], m["mean"], m["scale"], strict=True):
        x = feats.get(name, 0.0)
        z += w * (x - mean) / scale if name != "bias" else w
    if z < -40:
        return 0.0
    if z > 40:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def contributions(
    feats: dict[str, float], model: dict[str, Any] | None = None
) -> list[tuple[str, float]]:
    """Each feature's push on the verdict (positive: towards specific), largest first."""
    m = model if model is not None else weights()
    out = []
    for name, w, mean, scale in zip(m["names"], m["weights"], m["mean"], m["scale"], strict=True):
        if name != "bias":
            out.append((name, w * (feats.get(name, 0.0) - mean) / scale))
    return sorted(out, key=lambda p: -abs(p[1]))
