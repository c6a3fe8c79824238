"""Suggestions: one to three next steps, each tied to something the answer is missing."""

from __future__ import annotations

import re

from offguard.analysis.result import Span
from offguard.analysis.specifics import SentenceCues

_WOULD_YOU = re.compile(r"\s*(?:what|how) (?:would|will|should) you\b", re.IGNORECASE)


def _quote(span: Span, limit: int = 48) -> str:
    text = " ".join(span.text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _clause(sentence: str | None, limit: int = 40) -> str:
    """The first clause of a sentence, for quoting ("I rang the supplier")."""
    text = re.split(r",|;| and | so | then ", sentence or "")[0].strip().rstrip(".")
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "..."


def suggest(
    *,
    empty: bool,
    specific: bool,
    flags: list[Span],
    cues: list[SentenceCues],
    events: list[float],
    star: dict[str, bool],
    question: str | None,
    star_sentences: dict[str, str | None] | None = None,
) -> list[str]:
    """Most useful first; never more than three, never none."""
    if empty:
        return [
            "Answer the question: pick one real time it happened and tell it in a few "
            "sentences: when, what you did, what changed."
        ]
    by_kind: dict[str, list[Span]] = {}
    for flag in flags:
        by_kind.setdefault(flag.kind, []).append(flag)
    has_event = any(e >= 2.0 for e in events)
    anchored = any(c.times or c.events for c in cues)
    named = any(c.names or c.places for c in cues)
    own = sum(c.own_actions + c.present_actions for c in cues)
    out: list[str] = []

    if question and _WOULD_YOU.match(question) and not specific:
        out.append(
            "The question asks what you would do: answer with a time it really happened, "
            "then say what you would repeat."
        )
    elif "hypothetical" in by_kind and not specific:
        out.append(
            f'Instead of what you would do ("{_quote(by_kind["hypothetical"][0])}"), tell '
            "what you did the last time it happened."
        )
    if "habitual" in by_kind and not specific:
        out.append(
            f'Swap the habit ("{_quote(by_kind["habitual"][0])}") for one time: start with '
            'when and where it was, e.g. "Last March, on the night shift, ...".'
        )
    if not specific and not out:
        out.append("Tell one real time it happened: when it was, where, and who was there.")
    if specific and not (anchored and named):
        out.append("Name the place, project or person and say when it was (the month is enough).")
    if "vague-we" in by_kind or (own == 0 and has_event):
        out.append('Say what you did yourself, not what the team did: "I rang...", "I wrote...".')
    elif "vague-action" in by_kind:
        out.append(
            f'Make "{_quote(by_kind["vague-action"][0])}" concrete: what exactly did you do, '
            "to what or whom?"
        )
    told = star_sentences or {}
    action = told.get("A")
    if "vague-outcome" in by_kind:
        out.append(
            f'Swap "{_quote(by_kind["vague-outcome"][0])}" for what changed, with a number or '
            'what someone said: e.g. "by June he\'d moved up two reading levels".'
        )
    elif not star.get("R") and (specific or has_event):
        after = f'After "{_clause(action)}", end' if action and specific else "End"
        out.append(
            f'{after} with the result: what changed? e.g. "and the lorry left on time" or '
            '"by June he\'d moved up two reading levels".'
        )
    if specific and star.get("A") and not star.get("T") and len(out) < 3:
        out.append(
            "Say what you had to do, or what was at stake, before what you did: e.g. "
            '"I had to get it fixed before the Saturday sale."'
        )
    for kind in ("self-praise", "cliche", "unsupported-number", "platitude", "buzzword"):
        if kind in by_kind:
            phrase = _quote(by_kind[kind][0])
            if kind == "unsupported-number":
                out.append(f'Tie "{phrase}" to one event that shows it, or leave it out.')
            elif kind == "self-praise":
                out.append(
                    f'Instead of "{phrase}", tell one time it showed: who was there, what you '
                    "did, what happened."
                )
            else:
                out.append(f'Cut "{phrase}" and let one moment from your story show it.')
            break
    if "vague-quantity" in by_kind and not specific:
        out.append(
            f'Replace "{_quote(by_kind["vague-quantity"][0])}" with the number, or tell about '
            "one of them."
        )
    if specific and not out:
        out.append(
            "This is specific: keep the time, your own actions and the result; aim for "
            "60-120 seconds when you say it."
        )
    if not out:
        out.append("Tell one real time it happened: when, what you did, what changed.")
    seen: list[str] = []
    for item in out:
        if item not in seen:
            seen.append(item)
    return seen[:3]
