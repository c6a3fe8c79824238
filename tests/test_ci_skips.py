"""Under CI=true a test that skips for a missing tool fails; a platform skip stays a skip."""

from __future__ import annotations

import os

import pytest

from tests.conftest import REPO

PROBE = """
import shutil
import pytest

def test_needs_a_tool() -> None:
    pytest.skip("frobnicator is not installed")

@pytest.mark.skipif(shutil.which("no-such-tool-x") is None, reason="no-such-tool-x is missing")
def test_needs_another_tool() -> None:
    pass

@pytest.mark.skipif(True, reason="not on this platform: a demonstration")
def test_other_platform() -> None:
    pass
"""


def run_probe(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, ci: str | None
) -> pytest.RunResult:
    """The probe tests run by a fresh pytest with this project's conftest as a plugin."""
    pytester.makepyfile(test_probe=PROBE)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    paths = (str(REPO), os.environ.get("PYTHONPATH", ""))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in paths if p))
    return pytester.runpytest_subprocess("-p", "tests.conftest", "-p", "no:cacheprovider")


def test_ci_fails_a_skip_for_a_missing_tool(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_probe(pytester, monkeypatch, "true")
    result.assert_outcomes(failed=1, errors=1, skipped=1)
    result.stdout.fnmatch_lines(["*skipped under CI=true*frobnicator is not installed*"])


def test_outside_ci_a_missing_tool_is_a_skip(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_probe(pytester, monkeypatch, None).assert_outcomes(skipped=3)
