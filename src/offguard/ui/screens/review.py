"""The review of one take: verdict, highlighted transcript, STAR, delivery, suggestions."""

from __future__ import annotations

import contextlib
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Label, OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from offguard.audio.player import Player
from offguard.errors import OffguardError
from offguard.formatting import fmt_duration
from offguard.ui import feedback
from offguard.ui.feedback import ReviewData
from offguard.ui.messages import DeleteTake, JobTermsFailed, JobTermsReady, OpenPractice
from offguard.ui.screens.base import OffguardScreen
from offguard.ui.services import Services
from offguard.ui.widgets.key_footer import KeyFooter
from offguard.ui.widgets.title_bar import TitleBar

SEEK_STEP = 5.0
#: Narrower than this, the review is one scrolling column instead of two side by side.
NARROW = 100


class ReviewScreen(OffguardScreen):
    """``r`` records another attempt (``OpenPractice(record=True)``), escape goes back."""

    CSS_PATH = "review.tcss"
    TITLE = "Review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "play", "Play/pause"),
        Binding("left", "seek(-1)", "-5s", priority=True),
        Binding("right", "seek(1)", "+5s", priority=True),
        Binding("r", "again", "Record again"),
        Binding("j", "job_ad", "Job ad", tooltip="The job ad this answer is checked against"),
        Binding("x,delete", "delete", "Delete", tooltip="Move this take to the trash (u undoes)"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, services: Services, data: ReviewData) -> None:
        super().__init__(services)
        self.data = data
        self.player: Player | None = None
        self.player_problem: str | None = None
        self.flag_spans = feedback.flag_spans(data.analysis)
        self.flag_times = [
            feedback.time_at(data.transcript, span.start) for span in self.flag_spans
        ]
        self._poll: Timer | None = None
        self.deleted = False

    def compose(self) -> ComposeResult:
        data = self.data
        analysis = data.analysis
        verdict = feedback.verdict_line(analysis)
        generic = verdict.startswith("Verdict: generic")
        yield TitleBar()
        with VerticalScroll(id="review-body"):
            with Vertical(id="left"):
                yield Static(Text(data.question.text, style="bold"), id="review-question")
                yield Label(verdict, id="verdict", classes="generic" if generic else "specific")
                with VerticalScroll(id="transcript-box"):
                    yield Static(
                        feedback.transcript_text(data.transcript.text, analysis), id="transcript"
                    )
                yield Label(self._legend(), id="legend")
                yield Label("", id="player")
            with VerticalScroll(id="right"):
                # The flagged phrases and what to do about them first: the list has the focus
                # (enter jumps playback), so it must be on screen without scrolling.
                yield Label("[b]Generic phrases[/b] (enter jumps playback)", classes="heading")
                yield OptionList(*self._flag_options(), id="flags")
                yield Label("[b]Suggestions[/b]", classes="heading")
                yield Static(feedback.suggestions_text(analysis), id="suggestions")
                yield Label("[b]STAR[/b]", classes="heading")
                yield Static(feedback.star_text(analysis), id="star")
                yield Label("[b]Delivery[/b]", classes="heading")
                yield Static(feedback.delivery_text(analysis), id="delivery")
                yield Label("[b]Voice[/b]", classes="heading")
                contour = feedback.pitch_contour(analysis)
                if contour:
                    yield Sparkline(contour, summary_function=max, id="pitch-contour")
                yield Static(feedback.voice_text(analysis), id="voice")
                yield Label("[b]Job ad[/b]", classes="heading")
                yield Static("", id="job-terms")
        yield KeyFooter()

    def _legend(self) -> Text:
        return Text.assemble(
            ("generic", "bold red underline"),
            "  ",
            ("specific detail", "bold green"),
            (f"   take {fmt_duration(self.data.duration)}", "dim"),
        )

    def _flag_options(self) -> list[Option]:
        if not self.flag_spans:
            return [Option(Text("No generic phrases flagged.", style="dim"), disabled=True)]
        return [
            Option(feedback.flag_label(span, at), id=str(i))
            for i, (span, at) in enumerate(zip(self.flag_spans, self.flag_times, strict=False))
        ]

    def on_mount(self) -> None:
        self._set_narrow(self.app.size.width)
        if self.flag_spans and not self.has_class("-narrow"):
            self.query_one("#flags", OptionList).focus()
        else:
            self.query_one("#review-body").focus()
        self.call_after_refresh(self.query_one("#right", VerticalScroll).scroll_home, animate=False)
        self._open_player()
        self._show_player()
        self.check_job_ad()

    # -- the job ad ----------------------------------------------------------------------

    def check_job_ad(self) -> None:
        """Show which terms of the job ad that applies to this take (its interview's, else the
        practice one) the answer used; the matching (spaCy) runs in a worker."""
        store = self.services.store
        take_id = self.data.take_id
        box = self.query_one("#job-terms", Static)
        try:
            job = store.job_ad_for_take(take_id) if take_id is not None else ""
            job = job or store.practice_job_ad()
        except Exception as exc:
            self.report(exc, title=JobTermsFailed.TITLE)
            job = ""
        if not job.strip():
            box.update(feedback.job_terms_text(None))
            return
        box.update(Text("Checking the job ad…", style="dim"))
        self.match_job_terms(job)

    @work(thread=True, exclusive=True, exit_on_error=False, group="job-terms")
    def match_job_terms(self, job: str) -> None:
        from offguard.analysis.job_terms import job_terms

        try:
            terms = job_terms(job, self.data.transcript.text)
        except Exception as exc:
            self.post_message(JobTermsFailed.from_error(exc))
            return
        self.post_message(JobTermsReady(terms))

    def action_job_ad(self) -> None:
        """Paste (or clear) the practice job ad, then check this answer against it."""
        from offguard.ui.screens.interview_followup import ask_practice_job_ad

        ask_practice_job_ad(self, then=self.check_job_ad)

    @on(JobTermsReady)
    def show_job_terms(self, message: JobTermsReady) -> None:
        self.query_one("#job-terms", Static).update(feedback.job_terms_text(message.terms))

    @on(JobTermsFailed)
    def job_terms_failed(self, message: JobTermsFailed) -> None:
        self.query_one("#job-terms", Static).update(Text(message.problem.text, style="dim"))

    def on_resize(self, event: events.Resize) -> None:
        self._set_narrow(event.size.width)

    def _set_narrow(self, width: int) -> None:
        """Below NARROW columns everything stacks in one scrolling column."""
        self.set_class(width < NARROW, "-narrow")

    def on_unmount(self) -> None:
        self._close_player()

    # -- playback ------------------------------------------------------------------------

    def scope_question_id(self) -> str | None:
        return self.data.question.id

    def _open_player(self) -> None:
        path = self.data.audio_path
        if path is None:
            self.player_problem = "this take has no audio"
            return
        try:
            self.player = self.services.player(path)
        except Exception as exc:
            self.player_problem = str(exc)
            if not isinstance(exc, OffguardError):
                self.report(exc, title="Cannot play")
            return
        self._poll = self.set_interval(0.25, self._show_player)

    def _show_player(self) -> None:
        label = self.query_one("#player", Label)
        if self.deleted:
            label.update(Text("This take is in the trash: press u to bring it back.", "bold red"))
            return
        if self.player is None:
            label.update(Text(f"Playback: {self.player_problem}", style="dim"))
            return
        icon = "▶ playing" if self.player.playing else "‖ paused"
        label.update(
            f"{icon}  {fmt_duration(self.player.position)} / "
            f"{fmt_duration(self.player.duration)}   (p play/pause, ←/→ 5 s)"
        )

    def action_play(self) -> None:
        if self.player is None:
            self.notify(f"Cannot play: {self.player_problem}", severity="warning")
            return
        try:
            self.player.toggle()
        except Exception as exc:
            self.report(exc, title="Cannot play")
        self._show_player()

    def action_seek(self, direction: int) -> None:
        if self.player is None:
            return
        target = self.player.position + direction * SEEK_STEP
        self._seek(max(0.0, min(target, self.player.duration)))

    def _seek(self, seconds: float) -> None:
        if self.player is None:
            return
        try:
            self.player.seek(seconds)
        except Exception as exc:
            self.report(exc, title="Cannot play")
        self._show_player()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        at = self.flag_times[int(event.option.id)]
        if at is None:
            self.notify("No word timings for this phrase.", severity="warning")
            return
        if self.player is None:
            self.notify(f"That phrase starts at {fmt_duration(at)}.")
            return
        self._seek(max(0.0, at - 0.3))
        if not self.player.playing:
            self.action_play()

    # -- deleting ------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "delete":
            return self.data.take_id is not None and not self.deleted
        if action in ("play", "seek"):
            return None if self.deleted else True
        return True

    def action_delete(self) -> None:
        """Move this take to the trash (the app does it; ``u`` brings it back)."""
        take_id = self.data.take_id
        if take_id is None or self.deleted:
            return
        self._close_player()  # the audio file moves to the trash folder
        self.post_message(DeleteTake(take_id, f"Take {take_id}"))

    def take_changed(self, take_id: int, deleted: bool) -> None:
        """The app deleted (or restored, or failed to delete) a take."""
        if take_id != self.data.take_id:
            return
        self.deleted = deleted
        if not deleted and self.player is None:
            self._open_player()
        self.refresh_bindings()
        self._show_player()

    def _close_player(self) -> None:
        if self._poll is not None:
            self._poll.stop()
            self._poll = None
        if self.player is not None:
            with contextlib.suppress(Exception):
                self.player.close()
            self.player = None

    # -- leaving -------------------------------------------------------------------------

    def action_again(self) -> None:
        """Record another attempt: the practice room opens and starts recording."""
        self.post_message(OpenPractice(self.data.question, record=True))

    def action_back(self) -> None:
        self.dismiss()
