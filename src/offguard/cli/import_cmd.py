"""``offguard import``: add an existing recording (say, from a phone) as a take."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from offguard.cli.main import add_common
from offguard.config import ensure_data_dir, load_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "import",
        help="add an existing recording as a take (copied, transcribed, analysed)",
        description=(
            "Copy an audio file (wav, flac, mp3, m4a, ogg...) into the data folder as a take of "
            "a question, transcribe and analyse it. Prints the take id. Nothing is stored when "
            "the file cannot be read."
        ),
    )
    parser.add_argument("audio", metavar="AUDIO", type=Path, help="the recording to import")
    parser.add_argument("--question", required=True, metavar="ID", help="question id")
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON")
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from offguard.cli.takes_service import find_question, open_practice, print_outcome
    from offguard.store import Store

    settings = load_settings(args.data_dir, model=args.model)
    ensure_data_dir(settings.data_dir)
    store = Store.open(settings.db_path)
    try:
        question = find_question(settings, store, args.question)
        if sys.stderr.isatty():
            print(f"Transcribing {args.audio.name}...", file=sys.stderr)
        outcome = open_practice(settings, store).import_audio(args.audio, question.id)
    finally:
        store.close()
    print_outcome(outcome, args.json)
    return 0
