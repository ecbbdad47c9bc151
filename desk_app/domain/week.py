"""Reporting periods: ISO weeks (Monday to Sunday), date ranges, and the period before."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from desk_app.i18n import t
from desk_app.timeutil import local_day_bounds, to_local

_WEEK_RE = re.compile(r"^\s*(\d{4})-?[Ww](\d{1,2})\s*$")
MAX_RANGE_DAYS = 366


@dataclass(frozen=True)
class Period:
    """Local calendar days ``first``..``last`` (inclusive), optionally cut off at ``until``.

    ``until`` (aware) makes "the current week up to now": scans after it are not counted.
    """

    first: date
    last: date
    until: datetime | None = None

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("period ends before it starts")
        if self.until is not None and self.until.tzinfo is None:
            raise ValueError("naive cut-off time")

    @property
    def length(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def is_week(self) -> bool:
        return self.first.weekday() == 0 and self.length == 7

    @property
    def label(self) -> str:
        """Short stable name: ``2021-W41`` for a week, ``2021-10-11_2021-10-20`` otherwise."""
        if self.is_week:
            year, week, _ = self.first.isocalendar()
            return f"{year}-W{week:02d}"
        return f"{self.first.isoformat()}_{self.last.isoformat()}"

    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range(self.length)]

    def bounds(self) -> tuple[datetime, datetime]:
        """[start, end) in UTC: local midnight of ``first`` to the earlier of the end of
        ``last`` and ``until``."""
        start = local_day_bounds(self.first)[0]
        end = local_day_bounds(self.last)[1]
        if self.until is not None:
            end = max(start, min(end, self.until.astimezone(UTC)))
        return start, end

    def previous(self) -> Period:
        """The same number of days just before; a cut-off moves back with it, so the current
        week up to Friday 15:00 compares with last week up to Friday 15:00."""
        shift = timedelta(days=self.length)
        until = None
        if self.until is not None:
            until = to_local(self.until) - shift
        return Period(self.first - shift, self.last - shift, until)


def week_containing(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6))


def parse_week(text: str) -> Period:
    """``2021-W41`` (also ``2021W41``, ``2021-w41``). Raises ValueError."""
    match = _WEEK_RE.match(text)
    if not match:
        raise ValueError(text)
    year, week = int(match.group(1)), int(match.group(2))
    monday = date.fromisocalendar(year, week, 1)  # ValueError for week 0, 54, or 53 too many
    return Period(monday, monday + timedelta(days=6))


def current_week(now: datetime) -> Period:
    """Monday of this week to Sunday, counted up to ``now``."""
    week = week_containing(to_local(now).date())
    return Period(week.first, week.last, now)


def last_full_week(now: datetime) -> Period:
    """The latest Monday-to-Sunday week that has ended."""
    return week_containing(to_local(now).date() - timedelta(days=7))


def date_range(first: date, last: date) -> Period:
    """Any range of whole days, at most a year. Raises ValueError."""
    if last < first:
        raise ValueError("period ends before it starts")
    if (last - first).days + 1 > MAX_RANGE_DAYS:
        raise ValueError("period too long")
    return Period(first, last)


def describe(period: Period, lang: str | None = None) -> str:
    """How the period is written in a report: "Tuần từ 11 đến 17/10/2021"."""
    first, last = period.first, period.last
    if period.is_week:
        if first.year != last.year:
            text = t("week.week", lang, first=f"{first:%d/%m/%Y}", last=f"{last:%d/%m/%Y}")
        elif first.month != last.month:
            text = t("week.week", lang, first=f"{first:%d/%m}", last=f"{last:%d/%m/%Y}")
        else:
            text = t("week.week", lang, first=f"{first:%d}", last=f"{last:%d/%m/%Y}")
    elif first == last:
        text = t("week.day", lang, day=f"{first:%d/%m/%Y}")
    else:
        text = t("week.range", lang, first=f"{first:%d/%m/%Y}", last=f"{last:%d/%m/%Y}")
    if period.until is not None:
        start, end = period.bounds()
        if end < local_day_bounds(last)[1]:
            moment = to_local(end)
            text += " " + t("week.until", lang, time=f"{moment:%H:%M}", day=f"{moment:%d/%m/%Y}")
    return text
