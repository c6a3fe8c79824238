"""``offguard history QUESTION_ID``: every take of one question, with the trend."""

from __future__ import annotations

import argparse
from typing import Any

from offguard.errors import OffguardError

HELP = "all takes of one question: date, length, verdict, score, fillers/min, wpm"


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "history", help=HELP, description=HELP[0].upper() + HELP[1:] + "."
    )
    parser.add_argument("question_id", metavar="QUESTION_ID")
    parser.add_argument("--json", action="store_true", help="one JSON object per take per line")
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from offguard.cli.context import (
        fmt,
        load_bank,
        open_store,
        print_json_lines,
        settings_from,
        short_date,
        sparkline,
    )
    from offguard.progress import history, trend

    settings = settings_from(args)
    with open_store(settings) as store:
        rows = history(store, args.question_id)
        series = trend(store, args.question_id)
        text = store.question_text(args.question_id)
    if args.json:
        print_json_lines(r.to_dict() for r in rows)
        return 0
    if text is None:
        question = load_bank(settings).get(args.question_id)
        text = question.text if question else None
    if text is None and not rows:
        raise OffguardError(
            f"There is no question with id '{args.question_id}' and no takes for it.",
            "list the ids with `offguard questions` or `offguard takes`.",
        )
    print(f"{args.question_id}: {text or '(question not in your banks)'}")
    if not rows:
        print(f"No takes yet. Record one with `offguard record --question {args.question_id}`.")
        return 0
    print(
        f"{'take':>5}  {'started (UTC)':<16}  {'length':>6}  {'verdict':<9}  {'score':>5}  "
        f"{'fill/min':>8}  {'wpm':>5}"
    )
    for r in rows:
        print(
            f"{r.take_id:>5}  {short_date(r.started_at):<16}  {fmt(r.duration, 0, 's'):>6}  "
            f"{(r.verdict or r.status)[:9]:<9}  {fmt(r.specificity):>5}  "
            f"{fmt(r.fillers_per_min, 1):>8}  {fmt(r.wpm):>5}"
        )
    scores = series.values("specificity")
    if len(scores) > 1:
        summary = series.summary("specificity")
        print(
            f"specificity {sparkline(scores)}  {fmt(summary['first'])} -> "
            f"{fmt(summary['latest'])} (target 50+)"
        )
    return 0
