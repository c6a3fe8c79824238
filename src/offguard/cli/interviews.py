"""``offguard interviews add|list``: the real interviews you had, and what caught you off guard."""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from datetime import date
from typing import TYPE_CHECKING, Any

from offguard.cli.context import row_id
from offguard.errors import OffguardError

if TYPE_CHECKING:
    from offguard.questions import Question
    from offguard.store import Store

HELP = "log real interviews, what caught you off guard, and ask for feedback"
OUTCOMES = ("pending", "offer", "rejection", "withdrawn")


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "interviews", help=HELP, description=HELP[0].upper() + HELP[1:] + "."
    )
    add_common(parser)
    parser.set_defaults(func=handle_list, json=False)
    actions = parser.add_subparsers(title="actions", metavar="ACTION")

    add = actions.add_parser(
        "add",
        help="log an interview",
        description="Log an interview. Questions attached to it go to the top of the queue.",
    )
    add.add_argument("--company", required=True, metavar="C")
    add.add_argument("--role", default="", metavar="R")
    add.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="default: today")
    add.add_argument("--stage", default="", metavar="S", help="e.g. phone screen, final")
    add.add_argument("--outcome", default="pending", choices=OUTCOMES)
    add.add_argument("--feedback", default="", metavar="F", help="the feedback you received")
    add.add_argument("--reflection", default="", metavar="R", help="what you'd do differently")
    add.add_argument("--job", metavar="JOBFILE", help="the job ad (a text file)")
    add.add_argument(
        "--question",
        action="append",
        default=[],
        metavar="ID",
        help="a bank question that caught you off guard (repeatable)",
    )
    add.add_argument(
        "--off-guard-question",
        action="append",
        default=[],
        metavar="TEXT",
        help="a new question, in your words, that caught you off guard (repeatable)",
    )
    add.add_argument("--json", action="store_true", help="print the logged interview as JSON")
    add_common(add)
    add.set_defaults(func=handle_add)

    edit = actions.add_parser(
        "edit",
        help="add feedback, a reflection, the job ad or more off-guard questions",
        description="Change what is logged about an interview (only the options given).",
    )
    edit.add_argument("id", type=row_id, metavar="ID", help="the interview's id (see the list)")
    edit.add_argument("--feedback", metavar="F", help="the feedback you received")
    edit.add_argument("--reflection", metavar="R", help="what you'd do differently")
    edit.add_argument("--job", metavar="JOBFILE", help="the job ad (a text file)")
    edit.add_argument("--outcome", choices=OUTCOMES)
    edit.add_argument("--question", action="append", default=[], metavar="ID")
    edit.add_argument("--off-guard-question", action="append", default=[], metavar="TEXT")
    edit.add_argument("--json", action="store_true", help="print the interview as JSON")
    add_common(edit)
    edit.set_defaults(func=handle_edit)

    request = actions.add_parser(
        "feedback-request",
        help="draft the email asking for feedback (and specific follow-ups)",
        description="Draft a polite feedback request for an interview: thanks, you are always "
        "working to improve, any input welcome; never arguing the decision. When the feedback "
        "you logged is generic, it asks 2-3 specific follow-up questions instead.",
    )
    request.add_argument("id", type=row_id, metavar="ID", help="the interview's id")
    request.add_argument("--name", default="", help="your name, to sign the email")
    request.add_argument(
        "--json",
        action="store_true",
        help="print {email, feedback_generic, follow_up_questions} as JSON",
    )
    add_common(request)
    request.set_defaults(func=handle_feedback_request)

    listing = actions.add_parser("list", help="list logged interviews, newest first")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    add_common(listing)
    listing.set_defaults(func=handle_list)


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())[:6]
    return "-".join(words) or "question"


def _new_question(text: str, role: str, taken: set[str]) -> Question:
    from offguard.questions import Question, normalize_role

    clean = " ".join(text.split())
    if not clean:
        raise OffguardError("An --off-guard-question is empty.", "give the question's words.")
    base = f"mine-{_slug(clean)}"
    qid, n = base, 2
    while qid in taken:
        qid, n = f"{base}-{n}", n + 1
    roles = (normalize_role(role),) if role.strip() else ("any",)
    return Question(id=qid, text=clean, category="curveball", roles=roles, source="user")


def _check_date(value: str | None) -> str:
    if not value:
        return date.today().isoformat()
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise OffguardError(
            f"'{value}' is not a date.", "give it as YYYY-MM-DD, e.g. --date 2026-01-31."
        ) from None


def _job_text(path: str | None) -> str | None:
    """The job ad in a text file (None when no --job was given)."""
    if path is None:
        return None
    from pathlib import Path

    try:
        return Path(path).read_text(encoding="utf-8", errors="replace").strip()
    except OSError as exc:
        raise OffguardError(
            f"Cannot read the job ad {path}: {exc.strerror or exc}.", "check the path."
        ) from exc


