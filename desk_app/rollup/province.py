"""The province's figures for a week: read the units' reports, keep them, count them.

Definitions (the workbook states them too):
- a point has *reported* when a report of its code for the week has been read (in this run
  or an earlier one); it *reported zero* when that report counts no scans; it *sent
  nothing* when there is no report;
- *scans* are what each unit's own report counts as scans (entries and exits);
- a point's *previous week* is the report kept for the week before; when that week's
  report never reached the province, the figure the unit's own report gives for its
  previous week.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk_app.domain.week import Period
from desk_app.i18n import t
from desk_app.i18n.system import os_error_text
from desk_app.rollup import inputs
from desk_app.rollup.collation import sort_key, spelling_key
from desk_app.rollup.register import Point
from desk_app.storage.database import Database
from desk_app.storage.province_reports import (
    FileRecord,
    PathStamp,
    ProvinceReports,
    StoredReport,
)

if TYPE_CHECKING:
    from desk_app.reports.report_data import UnitReport

Progress = Callable[[int, int], None]
REPORTED, ZERO, MISSING = "reported", "zero", "missing"
# Why a file does not count for the week (``rollup.reason.<key>``).
UNMATCHED_REASONS = (
    "missing",
    "cannot_read",
    "empty",
    "not_xlsx",
    "not_mail",
    "outlook_msg",
    "archive",
    "no_attachment",
    "winmail",
    "several_attachments",
    "no_data",
    "no_code",
    "bad_value",
    "newer_format",
    "unknown_code",
    "other_week",
    "other_unit",
)


def _share(part: int, whole: int) -> float | None:
    return None if whole == 0 else round(part * 100.0 / whole, 1)


@dataclass(frozen=True)
class FileNote:
    """A file that does not count for the week (or an older copy of one that does)."""

    path: str
    reason: str
    code: str = ""
    week: str = ""
    detail: str = ""

    def message(self, lang: str | None = None) -> str:
        return t(f"rollup.reason.{self.reason}", lang, code=self.code, week=self.week) + (
            f" ({self.detail})" if self.detail else ""
        )

    def to_json(self) -> dict[str, str]:
        return {
            "file": self.path,
            "reason": self.reason,
            "message": self.message(),
            "code": self.code,
            "week": self.week,
        }


@dataclass(frozen=True)
class PointRow:
    point: Point
    status: str  # reported / zero / missing
    scans: int = 0
    previous: int = 0
    by_code: int = 0
    by_hand: int = 0
    made_at: datetime | None = None

    @property
    def change(self) -> int:
        return self.scans - self.previous


@dataclass
class DistrictRow:
    district: str
    points: int = 0
    reported: int = 0
    zero: int = 0
    missing: int = 0
    scans: int = 0
    previous: int = 0
    by_code: int = 0
    by_hand: int = 0

    @property
    def change(self) -> int:
        return self.scans - self.previous


@dataclass(frozen=True)
class Rollup:
    period: Period
    rows: tuple[PointRow, ...]  # register order
    unmatched: tuple[FileNote, ...]
    superseded: tuple[FileNote, ...] = ()
    files_read: int = 0
    files_new: int = 0
    reports_kept: int = 0  # reports added or replaced by this run
    districts: tuple[DistrictRow, ...] = field(default=())

    @property
    def week(self) -> str:
        return self.period.label

    @property
    def points(self) -> int:
        return len(self.rows)

    def _count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def reported(self) -> int:
        return self.points - self.missing

    @property
    def zero(self) -> int:
        return self._count(ZERO)

    @property
    def missing(self) -> int:
        return self._count(MISSING)

    @property
    def scans(self) -> int:
        return sum(r.scans for r in self.rows)

    @property
    def previous_scans(self) -> int:
        return sum(r.previous for r in self.rows)

    @property
    def change(self) -> int:
        return self.scans - self.previous_scans

    @property
    def by_code(self) -> int:
        return sum(r.by_code for r in self.rows)

    @property
    def by_hand(self) -> int:
        return sum(r.by_hand for r in self.rows)

    @property
    def share_by_code(self) -> float | None:
        return _share(self.by_code, self.by_code + self.by_hand)

    @property
    def share_by_hand(self) -> float | None:
        return _share(self.by_hand, self.by_code + self.by_hand)

    def with_status(self, status: str) -> list[PointRow]:
        rows = [r for r in self.rows if r.status == status]
        return sorted(rows, key=lambda r: (sort_key(r.point.district), sort_key(r.point.name)))

    def ranked(self) -> list[PointRow]:
        """All points, most scans first; equal figures in name order."""
        return sorted(self.rows, key=lambda r: (-r.scans, sort_key(r.point.name), r.point.code))

    def to_json(self) -> dict[str, Any]:
        return {
            "week": self.week,
            "first_day": self.period.first.isoformat(),
            "last_day": self.period.last.isoformat(),
            "points": self.points,
            "reported": self.reported,
            "zero": self.zero,
            "missing": self.missing,
            "scans": self.scans,
            "previous_scans": self.previous_scans,
            "change": self.change,
            "scans_by_code": self.by_code,
            "scans_by_hand": self.by_hand,
            "share_by_code": self.share_by_code,
            "share_by_hand": self.share_by_hand,
            "districts": [
                {
                    "district": d.district,
                    "points": d.points,
                    "reported": d.reported,
                    "zero": d.zero,
                    "missing": d.missing,
                    "scans": d.scans,
                    "previous_scans": d.previous,
                    "change": d.change,
                }
                for d in self.districts
            ],
            "zero_points": [r.point.code for r in self.with_status(ZERO)],
            "missing_points": [r.point.code for r in self.with_status(MISSING)],
            "unmatched": [note.to_json() for note in self.unmatched],
            "superseded": [note.to_json() for note in self.superseded],
            "files": {"read": self.files_read, "new": self.files_new},
        }


def _stored(report: UnitReport, content_hash: str, source: str) -> StoredReport:
    return StoredReport(
        unit_code=report.unit_code,
        week=report.week,
        unit_name=report.unit_name,
        made_at=report.made_at,
        scans=report.scans,
        scans_by_code=report.scans_by_code,
        scans_by_hand=report.scans_by_hand,
        previous_scans=report.previous_scans,
        content_hash=content_hash,
        source=source,
        days=report.days,
    )


def _read_new(path: Path, content: bytes) -> tuple[FileRecord, StoredReport | None]:
    # The workbook engine is loaded when there is a new file to read, not on a run that
    # finds every file known.
    from desk_app.reports.report_data import UnreadableReport, read_report

    item = inputs.load(path, content)
    if item.workbook is None:
        return FileRecord(item.content_hash, error=item.error, detail=item.detail), None
    try:
        report = read_report(item.workbook)
    except UnreadableReport as exc:
        return FileRecord(item.content_hash, error=exc.reason, detail=exc.detail), None
    record = FileRecord(
        item.content_hash,
        report.unit_code,
        report.week,
        report.made_at,
        unit_name=report.unit_name,
    )
    return record, _stored(report, item.content_hash, inputs.path_text(path))


# A file written within this long before it was read may have been written again since at
# the same size and time (file systems with coarse clocks): its stamp is not trusted.
RACY_NS = 3_000_000_000


@dataclass
class _Look:
    """One input as found on disk before any workbook is opened."""

    path: Path
    key: str  # absolute path, as the stamps keep it
    stat: os.stat_result | None
    error: str = ""
    detail: str = ""
    content_hash: str = ""
    fresh: bool = False  # hashed in this run: its stamp is to be kept
    checked_ns: int = 0


def _look(path: Path, missing: str) -> _Look:
    key = inputs.path_text(os.path.abspath(path))
    if missing:
        return _Look(path, key, None, error=missing)
    try:
        stat = path.stat()
    except OSError as exc:
        return _Look(path, key, None, error="cannot_read", detail=os_error_text(exc))
    if stat.st_size == 0:
        # Said as it is, whatever the ending: the content alone (no bytes) cannot tell.
        return _Look(path, key, None, error="empty")
    return _Look(path, key, stat)


def _hash(look: _Look) -> None:
    look.checked_ns = time.time_ns()
    try:
        content = look.path.read_bytes()
    except OSError as exc:
        look.error, look.detail = "cannot_read", os_error_text(exc)
        return
    look.content_hash = inputs.digest(content)
    look.fresh = True


def _unchanged(stamp: PathStamp, stat: os.stat_result) -> bool:
    return (
        stamp.size == stat.st_size
        and stamp.mtime_ns == stat.st_mtime_ns
        and stamp.inode == stat.st_ino
        and stamp.checked_ns - stat.st_mtime_ns > RACY_NS
    )


def _stamp(key: str, stat: os.stat_result, content_hash: str, checked_ns: int) -> PathStamp:
    return PathStamp(key, stat.st_size, stat.st_mtime_ns, stat.st_ino, checked_ns, content_hash)


def districts(rows: Sequence[PointRow]) -> tuple[DistrictRow, ...]:
    """Per district, in Vietnamese order."""
    found: dict[str, DistrictRow] = {}
    for r in rows:
        d = found.setdefault(r.point.district, DistrictRow(r.point.district))
        d.points += 1
        d.reported += r.status != MISSING
        d.zero += r.status == ZERO
        d.missing += r.status == MISSING
        d.scans += r.scans
        d.previous += r.previous
        d.by_code += r.by_code
        d.by_hand += r.by_hand
    return tuple(sorted(found.values(), key=lambda d: sort_key(d.district)))


def _digits_key(code: str) -> str | None:
    """A code of digits alone, without its leading zeros: Excel keeps the code 00123 as the
    number 123 (in a cell, or in a CSV it saves), so a register may hold it so."""
    if code.isascii() and code.isdigit():
        return code.lstrip("0") or "0"
    return None


def _matcher(register: Sequence[Point]) -> Callable[[str], str | None]:
    """The register's code a report's code is for: the same code, or else the one code of
    digits that differs from it in leading zeros only; None for a code not registered."""
    codes = {p.code for p in register}
    by_digits: dict[str, list[str]] = {}
    for code in codes:
        key = _digits_key(code)
        if key is not None:
            by_digits.setdefault(key, []).append(code)

    def point_of(code: str) -> str | None:
        if code in codes:
            return code
        key = _digits_key(code)
        found = by_digits.get(key, []) if key is not None else []
        return found[0] if len(found) == 1 else None

    return point_of


def _by_point(
    reports: dict[str, StoredReport], point_of: Callable[[str], str | None]
) -> dict[str, StoredReport]:
    """Kept reports by the register's code; a report of the very code comes first, then the
    latest made."""
    found: dict[str, StoredReport] = {}
    ordered = sorted(
        reports.values(), key=lambda r: (point_of(r.unit_code) == r.unit_code, r.made_at)
    )
    for report in ordered:
        point = point_of(report.unit_code)
        if point is not None:
            found[point] = report
    return found


def _other_unit(name: str, kept_name: str) -> bool:
    """Whether a report names another unit than the kept report of its point does (a name
    written with other case, spaces or tone placement is the same unit's)."""
    if not name.strip() or not kept_name.strip():
        return False  # a file read before the name was kept: nothing to tell
    return spelling_key(name) != spelling_key(kept_name)


def roll_up(
    db: Database,
    register: Sequence[Point],
    period: Period,
    paths: Sequence[Path],
    progress: Progress | None = None,
) -> Rollup:
    """Read the files (each once: a file read before is known by its content), keep the
    reports, and count the week for the points of ``register``."""
    repository = ProvinceReports(db)
    listed = list(inputs.expand(paths))
    total = len(listed)
    looks = [_look(path, missing) for path, missing in listed]
    stamps = repository.path_stamps([look.key for look in looks if look.stat is not None])
    # A file with the size and times it had when it was read is known by its stamp; any
    # other is read (its bytes hashed) to find whether its content is known.
    hashes: list[str] = []
    for look in looks:
        stamp = stamps.get(look.key)
        if look.stat is not None and stamp is not None and _unchanged(stamp, look.stat):
            look.content_hash = stamp.content_hash
        elif look.stat is not None:
            _hash(look)
        if look.content_hash:
            hashes.append(look.content_hash)
    known = repository.known_files(hashes)
    seen: list[tuple[str, FileRecord]] = []
    new_records: list[FileRecord] = []
    new_reports: list[StoredReport] = []
    new_stamps: list[PathStamp] = []
    for index, look in enumerate(looks):
        if progress is not None and index % 25 == 0:
            progress(index, total)
        record = known.get(look.content_hash) if look.content_hash else None
        if record is None and not look.error:
            try:
                content = look.path.read_bytes()
            except OSError as exc:
                look.error, look.detail = "cannot_read", os_error_text(exc)
            else:
                look.content_hash = inputs.digest(content)
                record = known.get(look.content_hash)
                if record is None:
                    record, report = _read_new(look.path, content)
                    known[look.content_hash] = record
                    new_records.append(record)
                    if report is not None:
                        new_reports.append(report)
        if look.error or record is None:
            note = FileRecord("", error=look.error, detail=look.detail)
            seen.append((inputs.path_text(look.path), note))
            continue
        if look.fresh and look.stat is not None:
            new_stamps.append(_stamp(look.key, look.stat, look.content_hash, look.checked_ns))
        seen.append((inputs.path_text(look.path), record))
    kept_now = repository.save(new_records, new_reports, stamps=new_stamps)
    if progress is not None:
        progress(total, total)

    this_week, last_week = period.label, period.previous().label
    point_of = _matcher(register)
    kept = {
        week: _by_point(reports, point_of)
        for week, reports in repository.for_weeks([this_week, last_week]).items()
    }
    unmatched: list[FileNote] = []
    superseded: list[FileNote] = []
    for source, record in seen:
        if record.error:
            unmatched.append(FileNote(source, record.error, detail=record.detail))
        elif point_of(record.unit_code) is None:
            unmatched.append(FileNote(source, "unknown_code", record.unit_code, record.week))
        elif record.week != this_week:
            unmatched.append(FileNote(source, "other_week", record.unit_code, record.week))
        else:
            holder = kept[this_week].get(point_of(record.unit_code) or "")
            if holder is not None and holder.content_hash != record.content_hash:
                if _other_unit(record.unit_name, holder.unit_name):
                    # Two units gave one code: not a copy, a unit to call.
                    detail = f"{record.unit_name} / {holder.unit_name}"
                    unmatched.append(
                        FileNote(source, "other_unit", record.unit_code, record.week, detail)
                    )
                    continue
                same = record.made_at is not None and record.made_at == holder.made_at
                reason = "duplicate" if same else "superseded"
                superseded.append(FileNote(source, reason, record.unit_code, record.week))

    rows: list[PointRow] = []
    for point in register:
        report = kept[this_week].get(point.code)
        before = kept[last_week].get(point.code)
        previous = before.scans if before is not None else 0
        if before is None and report is not None and report.previous_scans is not None:
            previous = report.previous_scans
        if report is None:
            rows.append(PointRow(point, MISSING, previous=previous))
            continue
        rows.append(
            PointRow(
                point,
                ZERO if report.scans == 0 else REPORTED,
                scans=report.scans,
                previous=previous,
                by_code=report.scans_by_code,
                by_hand=report.scans_by_hand,
                made_at=report.made_at,
            )
        )
    return Rollup(
        period=period,
        rows=tuple(rows),
        unmatched=tuple(unmatched),
        superseded=tuple(superseded),
        files_read=total,
        files_new=len(new_records),
        reports_kept=kept_now,
        districts=districts(rows),
    )
