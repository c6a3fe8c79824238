"""``offguard doctor``: is everything offguard needs here? One line per check, with the fix."""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from offguard.audio.devices import Check
    from offguard.config import Settings

HELP = "check the microphone, the model and the data folder, with the fix for each problem"
MIN_FREE_BYTES = 200 * 1024 * 1024
"""Below this the disk check fails (an hour of FLAC speech at 16 kHz is about 70 MB)."""


def register(subparsers: Any) -> None:
    from offguard.cli.main import add_common

    parser: argparse.ArgumentParser = subparsers.add_parser(
        "doctor", help=HELP, description=HELP[0].upper() + HELP[1:] + "."
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list of checks")
    add_common(parser)
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from offguard.config import load_settings

    settings = load_settings(args.data_dir, model=args.model)
    checks = run_checks(settings, data_dir_source(args.data_dir))
    if args.json:
        print(json.dumps([c.to_dict() for c in checks], indent=2))
    else:
        width = max(len(c.name) for c in checks)
        for c in checks:
            line = f"{'ok' if c.ok else 'FAIL':<4}  {c.name:<{width}}  {c.detail}"
            if not c.ok and c.fix:
                line += f"\n      {'':<{width}}  fix: {c.fix}"
            print(line)
    return 0 if all(c.ok for c in checks) else 1


def run_checks(settings: Settings, source: str = "") -> list[Check]:
    """Every check, in the order shown: audio, model, data folder, disk space."""
    from offguard.audio.devices import check_audio

    checks = check_audio(settings.device)
    checks.append(check_model(settings.model))
    checks.append(check_data_dir(settings.data_dir, source))
    checks.append(check_disk(settings.data_dir))
    return checks


def check_model(model: str) -> Check:
    from offguard.audio.devices import Check

    try:
        from offguard.transcription.whisper import WhisperTranscriber

        WhisperTranscriber(model).load()
    except ImportError as exc:
        return Check(
            "model",
            False,
            f"the transcriber cannot be imported: {exc}",
            "reinstall offguard with its dependencies (pip install .).",
        )
    except Exception as exc:
        fix = getattr(exc, "fix", None) or (
            "use --model bundled, or a faster-whisper model folder that exists."
        )
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        return Check("model", False, f"'{model}' does not load: {message}", fix)
    return Check("model", True, f"'{model}' loads")


def check_data_dir(data_dir: Path, source: str = "") -> Check:
    """The data folder exists and both it (database, settings) and ``audio/`` take new files."""
    from offguard.audio.devices import Check
    from offguard.config import ensure_data_dir
    from offguard.errors import StorageError

    fix = (
        f"make {data_dir} and its audio/ folder writable by you, or choose another folder "
        "with --data-dir DIR or OFFGUARD_DATA_DIR."
    )
    shown = data_dir.expanduser().resolve()
    try:
        ensure_data_dir(data_dir)
    except StorageError as exc:
        return Check("data folder", False, exc.message, exc.fix or fix)
    for folder in (data_dir, data_dir / "audio"):
        probe = folder / f".doctor-{uuid.uuid4().hex}"
        try:
            probe.write_bytes(b"offguard")
            probe.unlink()
        except OSError as exc:
            with contextlib.suppress(OSError):
                probe.unlink()
            where = folder.expanduser().resolve()
            return Check(
                "data folder", False, f"{where} is not writable: {exc.strerror or exc}", fix
            )
    how = f"; {source}" if source else ""
    return Check("data folder", True, f"{shown} is in use and writable{how}")


def data_dir_source(flag: str | None) -> str:
    """Where the choice of data folder came from, for the doctor's line."""
    import os

    if flag:
        return "set by --data-dir"
    if os.environ.get("OFFGUARD_DATA_DIR"):
        return "set by OFFGUARD_DATA_DIR"
    return "the default"


def check_disk(data_dir: Path) -> Check:
    from offguard.audio.devices import Check

    place = data_dir.resolve()
    while not place.exists() and place != place.parent:
        place = place.parent
    try:
        free = shutil.disk_usage(place).free
    except OSError as exc:
        return Check("disk space", False, f"cannot read free space: {exc}", None)
    text = f"{free / 1024**3:.1f} GB free on {place}"
    if free < MIN_FREE_BYTES:
        return Check(
            "disk space",
            False,
            text,
            "free some space, or choose a folder on another disk with --data-dir DIR.",
        )
    return Check("disk space", True, text)
