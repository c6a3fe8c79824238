"""Real interviews the user logged, and per-question / per-take summaries for the progress views."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from offguard.errors import OffguardError
from offguard.store.base import StoreBase
from offguard.store.connection import utc_now
from offguard.store.records import (
    DONE_STATUSES,
    OUTCOMES,
    InterviewQuestion,
    InterviewRecord,
    QuestionStats,
    TakeSummary,
)

_DONE = "(" + ", ".join(f"'{s}'" for s in DONE_STATUSES) + ")"
_RECENT = 3

_SUMMARY_SQL = """
SELECT t.id, t.question_id, t.started_at, t.duration, t.status, t.audio_path, t.story,
       {transcript} AS transcript, a.verdict, a.specificity,
       json_extract(a.data, '$.delivery.wpm') AS wpm,
       json_extract(a.data, '$.delivery.fillers_per_min') AS fillers_per_min,
       json_extract(a.data, '$.delivery.fillers_per_100_words') AS fillers_per_100_words
FROM takes t
{join}
LEFT JOIN analyses a ON a.id = (SELECT max(id) FROM analyses WHERE take_id = t.id)
"""
_TRANSCRIPT_JOIN = (
    "LEFT JOIN transcripts tr ON tr.id = (SELECT max(id) FROM transcripts WHERE take_id = t.id)"
)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


class InterviewsMixin(StoreBase):
    def add_interview(
        self,
        *,
        company: str,
        role: str = "",
        date: str = "",
        stage: str = "",
        outcome: str = "pending",
        feedback: str = "",
        reflection: str = "",
        job_description: str = "",
    ) -> int:
        """Log a real interview; returns its id."""
        if outcome not in OUTCOMES:
            raise OffguardError(
                f"Unknown interview outcome {outcome!r}.", f"use one of {', '.join(OUTCOMES)}."
            )
        if not company.strip():
            raise OffguardError("An interview needs a company.", "give it with --company NAME.")
        cursor = self._db.execute(
            "INSERT INTO interviews (company, role, date, stage, outcome, feedback, reflection, "
            "job_description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                company.strip(),
                role,
                date,
                stage,
                outcome,
                feedback,
                reflection,
                job_description,
                utc_now(),
            ),
        )
        return int(cursor.lastrowid or 0)

    def update_interview(
        self,
        interview_id: int,
        *,
        feedback: str | None = None,
        reflection: str | None = None,
        job_description: str | None = None,
        outcome: str | None = None,
    ) -> None:
        """Change what was logged about an interview (only the fields given)."""
        if outcome is not None and outcome not in OUTCOMES:
            raise OffguardError(
                f"Unknown interview outcome {outcome!r}.", f"use one of {', '.join(OUTCOMES)}."
            )
        changes = {
            "feedback": feedback,
            "reflection": reflection,
            "job_description": job_description,
            "outcome": outcome,
        }
        given = {k: v for k, v in changes.items() if v is not None}
        if self.get_interview(interview_id) is None:
            raise OffguardError(
                f"There is no interview {interview_id}.", "list them with `offguard interviews`."
            )
        if given:
            sets = ", ".join(f"{column} = ?" for column in given)
            self._db.execute(
                f"UPDATE interviews SET {sets} WHERE id = ?", (*given.values(), interview_id)
            )

    def get_interview(self, interview_id: int) -> InterviewRecord | None:
        """One logged interview with its questions (``None`` when there is no such id)."""
        return next((i for i in self.list_interviews() if i.id == interview_id), None)

    def set_practice_job_ad(self, text: str) -> None:
        """The job ad of the current practice session ('' clears it)."""
        self._db.execute(
            "INSERT INTO job_ads (text, created_at) VALUES (?, ?)", (text.strip(), utc_now())
        )

    def practice_job_ad(self) -> str:
        """The current practice session's job ad ('' when none)."""
        row = self._db.fetchone("SELECT text FROM job_ads ORDER BY id DESC LIMIT 1")
        return str(row["text"]) if row else ""

    def job_ad_for_take(self, take_id: int) -> str:
        """The job ad a take is judged against: the newest interview with a job description
        that asked the take's question, else the practice session's job ad ('' when none)."""
        row = self._db.fetchone(
            "SELECT i.job_description FROM takes t "
            "JOIN interview_questions iq ON iq.question_id = t.question_id "
            "JOIN interviews i ON i.id = iq.interview_id "
            "WHERE t.id = ? AND i.job_description != '' "
            "ORDER BY i.date DESC, i.id DESC LIMIT 1",
            (take_id,),
        )
        if row and row["job_description"]:
            return str(row["job_description"])
        return self.practice_job_ad()

    def link_interview_question(
        self, interview_id: int, question_id: str, what_went_wrong: str = ""
    ) -> None:
        """Attach a question that came up in the interview; it is marked off-guard too."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO interview_questions (interview_id, question_id, what_went_wrong) "
                "VALUES (?, ?, ?) ON CONFLICT(interview_id, question_id) DO UPDATE SET "
                "what_went_wrong = excluded.what_went_wrong",
                (interview_id, question_id, what_went_wrong),
            )
            conn.execute(
                "INSERT INTO questions (id, off_guard, created_at) VALUES (?, 1, ?) "
                "ON CONFLICT(id) DO UPDATE SET off_guard = 1",
                (question_id, utc_now()),
            )

    def list_interviews(self) -> list[InterviewRecord]:
        """All logged interviews, newest first, each with its linked questions."""
        links: dict[int, list[InterviewQuestion]] = {}
        for row in self._db.fetchall(
            "SELECT iq.interview_id, iq.question_id, iq.what_went_wrong, "
            "COALESCE(q.text, '') AS text FROM interview_questions iq "
            "LEFT JOIN questions q ON q.id = iq.question_id ORDER BY iq.rowid"
        ):
            links.setdefault(row["interview_id"], []).append(
                InterviewQuestion(row["question_id"], row["text"], row["what_went_wrong"])
            )
        rows = self._db.fetchall("SELECT * FROM interviews ORDER BY date DESC, id DESC")
        return [
            InterviewRecord(
                id=row["id"],
                company=row["company"],
                role=row["role"],
                date=row["date"],
                stage=row["stage"],
                outcome=row["outcome"],
                feedback=row["feedback"],
                reflection=row["reflection"],
                created_at=row["created_at"],
                questions=tuple(links.get(row["id"], ())),
                job_description=row["job_description"],
            )
            for row in rows
        ]

    def question_stats(self) -> dict[str, QuestionStats]:
        """Per question: times practised, last verdict and score, last practised, off-guard."""
        counts = {
            row["question_id"]: (int(row["n"]), str(row["last"]))
            for row in self._db.fetchall(
                "SELECT question_id, count(*) AS n, max(started_at) AS last FROM takes "
                f"WHERE deleted_at IS NULL AND status IN {_DONE} GROUP BY question_id"
            )
        }
        recent: dict[str, list[tuple[str, float]]] = {}
        for row in self._db.fetchall(
            "SELECT t.question_id, a.verdict, a.specificity FROM takes t "
            "JOIN analyses a ON a.id = (SELECT max(id) FROM analyses WHERE take_id = t.id) "
            f"WHERE t.deleted_at IS NULL AND t.status IN {_DONE} "
            "ORDER BY t.question_id, t.started_at DESC, t.id DESC"
        ):
            seen = recent.setdefault(row["question_id"], [])
            if len(seen) < _RECENT:
                seen.append((str(row["verdict"]), float(row["specificity"])))
        off_guard = {
            str(row["id"])
            for row in self._db.fetchall("SELECT id FROM questions WHERE off_guard = 1")
        }
        stats: dict[str, QuestionStats] = {}
        for question_id in set(counts) | off_guard:
            times, last = counts.get(question_id, (0, None))
            scores = recent.get(question_id, [])
            stats[question_id] = QuestionStats(
                question_id=question_id,
                times_practised=times,
                last_verdict=scores[0][0] if scores else None,
                last_specificity=scores[0][1] if scores else None,
                last_practised=last,
                off_guard=question_id in off_guard,
                recent_specificity=tuple(score for _, score in scores),
            )
        return stats

    def take_summaries(
        self,
        question_id: str | None = None,
        *,
        take_ids: Sequence[int] | None = None,
        include_deleted: bool = False,
        with_transcript: bool = True,
    ) -> list[TakeSummary]:
        """Takes oldest first with their latest transcript, verdict and delivery metrics.

        One query. ``with_transcript=False`` leaves ``transcript`` as ``None`` (faster, for
        trends and the story bank).
        """
        where: list[str] = []
        params: list[Any] = []
        if question_id is not None:
            where.append("t.question_id = ?")
            params.append(question_id)
        if take_ids is not None:
            where.append(f"t.id IN ({', '.join('?' * len(take_ids)) or 'NULL'})")
            params.extend(take_ids)
        if not include_deleted:
            where.append("t.deleted_at IS NULL")
        sql = _SUMMARY_SQL.format(
            transcript="tr.text" if with_transcript else "NULL",
            join=_TRANSCRIPT_JOIN if with_transcript else "",
        )
        sql += " WHERE " + " AND ".join(where) if where else ""
        rows = self._db.fetchall(sql + " ORDER BY t.started_at, t.id", params)
        return [
            TakeSummary(
                take_id=row["id"],
                question_id=row["question_id"],
                started_at=row["started_at"],
                duration=row["duration"],
                status=row["status"],
                audio_path=self.absolute(row["audio_path"]),
                story=row["story"],
                transcript=row["transcript"],
                verdict=row["verdict"],
                specificity=_number(row["specificity"]),
                wpm=_number(row["wpm"]),
                fillers_per_min=_number(row["fillers_per_min"]),
                fillers_per_100_words=_number(row["fillers_per_100_words"]),
            )
            for row in rows
        ]
