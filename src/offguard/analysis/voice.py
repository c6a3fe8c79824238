"""Voice: pitch (monotone or lively) and loudness (range, trailing off), measured with Praat.

Praat's pitch and intensity trackers through ``praat-parselmouth`` (imported lazily, ~0.03 s
after numpy). Pitch follows the two-pass method of De Looze & Hirst (2008) and Hirst (2011):
a first pass with wide limits (60-700 Hz) finds the speaker's quartiles, the second tracks
between 0.75 x Q1 and 1.5 x Q3, which keeps octave jumps out. The range is the distance in
semitones between the 5th and 95th percentiles of the voiced frames (semitones make men's and
women's ranges comparable: Traunmüller & Eriksson 1995; percentile spans as in Mennen,
Schaeffler & Docherty 2012).

Thresholds, from speech measured here (``bench/voice.py``): natural read speech in 80 main-set
clips of ``../shared/data/speech`` spans 4.7-39 semitones (5th percentile 6.4, median 10.0);
the same clips resynthesised at one constant pitch (Praat PSOLA) span 0.1-2.4 (median 0.3).
:data:`MONOTONE_SEMITONES`
(4) lies below every natural clip and far above the flat ones; :data:`LIVELY_SEMITONES` (6) is
the band's lower edge. Trailing off: the loudness peak of a sentence's last two words against
the median peak of its other words, over at least two sentences; natural read speech drops
2.3 dB (median of the 29 shared clips with two or more sentences, at most 5.7), so a drop of
:data:`TRAILING_DB` (6 dB) or more, in the median sentence, is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from offguard.targets import TARGETS

if TYPE_CHECKING:
    import numpy
    import numpy.typing as npt

    from offguard.transcription.types import Word

#: Pitch spans (5th-95th percentile, semitones) below this are monotone.
MONOTONE_SEMITONES = 4.0
#: The lower edge of the target band for the pitch span (``targets.py``).
LIVELY_SEMITONES = TARGETS["pitch_range_semitones"].low or 6.0
#: A median end-of-sentence loudness drop of this many dB or more is trailing off.
TRAILING_DB = TARGETS["trailing_drop_db"].high or 6.0
#: Trailing off is judged on at least this many full sentences (one ending is too little).
MIN_SENTENCES = 2
#: Less voiced speech than this (seconds) is not enough to measure.
MIN_VOICED_SECONDS = 1.0
#: Points in the pitch contour kept for display.
CONTOUR_POINTS = 48
NOT_ENOUGH = "not enough voice to measure"

_STEP = 0.01  # seconds per intensity frame
# Pitch frames every 20 ms: half the cost of 10 ms (about 0.5 s less on a 2-minute take on a
# busy 2-core machine); the verdicts on the shared clips are the same (bench/voice.py).
_PITCH_STEP = 0.02
_FIRST_STEP = 0.02
_SAMPLE_SECONDS = 8.0  # the first pass reads 4 pieces this long of a long take
_SENTENCE_END = re.compile(r"[.?!][\"')\]]*$")


@dataclass(frozen=True)
class Pitch:
    """The voice's pitch over a take. ``note`` says why a value is missing."""

    median_hz: float | None
    range_semitones: float | None
    monotone: bool | None
    voiced_seconds: float
    contour: tuple[float | None, ...] = ()
    """Semitones from the median, :data:`CONTOUR_POINTS` bins over the take (None: unvoiced)."""
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "median_hz": _r(self.median_hz, 1),
            "range_semitones": _r(self.range_semitones, 2),
            "monotone": self.monotone,
            "voiced_seconds": round(self.voiced_seconds, 2),
            "contour": [_r(v, 1) for v in self.contour],
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Pitch:
        """The inverse of :meth:`to_dict` (what the store keeps)."""
        monotone = data.get("monotone")
        return cls(
            median_hz=_number(data.get("median_hz")),
            range_semitones=_number(data.get("range_semitones")),
            monotone=None if monotone is None else bool(monotone),
            voiced_seconds=_number(data.get("voiced_seconds")) or 0.0,
            contour=tuple(_number(v) for v in data.get("contour") or ()),
            note=data.get("note"),
        )


