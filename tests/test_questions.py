"""The question banks, their loader and ``offguard questions``."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from offguard.cli.main import run
from offguard.questions import (
    CATEGORIES,
    BankProblem,
    Question,
    QuestionBank,
    bank_files,
    bundled_banks_dir,
    load_questions,
    parse_bank,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

REQUIRED_CATEGORIES = (
    "behavioural",
    "motivation",
    "strengths-weaknesses",
    "situational",
    "role-specific",
    "curveball",
)
REQUIRED_ROLES = (
    "software engineer",
    "nurse",
    "teacher",
    "retail",
    "sales",
    "accountant",
    "warehouse",
    "data analyst",
    "customer support",
    "project manager",
    "chef",
    "designer",
)
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def bundled() -> QuestionBank:
    return load_questions()


def user_bank(data_dir: Path, name: str, text: str) -> Path:
    folder = data_dir / "question_banks"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the bundled content ---------------------------------------------------------------------


def test_bundled_banks_load_without_problems(bundled: QuestionBank) -> None:
    assert bundled.problems == []
    assert bundled_banks_dir().is_dir()
    assert len(list(bundled_banks_dir().glob("*.toml"))) >= 13


def test_bundled_counts(bundled: QuestionBank) -> None:
    assert len(bundled.questions) >= 170
    roles = set(bundled.roles()) - {"any"}
    assert len(roles) >= 12
    assert set(REQUIRED_ROLES) <= roles
    assert "any" in bundled.roles()
    assert set(REQUIRED_CATEGORIES) <= set(bundled.categories())
    assert all(q.source == "bundled" for q in bundled.questions)


def test_bundled_ids_unique_slugs_and_every_question_has_text(bundled: QuestionBank) -> None:
    ids = [q.id for q in bundled.questions]
    assert len(ids) == len(set(ids))
    # Count straight from the files too, so a duplicate can't hide behind the loader's dedup.
    raw_ids = [
        table["id"]
        for path in bundled_banks_dir().glob("*.toml")
        for table in tomllib.loads(path.read_text(encoding="utf-8"))["question"]
    ]
    assert sorted(raw_ids) == sorted(ids)
    for question in bundled.questions:
        assert SLUG.match(question.id), question.id
        assert len(question.text) >= 10, question.id
        assert question.category in CATEGORIES, question.id
        assert question.roles, question.id


def test_every_role_has_several_role_specific_questions(bundled: QuestionBank) -> None:
    per_role = Counter(
        role for q in bundled.questions if q.category == "role-specific" for role in q.roles
    )
    for role in REQUIRED_ROLES:
        assert per_role[role] >= 3, role
        assert len([q for q in bundled.questions if role in q.roles]) >= 8, role


def test_most_questions_have_probes_and_tips(bundled: QuestionBank) -> None:
    both = [q for q in bundled.questions if q.probes and q.tips]
    assert len(both) >= 0.9 * len(bundled.questions)


def test_the_classic_curveballs_are_there(bundled: QuestionBank) -> None:
    curveballs = " ".join(q.text.lower() for q in bundled.filter(category="curveball"))
    for phrase in ("not hire you", "gap", "sell me this pen", "salary", "failure", "worst manager"):
        assert phrase in curveballs, phrase
    assert bundled.get("curve-why-not-hire") is not None


# -- filtering -------------------------------------------------------------------------------


def test_filter_by_role_keeps_that_role_and_any(bundled: QuestionBank) -> None:
    nurse = bundled.filter(role="nurse")
    assert any("nurse" in q.roles for q in nurse)
    assert any(q.roles == ("any",) for q in nurse)
    assert all("nurse" in q.roles or "any" in q.roles for q in nurse)
    assert not any("teacher" in q.roles for q in nurse)
    assert len(bundled.filter(role=None)) == len(bundled.questions)
    assert len(bundled.filter(role="any")) == len(bundled.questions)


def test_filter_role_spellings(bundled: QuestionBank) -> None:
    designer = {q.id for q in bundled.filter(role="designer")}
    assert {q.id for q in bundled.filter(role="Graphic Designer")} == designer
    assert {q.id for q in bundled.filter(role="software-engineer")} == {
        q.id for q in bundled.filter(role="software engineer")
    }
    assert "swe-hardest-bug" in {q.id for q in bundled.filter(role="Software_Engineer")}


def test_filter_by_category_and_aliases(bundled: QuestionBank) -> None:
    curve = bundled.filter(category="curveball")
    assert curve and all(q.category == "curveball" for q in curve)
    assert bundled.filter(category="role_specific") == bundled.filter(category="role-specific")
    assert bundled.filter(category="Behavioral") == bundled.filter(category="behavioural")
    assert bundled.filter(category="no-such-category") == []


def test_filter_combined(bundled: QuestionBank) -> None:
    found = bundled.filter(category="situational", role="nurse")
    ids = {q.id for q in found}
    assert "nurse-medication-order-wrong" in ids
    assert all(q.category == "situational" for q in found)
    assert all(q.matches_role("nurse") for q in found)


def test_search_all_words_case_insensitive(bundled: QuestionBank) -> None:
    assert "curve-salary-expectations" in {q.id for q in bundled.filter(search="SALARY")}
    both = bundled.filter(search="angry customer")
    assert both
    for q in both:
        hay = " ".join((q.id, q.text, q.category, *q.tags, *q.roles)).lower()
        assert "angry" in hay and "customer" in hay
    assert bundled.filter(search="salary zzzzqqq") == []
    # tags are searched too
    assert "wh-safety-issue" in {q.id for q in bundled.filter(search="health-and-safety")}


def test_get_and_to_dict(bundled: QuestionBank) -> None:
    question = bundled.get("curve-sell-pen")
    assert question is not None and question.category == "curveball"
    assert bundled.get("nope") is None
    data = json.loads(json.dumps(question.to_dict()))
    assert data["id"] == "curve-sell-pen"
    assert data["roles"] == ["any"]
    assert set(data) == {"id", "text", "category", "roles", "tags", "probes", "tips", "source"}


def test_matches_role() -> None:
    q = Question(id="x", text="t", category="curveball", roles=("nurse",))
    assert q.matches_role(None)
    assert q.matches_role("Nurse")
    assert not q.matches_role("chef")
    assert Question(id="y", text="t", category="curveball").matches_role("chef")


# -- user banks --------------------------------------------------------------------------------

USER_BANK = """\
# my questions
[[question]]
id = "curve-why-not-hire"
text = "Why should we NOT hire you, honestly?"
category = "curveball"
tags = ["mine"]

