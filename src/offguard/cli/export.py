"""``offguard export``: a Markdown or self-contained HTML report of your practice."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

HELP = "write a report (Markdown or one self-contained HTML file) of your practice"
EPILOG = """\
The report holds the questions you practised, every take's transcript with its flags, the
verdict, STAR and delivery metrics, suggestions, the trends as charts, and links to the audio.
The HTML file needs no network: keep it, print it, or share it.

Examples:
  offguard export --format html --out report.html
  offguard export --format md --out week.md --since 2026-01-31
  offguard export --out answers.html --question curve-why-not-hire"""


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        help=HELP,
        description=HELP[0].upper() + HELP[1:] + ".",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--format",
        "-f",
        choices=("md", "html"),
        help="report format (default: from the --out suffix, else html)",
    )
    parser.add_argument(
        "--out",
        "-o",
        metavar="FILE",
        help="where to write it (default: DATA_DIR/exports/report-DATE.html)",
    )
    parser.add_argument("--question", "-q", metavar="ID", help="only this question's takes")
    parser.add_argument("--since", metavar="DATE", help="only takes from this date on (YYYY-MM-DD)")
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from offguard.config import ensure_data_dir, load_settings
    from offguard.export import default_export_path, export_report
    from offguard.questions import load_questions
    from offguard.store import Store

    settings = load_settings(args.data_dir, model=args.model)
    if args.out:
        out = Path(args.out)
        fmt = args.format
        if fmt is None and out.suffix.lower() not in (".md", ".markdown", ".html", ".htm"):
            fmt = "html"
    else:
        fmt = args.format or "html"
        out = default_export_path(settings.data_dir, fmt)
    ensure_data_dir(settings.data_dir)
    bank = load_questions(settings.data_dir)
    with Store.open(settings.db_path) as store:
        written = export_report(
            store,
            bank,
            out,
            fmt=fmt,
            question_id=args.question,
            since=args.since,
        )
    print(f"Wrote {written}", file=sys.stdout)
    return 0
