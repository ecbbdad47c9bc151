"""Every file the program writes for people (workbook, PDF, PNG, .eml, CSV) goes through here.

A file is written beside its target under a temporary name and renamed over it only when
complete, so a full disk or a crash in the middle never destroys the previous good file.
A target whose extension does not match what is written, or that is a SQLite database (the
log itself), is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.i18n.system import os_error_text

# Format -> the extensions a file of that format may carry.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "xlsx": (".xlsx",),
    "pdf": (".pdf",),
    "png": (".png",),
    "eml": (".eml",),
    "csv": (".csv",),
    "docx": (".docx",),
    "json": (".json",),
    "backup": (".deskbackup",),
}
SQLITE_MAGIC = b"SQLite format 3\x00"


class OutputError(UserError):
    """An output file that was refused or could not be written; the message is for users."""


def is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def check_target(path: str | Path, fmt: str) -> Path:
    """``path`` as a Path when a file of format ``fmt`` may be written there, else OutputError."""
    target = Path(path).expanduser()
    allowed = EXTENSIONS[fmt]
    if target.suffix.lower() not in allowed:
        raise OutputError(
            t("output.bad_extension", path=target, expected=", ".join(allowed), format=fmt.upper())
        )
    if target.is_dir():
        raise OutputError(t("output.is_folder", path=target))
    if target.exists() and is_sqlite_file(target):
        raise OutputError(t("output.is_database", path=target))
    if not target.parent.is_dir():
        raise OutputError(t("output.no_folder", path=target, folder=target.parent))
    return target


def _cannot_write(target: Path, exc: OSError) -> OutputError:
    return OutputError(t("output.cannot_write", path=target, message=os_error_text(exc)))


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_with(path: str | Path, fmt: str, writer: Callable[[Path], None]) -> Path:
    """Let ``writer`` write a temporary file beside ``path`` (same extension), then rename it
    over ``path``. On any failure the temporary file goes and ``path`` is as it was."""
    target = check_target(path, fmt)
    try:
        handle, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.stem}-", suffix=f".part{target.suffix}"
        )
    except OSError as exc:
        raise OutputError(
            t("output.cannot_write", path=target, message=os_error_text(exc))
        ) from None
    os.close(handle)
    temporary = Path(name)
    try:
        writer(temporary)
        with temporary.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except OSError as exc:
        raise OutputError(
            t("output.cannot_write", path=target, message=os_error_text(exc))
        ) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    return target


def write_bytes(path: str | Path, fmt: str, content: bytes) -> Path:
    """``content`` to ``path`` safely (see ``write_with``)."""

    def writer(temporary: Path) -> None:
        with temporary.open("wb") as fh:
            fh.write(content)
            fh.flush()

    return write_with(path, fmt, writer)
