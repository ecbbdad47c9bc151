"""Sending the report by e-mail: the message, the outbox (nothing is lost), SMTP, the reminder.

Every report message is written to the ``outbox`` table before the first attempt; a refused
login, no connection or a timeout leaves it there with the reason, and a later retry (the
window retries on its own, ``desk-app outbox retry`` by hand) sends the same bytes. The
password comes from the operating system's keyring and never reaches a log or a message.
"""

from __future__ import annotations

import base64
import logging
import smtplib
import socket
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate, getaddresses, make_msgid
from pathlib import Path

from desk_app import mail_password
from desk_app.context import AppContext
from desk_app.domain.rules import reminder_due as _reminder_due
from desk_app.domain.rules import reminder_window
from desk_app.domain.week import describe
from desk_app.errors import UserError
from desk_app.i18n import language, t
from desk_app.outputs import write_bytes
from desk_app.reports.workbook import Report
from desk_app.settings import Settings
from desk_app.storage import outbox
from desk_app.storage.database import Database
from desk_app.storage.outbox import PENDING, SENT
from desk_app.timeutil import utc_now

log = logging.getLogger(__name__)

XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
MAX_RETRY_WAIT = timedelta(hours=1)


class MailError(UserError):
    """Why a message could not be sent, in words."""


@dataclass(frozen=True)
class MailConfig:
    host: str
    port: int
    security: str  # ssl / starttls / none
    user: str
    sender: str
    recipients: tuple[str, ...]
    timeout: float

    @classmethod
    def from_settings(cls, settings: Settings) -> MailConfig:
        return cls(
            host=settings.text("mail.host"),
            port=settings.number("mail.port"),
            security=settings.text("mail.security"),
            user=settings.text("mail.user"),
            sender=str(settings.text("mail.sender") or settings.text("mail.user")),
            recipients=tuple(settings.names("mail.recipients")),
            timeout=float(settings.number("mail.timeout_seconds")),
        )

    def problem(self) -> str | None:
        """What is missing before anything can be sent, or None."""
        if not self.host:
            return t("mail.not_configured")
        if not self.recipients:
            return t("mail.no_recipients")
        if not self.sender:
            return t("mail.no_sender")
        return None


@dataclass(frozen=True)
class Delivery:
    outbox_id: int
    sent: bool
    message: str  # for the user: sent to whom, or kept in the outbox and why
    # Addresses the server refused (address -> its answer); they stay in the outbox.
    refused: dict[str, str] = field(default_factory=dict)


# ----- the message ------------------------------------------------------------------------
def _percent(value: float | None, lang: str, *, signed: bool = False) -> str:
    """72,7 % in Vietnamese, 72.7% in English."""
    if value is None:
        return "–"
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    return (text.replace(".", ",") + " %") if lang == "vi" else text + "%"


def compose(report: Report, config: MailConfig, unit: str, *, lang: str | None = None) -> bytes:
    """The whole RFC 5322 message (subject and body with the key figures, the workbook)."""
    lang = lang or language()
    f = report.figures
    period = describe(f.period, lang)
    unit = unit or config.sender
    message = EmailMessage()
    message["Subject"] = t("mail.subject", lang, unit=unit, period=period)
    message["From"] = config.sender
    message["To"] = ", ".join(config.recipients)
    message["Date"] = formatdate(localtime=True)
    domain = config.sender.rpartition("@")[2] or "desk-app.invalid"
    message["Message-ID"] = make_msgid(domain=domain)
    lines = [
        t("mail.greeting", lang),
        "",
        t("mail.intro", lang, unit=unit, period=period[:1].lower() + period[1:]),
        "",
        t("mail.key_figures", lang),
        t("mail.line.scans", lang, scans=f.scans, entries=f.entries, exits=f.exits),
        t("mail.line.people", lang, people=f.people),
        t(
            "mail.line.qr",
            lang,
            qr=f.qr_entries,
            share=_percent(f.qr_share, lang),
            manual=f.manual_entries,
        ),
        t("mail.line.empty_days", lang, count=len(f.days_without_scans)),
    ]
    change = f.change("scans")
    if change is not None and change.percent is not None:
        percent = _percent(change.percent, lang, signed=True)
        lines.append(
            t("mail.line.change", lang, difference=f"{change.difference:+d}", percent=percent)
        )
    elif change is not None:
        lines.append(t("mail.line.change_no_base", lang))
    lines += [
        "",
        t("mail.attached", lang, filename=report.filename),
        *([t("report.pdf_attached", lang, filename=report.pdf_filename)] if report.pdf else []),
        "",
        t("mail.closing", lang),
        unit,
    ]
    message.set_content("\n".join(lines) + "\n", cte="quoted-printable")
    message.add_attachment(
        report.content, maintype=XLSX_TYPE[0], subtype=XLSX_TYPE[1], filename=report.filename
    )
    if report.pdf:
        message.add_attachment(
            report.pdf, maintype="application", subtype="pdf", filename=report.pdf_filename
        )
    return message.as_bytes(policy=SMTP_POLICY)


