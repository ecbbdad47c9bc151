"""``desk-app set-pin``: set or reset the manager PIN, for scripted set-up or a forgotten PIN.

The PIN is asked twice on a terminal, or read as one line from standard input (scripts).
Whoever can run this can also read the database file, so it gives nothing away; the change
is written to the audit record.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from desk_app.cli import EXIT_OK, CliError
from desk_app.context import AppContext
from desk_app.domain.pin import pin_problem, set_manager_pin
from desk_app.i18n import t


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("set-pin", help=t("help.set_pin"))
    p.set_defaults(handler=cmd_set_pin)


def _read_pin() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    pin = getpass.getpass(t("setup.cli_pin_prompt"))
    if getpass.getpass(t("setup.cli_pin_again")) != pin:
        raise CliError(t("setup.pin_mismatch"))
    return pin


def cmd_set_pin(args: argparse.Namespace) -> int:
    pin = _read_pin()
    problem = pin_problem(pin)
    if problem:
        raise CliError(problem)
    ctx = AppContext.open(args.db)
    try:
        set_manager_pin(ctx.settings, pin)
        ctx.log.audit("manager_pin_set", "command line")
    finally:
        ctx.close()
    print(t("setup.pin_set"))
    return EXIT_OK
