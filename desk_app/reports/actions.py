"""The report's actions, once for the window and the command line: make the report, export
the workbook, save the e-mail as .eml, send it, retry the outbox.

No Qt here: the page to sign (a PDF drawn with Qt's printing) is added by the caller through
``add_pdf``, so the window does it in its worker and the command line after starting Qt
offscreen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from desk_app.context import AppContext
from desk_app.domain.week import Period, describe
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.outputs import check_target, write_bytes
from desk_app.reports import mail
from desk_app.reports.workbook import Report, export_report

Progress = Callable[[int, int], None]
AddPdf = Callable[[Report], Report]


def make_report(
    ctx: AppContext,
    period: Period,
    *,
    full_ids: bool = False,
    progress: Progress | None = None,
    add_pdf: AddPdf | None = None,
) -> Report:
    report = export_report(ctx, period, full_ids=full_ids, progress=progress)
    return add_pdf(report) if add_pdf is not None else report


def summary(report: Report, period: Period, target: str | Path) -> str:
    """What the user is told after an export: where, and the week's key figures."""
    f = report.figures
    figures = t(
        "report.summary_line", scans=f.scans, entries=f.entries, exits=f.exits, people=f.people
    )
    return t("report.written", period=describe(period), path=target) + "\n" + figures


def export_workbook(
    ctx: AppContext,
    period: Period,
    target: str | Path,
    *,
    full_ids: bool = False,
    progress: Progress | None = None,
    add_pdf: AddPdf | None = None,
) -> tuple[Report, str]:
    """The workbook written whole at ``target`` (checked first); the report and a message."""
    path = check_target(target, "xlsx")
    report = make_report(ctx, period, full_ids=full_ids, progress=progress, add_pdf=add_pdf)
    write_bytes(path, "xlsx", report.content)
    return report, summary(report, period, path)


def save_eml(ctx: AppContext, report: Report, target: str | Path) -> str:
    """The report's e-mail as an .eml file for a mail program; the message for the user."""
    check_target(target, "eml")
    config = mail.MailConfig.from_settings(ctx.settings)
    raw = mail.compose(report, config, ctx.settings.text("unit.name"))
    mail.save_eml(raw, target)
    return t("mail.eml_saved", path=target)


def send(ctx: AppContext, report: Report) -> str:
    """Keep the e-mail in the outbox and try it now; a refusal is a UserError with the reason
    (the message stays in the outbox for a retry)."""
    delivery = mail.send_report(ctx, report)
    if not delivery.sent:
        raise UserError(delivery.message)
    return delivery.message


def retry(ctx: AppContext, outbox_id: int | None = None) -> list[mail.Delivery]:
    """Send one waiting message, or all of them, now."""
    if outbox_id is None:
        return mail.retry_pending(ctx, force=True)
    config = mail.MailConfig.from_settings(ctx.settings)
    return [mail.deliver(ctx.db, outbox_id, config, mail.password_for(config))]


def retry_summary(deliveries: Sequence[mail.Delivery]) -> str:
    sent = sum(1 for d in deliveries if d.sent)
    return t("outbox.retried", sent=sent, total=len(deliveries))
