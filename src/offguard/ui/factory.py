"""The one factory: the CLI builds the real parts and tests pass fakes, both through here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from offguard.audio.recorder import RecorderFactory
from offguard.config import Settings
from offguard.questions import QuestionBank, load_questions
from offguard.transcription.types import Transcriber
from offguard.ui.ports import (
    DeviceLister,
    PlayerFactory,
    PracticeFactory,
    PracticeLike,
    StoreLike,
)

if TYPE_CHECKING:
    from offguard.ui.app import OffguardApp


def make_app(
    settings: Settings,
    *,
    store: StoreLike,
    transcriber: Transcriber,
    recorder_factory: RecorderFactory,
    player_factory: PlayerFactory | None = None,
    bank: QuestionBank | None = None,
    device_lister: DeviceLister | None = None,
    practice_factory: PracticeFactory | None = None,
    load_on_start: bool = True,
) -> OffguardApp:
    """Build the practice room around injected parts; nothing here touches hardware.

    ``practice_factory`` defaults to the real :class:`offguard.practice.Practice` over the same
    parts; ``load_on_start=False`` skips loading the model and recovering takes (snapshots).
    """
    from offguard.ui.app import OffguardApp

    if bank is None:
        bank = load_questions(settings.data_dir)

    def real_practice() -> PracticeLike:
        from offguard.practice import Practice

        return Practice(settings, store, transcriber, recorder_factory)  # type: ignore[arg-type]

    return OffguardApp(
        settings,
        store=store,
        transcriber=transcriber,
        recorder_factory=recorder_factory,
        practice_factory=practice_factory or real_practice,
        bank=bank,
        player_factory=player_factory,
        device_lister=device_lister,
        load_on_start=load_on_start,
    )
