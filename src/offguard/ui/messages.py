"""Messages the thread workers post back to the UI thread (``post_message`` is thread-safe).

Workers never touch widgets; they call a core function and post one of these.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from textual.message import Message

from offguard.errors import OffguardError
from offguard.questions import Question
from offguard.ui.ports import TakeOutcomeLike


class ModelReady(Message):
    """The transcription model finished loading."""

    def __init__(self, model_name: str) -> None:
        super().__init__()
        self.model_name = model_name


class WorkFailed(Message):
    """A background task failed with something the user can act on (``unexpected``: a bug or
    an error the core did not name; its details went to the log)."""

    def __init__(
        self, what: str, message: str, fix: str | None = None, *, unexpected: bool = False
    ) -> None:
        super().__init__()
        self.what = what
        self.message = message
        self.fix = fix
        self.unexpected = unexpected

    @classmethod
    def from_error(cls, what: str, exc: BaseException) -> WorkFailed:
        if isinstance(exc, OffguardError):
            return cls(what, exc.message, exc.fix)
        logging.getLogger("offguard.ui").error("%s failed", what, exc_info=exc)
        return cls(what, f"{type(exc).__name__}: {exc}", unexpected=True)

    @property
    def text(self) -> str:
        return f"{self.message} Fix: {self.fix}" if self.fix else self.message


class Recovering(Message):
    """Takes a crash left behind are being repaired and transcribed."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count


class TakesRecovered(Message):
    """Takes left behind by a crash were transcribed and stored."""

    def __init__(self, outcomes: Sequence[TakeOutcomeLike]) -> None:
        super().__init__()
        self.outcomes = list(outcomes)


class PartialTranscript(Message):
    """New live text while recording (posted from the streaming thread)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class TakeReady(Message):
    """A take was stopped or imported, transcribed, analysed and stored."""

    def __init__(self, outcome: TakeOutcomeLike, question: Question) -> None:
        super().__init__()
        self.outcome = outcome
        self.question = question


class TakeDiscarded(Message):
    """The take in progress was thrown away."""


class MicTestDone(Message):
    """The 3-second microphone test finished."""

    def __init__(self, peak: float, overflows: int, error: str | None) -> None:
        super().__init__()
        self.peak = peak
        self.overflows = overflows
        self.error = error
