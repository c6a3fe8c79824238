"""Pick the microphone (persisted in settings.json) and test it for 3 seconds."""

from __future__ import annotations

import contextlib
import math
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from offguard.audio.devices import InputDevice
from offguard.audio.recorder import AudioRecorder
from offguard.errors import OffguardError
from offguard.ui.messages import MicTestDone, MicTestFailed
from offguard.ui.screens.base import OffguardScreen
from offguard.ui.services import Services
from offguard.ui.widgets.key_footer import KeyFooter
from offguard.ui.widgets.level_meter import LevelMeter
from offguard.ui.widgets.title_bar import TitleBar

TEST_SECONDS = 3.0
DEFAULT_ID = "__default__"


class DevicesScreen(OffguardScreen):
    """Enter picks the highlighted input; ``t`` tests it."""

    CSS_PATH = "devices.tcss"
    TITLE = "Microphone"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "test", "Test mic (3 s)"),
        Binding("f5", "refresh", "Refresh"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.devices: list[InputDevice] = []
        self.tester: AudioRecorder | None = None
        self.testing = False
        self.peak_seen = 0.0
        self._test_started = 0.0
        self._poll: Timer | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="devices-body"):
            yield Label("", id="current")
            yield OptionList(id="device-list")
            yield Static("", id="device-problem")
            with Horizontal(id="test-row"):
                yield Label("Mic test: press [b]t[/b]", id="test-state")
                yield LevelMeter(id="test-meter")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.action_refresh()

    def _show_current(self) -> None:
        device = self.services.settings.device
        shown = device if device else "system default"
        self.query_one("#current", Label).update(f"Recording from: [b]{shown}[/b]")

    def action_refresh(self) -> None:
        self._show_current()
        problem = self.query_one("#device-problem", Static)
        options = self.query_one("#device-list", OptionList)
        options.clear_options()
        lister = self.services.device_lister
        try:
            if lister is None:
                raise OffguardError("Device listing is not available here.")
            self.devices = list(lister())
        except Exception as exc:
            self.devices = []
            message = exc.message if isinstance(exc, OffguardError) else f"{exc}"
            fix = exc.fix if isinstance(exc, OffguardError) else None
            problem.update(
                f"[b red]{escape(message)}[/b red]" + (f"\nFix: {escape(fix)}" if fix else "")
            )
            if not isinstance(exc, OffguardError):
                self.report(exc, title="Cannot list microphones")
            return
        if not self.devices:
            problem.update(
                "[b red]No microphone found.[/b red]\nFix: plug one in and press F5. "
                "You can still import audio files from the questions screen (i)."
            )
        else:
            problem.update("")
        options.add_option(Option("System default", id=DEFAULT_ID))
        for device in self.devices:
            label = Text(f"{device.index:>3}  {device.name}")
            extra = []
            if device.default_samplerate:
                extra.append(f"{device.default_samplerate:.0f} Hz")
            if device.is_default:
                extra.append("default")
            if extra:
                label.append(f"  ({', '.join(extra)})", style="dim")
            options.add_option(Option(label, id=device.name))
        current = self.services.settings.device
        index = 0
        for i, device in enumerate(self.devices, start=1):
            if current and device.name == current:
                index = i
        options.highlighted = index
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        chosen = event.option.id
        device = None if chosen in (None, DEFAULT_ID) else chosen
        try:
            self.services.change_settings(replace(self.services.settings, device=device))
        except Exception as exc:
            self.report(exc, title="Cannot save the settings")
        self._show_current()
        self.notify(f"Recording from {device or 'the system default'}.", title="Microphone")

    # -- mic test ------------------------------------------------------------------------

    def action_test(self) -> None:
        if self.testing:
            return
        try:
            self.tester = self.services.recorder_factory()
        except Exception as exc:
            self._test_failed(str(exc))
            if not isinstance(exc, OffguardError):
                self.report(exc, title="Mic test failed")
            return
        self.testing = True
        self.peak_seen = 0.0
        self._test_started = time.monotonic()
        self.query_one("#test-state", Label).update("[b red]● Testing[/b red]: say something")
        self._poll = self.set_interval(0.1, self._show_level)
        self.run_test(self.tester)

    def _show_level(self) -> None:
        if self.tester is None:
            return
        level = self.tester.level
        self.peak_seen = max(self.peak_seen, level.peak)
        self.query_one(LevelMeter).set_level(level.rms, level.peak)
        left = max(0.0, TEST_SECONDS - (time.monotonic() - self._test_started))
        self.query_one("#test-state", Label).update(
            f"[b red]● Testing[/b red]: say something ({math.ceil(left)} s left)"
            if left > 0.05
            else "[b]Checking the recording...[/b]"
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="mic-test")
    def run_test(self, recorder: AudioRecorder) -> None:
        folder = Path(tempfile.mkdtemp(prefix="offguard-mictest-"))
        path = folder / "test.flac"
        try:
            recorder.start(path)
            deadline = time.monotonic() + TEST_SECONDS
            while time.monotonic() < deadline and recorder.error is None:
                time.sleep(0.05)
            peak = recorder.level.peak
            recorder.stop()
            self.post_message(MicTestDone(peak, recorder.overflows, recorder.error))
        except Exception as exc:
            self.post_message(MicTestFailed.from_error(exc))
        finally:
            path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                folder.rmdir()

    @on(MicTestDone)
    def _tested(self, message: MicTestDone) -> None:
        self._end_test()
        peak = max(self.peak_seen, message.peak)
        if message.error:
            self._test_failed(message.error)
        elif peak < 0.01:
            self.query_one("#test-state", Label).update(
                "[b yellow]Very quiet:[/b yellow] check the mic is not muted"
            )
        else:
            self.query_one("#test-state", Label).update("[b green]✔ The mic works[/b green]")

    @on(MicTestFailed)
    def _test_broke(self, message: MicTestFailed) -> None:
        message.stop()  # shown here, not as a notification
        self._end_test()
        self._test_failed(message.problem.text)

    def _test_failed(self, text: str) -> None:
        self.query_one("#test-state", Label).update(
            f"[b red]Mic test failed:[/b red] {escape(text)}"
        )

    def _end_test(self) -> None:
        self.testing = False
        self.tester = None
        self.query_one(LevelMeter).set_level(0.0, 0.0)
        if self._poll is not None:
            self._poll.stop()
            self._poll = None

    def action_back(self) -> None:
        if self.testing:
            self.notify("Wait for the mic test to finish.")
            return
        self.dismiss()
