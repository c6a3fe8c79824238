"""``offguard job [FILE|--clear]``: the job ad of your practice session (its key terms)."""

from __future__ import annotations

import argparse
import json
from typing import Any

HELP = "set, show or clear the job ad your practice answers are checked against"


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "job",
        help=HELP,
        description=HELP[0].upper() + HELP[1:] + ". Takes of questions from a logged "
        "interview use that interview's job ad instead (`offguard interviews edit ID --job F`).",
    )
    parser.add_argument("file", nargs="?", metavar="JOBFILE", help="the job ad (a text file)")
    parser.add_argument("--clear", action="store_true", help="forget the practice job ad")
    parser.add_argument("--json", action="store_true", help="print {text, terms} as JSON")
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from offguard.analysis.job_terms import extract_terms
    from offguard.cli.context import open_store, settings_from
    from offguard.cli.interviews import _job_text
    from offguard.errors import OffguardError

    if args.clear and args.file:
        raise OffguardError("Give either JOBFILE or --clear, not both.")
    settings = settings_from(args)
    with open_store(settings) as store:
        if args.clear:
            store.set_practice_job_ad("")
        elif args.file:
            store.set_practice_job_ad(_job_text(args.file) or "")
        text = store.practice_job_ad()
    terms = [t.text for t in extract_terms(text)] if text else []
    if args.json:
        print(json.dumps({"text": text, "terms": terms}, ensure_ascii=False))
    elif not text:
        print("No practice job ad. Set one with `offguard job JOBFILE`.")
    else:
        print("Key terms of your practice job ad, most important first:")
        print("  " + ", ".join(terms) if terms else "  (none found)")
    return 0
