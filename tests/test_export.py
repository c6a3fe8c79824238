"""Reports: Markdown and self-contained HTML built from a real store and the real analyser."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from offguard.errors import OffguardError
from offguard.export import (
    build_report,
    export_report,
    render_html,
    render_markdown,
    svg_line_chart,
    text_sparkline,
)
from offguard.export.text import audio_href, flag_segments
from offguard.questions import QuestionBank, load_questions
from offguard.store import Store
from offguard.transcription.types import Transcript, Word

GENERIC = "I always work hard and I am a people person. <script>alert('x')</script> I love teams."
SPECIFIC = (
    "In March 2024 at Brightwell Foods our invoice run failed the night before payroll. "
    "I rebuilt the export in Python, ran it by 2 a.m. and 412 staff were paid on time."
)
START = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)


def _words(text: str, wpm: float = 140.0) -> tuple[Word, ...]:
    step = 60.0 / wpm
    return tuple(
        Word(word, i * step, i * step + step * 0.8, 0.9) for i, word in enumerate(text.split())
    )


def _add_take(
    store: Store, data_dir: Path, question_id: str, text: str, day: int, *, analyse: bool = True
) -> int:
    from offguard.analysis import analyze_text

    audio = data_dir / "audio" / f"{question_id}-{day}.flac"
    audio.parent.mkdir(parents=True, exist_ok=True)
    audio.write_bytes(b"fLaC")  # the report only links to it
    take_id = store.create_take(
        question_id,
        audio,
        device="test",
        samplerate=16000,
        status="saved",
        started_at=START + timedelta(days=day),
    )
    words = _words(text)
    duration = words[-1].end + 0.5
    store.finish_take(take_id, duration=duration)
    store.save_transcript(take_id, Transcript(text, words, duration, "tiny.en"))
    if analyse:
        analysis = analyze_text(text, words=words, duration=duration)
        store.save_analysis(
            take_id,
            version=analysis.version,
            verdict=analysis.verdict,
            specificity=analysis.specificity,
            data=analysis.to_dict(),
        )
    return take_id


@pytest.fixture()
def bank() -> QuestionBank:
    return load_questions(None)


@pytest.fixture()
def store(data_dir: Path, bank: QuestionBank) -> Iterator[Store]:
    store = Store.open(data_dir / "offguard.sqlite3")
    first, second = bank.questions[0].id, bank.questions[1].id
    _add_take(store, data_dir, first, GENERIC, 0)
    _add_take(store, data_dir, first, SPECIFIC, 3)
    _add_take(store, data_dir, first, SPECIFIC + " We never missed a run again.", 6)
    _add_take(store, data_dir, second, SPECIFIC, 4)
    _add_take(store, data_dir, second, "Not analysed yet <b>bold</b>", 8, analyse=False)
    interview = store.add_interview(
        company="Acme & <Sons>",
        role="Engineer",
        date="2026-01-02",
        stage="onsite",
        outcome="rejection",
        feedback="Answers were vague",
        reflection="Give one real example",
    )
    store.link_interview_question(interview, first, "rambled")
    yield store
    store.close()


class _Refs(HTMLParser):
    """Collects every tag name and every URL-bearing attribute of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action", "poster") and value:
                self.urls.append(value)


# -- charts ---------------------------------------------------------------------------------


def test_svg_line_chart_draws_points_and_shaded_band() -> None:
    svg = svg_line_chart(
        [(0, 110.0), (1, 150.0), (2, 175.0)], band=(120, 160), title="WPM <fast>", unit=" wpm"
    )
    root = ET.fromstring(svg)  # well-formed markup
    assert root.tag == "svg"
    line = root.find("polyline")
    assert line is not None and len(line.attrib["points"].split()) == 3
    band = root.find("rect")
    assert band is not None and band.attrib["class"] == "band"
    assert float(band.attrib["height"]) > 0
    assert len(root.findall("circle")) == 3
    texts = " ".join(t.text or "" for t in root.iter("text"))
    assert "target 120–160 wpm" in texts
    assert "WPM <fast>" in texts  # escaped in the markup, plain text once parsed
    assert "<fast>" not in svg


def test_svg_line_chart_handles_no_and_one_point() -> None:
    empty = ET.fromstring(svg_line_chart([], band=(0, 3), title="Fillers"))
    assert empty.find("polyline") is None
    assert "no data yet" in " ".join(t.text or "" for t in empty.iter("text"))
    one = ET.fromstring(svg_line_chart([(0, 42.0)]))
    assert len(one.findall("circle")) == 1 and one.find("polyline") is None


def test_text_sparkline() -> None:
    assert text_sparkline([1, 5, 3]) == "▁█▅"
    assert text_sparkline([2, 2]) == "▄▄"
    assert text_sparkline([]) == ""


def test_flag_segments_and_audio_links(tmp_path: Path) -> None:
    from offguard.export.model import Flag

    text = "I always help. I always win."
    flags = [Flag(2, 8, "always", "habitual", "a habit"), Flag(99, 120, "win", "x", "moved")]
    assert flag_segments(text, flags) == [
        ("I ", None),
        ("always", 1),
        (" help. I always ", None),
        ("win", 2),
        (".", None),
    ]
    audio = tmp_path / "data" / "audio" / "a b#1.flac"
    assert audio_href(audio, tmp_path / "data" / "exports" / "r.html") == "../audio/a%20b%231.flac"
    assert audio_href(audio, None) == audio.as_uri()


