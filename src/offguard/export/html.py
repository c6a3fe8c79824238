"""The report as one self-contained HTML file: inline CSS and SVG, no scripts, fonts or images.

Every piece of user text goes through :func:`html.escape`, so a transcript that says
``<script>`` shows those characters and runs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from offguard.export.model import QuestionSection, Report, Series, TakeEntry
from offguard.export.style import REPORT_CSS
from offguard.export.svg import svg_line_chart
from offguard.export.text import (
    audio_href,
    flag_segments,
    fmt_metric,
    fmt_value,
)
from offguard.formatting import fmt_day, fmt_duration, fmt_when

_COLORS = ("#2563eb", "#9333ea", "#0891b2", "#c2410c")


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def render_html(report: Report) -> str:
    """The whole report as an HTML5 document (a string)."""
    body: list[str] = ["<main>", "<h1>offguard practice report</h1>"]
    scope = []
    if report.question_filter:
        scope.append(f"question {_e(report.question_filter)}")
    if report.since:
        scope.append(f"takes since {_e(report.since)}")
    body.append(
        f'<p class="meta">Generated {_e(fmt_when(report.generated_at))}'
        + (f" · {' · '.join(scope)}" if scope else "")
        + "</p>"
    )
    analysed = [t for q in report.questions for t in q.takes if t.specificity is not None]
    specific = sum(1 for t in analysed if (t.verdict or "").lower() == "specific")
    body.append('<ul class="summary">')
    body.append(f"<li><b>{len(report.questions)}</b>questions practised</li>")
    body.append(f"<li><b>{report.take_count}</b>takes</li>")
    if analysed:
        body.append(f"<li><b>{specific} of {len(analysed)}</b>answers specific</li>")
    if report.interviews:
        body.append(f"<li><b>{len(report.interviews)}</b>interviews logged</li>")
    body.append("</ul>")
    body += [f'<p class="note">{_e(note)}</p>' for note in report.notes]
    if not report.questions:
        body.append("<p>No takes match. Record some answers, or widen --since / --question.</p>")
    if report.overall:
        body += ["<h2>Overall trends</h2>", _charts(report.overall)]
    if report.interviews:
        body += _interviews(report)
    if report.questions:
        body.append("<h2>Questions</h2>")
        if len(report.questions) > 1:
            body.append(_contents(report.questions))
        for section in report.questions:
            body += _question(section, report)
    body.append(
        "<footer>Made by offguard on this computer. Audio links point to files in your data "
        f"folder ({_e(report.data_dir)}).</footer>"
    )
    body.append("</main>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light">\n'
        f"<title>offguard report · {_e(fmt_day(report.generated_at))}</title>\n"
        f"<style>{REPORT_CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _charts(series: Sequence[Series]) -> str:
    figures = []
    for index, s in enumerate(series):
        values = tuple((float(i), v) for i, (_, v) in enumerate(s.points))
        labels = [fmt_day(stamp) for stamp, _ in s.points]
        unit = f" {s.unit}" if s.unit and s.unit != "%" else s.unit
        chart = svg_line_chart(
            values,
            s.band,
            band_label=s.band_label,
            title=s.label,
            unit=unit,
            x_labels=labels,
            color=_COLORS[index % len(_COLORS)],
        )
        latest = fmt_value(s.points[-1][1], unit) if s.points else "–"
        caption = f"latest {_e(latest)}; {len(s.points)} take(s)"
        if s.band:
            target = s.band_label or f"{fmt_value(s.band[0])}–{fmt_value(s.band[1])}{unit}"
            caption += f"; target (shaded): {_e(target)}"
        figures.append(f"<figure>{chart}<figcaption>{caption}</figcaption></figure>")
    return '<div class="charts">' + "".join(figures) + "</div>"


def _interviews(report: Report) -> list[str]:
    out = ["<h2>Interviews</h2>", "<table><thead><tr>"]
    out.append("".join(f"<th>{h}</th>" for h in ("Date", "Company", "Role", "Stage", "Outcome")))
    out.append("</tr></thead><tbody>")
    for iv in report.interviews:
        cells = (iv.date, iv.company, iv.role, iv.stage, iv.outcome)
        out.append(
            '<tr><td class="nowrap">' + "</td><td>".join(_e(c) or "–" for c in cells) + "</td></tr>"
        )
        details = [
            f"<b>{label}:</b> {_e(value)}"
            for label, value in (("Feedback", iv.feedback), ("Reflection", iv.reflection))
            if value
        ]
        if iv.questions:
            details.append("<b>Caught off guard by:</b> " + _e("; ".join(iv.questions)))
        if details:
            out.append(
                '<tr><td></td><td colspan="4" class="muted">' + "<br>".join(details) + "</td></tr>"
            )
    out.append("</tbody></table>")
    return out


def _anchor(question_id: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in question_id)
    return f"q-{safe}"


def _contents(sections: Sequence[QuestionSection]) -> str:
    rows = []
    for s in sections:
        latest = s.takes[-1] if s.takes else None
        verdict = _e(latest.verdict) if latest and latest.verdict else "–"
        score = fmt_value(latest.specificity) if latest else "–"
        rows.append(
            f'<tr><td><a href="#{_anchor(s.question_id)}">{_e(s.text or s.question_id)}</a></td>'
            f'<td class="num">{len(s.takes)}</td><td>{verdict}</td>'
            f'<td class="num">{score}</td></tr>'
        )
    return (
        '<table><thead><tr><th>Question</th><th class="num">Takes</th><th>Latest verdict</th>'
        '<th class="num">Specificity</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>"
    )


def _question(section: QuestionSection, report: Report) -> list[str]:
    out = [f'<section id="{_anchor(section.question_id)}">']
    out.append(f"<h3>{_e(section.text or section.question_id)}</h3>")
    meta = [f"<code>{_e(section.question_id)}</code>"]
    if section.category:
        meta.append(_e(section.category))
    if section.off_guard:
        meta.append("<b>caught you off guard in an interview</b>")
    meta.append(f"{len(section.takes)} take(s)")
    out.append(f'<p class="meta">{" · ".join(meta)}</p>')
    if section.trends and len(section.takes) > 1:
        out.append(_charts(section.trends))
    for number, take in enumerate(section.takes, start=1):
        out.append(_take(number, take, report))
    out.append("</section>")
    return out


def _verdict_class(verdict: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in verdict.lower())


def _take(number: int, take: TakeEntry, report: Report) -> str:
    out = ['<article class="take">', "<header>"]
    out.append(f"<h4>Take {number}</h4>")
    out.append(
        f'<span class="muted">{_e(fmt_when(take.started_at))} · '
        f"{_e(fmt_duration(take.duration))}</span>"
    )
    if take.verdict:
        out.append(
            f'<span class="verdict {_verdict_class(take.verdict)}">Verdict: {_e(take.verdict)}'
            + (
                f" · specificity {_e(fmt_value(take.specificity))}"
                if take.specificity is not None
                else ""
            )
            + "</span>"
        )
    else:
        out.append('<span class="verdict">not analysed</span>')
    if take.story:
        out.append(f'<span class="muted">story: <i>{_e(take.story)}</i></span>')
    out.append("</header>")
    href = _e(audio_href(take.audio_path, report.out_path))
    out.append(
        f'<p class="muted">Audio: <a href="{href}">{_e(take.audio_path.name)}</a> '
        f'<audio controls preload="none" src="{href}"></audio></p>'
    )
    if take.transcript:
        pieces = []
        for piece, mark_no in flag_segments(take.transcript, take.flags):
            if mark_no is None:
                pieces.append(_e(piece))
            else:
                reason = take.flags[mark_no - 1]
                pieces.append(
                    f'<mark class="flag" title="{_e(reason.kind)}: {_e(reason.reason)}">'
                    f"{_e(piece)}<sup>{mark_no}</sup></mark>"
                )
        out.append(f'<blockquote class="transcript">{"".join(pieces)}</blockquote>')
    else:
        out.append('<p class="muted"><i>No transcript yet.</i></p>')
    if take.flags:
        out.append('<ol class="flags">')
        for flag in take.flags:
            out.append(
                f'<li><span class="kind">{_e(flag.kind)}</span> “{_e(flag.text)}”: '
                f"{_e(flag.reason)}</li>"
            )
        out.append("</ol>")
    if take.star:
        out.append('<ul class="star" aria-label="STAR">')
        for part, found in take.star:
            mark = "✓" if found else "✗"
            tip = f' title="{_e(found)}"' if found and found != "yes" else ""
            out.append(f'<li class="{"yes" if found else "no"}"{tip}>{mark} {_e(part)}</li>')
        out.append("</ul>")
    if take.specifics:
        out.append(
            '<p class="specifics"><b>Specific details:</b> '
            + "; ".join(_e(s) for s in take.specifics)
            + "</p>"
        )
    if take.metrics:
        head = "".join(f'<th class="num">{_e(m.label)}</th>' for m in take.metrics)
        cells = "".join(
            f'<td class="num"{_target(m.target)}>{_e(fmt_metric(m))}</td>' for m in take.metrics
        )
        out.append(f"<table><thead><tr>{head}</tr></thead><tbody><tr>{cells}</tr></tbody></table>")
    if take.suggestions:
        out.append('<ul class="suggestions">')
        out += [f"<li>{_e(s)}</li>" for s in take.suggestions]
        out.append("</ul>")
    out.append("</article>")
    return "\n".join(out)


def _target(target: str) -> str:
    return f' title="target {_e(target)}"' if target else ""
