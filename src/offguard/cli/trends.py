"""``offguard trends [QUESTION_ID]``: specificity, fillers, pace and length over time."""

from __future__ import annotations

import argparse
import json
from typing import Any

HELP = "how specificity, fillers, pace and length changed over time, against the target bands"

LABELS = {
    "specificity": ("specificity", 0, ""),
    "fillers_per_min": ("fillers/min (at least)", 1, ""),
    "fillers_per_100_words": ("fillers/100 words", 1, ""),
    "wpm": ("words/min", 0, ""),
    "duration": ("length", 0, " s"),
}


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "trends", help=HELP, description=HELP[0].upper() + HELP[1:] + "."
    )
    parser.add_argument(
        "question_id", metavar="QUESTION_ID", nargs="?", help="one question (default: all takes)"
    )
    parser.add_argument("--json", action="store_true", help="series, bands and summaries as JSON")
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from offguard.cli.context import fmt, open_store, settings_from, sparkline
    from offguard.progress import trend

    settings = settings_from(args)
    with open_store(settings) as store:
        result = trend(store, args.question_id)
    if args.json:
        print(json.dumps(result.to_dict()))
        return 0
    scope = f"question {args.question_id}" if args.question_id else "all questions"
    if not result.points:
        print(f"No analysed takes yet for {scope}.")
        return 0
    print(f"Trends for {scope}: {len(result.points)} takes, oldest first")
    for metric, (label, digits, unit) in LABELS.items():
        summary = result.summary(metric)
        if not summary["count"]:
            continue
        band = result.bands[metric]
        on = summary["on_target"]
        share = f"{on:.0%} on target" if on is not None else ""
        change = summary["change"]
        delta = f"  change {change:+.{digits}f}{unit}" if change is not None else ""
        print(
            f"  {label:<22} {sparkline(result.values(metric)):<24} "
            f"latest {fmt(summary['latest'], digits, unit):>7}{delta}  "
            f"target {band.label}  {share}"
        )
    return 0
