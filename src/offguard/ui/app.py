"""The practice room app: holds the injected parts and runs the start-up work.

Build it with :func:`offguard.ui.factory.make_app`; the app never builds hardware or models.
It hands :class:`offguard.ui.services.Services` down to every screen; the screens post
messages up (:mod:`offguard.ui.messages`), handled here and in :mod:`offguard.ui.navigation`.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.theme import Theme

from offguard.config import Settings
from offguard.errors import OffguardError
from offguard.ui.messages import (
    DeleteTake,
    Failed,
    ModelFailed,
    ModelLoaded,
    Problem,
    RecoveryDone,
    RecoveryFailed,
    RecoveryStarted,
)
from offguard.ui.navigation import Navigator
from offguard.ui.screens.base import OffguardScreen
from offguard.ui.screens.interviews import NewInterview, save_interview
from offguard.ui.screens.keys_help import KeysScreen, key_rows
from offguard.ui.screens.practice import PracticeScreen
from offguard.ui.screens.questions import QuestionsScreen
from offguard.ui.screens.welcome import WelcomeScreen
from offguard.ui.services import Services

log = logging.getLogger("offguard.ui")
log.addHandler(logging.NullHandler())  # no handler set up: stay silent, never on stderr


class OffguardApp(Navigator):
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
        self, services: Services, *, load_on_start: bool = True, welcome: bool = True
    ) -> None:
        super().__init__()
        self.services = services
        self._welcome = welcome
        self.model_ready = False
        self.model_error: str | None = None
        self._load_on_start = load_on_start
        #: Deleted takes that ``u`` can bring back, latest last: (take id, label).
        self.trashed: list[tuple[int, str]] = []

    @property
    def settings(self) -> Settings:
        """The settings in use (the CLI's recorder factory reads the chosen device here)."""
        return self.services.settings

    # -- problems ----------------------------------------------------------------------------

    def show_problem(self, problem: Problem, title: str = "Problem") -> None:
        """One clear notification; an unexpected problem also names the log with its details."""
        text = problem.text
        if problem.unexpected:
            text = f"Unexpected problem: {text}\nDetails in {self.services.log_path}"
        self.notify(text, title=title, severity="error", timeout=12, markup=False)

    @on(Failed)
    def failed(self, message: Failed) -> None:
        self.show_problem(message.problem, message.title)

    def _handle_exception(self, error: Exception) -> None:
        """Last resort for a bug in a handler: log it and leave with one clear message instead
        of a traceback (Textual always exits after an unhandled exception)."""
        log.critical("unexpected error; the app stops", exc_info=error)
        if self.is_headless:  # tests: keep Textual's behaviour so the test fails loudly
            super()._handle_exception(error)
            return
        self.exit(return_code=1)
        self.panic(  # exits at once: this app's own message loop may have stopped
            Text(
                f"offguard stopped on an unexpected error: {type(error).__name__}: {error}\n"
                f"Your takes are saved. Details are in {self.services.log_path}",
                style="bold red",
            )
        )

    # -- start-up ----------------------------------------------------------------------------

    def on_mount(self) -> None:
        services = self.services
        if services.settings.theme in self.available_themes:
            self.theme = services.settings.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        try:
            services.store.sync_questions(services.bank.questions)
        except Exception as exc:
            self.show_problem(Problem.from_error(exc, "sync questions"))
        self.push_screen(QuestionsScreen(services, today=self._welcome))
        if self._welcome and self._first_run():
            self.push_screen(WelcomeScreen(), self._welcomed)
        if services.settings.problems:
            self.notify(
                "\n".join(services.settings.problems),
                title="Settings problems",
                severity="warning",
                timeout=15,
                markup=False,
            )
        problems = services.bank.problems
        if problems:
            shown = "\n".join(str(p) for p in problems[:4])
            if len(problems) > 4:
                shown += f"\n(and {len(problems) - 4} more)"
            self.notify(
                shown, title="Question bank problems", severity="warning", timeout=12, markup=False
            )
        if self._load_on_start:
            self.sub_title = f"loading model {services.transcriber.model_name}..."
            self.start_up()

    def _first_run(self) -> bool:
        """Nothing practised or logged yet: offguard starts with the first-run question."""
        store = self.services.store
        try:
            return not store.list_interviews() and not store.question_stats()
        except Exception:
            return False

    def _welcomed(self, new: NewInterview | None) -> None:
        """Log what the first-run form collected; today's queue then starts with it."""
        if new is None:
            return
        services = self.services
        try:
            known = {q.id for q in services.questions()}
            save_interview(services.store, new, known)
        except Exception as exc:
            self.show_problem(Problem.from_error(exc, "first run"), "Not saved")
            return
        for screen in self.screen_stack:
            if isinstance(screen, QuestionsScreen):
                screen.reload()
                screen.cursor_to_top()  # enter then practises what was just logged
        count = len(new.questions)
        logged = "1 question: it is" if count == 1 else f"{count} questions: they are"
        self.notify(
            f"Logged {logged} first in today's queue. Press enter to practise.",
            title="Interview log",
        )

    def _theme_changed(self, theme: Theme) -> None:
        settings = self.services.settings
        if theme.name != settings.theme:
            try:
                self.services.change_settings(replace(settings, theme=theme.name))
            except OffguardError as exc:
                self.show_problem(Problem.from_error(exc), "Cannot save the settings")

    @work(thread=True, exclusive=True, exit_on_error=False, group="startup")
    def start_up(self) -> None:
        """Load the model, then transcribe any take a crash left behind."""
        services = self.services
        try:
            services.transcriber.load()
        except Exception as exc:
            self.post_message(ModelFailed.from_error(exc))
            return
        self.post_message(ModelLoaded(services.transcriber.model_name))
        try:
            from offguard.analysis import preload

            preload()  # the coach's parser, so the first analysis is quick
        except OffguardError:
            pass  # reported when the coach is used
        try:
            pending = self._pending_recovery()
            if pending:
                self.post_message(RecoveryStarted(pending))
            outcomes = services.practice.recover_interrupted()
        except Exception as exc:
            self.post_message(RecoveryFailed.from_error(exc))
            return
        if outcomes:
            self.post_message(RecoveryDone(outcomes))

    def _pending_recovery(self) -> int:
        """How many takes a crash left behind (still 'recording', or recovered without text)."""
        store = self.services.store
        recovered = store.takes_with_status("recovered")
        count = len(store.takes_with_status("recording"))
        return count + sum(1 for take in recovered if store.latest_transcript(take.id) is None)

    def _model_status(self) -> None:
        if self.model_ready:
            self.sub_title = f"model {self.services.transcriber.model_name} ready"

    @on(ModelLoaded)
    def model_loaded(self, message: ModelLoaded) -> None:
        self.model_ready = True
        self.sub_title = f"model {message.model_name} ready"

    @on(ModelFailed)
    def model_failed(self, message: ModelFailed) -> None:
        self.model_error = message.problem.text
        self.sub_title = "model unavailable: recording still saves audio"

    @on(RecoveryStarted)
    def recovery_started(self, message: RecoveryStarted) -> None:
        noun = "take" if message.count == 1 else "takes"
        self.sub_title = f"recovering {message.count} interrupted {noun}..."
        self.notify(
            f"Recovering {message.count} interrupted {noun}: transcribing in the background.",
            title="Recovering",
        )

    @on(RecoveryDone)
    def recovered(self, message: RecoveryDone) -> None:
        from offguard.ui.screens.questions import QuestionsScreen

        count = len(message.outcomes)
        self._model_status()
        for screen in self.screen_stack:  # the takes count and scores of those questions
            if isinstance(screen, QuestionsScreen) and screen.questions:
                current = screen.current()
                screen.reload(keep=current.id if current else None)
        noun = "take" if count == 1 else "takes"
        self.notify(
            f"Recovered {count} {noun} interrupted last time; they are in each question's history.",
            title="Recovered",
        )

    @on(RecoveryFailed)
    def recovery_failed(self) -> None:
        self._model_status()

    # -- deleting takes (undo with u) ----------------------------------------------------------

    def _take_changed(self, take_id: int, deleted: bool) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, OffguardScreen):
                screen.take_changed(take_id, deleted)

    @on(DeleteTake)
    def delete_take(self, message: DeleteTake) -> None:
        """Move a take to the trash folder; ``u`` brings it back."""
        try:
            self.services.store.delete_take(message.take_id)
        except Exception as exc:
            self.show_problem(Problem.from_error(exc, "delete"), "Cannot delete")
            self._take_changed(message.take_id, deleted=False)
            return
        self.trashed.append((message.take_id, message.label))
        self.notify(
            f"{message.label} moved to trash — press u to undo", title="Deleted", markup=False
        )
        self.refresh_bindings()
        self._take_changed(message.take_id, deleted=True)

    def action_undo_delete(self) -> None:
        if not self.trashed:
            return
        take_id, label = self.trashed[-1]
        try:
            self.services.store.restore_take(take_id)
        except Exception as exc:
            self.show_problem(Problem.from_error(exc, "restore"), "Cannot restore")
            return
        self.trashed.pop()
        self.notify(f"{label} restored.", title="Undone", markup=False)
        self.refresh_bindings()
        self._take_changed(take_id, deleted=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo_delete":
            return bool(self.trashed)
        return True

    # -- help and quitting ---------------------------------------------------------------------

    def action_show_keys(self) -> None:
        """List every key of the current screen (``?`` / F1)."""
        screen = self.screen
        if isinstance(screen, KeysScreen):
            return
        place = screen.title or type(screen).__name__.removesuffix("Screen")
        self.push_screen(KeysScreen(place, key_rows(self, screen), self.services.settings.data_dir))

    async def action_quit(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, PracticeScreen) and screen.recording:
                screen.confirm_discard(then_quit=True)
                return
        self.exit()
