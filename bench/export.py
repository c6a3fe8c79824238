"""Export on a big history: build and render the report for 10,000 synthetic takes.

    PYTHONPATH=src .venv/bin/python bench/export.py                # 10,000 takes, 200 questions
    PYTHONPATH=src .venv/bin/python bench/export.py --takes 2000

Fills a temporary database through the real Store (``bench/progress.py``'s ``fill``), then times
``build_report`` (all takes, and one question), ``render_html`` and ``render_markdown``, and
prints milliseconds and the output sizes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from progress import fill

from offguard.export import build_report, render_html, render_markdown
from offguard.questions import QuestionBank
from offguard.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--takes", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "offguard.sqlite3")
        questions = fill(store, args.takes, args.questions)
        bank = QuestionBank(questions=questions)
        out = Path(tmp) / "report.html"

        t0 = time.perf_counter()
        report = build_report(store, bank, out_path=out)
        t1 = time.perf_counter()
        page = render_html(report)
        t2 = time.perf_counter()
        text = render_markdown(report)
        t3 = time.perf_counter()
        one = build_report(store, bank, question_id=questions[0].id, out_path=out)
        t4 = time.perf_counter()
        one_page = render_html(one)
        t5 = time.perf_counter()
        store.close()
    print(f"takes: {report.take_count}, questions: {len(report.questions)}")
    print(f"build_report (all)     {1000 * (t1 - t0):8.0f} ms")
    print(f"render_html (all)      {1000 * (t2 - t1):8.0f} ms  {len(page) / 1e6:.1f} MB")
    print(f"render_markdown (all)  {1000 * (t3 - t2):8.0f} ms  {len(text) / 1e6:.1f} MB")
    print(f"build_report (1 q, {one.take_count} takes) {1000 * (t4 - t3):6.0f} ms")
    print(f"render_html (1 q)      {1000 * (t5 - t4):8.0f} ms  {len(one_page) / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
