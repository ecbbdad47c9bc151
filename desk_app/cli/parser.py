"""argparse speaking the current language: its headings, ``-h`` and the usage line of every
command and subcommand (their own lines come from ``desk_app/i18n/messages/cli_help.py``).

The language must be chosen before the parser is built: ``main`` reads ``--lang`` first.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

from desk_app.i18n import t


class HelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, t("help.usage") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """Subcommands' parsers are of this class too (argparse makes them with ``type(self)``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False  # our own -h, its line translated
        super().__init__(*args, **kwargs)
        # argparse names its two groups once, in English; no public way to rename them.
        self._positionals.title = t("help.positionals")
        self._optionals.title = t("help.options")
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help=t("help.help")
            )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, t("help.error", prog=self.prog, message=message) + "\n")
