"""A one-line input level meter (dB scale, so normal speech fills about half of it)."""

from __future__ import annotations

import math

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

FLOOR_DB = -60.0


def to_fraction(value: float) -> float:
    """A linear amplitude (0..1) as a fraction of the meter on a -60..0 dBFS scale."""
    if value <= 0.0:
        return 0.0
    db = 20.0 * math.log10(min(value, 1.0))
    return max(0.0, min(1.0, (db - FLOOR_DB) / -FLOOR_DB))


class LevelMeter(Widget):
    """Shows ``rms`` as a bar and ``peak`` as a tick; both are linear amplitudes 0..1."""

    DEFAULT_CSS = """
    LevelMeter { height: 1; width: 1fr; }
    """

    rms: reactive[float] = reactive(0.0)
    peak: reactive[float] = reactive(0.0)

    def set_level(self, rms: float, peak: float) -> None:
        self.rms = rms
        self.peak = peak

    def render(self) -> Text:
        width = max(self.size.width - 8, 4)
        filled = round(to_fraction(self.rms) * width)
        tick = min(round(to_fraction(self.peak) * width), width - 1)
        bar = Text()
        for i in range(width):
            share = i / width
            colour = "green" if share < 0.7 else "yellow" if share < 0.9 else "red"
            if i < filled:
                bar.append("█", style=colour)
            elif i == tick and self.peak > 0:
                bar.append("▏", style=colour)
            else:
                bar.append("·", style="dim")
        db = 20.0 * math.log10(self.peak) if self.peak > 0 else FLOOR_DB
        bar.append(f" {max(db, FLOOR_DB):4.0f} dB", style="dim")
        return bar
