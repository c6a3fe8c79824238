"""How `analyze` time grows with the length of an unpunctuated answer (issue 11 item 9).

A transcript of a long ramble has no punctuation and may have no "and I" to cut at; the
scorer (no spaCy parse) must stay linear in its length. Prints seconds per size and the
ratio of the largest to the smallest per word (about 1 when linear).

    .venv/bin/python bench/long_answer.py [--sizes 6000 24000 48000]
"""

from __future__ import annotations

import argparse
import random
import time

_RAMBLE = (
    "i think we worked on the project with some issues the team needed it a lot of things "
    "with customers data was good really important stuff for everyone"
)
WORDS = _RAMBLE.split()


def ramble(n: int) -> str:
    rng = random.Random(1)
    return " ".join(rng.choice(WORDS) for _ in range(n))


def main() -> None:
    from offguard.analysis.score import score_text

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[6000, 24000, 48000])
    args = parser.parse_args()
    score_text(ramble(50))  # lexicons loaded before timing
    per_word = []
    for n in args.sizes:
        text = ramble(n)
        start = time.perf_counter()
        score_text(text)
        took = time.perf_counter() - start
        per_word.append(took / n)
        print(f"{n:>7} words  {took:6.2f} s  {took / n * 1e6:6.1f} us/word")
    print(f"per-word time, largest / smallest size: {per_word[-1] / per_word[0]:.2f}")


if __name__ == "__main__":
    main()
