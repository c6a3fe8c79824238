"""Guards against text Whisper invents: over silence or noise, and after the last word.

Split out of :mod:`offguard.transcription.whisper`, which applies them to every decode.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: Whisper's sample rate (the audio these guards see).
SAMPLERATE = 16000
#: A segment is dropped as invented when Whisper itself thinks it is probably not speech
#: and is unsure of the words.
DROP_NO_SPEECH = 0.5
DROP_LOGPROB = -0.8
FAILED_LOGPROB = -1.0
#: A remainder after the last segment at most this long, where the VAD hears no speech ending
#: more than TAIL_SLACK seconds after the last word, is not decoded.
TAIL_SECONDS = 3.0
TAIL_SLACK = 0.3
TAIL_SLIVER = 0.6
#: A segment Whisper doubts (no-speech and log-probability above) is kept when the voice-activity
#: detector hears speech in at least this share of its time: dropping it would only have the
#: coverage guarantee decode that speech again without the context it was heard in (measured on
#: an espeak-ng clip: "Six months later ... payments rewrite" came back as "months later ...
#: pavement see you right").
HEARD_SHARE = 0.5

Regions = Sequence[tuple[float, float]]


def invented(seg: Any, speech: Callable[[], Regions] | None = None) -> bool:
    """Whisper's tell-tales of text made up over silence or noise.

    Every temperature failed (log-probability still below -1), Whisper itself thinks there is
    probably no speech and is unsure of the words (unless ``speech()``, the voice-activity
    regions of the decoded audio in the segment's time base, covers ``HEARD_SHARE`` of the
    segment), a repetition loop, or many words squeezed into a few hundredths of a second
    (typically "Thank you for watching." after the last word).
    """
    if seg.avg_logprob < FAILED_LOGPROB:
        return True
    doubtful = seg.no_speech_prob > DROP_NO_SPEECH and seg.avg_logprob < DROP_LOGPROB
    if doubtful and (speech is None or heard_share(speech(), seg.start, seg.end) < HEARD_SHARE):
        return True
    if seg.compression_ratio > 2.6:
        return True
    words = seg.words or ()
    return len(words) >= 3 and (seg.end - seg.start) < 0.1 * len(words)


def heard_share(regions: Regions, start: float, end: float) -> float:
    """The share of ``[start, end]`` that ``regions`` (sorted, disjoint) cover."""
    if end <= start:
        return 0.0
    inside = sum(max(0.0, min(b, end) - max(a, start)) for a, b in regions)
    return inside / (end - start)


def nothing_left(samples: npt.NDArray[np.float32], end: float) -> bool:
    """True when Silero VAD hears no speech in ``samples`` after ``end`` seconds.

    Only checked near the end of the audio: Whisper otherwise decodes the last fraction of a
    second after the final word as a window of its own, and invents text for it.
    """
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    rest = samples.size - int(end * SAMPLERATE)
    if rest <= TAIL_SLIVER * SAMPLERATE:
        return True  # too short for Whisper to decode a word reliably; it would invent one
    if rest > TAIL_SECONDS * SAMPLERATE:
        return False
    start = max(0, int((end - 5.0) * SAMPLERATE))  # some context for the VAD's state
    speech = get_speech_timestamps(
        samples[start:], VadOptions(min_silence_duration_ms=100, speech_pad_ms=0)
    )
    if not speech:
        return True
    last_end = (start + int(speech[-1]["end"])) / SAMPLERATE
    return last_end <= end + TAIL_SLACK
