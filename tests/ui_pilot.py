"""Helpers for driving the app under textual's Pilot: build it on the fast fakes, wait for a
state, read a widget's text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Label, Static

from offguard.audio.player import NullPlayer
from offguard.config import Settings
from offguard.store import Store
from offguard.ui.app import OffguardApp
from offguard.ui.factory import make_app
from offguard.ui.screens.review import ReviewScreen
from tests.ui_fakes import FakeTranscriber, SilentRecorder

SIZE = (120, 40)


def fake_app(settings: Settings, store: Store, **options: Any) -> OffguardApp:
    """The app through the one factory, on the fast transcriber, a silent recorder and a 20 s
    silent player; ``options`` (any :func:`make_app` keyword) add to or replace those."""
    parts: dict[str, Any] = {
        "transcriber": FakeTranscriber(),
        "recorder_factory": SilentRecorder,
        "player_factory": lambda path: NullPlayer(duration=20.0),
    }
    parts.update(options)
    return make_app(settings, store=store, **parts)


async def wait_for(pilot: Pilot[Any], ready: Callable[[], bool], tries: int = 600) -> None:
    """Let the app run until ``ready()`` (workers finish in their own time; up to 30 s)."""
    for _ in range(tries):
        if ready():
            return
        await pilot.pause(0.05)
    app = pilot.app
    notes = [n.message for n in app._notifications]
    raise AssertionError(f"never reached the expected state; on {app.screen!r}, notes {notes}")


def reviewing(app: OffguardApp) -> bool:
    """The review screen is up and composed."""
    return isinstance(app.screen, ReviewScreen) and bool(app.screen.query("#verdict"))


def text_of(app: OffguardApp, selector: str) -> str:
    """The rendered text of the Label or Static at ``selector`` on the current screen."""
    widget = app.screen.query_one(selector)
    assert isinstance(widget, (Label, Static)), selector
    return str(widget.render())
