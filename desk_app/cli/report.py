"""Report subcommands: ``report`` (workbook, e-mail), ``outbox`` (list, retry, save), and
``mail-password`` (keep the SMTP password in the system keyring)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk_app.cli import EXIT_ERROR, EXIT_OK, CliError
from desk_app.cli.core import row_number
from desk_app.cli.shown import period_name
from desk_app.context import AppContext
from desk_app.domain.week import Period, current_week, date_range, last_full_week, parse_week
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.outputs import check_target, write_bytes
from desk_app.storage.outbox import SENT
from desk_app.timeutil import (
    FIRST_LOG_DAY,
    LAST_LOG_DAY,
    format_date,
    format_datetime,
    in_log_range,
    parse_user_date,
    utc_now,
)

if TYPE_CHECKING:
    from desk_app.reports.workbook import Report


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("report", help=t("help.report"))
    when = p.add_mutually_exclusive_group()
    when.add_argument("--week", metavar="WEEK", help=t("help.report.week"))
    when.add_argument("--from", dest="date_from", metavar="DATE", help=t("help.report.from"))
    p.add_argument("--to", dest="date_to", metavar="DATE", help=t("help.report.to"))
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help=t("help.report.out"))
    p.add_argument("--send", action="store_true", help=t("help.report.send"))
    p.add_argument("--eml", metavar="FILE.eml", help=t("help.report.eml"))
    p.add_argument("--pdf", metavar="FILE.pdf", help=t("help.report.pdf"))
    p.add_argument("--no-pdf", action="store_true", help=t("help.report.no_pdf"))
    p.add_argument("--full-ids", action="store_true", help=t("help.full_ids"))
    p.set_defaults(handler=cmd_report)

    p = subparsers.add_parser("outbox", help=t("help.outbox"))
    sub = p.add_subparsers(dest="outbox_command")
    sub.add_parser("list", help=t("help.outbox.list")).set_defaults(handler=cmd_outbox_list)
    r = sub.add_parser("retry", help=t("help.outbox.retry"))
    r.add_argument("--id", type=row_number, metavar="N", help=t("help.outbox.id"))
    r.set_defaults(handler=cmd_outbox_retry)
    s = sub.add_parser("save", help=t("help.outbox.save"))
    s.add_argument("id", type=row_number, help=t("help.outbox.save_id"))
    s.add_argument("path", metavar="FILE.eml", help=t("help.outbox.path"))
    s.set_defaults(handler=cmd_outbox_save)
    p.set_defaults(handler=cmd_outbox_list)

    p = subparsers.add_parser("mail-password", help=t("help.mail_password"))
    p.add_argument("--stdin", action="store_true", help=t("help.mail_password.stdin"))
    p.set_defaults(handler=cmd_mail_password)


def _date(text: str) -> date:
    try:
        return parse_user_date(text)
    except ValueError:
        raise CliError(t("cli.bad_date", value=text)) from None


def period_from_args(args: argparse.Namespace) -> Period:
    """--week W | --from D --to D; the last full week by default."""
    period = _period(args)
    if not (in_log_range(period.first) and in_log_range(period.last)):
        value = args.week or f"{args.date_from} - {args.date_to}"
        raise CliError(
            t(
                "cli.date_out_of_range",
                value=value,
                first=format_date(FIRST_LOG_DAY),
                last=format_date(LAST_LOG_DAY),
            )
        )
    return period


def _period(args: argparse.Namespace) -> Period:
    now = utc_now()
    if args.date_from or args.date_to:
        if not (args.date_from and args.date_to):
            raise CliError(t("report.range_incomplete"))
        first, last = _date(args.date_from), _date(args.date_to)
        try:
            return date_range(first, last)
        except (ValueError, OverflowError):
            raise CliError(t("report.bad_range", first=args.date_from, last=args.date_to)) from None
    week = (args.week or "last").strip().lower()
    if week == "last":
        return last_full_week(now)
    if week == "current":
        return current_week(now)
    try:
        return parse_week(week)
    except (ValueError, OverflowError):
        raise CliError(t("report.bad_week", value=args.week)) from None


def cmd_report(args: argparse.Namespace) -> int:
    # The workbook and mail engines are loaded by the commands that use them: every other
    # command starts without them.
    from desk_app.reports import actions
    from desk_app.reports.workbook import unit_info

    period = period_from_args(args)
    # Refused before any work: a mistyped extension, a folder that is not there, the log.
    out = check_target(args.out, "xlsx")
    if args.eml:
        check_target(args.eml, "eml")
    if args.pdf:
        check_target(args.pdf, "pdf")
    ctx = AppContext.open(args.db)
    add_pdf = None
    if args.pdf or ((args.eml or args.send) and not args.no_pdf):
        # The e-mail carries the page to sign beside the workbook.
        from desk_app.printing.output import ensure_gui_application
        from desk_app.printing.report_page import with_pdf

        ensure_gui_application()

        def add_pdf(report: Report) -> Report:
            return with_pdf(report, unit_info(ctx.settings))

    report, written = actions.export_workbook(
        ctx, period, out, full_ids=args.full_ids, add_pdf=add_pdf
    )
    if args.pdf and report.pdf is not None:
        write_bytes(args.pdf, "pdf", report.pdf)
        print(t("report.pdf_written", path=args.pdf))
    print(written)
    if not ctx.settings.text("unit.code").strip():
        # The province matches reports by this code: without it the point is listed as
        # having sent nothing.
        print(t("report.no_unit_code"), file=sys.stderr)
    if args.eml:
        print(actions.save_eml(ctx, report, args.eml))
    if args.send:
        try:
            print(actions.send(ctx, report))
        except UserError as exc:
            raise CliError(str(exc)) from None
    return EXIT_OK


def cmd_outbox_list(args: argparse.Namespace) -> int:
    from desk_app.reports import mail

    ctx = AppContext.open(args.db)
    items = mail.entries(ctx.db)
    if not items:
        print(t("outbox.empty"))
    for e in items:
        status = t(f"outbox.status.{e.status}")
        print(
            f"{e.id:>4}  {format_datetime(e.created_at)}  {status:<9} {e.attempts:>2}  "
            f"{period_name(e.period)}  {e.recipients}"
        )
        if e.status != SENT and e.last_error:
            print(f"      {e.last_error}")
    return EXIT_OK


def cmd_outbox_retry(args: argparse.Namespace) -> int:
    from desk_app.reports import actions

    ctx = AppContext.open(args.db)
    deliveries = actions.retry(ctx, args.id)
    for delivery in deliveries:
        print(delivery.message, file=sys.stdout if delivery.sent else sys.stderr)
    print(actions.retry_summary(deliveries))
    sent = sum(1 for d in deliveries if d.sent)
    return EXIT_OK if sent == len(deliveries) else EXIT_ERROR


def cmd_outbox_save(args: argparse.Namespace) -> int:
    from desk_app.reports import mail

    check_target(args.path, "eml")
    ctx = AppContext.open(args.db)
    raw = mail.message_bytes(ctx.db, args.id)
    if raw is None:
        raise CliError(t("outbox.not_found", id=args.id))
    # A report lists people (in full when made with --full-ids): writing one out is an
    # export of their data, recorded before the file exists.
    detail = {"message": args.id, "file": Path(args.path).name}
    ctx.log.audit("outbox_saved", json.dumps(detail, ensure_ascii=False, sort_keys=True))
    mail.save_eml(raw, args.path)
    print(t("mail.eml_saved", path=args.path))
    return EXIT_OK


def cmd_mail_password(args: argparse.Namespace) -> int:
    from desk_app import mail_password

    ctx = AppContext.open(args.db)
    user = ctx.settings.text("mail.user")
    if not user:
        raise CliError(t("mail.password_no_user"))
    if args.stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(t("mail.password_prompt", user=user))
    try:
        mail_password.store(user, password)
    except mail_password.SecretStoreError as exc:
        raise CliError(t("mail.keyring_error", detail=exc)) from None
    print(t("mail.password_set", user=user))
    return EXIT_OK
