"""The one factory: the CLI builds the real parts and tests pass fakes, both through here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from offguard.audio.recorder import RecorderFactory
from offguard.config import Settings
from offguard.questions import QuestionBank, load_questions
from offguard.store import Store
from offguard.transcription.types import Transcriber
from offguard.ui.ports import DeviceLister, PlayerFactory, PracticeFactory, TakeService
from offguard.ui.services import Services

if TYPE_CHECKING:
    from offguard.audio.player import Player
    from offguard.ui.app import OffguardApp


def make_app(
    settings: Settings,
    *,
    store: Store,
    transcriber: Transcriber,
    recorder_factory: RecorderFactory,
    player_factory: PlayerFactory | None = None,
    bank: QuestionBank | None = None,
    device_lister: DeviceLister | None = None,
    practice_factory: PracticeFactory | None = None,
    load_on_start: bool = True,
    welcome: bool = True,
) -> OffguardApp:
    """Build the practice room around injected parts; nothing here touches hardware.

    ``practice_factory`` defaults to the real :class:`offguard.practice.Practice` over the same
    parts, ``player_factory`` to the sound card (silent when there is none);
    ``load_on_start=False`` skips loading the model and recovering takes (snapshots);
    ``welcome=False`` opens on all questions and never shows the first-run form (by default a
    data folder with nothing practised or logged starts with "Had an interview recently?",
    and the app opens on today's queue).
    """
    from offguard.ui.app import OffguardApp

    def real_practice() -> TakeService:
        from offguard.practice import Practice

        return Practice(settings, store, transcriber, recorder_factory)

    def sound_card(path: Path) -> Player:
        from offguard.audio.player import make_player

        return make_player(path)

    services = Services(
        settings=settings,
        store=store,
        bank=bank if bank is not None else load_questions(settings.data_dir),
        transcriber=transcriber,
        recorder_factory=recorder_factory,
        player_factory=player_factory or sound_card,
        practice_factory=practice_factory or real_practice,
        device_lister=device_lister,
    )
    return OffguardApp(services, load_on_start=load_on_start, welcome=welcome)
