"""Plain records the store hands out: frozen dataclasses, JSON-ready with ``to_dict()``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Take statuses, from start to finish.
TAKE_STATUSES: tuple[str, ...] = ("recording", "saved", "recovered", "imported", "failed")
#: Statuses of a take that holds a usable answer.
DONE_STATUSES: tuple[str, ...] = ("saved", "recovered", "imported")
#: Interview outcomes.
OUTCOMES: tuple[str, ...] = ("pending", "offer", "rejection", "withdrawn")


@dataclass(frozen=True)
class TakeRecord:
    """One recorded (or imported) answer. ``audio_path`` is absolute."""

    id: int
    question_id: str
    started_at: str
    ended_at: str | None
    duration: float | None
    audio_path: Path
    device: str
    samplerate: int
    status: str
    overflows: int
    story: str | None
    deleted_at: str | None
    note: str | None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "question_id": self.question_id,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "duration": self.duration,
            "audio": str(self.audio_path),
            "device": self.device,
            "samplerate": self.samplerate,
            "status": self.status,
            "overflows": self.overflows,
            "story": self.story,
            "deleted_at": self.deleted_at,
            "note": self.note,
        }


@dataclass(frozen=True)
class AnalysisRecord:
    """The stored result of analysing one take's transcript (recomputable: ``version``)."""

    id: int
    take_id: int
    version: int
    verdict: str
    specificity: float
    data: dict[str, Any]
    created_at: str


@dataclass(frozen=True)
class InterviewQuestion:
    """A question that came up in a real interview, and what went wrong with it."""

    question_id: str
    text: str
    what_went_wrong: str


@dataclass(frozen=True)
class InterviewRecord:
    """A real interview the user logged, with the questions that caught them off guard."""

    id: int
    company: str
    role: str
    date: str
    stage: str
    outcome: str
    feedback: str
    reflection: str
    created_at: str
    questions: tuple[InterviewQuestion, ...] = ()
    job_description: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "company": self.company,
            "role": self.role,
            "date": self.date,
            "stage": self.stage,
            "outcome": self.outcome,
            "feedback": self.feedback,
            "reflection": self.reflection,
            "job_description": self.job_description,
            "created_at": self.created_at,
            "questions": [
                {"question_id": q.question_id, "text": q.text, "what_went_wrong": q.what_went_wrong}
                for q in self.questions
            ],
        }


@dataclass(frozen=True)
class QuestionStats:
    """How a question has been practised so far."""

    question_id: str
    times_practised: int = 0
    last_verdict: str | None = None
    last_specificity: float | None = None
    last_practised: str | None = None
    off_guard: bool = False
    recent_specificity: tuple[float, ...] = field(default=())
    """Specificity of the latest analysed takes, newest first (at most 3)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "times_practised": self.times_practised,
            "last_verdict": self.last_verdict,
            "last_specificity": self.last_specificity,
            "last_practised": self.last_practised,
            "off_guard": self.off_guard,
            "recent_specificity": list(self.recent_specificity),
        }


@dataclass(frozen=True)
class TakeSummary:
    """A take with its latest transcript text, verdict and delivery metrics, for lists."""

    take_id: int
    question_id: str
    started_at: str
    duration: float | None
    status: str
    audio_path: Path
    story: str | None
    transcript: str | None
    verdict: str | None
    specificity: float | None
    wpm: float | None
    fillers_per_min: float | None
    fillers_per_100_words: float | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.take_id,
            "question_id": self.question_id,
            "started_at": self.started_at,
            "duration": self.duration,
            "audio": str(self.audio_path),
            "status": self.status,
            "story": self.story,
            "transcript": self.transcript,
            "wpm": self.wpm,
            "fillers_per_min": self.fillers_per_min,
            "fillers_per_100_words": self.fillers_per_100_words,
        }
        if self.verdict is not None:
            data["verdict"] = self.verdict
            data["specificity"] = self.specificity
        return data
