"""Errors meant for users, and where the details of unexpected ones go."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path


class UserError(Exception):
    """A failure whose message is already a clear, translated sentence for the user."""


class DamagedValue(ValueError):
    """A stored value that cannot be read back as what it should be: the file is damaged.
    Storage turns it into "database damaged: restore a backup" with the log's path."""


def one_line(text: object) -> str:
    """``text`` on one visible line: a line break, tab or escape sequence that came with a
    value (a server's answer, a typed address) is shown as ``\\n``, ``\\t``, ``\\x1b``,
    never acted on by the terminal."""
    text = str(text)
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif unicodedata.category(ch) == "Zs":
            out.append(" ")
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def log_file_path() -> Path:
    """Where the details of an unexpected error go (named even when the data folder cannot
    be made: the message about the error must not fail too)."""
    from desk_app.paths import data_dir_path

    return data_dir_path() / "desk-app.log"


def write_crash_log(details: str) -> None:
    try:
        path = log_file_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat()}\n{details}\n")
    except OSError:  # no data folder to write it in: the message still shows
        pass
