"""Sending the report: a real SMTP server in the test (aiosmtpd), the outbox, the reminder."""

from __future__ import annotations

import email
import logging
import socket
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import keyring
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope
from keyring.backend import KeyringBackend

from desk_app.context import AppContext
from desk_app.domain.week import parse_week
from desk_app.reports import mail
from desk_app.reports.workbook import Report, export_report
from desk_app.timeutil import local_zone
from tests.unit.test_weekly import seed

# The test server is local: AUTH without TLS is what it is for.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

USER = "bao.cao@donvi.vn"
PASSWORD = "m@t-khau-Bí-mật"
RECIPIENTS = ["so.tttt@backan.gov.vn", "van.phong@donvi.vn"]


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


class Inbox:
    """What the test server received; ``refuse`` makes it answer DATA with an error."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self.refuse: str | None = None
        self.logins: list[tuple[bytes, bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        if self.refuse:
            return self.refuse
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        self.logins.append((auth_data.login, auth_data.password))
        ok = auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
        return AuthResult(success=ok, handled=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(inbox: Inbox, port: int, *, login: bool) -> Controller:
    options: dict[str, Any] = {}
    if login:
        options = {
            "authenticator": inbox.authenticate,
            "auth_required": True,
            "auth_require_tls": False,
        }
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    return controller


@pytest.fixture
def keyring_store() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)


@pytest.fixture
def ctx(sqlite_url: str) -> Iterator[AppContext]:
    context = AppContext.open(sqlite_url)
    seed(context.log)
    for key, value in {
        "unit.name": "Trung tâm Công nghệ thông tin",
        "mail.host": "127.0.0.1",
        "mail.security": "none",
        "mail.sender": USER,
        "mail.recipients": RECIPIENTS,
        "mail.timeout_seconds": 5,
    }.items():
        context.settings.set(key, value)
    yield context
    context.close()


@pytest.fixture
def report(ctx: AppContext) -> Report:
    return export_report(ctx, parse_week("2021-W41"), lang="vi", made_on=date(2021, 10, 22))


@pytest.fixture
def inbox() -> Inbox:
    return Inbox()


@pytest.fixture
def server(ctx: AppContext, inbox: Inbox) -> Iterator[Controller]:
    port = free_port()
    ctx.settings.set("mail.port", port)
    controller = start_server(inbox, port, login=False)
    yield controller
    controller.stop()


@pytest.fixture
def login_server(ctx: AppContext, inbox: Inbox) -> Iterator[Controller]:
    port = free_port()
    ctx.settings.set("mail.port", port)
    ctx.settings.set("mail.user", USER)
    controller = start_server(inbox, port, login=True)
    yield controller
    controller.stop()


def parsed(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=default_policy)
    assert isinstance(message, EmailMessage)
    return message


def attachment(message: EmailMessage) -> tuple[str | None, bytes]:
    """The workbook; when the page to sign (PDF) was made, it follows the workbook."""
    parts = list(message.iter_attachments())
    assert len(parts) in (1, 2)
    if len(parts) == 2:
        assert parts[1].get_content_type() == "application/pdf"
    content = parts[0].get_payload(decode=True)
    assert isinstance(content, bytes)
    return parts[0].get_filename(), content


def test_message_in_vietnamese_with_the_key_figures(ctx: AppContext, report: Report) -> None:
    config = mail.MailConfig.from_settings(ctx.settings)
    message = parsed(mail.compose(report, config, "Trung tâm Công nghệ thông tin", lang="vi"))
    assert message["Subject"] == (
        "Báo cáo kiểm soát ra vào bằng mã QR - Trung tâm Công nghệ thông tin - "
        "Tuần từ 11 đến 17/10/2021"
    )
    assert message["To"] == ", ".join(RECIPIENTS) and message["From"] == USER
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    for line in (
        "Kính gửi Quý cơ quan,",
        "gửi báo cáo kết quả kiểm soát ra vào bằng mã QR, tuần từ 11 đến 17/10/2021.",
        "- Tổng số lượt quét: 17 (vào 11, ra 6)",
        "- Số người: 9",
        "- Lượt vào bằng mã QR: 8 (72,7 %); nhập tay: 3",
        "- Số ngày không có lượt quét: 2",
        "- So với kỳ trước: +14 lượt quét (+466,7 %)",
        "bao-cao-ra-vao-2021-W41.xlsx",
    ):
        assert line in text
    assert attachment(message) == ("bao-cao-ra-vao-2021-W41.xlsx", report.content)


def test_sent_without_login(
    ctx: AppContext, report: Report, server: Controller, inbox: Inbox
) -> None:
    delivery = mail.send_report(ctx, report, lang="vi")
    assert delivery.sent, delivery.message
    assert len(inbox.envelopes) == 1
    envelope = inbox.envelopes[0]
    assert envelope.mail_from == USER and envelope.rcpt_tos == RECIPIENTS
    assert isinstance(envelope.content, bytes)
    assert attachment(parsed(envelope.content))[1] == report.content  # byte-identical
    [entry] = mail.entries(ctx.db)
    assert (entry.status, entry.attempts, entry.period) == ("sent", 1, "2021-W41")
    assert entry.sent_at is not None and entry.last_error == ""


def test_sent_with_login_password_from_keyring(
    ctx: AppContext,
    report: Report,
    login_server: Controller,
    inbox: Inbox,
    keyring_store: MemoryKeyring,
) -> None:
    keyring_store.set_password("desk-app", USER, PASSWORD)
    delivery = mail.send_report(ctx, report)
    assert delivery.sent, delivery.message
    assert inbox.logins == [(USER.encode(), PASSWORD.encode())]
    assert isinstance(inbox.envelopes[0].content, bytes)
    assert attachment(parsed(inbox.envelopes[0].content))[1] == report.content


def test_refused_login_stays_in_the_outbox_and_a_retry_delivers(
    ctx: AppContext,
    report: Report,
    login_server: Controller,
    inbox: Inbox,
    keyring_store: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    keyring_store.set_password("desk-app", USER, "sai-mat-khau")
    delivery = mail.send_report(ctx, report)
    assert not delivery.sent and "refused the login" in delivery.message
    [entry] = mail.entries(ctx.db)
    assert entry.status == "pending" and entry.attempts == 1
    assert entry.last_error.startswith("The mail server refused the login: 535")
    assert "sai-mat-khau" not in entry.last_error + caplog.text + delivery.message
    assert inbox.envelopes == []
    keyring_store.set_password("desk-app", USER, PASSWORD)
    [retried] = mail.retry_pending(ctx, force=True)
    assert retried.sent
    [entry] = mail.entries(ctx.db)
    assert (entry.status, entry.attempts) == ("sent", 2)
    assert isinstance(inbox.envelopes[0].content, bytes)
    assert attachment(parsed(inbox.envelopes[0].content))[1] == report.content
    assert PASSWORD not in caplog.text


def test_refused_message_waits_then_is_retried(
    ctx: AppContext, report: Report, server: Controller, inbox: Inbox
) -> None:
    inbox.refuse = "550 5.7.1 Rejected by local policy"
    delivery = mail.send_report(ctx, report)
    assert not delivery.sent
    [entry] = mail.entries(ctx.db)
    assert "550 5.7.1 Rejected by local policy" in entry.last_error
    assert entry.last_error.startswith("The mail server refused the message")
    inbox.refuse = None
    assert entry.last_attempt_at is not None
    soon = entry.last_attempt_at + timedelta(seconds=30)
    assert mail.retry_pending(ctx, now=soon) == []  # the wait after a failure is not over
    later = entry.last_attempt_at + mail.retry_wait(1)
    [retried] = mail.retry_pending(ctx, now=later)
    assert retried.sent and len(inbox.envelopes) == 1
    assert mail.retry_pending(ctx, force=True) == []  # nothing left to send


def test_no_server_listening_keeps_the_message(
    ctx: AppContext, report: Report, inbox: Inbox
) -> None:
    port = free_port()
    ctx.settings.set("mail.port", port)
    delivery = mail.send_report(ctx, report)
    assert not delivery.sent
    [entry] = mail.entries(ctx.db)
    assert entry.last_error.startswith(f"Cannot connect to the mail server 127.0.0.1:{port}")
    controller = start_server(inbox, port, login=False)
    try:
        [retried] = mail.retry_pending(ctx, force=True)
    finally:
        controller.stop()
    assert retried.sent and len(inbox.envelopes) == 1


def test_silent_server_times_out(ctx: AppContext, report: Report) -> None:
    with socket.socket() as silent:  # accepts connections, never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        ctx.settings.set("mail.port", silent.getsockname()[1])
        ctx.settings.set("mail.timeout_seconds", 1)
        delivery = mail.send_report(ctx, report)
    assert not delivery.sent
    assert mail.entries(ctx.db)[0].last_error == "The mail server did not answer within 1 seconds"


def test_starttls_not_offered_is_a_secure_connection_error(
    ctx: AppContext, report: Report, server: Controller
) -> None:
    ctx.settings.set("mail.security", "starttls")
    delivery = mail.send_report(ctx, report)
    assert not delivery.sent
    assert mail.entries(ctx.db)[0].last_error.startswith("Secure connection to the mail server")


def test_login_needs_a_saved_password(
    ctx: AppContext, report: Report, login_server: Controller, keyring_store: MemoryKeyring
) -> None:
    delivery = mail.send_report(ctx, report)
    assert not delivery.sent
    assert (
        mail.entries(ctx.db)[0].last_error == f"No mail password for {USER} in the system keyring"
    )


def test_not_set_up_keeps_the_message(ctx: AppContext, report: Report) -> None:
    ctx.settings.set("mail.host", "")
    delivery = mail.send_report(ctx, report)
    assert not delivery.sent and "No mail server set up" in delivery.message
    assert mail.entries(ctx.db)[0].status == "pending"


def test_save_as_eml_opens_as_a_draft(ctx: AppContext, report: Report, tmp_path: Path) -> None:
    raw = mail.compose(report, mail.MailConfig.from_settings(ctx.settings), "Đơn vị")
    path = mail.save_eml(raw, tmp_path / "bao-cao.eml")
    message = parsed(path.read_bytes())
    assert message["X-Unsent"] == "1"
    assert attachment(message)[1] == report.content


def test_retry_waits_grow_to_an_hour() -> None:
    waits = [mail.retry_wait(n) for n in (1, 2, 3, 6, 7, 20)]
    assert waits[:3] == [timedelta(minutes=2), timedelta(minutes=4), timedelta(minutes=8)]
    assert waits[3:] == [timedelta(minutes=60)] * 3


def _local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2021, 10, day, hour, minute, tzinfo=local_zone())


def test_reminder_from_friday_afternoon_until_a_report_is_sent(sqlite_url: str) -> None:
    ctx = AppContext.open(sqlite_url)
    assert not mail.reminder_due(ctx, _local(14, 16))  # Thursday
    assert not mail.reminder_due(ctx, _local(15, 13, 59))
    assert mail.reminder_due(ctx, _local(15, 14))
    assert mail.reminder_due(ctx, _local(17, 22))  # still due on Sunday
    outbox_id = mail.queue(
        ctx.db, b"Subject: x\r\n\r\nx\r\n", period="2021-W41", subject="x", recipients="a@b.vn"
    )
    assert mail.reminder_due(ctx, _local(15, 15))  # waiting in the outbox is not sent
    mail._record(ctx.db, outbox_id, status="sent", sent_at=_local(15, 15).astimezone(UTC))
    assert not mail.reminder_due(ctx, _local(15, 16))
    assert mail.reminder_due(ctx, _local(22, 14, 30))  # the next Friday
    ctx.settings.set("report.reminder_weekday", 0)
    ctx.settings.set("report.reminder_time", "09:30")
    assert not mail.reminder_due(ctx, _local(25, 9, 29))
    assert mail.reminder_due(ctx, _local(25, 9, 30))
    ctx.close()


def test_command_line_report_send_and_outbox(
    ctx: AppContext, inbox: Inbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desk_app.cli import main

    port = free_port()
    ctx.settings.set("mail.port", port)
    url = ctx.db.url
    out = tmp_path / "w41.xlsx"
    # --no-pdf: the page to sign is drawn by Qt, which unit tests do not start.
    argv = ["--db", url, "report", "--week", "2021-W41", "--out", str(out), "--send", "--no-pdf"]
    assert main(argv) == 1  # no server yet: kept in the outbox
    err = capsys.readouterr().err
    assert "kept in the outbox (number 1)" in err and "Cannot connect" in err
    assert main(["--db", url, "outbox", "list"]) == 0
    listed = capsys.readouterr().out
    assert "Week of 11 to 17/10/2021" in listed and "pending" in listed
    assert "Cannot connect" in listed
    controller = start_server(inbox, port, login=False)
    try:
        assert main(["--db", url, "outbox", "retry"]) == 0
    finally:
        controller.stop()
    assert "Sent 1 of 1" in capsys.readouterr().out
    assert isinstance(inbox.envelopes[0].content, bytes)
    assert attachment(parsed(inbox.envelopes[0].content))[1] == out.read_bytes()
    assert main(["--db", url, "outbox", "save", "1", str(tmp_path / "m.eml")]) == 0
    assert attachment(parsed((tmp_path / "m.eml").read_bytes()))[1] == out.read_bytes()


def test_command_line_bad_week(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desk_app.cli import main

    argv = ["--db", ctx.db.url, "report", "--week", "2021-W60", "--out", str(tmp_path / "x")]
    assert main(argv) == 1
    assert "Invalid week: 2021-W60" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


class RefusingInbox(Inbox):
    """A server that refuses one recipient at RCPT (550) and takes the others."""

    def __init__(self, refused: str) -> None:
        super().__init__()
        self.refused = refused

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address == self.refused:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def test_a_recipient_refused_stays_pending_and_only_it_is_retried(
    ctx: AppContext, report: Report, capsys: pytest.CaptureFixture[str]
) -> None:
    from desk_app.cli import main

    port = free_port()
    ctx.settings.set("mail.port", port)
    refusing = RefusingInbox(RECIPIENTS[1])
    controller = start_server(refusing, port, login=False)
    try:
        delivery = mail.send_report(ctx, report)
    finally:
        controller.stop()
    assert not delivery.sent
    assert list(delivery.refused) == [RECIPIENTS[1]]
    assert "550" in delivery.refused[RECIPIENTS[1]]
    assert RECIPIENTS[1] in delivery.message and "Mailbox unavailable" in delivery.message
    assert [e.rcpt_tos for e in refusing.envelopes] == [[RECIPIENTS[0]]]
    [entry] = mail.entries(ctx.db)
    assert entry.status == "pending" and entry.recipients == RECIPIENTS[1]
    assert RECIPIENTS[1] in entry.last_error and RECIPIENTS[0] in entry.last_error
    assert main(["--db", ctx.db.url, "outbox", "list"]) == 0
    listed = capsys.readouterr().out
    assert "pending" in listed and "Mailbox unavailable" in listed

    # Still refused: the command line says who and why, and exits non-zero.
    controller = start_server(refusing, port, login=False)
    try:
        assert main(["--db", ctx.db.url, "outbox", "retry"]) == 1
    finally:
        controller.stop()
    err = capsys.readouterr().err
    assert RECIPIENTS[1] in err and "550" in err
    assert [e.rcpt_tos for e in refusing.envelopes] == [[RECIPIENTS[0]]]  # nobody got it twice

    # The mailbox exists again: the retry goes to that recipient only, and the message is sent.
    accepting = Inbox()
    controller = start_server(accepting, port, login=False)
    try:
        [retried] = mail.retry_pending(ctx, force=True)
    finally:
        controller.stop()
    assert retried.sent
    assert [e.rcpt_tos for e in accepting.envelopes] == [[RECIPIENTS[1]]]
    assert mail.entries(ctx.db)[0].status == "sent"


def test_mail_addresses_are_checked_when_set(
    ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    from desk_app.cli import main

    url = ctx.db.url
    for key, value in (
        ("mail.recipients", "so.tttt@backan.gov.vn, not an address"),
        ("mail.recipients", "a@b"),
        ("mail.sender", "bao cao@donvi.vn"),
        ("mail.sender", "Báo cáo <bao.cao@donvi.vn>"),
        # An SMTP server without extensions takes none of these: a wrong address would only
        # show at the Friday sending.
        ("mail.recipients", "báo.cáo@donvi.vn"),
        ("mail.recipients", "a..b@donvi.vn"),
        ("mail.recipients", "a@-donvi.vn"),
        ("mail.sender", "bao.cao@donvi..vn"),
    ):
        assert main(["--db", url, "config", "set", key, value]) == 1
        assert "an e-mail address" in capsys.readouterr().err
    ctx.settings.reload()
    assert ctx.settings.get("mail.recipients") == RECIPIENTS
    assert main(["--db", url, "config", "set", "mail.recipients", "a@b.vn; c@d.gov.vn"]) == 0
    assert main(["--db", url, "config", "set", "mail.recipients", "a@b.vn, A@b.vn, c@d.vn"]) == 0
    ctx.settings.reload()
    assert ctx.settings.get("mail.recipients") == ["a@b.vn", "c@d.vn"]  # nobody gets it twice
    assert main(["--db", url, "config", "set", "mail.sender", ""]) == 0


def test_the_attached_workbook_is_named_by_the_point_code_and_week(
    ctx: AppContext, tmp_path: Path
) -> None:
    """The province saves the attachments of hundreds of mails into one folder: each point's
    workbook has its own name (a "/" of the code cannot be in a file name)."""
    names = []
    for code in ("BKN-001", "BKN/CD-017"):
        ctx.settings.set("unit.code", code)
        report = export_report(ctx, parse_week("2021-W41"), lang="vi")
        message = parsed(mail.compose(report, mail.MailConfig.from_settings(ctx.settings), "X"))
        names.append(attachment(message)[0])
        assert report.pdf_filename == report.filename.removesuffix(".xlsx") + ".pdf"
    assert names == [
        "bao-cao-ra-vao-BKN-001-2021-W41.xlsx",
        "bao-cao-ra-vao-BKN-CD-017-2021-W41.xlsx",
    ]
