"""The part of the Transcriber protocol that the test fakes share: no loading, no settings, and
the extra passes (coverage, fillers) leaving the words as they are."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from offguard.transcription.types import Word


class PassThroughTranscriber:
    """Subclasses provide ``model_name`` and ``transcribe``; they override what they observe."""

    def load(self) -> None: ...

    def settings(self) -> dict[str, Any]:
        return {}

    def cover(
        self,
        audio: Any,
        words: Sequence[Word],
        *,
        samplerate: int = 16000,
        offset: float = 0.0,
        cancel: Callable[[], bool] | None = None,
    ) -> Sequence[Word]:
        return words

    def add_fillers(
        self,
        audio: Any,
        words: Sequence[Word],
        *,
        samplerate: int = 16000,
        prompt: str | None = None,
        offset: float = 0.0,
        cancel: Callable[[], bool] | None = None,
    ) -> Sequence[Word]:
        return words
