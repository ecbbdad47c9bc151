"""Personal-data subcommands: purge, person find|show|export|correct|delete, audit verify|list.

A person is chosen for show, export, correct and delete by their exact ID number or by the
``#N`` number ``find`` shows, never by a piece of a name. Every read of full data is audited
before it is printed.
"""

from __future__ import annotations

import argparse
import getpass
import io
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from desk_app.cli import EXIT_ERROR, EXIT_OK, CliError
from desk_app.cli.core import day_range, days_arg
from desk_app.cli.shown import (
    action_name,
    period_name,
    person_lines,
    scan_line,
    shown_datetime,
    visit_line,
)
from desk_app.context import AppContext
from desk_app.i18n import t
from desk_app.i18n.system import os_error_text
from desk_app.outputs import check_target, write_bytes
from desk_app.storage import audit
from desk_app.storage.people import PersonError, PersonRecord
from desk_app.storage.retention import exports_dir
from desk_app.timeutil import format_date, format_datetime, parse_user_date


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("purge", help=t("help.purge"))
    p.add_argument("--older-than", type=days_arg, metavar="DAYS", help=t("help.purge.older_than"))
    p.set_defaults(handler=cmd_purge)

    p = subparsers.add_parser("person", help=t("help.person"))
    sub = p.add_subparsers(dest="person_command", required=True)
    q = sub.add_parser("find", help=t("help.person.find"))
    q.add_argument("query", help=t("help.person.query"))
    q.add_argument("--full-ids", action="store_true", help=t("help.full_ids"))
    q.add_argument("--json", action="store_true", help=t("help.json"))
    q.set_defaults(handler=cmd_person_find)
    who_help = t("help.person.who")
    q = sub.add_parser("show", help=t("help.person.show"))
    q.add_argument("who", help=who_help)
    q.add_argument("--json", action="store_true", help=t("help.json"))
    q.set_defaults(handler=cmd_person_show)
    q = sub.add_parser("export", help=t("help.person.export"))
    q.add_argument("who", help=who_help)
    q.add_argument("--out", metavar="PATH", help=t("help.person.out"))
    q.set_defaults(handler=cmd_person_export)
    q = sub.add_parser("correct", help=t("help.person.correct"))
    q.add_argument("who", help=who_help)
    q.add_argument("--name", help=t("help.person.name"))
    q.add_argument("--birth-date", metavar="DD/MM/YYYY", help=t("help.clears"))
    q.add_argument("--sex", metavar="Nam|Nữ", help=t("help.person.sex"))
    q.add_argument("--phone", help=t("help.clears"))
    q.add_argument("--organisation", help=t("help.clears"))
    q.set_defaults(handler=cmd_person_correct)
    q = sub.add_parser("delete", help=t("help.person.delete"))
    q.add_argument("who", help=who_help)
    q.add_argument("--yes", action="store_true", help=t("help.person.yes"))
    q.set_defaults(handler=cmd_person_delete)

    p = subparsers.add_parser("audit", help=t("help.audit"))
    sub = p.add_subparsers(dest="audit_command", required=True)
    q = sub.add_parser("verify", help=t("help.audit.verify"))
    q.set_defaults(handler=cmd_audit_verify)
    q = sub.add_parser("list", help=t("help.audit.list"))
    q.add_argument("--from", dest="date_from", metavar="DATE", help=t("help.from"))
    q.add_argument("--to", dest="date_to", metavar="DATE", help=t("help.to"))
    q.add_argument("--json", action="store_true", help=t("help.json"))
    q.set_defaults(handler=cmd_audit_list)
    q = sub.add_parser("fold", help=t("help.audit.fold"))
    q.set_defaults(handler=cmd_audit_fold)

    p = subparsers.add_parser("backup", help=t("help.backup"))
    p.add_argument("file", help=t("help.backup.file"))
    p.add_argument("--passphrase-stdin", action="store_true", help=t("help.passphrase_stdin"))
    p.add_argument("--remember", action="store_true", help=t("help.backup.remember"))
    p.set_defaults(handler=cmd_backup)
    p = subparsers.add_parser("restore", help=t("help.restore"))
    p.add_argument("file", help=t("help.restore.file"))
    p.add_argument("--passphrase-stdin", action="store_true", help=t("help.passphrase_stdin"))
    p.set_defaults(handler=cmd_restore)


def _context(args: argparse.Namespace) -> AppContext:
    return AppContext.open(args.db)


def cmd_purge(args: argparse.Namespace) -> int:
    ctx = _context(args)
    days = args.older_than if args.older_than is not None else ctx.settings.number("retention.days")
    result = ctx.log.people.purge(days, now=ctx.db.server_now())  # a shared log's clock
    print(
        t(
            "purge.done",
            cutoff=format_datetime(result.cutoff),
            visits=result.visits,
            scan_events=result.scan_events,
            outbox=result.outbox,
            people=result.people,
            files=result.files,
        )
    )
    return EXIT_OK


def _guard(work: Any) -> Any:
    try:
        return work()
    except PersonError as exc:
        raise CliError(str(exc)) from None


