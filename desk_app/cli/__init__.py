"""The command line: ``desk-app [--db URL] [--lang vi|en] COMMAND ...``.

Each area registers its own subcommands (``desk_app/cli/<area>.py``, ``register``); every
handler calls the same core functions the window calls. Errors reach the user as one
translated line on stderr and a non-zero exit code, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import traceback
from collections.abc import Sequence

from desk_app import __version__, native
from desk_app.cli.parser import Parser
from desk_app.i18n import set_language, t

# Modules that add subcommands, each with its ``register(subparsers)``.
COMMAND_MODULES = (
    "desk_app.cli.core",
    "desk_app.cli.scan",
    "desk_app.cli.printing",
    "desk_app.cli.report",
    "desk_app.cli.diag",
    "desk_app.cli.setup",
    "desk_app.cli.rollup",
    "desk_app.cli.privacy",
    "desk_app.cli.desks",
    "desk_app.cli.scanner",
)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_REJECTED = 2
EXIT_REPEAT = 3


class CliError(Exception):
    """A failure to report as one line; ``code`` is the exit status."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="desk-app", description=t("help.description"))
    parser.add_argument(
        "--version", action="version", version=f"desk-app {__version__}", help=t("help.version")
    )
    parser.add_argument("--db", metavar="URL", help=t("help.db"))
    parser.add_argument("--lang", choices=("vi", "en"), help=t("help.lang"))
    parser.add_argument("--camera", metavar="SOURCE", help=t("help.camera"))
    parser.add_argument("--demo", action="store_true", help=t("help.demo"))
    parser.add_argument("--scanner-port", metavar="PORT", help=t("help.scanner_port"))
    parser.add_argument("--exit-at-end", action="store_true", help=t("help.exit_at_end"))
    parser.add_argument("-v", "--verbose", action="store_true", help=t("help.verbose"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title=t("help.commands"))
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    _name_the_choices(parser)
    return parser


def _name_the_choices(parser: argparse.ArgumentParser) -> None:
    """A missing sub-command is named by its choices ("{list,get,set}"), not an inner name."""
    for action in parser._actions:  # noqa: SLF001 - argparse keeps no public list
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            if action.metavar is None:
                action.metavar = "{" + ",".join(action.choices) + "}"
            for child in action.choices.values():
                _name_the_choices(child)


def _open_window(args: argparse.Namespace) -> int:
    try:
        from desk_app.app import run_window
    except ImportError as exc:
        # Qt's own libraries missing on the desk PC is a message; our own module missing is a bug.
        if (exc.name or "").startswith("desk_app"):
            raise
        raise CliError(t("cli.window_unavailable", message=exc)) from exc
    return run_window(args)


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _option_name(parser: argparse.ArgumentParser, dest: str) -> str:
    """How the user wrote the argument stored as ``dest`` (``--from``, ``--desk``, ``TEXT``)."""
    parsers = [parser]
    while parsers:
        current = parsers.pop()
        for action in current._actions:  # noqa: SLF001 - argparse keeps no public list
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                parsers.extend(action.choices.values())
            elif action.dest == dest:
                if action.option_strings:
                    return max(action.option_strings, key=len)
                return str(action.metavar or dest).upper()
    return dest


def main(argv: Sequence[str] | None = None) -> int:
    native.prepare()  # before any subcommand imports pyzbar
    arguments = list(sys.argv[1:] if argv is None else argv)
    for index, arg in enumerate(arguments):  # argparse's own errors speak this language too
        if arg == "--lang" and index + 1 < len(arguments):
            set_language(arguments[index + 1])
        elif arg.startswith("--lang="):
            set_language(arg.split("=", 1)[1])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    from desk_app.errors import UserError, log_file_path, one_line, write_crash_log
    from desk_app.settings import has_control_characters

    # Bytes that are not UTF-8 reach Python as surrogate escapes; stored or printed, they
    # would fail deep inside. A code to record is judged as a code (rejected with its reason);
    # any other argument is refused here.
    # Control characters (an escape sequence, a line break) in a desk name or a search would
    # reach the log or the terminal; a code keeps its own judgement in the parser.
    for name, value in vars(args).items():
        if name == "text" or not isinstance(value, str):
            continue
        problem = (
            "cli.bad_text"
            if not _is_utf8(value)
            else "cli.control_text"
            if has_control_characters(value)
            else None
        )
        if problem:
            option = _option_name(parser, name)
            print(t("error.prefix", message=t(problem, option=option)), file=sys.stderr)
            return EXIT_ERROR
    from desk_app.storage import database

    def tell_new_log(path: object) -> None:
        print(t("db.new_log", path=path), file=sys.stderr)

    database.new_file_listeners.append(tell_new_log)
    try:
        handler = getattr(args, "handler", None)
        if handler is None:
            return _open_window(args)
        return int(handler(args) or 0)
    except CliError as exc:
        print(t("error.prefix", message=one_line(exc)), file=sys.stderr)
        return exc.code
    except UserError as exc:
        print(t("error.prefix", message=one_line(exc)), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: keep the details in a file, not in the user's face
        write_crash_log(traceback.format_exc())
        message = one_line(exc)
        print(t("error.unexpected", message=message, log=log_file_path()), file=sys.stderr)
        return EXIT_ERROR
    finally:
        database.new_file_listeners.remove(tell_new_log)
