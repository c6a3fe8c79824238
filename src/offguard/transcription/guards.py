"""Guards against text Whisper invents: over silence or noise, and after the last word.

Split out of :mod:`offguard.transcription.whisper`, which applies them to every decode.
"""

from __future__ import annotations

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


def invented(seg: Any) -> bool:
    """Whisper's tell-tales of text made up over silence or noise.

    Every temperature failed (log-probability still below -1), Whisper itself thinks there is
    probably no speech, a repetition loop, or many words squeezed into a few hundredths of a
    second (typically "Thank you for watching." after the last word).
    """
    if seg.avg_logprob < FAILED_LOGPROB:
        return True
    if seg.no_speech_prob > DROP_NO_SPEECH and seg.avg_logprob < DROP_LOGPROB:
        return True
    if seg.compression_ratio > 2.6:
        return True
    words = seg.words or ()
    return len(words) >= 3 and (seg.end - seg.start) < 0.1 * len(words)


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
