"""What every part of the store shares: the connection, the data folder, path helpers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from offguard.store.connection import Connection


class StoreBase:
    """The connection and data folder; the record mixins build on this."""

    _db: Connection
    data_dir: Path
    """The folder holding the database (absolute); audio paths are stored relative to it."""

    def relative(self, path: Path | str) -> str:
        """How a path is stored: relative to the data folder when inside it, else absolute.

        A relative ``path`` is taken relative to the current directory, as everywhere else.
        """
        resolved = Path(path).expanduser().resolve()
        try:
            return resolved.relative_to(self.data_dir).as_posix()
        except ValueError:
            return str(resolved)

    def absolute(self, stored: str) -> Path:
        """The absolute path of a stored audio path."""
        path = Path(stored)
        return path if path.is_absolute() else self.data_dir / path


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None, default: Any) -> Any:
    if not text:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default
