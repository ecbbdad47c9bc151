"""One copy per desk: a second start brings the running window forward and opens nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk_app.ui.desk.single_instance import SingleInstance
from desk_app.ui.desk.sound import SoundPlayer
from desk_app.ui.main_window import MainWindow
from tests.ui.helpers import OFFSCREEN_NOISE, open_context

pytestmark = OFFSCREEN_NOISE
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def running(qtbot: QtBot) -> Iterator[SingleInstance]:
    first = SingleInstance()
    assert first.acquire()
    yield first
    first.release()


def start(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desk_app", "--db", f"sqlite:///{tmp_path / 'log.sqlite3'}", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_second_start_brings_the_first_forward(
    qtbot: QtBot, running: SingleInstance, tmp_path: Path
) -> None:
    with qtbot.waitSignal(running.activated, timeout=30_000):
        second = start(tmp_path, "--camera", str(tmp_path / "no-camera.avi"))
    assert second.returncode == 0, second.stderr
    assert "already open" in second.stdout
    assert not (tmp_path / "log.sqlite3").exists()  # it opened nothing, not even the log


def test_the_command_line_works_alongside(running: SingleInstance, tmp_path: Path) -> None:
    done = start(tmp_path, "config", "get", "retention.days")
    assert done.returncode == 0 and done.stdout.strip() == "30", done.stderr


def test_only_one_holds_the_desk(running: SingleInstance, tmp_path: Path) -> None:
    # A different data folder is another desk: it runs on its own.
    other = SingleInstance(folder=tmp_path)
    try:
        assert other.acquire()
    finally:
        other.release()


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|propagateSizeHints)")
def test_the_window_comes_forward(qtbot: QtBot, sqlite_url: str) -> None:
    ctx = open_context(sqlite_url)
    window = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    qtbot.addWidget(window)
    try:
        window.showMinimized()
        window.bring_to_front()
        assert window.isVisible() and not window.isMinimized()
    finally:
        window.close()
        ctx.close()
