"""Console entry point: ``offguard`` (TUI) and its headless sub-commands."""

from __future__ import annotations

import sys

from offguard.cli.main import run


def main(argv: list[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
