"""Building the take service (store, transcriber, recorder) for headless commands."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from offguard.config import Settings, ensure_data_dir

if TYPE_CHECKING:
    from offguard.analysis import Analysis
    from offguard.audio.recorder import AudioRecorder
    from offguard.practice import Practice, TakeOutcome
    from offguard.questions import Question
    from offguard.store import Store


def recorder_factory(settings: Settings) -> Callable[[], AudioRecorder]:
    """A factory of real microphone recorders for the configured device and rate."""

    def make() -> AudioRecorder:
        from offguard.audio.recorder import Recorder

        return Recorder(settings.device, samplerate=settings.samplerate)

    return make


def open_practice(settings: Settings, store: Store) -> Practice:
    from offguard.practice import Practice
    from offguard.transcription.whisper import WhisperTranscriber

    ensure_data_dir(settings.data_dir)
    return Practice(settings, store, WhisperTranscriber(settings.model), recorder_factory(settings))


def outcome_json(outcome: TakeOutcome) -> dict[str, object]:
    """The JSON printed by `record --json` and `import --json`."""
    return {
        "take_id": outcome.take_id,
        "question_id": outcome.question_id,
        "audio": str(outcome.audio_path.resolve()),
        "duration": round(outcome.duration, 3),
        "status": outcome.status,
        "transcript": outcome.transcript.text,
        "verdict": outcome.analysis.verdict,
        "specificity": round(outcome.analysis.specificity, 1),
    }


def print_outcome(outcome: TakeOutcome, as_json: bool) -> None:
    """What `record` and `import` print: a warning if any, then the take id or the JSON."""
    import json

    if outcome.error:
        print(f"offguard: warning: {outcome.error}", file=sys.stderr)
    print(json.dumps(outcome_json(outcome)) if as_json else outcome.take_id)


def find_question(settings: Settings, store: Store, question_id: str) -> Question:
    """A bank or user question by id, or a clear error listing how to find ids."""
    from offguard.errors import OffguardError
    from offguard.questions import load_questions

    bank = load_questions(settings.data_dir)
    question = bank.get(question_id)
    if question is None:
        question = next((q for q in store.user_questions() if q.id == question_id), None)
    if question is None:
        raise OffguardError(
            f"There is no question with id '{question_id}'.",
            "list the ids with `offguard questions`.",
        )
    return question


def recover_on_start(settings: Settings) -> None:
    """Repair takes a killed process left behind; cheap, runs before every command.

    Only acts when the data folder already has a database: it never creates one.
    """
    if not settings.db_path.is_file():
        return
    from offguard.errors import OffguardError
    from offguard.recovery import recover_takes
    from offguard.store import Store

    try:
        store = Store.open(settings.db_path)
    except OffguardError:
        return  # the command itself will report the problem
    try:
        report = recover_takes(store)
    except OffguardError as exc:  # a read-only or damaged database: the command reports it
        print(f"offguard: warning: could not check for interrupted takes: {exc}", file=sys.stderr)
        return
    finally:
        store.close()
    for take_id in report.recovered:
        print(
            f"offguard: recovered take {take_id} from a recording that was interrupted; "
            f"transcribe it with `offguard analyze --take {take_id}` (the app does it on start)",
            file=sys.stderr,
        )
    for take_id, why in report.deferred:
        print(
            f"offguard: warning: take {take_id} is waiting to be recovered: {why}", file=sys.stderr
        )
    for take_id, why in report.failed:
        print(f"offguard: warning: take {take_id} could not be recovered: {why}", file=sys.stderr)


def analyze_stored_take(settings: Settings, take_id: int) -> tuple[Analysis, str]:
    """(Re)analyse a stored take (transcribing it first when needed): the analysis and text."""
    from offguard.store import Store

    store = Store.open(settings.db_path)
    try:
        practice = open_practice(settings, store)
        analysis = practice.analyze_take(take_id)
        transcript = store.latest_transcript(take_id)
    finally:
        store.close()
    return analysis, transcript.text if transcript else ""