def cmd_person_find(args: argparse.Namespace) -> int:
    ctx = _context(args)
    people = _guard(lambda: ctx.log.people.find(args.query, full_ids=args.full_ids))
    if args.json:
        items = [
            {
                "number": f"#{p.number}",
                "name": p.name,
                "id_number": (p.id_number if args.full_ids else p.masked_id) or None,
                "birth_date": p.birth_date.isoformat() if p.birth_date else None,
                "visits": p.visits,
                "last_seen": p.last_seen.isoformat() if p.last_seen else None,
            }
            for p in people
        ]
        print(json.dumps(items, ensure_ascii=False, indent=1))
        return EXIT_OK
    if people:
        print(t("person.header"))
    for p in people:
        number = (p.id_number if args.full_ids else p.masked_id) or "-"
        born = format_date(p.birth_date) if p.birth_date else "-"
        last = format_datetime(p.last_seen) if p.last_seen else "-"
        print(f"{'#' + str(p.number):<6}{p.name} | {number} | {born} | {p.visits} | {last}")
    print(t("person.count", count=len(people)))
    return EXIT_OK


def record_lines(record: PersonRecord) -> list[str]:
    """Everything held about one person as lines of text (``person show`` and the window)."""
    lines = person_lines(record.person)
    lines.append(t("person.section.visits", count=len(record.visits)))
    lines.extend(visit_line(v) for v in record.visits)
    lines.append(t("person.section.scans", count=len(record.scan_events)))
    lines.extend(scan_line(e) for e in record.scan_events)
    lines.append(t("person.section.reports", count=len(record.reports)))
    for m in record.reports:
        lines.append(
            f"  {shown_datetime(m['created_at'])}  {period_name(m['period'])}  "
            f"{t('outbox.status.' + m['status'])}  {m['subject']}"
        )
    lines.append(t("person.section.audit", count=len(record.audit)))
    for a in record.audit:
        query = f"  «{a['query']}»" if a["query"] else ""
        who = f"{a['user']}@{a['desk']}"
        lines.append(f"  {shown_datetime(a['at'])}  {action_name(a['action'])}  {who}{query}")
    return lines


def _print_record(record: PersonRecord) -> None:
    for line in record_lines(record):
        print(line)


def cmd_person_show(args: argparse.Namespace) -> int:
    ctx = _context(args)
    record = _guard(lambda: ctx.log.people.record(args.who))
    if args.json:
        print(json.dumps(record.to_json_dict(), ensure_ascii=False, indent=1))
    else:
        _print_record(record)
    return EXIT_OK


def _cell(value: object) -> object:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return "" if value is None else value


def write_export(record: PersonRecord, base: Path) -> list[Path]:
    """``base``.json and ``base``.xlsx with everything held about the person."""
    from openpyxl import Workbook

    from desk_app.reports.cells import needs_quote

    # Both targets checked before either is written; a missing folder is named, not made
    # (a mistyped path would leave a person's data where nobody looks for it).
    json_path = check_target(base.with_name(base.name + ".json"), "json")
    check_target(base.with_name(base.name + ".xlsx"), "xlsx")
    data = json.dumps(record.to_json_dict(), ensure_ascii=False, indent=1).encode("utf-8")
    write_bytes(json_path, "json", data)
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = t("person.sheet.person")
    for key, value in record.person.items():
        sheet.append([key, "" if value is None else str(value)])
    for title, rows in (
        (t("person.sheet.visits"), record.visits),
        (t("person.sheet.scans"), record.scan_events),
        (t("person.sheet.reports"), record.reports),
        (t("person.sheet.audit"), record.audit),
    ):
        ws = wb.create_sheet(title)
        if rows:
            ws.append(list(rows[0]))
        for row in rows:
            ws.append(
                [
                    " ".join(v) if isinstance(v, list) else ("" if v is None else v)
                    for v in row.values()
                ]
            )
    for ws in wb.worksheets:  # a name typed as "=..." stays text, never a formula
        for cells in ws.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str) and needs_quote(cell.value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    xlsx_path = base.with_name(base.name + ".xlsx")
    buffer = io.BytesIO()
    wb.save(buffer)
    write_bytes(xlsx_path, "xlsx", buffer.getvalue())
    return [xlsx_path, json_path]


def cmd_person_export(args: argparse.Namespace) -> int:
    if args.out and args.out.endswith(("/", os.sep)) and not Path(args.out).expanduser().is_dir():
        # Written as a folder ("exports/"): not taken for a file name beside it.
        folder = Path(args.out).expanduser()
        raise CliError(t("output.no_folder", path=folder, folder=folder))
    ctx = _context(args)
    record = _guard(lambda: ctx.log.people.record(args.who, action="person_export"))
    stem = f"person-{record.person['number']}-{datetime.now():%Y%m%d-%H%M%S}"
    if args.out:
        out = Path(args.out).expanduser()
        if out.suffix.lower() in (".xlsx", ".json"):  # one of the two names: not doubled
            out = out.with_suffix("")
        base = out / stem if out.is_dir() else out
    else:
        base = exports_dir() / stem
    try:
        paths = write_export(record, base)
    except OSError as exc:
        raise CliError(t("person.cannot_write", path=base, message=os_error_text(exc))) from None
    for path in paths:
        print(t("person.exported", path=path))
    return EXIT_OK


def cmd_person_correct(args: argparse.Namespace) -> int:
    changes: dict[str, Any] = {}
    for key in ("name", "sex", "phone", "organisation"):
        value = getattr(args, key)
        if value is not None:
            changes[key] = value
    if args.birth_date is not None:
        if args.birth_date.strip() in ("", "-"):
            changes["birth_date"] = None
        else:
            try:
                changes["birth_date"] = parse_user_date(args.birth_date)
            except ValueError:
                raise CliError(t("cli.bad_date", value=args.birth_date)) from None
    ctx = _context(args)
    changed = _guard(lambda: ctx.log.people.correct(args.who, changes))
    print(corrected_line(changed))
    return EXIT_OK


def corrected_line(changed: list[str]) -> str:
    """What a correction changed, by the fields' names (the window says the same)."""
    if not changed:
        return t("person.nothing_changed")
    return t("person.corrected", fields=", ".join(t(f"person.field.{k}") for k in changed))


def _confirmed(question: str) -> bool:
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "c", "có", "co")


