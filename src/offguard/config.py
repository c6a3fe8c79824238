"""Settings: where data lives and the user's choices (model, device, target length, theme).

Order of precedence: command-line flag, then environment (``OFFGUARD_DATA_DIR``,
``OFFGUARD_MODEL``, ``OFFGUARD_DEVICE``), then ``DATA_DIR/settings.json``, then defaults.

The settings model is a frozen dataclass whose every field has an explicit validator
(:data:`_VALIDATORS`): a bad value in settings.json is reported by name in
:attr:`Settings.problems` and replaced by its default, never a traceback. (pydantic 2 would
do the same, but building one model costs ~0.1 s at start-up, a tenth of the start budget,
for six fields.) Saving writes only the keys the user changed, keeps every other key of the
file (unknown ones included), never persists flags or environment overrides, and never
overwrites a file it could not read.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from offguard.errors import StorageError

APP_NAME = "offguard"
LEGACY_DATA_DIR = Path("recordings")
"""The data folder of offguard before 0.x: ``./recordings`` relative to where it started."""
SETTINGS_FILE = "settings.json"
DB_FILE = "offguard.sqlite3"


def default_data_dir() -> Path:
    """The platform's per-user data folder (``~/.local/share/offguard`` on Linux,
    ``~/Library/Application Support/offguard`` on macOS, ``%LOCALAPPDATA%\\offguard`` on
    Windows)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Settings:
    """Everything the app needs to know before it starts."""

    data_dir: Path = field(default_factory=default_data_dir)
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
    problems: tuple[str, ...] = field(default=(), compare=False, repr=False)
    """What was wrong in settings.json (or about the data folder), one line each."""

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

    @property
    def settings_path(self) -> Path:
        return self.data_dir / SETTINGS_FILE

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("data_dir")
        data.pop("problems")
        return data


# -- validation ------------------------------------------------------------------------------

MIN_TARGET_SECONDS, MAX_TARGET_SECONDS = 10, 1800
MIN_SAMPLERATE, MAX_SAMPLERATE = 8000, 192000


class _Invalid(ValueError):
    """A settings value of the wrong type or range; the text says what is expected."""


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid("must be non-empty text")
    return value.strip()


def _device(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)  # a device index written as a number
    if isinstance(value, str):
        return value.strip() or None
    raise _Invalid("must be a device name, a device number or null")