[[question]]
id = "my-plumber-1"
text = "Tell me about a leak you traced."
category = "role_specific"
roles = ["Plumber"]
probes = ["Method"]
tips = ["Say where the leak was."]
"""


def test_user_bank_overrides_and_adds(data_dir: Path, bundled: QuestionBank) -> None:
    user_bank(data_dir, "mine.toml", USER_BANK)
    bank = load_questions(data_dir)
    assert bank.problems == []
    assert len(bank.questions) == len(bundled.questions) + 1
    replaced = bank.get("curve-why-not-hire")
    assert replaced is not None
    assert replaced.text == "Why should we NOT hire you, honestly?"
    assert replaced.source == "mine.toml"
    # the replacement keeps the bundled question's place
    position = [q.id for q in bundled.questions].index("curve-why-not-hire")
    assert bank.questions[position] is replaced
    added = bank.get("my-plumber-1")
    assert added is not None
    assert added.category == "role-specific"
    assert added.roles == ("plumber",)
    assert added.source == "mine.toml"
    assert "plumber" in bank.roles()
    assert bank.filter(role="plumber", category="role-specific") == [added]


def test_no_user_folder_is_fine(data_dir: Path, bundled: QuestionBank) -> None:
    bank = load_questions(data_dir)  # data_dir does not even exist
    assert bank.problems == []
    assert len(bank.questions) == len(bundled.questions)


def test_syntax_error_reports_line_and_bundled_still_load(
    data_dir: Path, bundled: QuestionBank
) -> None:
    path = user_bank(
        data_dir,
        "broken.toml",
        '[[question]]\nid = "a"\ntext = "Why?"\ncategory = curveball\n',
    )
    bank = load_questions(data_dir)
    assert len(bank.questions) == len(bundled.questions)
    assert len(bank.problems) == 1
    problem = bank.problems[0]
    assert problem.path == path
    assert problem.line == 4
    assert "TOML" in problem.message
    assert str(problem).startswith(f"{path}:4: ")


def test_missing_field_reported_with_its_line_and_rest_of_file_loads(data_dir: Path) -> None:
    path = user_bank(
        data_dir,
        "partial.toml",
        """\
