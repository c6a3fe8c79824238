"""The core never imports Textual; the console entry point starts without heavy imports."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import offguard

SRC = Path(offguard.__file__).resolve().parent


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(SRC)], prefix="offguard."):
        if info.name.startswith("offguard.ui"):
            continue
        names.append(info.name)
    return sorted(names)


def fresh_python(code: str) -> str:
    """What ``code`` prints in a new interpreter (nothing imported beforehand)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_core_never_imports_textual() -> None:
    modules = core_modules()
    assert "offguard.practice" in modules and "offguard.analysis" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = fresh_python(code)
    assert out == "", f"core modules pulled in Textual: {out}"


def test_cli_help_does_not_load_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from offguard.cli.main import build_parser\n"
        "build_parser()\n"
        "heavy = [m for m in ('textual', 'faster_whisper', 'ctranslate2', 'sounddevice', 'numpy')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = fresh_python(code)
    assert out == "", f"`offguard --help` imports heavy modules: {out}"


def test_the_layer_contract_lists_every_core_module() -> None:
    """A new core module must be under the import-linter contract "the core never imports the
    UI or the CLI" (pyproject.toml), or lint-imports would not check it."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    config = tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    core = next(c for c in contracts if "offguard.cli" in c["forbidden_modules"])
    top = {
        f"offguard.{info.name}"
        for info in pkgutil.iter_modules([str(SRC)])
        if info.name not in ("ui", "cli", "__main__")
    }
    assert top == set(core["source_modules"])
