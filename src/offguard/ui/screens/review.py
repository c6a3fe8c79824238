"""The review of one take: verdict, highlighted transcript, STAR, delivery, suggestions."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from offguard.audio.player import Player
from offguard.errors import OffguardError
from offguard.questions import Question
from offguard.transcription.types import Transcript
from offguard.ui import feedback
from offguard.ui.ports import TakeOutcomeLike
from offguard.ui.widgets.key_footer import KeyFooter
from offguard.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from offguard.ui.app import OffguardApp

SEEK_STEP = 5.0
#: Narrower than this, the review is one scrolling column instead of two side by side.
NARROW = 100


@dataclass(frozen=True)
class ReviewData:
    """Everything the review shows (from a finished take, or built by tests)."""

    question: Question
    transcript: Transcript
    analysis: Any
    audio_path: Path | None
    duration: float
    take_id: int | None = None

    @classmethod
    def from_outcome(cls, outcome: TakeOutcomeLike, question: Question) -> ReviewData:
        return cls(
            question=question,
            transcript=outcome.transcript,
            analysis=outcome.analysis,
            audio_path=outcome.audio_path,
            duration=outcome.duration,
            take_id=outcome.take_id,
        )

    @classmethod
    def from_store(cls, store: Any, take_id: int, question: Question) -> ReviewData | None:
        """A stored take's review (``store`` is an ``offguard.store.Store``); None if missing."""
        take = store.get_take(take_id)
        transcript = store.latest_transcript(take_id)
        record = store.latest_analysis(take_id)
        if take is None or transcript is None or record is None:
            return None
        return cls(
            question=question,
            transcript=transcript,
            analysis=record.data,
            audio_path=take.audio_path,
            duration=float(take.duration or transcript.duration),
            take_id=take_id,
        )


class ReviewScreen(Screen[str]):
    """Dismisses with ``"again"`` (record another attempt) or ``"back"``."""

    CSS_PATH = "review.tcss"
    PLACE = "Review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "play", "Play/pause"),
        Binding("left", "seek(-1)", "-5s", priority=True),
        Binding("right", "seek(1)", "+5s", priority=True),
        Binding("r", "again", "Record again"),
        Binding("x,delete", "delete", "Delete", tooltip="Move this take to the trash (u undoes)"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, data: ReviewData) -> None:
        super().__init__()
        self.data = data
        self.player: Player | None = None
        self.player_problem: str | None = None
        self.flag_spans = feedback.spans(feedback.get(data.analysis, "flags"))
        self.flag_times = [
            feedback.time_at(data.transcript, span.start) for span in self.flag_spans
        ]
        self._poll: Timer | None = None
        self.deleted = False

    @property
    def oapp(self) -> OffguardApp:
        return cast("OffguardApp", self.app)

    def compose(self) -> ComposeResult:
        data = self.data
        analysis = data.analysis
        verdict = feedback.verdict_line(analysis)
        generic = verdict.startswith("Verdict: generic")
        yield TitleBar("Review")
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
                yield Label("[b]STAR[/b]", classes="heading")
                yield Static(feedback.star_text(analysis, data.transcript.text), id="star")
                yield Label("[b]Delivery[/b]", classes="heading")
                yield Static(feedback.delivery_text(analysis), id="delivery")
                yield Label("[b]Suggestions[/b]", classes="heading")
                yield Static(feedback.suggestions_text(analysis), id="suggestions")
                yield Label("[b]Generic phrases[/b] (enter jumps playback)", classes="heading")
                yield OptionList(*self._flag_options(), id="flags")
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

    def on_resize(self, event: events.Resize) -> None:
        self._set_narrow(event.size.width)

    def _set_narrow(self, width: int) -> None:
        """Below NARROW columns everything stacks in one scrolling column."""
        self.set_class(width < NARROW, "-narrow")

    def on_unmount(self) -> None:
        self._close_player()

    # -- playback ------------------------------------------------------------------------

    def _open_player(self) -> None:
        factory = self.oapp.player_factory
        path = self.data.audio_path
        if factory is None or path is None:
            self.player_problem = "playback is not available here"
            return
        try:
            self.player = factory(path)
        except Exception as exc:
            self.player_problem = str(exc)
            if not isinstance(exc, OffguardError):
                self.oapp.show_error(exc, title="Cannot play")
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
            f"{icon}  {feedback.fmt_time(self.player.position)} / "
            f"{feedback.fmt_time(self.player.duration)}   (p play/pause, ←/→ 5 s)"
        )

    def action_play(self) -> None:
        if self.player is None:
            self.notify(f"Cannot play: {self.player_problem}", severity="warning")
            return
        try:
            self.player.toggle()
        except Exception as exc:
            self.oapp.show_error(exc)
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
            self.oapp.show_error(exc)
        self._show_player()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        at = self.flag_times[int(event.option.id)]
        if at is None:
            self.notify("No word timings for this phrase.", severity="warning")
            return
        if self.player is None:
            self.notify(f"That phrase starts at {feedback.fmt_time(at)}.")
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
        """Move this take to the trash; ``u`` brings it back."""
        take_id = self.data.take_id
        if take_id is None or self.deleted:
            return
        self._close_player()
        if self.oapp.delete_take(take_id, f"Take {take_id}"):
            self.deleted = True
        else:
            self._open_player()
        self.refresh_bindings()
        self._show_player()

    def take_restored(self, take_id: int) -> None:
        """Called by the app after ``u`` restored a take."""
        if take_id == self.data.take_id and self.deleted:
            self.deleted = False
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
        self.dismiss("again")

    def action_back(self) -> None:
        self.dismiss("back")


def fmt_duration(seconds: float) -> str:
    return feedback.fmt_time(seconds)
