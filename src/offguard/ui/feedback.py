"""What the review shows: :class:`ReviewData`, and the core's ``Analysis`` and ``Transcript``
as Rich text (pure functions, no widgets, so they are easy to test)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.table import Table
from rich.text import Text

from offguard.analysis.job_terms import JobTerms
from offguard.analysis.result import Analysis, Span
from offguard.formatting import fmt_duration
from offguard.practice import TakeOutcome
from offguard.questions import Question
from offguard.reanalysis import current_analysis
from offguard.store import Store
from offguard.targets import TARGETS
from offguard.transcription.types import Transcript

STAR_NAMES = {"S": "Situation", "T": "Task", "A": "Action", "R": "Result"}


@dataclass(frozen=True)
class ReviewData:
    """Everything the review shows (from a finished take, a stored one, or a test)."""

    question: Question
    transcript: Transcript
    analysis: Analysis
    audio_path: Path | None
    duration: float
    take_id: int | None = None

    @classmethod
    def from_outcome(cls, outcome: TakeOutcome, question: Question) -> ReviewData:
        return cls(
            question=question,
            transcript=outcome.transcript,
            analysis=outcome.analysis,
            audio_path=outcome.audio_path,
            duration=outcome.duration,
            take_id=outcome.take_id,
        )

    @classmethod
    def from_store(cls, store: Store, take_id: int, question: Question) -> ReviewData | None:
        """A stored take's review; None when it has no transcript or analysis yet."""
        take = store.get_take(take_id)
        transcript = store.latest_transcript(take_id)
        record = current_analysis(store, take_id)  # recomputed when an older coach made it
        if take is None or transcript is None or record is None:
            return None
        return cls(
            question=question,
            transcript=transcript,
            analysis=Analysis.from_dict(record.data),
            audio_path=take.audio_path,
            duration=float(take.duration or transcript.duration),
            take_id=take_id,
        )


def verdict_line(analysis: Analysis) -> str:
    """Exactly ``Verdict: generic`` or ``Verdict: specific``, then the score as stored (one
    decimal, then whole), so a fresh take and the same take read back show the same number."""
    verdict = "specific" if analysis.verdict.lower() == "specific" else "generic"
    return f"Verdict: {verdict}  ({round(round(analysis.specificity, 1))}/100)"


def transcript_text(text: str, analysis: Analysis) -> Text:
    """The transcript with generic flags in red/underline and specifics in green."""
    rich = Text(text or "No speech detected. Check the microphone (d) and press r to try again.")
    if not text:
        rich.stylize("dim italic")
        return rich
    for span in analysis.specifics:
        rich.stylize("bold green", span.start, span.end)
    for span in analysis.flags:
        rich.stylize("bold red underline", span.start, span.end)
    return rich


def flag_spans(analysis: Analysis) -> list[Span]:
    """The generic phrases, in the order they were said."""
    return sorted(analysis.flags, key=lambda s: (s.start, s.end))


def word_offsets(transcript: Transcript) -> list[tuple[int, float]]:
    """(character offset in ``transcript.text``, start time) for each word, in order."""
    out: list[tuple[int, float]] = []
    lowered = transcript.text.lower()
    cursor = 0
    for word in transcript.words:
        token = word.word.strip().lower()
        if not token:
            continue
        at = lowered.find(token, cursor)
        if at < 0:
            at = cursor
        else:
            cursor = at + len(token)
        out.append((at, word.start))
    return out


def time_at(transcript: Transcript, char_offset: int) -> float | None:
    """When the word containing (or just before) ``char_offset`` starts, or None."""
    offsets = word_offsets(transcript)
    if not offsets:
        return None
    index = bisect_right([o for o, _ in offsets], char_offset) - 1
    return offsets[max(index, 0)][1]


def star_text(analysis: Analysis) -> Text:
    """The STAR checklist, with the sentence that covers each part."""
    out = Text()
    for key, name in STAR_NAMES.items():
        ok = bool(analysis.star.get(key, False))
        out.append("✔ " if ok else "✘ ", style="green" if ok else "red")
        out.append(f"{name}", style="bold")
        sentence = analysis.star_sentences.get(key)
        if ok and sentence:
            out.append(f"  “{_clip(sentence, 70)}”", style="dim")
        elif not ok:
            out.append("  missing", style="dim")
        out.append("\n")
    out.rstrip()
    return out


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _aim(metric: str) -> str:
    band = TARGETS.get(metric)
    return f"  ({band.aim()})" if band is not None else ""


