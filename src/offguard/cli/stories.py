"""``offguard stories``: which story answers which question; tag a take with its story."""

from __future__ import annotations

import argparse
import json
from typing import Any

from offguard.errors import OffguardError

HELP = "your story bank: which stories answer which questions (and --tag a take's story)"


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "stories", help=HELP, description=HELP[0].upper() + HELP[1:] + "."
    )
    parser.add_argument(
        "--tag",
        nargs=2,
        metavar=("TAKE_ID", "STORY"),
        help='tag a take with the story it tells, e.g. --tag 12 "payments migration 2025" '
        "(an empty STORY removes the tag)",
    )
    parser.add_argument("--json", action="store_true", help="the report as JSON")
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from offguard.cli.context import open_store, settings_from
    from offguard.progress import stories

    settings = settings_from(args)
    with open_store(settings) as store:
        if args.tag:
            take_id = _take_id(args.tag[0])
            if store.get_take(take_id) is None:
                raise OffguardError(
                    f"There is no take {take_id}.", "list them with `offguard takes`."
                )
            store.set_story(take_id, args.tag[1].strip() or None)
        report = stories(store)
    if args.json:
        print(json.dumps(report.to_dict()))
        return 0
    if not report.stories:
        print('No stories yet. Tag a take: offguard stories --tag TAKE_ID "the story".')
    for story in report.stories:
        questions = ", ".join(story.question_ids)
        print(f"{story.name}: {len(story.take_ids)} takes, answers {questions}")
    for warning in report.warnings:
        print(f"warning: {warning}")
    return 0


def _take_id(text: str) -> int:
    from offguard.cli.context import row_id

    try:
        return row_id(text)
    except argparse.ArgumentTypeError as exc:
        raise OffguardError(f"{exc}.", "use the number from `offguard takes`.") from exc
