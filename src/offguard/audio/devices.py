"""Input devices: finding PortAudio, listing microphones, picking one by index or name.

Two ways a machine can lack audio, and what the user sees for each:

- no PortAudio library: ``import sounddevice`` raises ``OSError``; we raise
  :class:`AudioUnavailable` saying how to install it;
- PortAudio but no input device: the device list is empty; we raise
  :class:`AudioUnavailable` ("No microphone found ...").
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any

from offguard.errors import AudioUnavailable

PORTAUDIO_FIX = (
    "install it: sudo apt install libportaudio2 (Debian/Ubuntu), brew install portaudio "
    "(macOS), sudo dnf install portaudio (Fedora)"
)
NO_DEVICE_FIX = "plug one in, or pick one with `offguard devices`"
PICK_FIX = "pick one with `offguard devices` and pass its index or name (--device D)"


@dataclass(frozen=True)
class InputDevice:
    """A device PortAudio can record from."""

    index: int
    name: str
    channels: int
    default_samplerate: float
    is_default: bool
    hostapi: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "name": self.name,
            "channels": self.channels,
            "default_samplerate": self.default_samplerate,
            "default": self.is_default,
            "hostapi": self.hostapi,
        }


@dataclass(frozen=True)
class Check:
    """One line of ``offguard doctor``: what was checked, whether it passed, the fix."""

    name: str
    ok: bool
    detail: str
    fix: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "detail": self.detail, "fix": self.fix}


def import_sounddevice() -> ModuleType:
    """``sounddevice``, or :class:`AudioUnavailable` when the PortAudio library is missing."""
    try:
        import sounddevice
    except OSError as exc:
        raise AudioUnavailable("PortAudio library not found.", fix=PORTAUDIO_FIX) from exc
    module: ModuleType = sounddevice
    return module


def list_input_devices() -> list[InputDevice]:
    """Every device with at least one input channel (empty when there is none)."""
    sd = import_sounddevice()
    try:
        devices = sd.query_devices()
        hostapis = sd.query_hostapis()
        default_in = _default_input_index(sd)
    except sd.PortAudioError as exc:
        raise AudioUnavailable(f"Cannot list audio devices: {exc}.", fix=NO_DEVICE_FIX) from exc
    found: list[InputDevice] = []
    for index, info in enumerate(devices):
        channels = int(info.get("max_input_channels", 0))
        if channels <= 0:
            continue
        api = int(info.get("hostapi", 0))
        found.append(
            InputDevice(
                index=index,
                name=str(info.get("name", f"device {index}")),
                channels=channels,
                default_samplerate=float(info.get("default_samplerate", 0.0)),
                is_default=index == default_in,
                hostapi=str(hostapis[api]["name"]) if 0 <= api < len(hostapis) else "",
            )
        )
    if found and not any(d.is_default for d in found):
        first = found[0]
        found[0] = InputDevice(
            first.index,
            first.name,
            first.channels,
            first.default_samplerate,
            True,
            first.hostapi,
        )
    return found


def find_input_device(spec: str | int | None = None) -> InputDevice:
    """The device named by ``spec``: an index, an exact or partial (case-insensitive) name,
    or ``None``/``""`` for the default. :class:`AudioUnavailable` when there is no match."""
    devices = list_input_devices()
    if not devices:
        raise AudioUnavailable(
            "No microphone found (PortAudio lists no input device).", fix=NO_DEVICE_FIX
        )
    if spec is None or (isinstance(spec, str) and not spec.strip()):
        return next(d for d in devices if d.is_default)
    if isinstance(spec, int) or spec.strip().isdigit():
        index = int(spec)
        for device in devices:
            if device.index == index:
                return device
        raise AudioUnavailable(
            f"No input device with index {index}. Input devices: {_names(devices)}.",
            fix=PICK_FIX,
        )
    wanted = spec.strip().casefold()
    exact = [d for d in devices if d.name.casefold() == wanted]
    if exact:
        return exact[0]
    partial = [d for d in devices if wanted in d.name.casefold()]
    if partial:
        return partial[0]
    raise AudioUnavailable(
        f"No input device matches '{spec}'. Input devices: {_names(devices)}.", fix=PICK_FIX
    )


def check_audio(device: str | int | None = None) -> list[Check]:
    """The audio lines of ``offguard doctor``: PortAudio present, the input device (the
    configured one, else the default) present."""
    checks: list[Check] = []
    try:
        sd = import_sounddevice()
    except AudioUnavailable as exc:
        checks.append(Check("PortAudio", False, exc.message, exc.fix))
        checks.append(Check("microphone", False, "not checked (no PortAudio)", exc.fix))
        return checks
    version = str(sd.get_portaudio_version()[1])
    checks.append(Check("PortAudio", True, version))
    try:
        found = find_input_device(device)
    except AudioUnavailable as exc:
        checks.append(Check("microphone", False, exc.message, exc.fix))
        return checks
    detail = (
        f"{found.index} {found.name} ({found.hostapi}, {found.channels} ch, "
        f"{found.default_samplerate:g} Hz)"
    )
    checks.append(Check("microphone", True, detail))
    return checks


def _default_input_index(sd: ModuleType) -> int:
    default = sd.default.device
    try:
        return int(default[0])
    except (TypeError, IndexError, ValueError):
        return -1


def _names(devices: list[InputDevice]) -> str:
    return ", ".join(f"{d.index} '{d.name}'" for d in devices)
