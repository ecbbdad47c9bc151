"""Core subcommands: parse, record, log, config."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

from desk_app.cli import EXIT_OK, EXIT_REJECTED, EXIT_REPEAT, CliError
from desk_app.cli.desks import desk_only_settings, keep_offline
from desk_app.cli.shown import identity_lines
from desk_app.context import AppContext
from desk_app.domain.identity import CodeKind, Identity, visible
from desk_app.domain.own_codes import looks_like_own_code
from desk_app.domain.payloads import parse
from desk_app.domain.visits import Direction, Method, Outcome, VisitRow
from desk_app.i18n import t
from desk_app.outputs import check_target, write_bytes
from desk_app.settings import SettingError, Settings, is_desk_key, setting
from desk_app.storage.database import DatabaseError
from desk_app.storage.journal import is_unreachable
from desk_app.timeutil import (
    FIRST_LOG_DAY,
    LAST_LOG_DAY,
    format_date,
    format_datetime,
    in_log_range,
    local_day_bounds,
    local_zone,
    parse_user_date,
    to_local,
    utc_now,
)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("parse", help=t("help.parse"))
    p.add_argument("text", help=t("help.parse.text"))
    p.add_argument("--json", action="store_true", help=t("field.json_help"))
    p.set_defaults(handler=cmd_parse)

    p = subparsers.add_parser("record", help=t("help.record"))
    p.add_argument("text", help=t("help.parse.text"))
    p.add_argument(
        "--direction",
        choices=[d.value for d in Direction],
        default="auto",
        help=t("help.record.direction"),
    )
    p.add_argument(
        "--method",
        choices=[m.value for m in Method],
        default="camera",
        help=t("help.record.method"),
    )
    p.add_argument("--at", metavar="ISO8601", help=t("help.record.at"))
    p.add_argument("--desk", metavar="NAME", help=t("help.record.desk"))
    p.add_argument("--json", action="store_true", help=t("help.json"))
    p.set_defaults(handler=cmd_record)

    p = subparsers.add_parser("log", help=t("help.log"))
    p.add_argument("--from", dest="date_from", metavar="DATE", help=t("help.from"))
    p.add_argument("--to", dest="date_to", metavar="DATE", help=t("help.to"))
    p.add_argument("--inside", action="store_true", help=t("help.log.inside"))
    p.add_argument("--full-ids", action="store_true", help=t("help.full_ids"))
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=t("help.json"))
    fmt.add_argument("--csv", action="store_true", help=t("help.log.csv"))
    p.add_argument("--out", metavar="FILE.csv", help=t("help.log.out"))
    p.add_argument("--separator", choices=(",", ";", "tab"), help=t("help.log.separator"))
    p.set_defaults(handler=cmd_log)

    p = subparsers.add_parser("config", help=t("help.config"))
    sub = p.add_subparsers(dest="config_command", required=True)
    sub.add_parser("list", help=t("help.config.list")).set_defaults(handler=cmd_config_list)
    g = sub.add_parser("get", help=t("help.config.get"))
    g.add_argument("key", help=t("help.config.key"))
    g.set_defaults(handler=cmd_config_get)
    s = sub.add_parser("set", help=t("help.config.set"))
    s.add_argument("key", help=t("help.config.key"))
    s.add_argument("value", help=t("help.config.value"))
    s.set_defaults(handler=cmd_config_set)


def _context(args: argparse.Namespace) -> AppContext:
    return AppContext.open(args.db)


def cmd_parse(args: argparse.Namespace) -> int:
    # The unit's own codes are checked with its secret, which lives in the database; other
    # codes parse without opening it.
    if not _is_utf8(args.text):
        identity = _argument_identity(_context(args), args.text)
    elif looks_like_own_code(args.text):
        identity = _context(args).parse(args.text)
    else:
        identity = parse(args.text)
    if args.json:
        print(json.dumps(identity.to_json_dict(), ensure_ascii=False))
    else:
        for line in identity_lines(identity):
            print(line)
    return EXIT_OK if identity.recognised else EXIT_REJECTED


# How far ahead of this desk's clock --at may be: another desk's clock may run a little fast.
_CLOCK_SLACK = timedelta(minutes=10)


def _parse_at(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CliError(t("cli.bad_datetime", value=text)) from None
    if not in_log_range(moment.date()):
        raise CliError(t("cli.date_out_of_range", value=text, **_log_range()))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=local_zone())
    moment = moment.astimezone(UTC)
    if moment > utc_now() + _CLOCK_SLACK:
        # A typed year or month off by one would put a visit ahead of every real scan: each
        # later scan would then be a repeat of it or an exit before its entry.
        raise CliError(t("cli.at_in_future", value=text))
    return moment


def _log_range() -> dict[str, str]:
    return {"first": format_date(FIRST_LOG_DAY), "last": format_date(LAST_LOG_DAY)}


def _argument_identity(ctx: AppContext, text: str) -> Identity:
    """What a code given on the command line says. Bytes that are not UTF-8 (the shell hands
    them over as surrogate escapes) are a rejected code with its reason, never a crash."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:  # a lone surrogate that stands for no byte
            shown = text.encode("utf-8", "replace").decode("utf-8")
        return Identity(CodeKind.UNRECOGNISED, raw=visible(shown)[:200], reason="not_utf8")
    return ctx.parse(text)


