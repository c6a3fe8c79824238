"""A long take through the real microphone path: overflows, memory and stop-to-feedback.

    .venv/bin/python bench/long_take.py              # 10 minutes (real time: takes ~11 min)
    .venv/bin/python bench/long_take.py --minutes 2

Starts its own virtual microphone (PulseAudio, as the tests do), plays the shared speech clips
into it back to back, and records them with the real take service: sounddevice Recorder ->
FLAC writer thread -> StreamingTranscriber (bundled tiny.en) -> analysis -> SQLite, exactly the
path the TUI uses. Prints input overflows, peak memory (RSS) of the process, stop-to-feedback
time and the WER of the streamed transcript against the clips' references.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

from _speech import REPO, clips

sys.path.insert(0, str(REPO))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    args = parser.parse_args()

    from tests.vmic_fixture import PulseDaemon

    root = Path(tempfile.mkdtemp(prefix="og-long-"))
    daemon = PulseDaemon(root)
    daemon.start()
    os.environ["PULSE_SERVER"] = daemon.server  # before sounddevice is imported
    try:
        run(args.minutes, daemon, root)
    finally:
        daemon.stop()


def run(minutes: float, daemon: object, root: Path) -> None:
    import numpy as np
    from tests.wer import wer

    from offguard.audio.files import load_audio
    from offguard.audio.recorder import Recorder
    from offguard.config import load_settings
    from offguard.practice import Practice
    from offguard.questions import load_questions
    from offguard.store import Store
    from offguard.transcription.whisper import WhisperTranscriber

    pieces, refs, total = [], [], 0.0
    gap = np.zeros(8000, dtype=np.float32)
    while total < minutes * 60:
        for clip in clips("main"):
            audio = load_audio(clip.path)
            pieces += [audio, gap]
            refs.append(clip.reference)
            total += len(audio) / 16000 + 0.5
            if total >= minutes * 60:
                break
    speech = np.concatenate(pieces)
    print(f"audio: {len(speech) / 16000:.1f} s from {len(refs)} clips", flush=True)

    settings = load_settings(root / "data", device="pulse")
    store = Store.open(settings.db_path)
    transcriber = WhisperTranscriber("bundled")
    transcriber.load()
    practice = Practice(settings, store, transcriber, lambda: Recorder("pulse", 16000))
    question = load_questions(None).questions[0]
    updates: list[float] = []
    active = practice.start_take(question, on_partial=lambda _t: updates.append(time.monotonic()))
    peak = [peak_rss_mb()]

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], peak_rss_mb())
            time.sleep(1.0)

    done = threading.Event()
    threading.Thread(target=sample, daemon=True).start()
    started = time.monotonic()
    feeder = daemon.feed(speech, 16000, wait=False)  # type: ignore[attr-defined]
    while feeder.poll() is None:
        time.sleep(5)
        print(
            f"  {time.monotonic() - started:6.0f} s  overflows {active.overflows}  "
            f"rss {peak_rss_mb():.0f} MB  live words {len(active.partial_text().split())}",
            flush=True,
        )
    time.sleep(1.0)
    t0 = time.monotonic()
    outcome = active.stop()
    stop_to_feedback = time.monotonic() - t0
    done.set()
    reference = " ".join(refs)
    print(f"take duration          {outcome.duration:.1f} s")
    print(f"input overflows        {active.overflows}")
    print(f"live text updates      {len(updates)}")
    print(f"stop-to-feedback       {stop_to_feedback:.2f} s  (verdict {outcome.analysis.verdict})")
    settings = outcome.transcript.settings
    print(
        f"  at stop: tail {settings.get('tail_seconds')} s after the committed words, "
        f"tail ready {settings.get('tail_ready')}, filler passes skipped "
        f"{settings.get('filler_passes_skipped')}; last decodes: "
        + ", ".join(
            f"{st.kind} {st.seconds:.1f} s in {st.took:.2f} s" for st in active._streamer.stats[-3:]
        )
    )
    print(f"WER streamed           {wer(reference, outcome.transcript.text):.2%}")
    print(f"peak RSS               {max(peak[0], peak_rss_mb()):.0f} MB")
    store.close()


if __name__ == "__main__":
    main()
