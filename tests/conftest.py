"""Shared fixtures: where ../shared is, a fresh data folder, offline model hub."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("OFFGUARD_SHARED_DIR", REPO.parent / "shared"))

pytest_plugins = ["tests.vmic_fixture"]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared material (speech clips, labelled answers); skip when absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"shared material not found at {SHARED} (it sits beside the clone in CI)")
    return SHARED


@pytest.fixture(scope="session")
def speech_dir(shared_dir: Path) -> Path:
    return shared_dir / "data" / "speech"


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    """A fresh, empty data folder for one test."""
    path = tmp_path / "data"
    return path
