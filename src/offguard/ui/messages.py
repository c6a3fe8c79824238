"""Every message of the practice room, in one place.

Messages go up: a screen posts a request (``Open*``, ``ShowReview``, ``ImportRequested``,
``DeleteTake``...) and the app (:mod:`offguard.ui.navigation`, :mod:`offguard.ui.app`) handles
it; a thread worker posts one typed success and one typed failure message per operation
(``ImportDone`` / ``ImportFailed``...). Every failure is a :class:`Failed`: a screen may handle
its own kind to reset itself, and the app shows every one that reaches it as one line.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.message import Message

from offguard.errors import OffguardError
from offguard.transcription.types import join_words

if TYPE_CHECKING:
    from typing_extensions import Self

    from offguard.analysis.job_terms import JobTerms
    from offguard.feedback_request import FeedbackRequest
    from offguard.practice import TakeOutcome
    from offguard.questions import Question
    from offguard.ui.feedback import ReviewData

log = logging.getLogger("offguard.ui")


# -- problems ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """What went wrong, as the user reads it (``unexpected``: a bug; details went to the log)."""

    message: str
    fix: str | None = None
    unexpected: bool = False

    @classmethod
    def from_error(cls, exc: BaseException, what: str = "work") -> Problem:
        if isinstance(exc, OffguardError):
            return cls(exc.message, exc.fix)
        log.error("%s: unexpected error", what, exc_info=exc)
        return cls(f"{type(exc).__name__}: {exc}", unexpected=True)

    @property
    def text(self) -> str:
        return f"{self.message} Fix: {self.fix}" if self.fix else self.message


class Failed(Message):
    """Something failed; the app shows it as one notification titled :attr:`title`."""

    TITLE: ClassVar[str] = "Problem"

    def __init__(self, problem: Problem, title: str | None = None) -> None:
        super().__init__()
        self.problem = problem
        self.title = title or self.TITLE

    @classmethod
    def from_error(cls, exc: BaseException, title: str | None = None) -> Self:
        return cls(Problem.from_error(exc, title or cls.TITLE), title)


class ModelFailed(Failed):
    TITLE = "Model unavailable"


class RecoveryFailed(Failed):
    TITLE = "Could not recover old takes"


class ImportFailed(Failed):
    TITLE = "Import failed"


class TakeFailed(Failed):
    """Stopping (transcribing, storing) the take being recorded failed."""

    TITLE = "The take could not be finished"


class DiscardFailed(Failed):
    TITLE = "The take could not be discarded"


class MicTestFailed(Failed):
    TITLE = "Mic test failed"


class ExportFailed(Failed):
    TITLE = "Export failed"


class JobTermsFailed(Failed):
    TITLE = "Cannot check the job ad"


class FeedbackDraftFailed(Failed):
    TITLE = "Cannot draft the feedback request"


# -- results of the workers -------------------------------------------------------------------


class ModelLoaded(Message):
    """The transcription model finished loading."""

    def __init__(self, model_name: str) -> None:
        super().__init__()
        self.model_name = model_name


class RecoveryStarted(Message):
    """Takes a crash left behind are being repaired and transcribed."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count


class RecoveryDone(Message):
    """Takes left behind by a crash were transcribed and stored."""

    def __init__(self, outcomes: Sequence[TakeOutcome]) -> None:
        super().__init__()
        self.outcomes = list(outcomes)


class PartialTranscript(Message):
    """New live text while recording (posted from the streaming thread): ``committed`` words
    will not change, ``provisional`` ones are the newest guess (shown dimmed)."""

    def __init__(self, committed: str, provisional: str = "") -> None:
        super().__init__()
        self.committed = committed
        self.provisional = provisional

    @property
    def text(self) -> str:
        return join_words([self.committed, self.provisional])


class TakeFinished(Message):
    """The take being recorded was stopped, transcribed, analysed and stored."""

    def __init__(self, outcome: TakeOutcome) -> None:
        super().__init__()
        self.outcome = outcome


class TakeDiscarded(Message):
    """The take being recorded was thrown away."""


class ImportDone(Message):
    """An audio file was imported, transcribed, analysed and stored as a take."""

    def __init__(self, outcome: TakeOutcome, question: Question) -> None:
        super().__init__()
        self.outcome = outcome
        self.question = question


class MicTestDone(Message):
    """The 3-second microphone test finished (``error``: what the recorder reported)."""

    def __init__(self, peak: float, overflows: int, error: str | None) -> None:
        super().__init__()
        self.peak = peak
        self.overflows = overflows
        self.error = error


class ExportDone(Message):
    """The report was written to ``path``."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class JobTermsReady(Message):
    """The job ad's key terms, split by the answer under review (``None``: no job ad)."""

    def __init__(self, terms: JobTerms | None) -> None:
        super().__init__()
        self.terms = terms


class FeedbackDrafted(Message):
    """The feedback request for an interview was drafted."""

    def __init__(self, request: FeedbackRequest) -> None:
        super().__init__()
        self.request = request


# -- requests from the screens (handled by the app) -------------------------------------------


class OpenPractice(Message):
    """Open the practice room for ``question``; ``record``: start recording at once."""

    def __init__(self, question: Question, *, record: bool = False) -> None:
        super().__init__()
        self.question = question
        self.record = record


class ShowReview(Message):
    """Show the review of a take; ``after_take``: it was just recorded or imported (leaving the
    review then also leaves the practice room)."""

    def __init__(self, data: ReviewData, *, after_take: bool = False) -> None:
        super().__init__()
        self.data = data
        self.after_take = after_take


class OpenHistory(Message):
    """Show every take of one question."""

    def __init__(self, question_id: str) -> None:
        super().__init__()
        self.question_id = question_id


class OpenCompare(Message):
    """Compare take ``take_b`` against the older ``take_a``."""

    def __init__(self, take_a: int, take_b: int) -> None:
        super().__init__()
        self.take_a = take_a
        self.take_b = take_b


class OpenTrends(Message):
    """Trends of one question (or of all of them: ``None``)."""

    def __init__(self, question_id: str | None = None) -> None:
        super().__init__()
        self.question_id = question_id


class OpenStories(Message):
    """The story bank."""


class OpenInterviews(Message):
    """The interview log."""


class OpenDevices(Message):
    """Pick and test the microphone."""


class ExportRequested(Message):
    """Ask for a format and path, then write a report (of one question, or all)."""

    def __init__(self, question_id: str | None = None) -> None:
        super().__init__()
        self.question_id = question_id


class ImportRequested(Message):
    """Pick an audio file and import it as a take of ``question``."""

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.question = question


class DeleteTake(Message):
    """Move a take to the trash (``u`` brings it back); ``label`` names it to the user."""

    def __init__(self, take_id: int, label: str) -> None:
        super().__init__()
        self.take_id = take_id
        self.label = label
