"""Small inline SVG line charts for the HTML report: no scripts, no fonts, no external files.

The chart is plain SVG markup meant to sit inside an HTML page (no ``xmlns`` needed there), so
the report stays a single self-contained file that renders offline and prints.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

Point = tuple[float, float]


def _fmt(value: float) -> str:
    """A coordinate with at most one decimal, no trailing ``.0``."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _tick(value: float) -> str:
    """A short, readable label for an axis value."""
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _nice_step(span: float, ticks: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` intervals."""
    raw = span / ticks
    power = math.pow(10.0, math.floor(math.log10(raw)))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= factor * power:
            return factor * power
    return 10.0 * power  # pragma: no cover - the loop always returns


def _y_axis(
    values: Sequence[float], band: tuple[float, float] | None
) -> tuple[float, float, list[float]]:
    """The y range, widened to round numbers, and the tick values inside it."""
    lo = min(values) if values else 0.0
    hi = max(values) if values else 1.0
    if band is not None:
        lo, hi = min(lo, band[0]), max(hi, band[1])
    if hi - lo < 1e-9:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    step = _nice_step(hi - lo)
    low = math.floor(lo / step + 1e-9) * step
    high = math.ceil(hi / step - 1e-9) * step
    ticks = []
    value = low
    while value <= high + step / 2:
        ticks.append(round(value, 10))
        value += step
    return low, high, ticks


def svg_line_chart(
    points: Sequence[Point],
    band: tuple[float, float] | None = None,
    *,
    title: str = "",
    unit: str = "",
    x_labels: Sequence[str] | None = None,
    band_label: str = "",
    width: int = 440,
    height: int = 170,
    color: str = "#2563eb",
) -> str:
    """An SVG line chart of ``points`` (x, y), with the ``band`` (low, high) shaded.

    ``band_label`` says what the band is (default: "target LOW–HIGH"). ``x_labels`` (same
    length as ``points``) names the first and last x positions (dates);
    all text is escaped. With no points the chart says so instead of drawing a line.
    """
    left, right, top, bottom = 40.0, 12.0, 26.0 if title else 10.0, 24.0
    plot_w, plot_h = width - left - right, height - top - bottom
    label = escape(title or "chart")
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' role="img" aria-label="{label}">',
        f"<title>{label}</title>",
    ]
    if title:
        parts.append(f'<text class="chart-title" x="{left:.0f}" y="16">{escape(title)}</text>')
    ys = [float(y) for _, y in points]
    xs = [float(x) for x, _ in points]
    y_lo, y_hi, ticks = _y_axis(ys, band)
    x_lo, x_hi = (min(xs), max(xs)) if xs else (0.0, 1.0)
    x_span = (x_hi - x_lo) or 1.0

    def sx(x: float) -> float:
        if len(xs) == 1:
            return left + plot_w / 2
        return left + (x - x_lo) / x_span * plot_w

    def sy(y: float) -> float:
        return top + (y_hi - y) / (y_hi - y_lo) * plot_h

    if band is not None:
        b_top, b_bottom = sy(max(band)), sy(min(band))
        parts.append(
            f'<rect class="band" x="{_fmt(left)}" y="{_fmt(b_top)}" width="{_fmt(plot_w)}"'
            f' height="{_fmt(max(b_bottom - b_top, 1.0))}" fill="#16a34a" fill-opacity="0.13"/>'
        )
        parts.append(
            f'<text class="band-label" x="{_fmt(left + plot_w - 4)}" y="{_fmt(b_top + 11)}"'
            f' text-anchor="end">'
            + escape(band_label or f"target {_tick(min(band))}–{_tick(max(band))}{unit}")
            + "</text>"
        )
    # Horizontal grid lines at round values.
    for value in ticks:
        y = sy(value)
        parts.append(
            f'<line class="grid" x1="{_fmt(left)}" y1="{_fmt(y)}" x2="{_fmt(left + plot_w)}"'
            f' y2="{_fmt(y)}" stroke="#d4d4d8" stroke-width="1"/>'
        )
        parts.append(
            f'<text class="tick" x="{_fmt(left - 6)}" y="{_fmt(y + 4)}" text-anchor="end">'
            f"{_tick(value)}</text>"
        )
    if not points:
        parts.append(
            f'<text class="empty" x="{_fmt(left + plot_w / 2)}" y="{_fmt(top + plot_h / 2)}"'
            ' text-anchor="middle">no data yet</text>'
        )
    else:
        coords = " ".join(f"{_fmt(sx(x))},{_fmt(sy(y))}" for x, y in zip(xs, ys, strict=True))
        if len(points) > 1:
            parts.append(
                f'<polyline class="line" points="{coords}" fill="none" stroke="{escape(color)}"'
                ' stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>'
            )
        dots = points if len(points) <= 60 else points[-1:]
        for x, y in dots:
            parts.append(
                f'<circle class="dot" cx="{_fmt(sx(float(x)))}" cy="{_fmt(sy(float(y)))}" r="3"'
                f' fill="{escape(color)}"><title>{_tick(float(y))}{escape(unit)}</title></circle>'
            )
    if x_labels and points:
        base = _fmt(top + plot_h + 16)
        parts.append(f'<text class="tick" x="{_fmt(left)}" y="{base}">{escape(x_labels[0])}</text>')
        if len(x_labels) > 1:
            parts.append(
                f'<text class="tick" x="{_fmt(left + plot_w)}" y="{base}" text-anchor="end">'
                f"{escape(x_labels[-1])}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


SPARK_BLOCKS = "▁▂▃▄▅▆▇█"


def text_sparkline(values: Sequence[float]) -> str:
    """``[1, 5, 3]`` -> ``"▁█▄"``: a one-line chart for Markdown and the terminal."""
    if not values:
        return ""
    lo, hi = min(values), max(values)
    span = hi - lo
    if span < 1e-9:
        return SPARK_BLOCKS[3] * len(values)
    top = len(SPARK_BLOCKS) - 1
    return "".join(SPARK_BLOCKS[round((v - lo) / span * top)] for v in values)
