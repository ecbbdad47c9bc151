"""The province workbook and the draft letter as files: drawn once for a set of figures.

Drawing them is most of a roll-up that finds nothing new. What they are drawn from (the
week's figures and lists, the department's header, the language, the date on them and the
program itself) is summed up in a fingerprint; the last one of each kind is kept in the
database with its bytes, and the same fingerprint again writes those bytes instead of
drawing them again. The file is always written, so a deleted or edited output comes back.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import desk_app
from desk_app import __version__
from desk_app.i18n import language
from desk_app.outputs import write_bytes
from desk_app.rollup.province import Rollup
from desk_app.settings import Settings
from desk_app.storage.database import Database, DatabaseError
from desk_app.storage.province_reports import ProvinceReports
from desk_app.timeutil import local_today

KINDS = ("xlsx", "docx")
log = logging.getLogger(__name__)


@functools.cache
def program_stamp() -> str:
    """Changes with the program: its version, and its files' sizes and times (a rebuilt
    program of the same version draws with its own code, not with the older one's bytes)."""
    digest = hashlib.sha256(__version__.encode())
    if getattr(sys, "frozen", False):
        files = [Path(sys.executable)]
    else:
        files = sorted(Path(desk_app.__file__).parent.rglob("*.py"))
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def fingerprint(
    kind: str, result: Rollup, settings: Settings | None, lang: str, today: date
) -> str:
    """What an output of ``kind`` is drawn from, summed up."""
    # The department's header, as ``rollup.workbook.issuer_of`` takes it (read here without
    # loading the workbook's engine).
    keys = ("unit.agency", "unit.name", "unit.place", "unit.code")
    issuer = tuple(settings.text(key) for key in keys) if settings is not None else ()
    # How many files this run read or kept is not drawn: a run that finds nothing new draws
    # the same output as the one before it.
    drawn = replace(result, files_read=0, files_new=0, reports_kept=0)
    text = repr((kind, program_stamp(), lang, today.isoformat(), issuer, drawn))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _draw(kind: str) -> Callable[..., bytes]:
    if kind == "xlsx":
        from desk_app.rollup.workbook import build_province_workbook

        return build_province_workbook
    from desk_app.rollup.letter import build_letter

    return build_letter


def output_bytes(
    db: Database,
    kind: str,
    result: Rollup,
    settings: Settings | None = None,
    *,
    lang: str | None = None,
    today: date | None = None,
) -> bytes:
    """The bytes of the province workbook (``xlsx``) or the letter (``docx``)."""
    if kind not in KINDS:
        raise ValueError(kind)
    lang = lang or language()
    today = today or local_today()
    key = fingerprint(kind, result, settings, lang, today)
    repository = ProvinceReports(db)
    content = repository.output(kind, key)
    if content is None:
        content = _draw(kind)(result, settings, lang=lang, today=today)
        try:
            repository.keep_output(kind, key, content)
        except DatabaseError as exc:
            # Only a saving for next time is lost (another desk kept its copy at the same
            # moment, or the log is read-only): the output itself is made.
            log.info("the %s just made is not kept for the next run: %s", kind, exc)
    return content


def write_output(
    db: Database,
    path: str | Path,
    kind: str,
    result: Rollup,
    settings: Settings | None = None,
    *,
    lang: str | None = None,
    today: date | None = None,
) -> Path:
    """Write the output of ``kind`` to ``path`` (safely, see ``desk_app.outputs``)."""
    content = output_bytes(db, kind, result, settings, lang=lang, today=today)
    return write_bytes(path, kind, content)
