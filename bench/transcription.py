"""Transcription quality: `offguard transcribe`'s path vs plain faster-whisper, held-out speech.

    .venv/bin/python bench/transcription.py             # held-out clips, fillers, room noise
    .venv/bin/python bench/transcription.py --tuning    # also the tuning part of the main set
    .venv/bin/python bench/transcription.py -v          # every clip's text

Held-out speech (never used to tune anything): the shared clips in ``_speech.HELD_OUT`` and
eight answers spoken by espeak-ng voices at 140-205 words per minute (``_synth.py``). On each
clip it reports the WER (normalised: lower case, no punctuation, numbers as words) of

- ``offguard``: WhisperTranscriber as `offguard transcribe` runs it (a decode without and one
  with the filler prompt, whose fillers are merged in; VAD, invented-text guards, the coverage
  guarantee);
- ``prompt only``: one decode with the filler prompt, no coverage guarantee (the old path);
- ``prompt + fill``: the old path plus the coverage guarantee;
- ``no prompt``: one decode, no filler prompt, with the coverage guarantee;
- ``plain``: plain faster-whisper, the same bundled tiny.en, beam 5, no prompt, its defaults.

It flags every clip where ``offguard`` is more than 2 points worse than ``plain``, then gives
filler recall on the ``fillers`` set plus the three spontaneous main clips, the words produced
on 30 s of room noise (must be none), and the real-time factor.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from _speech import clips, filler_hits, held_out, tuning
from _synth import room_noise, synth_clips
from tests.wer import ErrorCounts, error_counts, normalize

from offguard.audio.files import load_audio
from offguard.transcription.whisper import FILLER_BEAM, FILLER_PROMPT, WhisperTranscriber

Run = Callable[[Path], str]


def runners(args: argparse.Namespace) -> dict[str, Run]:
    tr = WhisperTranscriber(
        args.model, cpu_threads=args.threads, beam_size=args.beam, filler_beam=args.filler_beam
    )
    t0 = time.perf_counter()
    tr.load()
    print(f"model {tr.model_name}: load {time.perf_counter() - t0:.2f} s")
    bare = WhisperTranscriber(
        args.model, cpu_threads=args.threads, beam_size=args.beam, keep_fillers=False
    )
    bare._model = tr._model  # share the weights

    def plain(path: Path) -> str:
        segments, _ = tr._model.transcribe(
            load_audio(path, 16000), language="en", beam_size=args.beam
        )
        return " ".join(s.text.strip() for s in segments)

    def prompt_only(path: Path, fill: bool = False) -> str:
        samples = load_audio(path, 16000)
        segs = tr._run(samples, prompt=FILLER_PROMPT, offset=0.0, cancel=None, on_segment=None)
        words = [w for s in segs for w in s.words]
        if fill:
            return " ".join(w.word for w in tr._cover(samples, words, offset=0.0, cancel=None))
        return " ".join(s.text for s in segs)

    return {
        "offguard": lambda p: tr.transcribe(p).text,
        "prompt only": prompt_only,
        "prompt + fill": lambda p: prompt_only(p, fill=True),
        "no prompt": lambda p: bare.transcribe(p).text,
        "plain": plain,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="bundled")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beam", type=int, default=5)
    parser.add_argument("--filler-beam", type=int, default=FILLER_BEAM)
    parser.add_argument("--tuning", action="store_true", help="also the tuning main clips")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    run = runners(args)

    sets: list[tuple[str, list[tuple[Path, str, float]]]] = [
        ("held-out shared", [(c.path, c.reference, c.duration) for c in held_out()]),
        ("held-out espeak-ng", [(c.path, c.reference, 0.0) for c in synth_clips()]),
    ]
    if args.tuning:
        sets.append(("tuning main", [(c.path, c.reference, c.duration) for c in tuning()]))
    for label, group in sets:
        totals = {name: ErrorCounts(0, 0, 0, 0) for name in run}
        busy = {name: 0.0 for name in run}
        audio_s = 0.0
        worse: list[str] = []
        for path, ref, duration in group:
            audio_s += duration or load_audio(path, 16000).size / 16000
            row = []
            wers: dict[str, float] = {}
            for name, fn in run.items():
                t = time.perf_counter()
                text = fn(path)
                busy[name] += time.perf_counter() - t
                counts = error_counts(ref, text)
                totals[name] = totals[name] + counts
                wers[name] = 100 * counts.wer
                row.append(f"{name} {wers[name]:5.2f}")
                if args.verbose:
                    print(f"    {name}: {text}")
            delta = wers["offguard"] - wers["plain"]
            if delta > 2.0:
                worse.append(f"{path.name} (+{delta:.2f})")
            print(f"  {path.name}: " + " | ".join(row), flush=True)
        words = totals["plain"].reference_words
        print(f"{label}: {len(group)} clips, {audio_s / 60:.1f} min, {words} words")
        for name in run:
            t = totals[name]
            print(
                f"  {name:16s} WER {100 * t.wer:5.2f} % (S{t.substitutions} D{t.deletions} "
                f"I{t.insertions}), RTF {busy[name] / audio_s:.3f}"
            )
        gap = 100 * (totals["offguard"].wer - totals["plain"].wer)
        print(f"  offguard - plain: {gap:+.2f} points; clips > 2 points worse: {worse or 'none'}")

    spontaneous = [
        c for c in clips("main") if c.path.name.startswith("mfa-") and "corpus" in c.path.name
    ]
    filler_set = clips("fillers") + spontaneous
    for name in run:
        found = total = 0
        for clip in filler_set:
            hyp = normalize(run[name](clip.path))
            hit, n = filler_hits(normalize(clip.reference), hyp)
            found, total = found + hit, total + n
        print(
            f"fillers kept ({len(filler_set)} clips), {name}: {found}/{total} = "
            f"{100 * found / max(1, total):.0f} %"
        )

    noise = room_noise(30.0)
    for name in ("offguard", "plain"):
        text = run[name](noise)
        print(f"30 s of room noise, {name}: {len(text.split())} words {text!r}")


if __name__ == "__main__":
    main()
