"""The retention purge: everything older than the period goes, audited with counts only.

Visits (open ones by their entry), scan events, sent report e-mails, people left with
nothing (with the audit queries that named them, their exports and their rows in report
e-mails still waiting) and the files the program exported are deleted together; on a SQLite
file deleted rows are overwritten and the write-ahead log emptied, so nothing purged stays
readable in the file. ``people.py`` uses the same overwriting for one person's deletion.
"""

from __future__ import annotations

import email
import email.policy
import io
import json
import logging
import sqlite3
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import unescape
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, or_, select, text
from sqlalchemy.orm import Session

from desk_app.domain.names import fold
from desk_app.paths import data_dir
from desk_app.reports.redact import Who, redact_message
from desk_app.storage import audit
from desk_app.storage.database import Database
from desk_app.storage.schema import OutboxMessage, Person, ScanEvent, Visit
from desk_app.timeutil import local_zone, to_local, utc_now

log = logging.getLogger(__name__)

EXPORTS_FOLDER = "exports"
_SPECIFIC = 5  # letters or digits a purged person's number or name must have to be erased
SENT = "sent"


def exports_dir() -> Path:
    """Where the program keeps the files it exports (purged with the log)."""
    path = data_dir() / EXPORTS_FOLDER
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True)
class PurgeResult:
    cutoff: datetime
    visits: int = 0
    scan_events: int = 0
    outbox: int = 0
    people: int = 0
    files: int = 0

    def counts(self) -> dict[str, int]:
        return {
            "visits": self.visits,
            "scan_events": self.scan_events,
            "outbox": self.outbox,
            "people": self.people,
            "files": self.files,
        }


def retention_cutoff(days: int, now: datetime | None = None) -> datetime:
    """The first moment kept: local midnight ``days`` days before today.

    Whole local days, as the notice promises them: a visit at 00:00 on the first kept day
    stays, one at 23:59 the day before goes, whatever the UTC offset.
    """
    local_now = to_local((now or utc_now()).astimezone(UTC))
    first_day = local_now.date() - timedelta(days=days)
    return datetime.combine(first_day, datetime.min.time(), tzinfo=local_zone()).astimezone(UTC)


def purge(db: Database, days: int, *, now: datetime | None = None, desk: str = "") -> PurgeResult:
    """Delete everything older than ``days`` whole local days (see ``retention_cutoff``):
    visits (open ones by their entry), scan events, sent report e-mails, people left with
    nothing, and the files the program exported. The people purged leave no number or name
    in the audit trail (blanked as a deletion blanks them, the records named in the purge's
    own) and no export in the program's folder. Audited with counts only."""
    cutoff = retention_cutoff(days, now)
    # The old exports go once the purge and its record are stored: a purge that cannot be
    # recorded deletes nothing.
    old_files = _old_files(cutoff)
    files = len(old_files)

    def work(session: Session) -> PurgeResult:
        secure_delete(session)
        old_visit = or_(
            Visit.exit_at < cutoff, (Visit.exit_at.is_(None)) & (Visit.entry_at < cutoff)
        )
        old_ids = select(Visit.id).where(old_visit)
        events = count_of(
            session.execute(
                delete(ScanEvent).where(or_(ScanEvent.at < cutoff, ScanEvent.visit_id.in_(old_ids)))
            )
        )
        visits = count_of(session.execute(delete(Visit).where(old_visit)))
        sent_at = func.coalesce(OutboxMessage.sent_at, OutboxMessage.created_at)
        outbox = count_of(
            session.execute(
                delete(OutboxMessage).where(OutboxMessage.status == SENT, sent_at < cutoff)
            )
        )
        has_visit = select(Visit.id).where(Visit.person_id == Person.id).exists()
        has_event = select(ScanEvent.id).where(ScanEvent.person_id == Person.id).exists()
        left_with_nothing = (~has_visit) & (~has_event)
        gone_people.clear()
        numbers: list[str] = []
        names: list[str] = []
        whos: list[Who] = []
        for number, name, id_number, key in session.execute(
            select(Person.id, Person.name, Person.id_number, Person.person_key).where(
                left_with_nothing
            )
        ):
            gone_people.append(int(number))
            whos.append(Who(name or "", id_number))
            # Only what names one person: not a short staff number or a one-word name,
            # which would blank other people's records on every automatic purge.
            numbers.extend(n for n in (id_number, key) if n and len(n) >= _SPECIFIC)
            if len(fold(name or "")) >= _SPECIFIC:
                names.append(name)
        people = count_of(session.execute(delete(Person).where(left_with_nothing)))
        # Queries that named them (their number, their name) go as a deletion's do, and so
        # do their exports in the program's folder, however recent: what they were made
        # from is gone.
        erased = audit.erase_mentions(session, numbers, names=names)
        # Their rows leave the report e-mails still waiting to be sent (a sent one older
        # than the period is gone whole), as a person's deletion takes them out.
        _take_out_of_waiting_mail(session, whos)
        theirs.clear()
        for number in gone_people:
            theirs.extend(p for p in exports_of(number) if p not in old_files)
        result = PurgeResult(cutoff, visits, events, outbox, people, files + len(theirs))
        counts: dict[str, object] = {"days": days, **result.counts()}
        if erased:
            counts["erased_audit"] = erased
        audit.append(session, audit.PURGE, json.dumps(counts, sort_keys=True), desk=desk)
        return result

    gone_people: list[int] = []
    theirs: list[Path] = []
    result = db.write(work)
    _remove(old_files + theirs)
    if result.visits or result.scan_events or result.people or result.outbox:
        compact(db, vacuum=False)
    return result


