"""One answer read for the verdict: its clauses (:mod:`offguard.analysis.situations`) and its
cues and flags (:mod:`offguard.analysis.score`), adjusted for the question's task. The app
(:func:`offguard.analysis.analyze_text`) and the combiner's training
(``bench/train_combiner.py``) both read answers here, so the model is trained on exactly the
features it is used with."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from offguard.analysis.combiner import question_type, task_kinds
from offguard.analysis.score import Scored, count_kinds, score_text
from offguard.analysis.situations import Situations, analyse

if TYPE_CHECKING:
    from spacy.tokens import Doc

_SAY = re.compile(r"(?:i'd|i would|i'll|i will) say")


def read_answer(text: str, question: str | None, doc: Doc | None) -> tuple[Situations, Scored]:
    """The answer's clauses and its scored cues and flags (``doc``: its parse, or None for an
    empty answer)."""
    qt = question_type(question)
    sit = Situations()
    if text.strip() and doc is not None:
        sit = analyse(doc)
        if qt["q_roleplay"]:
            # a role-play speaks to the interviewer now: its present tense tells no scene, so
            # its figures ("forty miles to the gallon") are the pitch's claims
            sit.narrative_present = False
    scored = score_text(text, sit)
    task = task_kinds(question)
    if task:
        # "I'd ask what you use it for" in a role-play is the task, not a hypothetical answer
        scored.set_aside = [f for f in scored.flags if f[2] in task]
        scored.flags = [f for f in scored.flags if f[2] not in task]
    if qt["q_roleplay"]:
        # "so what I'd say is, this one's a gel refill": the pitch itself, not a hedge
        scored.flags = [
            f
            for f in scored.flags
            if not (f[2] == "hedge" and _SAY.search(text.lower(), max(0, f[0] - 5), f[1]))
        ]
    if qt["q_roleplay"] or qt["q_estimate"] or qt["q_salary"]:
        # "you keep it", "your ad says thirty-two to thirty-six": "you" is the interviewer and
        # their firm, not people in general
        scored.flags = [
            f
            for f in scored.flags
            if not (f[2] == "platitude" and text[f[0] :].lower().startswith(("you", "your")))
        ]
    scored.kinds = count_kinds(scored.flags)
    return sit, scored


#: What a generic answer to a task question gets wrong, said in the task's terms (the set-aside
#: flags' reason when the answer is judged generic: "What you would do" fits no estimate).
TASK_REASONS = {
    "q_estimate": "A guess with nothing behind it: work the number out aloud from something "
    "you know.",
    "q_salary": "A figure or wish with nothing behind it: anchor it to your current pay, an "
    "offer or the advertised band.",
    "q_future": "A wish, not a plan: name a step you have booked, applied for or been offered.",
    "q_roleplay": "About the product, not this person: ask what they need and answer that.",
}


def task_reason(question: str | None) -> str | None:
    """The reason shown on a set-aside flag of an answer judged generic, or None."""
    qt = question_type(question)
    return next((reason for key, reason in TASK_REASONS.items() if qt[key]), None)