[[question]]
id = "ok-1"
text = "First?"
category = "motivation"

# the next one has no text
[[question]]
id = "bad-1"
category = "motivation"

[[question]]
id = "ok-2"
text = "Third?"
category = "situational"
""",
    )
    bank = load_questions(data_dir)
    assert bank.get("ok-1") is not None
    assert bank.get("ok-2") is not None
    assert bank.get("bad-1") is None
    assert len(bank.problems) == 1
    problem = bank.problems[0]
    assert (problem.path, problem.line) == (path, 7)
    assert "'bad-1'" in problem.message and "missing 'text'" in problem.message


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('id = "w1"\ntext = 42\ncategory = "curveball"', "'text' must be a string"),
        ('id = "w2"\ntext = "Q?"\ncategory = "curveball"\nroles = 5', "'roles' must be a list"),
        ('id = "w3"\ntext = "Q?"\ncategory = "curveball"\ntips = [1, 2]', "'tips' must be a list"),
        ('id = "w4"\ntext = "   "\ncategory = "curveball"', "'text' is empty"),
        ('text = "Q?"\ncategory = "curveball"', "missing 'id'"),
    ],
)
def test_wrong_types_are_reported(tmp_path: Path, body: str, expected: str) -> None:
    path = tmp_path / "bank.toml"
    path.write_text(
        f'[[question]]\nid = "fine"\ntext = "A?"\ncategory = "motivation"\n\n'
        f"[[question]]\n{body}\n",
        encoding="utf-8",
    )
    questions, problems = parse_bank(path, source="bank.toml")
    assert [q.id for q in questions] == ["fine"]
    assert len(problems) == 1
    assert problems[0].line == 6
    assert expected in problems[0].message


def test_single_string_lists_and_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "bank.toml"
    path.write_text(
        '[[question]]\nid = "s"\ntext = "Q?"\ncategory = "curveball"\n'
        'roles = "Nurse"\ntip = ["typo"]\n',
        encoding="utf-8",
    )
    questions, problems = parse_bank(path, source="bank.toml")
    assert questions[0].roles == ("nurse",)
    assert len(problems) == 1 and "'tip'" in problems[0].message and problems[0].line == 1


def test_duplicates_in_a_user_file_and_across_user_files(data_dir: Path) -> None:
    q = '[[question]]\nid = "dup"\ntext = "{}"\ncategory = "curveball"\n'
    user_bank(data_dir, "a.toml", q.format("one") + "\n" + q.format("two"))
    user_bank(data_dir, "b.toml", q.format("three"))
    bank = load_questions(data_dir)
    dup = bank.get("dup")
    assert dup is not None and dup.text == "one"
    messages = [str(p) for p in bank.problems]
    assert len(messages) == 2
    assert any("a.toml:6:" in m and "duplicate id 'dup'" in m for m in messages)
    assert any("b.toml" in m and "already defined in a.toml" in m for m in messages)


def test_duplicate_ids_across_bundled_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    q = '[[question]]\nid = "same"\ntext = "{}"\ncategory = "curveball"\n'
    (tmp_path / "general.toml").write_text(q.format("first"), encoding="utf-8")
    (tmp_path / "zz.toml").write_text(q.format("second"), encoding="utf-8")
    monkeypatch.setattr(bank_files, "bundled_banks_dir", lambda: tmp_path)
    bank = load_questions()
    assert [q.text for q in bank.questions] == ["first"]
    assert len(bank.problems) == 1
    assert "duplicate id 'same'" in bank.problems[0].message
    assert bank.problems[0].path == tmp_path / "zz.toml"


def test_not_utf8_and_empty_and_odd_files(data_dir: Path, bundled: QuestionBank) -> None:
    folder = data_dir / "question_banks"
    folder.mkdir(parents=True)
    (folder / "latin1.toml").write_bytes(b'[[question]]\nid = "x"\ntext = "caf\xe9"\n')
    (folder / "empty.toml").write_bytes(b"")
    (folder / "typo.toml").write_text('[[questions]]\nid = "x"\n', encoding="utf-8")
    (folder / "scalar.toml").write_text('question = "what?"\n', encoding="utf-8")
    (folder / "notes.txt").write_text("not a bank", encoding="utf-8")
    bank = load_questions(data_dir)
    assert len(bank.questions) == len(bundled.questions)
    by_file = {p.path.name: p for p in bank.problems}
    assert set(by_file) == {"latin1.toml", "empty.toml", "typo.toml", "scalar.toml"}
    assert by_file["latin1.toml"].line == 3
    assert "UTF-8" in by_file["latin1.toml"].message
    assert "no [[question]]" in by_file["empty.toml"].message
    assert "'questions'" in by_file["typo.toml"].message


def problems_as(uid: int | None, data_dir: Path) -> list[list[str]]:
    """(path, message) of each problem ``load_questions`` reports, loaded in a forked child
    that first becomes user ``uid`` (``None``: stays who it is)."""
    load_questions(data_dir)  # modules imported before the fork: the child reads only banks
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        code = 1
        try:
            os.close(read)
            if uid is not None:
                os.setgid(uid)
                os.setuid(uid)
            bank = load_questions(data_dir)
            found = [[str(p.path), p.message] for p in bank.problems]
            os.write(write, json.dumps(found).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        out = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return list(json.loads(out))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="not on this platform: needs fork")
def test_unreadable_file_is_a_problem() -> None:
    """A bank file its user cannot read (mode 000) is reported, never raised. Root reads any
    file, so as root the loader runs in a child process that became the user ``nobody``."""
    folder = Path(tempfile.mkdtemp(prefix="offguard-locked-"))
    try:
        data_dir = folder / "data"
        path = user_bank(data_dir, "locked.toml", USER_BANK)
        for part in (folder, data_dir, path.parent):
            part.chmod(0o755)  # nobody must reach the file to be refused it
        path.chmod(0)
        as_root = os.geteuid() == 0
        problems = problems_as(65534 if as_root else None, data_dir)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert [p for p, _ in problems] == [str(path)]
    assert "cannot read" in problems[0][1]


def test_read_error_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    questions, problems = parse_bank(tmp_path, source="x")  # a folder: reading it fails
    assert questions == []
    assert len(problems) == 1
    assert problems[0].line is None and "cannot read the file" in problems[0].message


def test_a_directory_named_like_a_bank_is_skipped(data_dir: Path) -> None:
    (data_dir / "question_banks" / "folder.toml").mkdir(parents=True)
    bank = load_questions(data_dir)
    assert bank.problems == []


def test_bank_problem_str() -> None:
    assert str(BankProblem(Path("a.toml"), 3, "boom")) == "a.toml:3: boom"
    assert str(BankProblem(Path("a.toml"), None, "boom")) == "a.toml: boom"


# -- the command -------------------------------------------------------------------------------


def test_cli_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["questions", "--json", "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert code == 0
    assert err == ""
    items = json.loads(out)
    assert len(items) >= 170
    for item in items:
        assert {"id", "text", "category", "roles", "tags"} <= set(item)


def test_cli_filters(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(
        [
            "questions",
            "--role",
            "nurse",
            "--category",
            "situational",
            "--json",
            "--data-dir",
            str(data_dir),
        ]
    )
    items = json.loads(capsys.readouterr().out)
    assert code == 0
    assert items and all(i["category"] == "situational" for i in items)
    assert all("nurse" in i["roles"] or "any" in i["roles"] for i in items)
    code = run(["questions", "--search", "sell pen", "--json", "--data-dir", str(data_dir)])
    assert [i["id"] for i in json.loads(capsys.readouterr().out)] == ["curve-sell-pen"]


def test_cli_plain_output(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["questions", "--category", "curveball", "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert out.startswith("Curveball (")
    assert "curve-why-not-hire" in out and "Why should we not hire you?" in out
    assert "Behavioural" not in out
    assert re.search(r"\d+ of \d+ questions\.", out)


def test_cli_nothing_matches(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["questions", "--search", "xyzzyplugh", "--data-dir", str(data_dir)]) == 0
    assert "No questions match" in capsys.readouterr().out
    assert run(["questions", "--search", "xyzzyplugh", "--json", "--data-dir", str(data_dir)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_cli_warns_about_broken_banks_and_still_succeeds(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = user_bank(data_dir, "bad.toml", '[[question]]\nid = "a"\ntext = "unclosed\n')
    code = run(["questions", "--json", "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert code == 0
    assert len(json.loads(out)) >= 170
    assert err.startswith(f"offguard: warning: {path}:3: not valid TOML")


def test_cli_unknown_category(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["questions", "--category", "trick", "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert code != 0
    assert out == ""
    assert "Unknown category 'trick'" in err
    for category in REQUIRED_CATEGORIES:
        assert category in err
    assert "Traceback" not in err


def test_cli_unknown_role_notes_it(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["questions", "--role", "astronaut", "--json", "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert code == 0
    assert "no questions are written for the role 'astronaut'" in err
    assert all(i["roles"] == ["any"] for i in json.loads(out))


# -- properties --------------------------------------------------------------------------------

TOML_BITS = st.sampled_from(
    [
        "[[question]]",
        "[question]",
        "\n",
        " ",
        "=",
        '"',
        "'",
        '"""',
        "#",
        "[",
        "]",
        "{",
        "}",
        ",",
        "id",
        "text",
        "category",
        "roles",
        "tags",
        "tips",
        "probes",
        "question",
        "curveball",
        "x",
        "1",
        "true",
        "\\",
        "\t",
        "é",
        "\x00",
    ]
)


