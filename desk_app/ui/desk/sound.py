"""Short outcome sounds, played without ever blocking the window; silent with no audio device."""

from __future__ import annotations

import glob
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from desk_app.paths import resource_path

log = logging.getLogger(__name__)

SOUNDS = ("entry", "exit", "warning", "rejected")


def _pulse_server_present() -> bool:
    if os.environ.get("PULSE_SERVER"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return runtime is not None and Path(runtime, "pulse", "native").exists()


def _alsa_playback_present() -> bool:
    return bool(glob.glob("/dev/snd/pcmC*D*p"))


def find_player() -> list[str] | None:
    """The command that plays a WAV file here, or None where there is no way or no device."""
    if sys.platform.startswith("win"):
        return ["winsound"]
    if sys.platform == "darwin":
        player = shutil.which("afplay")
        return [player] if player else None
    paplay = shutil.which("paplay")
    if paplay and _pulse_server_present():
        return [paplay]
    aplay = shutil.which("aplay")
    if aplay and _alsa_playback_present():
        return [aplay, "-q"]
    return None


class SoundPlayer:
    """Plays ``resources/sounds/<name>.wav`` in the background; a no-op where nothing can play."""

    def __init__(self, *, enabled: bool = True, player: list[str] | None = None) -> None:
        self.enabled = enabled
        self.player = player if player is not None else find_player()
        self._running: subprocess.Popen[bytes] | None = None
        self._stopping: list[subprocess.Popen[bytes]] = []

    @property
    def available(self) -> bool:
        return self.player is not None

    def path_for(self, name: str) -> Path:
        return resource_path("sounds", f"{name}.wav")

    def play(self, name: str) -> bool:
        """Start the sound and return at once; False when nothing was played."""
        if not self.enabled or self.player is None or name not in SOUNDS:
            return False
        path = self.path_for(name)
        if not path.is_file():
            return False
        if self.player == ["winsound"]:
            return self._play_winsound(path)
        self._reap()
        try:
            self._running = subprocess.Popen(
                [*self.player, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            log.info("sound disabled: %s", exc)
            self.player = None
            return False
        return True

    def _reap(self) -> None:
        # A new sound replaces one still playing (outcomes come faster than chimes end);
        # stopped players are collected later, never waited for.
        running = self._running
        if running is not None and running.poll() is None:
            running.terminate()
            self._stopping.append(running)
        self._running = None
        self._stopping = [p for p in self._stopping if p.poll() is None]

    @staticmethod
    def _play_winsound(path: Path) -> bool:
        if sys.platform != "win32":
            return False
        import winsound

        try:
            flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
            winsound.PlaySound(str(path), flags)
        except RuntimeError as exc:  # no output device
            log.info("sound not played: %s", exc)
            return False
        return True

    def close(self) -> None:
        self._reap()
