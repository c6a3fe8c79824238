"""Devices, `offguard devices` and `offguard doctor`, on the virtual microphone and on machines
without PortAudio or without any input device (made for real in subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from offguard.audio.devices import find_input_device, list_input_devices
from offguard.cli.main import run
from offguard.errors import AudioUnavailable
from tests.vmic_fixture import PulseDaemon

REPO = Path(__file__).resolve().parents[1]
SYSTEM_ALSA_CONF = Path("/usr/share/alsa/alsa.conf")


def no_portaudio_env(tmp_path: Path) -> dict[str, str]:
    """An environment where ctypes cannot find libportaudio, as on a machine without it."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        textwrap.dedent(
            """
            import ctypes.util
            _find = ctypes.util.find_library
            def find_library(name):
                return None if "portaudio" in name else _find(name)
            ctypes.util.find_library = find_library
            """
        ),
        encoding="utf-8",
    )
    return {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{REPO / 'src'}"}


def no_device_env(tmp_path: Path) -> dict[str, str]:
    """PortAudio with an ALSA that has no plugins (no pulse) and no sound card."""
    if not SYSTEM_ALSA_CONF.is_file():
        pytest.skip(f"{SYSTEM_ALSA_CONF} not found (not a Debian-like ALSA install)")
    text = SYSTEM_ALSA_CONF.read_text(encoding="utf-8")
    start = text.index(
        "@hooks ["
    )  # the first hook loads conf.d/ (pulse, jack, ...) and ~/.asoundrc
    end = text.index("]\n", text.index("errors false", start)) + 2
    conf = tmp_path / "alsa.conf"
    conf.write_text(text[:start] + text[end:], encoding="utf-8")
    env = {**os.environ, "ALSA_CONFIG_PATH": str(conf), "PYTHONPATH": str(REPO / "src")}
    env.pop("PULSE_SERVER", None)
    return env


def offguard(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "offguard", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.mic
def test_lists_the_virtual_microphone(vmic: PulseDaemon) -> None:
    devices = list_input_devices()
    names = [d.name for d in devices]
    assert "pulse" in names and "default" in names
    assert sum(d.is_default for d in devices) == 1
    pulse = next(d for d in devices if d.name == "pulse")
    assert pulse.channels >= 1 and pulse.default_samplerate > 0 and pulse.hostapi == "ALSA"


@pytest.mark.mic
def test_finds_devices_by_index_name_part_or_default(vmic: PulseDaemon) -> None:
    pulse = find_input_device("pulse")
    assert pulse.name == "pulse"
    assert find_input_device(pulse.index) == pulse
    assert find_input_device(str(pulse.index)) == pulse
    assert find_input_device("PUL") == pulse
    assert find_input_device(None).is_default
    with pytest.raises(AudioUnavailable) as err:
        find_input_device("usb headset")
    assert "'pulse'" in str(err.value) and "offguard devices" in str(err.value)
    with pytest.raises(AudioUnavailable, match="index 99"):
        find_input_device(99)


@pytest.mark.mic
def test_devices_command(vmic: PulseDaemon, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["devices", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"index", "name", "channels", "default_samplerate", "default", "hostapi"} <= set(
        listed[0]
    )
    assert [d["name"] for d in listed if d["default"]] in (["default"], ["pulse"])
    assert run(["devices"]) == 0
    text = capsys.readouterr().out
    assert "pulse" in text and "*" in text


def test_without_portaudio_every_audio_entry_point_says_how_to_install_it(
    tmp_path: Path,
) -> None:
    env = no_portaudio_env(tmp_path)
    done = offguard(["devices"], env)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "PortAudio library not found" in done.stderr
    assert "sudo apt install libportaudio2" in done.stderr

    done = offguard(["doctor", "--json", "--data-dir", str(tmp_path / "data")], env)
    assert done.returncode == 1, done.stderr
    checks = {c["name"]: c for c in json.loads(done.stdout)}
    assert not checks["PortAudio"]["ok"]
    assert "libportaudio2" in checks["PortAudio"]["fix"]
    assert not checks["microphone"]["ok"]
    assert checks["data folder"]["ok"] and checks["disk space"]["ok"]

    script = textwrap.dedent(
        """
        from pathlib import Path
        from offguard.audio.recorder import Recorder
        from offguard.errors import AudioUnavailable
        try:
            Recorder().start(Path("x.flac"))
        except AudioUnavailable as exc:
            print(exc)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert done.stdout.startswith("PortAudio library not found."), done.stderr


NO_DEVICE_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import numpy as np, soundfile as sf
    from offguard.audio.player import NullPlayer, SoundDevicePlayer, make_player
    from offguard.audio.recorder import Recorder
    from offguard.errors import AudioUnavailable
    out = {}
    try:
        Recorder().start(Path("take.flac"))
    except AudioUnavailable as exc:
        out["record"] = str(exc)
    out["take_left_behind"] = Path("take.flac").exists()
    sf.write("beep.wav", np.zeros(1600, dtype=np.float32), 16000)
    try:
        SoundDevicePlayer(Path("beep.wav")).play()
    except AudioUnavailable as exc:
        out["play"] = str(exc)
    out["fallback"] = type(make_player(Path("beep.wav"))).__name__
    print(json.dumps(out))
    """
)


def test_without_an_input_device_the_message_says_so(tmp_path: Path) -> None:
    env = no_device_env(tmp_path)
    done = offguard(["devices"], env)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "No microphone found" in done.stderr
    assert "offguard devices" in done.stderr

    done = subprocess.run(
        [sys.executable, "-c", NO_DEVICE_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["record"].startswith("No microphone found")
    assert "plug one in" in result["record"]
    assert not result["take_left_behind"]
    assert result["play"].startswith("Cannot play beep.wav")
    assert result["fallback"] == "NullPlayer"

    done = offguard(["doctor", "--data-dir", str(tmp_path / "data")], env)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert any(line.startswith("ok") and "PortAudio" in line for line in lines)
    assert any(line.startswith("FAIL") and "microphone" in line for line in lines)
    assert "fix: plug one in" in done.stdout


@pytest.mark.mic
@pytest.mark.model
def test_doctor_passes_on_a_working_machine(
    vmic: PulseDaemon, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["doctor", "--json", "--data-dir", str(data_dir)])
    checks = json.loads(capsys.readouterr().out)
    assert [c["name"] for c in checks] == [
        "PortAudio",
        "microphone",
        "model",
        "data folder",
        "disk space",
    ]
    assert all(c["ok"] for c in checks), checks
    assert code == 0


@pytest.mark.mic
def test_doctor_checks_the_configured_microphone(vmic: PulseDaemon) -> None:
    from offguard.audio.devices import check_audio

    portaudio, mic = check_audio("usb headset")
    assert portaudio.ok
    assert not mic.ok and "usb headset" in mic.detail and "'pulse'" in mic.detail
    assert mic.fix and "offguard devices" in mic.fix
    assert check_audio("pulse")[1].ok


def test_doctor_data_folder_and_disk_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from offguard.cli import doctor

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    bad = doctor.check_data_dir(blocker / "data")
    assert not bad.ok and bad.fix and "--data-dir" in bad.fix
    good = doctor.check_data_dir(tmp_path / "data")
    assert good.ok
    assert doctor.check_disk(tmp_path / "data").ok
    monkeypatch.setattr(doctor, "MIN_FREE_BYTES", 1 << 62)
    full = doctor.check_disk(tmp_path / "nowhere" / "data")
    assert not full.ok and full.fix and "free some space" in full.fix
