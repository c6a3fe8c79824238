"""Nothing leaves the machine: the whole flow works with network sockets blocked.

A `sitecustomize` in the subprocess makes every AF_INET/AF_INET6 socket raise, the way a machine
without network (or a firewall) would; Unix sockets (PulseAudio) still work.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

BLOCK_NETWORK = """
import socket
_real = socket.socket
class _Blocked(_real):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if family in (socket.AF_INET, socket.AF_INET6) or (family == -1 and fileno is None):
            raise OSError(101, "network blocked by the offline test")
        super().__init__(family, type, proto, fileno)
socket.socket = _Blocked
def _no_connection(*args, **kwargs):
    raise OSError(101, "network blocked by the offline test")
socket.create_connection = _no_connection
"""


def offguard(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "offguard", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def offline_env(tmp_path: Path, base: dict[str, str]) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(BLOCK_NETWORK)
    repo = Path(__file__).resolve().parents[1]
    return {
        **base,
        "PYTHONPATH": os.pathsep.join([str(site), str(repo / "src")]),
        "OFFGUARD_DATA_DIR": str(tmp_path / "data"),
        "HF_HUB_OFFLINE": "0",  # even when allowed to try, nothing may reach out
    }


@pytest.mark.model
@pytest.mark.mic
def test_record_transcribe_analyze_export_without_network(
    tmp_path: Path, vmic: Any, speech_clip: Path
) -> None:
    """The microphone path, for real: the virtual mic speaks while `offguard record` listens."""
    env = offline_env(tmp_path, vmic.env)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "offguard",
            "record",
            "--question",
            "curve-why-not-hire",
            "--seconds",
            "22",
            "--device",
            "pulse",
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    # Speak only once the command says it is recording (the model loads first).
    assert proc.stderr is not None
    said = [proc.stderr.readline() for _ in range(1)]
    while not said[-1].startswith("Recording") and said[-1] and len(said) < 50:
        said.append(proc.stderr.readline())
    assert said[-1].startswith("Recording"), said
    time.sleep(0.3)
    vmic.feed(speech_clip)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    outcome = json.loads(out)
    assert "country" in outcome["transcript"].lower(), outcome
    assert outcome["status"] == "saved" and Path(outcome["audio"]).is_file()

    analysed = offguard(["analyze", "--take", str(outcome["take_id"]), "--json"], env)
    assert analysed.returncode == 0, analysed.stderr
    report = tmp_path / "report.html"
    exported = offguard(["export", "--format", "html", "--out", str(report)], env)
    assert exported.returncode == 0, exported.stderr
    assert "country" in report.read_text(encoding="utf-8").lower()


@pytest.mark.model
def test_import_transcribe_analyze_export_without_network(tmp_path: Path, speech_dir: Path) -> None:
    env = offline_env(tmp_path, dict(os.environ))
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert probe.returncode != 0 and "network blocked" in probe.stderr

    clip = speech_dir / "clips" / "jfk.flac"
    imported = offguard(
        ["import", str(clip), "--question", "gen-tell-me-about-yourself", "--json"], env
    )
    if "no question with id" in imported.stderr:
        first = json.loads(offguard(["questions", "--json"], env).stdout)[0]["id"]
        imported = offguard(["import", str(clip), "--question", first, "--json"], env)
    assert imported.returncode == 0, imported.stderr
    outcome = json.loads(imported.stdout)
    assert "country" in outcome["transcript"].lower()

    analysed = offguard(["analyze", "--take", str(outcome["take_id"]), "--json"], env)
    assert analysed.returncode == 0, analysed.stderr
    assert json.loads(analysed.stdout)["verdict"] in {"generic", "specific"}

    transcribed = offguard(["transcribe", str(clip), "--json"], env)
    assert transcribed.returncode == 0, transcribed.stderr
    assert "ask not" in json.loads(transcribed.stdout.splitlines()[0])["text"].lower()

    report = tmp_path / "report.html"
    exported = offguard(["export", "--format", "html", "--out", str(report)], env)
    assert exported.returncode == 0, exported.stderr
    html = report.read_text(encoding="utf-8")
    assert "country" in html.lower()
