"""The province's repository of units' weekly reports and of the files already read."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from desk_app.storage.database import Database
from desk_app.storage.schema import ProvinceFile, ProvinceOutput, ProvincePath, ProvinceReport
from desk_app.timeutil import utc_now


@dataclass(frozen=True)
class StoredReport:
    """One point's figures for one week."""

    unit_code: str
    week: str
    unit_name: str
    made_at: datetime
    scans: int
    scans_by_code: int
    scans_by_hand: int
    previous_scans: int | None
    content_hash: str
    source: str = ""
    days: dict[str, int] = field(default_factory=dict)


# Rows looked up by key in slices: SQLite and PostgreSQL cap the parameters of one query.
CHUNK = 500


def _chunks(items: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield list(items[start : start + CHUNK])


@dataclass(frozen=True)
class PathStamp:
    """A file's place, size and times as seen when it was last read, and its content hash."""

    path: str
    size: int
    mtime_ns: int
    inode: int
    checked_ns: int
    content_hash: str


@dataclass(frozen=True)
class FileRecord:
    """What a file turned out to be: a report of a point and week, or why it is not one."""

    content_hash: str
    unit_code: str = ""
    week: str = ""
    made_at: datetime | None = None
    error: str = ""
    detail: str = ""
    unit_name: str = ""


def _stored(row: ProvinceReport) -> StoredReport:
    try:
        days = {str(k): int(v) for k, v in json.loads(row.days or "{}").items()}
    except (ValueError, TypeError, AttributeError):
        days = {}
    return StoredReport(
        unit_code=row.unit_code,
        week=row.week,
        unit_name=row.unit_name,
        made_at=row.made_at,
        scans=row.scans,
        scans_by_code=row.scans_by_code,
        scans_by_hand=row.scans_by_hand,
        previous_scans=row.previous_scans,
        content_hash=row.content_hash,
        source=row.source,
        days=days,
    )


class ProvinceReports:
    """Reads and writes ``province_reports`` and ``province_files``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def known_files(self, hashes: Iterable[str] | None = None) -> dict[str, FileRecord]:
        """The files read so far, by content hash: those of ``hashes``, or every one."""
        columns = (
            ProvinceFile.content_hash,
            ProvinceFile.unit_code,
            ProvinceFile.week,
            ProvinceFile.made_at,
            ProvinceFile.error,
            ProvinceFile.detail,
            ProvinceFile.unit_name,
        )

        def work(session: Session) -> dict[str, FileRecord]:
            if hashes is None:
                return {row[0]: FileRecord(*row) for row in session.execute(select(*columns))}
            found: dict[str, FileRecord] = {}
            for chunk in _chunks(sorted(set(hashes))):
                stmt = select(*columns).where(ProvinceFile.content_hash.in_(chunk))
                found.update({row[0]: FileRecord(*row) for row in session.execute(stmt)})
            return found

        return self.db.read(work)

    def path_stamps(self, paths: Sequence[str]) -> dict[str, PathStamp]:
        """What was seen at each of ``paths`` when it was last read."""

        def work(session: Session) -> dict[str, PathStamp]:
            found: dict[str, PathStamp] = {}
            for chunk in _chunks(paths):
                stmt = select(ProvincePath).where(ProvincePath.path.in_(chunk))
                for row in session.scalars(stmt):
                    found[row.path] = PathStamp(
                        row.path,
                        row.size,
                        row.mtime_ns,
                        row.inode,
                        row.checked_ns,
                        row.content_hash,
                    )
            return found

        return self.db.read(work)

    def output(self, kind: str, fingerprint: str) -> bytes | None:
        """The output of ``kind`` last made, when it was made from ``fingerprint``."""
        stmt = select(ProvinceOutput.content).where(
            ProvinceOutput.kind == kind, ProvinceOutput.fingerprint == fingerprint
        )
        return self.db.read(lambda session: session.scalars(stmt).first())

    def keep_output(self, kind: str, fingerprint: str, content: bytes) -> None:
        """Keep the output just made (one per kind: the latest)."""

        def work(session: Session) -> None:
            row = session.get(ProvinceOutput, kind)
            if row is None:
                row = ProvinceOutput(kind=kind)
                session.add(row)
            row.fingerprint = fingerprint
            row.content = content
            row.made_at = utc_now()

        self.db.write(work)

    def save(
        self,
        files: Sequence[FileRecord],
        reports: Iterable[StoredReport],
        now: datetime | None = None,
        stamps: Sequence[PathStamp] = (),
    ) -> int:
        """Record the files read and keep their reports, in one transaction.

        A report replaces the kept one of the same point and week only when it was made
        later, so reading an older copy after a re-sent one changes nothing. Returns how
        many reports were added or replaced.
        """
        moment = now or utc_now()
        pending = list(reports)

        def work(session: Session) -> int:
            hashes = sorted({f.content_hash for f in files})
            known: set[str] = set()
            for chunk in _chunks(hashes):
                stmt = select(ProvinceFile.content_hash).where(ProvinceFile.content_hash.in_(chunk))
                known.update(session.scalars(stmt))
            rows: dict[str, dict[str, object]] = {}
            for record in files:
                if record.content_hash in known or record.content_hash in rows:
                    continue
                rows[record.content_hash] = {
                    "content_hash": record.content_hash,
                    "unit_code": record.unit_code,
                    "week": record.week,
                    "made_at": record.made_at,
                    "error": record.error,
                    "detail": record.detail[:2000],
                    "unit_name": record.unit_name,
                    "read_at": moment,
                }
            if rows:  # one statement for the lot: a first run records hundreds
                session.execute(insert(ProvinceFile), list(rows.values()))
            _stamp(session, stamps)
            return _keep(session, pending, moment)

        return self.db.write(work)

    def for_weeks(self, weeks: Sequence[str]) -> dict[str, dict[str, StoredReport]]:
        """week -> point code -> the kept report."""
        stmt = select(ProvinceReport).where(ProvinceReport.week.in_(list(weeks)))

        def work(session: Session) -> dict[str, dict[str, StoredReport]]:
            found: dict[str, dict[str, StoredReport]] = {week: {} for week in weeks}
            for row in session.scalars(stmt):
                found.setdefault(row.week, {})[row.unit_code] = _stored(row)
            return found

        return self.db.read(work)


def _stamp(session: Session, stamps: Sequence[PathStamp]) -> None:
    latest = {stamp.path: asdict(stamp) for stamp in stamps}
    existing: set[str] = set()
    for chunk in _chunks(sorted(latest)):
        existing.update(
            session.scalars(select(ProvincePath.path).where(ProvincePath.path.in_(chunk)))
        )
    new = [row for path, row in latest.items() if path not in existing]
    changed = [row for path, row in latest.items() if path in existing]
    if new:
        session.execute(insert(ProvincePath), new)
    if changed:  # by primary key, in one statement
        session.execute(update(ProvincePath), changed)


def _keep(session: Session, reports: list[StoredReport], moment: datetime) -> int:
    if not reports:
        return 0
    latest: dict[tuple[str, str], StoredReport] = {}
    for report in reports:
        key = (report.unit_code, report.week)
        if key not in latest or report.made_at > latest[key].made_at:
            latest[key] = report
    weeks = {week for _, week in latest}
    existing = {
        (row.unit_code, row.week): row
        for row in session.scalars(
            select(ProvinceReport).where(
                ProvinceReport.week.in_(weeks),
                ProvinceReport.unit_code.in_({code for code, _ in latest}),
            )
        )
    }
    changed = 0
    for key, report in latest.items():
        row = existing.get(key)
        if row is not None and row.made_at >= report.made_at:
            continue
        if row is None:
            row = ProvinceReport(unit_code=report.unit_code, week=report.week)
            session.add(row)
        row.unit_name = report.unit_name
        row.made_at = report.made_at
        row.scans = report.scans
        row.scans_by_code = report.scans_by_code
        row.scans_by_hand = report.scans_by_hand
        row.previous_scans = report.previous_scans
        row.days = json.dumps(report.days, sort_keys=True)
        row.content_hash = report.content_hash
        row.source = report.source
        row.received_at = moment
        changed += 1
    return changed