def _fuzz_load(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        folder = data_dir / "question_banks"
        folder.mkdir()
        path = folder / "fuzz.toml"
        path.write_bytes(content)
        bank = load_questions(data_dir)
        assert isinstance(bank, QuestionBank)
        assert len(bank.questions) >= BUNDLED_COUNT
        n_lines = content.count(b"\n") + 1
        for problem in bank.problems:
            assert problem.path == path
            assert problem.line is None or 1 <= problem.line <= n_lines
            assert str(problem).startswith(str(path))
        for question in bank.questions:
            assert question.id and question.text and question.category


BUNDLED_COUNT = len(load_questions().questions)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(content: bytes) -> None:
    _fuzz_load(content)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOML_BITS, max_size=60).map("".join))
def test_toml_like_text_never_raises(text: str) -> None:
    _fuzz_load(text.encode("utf-8"))


def toml_string(value: str) -> str:
    """A TOML basic string (escaping quotes, backslashes and control characters)."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\t" or (ord(ch) >= 0x20 and ord(ch) != 0x7F):
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04X}")
    return '"' + "".join(out) + '"'


def toml_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


clean_text = st.text(min_size=1, max_size=80).map(lambda s: " ".join(s.split())).filter(bool)
slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)
questions_st = st.builds(
    Question,
    id=slug,
    text=clean_text,
    category=st.sampled_from(CATEGORIES),
    roles=st.lists(
        st.sampled_from([*REQUIRED_ROLES, "any"]), min_size=1, max_size=3, unique=True
    ).map(tuple),
    tags=st.lists(slug, max_size=4, unique=True).map(tuple),
    probes=st.lists(clean_text, max_size=3).map(tuple),
    tips=st.lists(clean_text, max_size=3).map(tuple),
    source=st.just("gen.toml"),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(questions_st, min_size=1, max_size=4, unique_by=lambda q: q.id))
def test_valid_questions_round_trip_through_toml(generated: list[Question]) -> None:
    blocks = []
    for q in generated:
        blocks.append(
            "[[question]]\n"
            f"id = {toml_string(q.id)}\n"
            f"text = {toml_string(q.text)}\n"
            f"category = {toml_string(q.category)}\n"
            f"roles = {toml_list(q.roles)}\n"
            f"tags = {toml_list(q.tags)}\n"
            f"probes = {toml_list(q.probes)}\n"
            f"tips = {toml_list(q.tips)}\n"
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gen.toml"
        path.write_text("\n".join(blocks), encoding="utf-8")
        loaded, problems = parse_bank(path, source="gen.toml")
    assert problems == []
    assert loaded == generated


def test_cli_lists_questions_added_in_the_app(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from offguard.config import ensure_data_dir, load_settings
    from offguard.store import Store

    settings = load_settings(data_dir)
    ensure_data_dir(data_dir)
    mine = Question(
        id="user-why-gap-2024",
        text="Why the gap in 2024?",
        category="curveball",
        tags=("gap",),
        source="user",
    )
    with Store.open(settings.db_path) as store:
        store.add_question(mine, off_guard=True)
    assert run(["questions", "--json", "--search", "gap 2024", "--data-dir", str(data_dir)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert json.loads(out) == [mine.to_dict()]
    assert run(["questions", "--category", "curveball", "--data-dir", str(data_dir)]) == 0
    assert "Why the gap in 2024?  (added in the app)" in capsys.readouterr().out
