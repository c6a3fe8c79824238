"""A virtual microphone for the tests: our own PulseAudio daemon in a temporary folder.

Recipe from ../shared/docs/virtual-mic.md: a null sink ``vmic_feed`` we play test audio into,
a source ``vmic`` remapped from its monitor (the microphone), a speaker ``vspk`` we can tap,
and keep-alive loopbacks so an idle sink does not render 2 s blocks. PortAudio reaches it via
ALSA's pulse plugin, which decides at PortAudio start-up whether PulseAudio is there: the
``vmic`` fixture sets ``PULSE_SERVER`` and re-initialises PortAudio when sounddevice is
already imported. Subprocesses get the server from :attr:`PulseDaemon.env`.

Skips (with the reason) when ``pulseaudio``/``pactl``/``paplay`` are missing or the daemon
does not start.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

TOOLS = ("pulseaudio", "pactl", "paplay")

_CONFIG = """\
load-module module-native-protocol-unix socket={socket} auth-anonymous=1
load-module module-null-sink sink_name=vspk format=s16le rate=48000 channels=2
load-module module-null-sink sink_name=vmic_feed format=s16le rate={rate} channels=1
load-module module-remap-source source_name=vmic master=vmic_feed.monitor
load-module module-null-sink sink_name=vkeep
load-module module-loopback source=vmic_feed.monitor sink=vkeep adjust_time=0 latency_msec=60 \
source_dont_move=true sink_dont_move=true
load-module module-loopback source=vspk.monitor sink=vkeep adjust_time=0 latency_msec=60 \
source_dont_move=true sink_dont_move=true
set-default-sink vspk
set-default-source vmic
"""


class PulseDaemon:
    """One PulseAudio daemon with a virtual microphone and speaker, in ``root``."""

    def __init__(self, root: Path, rate: int = 16000) -> None:
        self.root = root
        self.rate = rate
        self.socket = root / "native"
        self.server = f"unix:{self.socket}"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def env(self) -> dict[str, str]:
        """The environment for a client process (PortAudio, paplay, pactl)."""
        env = dict(os.environ)
        env["PULSE_SERVER"] = self.server
        return env

    def start(self) -> None:
        missing = [tool for tool in TOOLS if shutil.which(tool) is None]
        if missing:
            raise RuntimeError(
                f"{', '.join(missing)} not installed (apt install pulseaudio pulseaudio-utils)"
            )
        for sub in ("xdg", "home"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        (self.root / "xdg").chmod(0o700)
        config = self.root / "vmic.pa"
        config.write_text(_CONFIG.format(socket=self.socket, rate=self.rate), encoding="utf-8")
        env = dict(os.environ, XDG_RUNTIME_DIR=str(self.root / "xdg"), HOME=str(self.root / "home"))
        env.pop("PULSE_SERVER", None)
        log = self.root / "pulseaudio.log"
        self.process = subprocess.Popen(
            [
                "pulseaudio", "-n", "-F", str(config), "--daemonize=no",
                "--exit-idle-time=-1", "--use-pid-file=no", "--disallow-exit=yes",
                "--realtime=no", "--high-priority=no", "--resample-method=speex-float-10",
                f"--log-target=file:{log}",
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 15
        while not self._answers():
            if self.process.poll() is not None:
                text = log.read_text(errors="replace")[-2000:] if log.exists() else ""
                raise RuntimeError(f"pulseaudio exited ({self.process.returncode}): {text}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("pulseaudio did not answer within 15 s")
            time.sleep(0.1)
        # The sinks rendered a first 2 s block before the keep-alive attached: restart their
        # clocks, then wait until both report a latency under 100 ms.
        for sink in ("vspk", "vmic_feed"):
            self.pactl("suspend-sink", sink, "1")
            self.pactl("suspend-sink", sink, "0")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not self._settled():
            time.sleep(0.1)

    def pactl(self, *args: str) -> str:
        done = subprocess.run(
            ["pactl", *args], env=self.env, capture_output=True, text=True, timeout=20
        )
        if done.returncode != 0:
            raise RuntimeError(f"pactl {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def feed(self, audio: Any, samplerate: int | None = None, *, wait: bool = True) -> Any:
        """Play a file, or a float array at ``samplerate``, into the microphone (real-time).

        Returns when it has played, or (``wait=False``) the running ``paplay`` process."""
        path = (
            Path(audio)
            if isinstance(audio, (str, os.PathLike))
            else self._to_wav(audio, samplerate or self.rate)
        )
        proc = subprocess.Popen(
            ["paplay", "--device=vmic_feed", str(path)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        if not wait:
            return proc
        _, err = proc.communicate(timeout=600)
        if proc.returncode != 0:
            raise RuntimeError(f"paplay failed: {err.decode(errors='replace').strip()}")
        return None

    def tap(self, rate: int = 16000) -> subprocess.Popen[bytes]:
        """Start recording what is played to the speaker (float32 mono on the pipe)."""
        return subprocess.Popen(
            [
                "parec", "--device=vspk.monitor", "--raw", "--format=float32le",
                f"--rate={rate}", "--channels=1", "--latency-msec=20",
            ],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def stop(self) -> None:
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)

    def _answers(self) -> bool:
        if not self.socket.exists():
            return False
        done = subprocess.run(["pactl", "info"], env=self.env, capture_output=True, timeout=10)
        return done.returncode == 0

    def _settled(self) -> bool:
        name, ok = "", 0
        for line in self.pactl("list", "sinks").splitlines():
            line = line.strip()
            if line.startswith("Name: "):
                name = line.split(None, 1)[1]
            elif line.startswith("Latency: ") and name in ("vspk", "vmic_feed"):
                ok += int(line.split()[1]) < 100_000
        return ok == 2

    def _to_wav(self, samples: Any, samplerate: int) -> Path:
        import soundfile as sf

        fd, name = tempfile.mkstemp(suffix=".wav", dir=self.root)
        os.close(fd)
        sf.write(name, samples, samplerate, subtype="PCM_16")
        return Path(name)


def start_daemon(root: Path, rate: int = 16000) -> PulseDaemon:
    """A started daemon, or a pytest skip saying why there is none."""
    daemon = PulseDaemon(root, rate)
    try:
        daemon.start()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        daemon.stop()
        pytest.skip(f"virtual microphone unavailable: {exc}")
    return daemon


def reinit_portaudio() -> None:
    """Make an already-imported sounddevice see the current PULSE_SERVER."""
    sd = sys.modules.get("sounddevice")
    if sd is not None:
        sd._terminate()
        sd._initialize()


@pytest.fixture(scope="session")
def vmic() -> Iterator[PulseDaemon]:
    """A running virtual microphone; this process's PortAudio sees it as 'pulse'/'default'."""
    root = Path(tempfile.mkdtemp(prefix="offguard-vmic-"))  # short: a socket path <= 107 bytes
    daemon = start_daemon(root)
    previous = os.environ.get("PULSE_SERVER")
    os.environ["PULSE_SERVER"] = daemon.server
    reinit_portaudio()
    try:
        yield daemon
    finally:
        daemon.stop()
        if previous is None:
            os.environ.pop("PULSE_SERVER", None)
        else:
            os.environ["PULSE_SERVER"] = previous
        reinit_portaudio()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture()
