"""Reporting periods: ISO weeks, Monday to Sunday, the current and the last full week."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.domain.week import (
    Period,
    current_week,
    date_range,
    describe,
    last_full_week,
    parse_week,
    week_containing,
)
from desk_app.timeutil import local_zone


def local(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=local_zone())


@pytest.mark.parametrize("text", ["2021-W41", "2021W41", "2021-w41", " 2021-W41 "])
def test_parse_week(text: str) -> None:
    week = parse_week(text)
    assert (week.first, week.last) == (date(2021, 10, 11), date(2021, 10, 17))
    assert week.first.weekday() == 0 and week.is_week and week.label == "2021-W41"


def test_iso_week_one_and_fifty_three() -> None:
    assert parse_week("2021-W01").first == date(2021, 1, 4)
    assert parse_week("2020-W53").last == date(2021, 1, 3)
    assert parse_week("2026-W01").first == date(2025, 12, 29)  # week 1 starts in December


@pytest.mark.parametrize("text", ["2021-W00", "2021-W53", "2021-W54", "2021-41", "W41", ""])
def test_bad_weeks(text: str) -> None:
    with pytest.raises(ValueError):
        parse_week(text)


def test_bounds_are_local_midnights_in_utc() -> None:
    start, end = parse_week("2021-W41").bounds()
    assert start == datetime(2021, 10, 10, 17, tzinfo=UTC)  # Monday 00:00 in Vietnam
    assert end == datetime(2021, 10, 17, 17, tzinfo=UTC)  # Monday after, 00:00


def test_current_week_up_to_now() -> None:
    now = local(2021, 10, 15, 14, 30)  # Friday afternoon
    week = current_week(now)
    assert (week.first, week.last) == (date(2021, 10, 11), date(2021, 10, 17))
    assert week.bounds()[1] == now.astimezone(UTC)
    assert week.label == "2021-W41"


def test_current_week_on_sunday_night_and_monday_morning() -> None:
    assert current_week(local(2021, 10, 17, 23, 59)).first == date(2021, 10, 11)
    assert current_week(local(2021, 10, 18, 0, 1)).first == date(2021, 10, 18)


def test_last_full_week() -> None:
    assert last_full_week(local(2021, 10, 22, 14)).label == "2021-W41"  # Friday 22/10
    assert last_full_week(local(2021, 10, 18, 0, 1)).label == "2021-W41"  # Monday after
    assert last_full_week(local(2021, 10, 17, 23, 59)).label == "2021-W40"  # still Sunday
    assert last_full_week(local(2021, 10, 17, 23, 59)).until is None


def test_previous_week_and_previous_cut_off() -> None:
    assert parse_week("2021-W41").previous() == parse_week("2021-W40")
    assert parse_week("2021-W01").previous() == parse_week("2020-W53")
    partial = current_week(local(2021, 10, 15, 14, 30)).previous()
    assert partial.first == date(2021, 10, 4)
    assert partial.bounds()[1] == local(2021, 10, 8, 14, 30).astimezone(UTC)


def test_date_range_and_its_previous() -> None:
    period = date_range(date(2021, 10, 13), date(2021, 10, 18))
    assert period.length == 6 and not period.is_week
    assert period.label == "2021-10-13_2021-10-18"
    previous = period.previous()
    assert (previous.first, previous.last) == (date(2021, 10, 7), date(2021, 10, 12))
    with pytest.raises(ValueError):
        date_range(date(2021, 10, 18), date(2021, 10, 13))
    with pytest.raises(ValueError):
        date_range(date(2020, 1, 1), date(2021, 1, 1))  # 367 days


def test_describe_in_vietnamese_and_english() -> None:
    assert describe(parse_week("2021-W41"), "vi") == "Tuần từ 11 đến 17/10/2021"
    assert describe(parse_week("2021-W39"), "vi") == "Tuần từ 27/09 đến 03/10/2021"
    assert describe(parse_week("2021-W52"), "vi") == "Tuần từ 27/12/2021 đến 02/01/2022"
    assert describe(parse_week("2021-W41"), "en") == "Week of 11 to 17/10/2021"
    span = date_range(date(2021, 10, 13), date(2021, 10, 20))
    assert describe(span, "vi") == "Từ ngày 13/10/2021 đến ngày 20/10/2021"
    assert describe(date_range(date(2021, 10, 13), date(2021, 10, 13)), "vi") == "Ngày 13/10/2021"
    now = local(2021, 10, 15, 14, 30)
    assert describe(current_week(now), "vi") == (
        "Tuần từ 11 đến 17/10/2021 (tính đến 14:30 ngày 15/10/2021)"
    )


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        Period(date(2021, 10, 17), date(2021, 10, 11))


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_every_day_lies_in_one_monday_to_sunday_week(day: date) -> None:
    week = week_containing(day)
    assert week.first <= day <= week.last
    assert week.first.weekday() == 0 and week.last.weekday() == 6
    assert parse_week(week.label) == week
    assert week.previous().last.toordinal() + 1 == week.first.toordinal()