def _take_out_of_waiting_mail(session: Session, whos: list[Who]) -> None:
    if not whos:
        return
    # What names each of them specifically enough to look for (see ``_SPECIFIC``).
    marks = [
        (who, [m for m in (fold(who.name), who.id_number or "") if len(m) >= _SPECIFIC])
        for who in whos
    ]
    for row in session.scalars(select(OutboxMessage).where(OutboxMessage.status != SENT)):
        text = fold(_message_text(row.message))
        for who, looked_for in marks:
            if not any(mark in text for mark in looked_for):
                continue  # a cheap look first: most of those purged are in no waiting mail
            redacted = redact_message(row.message, who)
            if redacted is not None:
                row.message = redacted


def _message_text(raw: bytes) -> str:
    """A message's text parts and the XML of its workbooks, as one text (for a first look)."""
    parts: list[str] = []
    for part in email.message_from_bytes(raw, policy=email.policy.SMTP).walk():
        payload = None if part.is_multipart() else part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        if payload[:2] == b"PK":
            try:
                with zipfile.ZipFile(io.BytesIO(payload)) as archive:
                    for name in archive.namelist():
                        parts.append(unescape(archive.read(name).decode("utf-8", "replace")))
            except (zipfile.BadZipFile, OSError):
                continue
        else:
            parts.append(payload.decode("utf-8", "replace"))
    return "\n".join(parts)


def count_of(result: Any) -> int:
    """Rows a DELETE or UPDATE touched (0 when the driver cannot say)."""
    return int(getattr(result, "rowcount", 0) or 0)


def _old_files(cutoff: datetime) -> list[Path]:
    """The exports in the program's folder last written before ``cutoff``."""
    old = []
    limit = cutoff.timestamp()
    for path in exports_dir().rglob("*"):
        try:
            if path.is_file() and path.stat().st_mtime < limit:
                old.append(path)
        except OSError as exc:
            log.warning("old export %s not read: %s", path, exc)
    return old


def _remove(paths: list[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("old export %s not removed: %s", path, exc)


def export_stem(number: int) -> str:
    """How an export of person ``number`` is named (``person-12-20261123-100000``)."""
    return f"person-{number}-"


def exports_of(number: int) -> list[Path]:
    """The exports of person ``number`` kept in the program's folder."""
    found = []
    for path in exports_dir().rglob(f"{export_stem(number)}*"):
        try:
            if path.is_file():
                found.append(path)
        except OSError as exc:
            log.warning("export %s not read: %s", path, exc)
    return found


def remove_exports_of(number: int) -> int:
    """Delete the exports of one person kept in the program's folder; returns how many.
    (A file the user wrote elsewhere is theirs to keep or delete.)"""
    removed = 0
    for path in exports_of(number):
        try:
            path.unlink()
            removed += 1
        except OSError as exc:
            log.warning("export %s not removed: %s", path, exc)
    return removed


def secure_delete(session: Session) -> None:
    """On SQLite, deleted rows are overwritten with zeros rather than left in free pages."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete = ON"))


def compact(db: Database, *, vacuum: bool = True) -> None:
    """Push deletions out of the SQLite write-ahead log (and rebuild the file) so no old
    page keeps what was deleted. PostgreSQL reclaims dead rows itself (autovacuum)."""
    if not db.is_sqlite:
        return
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()  # the driver is in autocommit mode (see database.py)
        cursor.execute("PRAGMA secure_delete = ON")
        if vacuum:
            cursor.execute("VACUUM")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.close()
    except sqlite3.Error as exc:  # another desk holds the file: the next purge compacts
        log.warning("database not compacted: %s", exc)
    finally:
        raw.close()
