"""Stop-to-feedback latency of streaming transcription vs transcribing the whole take after stop.

    .venv/bin/python bench/latency.py            # 3 answers (~60, ~120, ~180 s) at real-time pace
    .venv/bin/python bench/latency.py --fast     # one ~60 s answer, fed 2x faster than real time
    .venv/bin/python bench/latency.py --main-set # also: WER streamed vs whole-file on the
                                                 # whole main set, joined into 60-180 s answers
    .venv/bin/python bench/latency.py --live tui # live transcript in the real TUI (virtual mic)
    .venv/bin/python bench/latency.py --live core  # the same figures from the core alone

Long answers are built by joining consecutive main-set clips of ../shared/data/speech (with
0.6 s of silence between them, references joined). Each answer is played through
StreamingTranscriber in 100 ms blocks by a feeder thread that sleeps to keep real-time pace,
like the recorder's writer thread. "stop-to-feedback" is the time finish() takes after the last
block; "whole-file" is WhisperTranscriber.transcribe() on the same audio.

``--live``: per-word display lag (median, 90th percentile) and the words on screen when the
speaker stops, for a steady speaker (espeak-ng, hardly a pause) and a speaker who pauses (read
speech); see ``_live.py``.
"""

from __future__ import annotations

import argparse
import threading
import time

import numpy as np
from _speech import Clip, clips
from tests.wer import ErrorCounts, error_counts

from offguard.audio.files import load_audio
from offguard.transcription.streaming import StreamingTranscriber
from offguard.transcription.whisper import WhisperTranscriber

SR = 16000
GAP = np.zeros(int(0.6 * SR), dtype=np.float32)


def build_answers(targets: list[float] | None) -> list[tuple[np.ndarray, str]]:
    """Join consecutive main clips into answers of about each target length (60-180 s).

    ``None``: cover the whole main set with answers of 60-180 s (each at least 60 s, closed
    before it would pass 180 s).
    """
    pool = clips("main")
    groups: list[list[Clip]] = [[]]
    want = iter(targets or [])
    target = next(want, 90.0)
    for clip in pool:
        seconds = sum(c.duration + GAP.size / SR for c in groups[-1])
        if groups[-1] and (seconds >= target or seconds + clip.duration > 180):
            if targets is not None and len(groups) == len(targets):
                break
            groups.append([])
            target = next(want, 90.0)
        groups[-1].append(clip)
    answers = []
    for group in groups:
        parts: list[np.ndarray] = []
        for clip in group:
            parts += [load_audio(clip.path, SR), GAP]
        answers.append((np.concatenate(parts), " ".join(c.reference for c in group)))
    return answers


VERBOSE = False


def trim_trailing_quiet(audio: np.ndarray) -> np.ndarray:
    """Cut the quiet after the last loud 30 ms frame (within 40 dB of the loudest)."""
    from offguard.transcription.chunking import frame_energy_db

    energy = frame_energy_db(audio, SR)
    loud = np.nonzero(energy > energy.max() - 40.0)[0]
    hop = int(SR * 0.03)
    return audio[: (int(loud[-1]) + 1) * hop]


