"""A desk whose server is out of reach when it starts: the window opens offline, keeps scans,
manual entries and check-outs in its journal, and sends them once the server is back.

These tests run a PostgreSQL server of their own (stopped and started at will), never the
shared one.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desk_app.context import AppContext
from desk_app.domain.visits import Direction, ManualEntry, Method
from desk_app.paths import data_dir
from desk_app.storage.database import DatabaseError
from desk_app.storage.unit_cache import UnitCache
from desk_app.ui.desk.sound import SoundPlayer
from desk_app.ui.main_window import MainWindow
from tests.own_postgres import OwnPostgres
from tests.ui.helpers import AN, BINH, OFFSCREEN_NOISE
from tests.videos import write_code_video

pytestmark = OFFSCREEN_NOISE

CUONG = ManualEntry(name="Lê Văn Cường", id_number="001090000099", phone="0912345678")


@pytest.fixture
def server() -> Iterator[OwnPostgres]:
    try:
        pg = OwnPostgres()
    except (RuntimeError, subprocess.CalledProcessError, OSError) as exc:
        pytest.skip(f"no PostgreSQL server of the test's own: {exc}")
    pg.start()
    yield pg
    pg.remove()


def password_url(server: OwnPostgres) -> str:
    # The test server trusts every login: the password is there to be kept out of files.
    return server.url.replace("postgres@", "postgres:S3cret-pw@")


def set_up_online(url: str) -> list[int]:
    """The desk's last day online: the unit is named, and two people came in (their visits)."""
    ctx = AppContext.open(url)
    try:
        ctx.settings.set("unit.name", "UBND xã Thử")
        ctx.settings.set("scan.debounce_seconds", 0)  # a second scan is an exit at once
        an = ctx.log.record_scan(ctx.parse(AN), method=Method.SCANNER)
        binh = ctx.log.record_scan(ctx.parse(BINH), method=Method.SCANNER)
        assert an.visit_id is not None and binh.visit_id is not None
        return [an.visit_id, binh.visit_id]
    finally:
        ctx.close()


def test_the_window_starts_offline_and_catches_up_when_the_server_is_back(
    qtbot: QtBot, server: OwnPostgres
) -> None:
    url = password_url(server)
    an_visit, _binh_visit = set_up_online(url)
    cache = UnitCache(url)
    assert stat.S_IMODE(cache.path.stat().st_mode) == 0o600  # it holds the unit's secret
    assert "S3cret-pw" not in cache.path.read_text(encoding="utf-8")

    server.stop()
    ctx = AppContext.open(url, offline_ok=True)
    win = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    qtbot.addWidget(win)
    try:
        assert not ctx.online
        assert "UBND xã Thử" in win.windowTitle()  # the unit's name, kept on the desk
        assert ctx.settings.number("scan.debounce_seconds") == 0
        qtbot.waitUntil(lambda: not win.offline_status.isHidden())
        assert win.offline_status.text() == "Offline, 0 waiting"

        # A scan, a person typed in and a check-out from the inside list: all kept.
        with qtbot.waitSignal(win.controller.offline_changed) as offline:
            assert win.controller.submit_text(AN, Method.SCANNER) is None
        assert offline.args == [True, 1]
        assert win.controller.submit_manual(CUONG) is None
        assert win.controller.check_out(_binh_visit) is None
        assert win.offline_status.text() == "Offline, 3 waiting"
        assert [e.kind for e in ctx.journal.entries()] == ["scan", "manual", "check_out"]
        journal_mode = stat.S_IMODE(ctx.journal.path.stat().st_mode)
        assert journal_mode == 0o600  # card texts and typed-in people

        server.start()
        win.controller.flush_timer.setInterval(50)  # the desk tries again by itself
        with qtbot.waitSignal(win.controller.reconnected, timeout=60_000):
            pass
        assert ctx.online and ctx.journal.count() == 0
        assert win.offline_status.isHidden()
        # The day is read again, with what was kept: An left, Cường came, Bình was let out.
        assert sorted(win.visits.visible_names()) == [
            "Lê Văn Cường",
            "Nguyễn Văn An",
            "Trần Thị Bình",
        ]
        assert [row.name for row in ctx.log.inside()] == ["Lê Văn Cường"]
        outcomes = ctx.db.read(
            lambda s: s.execute(
                text(
                    "SELECT p.name, e.outcome, e.method, e.journal_id IS NOT NULL "
                    "FROM scan_events e JOIN people p ON p.id = e.person_id ORDER BY e.id"
                )
            ).all()
        )
        assert [tuple(row) for row in outcomes] == [
            ("Nguyễn Văn An", "entry", "scanner", False),
            ("Trần Thị Bình", "entry", "scanner", False),
            ("Nguyễn Văn An", "exit", "scanner", True),
            ("Lê Văn Cường", "entry", "manual", True),
            ("Trần Thị Bình", "exit", "checkout", True),
        ]
        assert ctx.log.visit(an_visit).exit_at is not None  # type: ignore[union-attr]
        # Online again: the next scan goes straight to the log.
        assert win.controller.submit_text(BINH, Method.SCANNER) is not None
    finally:
        win.close()
        ctx.close()


def test_a_desk_that_never_reached_its_server_does_not_open(server: OwnPostgres) -> None:
    server.stop()
    with pytest.raises(DatabaseError):
        AppContext.open(server.url, offline_ok=True)
    assert not UnitCache(server.url).path.exists()
    assert not any(data_dir().glob("unit-*.json"))


def test_an_invalid_manual_entry_is_refused_offline_too(qtbot: QtBot, server: OwnPostgres) -> None:
    set_up_online(server.url)
    server.stop()
    ctx = AppContext.open(server.url, offline_ok=True)
    win = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    qtbot.addWidget(win)
    try:
        win.dialogs.on_manual_entry()  # opens with no suggestions to offer
        dialog = win.dialogs.manual_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.reject()
        with pytest.raises(ValueError):
            win.controller.submit_manual(ManualEntry(name="X", birth_date=date(1990, 1, 1)))
        assert ctx.journal.count() == 0
        win.controller.set_direction(Direction.OUT)
        assert win.controller.submit_manual(CUONG) is None
        assert [e.direction for e in ctx.journal.entries()] == ["out"]
    finally:
        win.close()
        ctx.close()


def test_the_desk_program_starts_offline_records_a_video_and_sends_it_later(
    server: OwnPostgres, tmp_path: Path
) -> None:
    """The real start (``desk-app --camera VIDEO --exit-at-end``) with the server stopped:
    the codes wait in the desk's journal, and go to the log once the server is back."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DESK_APP_HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "DESK_APP_LANG": "en",
    }

    def desk(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desk_app", "--db", server.url, *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )

    named = desk("config", "set", "unit.name", "UBND xã Thử")  # the desk's last time online
    assert named.returncode == 0, named.stderr
    server.stop()
    video = write_code_video(tmp_path / "feed.avi", [AN, BINH], fps=15, size=(640, 480))
    done = desk("--camera", str(video), "--exit-at-end")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    listed = desk("journal", "list")
    assert "2 scans waiting" in listed.stdout, listed.stdout + listed.stderr

    server.start()
    flushed = desk("journal", "flush")
    assert "Sent 2 scans (0 conflicts, 0 sent before)" in flushed.stdout, flushed.stderr
    ctx = AppContext.open(server.url)
    try:
        assert sorted(v.name for v in ctx.log.inside()) == ["Nguyễn Văn An", "Trần Thị Bình"]
    finally:
        ctx.close()
