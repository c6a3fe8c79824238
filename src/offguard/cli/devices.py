"""``offguard devices``: the microphones PortAudio can record from."""

from __future__ import annotations

import argparse
import json
from typing import Any

HELP = "list the input devices (microphones) you can record from"


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "devices",
        help=HELP,
        description=HELP[0].upper() + HELP[1:] + ". Pick one with --device INDEX|NAME "
        "(or OFFGUARD_DEVICE); '*' marks the default.",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from offguard.audio.devices import NO_DEVICE_FIX, list_input_devices
    from offguard.errors import AudioUnavailable

    devices = list_input_devices()
    if not devices:
        raise AudioUnavailable(
            "No microphone found (PortAudio lists no input device).", fix=NO_DEVICE_FIX
        )
    if args.json:
        print(json.dumps([d.to_dict() for d in devices], indent=2))
        return 0
    width = max(len(d.name) for d in devices)
    print(f"  {'#':>3}  {'name':<{width}}  {'channels':>8}  {'rate':>7}  host API")
    for d in devices:
        mark = "*" if d.is_default else " "
        print(
            f"{mark} {d.index:>3}  {d.name:<{width}}  {d.channels:>8}  "
            f"{d.default_samplerate:>7g}  {d.hostapi}"
        )
    return 0
