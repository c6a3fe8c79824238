"""What the UI needs from the core, as structural types over the core's own types.

The real parts (``offguard.practice.Practice`` and its ``ActiveTake``) satisfy these; the tests
pass scripted ones through :func:`offguard.ui.factory.make_app`. The recorder and the player are
the core's own protocols (:class:`offguard.audio.recorder.AudioRecorder`,
:class:`offguard.audio.player.Player`); the store is the real :class:`offguard.store.Store`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from offguard.audio.recorder import RecordingMeter
from offguard.transcription.types import LiveText

if TYPE_CHECKING:
    from offguard.analysis.result import Analysis
    from offguard.audio.devices import InputDevice
    from offguard.audio.player import Player
    from offguard.practice import TakeOutcome
    from offguard.questions import Question


class ActiveTakeLike(RecordingMeter, Protocol):
    """A take being recorded (cheap to poll from the UI thread; ``stop`` blocks)."""

    @property
    def take_id(self) -> int: ...
    @property
    def question_id(self) -> str: ...
    @property
    def path(self) -> Path: ...
    def partial_text(self) -> str: ...
    def stop(self) -> TakeOutcome: ...
    def discard(self) -> None: ...


class TakeService(Protocol):
    """The take service (:class:`offguard.practice.Practice`); every call may block."""

    def start_take(
        self, question: Question, *, on_partial: Callable[[LiveText], None] | None = None
    ) -> ActiveTakeLike: ...
    def import_audio(self, path: Path, question_id: str) -> TakeOutcome: ...
    def analyze_take(self, take_id: int) -> Analysis: ...
    def recover_interrupted(self) -> Sequence[TakeOutcome]: ...


PlayerFactory = Callable[[Path], "Player"]
DeviceLister = Callable[[], Sequence["InputDevice"]]
PracticeFactory = Callable[[], TakeService]
