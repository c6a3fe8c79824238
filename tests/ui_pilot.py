"""Helpers for driving the app under textual's Pilot: build it on the fast fakes, wait for a
state, read a widget's text and the notifications shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

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


@dataclass(frozen=True)
class Note:
    """A notification the app showed."""

    title: str
    message: str
    severity: str


_NOTES: WeakKeyDictionary[OffguardApp, list[Note]] = WeakKeyDictionary()


def fake_app(settings: Settings, store: Store, **options: Any) -> OffguardApp:
    """The app through the one factory, on the fast transcriber, a silent recorder and a 20 s
    silent player; ``options`` (any :func:`make_app` keyword) add to or replace those. Every
    notification it shows is kept for :func:`notifications`."""
    parts: dict[str, Any] = {
        "transcriber": FakeTranscriber(),
        "recorder_factory": SilentRecorder,
        "player_factory": lambda path: NullPlayer(duration=20.0),
        "welcome": False,  # the first-run form and today's start view have their own tests
    }
    parts.update(options)
    app = make_app(settings, store=store, **parts)
    shown: list[Note] = []
    notify = app.notify

    def keep(message: str, *, title: str = "", severity: Any = "information", **rest: Any) -> None:
        shown.append(Note(title, str(message), str(severity)))
        notify(message, title=title, severity=severity, **rest)

    app.notify = keep  # type: ignore[method-assign]
    _NOTES[app] = shown
    return app


def notifications(app: OffguardApp) -> list[Note]:
    """The notifications ``app`` showed so far, oldest first."""
    return _NOTES[app]


async def wait_for(pilot: Pilot[Any], ready: Callable[[], bool], tries: int = 600) -> None:
    """Let the app run until ``ready()`` (workers finish in their own time; up to 30 s)."""
    for _ in range(tries):
        if ready():
            return
        await pilot.pause(0.05)
    app = pilot.app
    shown = [n.message for n in _NOTES.get(app, [])] if isinstance(app, OffguardApp) else []
    raise AssertionError(f"never reached the expected state; on {app.screen!r}, notes {shown}")


def reviewing(app: OffguardApp) -> bool:
    """The review screen is up and composed."""
    return isinstance(app.screen, ReviewScreen) and bool(app.screen.query("#verdict"))


def text_of(app: OffguardApp, selector: str) -> str:
    """The rendered text of the Label or Static at ``selector`` on the current screen."""
    widget = app.screen.query_one(selector)
    assert isinstance(widget, (Label, Static)), selector
    return str(widget.render())