def _int_between(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Invalid(f"must be a whole number from {low} to {high}")
        if not low <= value <= high:
            raise _Invalid(f"must be from {low} to {high}")
        return value

    return check


_VALIDATORS: dict[str, Callable[[Any], Any]] = {
    "model": _text,
    "device": _device,
    "target_seconds": _int_between(MIN_TARGET_SECONDS, MAX_TARGET_SECONDS),
    "theme": _text,
    "samplerate": _int_between(MIN_SAMPLERATE, MAX_SAMPLERATE),
}
PERSISTED = frozenset(_VALIDATORS)
"""The keys of settings.json that offguard reads (others are kept untouched)."""
_DEFAULTS = Settings(data_dir=Path("."))


def validate(key: str, value: Any) -> Any:
    """``value`` checked and normalised for ``key``; raises ValueError saying what is expected."""
    if key not in _VALIDATORS:
        raise ValueError(f"unknown setting '{key}'")
    return _VALIDATORS[key](value)


# -- the data folder -------------------------------------------------------------------------


def resolve_data_dir(flag: str | os.PathLike[str] | None = None) -> Path:
    """The data folder from a flag, ``OFFGUARD_DATA_DIR`` or the user data folder."""
    if flag:
        return Path(flag).expanduser()
    env = os.environ.get("OFFGUARD_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def legacy_data_note(data_dir: Path, cwd: Path | None = None) -> str | None:
    """A note when ``./recordings`` holds data from an older offguard and is not in use."""
    legacy = (cwd or Path.cwd()) / LEGACY_DATA_DIR
    try:
        if not (legacy / DB_FILE).is_file() or legacy.resolve() == data_dir.resolve():
            return None
    except OSError:
        return None
    return (
        f"earlier practice data is in {legacy} (offguard now keeps its data in {data_dir}); "
        f"use it with --data-dir {legacy} or OFFGUARD_DATA_DIR={legacy}, or move it with: "
        f"mkdir -p {data_dir.parent} && mv {legacy} {data_dir}"
        + (" (after moving away the new, empty folder)" if (data_dir / DB_FILE).exists() else "")
    )


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


# -- loading ---------------------------------------------------------------------------------


def _read_file(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """The file's JSON object (``{}`` when there is no file), or ``None`` and the problem."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, None
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "is not UTF-8 text"
    except ValueError as exc:
        return None, f"is not valid JSON ({exc})"
    if not isinstance(data, dict):
        return None, "does not hold a JSON object ({...})"
    return data, None


def load_settings(data_dir: str | os.PathLike[str] | None = None, **overrides: Any) -> Settings:
    """Settings from the data folder's settings.json, environment and explicit overrides.

    Overrides whose value is ``None`` are ignored, so CLI flags can be passed straight in.
    Every problem (a file that cannot be read, a key with a bad value) is a line in
    :attr:`Settings.problems`; the default is used instead.
    """
    root = resolve_data_dir(data_dir)
    path = root / SETTINGS_FILE
    problems: list[str] = []
    values: dict[str, Any] = {}
    stored, problem = _read_file(path)
    if problem:
        problems.append(
            f"settings file {path} {problem}; using the default settings. Fix or delete it "
            f"(a setting changed in the app first keeps a copy as {SETTINGS_FILE}.broken-DATE)."
        )
    for key, value in (stored or {}).items():
        if key not in PERSISTED:
            continue
        try:
            values[key] = validate(key, value)
        except ValueError as exc:
            default = getattr(_DEFAULTS, key)
            problems.append(
                f"setting '{key}' in {path} {exc} (found {json.dumps(value)}); "
                f"using the default, {json.dumps(default)}."
            )
    env = {"model": os.environ.get("OFFGUARD_MODEL"), "device": os.environ.get("OFFGUARD_DEVICE")}
    for key, value in list(env.items()) + list(overrides.items()):
        if value is None or value == "" or key not in PERSISTED:
            continue
        try:
            values[key] = validate(key, value)
        except ValueError as exc:
            problems.append(f"'{key}' {exc} (got {value!r}); ignored.")
    if data_dir is None and not os.environ.get("OFFGUARD_DATA_DIR"):
        note = legacy_data_note(root)
        if note:
            problems.append(note)
    return replace(Settings(data_dir=root), problems=tuple(problems), **values)


# -- saving ----------------------------------------------------------------------------------


def save_settings(settings: Settings, changed: Mapping[str, Any] | None = None) -> None:
    """Write the keys the user ``changed`` into ``DATA_DIR/settings.json`` (atomically).

    Only those keys change: every other key of the file stays as it was (unknown keys and
    values that came from a flag or the environment included). ``changed=None`` means every
    persisted key of ``settings`` (for tests and first-time set-up). A file that cannot be
    read or parsed is never overwritten: it is kept as ``settings.json.broken-DATE`` first.
    The previous version of the file is kept as ``settings.json.bak``.
    """
    if changed is None:
        changed = settings.to_json()
    updates: dict[str, Any] = {}
    for key, value in changed.items():
        try:
            updates[key] = validate(key, value)
        except ValueError as exc:
            raise StorageError(f"Cannot save the setting '{key}': it {exc}.") from exc
    ensure_data_dir(settings.data_dir)
    path = settings.settings_path
    current, problem = _read_file(path)
    try:
        if current is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = path.with_name(f"{SETTINGS_FILE}.broken-{stamp}")
            shutil.copy2(path, kept)
            current = {}
        elif path.exists():
            shutil.copy2(path, path.with_name(SETTINGS_FILE + ".bak"))
    except OSError as exc:
        raise StorageError(
            f"Not saving settings: {path} {problem or 'cannot be backed up'} "
            f"and a copy of it cannot be kept ({exc.strerror or exc}).",
            f"fix or delete {path}.",
        ) from exc
    current.update(updates)
    tmp = path.with_name(f".{SETTINGS_FILE}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"Cannot save settings to {path}: {exc.strerror or exc}.") from exc


def persisted_fields() -> list[str]:
    """The names of the settings kept in settings.json, in declaration order."""
    return [f.name for f in fields(Settings) if f.name in PERSISTED]
