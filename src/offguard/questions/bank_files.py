"""Reading bank files: the TOML parser of one ``[[question]]`` file and the loader that lays
the user's banks over the bundled ones.

A bank is a TOML file of ``[[question]]`` tables::

    [[question]]
    id = "curve-why-not-hire"          # unique slug
    text = "Why should we not hire you?"
    category = "curveball"             # see CATEGORIES
    roles = ["any"]                    # optional, default ["any"]
    tags = ["self-awareness"]          # optional
    probes = ["Can you name a real limit without collapsing?"]   # optional
    tips = ["Name one real gap for this role and what you do about it."]  # optional

The bundled banks load first, then ``DATA_DIR/question_banks/*.toml`` on top: a user question
whose id already exists replaces the bundled one. A broken file or question never stops the
rest from loading; it becomes a :class:`BankProblem` the caller shows as a warning.
Only the standard library (plus ``tomli`` on Python 3.10) is imported, so this is cheap to load.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from offguard.questions.model import (
    ANY_ROLE,
    BankProblem,
    Question,
    QuestionBank,
    normalize_category,
    normalize_role,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

#: Bundled files listed first (the general questions), the role banks follow alphabetically.
_BUNDLED_FIRST = ("general.toml", "curveball.toml")
_KNOWN_KEYS = ("id", "text", "category", "roles", "tags", "probes", "tips")
_LIST_KEYS = ("roles", "tags", "probes", "tips")
_HEADER = re.compile(
    r"""^[ \t]*\[\[[ \t]*(question|"question"|'question')[ \t]*\]\][ \t]*(#.*)?$"""
)
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def bundled_banks_dir() -> Path:
    """The folder of bundled ``*.toml`` banks: in the installed package, else the checkout."""
    try:
        from importlib.resources import files

        resource = files("offguard") / "question_banks"
        if isinstance(resource, Path) and resource.is_dir():
            return resource
    except (ImportError, OSError, TypeError):  # pragma: no cover - unusual importers
        pass
    return Path(__file__).resolve().parents[3] / "question_banks"


def _header_lines(text: str) -> list[int]:
    """Line numbers (1-based) of the ``[[question]]`` headers."""
    return [n for n, line in enumerate(text.splitlines(), start=1) if _HEADER.match(line)]


def _toml_error(exc: Exception, text: str) -> tuple[int | None, str]:
    """The line and message of a tomllib error ("... (at line 4, column 12)")."""
    message = str(exc)
    line: int | None = getattr(exc, "lineno", None)
    found = _TOML_LINE.search(message)
    if found:
        line = line or int(found.group(1))
        message = message[: found.start()].rstrip()
    elif message.endswith("(at end of document)"):
        line = line or len(text.splitlines()) or 1
        message = message[: -len("(at end of document)")].rstrip() + " at the end of the file"
    return line, f"not valid TOML: {message}"


