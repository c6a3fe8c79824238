"""The report as Markdown: readable as plain text, renders well on any Markdown viewer.

User text (transcripts, notes, question text) is escaped, so a transcript can neither inject
HTML into a renderer nor break the layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from offguard.export.model import QuestionSection, Report, Series, TakeEntry
from offguard.export.svg import text_sparkline
from offguard.export.text import (
    audio_href,
    flag_segments,
    fmt_metric,
    fmt_value,
)
from offguard.formatting import fmt_duration, fmt_when

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def md_escape(text: str) -> str:
    """Escape Markdown syntax and HTML in user text; newlines become spaces."""
    text = re.sub(r"\s+", " ", text)
    text = text.replace("&", "&amp;")
    return _SPECIAL.sub(_escape_char, text)


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(1)
    if char == "<":
        return "&lt;"
    if char == ">":
        return "&gt;"
    return "\\" + char


def _link_target(href: str) -> str:
    return "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document."""
    lines: list[str] = ["# offguard practice report", ""]
    scope = []
    if report.question_filter:
        scope.append(f"question `{report.question_filter}`")
    if report.since:
        scope.append(f"takes since {md_escape(report.since)}")
    lines.append(
        f"Generated {fmt_when(report.generated_at)} · {len(report.questions)} question(s) · "
        f"{report.take_count} take(s)" + (f" · {', '.join(scope)}" if scope else "")
    )
    lines.append("")
    for note in report.notes:
        lines += [f"> {md_escape(note)}", ""]
    if not report.questions:
        lines += ["No takes match. Record some answers, or widen --since / --question.", ""]
    if report.overall:
        lines += ["## Overall trends", "", *_trend_table(report.overall), ""]
    if report.interviews:
        lines += ["## Interviews", ""]
        lines.append("| Date | Company | Role | Stage | Outcome |")
        lines.append("|---|---|---|---|---|")
        for iv in report.interviews:
            cells = (iv.date, iv.company, iv.role, iv.stage, iv.outcome)
            lines.append("| " + " | ".join(md_escape(c) or "–" for c in cells) + " |")
        lines.append("")
        for iv in report.interviews:
            extra = [
                (label, value)
                for label, value in (("Feedback", iv.feedback), ("Reflection", iv.reflection))
                if value
            ]
            if iv.questions:
                extra.append(("Caught off guard by", "; ".join(iv.questions)))
            if extra:
                lines.append(f"**{md_escape(iv.company)}, {md_escape(iv.date)}**")
                lines += [f"- {label}: {md_escape(value)}" for label, value in extra]
                lines.append("")
    if report.questions:
        lines += ["## Questions", ""]
        for section in report.questions:
            lines += _question(section, report)
    return "\n".join(lines).rstrip() + "\n"


def _trend_table(series: Sequence[Series]) -> list[str]:
    rows = ["| Metric | Trend | First | Latest | Target |", "|---|---|---|---|---|"]
    for s in series:
        values = [v for _, v in s.points]
        unit = f" {s.unit}" if s.unit else ""
        band = f"{fmt_value(s.band[0])}–{fmt_value(s.band[1])}{unit}" if s.band else "–"
        band = md_escape(s.band_label) if s.band_label else band
        first = fmt_value(values[0], unit) if values else "–"
        last = fmt_value(values[-1], unit) if values else "–"
        spark = f"`{text_sparkline(values)}`" if values else "no data"
        rows.append(f"| {s.label} | {spark} | {first} | {last} | {band} |")
    return rows


def _question(section: QuestionSection, report: Report) -> list[str]:
    title = md_escape(section.text or section.question_id)
    lines = [f"### {title}", ""]
    meta = [f"`{section.question_id}`"]
    if section.category:
        meta.append(md_escape(section.category))
    if section.off_guard:
        meta.append("**caught you off guard in an interview**")
    meta.append(f"{len(section.takes)} take(s)")
    lines += [" · ".join(meta), ""]
    if section.trends and len(section.takes) > 1:
        lines += [*_trend_table(section.trends), ""]
    for number, take in enumerate(section.takes, start=1):
        lines += _take(number, take, report)
    return lines


def _take(number: int, take: TakeEntry, report: Report) -> list[str]:
    head = f"#### Take {number} · {fmt_when(take.started_at)} · {fmt_duration(take.duration)}"
    lines = [head, ""]
    verdict = take.verdict or "not analysed"
    score = f" · specificity {fmt_value(take.specificity)}" if take.specificity is not None else ""
    lines.append(f"**Verdict: {md_escape(verdict)}**{score}")
    if take.story:
        lines[-1] += f" · story: *{md_escape(take.story)}*"
    lines.append("")
    href = audio_href(take.audio_path, report.out_path)
    lines += [f"Audio: [{md_escape(take.audio_path.name)}]({_link_target(href)})", ""]
    if take.transcript:
        marked = []
        for piece, mark_no in flag_segments(take.transcript, take.flags):
            text = md_escape(piece)
            if mark_no is None:
                marked.append(text)
            elif text.strip():
                marked.append(
                    f"**{text.strip()}**\\[{mark_no}\\]" + (" " if piece.endswith(" ") else "")
                )
        lines += ["> " + "".join(marked), ""]
    else:
        lines += ["*No transcript yet.*", ""]
    if take.flags:
        lines.append("Flags:")
        for n, flag in enumerate(take.flags, start=1):
            lines.append(
                f"- \\[{n}\\] *{md_escape(flag.kind)}* “{md_escape(flag.text)}”: "
                f"{md_escape(flag.reason)}"
            )
        lines.append("")
    if take.star:
        parts = [f"{md_escape(part)} {'✓' if found else '✗'}" for part, found in take.star]
        lines += ["STAR: " + " · ".join(parts), ""]
    if take.specifics:
        lines += ["Specific details: " + "; ".join(md_escape(s) for s in take.specifics), ""]
    if take.metrics:
        lines.append("| " + " | ".join(m.label for m in take.metrics) + " |")
        lines.append("|" + "---|" * len(take.metrics))
        lines.append("| " + " | ".join(fmt_metric(m) for m in take.metrics) + " |")
        lines.append("")
    if take.suggestions:
        lines.append("Suggestions:")
        lines += [f"- {md_escape(s)}" for s in take.suggestions]
        lines.append("")
    return lines
