"""Time helpers: UTC in storage, the unit's local time on screen and in reports."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Asia/Ho_Chi_Minh"


def local_zone() -> ZoneInfo:
    """The unit's time zone (``DESK_APP_TZ`` overrides; Vietnam by default)."""
    return ZoneInfo(os.environ.get("DESK_APP_TZ", DEFAULT_TZ))


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_utc(moment: datetime) -> datetime:
    """Aware UTC; a naive datetime is taken as the unit's local time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=local_zone())
    return moment.astimezone(UTC)


def to_local(moment: datetime) -> datetime:
    """Aware local time; a naive datetime is taken as UTC (as the database returns it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(local_zone())


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """[start, end) of a local calendar day, in UTC."""
    start = datetime.combine(day, time(0), tzinfo=local_zone())
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def local_today() -> date:
    return to_local(utc_now()).date()


def format_date(day: date) -> str:
    """DD/MM/YYYY, as Vietnamese users write dates."""
    return day.strftime("%d/%m/%Y")


def format_datetime(moment: datetime) -> str:
    return to_local(moment).strftime("%d/%m/%Y %H:%M:%S")


def parse_user_date(text: str) -> date:
    """A date typed by a user: DD/MM/YYYY or ISO YYYY-MM-DD. Raises ValueError."""
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


# The days a log can hold: outside them, local/UTC conversions and week arithmetic overflow.
# A report also looks a week back, hence the margin at the start.
FIRST_LOG_DAY = date(1970, 1, 8)
LAST_LOG_DAY = date(9998, 12, 31)


def in_log_range(day: date) -> bool:
    return FIRST_LOG_DAY <= day <= LAST_LOG_DAY


def offset_segments(start: datetime, end: datetime) -> list[tuple[datetime, int]]:
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
