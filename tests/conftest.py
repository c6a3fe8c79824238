"""Shared fixtures: where ../shared is, a fresh data folder (and settings and store on it),
offline model hub; under ``CI=true`` a skip for a missing tool, service or ../shared fails."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

from offguard.config import Settings, ensure_data_dir
from offguard.store import Store

os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("OFFGUARD_SHARED_DIR", REPO.parent / "shared"))

pytest_plugins = ["tests.vmic_fixture", "pytester"]

#: The one kind of skip CI accepts: a test that cannot apply on this operating system.
PLATFORM_SKIP = "not on this platform"


def skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Under CI=true a test must not pass by skipping: a skip for a missing tool, service or
    ../shared fails (only skips that start with :data:`PLATFORM_SKIP` stay skips)."""
    report = yield
    if os.environ.get("CI") == "true" and report.skipped and not hasattr(report, "wasxfail"):
        reason = skip_reason(report)
        if not reason.startswith(PLATFORM_SKIP):
            report.outcome = "failed"
            report.longrepr = f"skipped under CI=true (a missing install step?): {reason}"
    return report


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared material (speech clips, labelled answers); skip when absent
    (a failure under CI=true)."""
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


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    """Default settings on a fresh data folder that exists."""
    settings = Settings(data_dir=tmp_path / "data")
    ensure_data_dir(settings.data_dir)
    return settings


@pytest.fixture()
def store(settings: Settings) -> Iterator[Store]:
    """A real, empty store in the settings' data folder."""
    with Store.open(settings.db_path) as store:
        yield store
