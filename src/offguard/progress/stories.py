"""The story bank: which stories (tagged on takes) answer which questions, and its gaps.

A story that answers too many questions will be heard twice in one interview; a practised
question with no story yet has nothing concrete behind it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from offguard.store import Store

#: A story answering more distinct questions than this draws a warning.
MAX_QUESTIONS_PER_STORY = 3


@dataclass(frozen=True)
class Story:
    """One story and the questions (and takes) it answers."""

    name: str
    question_ids: tuple[str, ...]
    take_ids: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "question_ids": list(self.question_ids),
            "take_ids": list(self.take_ids),
        }


@dataclass(frozen=True)
class StoryReport:
    stories: list[Story]
    questions_without_story: list[str]
    overloaded: list[Story] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def stories_for(self, question_id: str) -> list[str]:
        return [s.name for s in self.stories if question_id in s.question_ids]

    def to_dict(self) -> dict[str, Any]:
        return {
            "stories": [s.to_dict() for s in self.stories],
            "questions_without_story": list(self.questions_without_story),
            "overloaded": [s.name for s in self.overloaded],
            "warnings": list(self.warnings),
        }


def stories(store: Store, question_ids: Iterable[str] | None = None) -> StoryReport:
    """Stories from the takes (names compared ignoring case), and what to fix.

    ``question_ids`` are the questions that should each have a story; by default every question
    with at least one take.
    """
    names: dict[str, str] = {}
    questions: dict[str, dict[str, None]] = {}
    takes: dict[str, list[int]] = {}
    practised: dict[str, None] = {}
    for take_id, question_id, story in store.take_stories():
        practised.setdefault(question_id, None)
        if not story:
            continue
        key = story.casefold()
        names.setdefault(key, story)
        questions.setdefault(key, {})[question_id] = None
        takes.setdefault(key, []).append(take_id)
    found = sorted(
        (Story(names[k], tuple(questions[k]), tuple(takes[k])) for k in names),
        key=lambda s: (-len(s.question_ids), s.name.casefold()),
    )
    covered = {q for s in found for q in s.question_ids}
    wanted = list(dict.fromkeys(question_ids)) if question_ids is not None else list(practised)
    missing = [q for q in wanted if q not in covered]
    overloaded = [s for s in found if len(s.question_ids) > MAX_QUESTIONS_PER_STORY]
    warnings = [
        f'"{s.name}" answers {len(s.question_ids)} different questions (more than '
        f"{MAX_QUESTIONS_PER_STORY}): an interviewer may hear it twice; find another story "
        "for some of them."
        for s in overloaded
    ]
    warnings += [f"{q} has no story yet: tag a take with the story it tells." for q in missing]
    return StoryReport(found, missing, overloaded, warnings)
