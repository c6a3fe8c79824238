"""Progress views on a big history: 10,000 synthetic takes with transcripts and analyses.

    PYTHONPATH=src .venv/bin/python bench/progress.py              # 10,000 takes, 200 questions
    PYTHONPATH=src .venv/bin/python bench/progress.py --takes 2000

Builds a temporary SQLite database through the real Store, then times (median of several runs)
listing every take, one question's history, comparing two takes, the overall and per-question
trend, the practice queue, question stats and the story report. Prints milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from offguard.progress import build_queue, compare, history, stories, trend
from offguard.questions import Question
from offguard.store import Store
from offguard.transcription.types import Transcript, Word

GENERIC = (
    "I always try to stay calm and I think communication is really important in any team, "
    "so I would listen to everyone and find a solution that works for all of us"
)
SPECIFIC = (
    "Last March on ward 7 a patient refused his evening medication, so I sat with him, asked "
    "what worried him, paged the pharmacist at 9 pm, and by the next round he took it and "
    "the charge nurse added the note to the care plan"
)


def fill(store: Store, n_takes: int, n_questions: int, seed: int = 7) -> list[Question]:
    rng = random.Random(seed)
    questions = [
        Question(id=f"q{i:03d}", text=f"Synthetic question {i}?", category="behavioural")
        for i in range(n_questions)
    ]
    store.sync_questions(questions)
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    with store.transaction():
        for n in range(n_takes):
            qid = questions[rng.randrange(n_questions)].id
            started = start + timedelta(minutes=97 * n)
            take = store.create_take(
                qid,
                store.data_dir / "audio" / f"{n}.flac",
                device="synthetic",
                samplerate=16000,
                started_at=started,
            )
            duration = rng.uniform(30, 150)
            store.finish_take(take, duration=duration, ended_at=started + timedelta(seconds=90))
            text = SPECIFIC if rng.random() < 0.5 else GENERIC
            words = rng.sample(text.split(), k=20) + text.split()
            spoken = " ".join(words)
            timed = tuple(Word(w, i * 0.35, i * 0.35 + 0.3, 0.9) for i, w in enumerate(words))
            store.save_transcript(take, Transcript(spoken, timed, duration, "tiny.en"))
            score = rng.uniform(0, 100)
            data: dict[str, Any] = {
                "delivery": {
                    "wpm": rng.uniform(100, 190),
                    "fillers_per_min": rng.uniform(0, 12),
                    "fillers_per_100_words": rng.uniform(0, 9),
                },
                "specifics": [{"text": t} for t in ("ward 7", "9 pm") if rng.random() < 0.5],
            }
            verdict = "specific" if score >= 50 else "generic"
            store.save_analysis(take, version=1, verdict=verdict, specificity=score, data=data)
            if rng.random() < 0.1:
                store.set_story(take, f"story {rng.randrange(40)}")
    return questions


def timed(label: str, func: Callable[[], object], repeat: int) -> None:
    runs = []
    for _ in range(repeat):
        begin = time.perf_counter()
        func()
        runs.append((time.perf_counter() - begin) * 1000)
    print(f"  {label:<38} {statistics.median(runs):8.1f} ms  (min {min(runs):.1f}, n={repeat})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--takes", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "offguard.sqlite3")
        begin = time.perf_counter()
        questions = fill(store, args.takes, args.questions)
        elapsed = time.perf_counter() - begin
        size = (Path(tmp) / "offguard.sqlite3").stat().st_size / 1e6
        print(
            f"{args.takes} takes over {args.questions} questions: filled in {elapsed:.1f} s "
            f"(one transaction), database {size:.1f} MB (+WAL)"
        )
        takes = store.take_summaries("q000")
        a, b = takes[0].take_id, takes[-1].take_id
        today = date(2026, 1, 1)
        timed("list all takes (take_summaries)", store.take_summaries, args.repeat)
        timed("list_takes (records only)", store.list_takes, args.repeat)
        timed(
            f"history of one question ({len(takes)} takes)",
            lambda: history(store, "q000"),
            args.repeat,
        )
        timed("compare two takes", lambda: compare(store, a, b).to_dict(), args.repeat)
        timed("trend, all takes (+ to_dict)", lambda: trend(store).to_dict(), args.repeat)
        timed("trend, one question", lambda: trend(store, "q000").to_dict(), args.repeat)
        timed("practice queue", lambda: build_queue(store, questions, today=today), args.repeat)
        timed("question_stats", store.question_stats, args.repeat)
        timed("story report", lambda: stories(store), args.repeat)
        begin = time.perf_counter()
        store.close()
        Store.open(Path(tmp) / "offguard.sqlite3").close()
        print(f"  {'re-open (integrity check)':<38} {(time.perf_counter() - begin) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
