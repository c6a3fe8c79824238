"""The whole practice flow through make_app with the REAL take service, store and analyser.

Audio comes from a real speech clip through :class:`ArrayRecorder` (the same writer as the
microphone path); the transcriber is a fast fake, except in the test marked ``model``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from offguard.audio.player import NullPlayer
from offguard.config import Settings
from offguard.errors import AudioUnavailable
from offguard.store import Store
from offguard.transcription.types import Transcriber
from offguard.ui.app import OffguardApp
from offguard.ui.screens.modals import ConfirmScreen
from offguard.ui.screens.practice import PracticeScreen
from offguard.ui.screens.questions import QuestionsScreen
from offguard.ui.screens.review import ReviewScreen
from tests.array_recorder import ArrayRecorder
from tests.ui_fakes import FakeTranscriber
from tests.ui_pilot import SIZE, fake_app, reviewing, text_of, wait_for

CLIP = "clips/arctic-cathy-a0001-a0010.flac"


@pytest.fixture(scope="module")
def speech(speech_dir: Path) -> tuple[Any, int]:
    import soundfile as sf

    path = speech_dir / CLIP
    if not path.is_file():
        pytest.skip(f"speech clip {path} not found")
    samples, rate = sf.read(str(path), dtype="float32")
    return samples[: rate * 12], rate


def build(
    settings: Settings,
    store: Store,
    recorder_factory: Callable[[], Any],
    transcriber: Transcriber | None = None,
) -> OffguardApp:
    return fake_app(
        settings,
        store,
        transcriber=transcriber or FakeTranscriber(),
        recorder_factory=recorder_factory,
        player_factory=lambda path: NullPlayer(path),
    )


class ClipRecorders:
    """A recorder factory: each recorder plays the clip; the ones made are kept in ``made``."""

    def __init__(self, samples: Any, rate: int) -> None:
        self.samples, self.rate = samples, rate
        self.made: list[ArrayRecorder] = []

    def __call__(self) -> ArrayRecorder:
        self.made.append(ArrayRecorder(self.samples, self.rate))
        return self.made[-1]


async def record_and_review(app: OffguardApp, pilot: Pilot[Any], recorders: list[Any]) -> None:
    await wait_for(pilot, lambda: app.model_ready)
    await pilot.press("enter")
    assert isinstance(app.screen, PracticeScreen)
    await pilot.press("r")
    assert app.screen.recording
    await wait_for(pilot, lambda: bool(recorders) and recorders[0].wait(0))
    await pilot.press("r")
    await wait_for(pilot, lambda: reviewing(app))


async def test_record_stop_review_with_real_take_service(
    settings: Settings, store: Store, speech: tuple[Any, int]
) -> None:
    recorder = ClipRecorders(*speech)
    app = build(settings, store, recorder)
    async with app.run_test(size=SIZE) as pilot:
        await record_and_review(app, pilot, recorder.made)
        verdict = text_of(app, "#verdict")
        assert verdict.startswith(("Verdict: generic  (", "Verdict: specific  ("))
        assert "team player" in text_of(app, "#transcript")
        question = app.services.bank.questions[0]
        takes = store.list_takes(question.id)
        assert len(takes) == 1
        assert takes[0].status == "saved"
        assert takes[0].audio_path.suffix == ".flac"
        assert takes[0].audio_path.stat().st_size > 1000
        assert store.latest_analysis(takes[0].id) is not None
        await pilot.press("escape")
        assert isinstance(app.screen, QuestionsScreen)
        await pilot.pause()
        row = app.screen.query_one("DataTable")
        assert "1×" in str(row.get_cell(question.id, "times"))  # type: ignore[attr-defined]


async def test_escape_while_recording_discards_the_take(
    settings: Settings, store: Store, speech: tuple[Any, int]
) -> None:
    samples, rate = speech

    app = build(settings, store, lambda: ArrayRecorder(samples, rate, realtime=True))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "r")
        screen = app.screen
        assert isinstance(screen, PracticeScreen) and screen.active is not None
        path = screen.active.path
        await wait_for(pilot, lambda: path.exists())
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, QuestionsScreen))
        question = app.services.bank.questions[0]
        assert store.list_takes(question.id) == []
        assert not path.exists()


async def test_no_microphone_message_and_the_app_stays_usable(
    settings: Settings, store: Store
) -> None:
    def no_mic() -> Any:
        raise AudioUnavailable(
            "No microphone found (PortAudio lists no input device).",
            fix="plug one in, or pick one with `offguard devices`",
        )

    app = build(settings, store, no_mic)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "r")
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        assert not screen.recording
        assert "No microphone found" in text_of(app, "#problem")
        await pilot.press("t", "escape", "down", "enter")
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.question == app.services.bank.questions[1]
        assert store.list_takes() == []


@pytest.mark.model
async def test_real_bundled_model_end_to_end(
    settings: Settings, store: Store, speech: tuple[Any, int]
) -> None:
    from offguard.transcription.whisper import WhisperTranscriber

    recorder = ClipRecorders(*speech)
    app = build(settings, store, recorder, WhisperTranscriber("bundled"))
    async with app.run_test(size=SIZE) as pilot:
        await record_and_review(app, pilot, recorder.made)
        assert text_of(app, "#verdict").startswith("Verdict: ")
        transcript = text_of(app, "#transcript").lower()
        assert "danger trail" in transcript or "philip" in transcript
        takes = store.list_takes(app.services.bank.questions[0].id)
        assert len(takes) == 1 and takes[0].audio_path.is_file()


@pytest.mark.mic
@pytest.mark.model
@pytest.mark.slow
async def test_virtual_microphone_and_bundled_model(
    settings: Settings, store: Store, vmic: Any, speech: tuple[Any, int]
) -> None:
    """Real PortAudio recorder on the virtual mic: live text while speaking, then the review."""

    from offguard.audio.recorder import Recorder
    from offguard.transcription.whisper import WhisperTranscriber

    app = build(
        settings, store, lambda: Recorder(None, settings.samplerate), WhisperTranscriber("bundled")
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.model_ready)
        await pilot.press("enter", "r")
        screen = app.screen
        assert isinstance(screen, PracticeScreen) and screen.recording
        samples, rate = speech
        player = vmic.feed(samples, rate, wait=False)
        live = ""
        while player.poll() is None:
            await pilot.pause(0.2)
            live = live or text_of(app, "#live").strip()
        await pilot.pause(1.0)
        partial = screen.active.partial_text() if screen.active else ""
        await pilot.press("r")
        await wait_for(pilot, lambda: reviewing(app))
        assert text_of(app, "#verdict").startswith(("Verdict: generic", "Verdict: specific"))
        transcript = text_of(app, "#transcript")
        assert len(transcript.split()) > 5
        assert live, f"no live text while speaking (partial at stop: {partial!r})"
        takes = store.list_takes(app.services.bank.questions[0].id)
        assert len(takes) == 1 and takes[0].status == "saved" and takes[0].overflows == 0
        assert takes[0].audio_path.is_file()


async def test_review_data_from_a_stored_take(
    settings: Settings, store: Store, speech: tuple[Any, int]
) -> None:
    """A take recorded through the app can be reviewed again from the store alone."""
    from offguard.ui.feedback import ReviewData

    recorder = ClipRecorders(*speech)
    app = build(settings, store, recorder)
    async with app.run_test(size=SIZE) as pilot:
        await record_and_review(app, pilot, recorder.made)
        shown = text_of(app, "#verdict")
        question = app.services.bank.questions[0]
        take = store.list_takes(question.id)[0]
        data = ReviewData.from_store(store, take.id, question)
        assert data is not None
        await pilot.press("escape")
        await app.push_screen(ReviewScreen(app.services, data))
        await wait_for(pilot, lambda: reviewing(app))
        assert text_of(app, "#verdict") == shown
