"""The desk's privacy lines: the notice opens its full text, a tampered audit shows red, an
old backup is recalled; the checks behind them run off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desk_app import backup
from desk_app.context import AppContext
from desk_app.domain.visits import Method, Outcome
from desk_app.i18n import t
from desk_app.privacy_notice import notice_text
from desk_app.storage import audit
from desk_app.ui.desk.privacy_bar import PrivacyBar
from desk_app.ui.desk.sound import SoundPlayer
from desk_app.ui.main_window import MainWindow
from tests.ui.helpers import AN, OFFSCREEN_NOISE, open_context

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def ctx(sqlite_url: str) -> Iterator[AppContext]:
    context = open_context(sqlite_url)
    context.settings.set("unit.name", "UBND xã Thử")
    context.settings.set("unit.contact", "0209 3870 000")
    yield context
    context.close()


def test_notice_line_opens_the_same_text_as_the_poster(qtbot: QtBot, ctx: AppContext) -> None:
    bar = PrivacyBar(ctx)
    qtbot.addWidget(bar)
    assert "UBND xã Thử" in bar.notice.text()
    bar.notice.linkActivated.emit("notice")
    assert bar.notice_box is not None
    text_shown = bar.notice_box.text()
    assert text_shown == notice_text(ctx.settings)
    assert "0209 3870 000" in text_shown and "30" in text_shown
    bar.notice_box.close()


def tamper(ctx: AppContext) -> None:
    ctx.db.write(lambda s: s.execute(text("UPDATE audit SET detail = 'x' WHERE id = 1")))


class SlowVerify:
    """audit.verify that waits until the test lets it go, and notes the thread it ran on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.real = audit.verify
        self.started = threading.Event()
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []
        monkeypatch.setattr(audit, "verify", self)

    def __call__(self, db: object, secret: bytes) -> audit.Verdict:
        self.threads.append(threading.current_thread())
        self.started.set()
        assert self.release.wait(60), "the test never let the check go"
        return self.real(db, secret)  # type: ignore[arg-type]


@pytest.fixture
def slow_verify(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowVerify]:
    slow = SlowVerify(monkeypatch)
    yield slow
    slow.release.set()  # never leave a check waiting behind a failed test


def test_red_line_when_the_audit_is_tampered_with(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.log.audit("full_id_shown", "visit 1")
    ctx.log.audit("full_id_shown", "visit 2")
    bar = PrivacyBar(ctx)
    qtbot.addWidget(bar)
    bar.show()
    with qtbot.waitSignal(bar.checked):
        bar.refresh()
    assert bar.audit_warning.isHidden()
    tamper(ctx)
    with qtbot.waitSignal(bar.checked):
        bar.refresh()
    assert not bar.audit_warning.isHidden() and "#1" in bar.audit_warning.text()


def _log_begun_weeks_ago(monkeypatch: pytest.MonkeyPatch) -> None:
    from desk_app.storage import snapshot

    begun = datetime.now(UTC) - timedelta(days=30)
    monkeypatch.setattr(snapshot, "first_record_at", lambda _db: begun)


def test_backup_reminder(
    qtbot: QtBot, ctx: AppContext, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    bar = PrivacyBar(ctx)
    with qtbot.waitSignal(bar.checked):
        bar.refresh()
    assert bar.backup_reminder.isHidden()  # a log begun today is not reminded
    _log_begun_weeks_ago(monkeypatch)
    qtbot.addWidget(bar)
    bar.show()
    with qtbot.waitSignal(bar.checked):
        bar.refresh()
    assert not bar.backup_reminder.isHidden()
    backup.write_backup(ctx.db, tmp_path / "b.deskbackup", "passphrase-1")  # type: ignore[operator]
    with qtbot.waitSignal(bar.checked):
        bar.refresh()
    assert bar.backup_reminder.isHidden()


def test_person_link_opens_the_dialog_after_the_pin(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desk_app.ui.dialogs.setup import setup_dialogs

    monkeypatch.setattr(setup_dialogs, "ask_manager_pin", lambda *_a: True)
    bar = PrivacyBar(ctx)
    qtbot.addWidget(bar)
    bar.notice.linkActivated.emit("person")
    assert bar.person_dialog is not None and bar.person_dialog.isVisible()
    bar.person_dialog.close()


def test_a_check_asked_while_one_runs_is_made_again_after_it(
    qtbot: QtBot, ctx: AppContext, slow_verify: SlowVerify
) -> None:
    ctx.log.audit("full_id_shown", "visit 1")
    bar = PrivacyBar(ctx)
    qtbot.addWidget(bar)
    bar.show()
    bar.refresh()
    assert slow_verify.started.wait(30)
    tamper(ctx)  # after the first check read the trail's secret, before it read the records
    bar.refresh()  # the running check may have read too early: one more is owed
    with qtbot.waitSignal(bar.checked, timeout=30_000):
        slow_verify.release.set()
    assert len(slow_verify.threads) == 2
    assert not bar.audit_warning.isHidden() and "#1" in bar.audit_warning.text()


# ----- in the window ------------------------------------------------------------------------
def open_window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    qtbot.addWidget(window)
    return window


def test_the_window_shows_what_the_background_checks_found(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    _log_begun_weeks_ago(monkeypatch)
    ctx.log.audit("full_id_shown", "visit 1")
    ctx.log.audit("full_id_shown", "visit 2")
    tamper(ctx)  # and no backup was ever made
    window = open_window(qtbot, ctx)
    lines = window.privacy_bar
    # The checks answer through the event loop, never while the window is being built.
    assert lines.audit_warning.isHidden() and lines.backup_reminder.isHidden()
    with qtbot.waitSignal(lines.checked, timeout=30_000):
        window.show()
    assert not lines.audit_warning.isHidden() and "#1" in lines.audit_warning.text()
    assert not lines.backup_reminder.isHidden()
    assert lines.backup_reminder.text() == t("backup.reminder")
    window.close()


def test_the_window_shows_no_warning_when_all_is_well(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    ctx.log.audit("full_id_shown", "visit 1")
    backup.write_backup(ctx.db, tmp_path / "b.deskbackup", "passphrase-1")
    window = open_window(qtbot, ctx)
    with qtbot.waitSignal(window.privacy_bar.checked, timeout=30_000):
        window.show()
    assert window.privacy_bar.audit_warning.isHidden()
    assert window.privacy_bar.backup_reminder.isHidden()
    window.close()


def test_a_slow_check_does_not_hold_up_the_desk(
    qtbot: QtBot, ctx: AppContext, slow_verify: SlowVerify
) -> None:
    ctx.log.audit("full_id_shown", "visit 1")
    tamper(ctx)
    window = open_window(qtbot, ctx)
    window.show()
    assert slow_verify.started.wait(30)  # the window stands while the check still runs
    lines = window.privacy_bar
    assert lines.check_job is not None and lines.check_job.isRunning()
    assert slow_verify.threads[0] is not threading.main_thread()
    result = window.controller.submit_text(AN, Method.SCANNER)  # the desk takes scans meanwhile
    assert result is not None and result.outcome == Outcome.ENTRY
    assert window.visits.visible_names() == ["Nguyễn Văn An"]
    assert lines.audit_warning.isHidden()
    with qtbot.waitSignal(lines.checked, timeout=30_000):
        slow_verify.release.set()
    assert not lines.audit_warning.isHidden() and "#1" in lines.audit_warning.text()
    window.close()
