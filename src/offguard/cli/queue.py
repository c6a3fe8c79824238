"""``offguard queue``: what to practise today, most urgent first."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from offguard.errors import OffguardError

HELP = "today's practice queue: off-guard questions, weak answers, due ones, new ones"


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "queue", help=HELP, description=HELP[0].upper() + HELP[1:] + "."
    )
    parser.add_argument("--limit", "-n", type=int, default=10, metavar="N", help="default 10")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="plan for this day (default today)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per line: id, text, category, kind, reason, box, last_specificity",
    )
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from offguard.cli.context import (
        all_questions,
        load_bank,
        open_store,
        print_json_lines,
        settings_from,
    )
    from offguard.progress import build_queue

    if args.limit < 1:
        raise OffguardError("--limit must be at least 1.", "e.g. --limit 10.")
    try:
        today = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        raise OffguardError(f"'{args.date}' is not a date.", "give it as YYYY-MM-DD.") from None
    settings = settings_from(args)
    bank = load_bank(settings)
    with open_store(settings) as store:
        queue = build_queue(store, all_questions(bank, store), today=today, limit=args.limit)
    if args.json:
        print_json_lines(item.to_dict() for item in queue)
        return 0
    if not queue:
        print("Nothing due today: every question you practised is resting. Well done.")
        return 0
    print(f"Practice queue for {today.isoformat()}:")
    for n, item in enumerate(queue, start=1):
        print(f"{n:>3}. [{item.kind}] {item.question.id}: {item.question.text}")
        print(f"     {item.reason}")
    return 0
