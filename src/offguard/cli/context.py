"""Shared set-up for the commands that read the store: settings -> store, question bank."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from offguard.config import Settings, ensure_data_dir, load_settings

if TYPE_CHECKING:
    from offguard.questions import Question, QuestionBank
    from offguard.store import Store


MAX_ID = (1 << 63) - 1
"""The largest id SQLite can store (a larger number cannot name any row)."""


def row_id(text: str) -> int:
    """An argparse type for take and interview ids: a whole number from 1 to :data:`MAX_ID`."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not an id (a whole number)") from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(
            f"{text} is not an id: ids are whole numbers from 1 (see `offguard takes`)"
        )
    return value


def settings_from(args: argparse.Namespace) -> Settings:
    return load_settings(args.data_dir, model=args.model)


def open_store(settings: Settings) -> Store:
    """The data folder (created owner-only if missing) and its database, checked and migrated."""
    from offguard.store import Store

    ensure_data_dir(settings.data_dir)
    return Store.open(settings.db_path)


def load_bank(settings: Settings) -> QuestionBank:
    """The bundled and user banks; their problems become warnings on stderr."""
    from offguard.questions import load_questions

    bank = load_questions(settings.data_dir)
    for problem in bank.problems:
        print(f"offguard: warning: {problem}", file=sys.stderr)
    return bank


def all_questions(bank: QuestionBank, store: Store, *, sync: bool = True) -> list[Question]:
    """The bank's questions plus those the user added in the app (bank order, then theirs).

    With ``sync``, the bank is mirrored into the database first (so question texts show in
    interview lists and joins).
    """
    if sync:
        store.sync_questions(bank.questions)
    known = {q.id for q in bank.questions}
    return list(bank.questions) + [q for q in store.user_questions() if q.id not in known]


def print_json_lines(items: Iterable[dict[str, Any]]) -> None:
    for item in items:
        sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")


def fmt(value: float | None, digits: int = 0, unit: str = "") -> str:
    """A number for a table, ``-`` when unknown."""
    if value is None:
        return "-"
    return f"{value:.{digits}f}{unit}"


def short_date(iso: str) -> str:
    """``2026-01-31T09:15:02.123+00:00`` -> ``2026-01-31 09:15`` (UTC)."""
    return iso[:16].replace("T", " ")


def sparkline(values: list[float]) -> str:
    """A one-line chart of the values with block characters."""
    if not values:
        return ""
    blocks = "▁▂▃▄▅▆▇█"
    low, high = min(values), max(values)
    span = high - low or 1.0
    return "".join(blocks[min(7, int((v - low) / span * 7 + 0.5))] for v in values)