def stream(
    tr: WhisperTranscriber, audio: np.ndarray, speed: float | None
) -> tuple[str, float, str]:
    """Play ``audio`` through the streaming path; (text, finish seconds, decodes made)."""
    streamer = StreamingTranscriber(tr, SR)
    block = SR // 10

    def feeder() -> None:
        t0 = time.perf_counter()
        for i, start in enumerate(range(0, audio.size, block)):
            streamer.feed(audio[start : start + block])
            if speed:
                due = t0 + (i + 1) * 0.1 / speed
                time.sleep(max(0.0, due - time.perf_counter()))

    thread = threading.Thread(target=feeder)
    thread.start()
    thread.join()
    t = time.perf_counter()
    result = streamer.finish()
    took = time.perf_counter() - t
    if VERBOSE:
        for st in streamer.stats:
            print(
                f"  {st.kind:6s} at {st.start:6.1f} s, {st.seconds:4.1f} s long: "
                f"took {st.took:4.2f} s"
            )
    decodes = (
        f"{result.settings.get('decodes', 0)} decodes, {result.settings.get('long_pieces', 0)} long"
    )
    return result.text, took, decodes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fast", action="store_true", help="one answer at 2x real time")
    parser.add_argument(
        "--main-set", action="store_true", help="WER on the whole main set as 60-180 s answers"
    )
    parser.add_argument("--threads", type=int, default=2, help="cpu_threads of the model")
    parser.add_argument(
        "--abrupt",
        action="store_true",
        help="stop right after the last word (trailing quiet trimmed): the worst case",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="per-decode timings")
    parser.add_argument(
        "--live", choices=("tui", "core"), help="live-transcript figures (display lag, words)"
    )
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.verbose
    if args.live:
        live(args.live, args.threads)
        return

    tr = WhisperTranscriber(cpu_threads=args.threads)
    tr.load()
    tr.transcribe(np.zeros(SR, np.float32))  # warm up
    targets = [60.0] if args.fast else [60.0, 120.0, 170.0]
    speed = 2.0 if args.fast else 1.0
    whole_total = stream_total = ErrorCounts(0, 0, 0, 0)
    print(f"model {tr.model_name}, cpu_threads {tr.cpu_threads}, feed speed {speed:g}x real time")
    for audio, ref in build_answers(targets):
        if args.abrupt:
            audio = trim_trailing_quiet(audio)
        t = time.perf_counter()
        whole = tr.transcribe(audio)
        whole_s = time.perf_counter() - t
        text, finish_s, chunks = stream(tr, audio, speed)
        w_counts, s_counts = error_counts(ref, whole.text), error_counts(ref, text)
        whole_total, stream_total = whole_total + w_counts, stream_total + s_counts
        print(
            f"answer {audio.size / SR:6.1f} s: stop-to-feedback {finish_s:5.2f} s, "
            f"whole-file {whole_s:5.2f} s, ratio {finish_s / whole_s:.3f}; "
            f"WER streamed {100 * s_counts.wer:.2f} % vs whole-file {100 * w_counts.wer:.2f} % "
            f"({chunks})",
            flush=True,
        )
    print(
        f"answers overall: WER streamed {100 * stream_total.wer:.2f} % vs whole-file "
        f"{100 * whole_total.wer:.2f} % ({whole_total.reference_words} words)"
    )
    if args.main_set:
        whole_total = stream_total = ErrorCounts(0, 0, 0, 0)
        answers = build_answers(None)
        for audio, ref in answers:
            whole_total = whole_total + error_counts(ref, tr.transcribe(audio).text)
            text, _, _ = stream(tr, audio, None)
            stream_total = stream_total + error_counts(ref, text)
        seconds = sum(a.size for a, _ in answers) / SR
        print(
            f"main set as {len(answers)} answers of 60-180 s ({seconds / 60:.1f} min): "
            f"WER streamed {100 * stream_total.wer:.2f} % vs whole-file "
            f"{100 * whole_total.wer:.2f} % ({whole_total.reference_words} words)"
        )


def live(how: str, threads: int) -> None:
    from _live import pausing_speaker, report, run_core, run_tui, steady_speaker

    takes = [
        ("steady speaker (espeak-ng en-us, 175 wpm)", *steady_speaker()),
        ("pausing speaker (read speech)", *pausing_speaker()),
    ]
    if how == "tui":
        runs = run_tui(takes, pause_before_stop=1.0)
    else:
        tr = WhisperTranscriber(cpu_threads=threads)
        tr.load()
        runs = [run_core(label, audio, ref, tr) for label, audio, ref in takes]
    for run in runs:
        report(run)


if __name__ == "__main__":
    main()