def _string_list(value: object) -> tuple[str, ...] | None:
    """A tuple of stripped, non-empty strings, or ``None`` when the type is wrong."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return tuple(" ".join(v.split()) for v in value if v.strip())


def _build_question(raw: dict[str, Any], source: str) -> tuple[Question | None, list[str]]:
    """A question from one table, or ``None`` with the reasons; also returns warnings."""
    errors: list[str] = []
    warnings: list[str] = []
    fields_: dict[str, str] = {}
    for key in ("id", "text", "category"):
        value = raw.get(key)
        if value is None:
            errors.append(f"missing '{key}'")
        elif not isinstance(value, str):
            errors.append(f"'{key}' must be a string, not {_type_name(value)}")
        elif not value.strip():
            errors.append(f"'{key}' is empty")
        else:
            fields_[key] = " ".join(value.split())
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        if key not in raw:
            continue
        items = _string_list(raw[key])
        if items is None:
            errors.append(f"'{key}' must be a list of strings, not {_type_name(raw[key])}")
        else:
            lists[key] = items
    unknown = sorted(k for k in raw if k not in _KNOWN_KEYS)
    if unknown:
        names = ", ".join(f"'{k}'" for k in unknown)
        warnings.append(f"unknown key {names} ignored (known keys: {', '.join(_KNOWN_KEYS)})")
    if errors:
        return None, errors + warnings
    roles = tuple(dict.fromkeys(r for r in map(normalize_role, lists.get("roles", ())) if r))
    question = Question(
        id=fields_["id"],
        text=fields_["text"],
        category=normalize_category(fields_["category"]),
        roles=roles or (ANY_ROLE,),
        tags=tuple(dict.fromkeys(t.lower() for t in lists.get("tags", ()))),
        probes=lists.get("probes", ()),
        tips=lists.get("tips", ()),
        source=source,
    )
    return question, warnings


def _type_name(value: object) -> str:
    names = {str: "a string", int: "a number", float: "a number", bool: "true/false"}
    names.update({list: "a list", dict: "a table"})
    return names.get(type(value), type(value).__name__)


def parse_bank(path: Path, *, source: str) -> tuple[list[Question], list[BankProblem]]:
    """The questions of one bank file and its problems. Never raises for a bad file."""
    problems: list[BankProblem] = []
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return [], [BankProblem(path, None, f"cannot read the file: {reason}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1
        return [], [BankProblem(path, bad_line, "not UTF-8 text; save the file as UTF-8")]
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        err_line, message = _toml_error(exc, text)
        return [], [BankProblem(path, err_line, message)]
    except RecursionError:
        return [], [BankProblem(path, None, "not valid TOML: nested too deeply")]
    except ValueError as exc:  # pragma: no cover - defensive
        return [], [BankProblem(path, None, f"not valid TOML: {exc}")]

    for key in document:
        if key != "question":
            problems.append(
                BankProblem(
                    path,
                    None,
                    f"unknown top-level key '{key}' ignored; questions go in [[question]] tables",
                )
            )
    tables = document.get("question")
    if tables is None:
        if not problems:
            problems.append(BankProblem(path, None, "no [[question]] tables found"))
        return [], problems
    if not isinstance(tables, list):
        problems.append(
            BankProblem(path, None, "'question' must be [[question]] tables, not a single value")
        )
        return [], problems

    headers = _header_lines(text)
    lines: list[int | None] = list(headers) if len(headers) == len(tables) else [None] * len(tables)
    questions: list[Question] = []
    seen: dict[str, int | None] = {}
    for raw, line in zip(tables, lines, strict=True):
        if not isinstance(raw, dict):
            problems.append(BankProblem(path, line, "each [[question]] must be a table"))
            continue
        question, messages = _build_question(raw, source)
        if question is None:
            label = raw.get("id") if isinstance(raw.get("id"), str) else None
            prefix = f"question '{label}' skipped: " if label else "question skipped: "
            problems.append(BankProblem(path, line, prefix + "; ".join(messages)))
            continue
        problems.extend(BankProblem(path, line, f"question '{question.id}': {m}") for m in messages)
        if question.id in seen:
            where = f" (line {seen[question.id]})" if seen[question.id] else ""
            problems.append(
                BankProblem(
                    path,
                    line,
                    f"duplicate id '{question.id}' skipped; "
                    f"first defined earlier in this file{where}",
                )
            )
            continue
        seen[question.id] = line
        questions.append(question)
    return questions, problems


def _bank_files(folder: Path, problems: list[BankProblem]) -> list[Path]:
    try:
        return sorted(p for p in folder.glob("*.toml") if p.is_file())
    except OSError as exc:
        problems.append(BankProblem(folder, None, f"cannot list the folder: {exc.strerror or exc}"))
        return []


#: Parsed bundled files by (path, size, mtime): they do not change while the app runs.
_BUNDLED_CACHE: dict[tuple[str, int, int], tuple[list[Question], list[BankProblem]]] = {}


def _parse_bundled(path: Path) -> tuple[list[Question], list[BankProblem]]:
    try:
        stat = path.stat()
    except OSError:
        return parse_bank(path, source="bundled")
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _BUNDLED_CACHE:
        _BUNDLED_CACHE[key] = parse_bank(path, source="bundled")
    return _BUNDLED_CACHE[key]


def _defined_twice(path: Path, question_id: str, first: Path) -> BankProblem:
    """The problem of a question id in ``path`` already loaded from the file ``first``."""
    return BankProblem(
        path, None, f"duplicate id '{question_id}' skipped; already defined in {first.name}"
    )


def _merge_bundled(files: Iterable[Path], bank: QuestionBank) -> None:
    where: dict[str, Path] = {}
    for path in files:
        questions, problems = _parse_bundled(path)
        bank.problems.extend(problems)
        for question in questions:
            if question.id in where:
                bank.problems.append(_defined_twice(path, question.id, where[question.id]))
                continue
            where[question.id] = path
            bank.questions.append(question)


def _merge_user(files: Iterable[Path], bank: QuestionBank) -> None:
    index = {q.id: i for i, q in enumerate(bank.questions)}
    user_files: dict[str, Path] = {}
    for path in files:
        questions, problems = parse_bank(path, source=path.name)
        bank.problems.extend(problems)
        for question in questions:
            if question.id in user_files:
                bank.problems.append(_defined_twice(path, question.id, user_files[question.id]))
                continue
            user_files[question.id] = path
            if question.id in index:
                bank.questions[index[question.id]] = question
            else:
                index[question.id] = len(bank.questions)
                bank.questions.append(question)


def _bundled_order(path: Path) -> tuple[int, str]:
    name = path.name
    return (_BUNDLED_FIRST.index(name) if name in _BUNDLED_FIRST else len(_BUNDLED_FIRST), name)


def load_questions(data_dir: Path | None = None) -> QuestionBank:
    """The bundled banks, then ``data_dir/question_banks/*.toml`` on top.

    Never raises for broken banks: every problem is listed in ``QuestionBank.problems``.
    """
    bank = QuestionBank()
    bundled = bundled_banks_dir()
    if bundled.is_dir():
        files = _bank_files(bundled, bank.problems)
        files.sort(key=_bundled_order)
        _merge_bundled(files, bank)
    else:
        bank.problems.append(BankProblem(bundled, None, "bundled question banks not found"))
    if data_dir is not None:
        folder = Path(data_dir) / "question_banks"
        try:
            exists = folder.is_dir()
        except OSError:  # pragma: no cover - e.g. a permission error on a parent
            exists = False
        if exists:
            _merge_user(_bank_files(folder, bank.problems), bank)
    return bank
