"""Settings: where data lives and the user's choices (model, device, target length, theme).

Order of precedence: command-line flag, then environment (``OFFGUARD_DATA_DIR``,
``OFFGUARD_MODEL``, ``OFFGUARD_DEVICE``), then ``DATA_DIR/settings.json``, then defaults.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from offguard.errors import StorageError

DEFAULT_DATA_DIR = Path("recordings")
SETTINGS_FILE = "settings.json"
DB_FILE = "offguard.sqlite3"


@dataclass(frozen=True)
class Settings:
    """Everything the app needs to know before it starts."""

    data_dir: Path = field(default_factory=lambda: DEFAULT_DATA_DIR)
    """Folder holding the database, the audio and the user's own question banks."""
    model: str = "bundled"
    """``bundled`` (tiny.en shipped in a package), a faster-whisper name or a model folder."""
    device: str | None = None
    """Input device by index or (part of its) name; ``None`` for the system default."""
    target_seconds: int = 90
    """Target answer length shown against the timer."""
    theme: str = "textual-dark"
    """The Textual theme of the TUI."""
    samplerate: int = 16000
    """Recording rate (Hz); the device default is used when it cannot do this one."""

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE

    @property
    def audio_dir(self) -> Path:
        return self.data_dir / "audio"

    @property
    def banks_dir(self) -> Path:
        return self.data_dir / "question_banks"

    @property
    def trash_dir(self) -> Path:
        return self.data_dir / "trash"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("data_dir")
        return data


_PERSISTED = {f.name for f in fields(Settings)} - {"data_dir"}


def resolve_data_dir(flag: str | os.PathLike[str] | None = None) -> Path:
    """The data folder from a flag, ``OFFGUARD_DATA_DIR`` or ``./recordings``."""
    if flag:
        return Path(flag).expanduser()
    env = os.environ.get("OFFGUARD_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return DEFAULT_DATA_DIR


def ensure_data_dir(data_dir: Path) -> Path:
    """Create the data folder (owner-only permissions) and its sub-folders."""
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        for sub in ("audio", "question_banks", "trash"):
            (data_dir / sub).mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"Cannot create the data folder {data_dir}: {exc.strerror or exc}.",
            "choose a writable folder with --data-dir DIR or OFFGUARD_DATA_DIR.",
        ) from exc
    return data_dir


def load_settings(data_dir: str | os.PathLike[str] | None = None, **overrides: Any) -> Settings:
    """Settings from the data folder's settings.json, environment and explicit overrides.

    Overrides whose value is ``None`` are ignored, so CLI flags can be passed straight in.
    """
    root = resolve_data_dir(data_dir)
    values: dict[str, Any] = {}
    path = root / SETTINGS_FILE
    if path.is_file():
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        if isinstance(stored, dict):
            values.update({k: v for k, v in stored.items() if k in _PERSISTED})
    if os.environ.get("OFFGUARD_MODEL"):
        values["model"] = os.environ["OFFGUARD_MODEL"]
    if os.environ.get("OFFGUARD_DEVICE"):
        values["device"] = os.environ["OFFGUARD_DEVICE"]
    values.update({k: v for k, v in overrides.items() if v is not None and k in _PERSISTED})
    settings = Settings(data_dir=root)
    try:
        return replace(settings, **values)
    except TypeError:
        return settings


def save_settings(settings: Settings) -> None:
    """Persist the user's choices to ``DATA_DIR/settings.json`` (atomically)."""
    ensure_data_dir(settings.data_dir)
    path = settings.data_dir / SETTINGS_FILE
    tmp = path.with_suffix(".json.tmp")
    try:
        tmp.write_text(json.dumps(settings.to_json(), indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise StorageError(f"Cannot save settings to {path}: {exc.strerror or exc}.") from exc
