"""Errors meant for users, and where the details of unexpected ones go."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desk_app.paths import data_dir


class UserError(Exception):
    """A failure whose message is already a clear, translated sentence for the user."""


def log_file_path() -> Path:
    return data_dir() / "desk-app.log"


def write_crash_log(details: str) -> None:
    try:
        with log_file_path().open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now().isoformat()}\n{details}\n")
    except OSError:
        pass
