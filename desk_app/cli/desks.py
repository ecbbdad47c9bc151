"""Several desks on one log: the local journal kept during outages (``journal``), and moving a
single desk's log onto the shared server (``migrate-to``)."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any

from desk_app.cli import EXIT_ERROR, EXIT_OK, CliError
from desk_app.cli.shown import direction_name
from desk_app.domain.payloads import parse
from desk_app.domain.visits import Outcome
from desk_app.i18n import t
from desk_app.i18n.vocabulary import kind_name, method_name
from desk_app.settings import DeskFile, SettingError, Settings, coerce, setting
from desk_app.storage.database import DatabaseError, log_key
from desk_app.storage.journal import CHECK_OUT, MANUAL, Journal, is_unreachable
from desk_app.timeutil import format_datetime


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("journal", help=t("help.journal"))
    sub = p.add_subparsers(dest="journal_command", required=True)
    sub.add_parser("list", help=t("help.journal.list")).set_defaults(handler=cmd_journal_list)
    sub.add_parser("flush", help=t("help.journal.flush")).set_defaults(handler=cmd_journal_flush)
    p = subparsers.add_parser("migrate-to", help=t("help.migrate_to"))
    p.add_argument("url", help=t("help.migrate_to.url"))
    p.set_defaults(handler=cmd_migrate_to)


def desk_only_settings() -> Settings:
    """This desk's own settings, readable with no database."""

    def no_store(key: str, value: str) -> None:
        raise AssertionError(key)

    return Settings(dict, no_store, desk=DeskFile())


def _own_checkpoint() -> str:
    """The checkpoint set for this desk, read by the rules an online desk reads it by (a
    value edited by hand into one the log cannot keep is no value); "" when none is set."""
    try:
        return str(coerce(setting("desk.checkpoint"), DeskFile().load().get("desk.checkpoint", "")))
    except SettingError:
        return ""


def keep_offline(args: argparse.Namespace, at: datetime) -> int:
    """Keep the scan of ``desk-app record`` (``args``) in the desk's journal, for the log it
    was meant for; prints what happened. Returns the exit code."""
    settings = desk_only_settings()
    journal = Journal(log=log_key(args.db))
    text, method, direction, desk = args.text, args.method, args.direction, args.desk
    # Bytes that are not UTF-8 are kept as the replacement characters the log would show.
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    journal.add(
        text,
        at=at,
        method=method,
        direction=direction,
        desk=desk or settings.text("desk.name"),
        # The checkpoint falls back to the unit's first one, which only the server knows.
        checkpoint=_own_checkpoint(),
        debounce_seconds=-1,
    )
    waiting = journal.count()
    if getattr(args, "json", False):
        # A script reading --json gets JSON here too: no visit yet, the scan waits.
        kept = {
            "outcome": "kept",
            "visit_id": None,
            "at": at.isoformat(),
            "person": None,
            "method": method,
            "warnings": [],
            "reason": "",
            "waiting": waiting,
        }
        print(json.dumps(kept, ensure_ascii=False))
        return EXIT_OK
    print(t("journal.kept", count=waiting))
    return EXIT_OK


def cmd_journal_list(args: argparse.Namespace) -> int:
    journal = Journal(log=log_key(args.db))
    entries = Journal(journal.path).entries()  # every one, those for another log named below
    for entry in entries:
        if entry.kind == MANUAL:
            who = entry.manual_entry().name
        elif entry.kind == CHECK_OUT:
            who = t("journal.check_out", visit=entry.visit_id())
        else:
            identity = parse(entry.text)
            who = identity.name or kind_name(identity.kind.value)
        print(
            f"{entry.seq:>5}  {format_datetime(entry.at)}  {entry.desk}  "
            f"{method_name(entry.method)}  {direction_name(entry.direction)}  {who}"
        )
    print(t("journal.count", count=len(entries)))
    for other, count in journal.for_other_logs().items():
        print(t("journal.other_log", count=count, url=other))
    for path in journal.set_aside():
        print(t("journal.set_aside", path=path))
    return EXIT_OK


def cmd_journal_flush(args: argparse.Namespace) -> int:
    from desk_app.context import AppContext

    try:
        ctx = AppContext.open(args.db, flush=False)
        done = ctx.flush_journal()
    except DatabaseError as exc:
        if not is_unreachable(exc):
            raise
        waiting = Journal(log=log_key(args.db)).count()
        raise CliError(t("journal.still_offline", count=waiting), EXIT_ERROR) from None
    sent = [result for _, result in done if result is not None]
    conflicts = [
        r for r in sent if r.outcome is Outcome.REJECTED and r.reason == "journal_conflict"
    ]
    print(
        t("journal.flushed", sent=len(sent), conflicts=len(conflicts), before=len(done) - len(sent))
    )
    for other, count in ctx.journal.for_other_logs().items():
        print(t("journal.other_log", count=count, url=other))
    ctx.close()
    return EXIT_OK


def cmd_migrate_to(args: argparse.Namespace) -> int:
    """Copy the whole log (visits, people, scans, settings, audit, outbox, ...) into an empty
    database, made at the current schema first; the source is left as it was."""
    from desk_app.context import AppContext
    from desk_app.storage import snapshot
    from desk_app.storage.database import Database, _safe_url

    source = AppContext.open(args.db, flush=False)
    try:
        if source.db.url == args.url:
            raise CliError(t("migrate_to.same"))
        _, tables = snapshot.dump(source.db)
        target = Database(args.url)
        try:
            count = snapshot.load_into_empty(
                target, tables, file_name=_safe_url(source.db.url), desk=source.log.desk
            )
        except snapshot.NotEmptyError as exc:
            raise CliError(t("migrate_to.not_empty", table=exc.table)) from None
        finally:
            target.dispose()
    finally:
        source.close()
    print(t("migrate_to.done", count=count, url=_safe_url(args.url)))
    return EXIT_OK