def cmd_person_delete(args: argparse.Namespace) -> int:
    ctx = _context(args)
    who = _guard(lambda: ctx.log.people.summary(args.who))
    if not args.yes:
        question = t(
            "person.confirm_delete", name=who.name, id=who.masked_id or "-", visits=who.visits
        )
        if not _confirmed(question):
            print(t("person.cancelled"))
            return EXIT_ERROR
    # The confirmed person by their number: not the text typed, which could match another.
    # And only while that number still names them (another desk may have acted meanwhile).
    result = _guard(lambda: ctx.log.people.delete(f"#{who.number}", key=who.key))
    print(
        t(
            "person.deleted",
            visits=result.visits,
            scan_events=result.scan_events,
            outbox=result.outbox,
            files=result.files,
        )
    )
    return EXIT_OK


def verdict_line(verdict: audit.Verdict) -> str:
    if verdict.ok:
        return t("audit.intact", count=verdict.count)
    return t("audit.broken", id=verdict.bad_id, reason=t(f"audit.reason.{verdict.reason}"))


def cmd_audit_verify(args: argparse.Namespace) -> int:
    ctx = _context(args)
    verdict = audit.verify(ctx.db, ctx.settings.unit_secret())
    line = verdict_line(verdict)
    print(line, file=sys.stdout if verdict.ok else sys.stderr)
    return EXIT_OK if verdict.ok else EXIT_ERROR


def cmd_audit_list(args: argparse.Namespace) -> int:
    ctx = _context(args)
    start, end = day_range(args)
    rows = audit.records(ctx.db, start, end)
    if args.json:
        print(json.dumps([audit.describe(r) for r in rows], ensure_ascii=False, indent=1))
        return EXIT_OK
    for r in rows:
        query = f" «{r.query}»" if r.query else ""
        print(
            f"#{r.id:<5} {format_datetime(r.at)}  {action_name(r.action)}  {r.os_user}@{r.desk}"
            f"{query} {r.detail}".rstrip()
        )
    return EXIT_OK


def cmd_audit_fold(args: argparse.Namespace) -> int:
    ctx = _context(args)
    days = ctx.settings.number("audit.keep_days")
    count = audit.fold_older_than(ctx.db, ctx.settings.unit_secret(), days, desk=ctx.log.desk)
    print(t("audit.folded", count=count))
    return EXIT_OK


def _passphrase(args: argparse.Namespace, *, twice: bool) -> str:
    if args.passphrase_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(t("backup.passphrase_prompt"))
    if twice and getpass.getpass(t("backup.passphrase_again")) != first:
        raise CliError(t("backup.passphrase_mismatch"))
    return first


def cmd_backup(args: argparse.Namespace) -> int:
    from desk_app import backup, mail_password

    passphrase = _passphrase(args, twice=True)
    ctx = _context(args)
    path = Path(args.file).expanduser()
    summary = backup.write_backup(ctx.db, path, passphrase, desk=ctx.log.desk)
    print(t("backup.written", rows=summary.rows, tables=summary.tables, path=path))
    if args.remember:
        try:
            mail_password.store(backup.KEYRING_USER, passphrase)
        except mail_password.SecretStoreError:
            raise CliError(t("backup.no_store")) from None
        print(t("backup.remembered"))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from desk_app import backup
    from desk_app.storage.database import Database
    from desk_app.storage.settings_store import settings_for

    passphrase = _passphrase(args, twice=False)
    path = Path(args.file).expanduser()
    payload = backup.read_archive(path, passphrase)  # before a new empty log is made
    db = Database(args.db)  # not AppContext: that would make a new unit secret first
    try:
        desk = settings_for(db).text("desk.name")  # this desk's file, or the computer's name
        summary = backup.restore(db, path, passphrase, desk=desk, payload=payload)
    finally:
        db.dispose()
    print(t("backup.restored", rows=summary.rows, path=path))
    return EXIT_OK