@dataclass(frozen=True)
class Volume:
    """Loudness over a take: its range and whether sentences fade at the end."""

    range_db: float | None
    trailing_off: bool | None
    trailing_drop_db: float | None = None
    """Median drop (dB) from a sentence's other words to its last two (None: no sentences)."""
    sentences: int = 0
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "range_db": _r(self.range_db, 1),
            "trailing_off": self.trailing_off,
            "trailing_drop_db": _r(self.trailing_drop_db, 1),
            "sentences": self.sentences,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Volume:
        """The inverse of :meth:`to_dict` (what the store keeps)."""
        trailing = data.get("trailing_off")
        return cls(
            range_db=_number(data.get("range_db")),
            trailing_off=None if trailing is None else bool(trailing),
            trailing_drop_db=_number(data.get("trailing_drop_db")),
            sentences=int(data.get("sentences") or 0),
            note=data.get("note"),
        )


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)


def measure_voice(
    audio: npt.ArrayLike, samplerate: int, words: Sequence[Word] | None = None
) -> tuple[Pitch, Volume]:
    """Pitch and loudness of one take (mono or multi-channel float audio)."""
    import numpy as np
    import parselmouth

    data = np.asarray(audio, dtype=np.float64)
    if data.ndim > 1:
        data = data.mean(axis=1)
    data = np.nan_to_num(data)
    if data.size < samplerate * 0.1 or not np.any(data):
        return _nothing(), Volume(None, None, note=NOT_ENOUGH)
    sound = parselmouth.Sound(data, sampling_frequency=float(samplerate))
    times, f0 = _track(sound)
    voiced = f0 > 0
    voiced_seconds = float(voiced.sum()) * _PITCH_STEP
    if voiced_seconds < MIN_VOICED_SECONDS:
        return _nothing(voiced_seconds), Volume(None, None, note=NOT_ENOUGH)
    hz = f0[voiced]
    median = float(np.median(hz))
    semis = 12.0 * np.log2(hz / median)
    lo, hi = np.percentile(semis, [5, 95])
    span = float(hi - lo)
    pitch = Pitch(
        median_hz=median,
        range_semitones=span,
        monotone=span < MONOTONE_SEMITONES,
        voiced_seconds=voiced_seconds,
        contour=_contour(times[voiced], semis, sound.duration),
    )
    return pitch, _volume(sound, times[voiced], list(words or []))


def _nothing(voiced_seconds: float = 0.0) -> Pitch:
    return Pitch(None, None, None, voiced_seconds, note=NOT_ENOUGH)


