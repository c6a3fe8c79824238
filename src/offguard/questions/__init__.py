"""Interview questions: the bundled banks plus the user's own TOML files.

:mod:`offguard.questions.model` holds the :class:`Question` and :class:`QuestionBank` types;
:mod:`offguard.questions.bank_files` parses bank files and loads the bundled and user banks
(the file format is described there). Everything is importable from ``offguard.questions``.
"""

from __future__ import annotations

from offguard.questions.bank_files import bundled_banks_dir, load_questions, parse_bank
from offguard.questions.model import (
    ANY_ROLE,
    CATEGORIES,
    BankProblem,
    Question,
    QuestionBank,
    normalize_category,
    normalize_role,
    user_question_id,
)

__all__ = [
    "ANY_ROLE",
    "CATEGORIES",
    "BankProblem",
    "Question",
    "QuestionBank",
    "bundled_banks_dir",
    "load_questions",
    "normalize_category",
    "normalize_role",
    "parse_bank",
    "user_question_id",
]