# -- reports from a real store ----------------------------------------------------------------


def test_build_report_gathers_questions_takes_and_trends(store: Store, bank: QuestionBank) -> None:
    report = build_report(store, bank)
    assert report.take_count == 5
    first = report.questions[0]
    assert first.question_id == bank.questions[0].id and first.off_guard
    assert [t.started_at for t in first.takes] == sorted(t.started_at for t in first.takes)
    generic, specific = first.takes[0], first.takes[1]
    assert generic.verdict and specific.verdict
    assert specific.specificity is not None and generic.specificity is not None
    assert specific.specificity > generic.specificity
    assert generic.flags, "the analyser flags the generic answer"
    assert {m.key for m in specific.metrics} >= {"wpm", "duration"}
    keys = {s.key for s in first.trends}
    assert {"specificity", "wpm", "duration"} <= keys
    assert all(len(s.points) == 3 for s in first.trends if s.key == "specificity")
    assert report.overall and report.interviews[0].questions == (bank.questions[0].text,)
    unanalysed = report.questions[1].takes[-1]
    assert unanalysed.verdict is None and unanalysed.transcript


def test_build_report_filters_by_question_and_date(store: Store, bank: QuestionBank) -> None:
    only = build_report(store, bank, question_id=bank.questions[1].id)
    assert [q.question_id for q in only.questions] == [bank.questions[1].id]
    assert not only.interviews
    recent = build_report(store, bank, since="2026-01-10")
    assert recent.take_count == 2
    with pytest.raises(OffguardError, match="date"):
        build_report(store, bank, since="last tuesday")
    with pytest.raises(OffguardError, match="no-such-question"):
        build_report(store, bank, question_id="no-such-question")


def test_html_report_is_escaped_self_contained_and_marked(
    store: Store, bank: QuestionBank, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "report.html"
    written = export_report(store, bank, out)
    page = written.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    # User text is escaped: the transcript's script tag is shown as text, never run (flag
    # marks may split it into several text nodes, so compare the page's text content).
    shown = _Refs()
    shown.feed(page)
    assert "<script>alert('x')</script>" in "".join(shown.text)
    assert "<script" not in page.lower()
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "Acme &amp; &lt;Sons&gt;" in page
    # Self-contained: no network, no external stylesheet, font, script or image.
    refs = _Refs()
    refs.feed(page)
    assert "http://" not in page and "https://" not in page
    assert not {"script", "link", "img", "iframe", "object"} & set(refs.tags)
    assert "@import" not in page and "url(" not in page
    assert all(not re.match(r"^(https?:)?//", url) for url in refs.urls)
    # Flags marked, verdicts, STAR, charts with the target bands, audio links that resolve.
    assert '<mark class="flag"' in page
    assert page.count("Verdict: ") == 4 and "not analysed" in page
    assert 'aria-label="STAR"' in page
    assert page.count("<svg") >= 8 and 'class="band"' in page
    audio_links = [u for u in refs.urls if u.endswith(".flac")]
    assert len(set(audio_links)) == 5
    assert all((out.parent / unquote(u)).resolve().is_file() for u in audio_links)
    assert "@media print" in page


def test_markdown_report_escapes_and_marks_flags(
    store: Store, bank: QuestionBank, tmp_path: Path
) -> None:
    report = build_report(store, bank, out_path=tmp_path / "r.md")
    text = render_markdown(report)
    assert text.startswith("# offguard practice report")
    assert "&lt;script&gt;" in text and "<script" not in text
    assert "&lt;b&gt;bold&lt;/b&gt;" in text
    assert re.search(r"\*\*[^*]+\*\*\\\[1\\\]", text), "flagged words are bold and numbered"
    assert "Flags:" in text and "**Verdict: " in text
    assert "| Specificity | `" in text and "STAR: Situation" in text
    first_take = report.questions[0].takes[0]
    assert f"(<data/audio/{first_take.audio_path.name}>)" in text
    assert text == render_markdown(report)  # deterministic


def test_empty_store_still_renders(data_dir: Path, bank: QuestionBank) -> None:
    with Store.open(data_dir / "offguard.sqlite3") as empty:
        report = build_report(empty, bank)
    assert report.take_count == 0
    assert "No takes match" in render_markdown(report)
    assert "No takes match" in render_html(report)


def test_cli_export_writes_both_formats(store: Store, data_dir: Path, tmp_path: Path) -> None:
    from offguard.cli.main import run

    html_out, md_out = tmp_path / "r.html", tmp_path / "r.md"
    assert run(["export", "--data-dir", str(data_dir), "--out", str(html_out)]) == 0
    assert run(["--data-dir", str(data_dir), "export", "-f", "md", "-o", str(md_out)]) == 0
    assert html_out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert md_out.read_text(encoding="utf-8").startswith("# offguard")
    assert run(["export", "--data-dir", str(data_dir)]) == 0
    assert list((data_dir / "exports").glob("report-*.html"))


def test_cli_export_errors_are_one_line(
    store: Store, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from offguard.cli.main import run

    code = run(
        [
            "export",
            "--data-dir",
            str(data_dir),
            "--out",
            str(tmp_path / "r.html"),
            "--since",
            "yesterday-ish",
        ]
    )
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "YYYY-MM-DD" in err
