"""Printing subcommands: poster, cards, pass, and the staff list (list, import, revoke)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desk_app.cli import EXIT_OK, EXIT_REJECTED, CliError
from desk_app.cli.core import row_number
from desk_app.context import AppContext
from desk_app.i18n import t
from desk_app.timeutil import format_date, to_local


def register(subparsers: Any) -> None:
    out_help = t("help.out_print")
    p = subparsers.add_parser("poster", help=t("help.poster"))
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|FILE.png", help=out_help)
    p.add_argument(
        "--size", type=str.upper, choices=("A4", "A5"), default="A4", help=t("help.poster.size")
    )
    p.add_argument("--checkpoint", metavar="NAME", help=t("help.poster.checkpoint"))
    p.add_argument("--payload", metavar="TEXT", help=t("help.poster.payload"))
    p.set_defaults(handler=cmd_poster)

    p = subparsers.add_parser("cards", help=t("help.cards"))
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|FILE.png", help=out_help)
    p.add_argument("--staff", type=Path, metavar="FILE.csv|FILE.xlsx", help=t("help.cards.staff"))
    p.set_defaults(handler=cmd_cards)

    p = subparsers.add_parser("pass", help=t("help.pass"))
    p.add_argument("visit_id", type=row_number, metavar="VISIT_ID", help=t("help.pass.visit_id"))
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf|FILE.png", help=out_help)
    p.add_argument(
        "--format",
        type=str.lower,
        choices=("a6", "80mm"),
        default="a6",
        help=t("help.pass.format"),
    )
    p.set_defaults(handler=cmd_pass)

    p = subparsers.add_parser("staff", help=t("help.staff"))
    sub = p.add_subparsers(dest="staff_command", required=True)
    q = sub.add_parser("list", help=t("help.staff.list"))
    q.add_argument("--all", action="store_true", help=t("help.staff.all"))
    q.set_defaults(handler=cmd_staff_list)
    q = sub.add_parser("import", help=t("help.staff.import"))
    q.add_argument("file", type=Path, help=t("help.staff.file"))
    q.set_defaults(handler=cmd_staff_import)
    q = sub.add_parser("revoke", help=t("help.staff.revoke"))
    q.add_argument("staff_id", help=t("help.staff.staff_id"))
    q.add_argument("--reason", default="", help=t("help.staff.reason"))
    q.set_defaults(handler=cmd_staff_revoke)


def _context(args: argparse.Namespace) -> AppContext:
    return AppContext.open(args.db)


def _painting() -> None:
    from desk_app.printing.output import ensure_gui_application

    ensure_gui_application()


def _report_problems(messages: list[str]) -> None:
    for message in messages:
        print(message, file=sys.stderr)


def cmd_poster(args: argparse.Namespace) -> int:
    _painting()
    from desk_app.printing.poster import plan_poster, save_poster

    ctx = _context(args)
    plan = plan_poster(ctx, args.checkpoint, args.payload)
    for path in save_poster(ctx, plan, args.size, args.out):
        print(t("poster.written", checkpoint=plan.checkpoint, version=plan.version, path=path))
    return EXIT_OK


def cmd_cards(args: argparse.Namespace) -> int:
    _painting()
    from desk_app.printing.cards import cards_document, staff_cards
    from desk_app.printing.output import write_file
    from desk_app.printing.poster import UnitDetails
    from desk_app.staff_list import import_staff

    ctx = _context(args)
    unit = UnitDetails.from_settings(ctx.settings)
    problems: list[str] = []
    wanted = None
    if args.staff is not None:
        result = import_staff(ctx, args.staff)
        problems = result.messages()
        _report_problems(problems)
        print(t("staff.imported", count=len(result.rows), bad=len(result.problems)))
        wanted = [row.staff_id for row in result.rows]
    cards = staff_cards(ctx, wanted)
    document = cards_document(cards, unit)
    paths = write_file(document, args.out)
    print(
        t(
            "cards.written",
            count=len(cards),
            pages=document.page_count,
            path=", ".join(map(str, paths)),
        )
    )
    return EXIT_REJECTED if problems else EXIT_OK


def cmd_pass(args: argparse.Namespace) -> int:
    _painting()
    from desk_app.printing.output import write_file
    from desk_app.printing.passes import pass_document, plan_pass

    ctx = _context(args)
    spec = plan_pass(ctx, args.visit_id)
    paths = write_file(pass_document(spec, args.format), args.out)
    print(
        t(
            "pass.written",
            visit_id=spec.visit_id,
            date=format_date(spec.expires_on),
            path=", ".join(map(str, paths)),
        )
    )
    return EXIT_OK


def cmd_staff_list(args: argparse.Namespace) -> int:
    ctx = _context(args)
    members = ctx.log.staff(include_revoked=args.all)
    for m in members:
        line = "  ".join(part for part in (m.staff_id, m.name, m.title, m.department) if part)
        if m.revoked_at is not None:
            mark = t("staff.revoked_mark", date=format_date(to_local(m.revoked_at).date()))
            line += f"  [{mark}{': ' + m.revoked_reason if m.revoked_reason else ''}]"
        print(line)
    print(t("staff.count", count=len(members)))
    return EXIT_OK


def cmd_staff_import(args: argparse.Namespace) -> int:
    from desk_app.staff_list import import_staff

    ctx = _context(args)
    result = import_staff(ctx, args.file)
    _report_problems(result.messages())
    print(t("staff.imported", count=len(result.rows), bad=len(result.problems)))
    return EXIT_REJECTED if result.problems else EXIT_OK


def cmd_staff_revoke(args: argparse.Namespace) -> int:
    ctx = _context(args)
    if not ctx.log.revoke_staff(args.staff_id, args.reason):
        raise CliError(t("staff.not_found", staff_id=args.staff_id))
    print(t("staff.revoked", staff_id=args.staff_id))
    return EXIT_OK
