"""``offguard takes``: the recorded and imported takes, with transcript and verdict."""

from __future__ import annotations

import argparse
import shutil
from typing import Any

HELP = "list your takes (one question or all), with transcript and verdict"


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "takes", help=HELP, description=HELP[0].upper() + HELP[1:] + "."
    )
    parser.add_argument("--question", "-q", metavar="ID", help="only the takes of this question")
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per line: id, question_id, started_at, duration, audio, status, "
        "transcript, and verdict/specificity once analysed",
    )
    parser.add_argument("--deleted", action="store_true", help="include takes in the trash")
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from offguard.cli.context import fmt, open_store, print_json_lines, settings_from, short_date

    with open_store(settings_from(args)) as store:
        takes = store.take_summaries(args.question, include_deleted=args.deleted)
    if args.json:
        print_json_lines(t.to_dict() for t in takes)
        return 0
    if not takes:
        where = f" for {args.question}" if args.question else ""
        print(f"No takes{where} yet. Record one with `offguard record --question ID`.")
        return 0
    width = max(60, min(shutil.get_terminal_size((100, 24)).columns, 160))
    print(f"{'id':>5}  {'started (UTC)':<16}  {'question':<24}  {'len':>5}  {'verdict':<14}  text")
    for t in takes:
        verdict = f"{t.verdict} {fmt(t.specificity)}" if t.verdict else t.status
        head = (
            f"{t.take_id:>5}  {short_date(t.started_at):<16}  {t.question_id[:24]:<24}  "
            f"{fmt(t.duration, 0, 's'):>5}  {verdict[:14]:<14}  "
        )
        text = " ".join((t.transcript or "").split())
        room = max(width - len(head), 10)
        print(head + (text if len(text) <= room else text[: room - 1] + "…"))
    return 0
