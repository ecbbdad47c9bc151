"""The report dialog and the reminder banner: work in a worker thread, outcome in words."""

from __future__ import annotations

import asyncio
import email
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QTimer
from pytestqt.qtbot import QtBot

from desk_app.context import AppContext
from desk_app.reports import mail
from desk_app.storage.schema import AuditRecord
from desk_app.timeutil import local_zone
from desk_app.ui.desk.report_reminder import ReportReminderBanner
from desk_app.ui.dialogs.reports.report_dialog import MODE_CURRENT, MODE_WEEK, ReportDialog
from tests.unit.test_mail import free_port
from tests.unit.test_weekly import seed

FRIDAY = datetime(2021, 10, 22, 15, 0, tzinfo=local_zone())
WAIT_MS = 60_000


class SlowInbox:
    """Accepts messages, but holds each one until ``release`` is set."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.arrived = threading.Event()
        self.envelopes: list[Envelope] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        self.arrived.set()
        while not self.release.is_set():
            await asyncio.sleep(0.02)
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def ctx(sqlite_url: str) -> Iterator[AppContext]:
    context = AppContext.open(sqlite_url)
    seed(context.log)
    for key, value in {
        "unit.name": "Trung tâm Công nghệ thông tin",
        "mail.host": "127.0.0.1",
        "mail.security": "none",
        "mail.sender": "bao.cao@donvi.vn",
        "mail.recipients": ["so.tttt@backan.gov.vn"],
        "mail.timeout_seconds": 10,
    }.items():
        context.settings.set(key, value)
    yield context
    context.close()


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext) -> ReportDialog:
    widget = ReportDialog(ctx, now=lambda: FRIDAY, pin_check=lambda parent, reason: False)
    qtbot.addWidget(widget)
    return widget


def choose_week_41(dialog: ReportDialog) -> None:
    dialog.mode.setCurrentIndex(MODE_WEEK)
    dialog.week_day.setDate(QDate(2021, 10, 13))


def test_default_is_the_last_full_week(dialog: ReportDialog) -> None:
    assert dialog.period().label == "2021-W41"  # Friday 22/10: the week of 11 to 17/10
    assert dialog.period_label.text() == "Week of 11 to 17/10/2021"
    dialog.mode.setCurrentIndex(MODE_CURRENT)
    assert dialog.period_label.text() == "Week of 18 to 24/10/2021 (up to 15:00 on 22/10/2021)"
    assert not dialog.week_day.isEnabled()


def test_export_runs_in_a_worker_and_shows_the_outcome(
    qtbot: QtBot, dialog: ReportDialog, tmp_path: Path
) -> None:
    choose_week_41(dialog)
    target = tmp_path / "w41.xlsx"
    with qtbot.waitSignal(dialog.job_finished, timeout=WAIT_MS) as finished:
        assert dialog.export_to(target)
        assert dialog.is_busy and not dialog.export_button.isEnabled()
        assert dialog.progress.isVisibleTo(dialog)
    assert finished.args == [
        "export",
        True,
        f"Wrote the report Week of 11 to 17/10/2021 to {target}\n"
        "Scans: 17 (11 entries, 6 exits); people: 9",
    ]
    assert dialog.status.text() == finished.args[2]
    assert not dialog.is_busy and dialog.export_button.isEnabled()
    wb = load_workbook(target)
    assert wb["Daily"]["C4"].value == 5 and wb["Detail"].max_row == 3 + 11


def test_sending_keeps_the_window_responsive(qtbot: QtBot, dialog: ReportDialog) -> None:
    inbox = SlowInbox()
    port = free_port()
    dialog.ctx.settings.set("mail.port", port)
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        choose_week_41(dialog)
        with qtbot.waitSignal(dialog.job_finished, timeout=WAIT_MS) as finished:
            assert dialog.send()
            qtbot.waitUntil(inbox.arrived.is_set, timeout=WAIT_MS)
            # The server holds the message: the window's event loop still runs meanwhile.
            assert dialog.is_busy and not dialog.send_button.isEnabled()
            tick = QTimer()
            tick.setSingleShot(True)
            with qtbot.waitSignal(tick.timeout, timeout=5000):
                tick.start(10)
            assert dialog.is_busy and not inbox.envelopes
            inbox.release.set()
    finally:
        inbox.release.set()
        server.stop()
    assert finished.args[:2] == ["send", True]
    assert finished.args[2] == "Sent the report 2021-W41 to so.tttt@backan.gov.vn"
    assert dialog.status.text() == finished.args[2]
    content = inbox.envelopes[0].content
    assert isinstance(content, bytes)
    message = email.message_from_bytes(content, policy=default_policy)
    assert isinstance(message, EmailMessage)
    workbook, page = list(message.iter_attachments())
    assert workbook.get_filename() == "bao-cao-ra-vao-2021-W41.xlsx"
    assert page.get_filename() == "bao-cao-ra-vao-2021-W41.pdf"
    assert page.get_content().startswith(b"%PDF")
    assert [e.status for e in mail.entries(dialog.ctx.db)] == ["sent"]


def test_failed_send_says_why_and_the_outbox_retry_sends_it(
    qtbot: QtBot, dialog: ReportDialog
) -> None:
    port = free_port()
    dialog.ctx.settings.set("mail.port", port)
    with qtbot.waitSignal(dialog.job_finished, timeout=WAIT_MS) as finished:
        dialog.send()
    task, ok, message = finished.args
    assert (task, ok) == ("send", False)
    assert message.startswith("Not sent: the message is kept in the outbox (number 1)")
    assert f"Cannot connect to the mail server 127.0.0.1:{port}" in dialog.status.text()
    assert dialog.outbox_label.text().startswith("1 message(s) waiting in the outbox.")
    assert dialog.retry_button.isVisibleTo(dialog)
    inbox = SlowInbox()
    inbox.release.set()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        with qtbot.waitSignal(dialog.job_finished, timeout=WAIT_MS) as finished:
            dialog.retry_button.click()
    finally:
        server.stop()
    assert finished.args == ["retry", True, "Sent 1 of 1 waiting messages"]
    assert len(inbox.envelopes) == 1
    assert dialog.outbox_label.text() == "" and not dialog.retry_button.isVisibleTo(dialog)


def test_save_as_eml(qtbot: QtBot, dialog: ReportDialog, tmp_path: Path) -> None:
    target = tmp_path / "report.eml"
    with qtbot.waitSignal(dialog.job_finished, timeout=WAIT_MS) as finished:
        dialog.save_eml_to(target)
    assert finished.args == ["eml", True, f"Saved the message to {target}"]
    message = email.message_from_bytes(target.read_bytes(), policy=default_policy)
    assert message["X-Unsent"] == "1"
    assert mail.entries(dialog.ctx.db) == []  # saving is not sending
    # The page to sign travels beside the workbook.
    assert isinstance(message, EmailMessage)
    attached = {part.get_filename(): part.get_content_type() for part in message.iter_attachments()}
    label = dialog.period().label
    assert attached == {
        f"bao-cao-ra-vao-{label}.xlsx": (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
        f"bao-cao-ra-vao-{label}.pdf": "application/pdf",
    }


def test_full_ids_need_the_manager_pin(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    answers = [False, True]
    dialog = ReportDialog(ctx, now=lambda: FRIDAY, pin_check=lambda p, r: answers.pop(0))
    qtbot.addWidget(dialog)
    dialog.full_ids.setChecked(True)
    assert not dialog.full_ids.isChecked()  # wrong PIN
    dialog.full_ids.setChecked(True)
    assert dialog.full_ids.isChecked()
    with qtbot.waitSignal(dialog.job_finished, timeout=WAIT_MS):
        dialog.export_to(tmp_path / "full.xlsx")
    assert load_workbook(tmp_path / "full.xlsx")["Detail"]["C4"].value == "001090123456"
    actions = [r.action for r in ctx.db.read(lambda s: list(s.query(AuditRecord)))]
    assert actions.count("full_ids_export") == 1


# Showing a window on the offscreen platform: it cannot size or raise windows.
@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
def test_reminder_banner_until_the_report_is_sent(qtbot: QtBot, ctx: AppContext) -> None:
    moments = [datetime(2021, 10, 21, 15, tzinfo=local_zone())]  # a Thursday
    banner = ReportReminderBanner(ctx, now=lambda: moments[-1])
    qtbot.addWidget(banner)
    assert banner.isHidden()
    moments.append(FRIDAY)
    assert banner.refresh() and not banner.isHidden()
    outbox_id = mail.queue(
        ctx.db,
        b"Subject: x\r\n\r\nx\r\n",
        period="2021-W41",
        subject="x",
        recipients="so.tttt@backan.gov.vn",
    )
    mail._record(ctx.db, outbox_id, status="sent", sent_at=FRIDAY.astimezone(UTC))
    assert not banner.refresh() and banner.isHidden()
    dialog = banner.open_report()
    assert dialog.isVisible() and dialog.period().label == "2021-W41"
    dialog.close()


def test_a_refused_recipient_is_named_in_the_dialog(qtbot: QtBot, dialog: ReportDialog) -> None:
    from tests.unit.test_mail import RefusingInbox

    dialog.ctx.settings.set("mail.recipients", ["so.tttt@backan.gov.vn", "sai.dia.chi@donvi.vn"])
    port = free_port()
    dialog.ctx.settings.set("mail.port", port)
    inbox = RefusingInbox("sai.dia.chi@donvi.vn")
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        choose_week_41(dialog)
        with qtbot.waitSignal(dialog.job_finished, timeout=WAIT_MS) as finished:
            dialog.send()
    finally:
        server.stop()
    task, ok, message = finished.args
    assert (task, ok) == ("send", False)
    assert message.startswith("Sent only in part (outbox number 1)")
    assert "refused sai.dia.chi@donvi.vn (550 5.1.1 Mailbox unavailable)" in message
    assert "sent to so.tttt@backan.gov.vn" in message
    assert dialog.status.text() == message
    assert dialog.retry_button.isVisibleTo(dialog)


def test_the_files_offered_are_named_as_the_mail_names_them(
    dialog: ReportDialog, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The point's code and the week, as in the e-mail ("/" of a code cannot be in a name)."""
    from PySide6.QtWidgets import QFileDialog

    ctx.settings.set("unit.code", "BKN/CD-017")
    offered: list[str] = []

    def save_name(*args: object) -> tuple[str, str]:
        offered.append(str(args[2]))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    dialog.on_export()
    dialog.on_save_eml()
    label = dialog.period().label
    assert offered == [
        f"bao-cao-ra-vao-BKN-CD-017-{label}.xlsx",
        f"bao-cao-ra-vao-BKN-CD-017-{label}.eml",
    ]
