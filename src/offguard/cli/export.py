"""``offguard export``: a Markdown or self-contained HTML report of your practice."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offguard.config import Settings

HELP = "write a report (Markdown or one self-contained HTML file) of your practice"
EPILOG = """\
The report holds the questions you practised, every take's transcript with its flags, the
verdict, STAR and delivery metrics, suggestions, the trends as charts, and links to the audio.
The HTML file needs no network: keep it, print it, or share it.

Examples:
  offguard export --format html --out report.html
  offguard export --format md --out week.md --since 2026-01-31
  offguard export --out answers.html --question curve-why-not-hire
  offguard export --format md --out - | less     (to standard output)

An existing file is never replaced unless --force is given, and the data folder's own files
(database, settings, audio) are never written to; the file appears whole or not at all."""


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
        help="where to write it; '-' for standard output "
        "(default: DATA_DIR/exports/report-DATE.html)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace the --out file if it already exists"
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
    if args.out == "-":
        return _to_stdout(args, settings)
    if args.out:
        out = Path(args.out)
        fmt = args.format
        if fmt is None and out.suffix.lower() not in (".md", ".markdown", ".html", ".htm"):
            fmt = "html"
    else:
        fmt = args.format or "html"
        out = default_export_path(settings.data_dir.expanduser().resolve(), fmt)
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
            data_dir=settings.data_dir,
            force=args.force,
        )
    print(f"Wrote {written}", file=sys.stdout)
    return 0


def _to_stdout(args: argparse.Namespace, settings: Settings) -> int:
    """``--out -``: the report on standard output (links to audio relative to here)."""
    from offguard.config import ensure_data_dir
    from offguard.export import build_report
    from offguard.export.write import render_report
    from offguard.questions import load_questions
    from offguard.store import Store

    ensure_data_dir(settings.data_dir)
    bank = load_questions(settings.data_dir)
    with Store.open(settings.db_path) as store:
        report = build_report(
            store,
            bank,
            question_id=args.question,
            since=args.since,
            out_path=Path.cwd() / "report",
        )
    sys.stdout.write(render_report(report, args.format or "html"))
    sys.stdout.flush()
    return 0
