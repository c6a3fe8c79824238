"""Suggestions: one to three next steps, each tied to something the answer is missing."""

from __future__ import annotations

import re

from offguard.analysis.result import Span
from offguard.analysis.specifics import SentenceCues

_WOULD_YOU = re.compile(r"\s*(?:what|how) (?:would|will|should) you\b", re.IGNORECASE)


def _quote(span: Span, limit: int = 48) -> str:
    text = " ".join(span.text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def suggest(
    *,
    empty: bool,
    specific: bool,
    flags: list[Span],
    cues: list[SentenceCues],
    events: list[float],
    star: dict[str, bool],
    question: str | None,
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
    if not star.get("R") or "vague-outcome" in by_kind:
        out.append(
            "End with the result: what changed, by how much, or what someone said afterwards."
        )
    for kind in ("self-praise", "cliche", "unsupported-number", "platitude", "buzzword"):
        if kind in by_kind:
            phrase = _quote(by_kind[kind][0])
            if kind == "unsupported-number":
                out.append(f'Tie "{phrase}" to one event that shows it, or leave it out.')
            else:
                out.append(f'Cut "{phrase}" and let one moment from your story show it.')
            break
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
