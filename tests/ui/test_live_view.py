"""Live view: a visit recorded by another desk process shows in this window, row by row."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk_app.domain.visits import Method
from desk_app.ui.desk.sound import SoundPlayer
from desk_app.ui.main_window import MainWindow
from tests.own_postgres import OwnPostgres
from tests.ui.helpers import AN, BINH, OFFSCREEN_NOISE, open_context

pytestmark = OFFSCREEN_NOISE
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot: QtBot, db_url: str) -> Iterator[MainWindow]:
    ctx = open_context(db_url)
    win = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    ctx.close()


def other_desk(url: str, tmp_path: Path, text: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "DESK_APP_HOME": str(tmp_path / "other-desk"),
        "XDG_CONFIG_HOME": str(tmp_path / "other-config"),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "desk_app", "--db", url, "record", text, "--desk", "Cổng phụ"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_visit_at_another_desk_shows_without_a_reload(
    qtbot: QtBot, window: MainWindow, db_url: str, tmp_path: Path
) -> None:
    window.start_live_view()
    reloaded: list[str] = []
    window.ctx.log.visits_on = lambda day: reloaded.append("day") or []  # type: ignore[method-assign]
    assert window.visits.visible_names() == []
    with qtbot.waitSignal(window.controller.visits_changed, timeout=30_000) as changed:
        proc = other_desk(db_url, tmp_path, AN)
        assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    rows, counts = changed.args
    assert [row.name for row in rows] == ["Nguyễn Văn An"]
    assert rows[0].desk == "Cổng phụ"
    assert counts["inside"] == 1
    assert window.visits.visible_names() == ["Nguyễn Văn An"]
    assert window.inside.list.count() == 1
    assert reloaded == []  # the day was not read again


def test_the_live_view_stops_with_the_window(qtbot: QtBot, window: MainWindow) -> None:
    window.start_live_view()
    assert window.live is not None
    window.close()
    assert window.live.isFinished()


@pytest.fixture
def own_server() -> Iterator[OwnPostgres]:
    try:
        pg = OwnPostgres()
    except (RuntimeError, subprocess.CalledProcessError, OSError) as exc:
        pytest.skip(f"no PostgreSQL server of the test's own: {exc}")
    pg.start()
    yield pg
    pg.remove()


def test_an_outage_at_the_window_keeps_scans_and_sends_them_back(
    qtbot: QtBot, own_server: OwnPostgres
) -> None:
    ctx = open_context(own_server.url)
    win = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    qtbot.addWidget(win)
    try:
        own_server.stop()
        with qtbot.waitSignal(win.controller.offline_changed) as offline:
            assert win.controller.submit_text(AN, Method.SCANNER) is None
        assert offline.args == [True, 1]
        assert win.offline_status.text() == "Offline, 1 waiting"
        own_server.start()
        # The server is back, but an earlier scan still waits: a new one queues behind it.
        with qtbot.waitSignal(win.controller.offline_changed) as offline:
            assert win.controller.submit_text(BINH, Method.SCANNER) is None
        assert offline.args == [True, 2]
        with qtbot.waitSignal(win.controller.visits_changed) as changed:
            assert win.controller.try_flush() == 0
        assert [row.name for row in changed.args[0]] == ["Nguyễn Văn An", "Trần Thị Bình"]
        assert win.offline_status.isHidden()
        inside = sorted(ctx.log.inside(), key=lambda row: row.entry_at)
        assert [row.name for row in inside] == ["Nguyễn Văn An", "Trần Thị Bình"]
        # All sent: the next scan goes straight to the log.
        assert win.controller.submit_text(AN, Method.SCANNER) is not None
    finally:
        win.close()
        ctx.close()


def test_visits_made_while_the_live_view_was_cut_off_show_once_it_listens_again(
    qtbot: QtBot, own_server: OwnPostgres
) -> None:
    """The server restarted under an open window: the visit another desk recorded before the
    live view listened again was never announced; the window reads the day once it does."""
    from desk_app.context import AppContext

    ctx = open_context(own_server.url)
    win = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    qtbot.addWidget(win)
    try:
        win.start_live_view()
        assert win.live is not None
        qtbot.wait(1000)  # listening
        own_server.stop()
        qtbot.wait(1500)  # the listening connection is lost
        own_server.start()
        other = AppContext.open(own_server.url)  # another desk, at once, before re-listening
        try:
            other.log.desk = "Cổng phụ"
            other.log.record_scan(other.parse(AN), method=Method.SCANNER)
        finally:
            other.close()
        with qtbot.waitSignal(win.live.listening_again, timeout=30_000):
            pass
        qtbot.waitUntil(lambda: win.visits.visible_names() == ["Nguyễn Văn An"], timeout=5_000)
        assert win.inside.list.count() == 1
    finally:
        win.close()
        ctx.close()