def spare_pulse() -> Iterator[PulseDaemon]:
    """A second daemon of its own (for tests that kill it); not seen by this process."""
    root = Path(tempfile.mkdtemp(prefix="offguard-pulse-"))
    daemon = start_daemon(root)
    try:
        yield daemon
    finally:
        daemon.stop()
        shutil.rmtree(root, ignore_errors=True)


SPOKEN = (
    "Tell me about a time you disagreed with your manager. Last spring our team had two weeks "
    "to migrate the billing service, and I thought we should ship it in three small steps."
)


@pytest.fixture(scope="session")
def speech_clip() -> Iterator[Path]:
    """Real speech as a 16 kHz mono FLAC: jfk.flac from ../shared, else espeak-ng's voice."""
    from tests.conftest import SHARED

    clip = SHARED / "data" / "speech" / "clips" / "jfk.flac"
    if clip.is_file():
        yield clip
        return
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        pytest.skip(f"no speech: {clip} not found and espeak-ng not installed")
    import soundfile as sf

    from offguard.audio.files import resample

    root = Path(tempfile.mkdtemp(prefix="offguard-speech-"))
    try:
        wav = root / "speech.wav"
        subprocess.run([espeak, "-w", str(wav), SPOKEN], check=True, capture_output=True)
        data, rate = sf.read(str(wav), dtype="float32")
        out = root / "speech.flac"
        sf.write(str(out), resample(data, int(rate), 16000), 16000, subtype="PCM_16")
        yield out
    finally:
        shutil.rmtree(root, ignore_errors=True)