def cmd_record(args: argparse.Namespace) -> int:
    at = _parse_at(args.at) or utc_now()
    try:
        ctx = _context(args)
        if args.desk:
            ctx.log.desk = args.desk
        identity = _argument_identity(ctx, args.text)
        result = ctx.log.record_scan(
            identity,
            method=args.method,
            direction=args.direction,
            at=at,
            debounce_seconds=ctx.settings.number("scan.debounce_seconds"),
        )
    except DatabaseError as exc:
        if not is_unreachable(exc):
            raise
        # The server is away: the desk keeps the scan and sends it when it is back.
        return keep_offline(args, at)
    if args.json:
        print(json.dumps(result.to_json_dict(), ensure_ascii=False))
    else:
        label = t(f"outcome.{result.outcome.value}")
        who = f"{result.name} {result.masked_id}".strip()
        line = " ".join(part for part in (f"{label}:", who, format_datetime(result.at)) if part)
        if result.reason:
            line += f" ({t('reason.' + result.reason)})"
        for warning in result.warnings:
            line += f" [{t('warning.' + warning)}]"
        print(line)
    return {Outcome.REPEAT: EXIT_REPEAT, Outcome.REJECTED: EXIT_REJECTED}.get(
        result.outcome, EXIT_OK
    )


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _date_arg(text: str) -> Any:
    try:
        day = parse_user_date(text)
    except ValueError:
        raise CliError(t("cli.bad_date", value=text)) from None
    if not in_log_range(day):
        raise CliError(t("cli.date_out_of_range", value=text, **_log_range()))
    return day


def day_range(args: argparse.Namespace) -> tuple[datetime | None, datetime | None]:
    """The moments ``--from`` and ``--to`` (whole local days) stand for; either may be absent.
    A range given back to front is refused."""
    start = local_day_bounds(_date_arg(args.date_from))[0] if args.date_from else None
    end = local_day_bounds(_date_arg(args.date_to))[1] if args.date_to else None
    if start and end and start >= end:
        raise CliError(t("cli.from_after_to", first=args.date_from, last=args.date_to))
    return start, end


MAX_DAYS = 36_500  # a hundred years: any more is a typing slip


def days_arg(text: str) -> int:
    """A number of days for ``purge``: 0 to a hundred years."""
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_days", value=text)) from None
    if not 0 <= days <= MAX_DAYS:
        raise argparse.ArgumentTypeError(t("cli.days_range", value=text, most=MAX_DAYS))
    return days


