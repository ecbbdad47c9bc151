"""The report's figures for a week or a date range, from the counts storage makes in SQL.

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
from typing import Any

from desk_app.domain.visits import Outcome
from desk_app.domain.week import Period
from desk_app.i18n import t
from desk_app.storage import figures
from desk_app.storage.database import Database
from desk_app.storage.figures import DetailRow
from desk_app.timeutil import local_day_bounds

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


def busiest_text(figures: Figures, lang: str | None = None) -> str:
    """ "14:00-15:00 ngày 15/10/2021 (4 lượt quét)", or "none": the workbook and the page."""
    b = figures.busiest_hour
    if b is None:
        return t("report.none", lang)
    return t(
        "report.busiest",
        lang,
        start=f"{b.hour:02d}:00",
        end=f"{(b.hour + 1) % 24:02d}:00",
        day=f"{b.day:%d/%m/%Y}",
        count=b.scans,
    )


def _day(index: int) -> date:
    return EPOCH_DAY + timedelta(days=int(index))


# ----- the figures ------------------------------------------------------------------------
def compute(db: Database, period: Period, *, compare: bool = True) -> Figures:
    """The figures of ``period`` and, when ``compare``, of the period before it.

    The previous period is counted for the comparison only: its ``COMPARED`` figures and its
    days are right, the rest (inside at the end, warnings, reasons, people per day) is left
    at zero.
    """
    result = _compute(db, period)
    if compare:
        result = _with_previous(result, _compute(db, period.previous(), light=True))
    return result


def _with_previous(figures: Figures, previous: Figures) -> Figures:
    values = {name: getattr(figures, name) for name in Figures.__dataclass_fields__}
    values["previous"] = previous
    return Figures(**values)


def _compute(db: Database, period: Period, *, light: bool = False) -> Figures:
    start, end = period.bounds()
    counts = figures.period_counts(db, start, end, light=light)
    return _assemble(
        period,
        start,
        end,
        counts.events,
        people_by_day={_day(k): v for k, v in counts.people_by_day.items()},
        auto_by_day={_day(k): v for k, v in counts.auto_by_day.items()},
        people=counts.people,
        inside_at_end=counts.inside_at_end,
        warned_visits=counts.warned_visits,
        warnings_by_code=counts.warnings_by_code,
        rejected_by_reason=counts.rejected_by_reason,
    )


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
def visit_rows(db: Database, period: Period) -> list[DetailRow]:
    """Visits begun in the period, oldest first."""
    return figures.visit_rows(db, *period.bounds())
