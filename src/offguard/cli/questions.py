"""``offguard questions``: list the question banks, filtered by category, role or words."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any

from offguard.errors import OffguardError
from offguard.questions import ANY_ROLE, Question

HELP = "list the interview questions (bundled and your own banks)"
EPILOG = """\
Your own questions: put TOML files in DATA_DIR/question_banks/ with [[question]] tables
(id, text, category; optional roles, tags, probes, tips). An id that already exists
replaces the bundled question."""


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "questions",
        help=HELP,
        description=HELP[0].upper() + HELP[1:] + ".",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--category", "-c", metavar="C", help="only this category")
    parser.add_argument(
        "--role", "-r", metavar="R", help="questions for this role (plus those for any role)"
    )
    parser.add_argument("--search", "-s", metavar="TEXT", help="every word must appear")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from offguard.config import load_settings
    from offguard.questions import load_questions, normalize_category

    settings = load_settings(args.data_dir, model=args.model)
    bank = load_questions(settings.data_dir)
    for problem in bank.problems:
        print(f"offguard: warning: {problem}", file=sys.stderr)
    bank.questions.extend(_added_in_app(settings.db_path, {q.id for q in bank.questions}))

    if args.category:
        category = normalize_category(args.category)
        valid = bank.categories()
        if category not in valid:
            raise OffguardError(
                f"Unknown category '{args.category}'.",
                f"use one of: {', '.join(valid)}.",
            )
    if args.role:
        specific = [q for q in bank.questions if ANY_ROLE not in q.roles]
        if not any(q.matches_role(args.role) for q in specific):
            roles = ", ".join(r for r in bank.roles() if r != ANY_ROLE)
            print(
                f"offguard: note: no questions are written for the role '{args.role}'; "
                f"showing those for any role. Roles with their own questions: {roles}.",
                file=sys.stderr,
            )

    found = bank.filter(category=args.category, role=args.role, search=args.search)
    if args.json:
        json.dump([q.to_dict() for q in found], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    _print_plain(found, bank.categories(), total=len(bank.questions), role=args.role)
    return 0


def _added_in_app(db_path: Path, known: set[str]) -> list[Question]:
    """Questions the user typed in the app (stored in SQLite); none when there is no database."""
    if not db_path.is_file():
        return []
    try:
        from offguard.store import Store

        with Store.open(db_path) as store:
            added = store.user_questions()
    except (OffguardError, OSError) as exc:
        print(
            f"offguard: warning: cannot read the questions added in the app: {exc}", file=sys.stderr
        )
        return []
    return [q for q in added if q.id not in known]


def _print_plain(found: list[Question], order: list[str], *, total: int, role: str | None) -> None:
    """Grouped by category, in display order."""
    if not found:
        print("No questions match. Try fewer words, or drop --category/--role.")
        return
    width = max(40, min(shutil.get_terminal_size((100, 24)).columns, 120))
    id_width = min(max(len(q.id) for q in found), 28)
    indent = " " * (id_width + 4)
    groups: dict[str, list[Question]] = {}
    for question in found:
        groups.setdefault(question.category, []).append(question)
    lines: list[str] = []
    for category in sorted(groups, key=lambda c: order.index(c) if c in order else len(order)):
        items = groups[category]
        # With a role, its own questions first; without, the general ones first.
        items.sort(key=lambda q: (ANY_ROLE in q.roles) == bool(role))
        title = category.replace("-", " ").capitalize()
        if lines:
            lines.append("")
        lines.append(f"{title} ({len(items)})")
        for question in items:
            head = f"  {question.id:<{id_width}}  "
            if len(head) > len(indent):
                head = head.rstrip() + "\n" + indent
            roles = [] if role else [r for r in question.roles if r != ANY_ROLE]
            text = question.text + (f"  [{', '.join(roles)}]" if roles else "")
            if question.source == "user":
                text += "  (added in the app)"
            elif question.source != "bundled":
                text += f"  (from {question.source})"
            wrapped = textwrap.fill(
                text, width=width, initial_indent=indent, subsequent_indent=indent
            )
            lines.append(head + wrapped[len(indent) :])
    shown = len(found)
    lines.append("")
    lines.append(f"{shown} of {total} questions." if shown != total else f"{total} questions.")
    print("\n".join(lines))
