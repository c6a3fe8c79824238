"""The question model: a :class:`Question`, the :class:`QuestionBank` of all that loaded (with
its :class:`BankProblem` list), the known categories and how names are normalised."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

#: The known categories, in display order. User banks may add others.
CATEGORIES: tuple[str, ...] = (
    "behavioural",
    "situational",
    "motivation",
    "strengths-weaknesses",
    "role-specific",
    "curveball",
    "closing",
)

#: Spellings people use for the known categories.
_CATEGORY_ALIASES = {
    "behavioral": "behavioural",
    "behaviour": "behavioural",
    "behavior": "behavioural",
    "strengths": "strengths-weaknesses",
    "weaknesses": "strengths-weaknesses",
    "strengths-and-weaknesses": "strengths-weaknesses",
    "role": "role-specific",
    "technical": "role-specific",
    "curve-ball": "curveball",
    "curveballs": "curveball",
}

ANY_ROLE = "any"


def normalize_category(category: str) -> str:
    """``"Role_Specific"`` -> ``"role-specific"``; known aliases map to the known names."""
    key = "-".join(category.strip().lower().replace("_", " ").replace("-", " ").split())
    return _CATEGORY_ALIASES.get(key, key)


def normalize_role(role: str) -> str:
    """``"Software-Engineer"`` -> ``"software engineer"``."""
    return " ".join(role.strip().lower().replace("_", " ").replace("-", " ").split())


def user_question_id(text: str, taken: Collection[str]) -> str:
    """The id of a question the user adds: ``user-<slug of text>``, numbered until it is not in
    ``taken``."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-") or "q"
    base = f"user-{slug}"
    qid, n = base, 2
    while qid in taken:
        qid, n = f"{base}-{n}", n + 1
    return qid


def _role_matches(wanted: str, role: str) -> bool:
    """Exact match, or one role's words contained in the other's ("graphic designer"/"designer")."""
    if wanted == role:
        return True
    a, b = set(wanted.split()), set(role.split())
    return bool(a) and bool(b) and (a <= b or b <= a)


@dataclass(frozen=True)
class Question:
    """One interview question, with what it probes and how to answer it well."""

    id: str
    text: str
    category: str
    roles: tuple[str, ...] = (ANY_ROLE,)
    tags: tuple[str, ...] = ()
    probes: tuple[str, ...] = ()
    """What the interviewer is really testing."""
    tips: tuple[str, ...] = ()
    """How to answer specifically."""
    source: str = "bundled"
    """``"bundled"``, ``"user"`` (added in the app) or the user bank's file name."""

    def matches_role(self, role: str | None) -> bool:
        """True for ``None``/``"any"``, for questions meant for any role, and for that role."""
        if role is None:
            return True
        wanted = normalize_role(role)
        if not wanted or wanted == ANY_ROLE:
            return True
        return any(r == ANY_ROLE or _role_matches(wanted, r) for r in self.roles)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: tuples become lists."""
        return {
            "id": self.id,
            "text": self.text,
            "category": self.category,
            "roles": list(self.roles),
            "tags": list(self.tags),
            "probes": list(self.probes),
            "tips": list(self.tips),
            "source": self.source,
        }


@dataclass(frozen=True)
class BankProblem:
    """Something wrong in a bank file; the rest of the bank still loads."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class QuestionBank:
    """All the questions that loaded, and the problems met on the way."""

    questions: list[Question] = field(default_factory=list)
    problems: list[BankProblem] = field(default_factory=list)

    def get(self, question_id: str) -> Question | None:
        for question in self.questions:
            if question.id == question_id:
                return question
        return None

    def categories(self) -> list[str]:
        """Categories present: the known ones in display order, then any others sorted."""
        present = {q.category for q in self.questions}
        known = [c for c in CATEGORIES if c in present]
        return known + sorted(present - set(CATEGORIES))

    def roles(self) -> list[str]:
        """Roles present, ``"any"`` first (when present), then alphabetically."""
        present = {r for q in self.questions for r in q.roles}
        head = [ANY_ROLE] if ANY_ROLE in present else []
        return head + sorted(present - {ANY_ROLE})

    def filter(
        self,
        *,
        category: str | None = None,
        role: str | None = None,
        search: str | None = None,
    ) -> list[Question]:
        """Questions in ``category``, for ``role``, containing every word of ``search``.

        The search is case-insensitive and looks at the text, tags, category, roles and id;
        each word may match part of a word ("salar" finds "salary").
        """
        wanted_category = normalize_category(category) if category else None
        words = search.lower().split() if search else []
        found: list[Question] = []
        for question in self.questions:
            if wanted_category and question.category != wanted_category:
                continue
            if not question.matches_role(role):
                continue
            if words:
                haystack = " ".join(
                    (question.id, question.text, question.category, *question.tags, *question.roles)
                ).lower()
                if not all(word in haystack for word in words):
                    continue
            found.append(question)
        return found
