"""``offguard compare TAKE_A TAKE_B``: two attempts side by side, with every metric's change."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from itertools import zip_longest
from typing import TYPE_CHECKING, Any

from offguard.cli.context import row_id

if TYPE_CHECKING:
    from offguard.progress import Comparison

HELP = "compare two takes: word diff, specific details gained or lost, metric deltas"
_LABELS = {
    "specificity": ("specificity", 1, ""),
    "fillers_per_min": ("fillers/min", 2, ""),
    "fillers_per_100_words": ("fillers/100 words", 2, ""),
    "wpm": ("words/min", 1, ""),
    "duration": ("length", 1, " s"),
}


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "compare", help=HELP, description=HELP[0].upper() + HELP[1:] + "."
    )
    parser.add_argument("take_a", type=row_id, metavar="TAKE_A", help="the earlier take's id")
    parser.add_argument("take_b", type=row_id, metavar="TAKE_B", help="the later take's id")
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON object: a, b, diff (op equal/insert/delete/replace with words), delta",
    )
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from offguard.cli.context import open_store, settings_from
    from offguard.progress import compare

    with open_store(settings_from(args)) as store:
        result = compare(store, args.take_a, args.take_b)
    if args.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        return 0
    width = max(60, min(shutil.get_terminal_size((100, 24)).columns, 160))
    print(render(result, width))
    return 0


def render(result: Comparison, width: int) -> str:
    """Side-by-side text: A on the left (``-`` dropped), B on the right (``+`` added)."""
    from offguard.cli.context import fmt, short_date

    column = (width - 3) // 2 - 2
    lines: list[str] = []

    def head(label: str, s: Any) -> str:
        verdict = f"{s.verdict} {fmt(s.specificity)}" if s.verdict else s.status
        return f"{label} take {s.take_id} {short_date(s.started_at)} {verdict}"

    lines.append(f"  {head('A', result.a)[:column]:<{column}} │   {head('B', result.b)[:column]}")
    lines.append("─" * width)
    for op in result.diff:
        left = textwrap.wrap(" ".join(op.a), column) or [""]
        right = textwrap.wrap(" ".join(op.b), column) or [""]
        mark_a = " " if op.op == "equal" else ("-" if op.a else " ")
        mark_b = " " if op.op == "equal" else ("+" if op.b else " ")
        for a, b in zip_longest(left, right, fillvalue=""):
            lines.append(
                f"{mark_a if a else ' '} {a:<{column}} │ {mark_b if b else ' '} {b}".rstrip()
            )
    if not result.diff:
        lines.append("(no transcript for either take)")
    lines.append("─" * width)
    lines.append(f"words added {result.words_added}, dropped {result.words_dropped}")
    for metric, change in result.delta.items():
        name, digits, unit = _LABELS.get(metric, (metric, 2, ""))
        a, b = getattr(result.a, metric), getattr(result.b, metric)
        sign = "+" if change is not None and change > 0 else ""
        change_text = "-" if change is None else f"{sign}{change:.{digits}f}{unit}"
        lines.append(
            f"  {name:<18} {fmt(a, digits, unit):>9} -> {fmt(b, digits, unit):>9}  ({change_text})"
        )
    for label, items in (("gained", result.specifics_gained), ("lost", result.specifics_lost)):
        if items:
            lines.append(f"specific details {label}: " + "; ".join(items))
    return "\n".join(lines)
