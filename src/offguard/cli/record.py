"""``offguard record``: record a take from the microphone, transcribe, analyse, store."""

from __future__ import annotations

import argparse
import sys
import threading
import time

from offguard.cli.main import add_common
from offguard.config import ensure_data_dir, load_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "record",
        help="record an answer from the microphone, then transcribe and analyse it",
        description=(
            "Record a take for a question until N seconds pass, Enter is pressed or Ctrl-C; "
            "the audio is saved as it is spoken, then transcribed, analysed and stored. "
            "Prints the take id."
        ),
    )
    parser.add_argument("--question", required=True, metavar="ID", help="question id")
    parser.add_argument(
        "--seconds", type=_seconds, metavar="N", help="stop after N seconds (at least 1)"
    )
    parser.add_argument("--device", metavar="D", help="input device index or name")
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON")
    add_common(parser)
    parser.set_defaults(func=handle)


def _seconds(text: str) -> float:
    """``--seconds``: a number of seconds, at least one (a shorter take is not stored)."""
    import math

    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not math.isfinite(value) or value < 1:
        raise argparse.ArgumentTypeError(
            f"{text} seconds is not a take length: give 1 second or more"
        )
    return value


def _wait_for_stop(seconds: float | None, active_error: object) -> None:
    """Block until the time is up, Enter is pressed, Ctrl-C, or the device fails."""
    enter = threading.Event()
    interactive = sys.stdin is not None and sys.stdin.isatty()
    if interactive:

        def watch() -> None:
            try:
                sys.stdin.readline()
            except (OSError, ValueError):
                return
            enter.set()

        threading.Thread(target=watch, daemon=True).start()
    deadline = None if seconds is None else time.monotonic() + seconds
    while not enter.is_set():
        if deadline is not None and time.monotonic() >= deadline:
            return
        if callable(active_error) and active_error():
            return
        time.sleep(0.05)


def handle(args: argparse.Namespace) -> int:

    from offguard.cli.takes_service import find_question, open_practice, print_outcome
    from offguard.store import Store

    settings = load_settings(args.data_dir, model=args.model, device=args.device)
    ensure_data_dir(settings.data_dir)
    store = Store.open(settings.db_path)
    try:
        question = find_question(settings, store, args.question)
        practice = open_practice(settings, store)
        practice.transcriber.load()
        active = practice.start_take(question)
        how = f"for {args.seconds:g} s" if args.seconds else "until Enter or Ctrl-C"
        print(f"Recording {how}: {question.text}", file=sys.stderr)
        try:
            if args.seconds is None and not (sys.stdin and sys.stdin.isatty()):
                # No terminal and no time limit: record until Ctrl-C / SIGTERM.
                while active.error is None:
                    time.sleep(0.1)
            else:
                _wait_for_stop(args.seconds, lambda: active.error)
        except KeyboardInterrupt:
            pass
        print("Transcribing...", file=sys.stderr)
        outcome = active.stop()
        print_outcome(outcome, args.json)
        return 0
    finally:
        store.close()
