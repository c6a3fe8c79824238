"""LocalAgreement-2 and the live streaming policy, with a scripted decoder (no model)."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from offguard.transcription.agreement import LocalAgreement
from offguard.transcription.fillers import is_filler, merge_fillers
from offguard.transcription.streaming import StreamingTranscriber
from offguard.transcription.types import LiveText, Transcript, Word, join_words
from tests.transcriber_fakes import PassThroughTranscriber

SR = 16000


def words(text: str, start: float = 0.0, step: float = 0.5) -> list[Word]:
    return [
        Word(w, start + i * step, start + i * step + 0.4, 0.9) for i, w in enumerate(text.split())
    ]


def test_commits_only_what_two_decodes_agree_on() -> None:
    la = LocalAgreement()
    assert la.update(words("I led the")) == []
    assert [w.word for w in la.provisional] == ["I", "led", "the"]
    fresh = la.update(words("I led a team"))
    assert [w.word for w in fresh] == ["I", "led"]
    assert [w.word for w in la.provisional] == ["a", "team"]
    # A later decode that rewrites committed words cannot take them back.
    fresh = la.update(words("Eye lead a team of four"))
    assert [w.word for w in fresh] == ["a", "team"]
    assert [w.word for w in la.committed] == ["I", "led", "a", "team"]
    assert [w.word for w in la.provisional] == ["of", "four"]
    assert la.committed_until == words("I led a team")[-1].end


def test_punctuation_and_case_do_not_block_agreement() -> None:
    la = LocalAgreement()
    la.update(words("So we shipped it"))
    fresh = la.update(words("so, we shipped it."))
    assert [w.word for w in fresh] == ["so,", "we", "shipped", "it."]
    assert la.provisional == []


def test_a_repeated_committed_word_is_not_committed_twice() -> None:
    la = LocalAgreement()
    la.update(words("we cut costs"))
    la.update(words("we cut costs"))
    assert [w.word for w in la.committed] == ["we", "cut", "costs"]
    # Timestamps jitter: the next decode starts with "costs" again, a little earlier.
    jitter = [Word("costs", 0.95, 1.3, 0.9), *words("by half", start=1.5)]
    la.update(jitter)
    fresh = la.update(jitter)
    assert [w.word for w in fresh] == ["by", "half"]


def test_restart_forgets_the_final_audio() -> None:
    la = LocalAgreement()
    la.update(words("one two three four"))
    la.update(words("one two three four five"))
    la.take()
    la.restart(1.2)  # the audio before 1.2 s became final elsewhere
    assert la.committed == []
    assert [w.word for w in la.provisional] == ["five"]
    assert la.committed_until == 1.2


def test_fillers_from_the_prompted_decode_are_merged_in() -> None:
    base = words("I think we should ship it")
    prompted = [
        *words("I um think we", step=0.5),
        *words("shoot ship it uh", start=2.0),
    ]
    merged = merge_fillers(base, prompted)
    assert [w.word for w in merged] == ["I", "um", "think", "we", "should", "ship", "it", "uh"]
    assert is_filler("Um,") and is_filler("hmm") and not is_filler("umbrella")


class ScriptDecoder(PassThroughTranscriber):
    """A decoder that 'hears' a fixed script: the words whose end lies inside the audio, the
    last one heard only half (a different word) until it is complete."""

    model_name = "script"

    def __init__(self, script: Sequence[Word]) -> None:
        self.script = list(script)
        self.calls: list[tuple[float, float, bool]] = []
        self.gate: threading.Event | None = None  # the first decode waits for it
        self.gate_reached = threading.Event()
        self.filler_passes: list[tuple[float, float]] = []
        self.prompts: list[str | None] = []

    def transcribe(
        self,
        audio: Any,
        *,
        samplerate: int = 16000,
        prompt: str | None = None,
        offset: float = 0.0,
        cancel: Callable[[], bool] | None = None,
        on_segment: Callable[[str], None] | None = None,
        live: bool = False,
        fillers: bool = True,
    ) -> Transcript:
        if self.gate is not None and not self.calls:
            self.gate_reached.set()
            self.gate.wait()
        end = offset + len(audio) / samplerate
        self.calls.append((offset, end, live))
        self.prompts.append(prompt)
        heard = [w for w in self.script if offset <= w.start and w.end <= end]
        cut = [w for w in self.script if offset <= w.start < end < w.end]
        if live and cut:
            heard.append(Word(cut[0].word[:2] + "-", cut[0].start, end, 0.5))
        return Transcript(" ".join(w.word for w in heard), tuple(heard), end - offset, "script")

    def add_fillers(
        self,
        audio: Any,
        words: Sequence[Word],
        *,
        samplerate: int = 16000,
        prompt: str | None = None,
        offset: float = 0.0,
        cancel: Callable[[], bool] | None = None,
    ) -> Sequence[Word]:
        self.filler_passes.append((offset, offset + len(audio) / samplerate))
        return words


def steady(n: int) -> list[Word]:
    """A speaker who never pauses: one word every 0.4 s."""
    return [Word(f"w{i}", 0.2 + 0.4 * i, 0.55 + 0.4 * i, 0.9) for i in range(n)]


def loud(seconds: float) -> np.ndarray:
    rng = np.random.default_rng(0)
    return (0.2 * rng.standard_normal(int(seconds * SR))).astype(np.float32)


def feed_paced(streamer: StreamingTranscriber, audio: np.ndarray, decoder: ScriptDecoder) -> None:
    """Feed 100 ms blocks; after each second let the worker run one decision (no sleeping)."""
    block = SR // 10
    for i, start in enumerate(range(0, audio.size, block)):
        streamer.feed(audio[start : start + block])
        if (i + 1) % 10 == 0:
            streamer.step()


def test_live_text_commits_and_the_final_transcript_keeps_every_word() -> None:
    script = steady(60)  # 24 s of speech with no pause: forces a window restart at 15 s
    decoder = ScriptDecoder(script)
    updates: list[LiveText] = []
    streamer = StreamingTranscriber(decoder, SR, on_update=updates.append, start_worker=False)
    feed_paced(streamer, loud(24.5), decoder)
    assert updates, "no live text"
    assert any(u.provisional for u in updates)
    committed = [u.committed.split() for u in updates]
    # Committed text only grows: each update starts with the previous committed words.
    assert all(b[: len(a)] == a for a, b in itertools.pairwise(committed))
    # No decode ever covered more than the window limit, and none was queued behind another.
    assert all(end - start <= 15.0 + 1e-6 for start, end, _ in decoder.calls)
    result = streamer.finish()
    assert result.text.split() == [w.word for w in script]
    assert [w.start for w in result.words] == sorted(w.start for w in result.words)


def test_the_tail_after_the_committed_words_is_decoded_at_stop() -> None:
    script = steady(20)  # 8 s, stop right after the last word
    decoder = ScriptDecoder(script)
    streamer = StreamingTranscriber(decoder, SR, start_worker=False)
    feed_paced(streamer, loud(8.2), decoder)
    result = streamer.finish()
    assert result.text.split() == [w.word for w in script]
    # The last decode (the tail) started after the committed words, not at the take's start.
    tail_start, tail_end, _ = decoder.calls[-1]
    assert streamer.stats[-1].kind == "tail" and tail_start > 2.0 and tail_end == 8.2
    assert 0.0 < result.settings["tail_seconds"] < 8.2 - 2.0


def test_the_tail_is_not_prompted_with_the_words_of_its_own_audio() -> None:
    # With the committed words in the prompt, Whisper skipped their audio at the start of the
    # tail and timed the last words there, before the split, where they were dropped.
    script, audio = sentences(2)
    audio = audio[: int(10.7 * SR)]  # stop right after the second sentence's last word
    decoder = ScriptDecoder(script)
    streamer = StreamingTranscriber(decoder, SR, start_worker=False)
    feed_paced(streamer, audio, decoder)
    result = streamer.finish()
    assert result.text.split() == [w.word for w in script]
    tail_prompt = decoder.prompts[-1] or ""
    assert streamer.stats[-1].kind == "tail" and decoder.calls[-1][0] >= 5.0
    assert tail_prompt.split()[-1] == "w11s0"  # the first sentence, not the committed words


def test_a_worker_that_falls_behind_skips_to_the_newest_audio() -> None:
    decoder = ScriptDecoder(steady(20))
    decoder.gate = threading.Event()  # the first decode blocks until released
    streamer = StreamingTranscriber(decoder, SR)
    audio = loud(8.0)
    block = SR // 10
    for start in range(0, SR + 2 * block, block):
        streamer.feed(audio[start : start + block])
    while not decoder.gate_reached.is_set():
        decoder.gate_reached.wait(0.05)
    for start in range(SR + 2 * block, audio.size, block):  # recorded while the worker is busy
        streamer.feed(audio[start : start + block])
    decoder.gate.set()
    while len(decoder.calls) < 2:
        threading.Event().wait(0.02)
    streamer.finish()
    # The decode after the slow one took all the audio recorded meanwhile, in one go.
    assert decoder.calls[0][1] <= 1.2
    assert decoder.calls[1][1] == 8.0


def test_a_pause_makes_the_stretch_before_it_final_and_fillers_follow_when_idle() -> None:
    # Two sentences of 4.8 s with a 0.9 s pause between, then 2 s of quiet before stop.
    first = steady(12)
    second = [Word(w.word + "b", w.start + 5.7, w.end + 5.7, 0.9) for w in steady(12)]
    decoder = ScriptDecoder(first + second)
    quiet = np.zeros(int(0.9 * SR), np.float32)
    audio = np.concatenate([loud(4.8), quiet, loud(4.8), np.zeros(2 * SR, np.float32)])
    streamer = StreamingTranscriber(decoder, SR, start_worker=False)
    feed_paced(streamer, audio, decoder)
    result = streamer.finish()
    assert result.text.split() == [w.word for w in first + second]
    finals = [(a, b) for a, b, live in decoder.calls if not live]
    # The first sentence was decoded whole once its pause came, cut inside the pause.
    assert finals and finals[0][0] == 0.0 and 4.8 < finals[0][1] < 5.7
    # Its filler pass ran on the same audio once the worker had nothing else to do.
    assert decoder.filler_passes and decoder.filler_passes[0] == finals[0]
    assert result.settings["filler_passes_skipped"] == 0


def test_pieces_whisper_attaches_to_the_word_before_are_joined_without_a_space() -> None:
    assert join_words([" about", " 2", ",000", " cars", "."]) == "about 2,000 cars."
    assert (
        join_words(["60", ",000", ",000", "  ", "people", "it", "'s"]) == "60,000,000 people it's"
    )
    assert join_words([]) == ""


def test_live_text_shows_numbers_whole() -> None:
    words = ["we", "sold", "about", "2", ",000", "cars", "a", "week", "there", "then"]
    script = [Word(w, 0.2 + 0.4 * i, 0.55 + 0.4 * i, 0.9) for i, w in enumerate(words)]
    decoder = ScriptDecoder(script)
    updates: list[LiveText] = []
    streamer = StreamingTranscriber(decoder, SR, on_update=updates.append, start_worker=False)
    feed_paced(streamer, loud(4.5), decoder)
    assert any("2,000" in u.text for u in updates)
    assert not any(" ,000" in u.text for u in updates)
    assert "about 2,000 cars" in streamer.finish().text


def sentences(n: int, seconds: float = 4.8, pause: float = 0.9) -> tuple[list[Word], np.ndarray]:
    """``n`` sentences of 12 words (``seconds`` long) with ``pause`` seconds between, then 2 s
    of quiet: the script and the audio."""
    script: list[Word] = []
    parts: list[np.ndarray] = []
    for k in range(n):
        shift = k * (seconds + pause)
        script += [Word(f"{w.word}s{k}", w.start + shift, w.end + shift, 0.9) for w in steady(12)]
        parts += [loud(seconds), np.zeros(int(pause * SR), np.float32)]
    parts.append(np.zeros(2 * SR, np.float32))
    return script, np.concatenate(parts)


def test_final_pieces_are_decoded_again_as_one_long_stretch() -> None:
    # Six sentences with pauses: each becomes a final piece at its pause (4-6 s), and once the
    # pieces add up to 20 s they are decoded once more as one stretch (as whole-file does), when
    # the next sentence has just begun.
    script, audio = sentences(6)
    decoder = ScriptDecoder(script)
    streamer = StreamingTranscriber(decoder, SR, start_worker=False)
    feed_paced(streamer, audio, decoder)
    result = streamer.finish()
    assert result.text.split() == [w.word for w in script]
    assert [w.start for w in result.words] == sorted(w.start for w in result.words)
    finals = [(a, b) for a, b, live in decoder.calls if not live]
    long = [(a, b) for a, b in finals if b - a >= 20.0]
    assert len(long) == 1 and long[0][0] == 0.0 and long[0][1] <= 30.0
    # It ends where a piece ended (inside a pause) and was decoded after a sentence began.
    start, end = long[0]
    assert any(b == end for a, b in finals if b - a < 20.0)
    assert any(abs(end - (k * 5.7 + 4.8 + 0.45)) < 0.5 for k in range(6))
    kinds = [s.kind for s in streamer.stats]
    assert "long" in kinds
    assert result.settings["long_pieces"] == 1
    # The long piece got its own filler pass.
    assert (start, end) in decoder.filler_passes
    # Without long pieces the same take decodes nothing longer than a piece.
    decoder = ScriptDecoder(script)
    streamer = StreamingTranscriber(decoder, SR, start_worker=False, long_pieces=False)
    feed_paced(streamer, audio, decoder)
    assert streamer.finish().text == result.text
    assert all(b - a < 15.0 for a, b, _ in decoder.calls)


def test_stretch_choice_and_kept_audio() -> None:
    from offguard.transcription.pieces import Piece
    from offguard.transcription.redecode import KeptAudio, next_stretch

    def piece(a: float, b: float) -> Piece:
        return Piece("x", [], start=int(a * SR), end=int(b * SR))

    six = [piece(6.0 * k, 6.0 * (k + 1)) for k in range(6)]
    assert next_stretch(six[:3], 0, SR) is None  # 18 s: wait for more
    assert next_stretch(six, 0, SR) == (0, 5)  # 30 s at most
    assert next_stretch(six, 5, SR) is None
    assert next_stretch(six, 5, SR, open_end=False) == (5, 5)  # 6 s alone: left as it is
    # A long quiet between two pieces closes the stretch early.
    gap = [piece(0, 10), piece(35, 40)]
    assert next_stretch(gap, 0, SR) == (0, 1)
    short = [piece(0, 5), piece(33, 38)]
    assert next_stretch(short, 0, SR) == (0, 0)
    kept = KeptAudio()
    kept.add(100, np.arange(50, dtype=np.float32))
    kept.add(150, np.arange(50, 100, dtype=np.float32))
    assert kept.end == 200 and list(kept.slice(140, 160)) == list(range(40, 60))
    kept.drop_before(180)
    assert kept.start == 180 and list(kept.slice(0, 1000)) == list(range(80, 100))
    kept.add(500, np.ones(3, np.float32))  # not contiguous: starts again
    assert kept.start == 500 and kept.end == 503
