"""Transcription quality and speed on the shared speech clips.

    .venv/bin/python bench/transcription.py            # WER + RTF on the main set, filler recall
    .venv/bin/python bench/transcription.py --quick    # a dozen main clips only

Prints WER on the main set (normalised: lower case, no punctuation, numbers as words), the
real-time factor (transcribe time / audio time, model load excluded), and filler recall on the
`fillers` set (and the three spontaneous main clips) with and without the filler prompt.
"""

from __future__ import annotations

import argparse
import time

from _speech import clips, filler_hits
from tests.wer import ErrorCounts, error_counts, normalize

from offguard.transcription.whisper import WhisperTranscriber


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="bundled")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beam", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="only 12 main clips")
    parser.add_argument("--skip-main", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()

    with_prompt = WhisperTranscriber(args.model, cpu_threads=args.threads, beam_size=args.beam)
    no_prompt = WhisperTranscriber(
        args.model, cpu_threads=args.threads, beam_size=args.beam, keep_fillers=False
    )
    t0 = time.perf_counter()
    with_prompt.load()
    print(f"model {with_prompt.model_name}: load {time.perf_counter() - t0:.2f} s")
    no_prompt._model = with_prompt._model  # share the weights

    main_set = clips("main")
    if args.quick:
        main_set = main_set[::7]
    if not args.skip_main:
        for name, tr in (("prompt", with_prompt), ("no prompt", no_prompt)):
            total = ErrorCounts(0, 0, 0, 0)
            audio_s = busy_s = 0.0
            for clip in main_set:
                t = time.perf_counter()
                result = tr.transcribe(clip.path)
                busy_s += time.perf_counter() - t
                audio_s += clip.duration
                counts = error_counts(clip.reference, result.text)
                total = total + counts
                if args.verbose:
                    print(f"  {counts.wer:6.3f} {clip.path.name}: {result.text}")
            print(
                f"main set ({len(main_set)} clips, {audio_s / 60:.1f} min), {name}: "
                f"WER {100 * total.wer:.2f} % (S{total.substitutions} D{total.deletions} "
                f"I{total.insertions} / {total.reference_words} words), "
                f"RTF {busy_s / audio_s:.3f} (incl. file decoding)"
            )

    spontaneous = [
        c for c in main_set if c.path.name.startswith("mfa-") and "corpus" in c.path.name
    ]
    for label, group in (("fillers set", clips("fillers")), ("spontaneous main", spontaneous)):
        for name, tr in (("prompt", with_prompt), ("no prompt", no_prompt)):
            found = total_fillers = 0
            for clip in group:
                hyp = normalize(tr.transcribe(clip.path).text)
                hit, n = filler_hits(normalize(clip.reference), hyp)
                found, total_fillers = found + hit, total_fillers + n
                if args.verbose:
                    print(f"  {hit}/{n} {clip.path.name}: {' '.join(hyp)}")
            pct = 100 * found / max(1, total_fillers)
            print(f"filler recall, {label}, {name}: {found}/{total_fillers} = {pct:.0f} %")


if __name__ == "__main__":
    main()
