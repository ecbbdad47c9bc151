"""The report's figures for a week or a date range, counted in SQL (no rows are loaded).

Definitions (the Summary sheet states them too):
- a *scan* is a scan event recorded as an entry or an exit (operator check-outs included);
  repeats (the same code again within the debounce window) and rejected codes are counted
  apart, as are automatic check-outs, which nobody scanned;
- *people* are the distinct people with at least one scan in the period;
- *by code kind* and *by method* split the scans; the QR / by-hand share splits the entries;
- days and hours are the unit's local time (``desk_app.timeutil``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    DateTime,
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
from desk_app.domain.week import Period
from desk_app.storage.database import Database
from desk_app.storage.schema import Person, ScanEvent, Visit
from desk_app.timeutil import local_day_bounds, local_zone

KINDS = ("cccd", "cancuoc", "pccovid", "bhyt", "staff", "visitor_pass", "manual")
METHODS = ("camera", "scanner", "manual", "checkout")
QR_METHODS = ("camera", "scanner")
RECORDED = (Outcome.ENTRY.value, Outcome.EXIT.value)
EPOCH_DAY = date(1970, 1, 1)
# Figures compared with the previous period, in the order the report lists them.
COMPARED = ("scans", "entries", "exits", "people", "qr_entries", "manual_entries")


@dataclass(frozen=True)
class Change:
    current: int
    previous: int
    difference: int
    percent: float | None  # None when the previous figure is 0


def change(current: int, previous: int) -> Change:
    percent = None if previous == 0 else (current - previous) * 100.0 / previous
    return Change(current, previous, current - previous, percent)


@dataclass(frozen=True)
class DayFigures:
    day: date
    scans: int = 0
    entries: int = 0
    exits: int = 0
    repeats: int = 0
    rejected: int = 0
    people: int = 0
    qr_entries: int = 0
    manual_entries: int = 0
    auto_checkouts: int = 0


@dataclass(frozen=True)
class BusiestHour:
    day: date
    hour: int  # local hour 0-23: the hour from hour:00 to hour+1:00
    scans: int


@dataclass(frozen=True)
class Figures:
    period: Period
    start: datetime
    end: datetime
    scans: int
    entries: int
    exits: int
    repeats: int
    rejected: int
    people: int
    qr_entries: int
    manual_entries: int
    by_kind: dict[str, int]
    by_method: dict[str, int]
    days: tuple[DayFigures, ...]
    days_without_scans: tuple[date, ...]
    busiest_hour: BusiestHour | None
    by_hour: tuple[int, ...]
    inside_at_end: int
    auto_checkouts: int
    warnings: int  # visits begun in the period that carry a warning
    warnings_by_code: dict[str, int]
    rejected_by_reason: dict[str, int]
    previous: Figures | None = field(default=None, compare=False)

    @property
    def qr_share(self) -> float | None:
        """Per cent of entries made by QR code (camera or scanner); None with no entries."""
        return None if self.entries == 0 else self.qr_entries * 100.0 / self.entries

    @property
    def manual_share(self) -> float | None:
        return None if self.entries == 0 else self.manual_entries * 100.0 / self.entries

    def change(self, name: str) -> Change | None:
        if self.previous is None:
            return None
        return change(int(getattr(self, name)), int(getattr(self.previous, name)))


# ----- local time in SQL -------------------------------------------------------------------
def _offset_segments(start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """(from UTC instant, UTC offset in seconds) for each offset the zone has in [start, end)."""
    zone = local_zone()

    def offset(moment: datetime) -> int:
        delta = moment.astimezone(zone).utcoffset()
        return int(delta.total_seconds()) if delta is not None else 0

    segments = [(start, offset(start))]
    moment = start
    step = timedelta(hours=1)
    while moment < end:
        following = min(moment + step, end)
        if offset(following) != segments[-1][1]:
            low, high = moment, following  # the change lies in (low, high]: find its minute
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                if offset(middle) == segments[-1][1]:
                    low = middle
                else:
                    high = middle
            changed_at = high.replace(second=0, microsecond=0)
            if offset(changed_at) != segments[-1][1]:
                segments.append((changed_at, offset(changed_at)))
            else:
                segments.append((changed_at + timedelta(minutes=1), offset(following)))
        moment = following
    return segments


def _epoch(column: Any, dialect: str) -> ColumnElement[int]:
    if dialect == "sqlite":
        return cast(func.strftime("%s", column), Integer)
    return cast(func.floor(extract("epoch", column)), BigInteger)


def _local_seconds(column: Any, dialect: str, start: datetime, end: datetime) -> Any:
    """Seconds since 1970-01-01 00:00 *local* time of a stored UTC column.

    Exact in zones with daylight saving too: each offset of the period gets its own branch.
    """
    segments = _offset_segments(start, end)
    if len(segments) == 1:
        return _epoch(column, dialect) + segments[0][1]
    whens = [(column < nxt[0], seg[1]) for seg, nxt in zip(segments, segments[1:], strict=False)]
    return _epoch(column, dialect) + case(*whens, else_=segments[-1][1])


def _day(index: int) -> date:
    return EPOCH_DAY + timedelta(days=int(index))


# ----- the figures ------------------------------------------------------------------------
def compute(db: Database, period: Period, *, compare: bool = True) -> Figures:
    """The figures of ``period`` and, when ``compare``, of the period before it.

    The previous period is counted for the comparison only: its ``COMPARED`` figures and its
    days are right, the rest (inside at the end, warnings, reasons, people per day) is left
    at zero.
    """
    figures = db.read(lambda s: _compute(s, period))
    if compare:
        previous = db.read(lambda s: _compute(s, period.previous(), light=True))
        figures = _with_previous(figures, previous)
    return figures


def _with_previous(figures: Figures, previous: Figures) -> Figures:
    values = {name: getattr(figures, name) for name in Figures.__dataclass_fields__}
    values["previous"] = previous
    return Figures(**values)


def _compute(session: Session, period: Period, *, light: bool = False) -> Figures:
    start, end = period.bounds()
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

    return _assemble(
        period,
        start,
        end,
        events,
        people_by_day={_day(k): int(v) for k, v in people_by_day.items()},
        auto_by_day={_day(k): int(v) for k, v in auto_by_day.items()},
        people=int(people or 0),
        inside_at_end=inside_at_end,
        warned_visits=warned_visits,
        warnings_by_code=dict(sorted(warnings_by_code.items())),
        rejected_by_reason=dict(sorted(rejected_by_reason.items())),
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


def _assemble(
    period: Period,
    start: datetime,
    end: datetime,
    events: Any,
    *,
    people_by_day: dict[date, int],
    auto_by_day: dict[date, int],
    people: int,
    inside_at_end: int,
    warned_visits: int,
    warnings_by_code: dict[str, int],
    rejected_by_reason: dict[str, int],
) -> Figures:
    per_day: dict[date, Counter[str]] = {day: Counter() for day in period.days()}
    per_hour: Counter[tuple[date, int]] = Counter()
    by_kind: Counter[str] = Counter({kind: 0 for kind in KINDS})
    by_method: Counter[str] = Counter({method: 0 for method in METHODS})
    for hour_index, outcome, method, kind, number in events:
        day, hour = _day(int(hour_index) // 24), int(hour_index) % 24
        tally = per_day.setdefault(day, Counter())
        count = int(number)
        if outcome in RECORDED:
            tally["scans"] += count
            per_hour[(day, hour)] += count
            by_kind[kind] += count
            by_method[method] += count
            if outcome == Outcome.ENTRY.value:
                tally["entries"] += count
                tally["qr_entries" if method in QR_METHODS else "manual_entries"] += count
            else:
                tally["exits"] += count
        elif outcome == Outcome.REPEAT.value:
            tally["repeats"] += count
        elif outcome == Outcome.REJECTED.value:
            tally["rejected"] += count
    days = tuple(
        DayFigures(
            day=day,
            scans=c["scans"],
            entries=c["entries"],
            exits=c["exits"],
            repeats=c["repeats"],
            rejected=c["rejected"],
            people=people_by_day.get(day, 0),
            qr_entries=c["qr_entries"],
            manual_entries=c["manual_entries"],
            auto_checkouts=auto_by_day.get(day, 0),
        )
        for day, c in sorted(per_day.items())
    )
    busiest = None
    if per_hour:
        (day, hour), count = min(per_hour.items(), key=lambda item: (-item[1], item[0]))
        busiest = BusiestHour(day, hour, count)
    by_hour = [0] * 24
    for (_, hour), count in per_hour.items():
        by_hour[hour] += count
    started = [d for d in days if local_day_bounds(d.day)[0] < end]
    return Figures(
        period=period,
        start=start,
        end=end,
        scans=sum(d.scans for d in days),
        entries=sum(d.entries for d in days),
        exits=sum(d.exits for d in days),
        repeats=sum(d.repeats for d in days),
        rejected=sum(d.rejected for d in days),
        people=people,
        qr_entries=sum(d.qr_entries for d in days),
        manual_entries=sum(d.manual_entries for d in days),
        by_kind=dict(by_kind),
        by_method=dict(by_method),
        days=days,
        days_without_scans=tuple(d.day for d in started if d.scans == 0),
        busiest_hour=busiest,
        by_hour=tuple(by_hour),
        inside_at_end=inside_at_end,
        auto_checkouts=sum(auto_by_day.values()),
        warnings=warned_visits,
        warnings_by_code=warnings_by_code,
        rejected_by_reason=rejected_by_reason,
    )


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


def visit_rows(db: Database, period: Period) -> list[DetailRow]:
    """Visits begun in the period, oldest first."""
    start, end = period.bounds()
    stmt = (
        select(
            Visit.id,
            Person.name,
            Person.id_number,
            Person.organisation,
            type_coerce(Visit.entry_at, DateTime()),
            type_coerce(Visit.exit_at, DateTime()),
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
