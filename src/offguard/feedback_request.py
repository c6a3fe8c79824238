"""The feedback request after an interview, and specific follow-up questions when the feedback
the user received was generic.

The email follows the advice offguard is built on: thank them, say you are always working to
improve, ask whether they have any input, and never argue the decision. Whether logged feedback
is generic is the coach's own judgement (:func:`offguard.analysis.analyze_text`: its verdict and
the specifics it found), plus the stock phrases of a rejection ("a better fit", "more closely
matched", "at this time") when the feedback names nothing from the interview. The follow-up
questions ask about what caught the user off guard in that interview and about the job ad's
key terms, so the answer can be specific.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offguard.store.records import InterviewRecord


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Phrases of a stock rejection that say nothing about the interview itself.
STOCK_PHRASES = re.compile(
    r"\b(?:better (?:fit|match|suited)|(?:more )?closely match|strong field|"
    r"(?:high|large) (?:number|volume) of|at this (?:time|stage)|on this occasion|"
    r"not to (?:progress|proceed|move forward)|other candidates?|another candidate|"
    r"a candidate whose|went with|decided to|wish you|best of luck|future (?:roles|vacancies|"
    r"opportunities)|lacked? (?:depth|experience)|in some areas|overall|keep your (?:cv|details))",
    re.IGNORECASE,
)
#: Specifics of the coach that tie feedback to something that happened in the interview.
_ANCHORS = frozenset({"named-entity", "number", "time", "place", "event"})


@dataclass(frozen=True)
class FeedbackRequest:
    """A drafted email, and what offguard made of the feedback already received."""

    subject: str
    email: str
    feedback_generic: bool | None
    """True/False for logged feedback; None when no feedback is logged yet."""
    follow_up_questions: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "email": self.email,
            "feedback_generic": self.feedback_generic,
            "follow_up_questions": list(self.follow_up_questions),
        }


def feedback_is_generic(feedback: str, interview_words: set[str] | None = None) -> bool:
    """Is this feedback generic? The coach's verdict on it, or stock rejection phrases with
    nothing particular (no name, number, time, event, nor a word of the interview's questions)."""
    from offguard.analysis import analyze_text

    analysis = analyze_text(feedback)
    if analysis.verdict == "generic":
        return True
    anchored = any(s.kind in _ANCHORS for s in analysis.specifics)
    mentions = bool(interview_words and interview_words & _content_words(feedback))
    return bool(STOCK_PHRASES.search(feedback)) and not anchored and not mentions


def draft(interview: InterviewRecord, sender: str = "") -> FeedbackRequest:
    """The feedback request for one logged interview."""
    role = interview.role.strip()
    company = interview.company.strip()
    position = f"the {role} role at {company}" if role else f"the role at {company}"
    subject = f"Thank you - {role} interview" if role else f"Thank you - interview at {company}"
    feedback = interview.feedback.strip()
    question_words: set[str] = set()
    for q in interview.questions:
        question_words |= _content_words(q.text)
    generic: bool | None = None
    if feedback:
        generic = feedback_is_generic(feedback, question_words)
    follow_ups = tuple(follow_up_questions(interview)) if generic is not False else ()
    when = _on_date(interview.date)
    lines = [
        "Dear hiring team,",
        "",
        f"Thank you for taking the time to interview me for {position}{when}. "
        "I enjoyed learning more about the team and the work.",
        "",
    ]
    if interview.outcome == "rejection":
        lines[2] += " Thank you, too, for letting me know your decision."
    if not feedback:
        lines.append(
            "I am always working to improve, so I would be grateful for any input you are "
            "able to share on my interview."
        )
        if follow_ups:
            lines += ["", "If it helps, these are the points I would most value a view on:"]
            lines += [f"- {q}" for q in follow_ups]
    elif generic:
        lines.append(
            "Thank you for the feedback you shared. I am always working to improve, and a "
            "little more detail would help me a great deal, if you have a moment:"
        )
        lines += [f"- {q}" for q in follow_ups]
    else:
        lines.append(
            "Thank you for your feedback; it is specific and genuinely useful, and I am "
            "already working on it. I am always trying to improve, so if there is anything "
            "else you noticed, I would welcome it."
        )
    lines += [
        "",
        f"Thank you again for your time. I would be glad to be considered for future roles "
        f"at {company}.",
        "",
        "Best regards,",
        sender.strip() or "[Your name]",
    ]
    email = f"Subject: {subject}\n\n" + "\n".join(lines) + "\n"
    return FeedbackRequest(subject, email, generic, follow_ups)


def follow_up_questions(interview: InterviewRecord, limit: int = 3) -> list[str]:
    """2-3 specific questions: about the questions that caught the user off guard, the job
    ad's most important terms, and which answer held them back."""
    out: list[str] = []
    for q in interview.questions[:2]:
        # no full stop before the comma: "...your manager's priorities", not 'priorities.",'
        text = " ".join(q.text.split()).rstrip(". ")
        if text:
            out.append(f'When you asked me "{text}", what would a stronger answer have included?')
    if interview.job_description.strip() and len(out) < limit:
        from offguard.analysis.job_terms import extract_terms

        terms = [t.text for t in extract_terms(interview.job_description, limit=2)]
        if terms:
            named = " and ".join(terms)
            out.append(
                f"Would it have helped to hear more about my experience with {named}, and if "
                "so, what would you have wanted to hear?"
            )
    generic_asks = [
        "Was there one answer in particular that held me back, and what would you have "
        "wanted to hear instead?",
        "Is there one skill or experience you would suggest I build before applying for a "
        "similar role?",
    ]
    for ask in generic_asks:
        if len(out) >= 2:
            break
        out.append(ask)
    return out[:limit]


def _on_date(iso: str) -> str:
    """' on 20 November' for an ISO date ('' when there is none or it is not a date)."""
    from datetime import date

    try:
        day = date.fromisoformat(iso.strip()[:10])
    except ValueError:
        return ""
    return f" on {day.day} {day:%B}"


_STOP = _words(
    "the a an and or of to in on at for with about you your me my i we our it is was what "
    "how why when tell time do did have had this that which who would could"
)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}
