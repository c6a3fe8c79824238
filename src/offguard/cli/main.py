"""Argument parsing and dispatch. Each sub-command lives in its own module under ``cli``.

A command module exposes ``register(subparsers)``, which adds its parser and sets
``func=handler``; a handler takes the parsed namespace and returns the exit code.
Errors become one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from offguard import __version__
from offguard.errors import OffguardError

#: Sub-command modules, in the order ``--help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "offguard.cli.questions",
    "offguard.cli.record",
    "offguard.cli.import_cmd",
    "offguard.cli.transcribe",
    "offguard.cli.analyze",
    "offguard.cli.takes",
    "offguard.cli.history",
    "offguard.cli.compare",
    "offguard.cli.trends",
    "offguard.cli.queue",
    "offguard.cli.interviews",
    "offguard.cli.job",
    "offguard.cli.stories",
    "offguard.cli.export",
    "offguard.cli.devices",
    "offguard.cli.doctor",
)

DESCRIPTION = """\
offguard: practise the interview questions that caught you off guard.
Run with no command to open the practice room (TUI). Everything stays on this machine."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="offguard",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"offguard {__version__}")
    add_common(parser)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def add_common(parser: argparse.ArgumentParser) -> None:
    """Options every command (and the TUI) accepts."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="data folder (default: $OFFGUARD_DATA_DIR, else the user data folder, "
        "~/.local/share/offguard on Linux; `offguard doctor` shows it)",
    )
    parser.add_argument(
        "--model",
        metavar="NAME|PATH",
        default=argparse.SUPPRESS,
        help="faster-whisper model: 'bundled' (tiny.en, offline), a name like base.en, or a folder",
    )


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for name in ("data_dir", "model"):
        if not hasattr(args, name):
            setattr(args, name, None)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    try:
        if func is not None:
            from offguard.config import load_settings

            settings = load_settings(args.data_dir, model=args.model)
            for problem in settings.problems:  # the TUI shows them in the app instead
                print(f"offguard: warning: {problem}", file=sys.stderr)
            if getattr(args, "recover", True):
                from offguard.cli.takes_service import recover_on_start

                recover_on_start(settings)
        if func is None:
            from offguard.cli.tui import launch

            return launch(args)
        return func(args)
    except OffguardError as exc:
        print(f"offguard: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("offguard: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
