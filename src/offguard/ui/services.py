"""The parts every screen works with, handed down by the app (attributes down, messages up).

The app builds one :class:`Services` from what :func:`offguard.ui.factory.make_app` was given
and passes it to each screen it opens; screens never reach up to the app for them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from offguard.audio.player import Player
from offguard.audio.recorder import RecorderFactory
from offguard.config import Settings, save_settings
from offguard.errors import OffguardError
from offguard.questions import Question, QuestionBank
from offguard.store import Store
from offguard.transcription.types import Transcriber
from offguard.ui.ports import DeviceLister, PlayerFactory, PracticeFactory, TakeService

#: The log file in the data folder (the CLI sets up the handler; see offguard.cli.tui).
LOG_NAME = "offguard.log"


@dataclass
class Services:
    """Settings, store, question bank, model and audio; ``practice`` is built on first use."""

    settings: Settings
    store: Store
    bank: QuestionBank
    transcriber: Transcriber
    recorder_factory: RecorderFactory
    player_factory: PlayerFactory
    practice_factory: PracticeFactory
    device_lister: DeviceLister | None = None

    def __post_init__(self) -> None:
        self._practice: TakeService | None = None
        self._lock = threading.Lock()

    @property
    def practice(self) -> TakeService:
        """The take service (built on first use, from any thread)."""
        with self._lock:
            if self._practice is None:
                self._practice = self.practice_factory()
            return self._practice

    @property
    def log_path(self) -> Path:
        return self.settings.data_dir / LOG_NAME

    def change_settings(self, settings: Settings) -> None:
        """Use ``settings`` from now on and save them (raises :class:`OffguardError` when they
        cannot be saved; they still apply to this session). Only the keys that differ from
        the settings in use are written: a flag or environment override is never saved."""
        before, after = self.settings.to_json(), settings.to_json()
        changed = {key: value for key, value in after.items() if before.get(key) != value}
        self.settings = settings
        if changed:
            save_settings(settings, changed)

    def questions(self) -> list[Question]:
        """The bank, then the user's own questions (a user question replaces a bank one)."""
        own = list(self.store.user_questions())
        own_ids = {q.id for q in own}
        return [q for q in self.bank.questions if q.id not in own_ids] + own

    def question_text(self, question_id: str) -> str:
        """The question's text from the bank, else the store, else its id."""
        question = self.bank.get(question_id)
        if question is not None:
            return question.text
        try:
            return self.store.question_text(question_id) or question_id
        except OffguardError:
            return question_id

    def question(self, question_id: str) -> Question:
        """The question with ``question_id`` (a stand-in with its text when it is unknown)."""
        found = self.bank.get(question_id)
        if found is not None:
            return found
        try:
            found = next((q for q in self.store.user_questions() if q.id == question_id), None)
        except OffguardError:
            found = None
        return found or Question(question_id, self.question_text(question_id), "unknown")

    def player(self, path: Path) -> Player:
        """A player for ``path`` (raises :class:`OffguardError` when it cannot play)."""
        return self.player_factory(path)
