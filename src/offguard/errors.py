"""Errors the user can act on.

Every failure that reaches a person (CLI or TUI) is an :class:`OffguardError`: one clear
sentence saying what went wrong, and, where there is one, the fix to apply.
"""

from __future__ import annotations


class OffguardError(Exception):
    """A problem to show the user as one line, never as a traceback."""

    def __init__(self, message: str, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        if self.fix:
            return f"{self.message} Fix: {self.fix}"
        return self.message


class AudioUnavailable(OffguardError):
    """PortAudio missing, no input device, device busy or unplugged."""


class AudioFileError(OffguardError):
    """An audio file that cannot be read (corrupt, unsupported, missing)."""


class ModelUnavailable(OffguardError):
    """The transcription model cannot be found or loaded."""


class StorageError(OffguardError):
    """The data folder or database cannot be written or read."""
