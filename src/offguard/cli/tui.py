"""``offguard`` with no command: build the real parts and open the practice room."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from offguard.config import ensure_data_dir, load_settings

if TYPE_CHECKING:
    from offguard.audio.player import Player
    from offguard.audio.recorder import AudioRecorder
    from offguard.ui.app import OffguardApp


LOG_NAME = "offguard.log"


def setup_logging(data_dir: Path) -> Path:
    """Log warnings and unexpected errors (with tracebacks) of the ``offguard`` loggers to
    ``DATA_DIR/offguard.log``, readable by the owner only. Returns the file's path."""
    path = data_dir / LOG_NAME
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    logger = logging.getLogger("offguard")
    if not any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return path


def launch(args: argparse.Namespace) -> int:
    """Open the TUI; the model loads in the background once the first screen is up."""
    from offguard.audio.devices import list_input_devices
    from offguard.store import Store
    from offguard.transcription.whisper import WhisperTranscriber
    from offguard.ui.factory import make_app

    settings = load_settings(args.data_dir, model=args.model)
    ensure_data_dir(settings.data_dir)
    with contextlib.suppress(OSError):  # no log file: errors still show in the app
        setup_logging(settings.data_dir)
    holder: list[OffguardApp] = []

    def recorder_factory() -> AudioRecorder:
        from offguard.audio.recorder import Recorder

        current = holder[0].settings if holder else settings
        return Recorder(current.device, current.samplerate)

    def player_factory(path: Path) -> Player:
        from offguard.audio.player import make_player

        return make_player(path)

    with Store.open(settings.db_path) as store:
        app = make_app(
            settings,
            store=store,
            transcriber=WhisperTranscriber(settings.model),
            recorder_factory=recorder_factory,
            player_factory=player_factory,
            device_lister=list_input_devices,
        )
        holder.append(app)
        app.run()
    return app.return_code or 0
