"""The practice room: the question, a timer, the input level and the live transcript."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.console import Group
from rich.markup import escape
from rich.padding import Padding
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import Label, LoadingIndicator, Static

from offguard.errors import AudioUnavailable, OffguardError
from offguard.formatting import fmt_duration
from offguard.questions import Question
from offguard.transcription.types import ATTACHED, LiveText
from offguard.ui.feedback import ReviewData, bullet_list
from offguard.ui.messages import (
    DiscardFailed,
    ImportRequested,
    PartialTranscript,
    ShowReview,
    TakeDiscarded,
    TakeFailed,
    TakeFinished,
)
from offguard.ui.ports import ActiveTakeLike
from offguard.ui.screens.base import OffguardScreen
from offguard.ui.screens.modals import ConfirmScreen
from offguard.ui.services import Services
from offguard.ui.widgets.key_footer import KeyFooter
from offguard.ui.widgets.level_meter import LevelMeter
from offguard.ui.widgets.title_bar import TitleBar

TARGET_STEP = 15


class PracticeScreen(OffguardScreen):
    """``r`` records, ``r`` again stops and shows the review (``record=True``: start at once)."""

    CSS_PATH = "practice.tcss"
    TITLE = "Practice"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "record", "Record"),
        Binding("r", "stop", "Stop"),
        Binding("t", "toggle_tips", "Probes & tips"),
        Binding("plus,equals_sign", "target(1)", "Target +15s"),
        Binding("minus", "target(-1)", "Target -15s"),
        Binding("i", "import_audio", "Import audio"),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(self, services: Services, question: Question, *, record: bool = False) -> None:
        super().__init__(services)
        self.question = question
        self.record_on_mount = record
        self.active: ActiveTakeLike | None = None
        self.stopping = False
        self._ticker: Timer | None = None
        self._leave_after_discard = False
        self._quit_after_discard = False

    @property
    def recording(self) -> bool:
        return self.active is not None and not self.stopping

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="practice-body"):
            with VerticalScroll(id="question-box"):  # a very long question scrolls here
                yield Static(Text(self.question.text, style="bold"), id="question")
            yield Static(self._tips_text(), id="tips")
            with Horizontal(id="status-row"):
                yield Label("", id="state")
                yield Label("", id="timer")
                yield LevelMeter(id="meter")
            yield Static("", id="problem")
            yield LoadingIndicator(id="busy")
            yield Static("", id="live")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#tips").display = False
        self.query_one("#busy").display = False
        self.query_one("#problem").display = False
        self._show_ready()
        if self.record_on_mount:
            self.action_record()

    def scope_question_id(self) -> str | None:
        return self.question.id

    def _tips_text(self) -> Group | Text:
        parts: list[Text | Padding] = []
        if self.question.probes:
            parts.append(Text("What they are testing", style="bold"))
            parts.append(Padding(bullet_list(list(self.question.probes), "dim"), (0, 0, 0, 2)))
        if self.question.tips:
            parts.append(Text("How to answer", style="bold"))
            parts.append(Padding(bullet_list(list(self.question.tips), "dim"), (0, 0, 0, 2)))
        if not parts:
            return Text("No probes or tips for this question.", style="dim")
        return Group(*parts)

    # -- display -------------------------------------------------------------------------

    def _set_state(self, text: str) -> None:
        self.query_one("#state", Label).update(text)

    def _show_ready(self) -> None:
        self._set_state("[b]Ready[/b]: press [b]r[/b] to record")
        self._show_timer(0.0)
        live = self.query_one("#live", Static)
        live.update(Text("Your words appear here while you speak.", style="dim italic"))

    def _show_timer(self, elapsed: float) -> None:
        target = self.services.settings.target_seconds
        over = elapsed > target
        style = "bold red" if over else "bold"
        self.query_one("#timer", Label).update(
            Text.assemble((fmt_duration(elapsed), style), f" / {fmt_duration(target)}")
        )

    def _show_problem(self, text: str | None) -> None:
        problem = self.query_one("#problem", Static)
        problem.display = bool(text)
        problem.update(text or "")

    def _tick(self) -> None:
        active = self.active
        if active is None:
            return
        level = active.level
        self.query_one(LevelMeter).set_level(level.rms, level.peak)
        self._show_timer(active.elapsed)
        if active.overflows:
            self._set_state(
                f"[b red]● Recording[/b red]: press [b]r[/b] to stop "
                f"[yellow]({active.overflows} dropped blocks)[/yellow]"
            )
        error = active.error
        if error and not self.stopping:
            self._show_problem(f"[b red]Recording problem:[/b red] {escape(error)}")

    # -- recording -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "record":
            return self.active is None and not self.stopping
        if action == "stop":
            return self.active is not None and not self.stopping
        if action in ("import_audio", "target"):
            return self.active is None and not self.stopping
        return True

    def action_record(self) -> None:
        """Start recording (also what ``r`` on the review does: "Record again")."""
        if self.active is not None or self.stopping:
            return
        self._show_problem(None)
        try:
            self.active = self.services.practice.start_take(self.question, on_partial=self._partial)
        except AudioUnavailable as exc:
            fix = f"\n[b]Fix:[/b] {escape(exc.fix)}" if exc.fix else ""
            self._show_problem(
                f"[b red]Cannot record:[/b red] {escape(exc.message)}{fix}\n"
                "You can still import an audio file of your answer: press [b]i[/b]."
            )
            return
        except Exception as exc:
            self._show_problem(f"[b red]Cannot record:[/b red] {escape(str(exc))}")
            if not isinstance(exc, OffguardError):
                self.report(exc, title="Cannot record")
            return
        self._set_state("[b red]● Recording[/b red]: press [b]r[/b] to stop")
        self.query_one("#live", Static).update("")
        self._ticker = self.set_interval(0.1, self._tick)
        self.refresh_bindings()

    def _partial(self, live: LiveText) -> None:
        """Called from the streaming thread: hand the text to the UI thread."""
        self.post_message(PartialTranscript(live.committed, live.provisional))

    def on_partial_transcript(self, message: PartialTranscript) -> None:
        """Committed words in full, the provisional rest dimmed (it may still change)."""
        if self.active is not None:
            text = Text(message.committed)
            if message.provisional:
                attached = message.provisional.startswith(ATTACHED)
                text.append(" " if message.committed and not attached else "")
                text.append(message.provisional, style="dim")
            self.query_one("#live", Static).update(text)
            self.query_one("#practice-body", VerticalScroll).scroll_end(animate=False)

    def action_stop(self) -> None:
        if self.active is None or self.stopping:
            return
        self.stopping = True
        self._stop_ticker()
        self.query_one(LevelMeter).set_level(0.0, 0.0)
        self._set_state("[b]Transcribing the last seconds...[/b]")
        self.query_one("#busy").display = True
        self.refresh_bindings()
        self.finish_take(self.active)

    @work(thread=True, exclusive=True, exit_on_error=False, group="take")
    def finish_take(self, active: ActiveTakeLike) -> None:
        from offguard.practice import TakeTooShort

        try:
            outcome = active.stop()
        except TakeTooShort as exc:
            self.post_message(TakeFailed.from_error(exc, "Take not stored"))
            return
        except Exception as exc:
            self.post_message(TakeFailed.from_error(exc))
            return
        self.post_message(TakeFinished(outcome))

    @on(TakeFinished)
    def _finished(self, message: TakeFinished) -> None:
        self._reset()
        outcome = message.outcome
        if outcome.error:
            self.notify(outcome.error, title="Take saved with a problem", severity="warning")
        data = ReviewData.from_outcome(outcome, self.question)
        self.post_message(ShowReview(data, after_take=True))

    @on(TakeFailed)
    @on(DiscardFailed)
    def _not_finished(self, message: TakeFailed | DiscardFailed) -> None:
        """Reset; the message goes on to the app, which shows it."""
        self._reset()
        self._show_problem(
            f"[b red]{escape(message.title)}:[/b red] {escape(message.problem.text)}"
        )

    def _reset(self) -> None:
        self._stop_ticker()
        self.active = None
        self.stopping = False
        self.query_one("#busy").display = False
        self.query_one(LevelMeter).set_level(0.0, 0.0)
        self._show_ready()
        self.refresh_bindings()

    def _stop_ticker(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None

    # -- leaving -------------------------------------------------------------------------

    def action_leave(self) -> None:
        if self.stopping:
            self.notify("Finishing the take; one moment.")
            return
        if self.active is not None:
            self.confirm_discard()
            return
        self.dismiss()

    def confirm_discard(self, then_quit: bool = False) -> None:
        def answer(discard: bool | None) -> None:
            if discard and self.active is not None:
                self._leave_after_discard = not then_quit
                self._quit_after_discard = then_quit
                self.stopping = True
                self._stop_ticker()
                self._set_state("[b]Discarding the take...[/b]")
                self.refresh_bindings()
                self.discard_take(self.active)

        self.app.push_screen(ConfirmScreen("Discard the take you are recording?"), answer)

    @work(thread=True, exclusive=True, exit_on_error=False, group="take")
    def discard_take(self, active: ActiveTakeLike) -> None:
        try:
            active.discard()
        except Exception as exc:
            self.post_message(DiscardFailed.from_error(exc))
            return
        self.post_message(TakeDiscarded())

    @on(TakeDiscarded)
    def _discarded(self, message: TakeDiscarded) -> None:
        message.stop()
        self._reset()
        if self._quit_after_discard:
            self.app.exit()
        elif self._leave_after_discard:
            self.dismiss()
        else:
            self.notify("Take discarded.")

    def on_unmount(self) -> None:
        self._stop_ticker()

    # -- other keys ----------------------------------------------------------------------

    def action_toggle_tips(self) -> None:
        tips = self.query_one("#tips")
        tips.display = not tips.display

    def action_target(self, direction: int) -> None:
        settings = self.services.settings
        target = max(TARGET_STEP, min(settings.target_seconds + direction * TARGET_STEP, 600))
        try:
            self.services.change_settings(replace(settings, target_seconds=target))
        except Exception as exc:
            self.report(exc, title="Cannot save the settings")
        self._show_timer(0.0)

    def action_import_audio(self) -> None:
        self.post_message(ImportRequested(self.question))
