"""The lexicons explain; they must not memorise the labelled answers.

Every lexicon entry names where it comes from (a public list or the class of wording it
stands for), and an entry that matches exactly one labelled answer (all of
../shared/data/answers-dev.jsonl and tests/data/answers-*.jsonl) must come from a public list:
an entry written to catch one answer says nothing about the next one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from offguard.analysis import lexicon
from offguard.analysis.text import normalize

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("OFFGUARD_SHARED_DIR", REPO.parent / "shared"))
PUBLIC = SHARED / "lexicons"


def _need(path: Path) -> Path:
    if not path.exists():
        message = f"{path} not found (the shared folder sits beside the clone)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def _answers() -> list[str]:
    files = [_need(SHARED / "data" / "answers-dev.jsonl")]
    files += sorted((REPO / "tests" / "data").glob("answers-*.jsonl"))
    texts = []
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                texts.append(normalize(json.loads(line)["text"]))
    return texts


def _public(list_path: str) -> list[str]:
    """The entries of a public list (first column of a .tsv), normalised."""
    path = PUBLIC / list_path
    out = []
    for raw in path.read_text("utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            out.append(normalize(raw.split("\t")[0].strip()))
    return out


ENTRIES = [e for name in lexicon.files() for e in lexicon.entries(name)]


def test_every_entry_names_its_provenance() -> None:
    _need(PUBLIC)
    missing = [f"{e.file}:{e.lineno}" for e in ENTRIES if e.kind not in ("source", "class")]
    assert not missing, f"entries without a '#: source' or '#: class' line above: {missing}"
    unknown = sorted(
        {
            f"{e.file}: {e.provenance}"
            for e in ENTRIES
            if e.kind == "source" and not (PUBLIC / e.provenance).is_file()
        }
    )
    assert not unknown, f"sources that are not a public list in {PUBLIC}: {unknown}"
    vague = [f"{e.file}:{e.lineno}" for e in ENTRIES if e.kind == "class" and len(e.provenance) < 8]
    assert not vague, f"'#: class' lines that do not describe the class: {vague}"


def test_no_entry_matches_exactly_one_labelled_answer_unless_public() -> None:
    texts = _answers()
    assert len(texts) >= 781
    offenders = []
    for entry in ENTRIES:
        pattern = lexicon.compile_entry(entry)
        hits = sum(1 for t in texts if pattern.search(t))
        if hits != 1:
            continue
        public = entry.kind == "source" and any(
            pattern.fullmatch(item) for item in _public(entry.provenance)
        )
        if not public:
            offenders.append(f"{entry.file}:{entry.lineno}: {entry.text}")
    assert not offenders, (
        "lexicon entries that match exactly one labelled answer and are not a public list's "
        "entry (remove them or generalise them to the class they stand for):\n"
        + "\n".join(offenders)
    )


def test_multithreaded_is_not_a_buzzword() -> None:
    from offguard.analysis import analyze_text

    text = "Last March I rewrote our multithreaded payment importer so it stopped double-posting."
    kinds = {f.kind for f in analyze_text(text).flags if "multithread" in f.text}
    assert "buzzword" not in kinds