def delivery_text(analysis: Analysis) -> Text:
    """Pace, fillers (a lower bound: the model drops some), pauses, time to first word, each
    with its target."""
    delivery = analysis.delivery
    out = Text()
    if delivery is None:
        out.append("No delivery metrics for this take.", style="dim")
        return out
    if delivery.wpm is not None:
        out.append(f"Pace: {delivery.wpm:.0f} words/min{_aim('wpm')}\n")
    if delivery.fillers_per_min is not None:
        out.append(
            f"Fillers: at least {delivery.fillers_per_min:.1f}/min{_aim('fillers_per_min')}\n"
        )
    if delivery.longest_pauses:
        shown = ", ".join(
            f"{length:.1f} s at {fmt_duration(start)}"
            for start, length in delivery.longest_pauses[:3]
        )
        out.append(f"Longest pauses: {shown}\n")
    else:
        out.append("Longest pauses: none over a second\n")
    first = delivery.time_to_first_word
    if first is not None:
        out.append(f"Time to first word: {first:.1f} s{_aim('time_to_first_word')}\n")
    out.append(f"Hedges: {delivery.hedge_count}\n")
    if delivery.repeated_words:
        shown = ", ".join(f"“{w}”" for w in delivery.repeated_words[:5])
        more = len(delivery.repeated_words) - 5
        out.append(f"Repeated words: {shown}" + (f" (+{more})" if more > 0 else "") + "\n")
    out.rstrip()
    return out


def voice_text(analysis: Analysis) -> Text:
    """Pitch range (monotone or not) and loudness with their targets, and what to try."""
    from offguard.analysis.voice import NOT_ENOUGH, suggestions

    delivery = analysis.delivery
    pitch = delivery.pitch if delivery is not None else None
    volume = delivery.volume if delivery is not None else None
    out = Text()
    if pitch is None or volume is None:
        out.append("No audio measured for this take.", style="dim")
        return out
    if pitch.range_semitones is None or pitch.median_hz is None:
        out.append(f"Voice: {NOT_ENOUGH}.", style="dim")
        return out
    flat = bool(pitch.monotone)
    out.append("Pitch range: ")
    out.append(f"{pitch.range_semitones:.1f} semitones", style="bold red" if flat else "bold")
    out.append(" (monotone)" if flat else "", style="red")
    out.append(f"{_aim('pitch_range_semitones')}, around {pitch.median_hz:.0f} Hz\n")
    if volume.range_db is not None:
        out.append(f"Loudness range: {volume.range_db:.0f} dB\n")
    if volume.trailing_drop_db is not None:
        fading = bool(volume.trailing_off)
        out.append("Sentence ends: ")
        out.append(
            f"{volume.trailing_drop_db:.1f} dB quieter",
            style="bold red" if fading else "",
        )
        out.append(" (trailing off)" if fading else "", style="red")
        out.append(f"{_aim('trailing_drop_db')}\n")
    for tip in suggestions(pitch, volume):
        out.append("→ ", style="bold cyan")
        out.append(tip + "\n", style="italic")
    out.rstrip()
    return out


def pitch_contour(analysis: Analysis) -> list[float]:
    """The take's pitch over time (semitones from the median) for a sparkline; gaps where no
    voice was heard hold the last value; empty when nothing was measured."""
    delivery = analysis.delivery
    pitch = delivery.pitch if delivery is not None else None
    if pitch is None or not any(v is not None for v in pitch.contour):
        return []
    out: list[float] = []
    last = next(v for v in pitch.contour if v is not None)
    for value in pitch.contour:
        last = last if value is None else value
        out.append(last)
    return out


def job_terms_text(terms: JobTerms | None) -> Text:
    """The job ad's terms the answer used, and the 3 most important it did not."""
    out = Text()
    if terms is None:
        out.append(
            "No job ad. Press j to add one (or n in the interview log for an interview).",
            style="dim",
        )
        return out
    if not terms.covered and not terms.missing:
        out.append("The job ad has no key terms offguard could find.", style="dim")
        return out
    out.append("Used: ", style="bold")
    out.append(", ".join(terms.covered) or "none of its key terms", style="green")
    missing = terms.top_missing(3)
    if missing:
        out.append("\n→ ", style="bold cyan")
        out.append("Try working in: ", style="italic")
        out.append(", ".join(missing), style="bold yellow")
    return out


def bullet_list(items: Sequence[str | Text], bullet_style: str = "bold cyan") -> Table:
    """Bulleted lines whose wrapped text stays indented under the first word."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for item in items:
        table.add_row(Text("•", style=bullet_style), item if isinstance(item, Text) else Text(item))
    return table


def suggestions_text(analysis: Analysis) -> Text | Table:
    if not analysis.suggestions:
        return Text("Nothing to add: keep it this concrete.", style="dim")
    return bullet_list(analysis.suggestions)


def flag_label(span: Span, at: float | None) -> Text:
    label = Text()
    label.append(f"{fmt_duration(at)}  ", style="dim")
    label.append(f"“{_clip(span.text, 40)}”", style="bold red")
    if span.reason:
        label.append(f"  {_clip(span.reason, 60)}", style="italic")
    return label
