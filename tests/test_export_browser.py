"""The exported HTML rendered by a real headless Chromium: a screenshot that is not blank."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import numpy as np
import pytest

from offguard.export import export_report
from offguard.questions import load_questions
from offguard.store import Store
from tests.test_export import GENERIC, SPECIFIC, _add_take

pytestmark = pytest.mark.slow


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (apt-get install chromium) - cannot render the report")


def _unfilter_row(kind: int, line: list[int], prev: list[int], bpp: int) -> list[int]:
    cur = [0] * len(line)
    for i, value in enumerate(line):
        a = cur[i - bpp] if i >= bpp else 0
        b = prev[i]
        if kind == 3:
            pred = (a + b) >> 1
        else:
            c = prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
        cur[i] = (value + pred) & 255
    return cur


def read_png(path: Path) -> np.ndarray:
    """Decode an 8-bit RGB/RGBA (non-interlaced) PNG with the standard library and numpy."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    pos, idat = 8, bytearray()
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color_type, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0, "only 8-bit non-interlaced PNGs"
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[color_type]
        elif kind == b"IDAT":
            idat += body
    raw = np.frombuffer(zlib.decompress(bytes(idat)), dtype=np.uint8)
    stride = width * channels
    rows = raw.reshape(height, stride + 1)
    out = np.zeros((height, stride), dtype=np.uint8)
    prev = np.zeros(stride, dtype=np.int64)
    for y in range(height):
        kind, line = rows[y, 0], rows[y, 1:].astype(np.int64)
        if kind == 0:
            cur = line
        elif kind == 1:  # Sub: running sum along each channel
            cur = np.cumsum(line.reshape(width, channels), axis=0).reshape(-1) & 255
        elif kind == 2:  # Up
            cur = (line + prev) & 255
        else:  # Average (3) and Paeth (4): byte by byte, on plain ints (faster than numpy)
            cur = np.array(_unfilter_row(int(kind), line.tolist(), prev.tolist(), channels))
        out[y] = cur
        prev = cur
    return out.reshape(height, width, channels)


def test_exported_html_renders_in_headless_chromium(tmp_path: Path) -> None:
    chromium = _chromium()
    data_dir = tmp_path / "data"
    bank = load_questions(None)
    with Store.open(data_dir / "offguard.sqlite3") as store:
        first, second = bank.questions[0].id, bank.questions[1].id
        _add_take(store, data_dir, first, GENERIC, 0)
        _add_take(store, data_dir, first, SPECIFIC, 2)
        _add_take(store, data_dir, second, SPECIFIC, 3)
        _add_take(store, data_dir, second, GENERIC, 5)
        page = export_report(store, bank, tmp_path / "report.html")
    shot = tmp_path / "report.png"
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={shot}",
        "--window-size=1200,1600",
        page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert shot.is_file(), f"no screenshot; chromium said: {result.stderr[-2000:]}"
    image = read_png(shot)
    assert image.shape[:2] == (1600, 1200)
    rgb = image[..., :3].astype(np.int16)
    ink = (rgb < 235).any(axis=2)
    fraction = float(ink.mean())
    print(f"screenshot {shot}: {fraction:.3%} non-white pixels")
    assert fraction > 0.03, f"the page looks blank ({fraction:.3%} non-white pixels)"
    # Colour, not just text: the chart lines and the shaded target bands rendered.
    colourful = (rgb.max(axis=2) - rgb.min(axis=2)) > 40
    assert colourful.mean() > 0.002, "no coloured pixels: the SVG charts did not render"
    # The text starts near the top-left, where the title is.
    assert ink[:120].any(), "nothing at the top of the page"