def row_number(text: str) -> int:
    """A row number (visit, message): a positive whole number that a database can hold."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_number", value=text)) from None
    if not 1 <= number < 2**63:
        raise argparse.ArgumentTypeError(t("cli.bad_number", value=text))
    return number


# The columns of log --json and --csv, in order; an empty CSV has the same header.
VISIT_COLUMNS = (
    "visit_id",
    "name",
    "id_number",
    "kind",
    "entry_at",
    "exit_at",
    "exit_auto",
    "entry_method",
    "exit_method",
    "desk",
    "checkpoint",
    "purpose",
    "host",
    "organisation",
    "warnings",
)


def _visit_dict(row: VisitRow, full_ids: bool) -> dict[str, object]:
    return {
        "visit_id": row.id,
        "name": row.name,
        "id_number": row.id_number if full_ids else row.masked_id or None,
        "kind": row.code_kind,
        "entry_at": to_local(row.entry_at).isoformat(),
        "exit_at": to_local(row.exit_at).isoformat() if row.exit_at else None,
        "exit_auto": row.exit_auto,
        "entry_method": row.entry_method,
        "exit_method": row.exit_method,
        "desk": row.desk,
        "checkpoint": row.checkpoint,
        "purpose": row.purpose,
        "host": row.host,
        "organisation": row.organisation,
        "warnings": list(row.warnings),
    }


def cmd_log(args: argparse.Namespace) -> int:
    # An empty --out (a variable that was not set) is a file name that is wrong, not stdout.
    if (args.out is not None or args.separator is not None) and not args.csv:
        raise CliError(t("cli.out_needs_csv"))
    if args.out is not None:
        check_target(args.out, "csv")  # refused before the log is read
    ctx = _context(args)
    if args.inside:
        rows = ctx.log.inside()
    else:
        start, end = day_range(args)
        rows = ctx.log.visits_between(
            start or datetime(1970, 1, 1, tzinfo=UTC), end or datetime(9999, 1, 1, tzinfo=UTC)
        )
    if args.full_ids:
        query = f"log --from {args.date_from or '-'} --to {args.date_to or '-'}"
        query += " --inside" if args.inside else ""
        ctx.log.audit("full_ids_shown", f"log: {len(rows)} visits", query=query)
    items = [_visit_dict(r, args.full_ids) for r in rows]
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=1))
    elif args.csv:
        for item in items:
            item["warnings"] = " ".join(item["warnings"])  # type: ignore[arg-type]
        from desk_app.reports.csv_export import csv_bytes

        separator = {None: ",", "tab": "\t"}.get(args.separator, args.separator)
        data = csv_bytes(items, VISIT_COLUMNS, separator)
        if args.out is not None:
            path = write_bytes(args.out, "csv", data)
            print(t("output.written", count=len(items), path=path))
        else:
            # Bytes, not text: the console's code page must not decide the encoding.
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
    else:
        for r in rows:
            exit_text = format_datetime(r.exit_at) if r.exit_at else t("log.inside")
            number = r.id_number if args.full_ids else r.masked_id
            print(
                f"{r.id:>6}  {format_datetime(r.entry_at)}  {exit_text:<19}  "
                f"{r.name} {number}".rstrip()
            )
        print(t("log.count", count=len(rows)))
    return EXIT_OK


def cmd_config_list(args: argparse.Namespace) -> int:
    ctx = _context(args)
    labels = {scope: t(f"settings.scope.{scope}") for scope in ("desk", "unit")}
    width = max(len(label) for label in labels.values())
    for spec, value in ctx.settings.items():
        visible_value = value
        if isinstance(value, str) and "@" in value and "://" in value:
            from desk_app.scanning.sources import without_password

            # A camera stream's password is not for the screen.
            visible_value = without_password(value)
        shown = "******" if spec.secret and value else json.dumps(visible_value, ensure_ascii=False)
        print(f"{labels[spec.scope]:<{width}}  {spec.key} = {shown}    # {spec.description}")
    return EXIT_OK


def _config_context(args: argparse.Namespace) -> tuple[AppContext | None, Settings]:
    """The log and its settings for ``config get|set``. A desk's own setting lives in its
    file: with the server out of reach it is read and written there all the same (the
    unit's as this desk last read them, when it ever reached the server)."""
    if not is_desk_key(args.key):
        ctx = _context(args)
        return ctx, ctx.settings
    try:
        ctx = AppContext.open(args.db, offline_ok=True)
    except DatabaseError as exc:
        if not is_unreachable(exc):
            raise
        return None, desk_only_settings()
    return ctx, ctx.settings


def cmd_config_get(args: argparse.Namespace) -> int:
    _ctx, settings = _config_context(args)
    try:
        spec = setting(args.key)
        if spec.secret:
            raise SettingError(t("settings.secret", key=args.key))
    except SettingError as exc:
        raise CliError(str(exc)) from None
    value = settings.get(args.key)
    print(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    return EXIT_OK


def cmd_config_set(args: argparse.Namespace) -> int:
    if args.key.strip().lower().startswith("manager."):
        raise CliError(t("settings.manager_key", key=args.key))
    ctx, settings = _config_context(args)
    try:
        value = settings.set_from_user(args.key, args.value)
    except SettingError as exc:
        raise CliError(str(exc)) from None
    if ctx is not None and ctx.online:  # the unit's trail is on the server
        ctx.log.audit("settings_changed", args.key, query=f"config set {args.key}")
    scope = t(f"settings.scope.{setting(args.key).scope}")
    print(f"{args.key} = {json.dumps(value, ensure_ascii=False)}    ({scope})")
    return EXIT_OK
