"""Reports you can keep or share: Markdown, and one self-contained HTML file.

``build_report(store, bank, question_id=..., since=...)`` gathers a :class:`Report`;
``render_markdown(report)`` / ``render_html(report)`` turn it into text; ``write_report``
does both steps and writes the file atomically.
"""

from __future__ import annotations

from offguard.export.html import render_html
from offguard.export.markdown import render_markdown
from offguard.export.model import Report
from offguard.export.report import build_report
from offguard.export.svg import svg_line_chart, text_sparkline
from offguard.export.write import FORMATS, default_export_path, export_report, write_report

__all__ = [
    "FORMATS",
    "Report",
    "build_report",
    "default_export_path",
    "export_report",
    "render_html",
    "render_markdown",
    "svg_line_chart",
    "text_sparkline",
    "write_report",
]
