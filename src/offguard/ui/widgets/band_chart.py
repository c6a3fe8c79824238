"""A banded text line chart of one metric over the takes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text


def _resample(values: Sequence[float], width: int) -> list[float]:
    """Average ``values`` into at most ``width`` buckets, keeping their order."""
    if len(values) <= width:
        return list(values)
    size = len(values) / width
    out = []
    for i in range(width):
        chunk = values[int(i * size) : max(int((i + 1) * size), int(i * size) + 1)]
        out.append(sum(chunk) / len(chunk))
    return out


def band_chart(
    values: Sequence[float],
    low: float | None,
    high: float | None,
    *,
    width: int = 48,
    height: int = 7,
    color: str = "cyan",
) -> Text:
    """A line chart in text, ``width`` columns wide: a dot per take (averaged when there are
    more takes than columns), the line between them, and the target band (``low``..``high``,
    either side open) shaded across the chart. The y axis names the range and the band edges."""
    text = Text()
    if not values:
        text.append("no takes yet", style="dim")
        return text
    points = _resample(values, width)
    bounds = [b for b in (low, high) if b is not None]
    lo, hi = min([*points, *bounds]), max([*points, *bounds])
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    step = (hi - lo) / (height - 1)

    def row_of(value: float) -> int:
        return min(height - 1, max(0, round((hi - value) / step)))

    # Columns of the points, spread over the width; the line is interpolated in between.
    n = len(points)
    cols = [round(i * (width - 1) / (n - 1)) for i in range(n)] if n > 1 else [width // 2]
    grid: dict[tuple[int, int], tuple[str, str]] = {}
    for i in range(n - 1):
        (c0, v0), (c1, v1) = (cols[i], points[i]), (cols[i + 1], points[i + 1])
        prev_row = row_of(v0)
        for col in range(c0, c1 + 1):
            value = v0 + (v1 - v0) * (col - c0) / max(c1 - c0, 1)
            row = row_of(value)
            for r in range(min(prev_row, row), max(prev_row, row) + 1):
                grid.setdefault((r, col), ("·", color))
            prev_row = row
    for col, value in zip(cols, points, strict=True):
        grid[(row_of(value), col)] = ("●", f"bold {color}")
    band_rows = {
        row
        for row in range(height)
        if (low is None or hi - (row - 0.5) * step > low)
        and (high is None or hi - (row + 0.5) * step < high)
    }
    labels = {0: hi, height - 1: lo}
    for edge in bounds:
        labels.setdefault(row_of(edge), edge)
    label_w = max(len(f"{v:.0f}") for v in labels.values())
    for row in range(height):
        label = f"{labels[row]:.0f}" if row in labels else ""
        text.append(f"{label:>{label_w}} ┤", style="dim")
        shade = "on #1d3b2a" if row in band_rows else ""
        for col in range(width):
            char, style = grid.get((row, col), (" ", ""))
            text.append(char, style=f"{style} {shade}".strip() or None)
        text.append("\n")
    return text