def _link_questions(
    store: Store, interview_id: int, ids: list[str], texts: list[str], role: str, known: set[str]
) -> None:
    unknown = [qid for qid in ids if qid not in known]
    if unknown:
        raise OffguardError(
            f"There is no question with id '{unknown[0]}'.",
            "list the ids with `offguard questions`, or use --off-guard-question TEXT.",
        )
    for qid in ids:
        store.link_interview_question(interview_id, qid)
    for text in texts:
        question = _new_question(text, role, known)
        known.add(question.id)
        store.add_question(question, off_guard=True)
        store.link_interview_question(interview_id, question.id)


def handle_add(args: argparse.Namespace) -> int:
    from offguard.cli.context import all_questions, load_bank, open_store, settings_from

    settings = settings_from(args)
    when = _check_date(args.date)
    bank = load_bank(settings)
    job = _job_text(args.job) or ""
    with open_store(settings) as store:
        known = {q.id for q in all_questions(bank, store)}
        with store.transaction():
            interview_id = store.add_interview(
                company=args.company,
                role=args.role,
                date=when,
                stage=args.stage,
                outcome=args.outcome,
                feedback=args.feedback,
                reflection=args.reflection,
                job_description=job,
            )
            _link_questions(
                store, interview_id, args.question, args.off_guard_question, args.role, known
            )
        record = next(i for i in store.list_interviews() if i.id == interview_id)
    if args.json:
        from offguard.cli.context import print_json_lines

        print_json_lines([record.to_dict()])
        return 0
    print(f"Logged interview {interview_id}: {record.company} ({record.date}).")
    for q in record.questions:
        print(f"  off guard: {q.question_id}  {q.text}")
    if record.questions:
        print("These questions are now first in `offguard queue`.")
    return 0


def handle_edit(args: argparse.Namespace) -> int:
    from offguard.cli.context import all_questions, load_bank, open_store, settings_from

    settings = settings_from(args)
    job = _job_text(args.job)
    bank = load_bank(settings)
    with open_store(settings) as store:
        current = store.get_interview(args.id)
        if current is None:
            raise OffguardError(
                f"There is no interview {args.id}.", "list them with `offguard interviews`."
            )
        known = {q.id for q in all_questions(bank, store)}
        with store.transaction():
            store.update_interview(
                args.id,
                feedback=args.feedback,
                reflection=args.reflection,
                job_description=job,
                outcome=args.outcome,
            )
            _link_questions(
                store, args.id, args.question, args.off_guard_question, current.role, known
            )
        record = store.get_interview(args.id)
    assert record is not None
    if args.json:
        from offguard.cli.context import print_json_lines

        print_json_lines([record.to_dict()])
        return 0
    print(f"Updated interview {record.id}: {record.company} ({record.date}).")
    return 0


def handle_feedback_request(args: argparse.Namespace) -> int:
    import json

    from offguard.cli.context import all_questions, load_bank, open_store, settings_from
    from offguard.feedback_request import draft

    settings = settings_from(args)
    with open_store(settings) as store:
        all_questions(load_bank(settings), store)  # mirror the bank so question texts show
        record = store.get_interview(args.id)
    if record is None:
        raise OffguardError(
            f"There is no interview {args.id}.", "list them with `offguard interviews`."
        )
    request = draft(record, sender=args.name)
    if args.json:
        print(json.dumps(request.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(request.email, end="")
    if request.feedback_generic:
        print(
            "\n(offguard: the feedback you logged is generic, so this asks specific follow-up "
            "questions.)",
            file=sys.stderr,
        )
    return 0


def _print(store: Store, width: int = 100) -> None:
    interviews = store.list_interviews()
    if not interviews:
        print("No interviews logged yet. Add one with `offguard interviews add --company C`.")
        return
    for n, i in enumerate(interviews):
        if n:
            print()
        parts = [p for p in (i.role, i.stage) if p]
        extra = f" — {', '.join(parts)}" if parts else ""
        print(f"#{i.id} {i.date} {i.company}{extra} [{i.outcome}]")
        for label, text in (("feedback", i.feedback), ("reflection", i.reflection)):
            if text:
                print(
                    textwrap.fill(
                        f"{label}: {text}", width, initial_indent="  ", subsequent_indent="    "
                    )
                )
        if i.job_description:
            first = i.job_description.splitlines()[0].strip()
            print(f"  job ad: {first[:80]}")
        for q in i.questions:
            line = f"  off guard: {q.question_id}"
            if q.text:
                line += f"  {q.text}"
            if q.what_went_wrong:
                line += f"  ({q.what_went_wrong})"
            print(line)


def handle_list(args: argparse.Namespace) -> int:
    from offguard.cli.context import (
        all_questions,
        load_bank,
        open_store,
        print_json_lines,
        settings_from,
    )

    settings = settings_from(args)
    with open_store(settings) as store:
        all_questions(load_bank(settings), store)  # mirror the bank so question texts show
        if args.json:
            print_json_lines(i.to_dict() for i in store.list_interviews())
        else:
            _print(store)
    return 0