def save_eml(raw: bytes, path: str | Path) -> Path:
    """The message as a file for a mail program; ``X-Unsent`` opens it as a draft there."""
    return write_bytes(path, "eml", b"X-Unsent: 1\r\n" + raw)


# ----- SMTP -------------------------------------------------------------------------------
def addresses(recipients: Sequence[str]) -> list[str]:
    """The plain addresses of recipients as kept in settings or on an outbox message."""
    return [address for _, address in getaddresses(list(recipients)) if address]


def smtp_send(
    raw: bytes,
    config: MailConfig,
    password: str | None,
    recipients: Sequence[str] | None = None,
) -> dict[str, str]:
    """Send ``raw`` as it is to ``recipients`` (default: the configured ones); raises MailError
    with the reason in words when nobody got it. Returns the recipients the server refused
    while taking the others (address -> its answer)."""
    sender = config.sender
    recipients = addresses(config.recipients if recipients is None else recipients)
    stage = "connect"
    try:
        client: smtplib.SMTP
        if config.security == "ssl":
            context = ssl.create_default_context()
            client = smtplib.SMTP_SSL(
                config.host, config.port, timeout=config.timeout, context=context
            )
        else:
            client = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        with client:
            client.ehlo()
            if config.security == "starttls":
                stage = "tls"
                client.starttls(context=ssl.create_default_context())
                client.ehlo()
            if config.user:
                stage = "login"
                if not password:
                    raise MailError(t("mail.no_password", user=config.user))
                _login(client, config.user, password)
            stage = "send"
            refused = client.sendmail(sender, recipients, raw)
            return {address: _answer(code, text) for address, (code, text) in refused.items()}
    except MailError:
        raise
    except Exception as exc:  # every way SMTP fails becomes one sentence
        raise MailError(_explain(exc, stage, config, password)) from None


def _login(client: smtplib.SMTP, user: str, password: str) -> None:
    """``SMTP.login``, except that a user name or password with letters beyond ASCII (a
    Vietnamese password) is sent as UTF-8, which ``smtplib`` refuses to do."""
    if user.isascii() and password.isascii():
        client.login(user, password)
        return

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    methods = str(client.esmtp_features.get("auth", "")).upper().split()
    if "PLAIN" in methods:
        token = b64(b"\0" + user.encode() + b"\0" + password.encode())
        code, answer = client.docmd("AUTH", f"PLAIN {token}")
    elif "LOGIN" in methods:
        code, answer = client.docmd("AUTH", f"LOGIN {b64(user.encode())}")
        if code == 334:
            code, answer = client.docmd(b64(password.encode()))
    else:
        raise smtplib.SMTPNotSupportedError("no suitable authentication method")
    if code not in (235, 503):  # 503: already authenticated
        raise smtplib.SMTPAuthenticationError(code, answer)


