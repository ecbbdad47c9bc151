"""The new day's housekeeping runs off the GUI thread: scans go on while it runs, a second
one never starts beside it, and closing the window waits for it to end."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from desk_app.context import AppContext
from desk_app.domain.visits import Method
from desk_app.timeutil import local_today
from desk_app.ui.desk.sound import SoundPlayer
from desk_app.ui.main_window import MainWindow
from tests.ui.helpers import AN, BINH, OFFSCREEN_NOISE, open_context

pytestmark = OFFSCREEN_NOISE
WAIT = 30  # seconds a blocked step may take before the test gives up (never reached)


class SlowHousekeeping:
    """Stands in for ``AppContext.housekeeping``: runs only once released."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.calls = 0
        self.ended = 0
        self.threads: list[threading.Thread] = []

    def __call__(self) -> dict[str, int]:
        self.calls += 1
        self.threads.append(threading.current_thread())
        self.started.set()
        assert self.release.wait(WAIT)
        self.ended += 1
        return {"checked_out": 0, "purged": 0}


@pytest.fixture
def ctx(sqlite_url: str) -> Iterator[AppContext]:
    context = open_context(sqlite_url)
    yield context
    context.close()


@pytest.fixture
def slow(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowHousekeeping]:
    stand_in = SlowHousekeeping()
    monkeypatch.setattr(ctx, "housekeeping", stand_in)
    yield stand_in
    stand_in.release.set()  # never leave a thread blocked behind a failed assertion


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext, slow: SlowHousekeeping) -> Iterator[MainWindow]:
    win = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    qtbot.addWidget(win)
    yield win
    slow.release.set()
    win.close()


def test_scans_go_on_while_the_new_days_housekeeping_runs(
    qtbot: QtBot, window: MainWindow, slow: SlowHousekeeping
) -> None:
    window.today.day -= timedelta(days=1)  # as if the window had been open since yesterday
    window.today.on_clock()
    assert slow.started.wait(WAIT)
    assert slow.threads[0] is not threading.main_thread()
    # Housekeeping is blocked; the desk records and shows scans all the same.
    assert window.controller.submit_text(AN, Method.SCANNER) is not None
    assert window.controller.submit_text(BINH, Method.SCANNER) is not None
    assert sorted(window.visits.visible_names()) == ["Nguyễn Văn An", "Trần Thị Bình"]
    # The clock ticks again meanwhile: no second housekeeping beside the first.
    window.today.on_clock()
    window.today.on_reconnected()
    assert slow.calls == 1 and slow.ended == 0
    with qtbot.waitSignal(window.today.new_day, timeout=WAIT * 1000):
        slow.release.set()
    assert slow.calls == 1 and slow.ended == 1
    assert window.today.housekeeping_job is None
    assert window.today.day == local_today()
    assert sorted(window.visits.visible_names()) == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_a_failed_housekeeping_is_tried_again_at_the_next_tick(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desk_app.errors import UserError

    calls: list[int] = []

    def busy() -> dict[str, int]:
        calls.append(1)
        raise UserError("The database is busy.")

    monkeypatch.setattr(ctx, "housekeeping", busy)
    yesterday = local_today() - timedelta(days=1)
    window.today.day = yesterday
    with qtbot.assertNotEmitted(window.today.new_day):
        window.today.on_clock()
        assert window.today.housekeeping_job is not None
        qtbot.waitUntil(lambda: window.today.housekeeping_job is None, timeout=WAIT * 1000)
    assert window.today.day == yesterday  # not the new day yet
    window.today.on_clock()
    qtbot.waitUntil(lambda: window.today.housekeeping_job is None, timeout=WAIT * 1000)
    assert len(calls) == 2


def test_closing_the_window_waits_for_the_housekeeping(
    window: MainWindow, slow: SlowHousekeeping
) -> None:
    window.today.day -= timedelta(days=1)
    window.today.on_clock()
    assert slow.started.wait(WAIT)
    job = window.today.housekeeping_job
    assert job is not None
    waited = job.wait

    def wait_released(*args: object) -> bool:
        slow.release.set()  # released only once closing waits for it
        return waited(*args)

    job.wait = wait_released  # type: ignore[method-assign]
    window.close()
    assert slow.ended == 1 and job.isFinished()
