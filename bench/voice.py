"""Pitch range of real read speech against the same speech at one constant pitch, and the cost.

    .venv/bin/python bench/voice.py              # pitch: natural vs flat, loudness, cost
    .venv/bin/python bench/voice.py --trailing   # also: end-of-sentence loudness drop (uses
                                                 # the bundled model for word timings)

For every main-set clip of ../shared/data/speech: the pitch span (5th-95th percentile of the
voiced frames, semitones) as offguard measures it, then the same for the clip resynthesised at
its median pitch (Praat's Manipulation, PSOLA overlap-add), then how many clips each verdict
gets right at MONOTONE_SEMITONES, the loudness range, and the time measure_voice takes per
second of audio.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np
from _speech import REPO, clips

sys.path.insert(0, str(REPO))

from tests.voice_audio import flat_copy

from offguard.analysis.voice import MONOTONE_SEMITONES, measure_voice
from offguard.audio.files import load_audio

SR = 16000


def trailing() -> None:
    """The end-of-sentence loudness drop of natural read speech, per clip (median sentence)."""
    from offguard.transcription.whisper import WhisperTranscriber

    transcriber = WhisperTranscriber()
    drops: list[float] = []
    flagged = 0
    for clip in clips("main"):
        audio = load_audio(clip.path, SR)
        words = list(transcriber.transcribe(audio, samplerate=SR).words)
        _, volume = measure_voice(audio, SR, words)
        if volume.trailing_drop_db is None:
            continue
        drops.append(volume.trailing_drop_db)
        flagged += bool(volume.trailing_off)
        print(f"{clip.path.name:60s} {volume.trailing_drop_db:+5.1f} dB  {volume.sentences} sent.")
    if not drops:
        raise SystemExit("no clip has two or more full sentences")
    a = np.array(drops)
    print(
        f"\ntrailing drop over {len(a)} clips with 2+ sentences: median {np.median(a):.1f} dB, "
        f"max {a.max():.1f} dB; flagged as trailing off: {flagged}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trailing", action="store_true", help="also measure trailing off")
    if parser.parse_args().trailing:
        trailing()
        print()
    natural: list[float] = []
    flat: list[float] = []
    loud: list[float] = []
    seconds = spent = 0.0
    for clip in clips("main"):
        audio = load_audio(clip.path, SR)
        start = time.perf_counter()
        pitch, volume = measure_voice(audio, SR)
        spent += time.perf_counter() - start
        seconds += len(audio) / SR
        flat_pitch, _ = measure_voice(flat_copy(audio), SR)
        if pitch.range_semitones is None or flat_pitch.range_semitones is None:
            print(f"{clip.path.name}: {pitch.note or flat_pitch.note}")
            continue
        natural.append(pitch.range_semitones)
        flat.append(flat_pitch.range_semitones)
        if volume.range_db is not None:
            loud.append(volume.range_db)
        print(
            f"{clip.path.name:60s} {pitch.median_hz:6.1f} Hz  "
            f"{pitch.range_semitones:5.2f} st  flat {flat_pitch.range_semitones:4.2f} st  "
            f"loudness {volume.range_db:4.1f} dB"
        )

    def stats(values: list[float]) -> str:
        a = np.array(values)
        p5, med = np.percentile(a, [5, 50])
        return f"min {a.min():.2f}  p5 {p5:.2f}  median {med:.2f}  max {a.max():.2f}"

    print()
    print(f"clips: {len(natural)} ({seconds:.0f} s of audio)")
    print(f"natural pitch span (st): {stats(natural)}")
    print(f"flat resynthesis (st):   {stats(flat)}")
    print(f"loudness range (dB):     {stats(loud)}")
    right = sum(v >= MONOTONE_SEMITONES for v in natural) + sum(
        v < MONOTONE_SEMITONES for v in flat
    )
    print(f"verdicts right at {MONOTONE_SEMITONES} st: {right}/{2 * len(natural)}")
    print(f"measure_voice: {1000 * spent / seconds:.2f} ms per second of audio")


if __name__ == "__main__":
    main()
