"""The practice room app: holds the injected parts and runs the start-up work.

Build it with :func:`offguard.ui.factory.make_app`; the app never builds hardware or models.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import Theme

from offguard.audio.recorder import RecorderFactory
from offguard.config import Settings, save_settings
from offguard.errors import OffguardError
from offguard.questions import Question, QuestionBank
from offguard.transcription.types import Transcriber
from offguard.ui.messages import (
    ModelReady,
    Recovering,
    TakeReady,
    TakesRecovered,
    WorkFailed,
)
from offguard.ui.ports import (
    DeviceLister,
    PlayerFactory,
    PracticeFactory,
    PracticeLike,
    StoreLike,
)

log = logging.getLogger("offguard.ui")
log.addHandler(logging.NullHandler())  # no handler set up: stay silent, never on stderr

#: The log file in the data folder (the CLI sets up the handler; see offguard.cli.tui).
LOG_NAME = "offguard.log"


class OffguardApp(App[None]):
    """Pick a question, answer aloud, read the feedback."""

    TITLE = "offguard"
    SUB_TITLE = "practise the questions that caught you off guard"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "show_keys", "Keys", tooltip="Every key of this screen"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("u", "undo_delete", "Undo delete", tooltip="Bring back the take you deleted"),
    ]

    def __init__(
        self,
        settings: Settings,
        *,
        store: StoreLike,
        transcriber: Transcriber,
        recorder_factory: RecorderFactory,
        practice_factory: PracticeFactory,
        bank: QuestionBank,
        player_factory: PlayerFactory | None = None,
        device_lister: DeviceLister | None = None,
        load_on_start: bool = True,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.store = store
        self.transcriber = transcriber
        self.recorder_factory = recorder_factory
        self.player_factory = player_factory
        self.device_lister = device_lister
        self.bank = bank
        self.model_ready = False
        self.model_error: str | None = None
        self._practice_factory = practice_factory
        self._practice: PracticeLike | None = None
        self._practice_lock = threading.Lock()
        self._load_on_start = load_on_start
        #: Deleted takes that ``u`` can bring back, latest last: (take id, label).
        self.trashed: list[tuple[int, str]] = []

    # -- parts -------------------------------------------------------------------------------

    @property
    def practice(self) -> PracticeLike:
        """The take service, built on first use (from any thread)."""
        with self._practice_lock:
            if self._practice is None:
                self._practice = self._practice_factory()
            return self._practice

    def all_questions(self) -> list[Question]:
        """The bank, then the user's own questions (a user question replaces a bank one)."""
        try:
            own = list(self.store.user_questions())
        except Exception as exc:
            self.show_error(exc)
            own = []
        own_ids = {q.id for q in own}
        return [q for q in self.bank.questions if q.id not in own_ids] + own

    def update_settings(self, **changes: Any) -> None:
        """Change and persist settings (model, device, target length, theme)."""
        self.settings = replace(self.settings, **changes)
        try:
            save_settings(self.settings)
        except Exception as exc:
            self.show_error(exc)

    @property
    def log_path(self) -> Path:
        return self.settings.data_dir / LOG_NAME

    def show_error(self, exc: BaseException | WorkFailed, title: str = "Problem") -> None:
        """One clear notification; an unexpected error also goes to the log with its details."""
        if isinstance(exc, WorkFailed):
            text = exc.text
            unexpected = exc.unexpected
        elif isinstance(exc, OffguardError):
            text, unexpected = str(exc), False
        else:
            log.error("%s", title, exc_info=exc)
            text, unexpected = f"{type(exc).__name__}: {exc}", True
        if unexpected:
            text = f"Unexpected problem: {text}\nDetails in {self.log_path}"
        self.notify(text, title=title, severity="error", timeout=12, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        """Last resort for a bug in a handler: log it and leave with one clear message instead
        of a traceback (Textual always exits after an unhandled exception)."""
        log.critical("unexpected error; the app stops", exc_info=error)
        if self.is_headless:  # tests: keep Textual's behaviour so the test fails loudly
            super()._handle_exception(error)
            return
        self._return_code = 1
        self.panic(
            Text(
                f"offguard stopped on an unexpected error: {type(error).__name__}: {error}\n"
                f"Your takes are saved. Details are in {self.log_path}",
                style="bold red",
            )
        )

    # -- start-up ----------------------------------------------------------------------------

    def on_mount(self) -> None:
        from offguard.ui.screens.questions import QuestionsScreen

        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        try:
            self.store.sync_questions(self.bank.questions)
        except Exception as exc:
            self.show_error(exc)
        self.push_screen(QuestionsScreen())
        if self.bank.problems:
            shown = "\n".join(str(p) for p in self.bank.problems[:4])
            more = len(self.bank.problems) - 4
            if more > 0:
                shown += f"\n(and {more} more)"
            self.notify(
                shown, title="Question bank problems", severity="warning", timeout=12, markup=False
            )
        if self._load_on_start:
            self.sub_title = f"loading model {self.transcriber.model_name}..."
            self.start_up()

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self.settings.theme:
            self.update_settings(theme=theme.name)

    @work(thread=True, exclusive=True, exit_on_error=False, group="startup")
    def start_up(self) -> None:
        """Load the model, then transcribe any take a crash left behind."""
        try:
            self.transcriber.load()
        except Exception as exc:
            self.post_message(WorkFailed.from_error("model", exc))
            return
        self.post_message(ModelReady(self.transcriber.model_name))
        try:
            pending = self._pending_recovery()
            if pending:
                self.post_message(Recovering(pending))
            outcomes = self.practice.recover_interrupted()
        except Exception as exc:
            self.post_message(WorkFailed.from_error("recover", exc))
            return
        if outcomes:
            self.post_message(TakesRecovered(outcomes))

    def _pending_recovery(self) -> int:
        """How many takes a crash left behind (still 'recording', or recovered without text)."""
        finder = getattr(self.store, "takes_with_status", None)
        latest = getattr(self.store, "latest_transcript", None)
        if not callable(finder):
            return 0
        count = len(finder("recording"))
        if callable(latest):
            count += sum(1 for take in finder("recovered") if latest(take.id) is None)
        return count

    def on_recovering(self, message: Recovering) -> None:
        noun = "take" if message.count == 1 else "takes"
        self.sub_title = f"recovering {message.count} interrupted {noun}..."
        self.notify(
            f"Recovering {message.count} interrupted {noun}: transcribing in the background.",
            title="Recovering",
        )

    def on_model_ready(self, message: ModelReady) -> None:
        self.model_ready = True
        self.sub_title = f"model {message.model_name} ready"

    def on_takes_recovered(self, message: TakesRecovered) -> None:
        count = len(message.outcomes)
        if self.model_ready:
            self.sub_title = f"model {self.transcriber.model_name} ready"
        noun = "take" if count == 1 else "takes"
        self.notify(
            f"Recovered {count} {noun} interrupted last time; they are in each question's history.",
            title="Recovered",
        )

    def on_work_failed(self, message: WorkFailed) -> None:
        if message.what == "model":
            self.model_error = message.text
            self.sub_title = "model unavailable: recording still saves audio"
        elif message.what == "recover" and self.model_ready:
            self.sub_title = f"model {self.transcriber.model_name} ready"
        titles = {"model": "Model unavailable", "recover": "Could not recover old takes"}
        self.show_error(message, title=titles.get(message.what, "Problem"))

    # -- importing an audio file -------------------------------------------------------------

    def start_import(self, path: Any, question: Question) -> None:
        from offguard.ui.screens.modals import BusyScreen

        self.push_screen(BusyScreen(f"Importing {path.name}: transcribing and analysing..."))
        self.import_audio(path, question)

    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def import_audio(self, path: Any, question: Question) -> None:
        try:
            outcome = self.practice.import_audio(path, question.id)
        except Exception as exc:
            self.post_message(WorkFailed.from_error("import", exc))
            self.call_from_thread(self._close_busy)
            return
        self.call_from_thread(self._close_busy)
        self.post_message(TakeReady(outcome, question))

    def _close_busy(self) -> None:
        from offguard.ui.screens.modals import BusyScreen

        if isinstance(self.screen, BusyScreen):
            self.pop_screen()

    @on(TakeReady)
    def _imported(self, message: TakeReady) -> None:
        self.show_review(message)

    def show_review(self, ready: TakeReady) -> None:
        """Push the review of a finished take; ``r`` there records again, escape goes back."""
        from offguard.ui.screens.practice import PracticeScreen
        from offguard.ui.screens.review import ReviewData, ReviewScreen

        question = ready.question

        def done(result: str | None) -> None:
            if result == "again" and not isinstance(self.screen, PracticeScreen):
                self.push_screen(PracticeScreen(question))
            elif result != "again" and isinstance(self.screen, PracticeScreen):
                self.pop_screen()

        self.push_screen(ReviewScreen(ReviewData.from_outcome(ready.outcome, question)), done)

    # -- deleting takes (undo with u) ----------------------------------------------------------

    def delete_take(self, take_id: int, label: str) -> bool:
        """Move a take to the trash folder; ``u`` brings it back. False when it failed."""
        try:
            self.store.delete_take(take_id)
        except Exception as exc:
            self.show_error(exc, title="Cannot delete")
            return False
        self.trashed.append((take_id, label))
        self.notify(f"{label} moved to trash — press u to undo", title="Deleted", markup=False)
        self.refresh_bindings()
        return True

    def action_undo_delete(self) -> None:
        if not self.trashed:
            return
        take_id, label = self.trashed[-1]
        try:
            self.store.restore_take(take_id)
        except Exception as exc:
            self.show_error(exc, title="Cannot restore")
            return
        self.trashed.pop()
        self.notify(f"{label} restored.", title="Undone", markup=False)
        self.refresh_bindings()
        for screen in self.screen_stack:
            restored = getattr(screen, "take_restored", None)
            if callable(restored):
                restored(take_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo_delete":
            return bool(self.trashed)
        return True

    # -- help ------------------------------------------------------------------------------

    def action_show_keys(self) -> None:
        """List every key of the current screen (``?`` / F1)."""
        from offguard.ui.screens.keys_help import KeysScreen, key_rows

        if isinstance(self.screen, KeysScreen):
            return
        place = getattr(self.screen, "PLACE", None) or type(self.screen).__name__.removesuffix(
            "Screen"
        )
        self.push_screen(KeysScreen(str(place), key_rows(self, self.screen)))

    # -- quitting ----------------------------------------------------------------------------

    async def action_quit(self) -> None:
        from offguard.ui.screens.practice import PracticeScreen

        for screen in self.screen_stack:
            if isinstance(screen, PracticeScreen) and screen.recording:
                screen.confirm_discard(then_quit=True)
                return
        self.exit()
