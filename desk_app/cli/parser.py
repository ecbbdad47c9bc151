"""argparse speaking the current language: its headings, ``-h`` and the usage line of every
command and subcommand (their own lines come from ``desk_app/i18n/messages/cli_help.py``).

The language must be chosen before the parser is built: ``main`` reads ``--lang`` first.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

from desk_app.i18n import t

# argparse's own error sentences (Python 3.11 to 3.13), each with the key of its translation;
# fields are kept as argparse wrote them. A sentence not listed stays in English.
_ARGPARSE_ERRORS = (
    (re.compile(r"^argument (?P<argument>.+?): (?P<message>.*)$", re.S), "help.err.argument"),
    (re.compile(r"^the following arguments are required: (?P<names>.*)$"), "help.err.required"),
    (re.compile(r"^unrecognized arguments: (?P<names>.*)$"), "help.err.unrecognized"),
    (re.compile(r"^one of the arguments (?P<names>.*) is required$"), "help.err.one_of"),
    (
        re.compile(r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.*)$"),
        "help.err.ambiguous",
    ),
    (
        re.compile(r"^invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)$", re.S),
        "help.err.choice",
    ),
    (re.compile(r"^expected one argument$"), "help.err.one"),
    (re.compile(r"^expected at most one argument$"), "help.err.at_most_one"),
    (re.compile(r"^expected at least one argument$"), "help.err.at_least_one"),
    (re.compile(r"^expected (?P<count>\d+) arguments?$"), "help.err.count"),
    (re.compile(r"^invalid (?P<type>\S+) value: (?P<value>.*)$", re.S), "help.err.type"),
    (re.compile(r"^not allowed with argument (?P<other>.*)$"), "help.err.not_with"),
    (re.compile(r"^ignored explicit argument (?P<value>.*)$"), "help.err.explicit"),
)


def translate_error(message: str) -> str:
    """argparse's error ``message`` in the current language (ours are translated already)."""
    for pattern, key in _ARGPARSE_ERRORS:
        match = pattern.match(message)
        if match:
            fields = match.groupdict()
            if "message" in fields:
                fields["message"] = translate_error(fields["message"])
            return t(key, **fields)
    return message


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
        self.exit(2, t("help.error", prog=self.prog, message=translate_error(message)) + "\n")