def _answer(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {words}".strip()


def _detail(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        text = (
            exc.smtp_error.decode("utf-8", "replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        return f"{exc.smtp_code} {text}".strip()
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{who}: {_answer(code, msg)}" for who, (code, msg) in exc.recipients.items()
        )
    return str(exc) or type(exc).__name__


def _explain(exc: BaseException, stage: str, config: MailConfig, password: str | None) -> str:
    detail = _detail(exc)
    if password:
        detail = detail.replace(password, "******")
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return t("mail.error.auth", detail=detail)
    timed_out = isinstance(exc, smtplib.SMTPServerDisconnected) and "timed out" in detail
    if timed_out or isinstance(exc, TimeoutError | socket.timeout):
        return t("mail.error.timeout", seconds=int(config.timeout))
    if isinstance(exc, ssl.SSLError) or stage == "tls":
        return t("mail.error.tls", detail=detail)
    if stage == "login" and isinstance(exc, smtplib.SMTPNotSupportedError):
        return t("mail.error.auth", detail=detail)
    if isinstance(
        exc, smtplib.SMTPRecipientsRefused | smtplib.SMTPSenderRefused | smtplib.SMTPDataError
    ):
        return t("mail.error.refused", detail=detail)
    if stage == "connect" or isinstance(exc, ConnectionError | socket.gaierror):
        return t("mail.error.connect", host=config.host, port=config.port, detail=detail)
    return t("mail.error.other", detail=detail)


# ----- the outbox -------------------------------------------------------------------------
# The table is behind storage; these names stay here for the report's callers.
queue = outbox.queue
entries = outbox.entries
message_bytes = outbox.message_bytes
_record = outbox.record


def retry_wait(attempts: int) -> timedelta:
    """2, 4, 8 ... minutes after each failed attempt, at most an hour."""
    return min(timedelta(minutes=2 ** max(attempts, 1)), MAX_RETRY_WAIT)


def deliver(db: Database, outbox_id: int, config: MailConfig, password: str | None) -> Delivery:
    """One attempt at sending an outbox message; the outcome is recorded on it."""
    row = outbox.entry(db, outbox_id)
    raw = outbox.message_bytes(db, outbox_id)
    if row is None or raw is None:
        return Delivery(outbox_id, False, t("outbox.not_found", id=outbox_id))
    if row.status == SENT:
        return Delivery(
            outbox_id, True, t("mail.sent", period=row.period, recipients=row.recipients)
        )
    if not outbox.claim(db, outbox_id, utc_now(), timedelta(seconds=4 * config.timeout + 60)):
        return Delivery(outbox_id, False, t("outbox.busy", id=outbox_id))
    problem = config.problem()
    # The message's own recipients: after a partial refusal, only those still waiting.
    targets = addresses([row.recipients])
    try:
        if problem:
            raise MailError(problem)
        refused = smtp_send(raw, config, password, targets)
    except MailError as exc:
        reason = str(exc)
        log.info("outbox %s not sent: %s", outbox_id, reason)
        _record(db, outbox_id, status=PENDING, last_error=reason)
        return Delivery(outbox_id, False, t("mail.queued", id=outbox_id, reason=reason))
    if refused:
        delivered = [address for address in targets if address not in refused]
        reason = t(
            "mail.partly_refused",
            delivered=", ".join(delivered),
            refused="; ".join(f"{who} ({why})" for who, why in refused.items()),
        )
        log.info("outbox %s refused for %s", outbox_id, ", ".join(refused))
        # The others have it: a retry goes to the refused addresses only.
        _record(db, outbox_id, status=PENDING, recipients=", ".join(refused), last_error=reason)
        return Delivery(
            outbox_id, False, t("mail.partly_sent", id=outbox_id, reason=reason), dict(refused)
        )
    _record(db, outbox_id, status=SENT, sent_at=utc_now(), last_error="")
    log.info("outbox %s sent", outbox_id)
    return Delivery(outbox_id, True, t("mail.sent", period=row.period, recipients=row.recipients))


def password_for(config: MailConfig) -> str | None:
    return mail_password.get(config.user) if config.user else None


def send_report(
    ctx: AppContext, report: Report, *, password: str | None = None, lang: str | None = None
) -> Delivery:
    """Compose, keep in the outbox, and make a first attempt."""
    config = MailConfig.from_settings(ctx.settings)
    raw = compose(report, config, ctx.settings.text("unit.name"), lang=lang)
    subject = t(
        "mail.subject",
        lang or language(),
        unit=ctx.settings.text("unit.name") or config.sender,
        period=describe(report.figures.period, lang),
    )
    outbox_id = queue(
        ctx.db,
        raw,
        period=report.figures.period.label,
        subject=subject,
        recipients=", ".join(config.recipients),
    )
    return deliver(ctx.db, outbox_id, config, password or password_for(config))


def retry_pending(
    ctx: AppContext,
    *,
    now: datetime | None = None,
    force: bool = False,
    password: str | None = None,
) -> list[Delivery]:
    """Try again the messages whose wait is over (all of them with ``force``)."""
    now = now or utc_now()
    ctx.settings.reload()
    config = MailConfig.from_settings(ctx.settings)
    secret = password or password_for(config)
    done = []
    for entry in entries(ctx.db, pending_only=True):
        waited = entry.last_attempt_at is None or now - entry.last_attempt_at >= retry_wait(
            entry.attempts
        )
        if force or waited:
            done.append(deliver(ctx.db, entry.id, config, secret))
    return done


# ----- the Friday reminder ----------------------------------------------------------------
def reminder_due(ctx: AppContext, now: datetime | None = None) -> bool:
    """From the reminder day and time (Friday 14:00 by default) until a report has been sent
    this week (Monday to Sunday)."""
    now = now or utc_now()
    hour, minute = (int(part) for part in ctx.settings.text("report.reminder_time").split(":"))
    window = reminder_window(
        now, ctx.settings.number("report.reminder_weekday"), time(hour, minute)
    )
    if now < window.remind_from:
        return False
    return _reminder_due(now, window, outbox.sent_since(ctx.db, window.week_start))
