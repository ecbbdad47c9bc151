"""A check-out kept while the server is out of reach: the person leaves the inside list at
once, a second check-out of the same visit is refused, and the lists are read again from the
shared log once the journal is sent.

The test runs a PostgreSQL server of its own (stopped and started at will), never the shared
one.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desk_app.context import AppContext
from desk_app.i18n import t
from desk_app.storage.database import Database
from desk_app.storage.visit_log import VisitLog
from desk_app.ui.desk.inside_panel import InsidePanel
from desk_app.ui.desk.sound import SoundPlayer
from desk_app.ui.main_window import MainWindow
from tests.own_postgres import OwnPostgres
from tests.ui.helpers import OFFSCREEN_NOISE
from tests.ui.test_offline_start import CUONG, set_up_online

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def server() -> Iterator[OwnPostgres]:
    try:
        pg = OwnPostgres()
    except (RuntimeError, subprocess.CalledProcessError, OSError) as exc:
        pytest.skip(f"no PostgreSQL server of the test's own: {exc}")
    pg.start()
    yield pg
    pg.remove()


def listed(panel: InsidePanel) -> list[str]:
    """The names the inside list shows."""
    texts = [item.text() for item in panel.list.findItems("", Qt.MatchFlag.MatchContains)]
    return sorted(
        name
        for name in ("Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình")
        if any(name in x for x in texts)
    )


def test_a_check_out_kept_offline_leaves_the_list_and_is_not_taken_twice(
    qtbot: QtBot, server: OwnPostgres
) -> None:
    _an_visit, binh_visit = set_up_online(server.url)
    ctx = AppContext.open(server.url, offline_ok=True)
    win = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    qtbot.addWidget(win)
    try:
        assert listed(win.inside) == ["Nguyễn Văn An", "Trần Thị Bình"]
        assert win.inside.counter_values["inside"].text() == "2"

        server.stop()  # the network goes down while the window is open
        with qtbot.waitSignal(win.controller.check_outs_waiting) as waiting:
            assert win.controller.check_out(binh_visit) is None
        assert waiting.args == [[binh_visit]]
        assert [e.kind for e in ctx.journal.entries()] == ["check_out"]
        # Out of the list (and the count) at once, though the log does not know it yet.
        assert listed(win.inside) == ["Nguyễn Văn An"]
        assert win.inside.counter_values["inside"].text() == "1"

        # Checked out again (another way in to the same visit): refused, nothing kept twice.
        with qtbot.waitSignal(win.controller.failed) as refused:
            assert win.controller.check_out(binh_visit) is None
        assert refused.args == [t("journal.already_checked_out")]
        assert "already checked out" in refused.args[0]
        assert ctx.journal.count() == 1
        # A reload of the list with the log's old view (the clock, F5) keeps Bình out.
        win.inside.set_inside(list(win.inside._rows.values()))
        assert listed(win.inside) == ["Nguyễn Văn An"]

        server.start()
        main_gate = Database(server.url)  # another desk, back online first
        try:
            VisitLog(main_gate, desk="Cổng chính").record_manual(CUONG)
        finally:
            main_gate.dispose()
        win.controller.flush_timer.setInterval(50)  # the desk tries again by itself
        with qtbot.waitSignal(win.controller.journal_sent, timeout=60_000):
            pass
        assert ctx.journal.count() == 0
        assert win.controller.waiting_check_outs == []
        # The lists are the shared log's again: Bình left once, no conflict was recorded, and
        # Cường, who came in at the other desk meanwhile, is there too.
        assert listed(win.inside) == ["Lê Văn Cường", "Nguyễn Văn An"]
        assert "Lê Văn Cường" in win.visits.visible_names()
        assert win.inside.counter_values["inside"].text() == "2"
        assert sorted(row.name for row in ctx.log.inside()) == ["Lê Văn Cường", "Nguyễn Văn An"]
        outcomes = ctx.db.read(
            lambda s: (
                s.execute(
                    text("SELECT outcome FROM scan_events WHERE method = 'checkout' ORDER BY id")
                )
                .scalars()
                .all()
            )
        )
        assert outcomes == ["exit"]
    finally:
        win.close()
        ctx.close()