def _track(sound: Any) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Frame times and f0 (0 = unvoiced) by the two-pass method."""
    import numpy as np

    f0 = _voiced_f0(_sample(sound))
    if f0.size * _FIRST_STEP < MIN_VOICED_SECONDS and sound.duration > 4 * _SAMPLE_SECONDS:
        f0 = _voiced_f0(sound)  # the pieces missed the speech: read it all
    if f0.size * _FIRST_STEP < MIN_VOICED_SECONDS:
        return np.zeros(0), np.zeros(0)
    q1, q3 = np.percentile(f0, [25, 75])
    floor = max(40.0, 0.75 * float(q1))
    ceiling = max(floor * 2.0, min(900.0, 1.5 * float(q3)))
    pitch = sound.to_pitch_ac(time_step=_PITCH_STEP, pitch_floor=floor, pitch_ceiling=ceiling)
    return np.asarray(pitch.xs()), np.asarray(pitch.selected_array["frequency"])


def _voiced_f0(sound: Any) -> numpy.ndarray:
    """The first pass: voiced f0 values with wide limits (60-700 Hz)."""
    f0 = sound.to_pitch_ac(time_step=_FIRST_STEP, pitch_floor=60.0, pitch_ceiling=700.0)
    import numpy as np

    values = np.asarray(f0.selected_array["frequency"], dtype=np.float64)
    return values[values > 0]


def _sample(sound: Any) -> Any:
    """A long take's first pass reads four evenly spaced pieces (the quartiles it needs
    barely change, and a 2-minute take costs a quarter as much)."""
    import numpy as np
    import parselmouth

    if sound.duration <= 4 * _SAMPLE_SECONDS * 1.25:
        return sound
    rate = float(sound.sampling_frequency)
    values = sound.values[0]
    size = int(_SAMPLE_SECONDS * rate)
    starts = np.linspace(0, len(values) - size, 4).astype(int)
    return parselmouth.Sound(np.concatenate([values[s : s + size] for s in starts]), rate)


def _contour(
    times: numpy.ndarray, semis: numpy.ndarray, duration: float
) -> tuple[float | None, ...]:
    import numpy as np

    if duration <= 0:
        return ()
    bins = np.minimum((times / duration * CONTOUR_POINTS).astype(int), CONTOUR_POINTS - 1)
    out: list[float | None] = []
    for i in range(CONTOUR_POINTS):
        here = semis[bins == i]
        out.append(float(np.median(here)) if here.size else None)
    return tuple(out)


def _volume(sound: Any, voiced_times: numpy.ndarray, words: list[Word]) -> Volume:
    import numpy as np

    intensity = sound.to_intensity(minimum_pitch=100.0, time_step=_STEP)
    t = np.asarray(intensity.xs())
    db = np.asarray(intensity.values[0])
    if t.size == 0:
        return Volume(None, None, note=NOT_ENOUGH)
    at_voice = db[np.clip(np.searchsorted(t, voiced_times), 0, t.size - 1)]
    lo, hi = np.percentile(at_voice, [5, 95])
    drops: list[float] = []
    for sentence in _sentences(words):
        peaks = [_peak(t, db, w.start, w.end) for w in sentence]
        known = [p for p in peaks if p is not None]
        if len(known) != len(peaks):
            continue
        drops.append(float(np.median(known[:-2]) - np.mean(known[-2:])))
    if len(drops) < MIN_SENTENCES:
        note = "too few full sentences to judge trailing off"
        return Volume(float(hi - lo), None, sentences=len(drops), note=note)
    drop = float(np.median(drops))
    return Volume(float(hi - lo), drop >= TRAILING_DB, drop, len(drops))


def _peak(t: numpy.ndarray, db: numpy.ndarray, start: float, end: float) -> float | None:
    inside = (t >= start) & (t <= end)
    return float(db[inside].max()) if inside.any() else None


def _sentences(words: list[Word], min_words: int = 5) -> list[list[Word]]:
    """Sentences of at least ``min_words`` words, cut at the transcript's full stops."""
    out: list[list[Word]] = []
    current: list[Word] = []
    for word in words:
        current.append(word)
        if _SENTENCE_END.search(word.word.strip()):
            if len(current) >= min_words:
                out.append(current)
            current = []
    return out


def describe(pitch: Pitch, volume: Volume) -> list[str]:
    """Plain-language lines about the voice (for the CLI report and the Review screen)."""
    lines: list[str] = []
    if pitch.range_semitones is None:
        lines.append(f"Voice: {NOT_ENOUGH}.")
        return lines
    verdict = "monotone" if pitch.monotone else "varied"
    lines.append(
        f"Pitch: {pitch.range_semitones:.1f} semitones of range ({verdict}; aim for "
        f"{LIVELY_SEMITONES:.0f}+), around {pitch.median_hz:.0f} Hz"
    )
    if volume.range_db is not None:
        line = f"Loudness: {volume.range_db:.0f} dB of range"
        if volume.trailing_off is not None and volume.trailing_drop_db is not None:
            fade = "trailing off" if volume.trailing_off else "steady"
            line += f"; sentence ends {fade} ({volume.trailing_drop_db:+.1f} dB drop)"
        lines.append(line)
    return lines


def suggestions(pitch: Pitch, volume: Volume) -> list[str]:
    """What to try next time, when the voice needs it."""
    out: list[str] = []
    if pitch.monotone:
        out.append(
            "Your pitch stayed flat. Let it rise on the words that matter (the number, the "
            "name, the result) and fall at the end of each sentence; try it on one sentence first."
        )
    if volume.trailing_off:
        out.append(
            "Your sentences fade at the end. Keep your voice up through the last word, where "
            "the point usually is; take a breath before it rather than after."
        )
    return out
