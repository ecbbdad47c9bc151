"""The province's subcommand: ``rollup`` (the week's figures from the units' reports)."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from desk_app.cli import EXIT_OK, CliError
from desk_app.context import AppContext
from desk_app.domain.week import Period, describe, parse_week, week_containing
from desk_app.i18n import t
from desk_app.outputs import check_target
from desk_app.rollup.inputs import expand
from desk_app.rollup.province import Rollup, roll_up
from desk_app.rollup.register import read_register
from desk_app.timeutil import (
    FIRST_LOG_DAY,
    LAST_LOG_DAY,
    format_date,
    in_log_range,
    parse_user_date,
)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("rollup", help=t("help.rollup"))
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=t("help.rollup.inputs"))
    p.add_argument("--register", required=True, metavar="FILE", help=t("help.rollup.register"))
    p.add_argument("--week", required=True, metavar="WEEK", help=t("help.rollup.week"))
    p.add_argument("--out", metavar="PROVINCE.xlsx", help=t("help.rollup.out"))
    p.add_argument("--letter", metavar="LETTER.docx", help=t("help.rollup.letter"))
    p.add_argument("--json", action="store_true", help=t("help.rollup.json"))
    p.set_defaults(handler=cmd_rollup)


def week_period(text: str) -> Period:
    """An ISO week (2021-W41), or any day of it (13/10/2021, 2021-10-13) as the window's
    date picker takes it."""
    try:
        period = parse_week(text)
    except (ValueError, OverflowError):
        try:
            period = week_containing(parse_user_date(text))
        except (ValueError, OverflowError):
            raise CliError(t("rollup.week_required", value=text)) from None
    # Days a log can hold (with the week before: the range has a week's margin).
    if not (in_log_range(period.first) and in_log_range(period.last)):
        raise CliError(
            t(
                "cli.date_out_of_range",
                value=text,
                first=format_date(FIRST_LOG_DAY),
                last=format_date(LAST_LOG_DAY),
            )
        )
    return period


def _print_text(result: Rollup) -> None:
    print(
        t(
            "rollup.summary_line",
            week=describe(result.period),
            points=result.points,
            reported=result.reported,
            zero=result.zero,
            missing=result.missing,
            scans=result.scans,
            previous=result.previous_scans,
        )
    )
    # Every file that does not count, an older or second copy of a report among them.
    notes = [*result.unmatched, *result.superseded]
    if notes:
        print(
            t(
                "rollup.files_line",
                read=result.files_read,
                new=result.files_new,
                unmatched=len(notes),
            )
        )
        for note in notes:
            print(f"  {note.path}: {note.message()}")


def _refuse_writing_over_inputs(args: argparse.Namespace) -> None:
    """An output named like the register or a report read (a slip of the hand, a file name
    completed by the shell) would put the province workbook in its place."""
    targets = [Path(path) for path in (args.out, args.letter) if path]
    if not targets:
        return
    read = [Path(args.register)] + [path for path, _ in expand([Path(p) for p in args.inputs])]
    seen = {os.path.realpath(path) for path in read}
    for target in targets:
        if os.path.realpath(target) in seen:
            raise CliError(t("rollup.output_is_input", path=target))


def cmd_rollup(args: argparse.Namespace) -> int:
    period = week_period(args.week)
    # Refuse a wrong target before reading hundreds of files.
    if args.out:
        check_target(args.out, "xlsx")
    if args.letter:
        check_target(args.letter, "docx")
    _refuse_writing_over_inputs(args)
    points = read_register(Path(args.register))
    ctx = AppContext.open(args.db)
    result = roll_up(ctx.db, points, period, [Path(p) for p in args.inputs])
    written: list[str] = []
    if args.out or args.letter:
        from desk_app.rollup.outputs import write_output

        for path, kind in ((args.out, "xlsx"), (args.letter, "docx")):
            if path:
                write_output(ctx.db, path, kind, result, ctx.settings)
                written.append(path)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        _print_text(result)
        for path in written:
            print(t("rollup.written", path=path))
    return EXIT_OK
