"""The report's counts, made in SQL (no rows are loaded), and the Detail sheet's rows.

``reports/weekly.py`` turns the counts into the report's figures; only this module knows
how they are counted in the tables.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    case,
    cast,
    extract,
    func,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from desk_app.domain.visits import Outcome
from desk_app.storage.database import Database
from desk_app.storage.schema import Person, ScanEvent, StoredTime, Visit
from desk_app.timeutil import offset_segments

RECORDED = (Outcome.ENTRY.value, Outcome.EXIT.value)


@dataclass(frozen=True)
class PeriodCounts:
    """What the tables hold for [start, end); days and hours are local, counted from
    1970-01-01 00:00 local time."""

    # (local hour index, outcome, method, code kind, scans) for every group that occurs
    events: list[tuple[int, str, str, str, int]]
    people: int
    people_by_day: dict[int, int]
    rejected_by_reason: dict[str, int]
    auto_by_day: dict[int, int]
    inside_at_end: int
    warned_visits: int
    warnings_by_code: dict[str, int]


def period_counts(
    db: Database, start: datetime, end: datetime, *, light: bool = False
) -> PeriodCounts:
    """The counts of [start, end); ``light`` counts the scans only (for a comparison)."""
    return db.read(lambda s: _counts(s, start, end, light))


# ----- local time in SQL -------------------------------------------------------------------
def _epoch(column: Any, dialect: str) -> ColumnElement[int]:
    if dialect == "sqlite":
        return cast(func.strftime("%s", column), Integer)
    return cast(func.floor(extract("epoch", column)), BigInteger)


def _local_seconds(column: Any, dialect: str, start: datetime, end: datetime) -> Any:
    """Seconds since 1970-01-01 00:00 *local* time of a stored UTC column.

    Exact in zones with daylight saving too: each offset of the period gets its own branch.
    """
    segments = offset_segments(start, end)
    if len(segments) == 1:
        return _epoch(column, dialect) + segments[0][1]
    whens = [(column < nxt[0], seg[1]) for seg, nxt in zip(segments, segments[1:], strict=False)]
    return _epoch(column, dialect) + case(*whens, else_=segments[-1][1])


# ----- the counts ----------------------------------------------------------------------
def _counts(session: Session, start: datetime, end: datetime, light: bool) -> PeriodCounts:
    dialect = session.get_bind().dialect.name
    local = _local_seconds(ScanEvent.at, dialect, start, end)
    hour_idx = (local // 3600).label("hour_idx")
    in_period = (ScanEvent.at >= start, ScanEvent.at < end)

    events = session.execute(
        select(hour_idx, ScanEvent.outcome, ScanEvent.method, ScanEvent.code_kind, func.count())
        .where(*in_period)
        .group_by(hour_idx, ScanEvent.outcome, ScanEvent.method, ScanEvent.code_kind)
    ).all()

    people = session.scalar(
        select(func.count(ScanEvent.person_id.distinct())).where(
            *in_period, ScanEvent.outcome.in_(RECORDED)
        )
    )
    people_by_day: dict[int, int] = {}
    rejected_by_reason: dict[str, int] = {}
    auto_by_day: dict[int, int] = {}
    warnings_by_code: Counter[str] = Counter()
    warned_visits = inside_at_end = 0
    if not light:
        day_idx = (local // 86400).label("day_idx")
        people_by_day = {
            int(k): int(v)
            for k, v in session.execute(
                select(day_idx, func.count(ScanEvent.person_id.distinct()))
                .where(*in_period, ScanEvent.outcome.in_(RECORDED))
                .group_by(day_idx)
            )
        }
        rejected_by_reason = {
            str(reason): int(count)
            for reason, count in session.execute(
                select(ScanEvent.reason, func.count())
                .where(*in_period, ScanEvent.outcome == Outcome.REJECTED.value)
                .group_by(ScanEvent.reason)
            )
        }
        exit_day = (_local_seconds(Visit.exit_at, dialect, start, end) // 86400).label("exit_day")
        auto_by_day = {
            int(k): int(v)
            for k, v in session.execute(
                select(exit_day, func.count())
                .where(Visit.exit_auto.is_(True), Visit.exit_at >= start, Visit.exit_at < end)
                .group_by(exit_day)
            )
        }
        inside_at_end = _inside_at(session, end)
        warning_texts = session.execute(
            select(Visit.warnings, func.count())
            .where(Visit.entry_at >= start, Visit.entry_at < end, Visit.warnings != "")
            .group_by(Visit.warnings)
        )
        for text, count in warning_texts:
            warned_visits += int(count)
            for code in set(str(text).split()):
                warnings_by_code[code] += int(count)

    return PeriodCounts(
        events=[(int(h), str(o), str(m), str(k), int(n)) for h, o, m, k, n in events],
        people=int(people or 0),
        people_by_day=people_by_day,
        rejected_by_reason=dict(sorted(rejected_by_reason.items())),
        auto_by_day=auto_by_day,
        inside_at_end=inside_at_end,
        warned_visits=warned_visits,
        warnings_by_code=dict(sorted(warnings_by_code.items())),
    )


def _inside_at(session: Session, end: datetime) -> int:
    """Visits begun before ``end`` and not ended by then, counted on the shorter side.

    Every visit that ended before ``end`` began before it, so "begun before minus ended
    before" is exact and cheap for an old period; "still open, or ended after" is cheap for
    a recent one. Both run on an index.
    """
    # Two queries: SQLite finds a lone min() or max() on the index, both together by a scan.
    first = session.scalar(select(func.min(Visit.entry_at)))
    last = session.scalar(select(func.max(Visit.entry_at)))
    if first is None or last is None:
        return 0
    if end - first < last - end:
        entered = session.scalar(select(func.count()).where(Visit.entry_at < end))
        left = session.scalar(select(func.count()).where(Visit.exit_at < end))
        return int(entered or 0) - int(left or 0)
    still_open = session.scalar(
        select(func.count()).where(Visit.exit_at.is_(None), Visit.entry_at < end)
    )
    left_after = session.scalar(
        select(func.count()).where(Visit.exit_at >= end, Visit.entry_at < end)
    )
    return int(still_open or 0) + int(left_after or 0)


# ----- the rows of the Detail sheet ----------------------------------------------------
class DetailRow(NamedTuple):
    """One visit as the Detail sheet shows it (a plain tuple: a busy week has 20,000)."""

    id: int
    name: str
    id_number: str | None
    organisation: str | None
    entry_at: datetime  # naive UTC: no time zone object per value on big weeks
    exit_at: datetime | None
    exit_auto: bool
    entry_method: str
    exit_method: str | None
    code_kind: str
    desk: str
    checkpoint: str
    purpose: str
    host: str
    warnings: str  # space-separated codes


def visit_rows(db: Database, start: datetime, end: datetime) -> list[DetailRow]:
    """Visits begun in [start, end), oldest first."""
    stmt = (
        select(
            Visit.id,
            Person.name,
            Person.id_number,
            Person.organisation,
            type_coerce(Visit.entry_at, StoredTime()),
            type_coerce(Visit.exit_at, StoredTime()),
            Visit.exit_auto,
            Visit.entry_method,
            Visit.exit_method,
            Visit.code_kind,
            Visit.desk,
            Visit.checkpoint,
            Visit.purpose,
            Visit.host,
            Visit.warnings,
        )
        .join(Person, Visit.person_id == Person.id)
        .where(Visit.entry_at >= start, Visit.entry_at < end)
        .order_by(Visit.entry_at, Visit.id)
    )
    return db.read(lambda s: [DetailRow._make(row) for row in s.execute(stmt)])
