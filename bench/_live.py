"""Live-transcript figures: when each word first appears on screen, and what is there at stop.

Two ways to watch the screen:

- ``tui``: the real app (Textual Pilot) with the real sounddevice recorder on a private virtual
  microphone (PulseAudio, as the tests use), the real take service and the bundled model; the
  audio is played into the microphone in real time and the ``#live`` widget is read every 50 ms.
- ``core``: the streaming transcriber alone, fed 100 ms blocks at real-time pace by a thread;
  the text handed to ``on_update`` counts as shown.

A word's *display lag* is the time from the end of the word in the recording (from the final
transcript's word timings) to the first moment the screen shows it (matched to the final
transcript by a word alignment, committed or provisional).
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import numpy as np
from _speech import REPO, Clip
from tests.wer import normalize

from offguard.audio.files import load_audio
from offguard.transcription.types import LiveText, Transcript, Word

SR = 16000


@dataclass
class LiveRun:
    label: str
    audio_seconds: float
    shown: list[tuple[float, str]]  # (seconds since the recording started, text on screen)
    speech_end: float  # seconds since the recording started when the speaker stopped
    final: Transcript
    reference: str


@dataclass
class LiveFigures:
    median: float
    p90: float
    seen: int  # final words shown before stop
    words: int  # final words
    at_speech_end: int  # final words on screen when the speaker stopped
    ref_at_speech_end: float  # share of the reference's words on screen then


def pausing_speaker(seconds: float = 70.0) -> tuple[np.ndarray, str]:
    """Tuning-set clips joined with 0.6 s pauses (the read speech has pauses inside too)."""
    from _speech import tuning

    gap = np.zeros(int(0.6 * SR), np.float32)
    parts: list[np.ndarray] = []
    refs: list[str] = []
    total = 0.0
    pool: list[Clip] = [c for c in tuning() if c.path.name.startswith(("arctic", "ljspeech"))]
    for clip in pool:
        parts += [load_audio(clip.path, SR), gap]
        refs.append(clip.reference)
        total += clip.duration + 0.6
        if total >= seconds:
            break
    return np.concatenate(parts), " ".join(refs)


def steady_speaker() -> tuple[np.ndarray, str]:
    from _synth import steady_speaker as make

    clip = make()
    return load_audio(clip.path, SR), clip.reference


def _tokens(text: str) -> list[str]:
    return normalize(text)


def figures(run: LiveRun) -> LiveFigures:
    words: list[Word] = list(run.final.words)
    final_tokens: list[tuple[int, str]] = []
    for i, w in enumerate(words):
        final_tokens += [(i, t) for t in _tokens(w.word)]
    keys = [t for _, t in final_tokens]
    first: dict[int, float] = {}
    at_end: set[int] = set()
    last_before_end = ""
    for t, text in run.shown:
        shown = _tokens(text)
        matcher = SequenceMatcher(a=keys, b=shown, autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.a, block.a + block.size):
                first.setdefault(final_tokens[k][0], t)
        if t <= run.speech_end:
            last_before_end = text
    matcher = SequenceMatcher(a=keys, b=_tokens(last_before_end), autojunk=False)
    for block in matcher.get_matching_blocks():
        at_end.update(final_tokens[k][0] for k in range(block.a, block.a + block.size))
    lags = [first[i] - words[i].end for i in first]
    ref = _tokens(run.reference)
    ref_match = SequenceMatcher(a=ref, b=_tokens(last_before_end), autojunk=False)
    ref_seen = sum(b.size for b in ref_match.get_matching_blocks())
    return LiveFigures(
        median=float(np.median(lags)) if lags else float("nan"),
        p90=float(np.percentile(lags, 90)) if lags else float("nan"),
        seen=len(first),
        words=len(words),
        at_speech_end=len(at_end),
        ref_at_speech_end=ref_seen / max(1, len(ref)),
    )


def run_core(label: str, audio: np.ndarray, reference: str, transcriber: Any) -> LiveRun:
    from offguard.transcription.streaming import StreamingTranscriber

    shown: list[tuple[float, str]] = []
    t0 = time.perf_counter()

    def update(live: LiveText) -> None:
        shown.append((time.perf_counter() - t0, live.text))

    streamer = StreamingTranscriber(transcriber, SR, on_update=update)
    block = SR // 10
    t0 = time.perf_counter()
    for i, start in enumerate(range(0, audio.size, block)):
        streamer.feed(audio[start : start + block])
        time.sleep(max(0.0, t0 + (i + 1) * 0.1 - time.perf_counter()))
    speech_end = time.perf_counter() - t0
    final = streamer.finish()
    return LiveRun(label, audio.size / SR, shown, speech_end, final, reference)


def run_tui(takes: list[tuple[str, np.ndarray, str]], *, pause_before_stop: float) -> list[LiveRun]:
    """The real app on a virtual microphone, one take each; see the module docstring."""
    import asyncio
    import sys

    sys.path.insert(0, str(REPO))
    from tests.vmic_fixture import PulseDaemon

    root = Path(tempfile.mkdtemp(prefix="og-live-"))
    daemon = PulseDaemon(root)
    daemon.start()
    os.environ["PULSE_SERVER"] = daemon.server  # before sounddevice is imported
    try:
        return [
            asyncio.run(_tui(label, audio, ref, daemon, root / str(i), pause_before_stop))
            for i, (label, audio, ref) in enumerate(takes)
        ]
    finally:
        daemon.stop()


async def _tui(
    label: str,
    audio: np.ndarray,
    reference: str,
    daemon: Any,
    root: Path,
    pause_before_stop: float,
) -> LiveRun:
    from offguard.audio.recorder import Recorder
    from offguard.config import load_settings
    from offguard.store import Store
    from offguard.transcription.whisper import WhisperTranscriber
    from offguard.ui.factory import make_app
    from offguard.ui.screens.practice import PracticeScreen
    from offguard.ui.screens.review import ReviewScreen

    settings = load_settings(root / "data", device="pulse")
    store = Store.open(settings.db_path)
    started: list[float] = []

    class TimedRecorder(Recorder):
        def start(self, path: Path, on_block: Any = None) -> None:
            super().start(path, on_block=on_block)
            started.append(time.perf_counter())

    transcriber = WhisperTranscriber("bundled", cpu_threads=2)
    app = make_app(
        settings,
        store=store,
        transcriber=transcriber,
        recorder_factory=lambda: TimedRecorder("pulse", 16000),
        welcome=False,  # open on the question list, as after the first run
    )
    shown: list[tuple[float, str]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        while not getattr(app, "model_ready", False):
            await pilot.pause(0.1)
        await pilot.press("enter")
        for _ in range(200):
            if isinstance(app.screen, PracticeScreen):
                break
            await pilot.pause(0.05)
        else:
            raise SystemExit(f"the Practice screen did not open (on {app.screen!r})")
        await pilot.press("r")
        while not started:
            await pilot.pause(0.01)
        t0 = started[0]
        await pilot.pause(0.3)
        player = daemon.feed(audio, SR, wait=False)
        live = app.screen.query_one("#live")
        while player.poll() is None:
            shown.append((time.perf_counter() - t0, str(live.render())))
            await pilot.pause(0.05)
        speech_end = time.perf_counter() - t0
        end = time.perf_counter() + pause_before_stop
        while time.perf_counter() < end:
            shown.append((time.perf_counter() - t0, str(live.render())))
            await pilot.pause(0.05)
        await pilot.press("r")
        while not isinstance(app.screen, ReviewScreen):
            await pilot.pause(0.05)
        take = store.list_takes()[-1]
        final = store.latest_transcript(take.id)
        assert final is not None
        overflows = take.overflows
    store.close()
    if overflows:
        print(f"  ({overflows} input overflows)")
    return LiveRun(label, audio.size / SR, shown, speech_end, final, reference)


def report(run: LiveRun) -> None:
    f = figures(run)
    print(
        f"{run.label}: {run.audio_seconds:.0f} s; display lag median {f.median:.2f} s, "
        f"p90 {f.p90:.2f} s; on screen when the speaker stopped: {f.at_speech_end}/{f.words} "
        f"words of the final transcript ({100 * f.at_speech_end / max(1, f.words):.0f} %), "
        f"{100 * f.ref_at_speech_end:.0f} % of the reference; shown before stop "
        f"{f.seen}/{f.words}",
        flush=True,
    )
