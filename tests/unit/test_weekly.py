"""The weekly figures from a log seeded through the real recording API, with known answers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time

import pytest

from desk_app.domain.payloads import parse
from desk_app.domain.visits import Direction, ManualEntry, Method
from desk_app.domain.week import current_week, parse_week
from desk_app.reports.weekly import BusiestHour, compute, visit_rows
from desk_app.storage.database import Database
from desk_app.storage.visit_log import VisitLog
from desk_app.timeutil import local_zone, offset_segments

A = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
B = "079303001234|LE MINH CHAU|2003-05-05|0|9f3c2b"
C = "0123456789|" + "Nguyễn Thị Hoà".encode().hex() + "|02/09/1985|2"
D = "001190000777||Phạm Thị Dung|07071990|Nữ|Hà Nội|01072024"
E = "001090555666||Vũ Thị Em|01011990|Nữ|Hà Nội|01012021"  # sex does not match the number
H = "001085000999|HOANG VAN HUNG|1985-01-01|0|abc"
INJECTION_NAME = '=HYPERLINK("http://evil.example","Bấm")'
X = ManualEntry(
    name=INJECTION_NAME,
    id_number="012345678",
    organisation="+Công ty ABC",
    purpose="-họp",
    host="@Anh Tuấn",
)
BINH = ManualEntry(name="Trần Thị Bình")
KHAI = ManualEntry(name="Đỗ Văn Khải")
GIANG = ManualEntry(name="Lê Văn Giang")


def local(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A moment in October 2021, unit time."""
    return datetime(2021, 10, day, hour, minute, second, tzinfo=local_zone())


def seed(log: VisitLog) -> None:
    """Weeks 2021-W40 and W41 (11 to 17/10/2021) and one scan of W42, in time order."""

    def scan(text: str, at: datetime, method: Method = Method.CAMERA) -> None:
        log.record_scan(parse(text), method=method, at=at)

    def manual(entry: ManualEntry, at: datetime, direction: Direction = Direction.IN) -> None:
        log.record_manual(entry, direction=direction, at=at)

    # W40: 3 scans, 2 entries (1 by QR, 1 by hand), 1 exit, 2 people.
    scan(A, local(5, 8))
    scan(A, local(5, 9))
    manual(KHAI, local(10, 23, 59, 50))  # stays inside over the week's end
    # W41, Monday
    scan(A, local(11, 8, 5))
    scan(A, local(11, 8, 5, 3))  # repeat
    scan(B, local(11, 8, 20), Method.SCANNER)
    manual(BINH, local(11, 8, 40))
    scan("hello", local(11, 8, 45))  # rejected
    scan(A, local(11, 11, 30))
    scan(B, local(11, 17), Method.SCANNER)
    assert log.auto_checkout(time(18), now=local(11, 19)) == 2  # Bình and Khải
    # Wednesday
    scan(C, local(13, 9), Method.SCANNER)
    scan(D, local(13, 9, 10))
    scan(A, local(13, 9, 20))
    scan(C, local(13, 10), Method.SCANNER)
    manual(X, local(13, 10, 5))
    scan(A, local(13, 10, 30))
    # Friday
    scan(E, local(15, 14))
    d_visit = log.inside()[-1]  # the oldest visit still open: Dung's
    assert d_visit.name == "Phạm Thị Dung"
    log.check_out(d_visit.id, at=local(15, 14, 30))
    manual(X, local(15, 14, 45), Direction.OUT)
    manual(GIANG, local(15, 14, 55))
    # Saturday, Sunday
    scan(A, local(16, 7))
    scan(H, local(17, 23, 59, 30))
    # W42
    scan(A, local(18, 0, 0, 10))


@pytest.fixture
def seeded(db_url: str) -> Iterator[Database]:
    db = Database(db_url)
    seed(VisitLog(db, desk="Bàn 1", checkpoint="Cổng chính"))
    yield db
    db.dispose()


def test_week_totals(seeded: Database) -> None:
    f = compute(seeded, parse_week("2021-W41"))
    assert (f.scans, f.entries, f.exits, f.repeats, f.rejected) == (17, 11, 6, 1, 1)
    assert f.people == 9
    assert (f.qr_entries, f.manual_entries) == (8, 3)
    assert f.qr_share == pytest.approx(800 / 11)
    assert f.by_kind == {
        "cccd": 6,
        "cancuoc": 2,
        "pccovid": 3,
        "bhyt": 2,
        "staff": 0,
        "visitor_pass": 0,
        "manual": 4,
    }
    assert f.by_method == {"camera": 8, "scanner": 4, "manual": 4, "checkout": 1}
    assert f.days_without_scans == (date(2021, 10, 12), date(2021, 10, 14))
    assert f.busiest_hour == BusiestHour(date(2021, 10, 15), 14, 4)
    assert f.by_hour[7:12] == (1, 3, 3, 3, 1) and f.by_hour[14] == 4
    assert f.by_hour[17] == 1 and f.by_hour[23] == 1 and sum(f.by_hour) == 17
    assert f.inside_at_end == 4  # An (left on Monday after midnight), Em, Giang, Hùng
    assert f.auto_checkouts == 2
    assert f.warnings == 1 and f.warnings_by_code == {"id_sex_mismatch": 1}
    assert f.rejected_by_reason == {"unknown_format": 1}


def test_each_day_including_empty_days(seeded: Database) -> None:
    f = compute(seeded, parse_week("2021-W41"))
    rows = [
        (
            d.day.day,
            d.scans,
            d.entries,
            d.exits,
            d.repeats,
            d.rejected,
            d.people,
            d.qr_entries,
            d.manual_entries,
            d.auto_checkouts,
        )
        for d in f.days
    ]
    assert rows == [
        (11, 5, 3, 2, 1, 1, 3, 2, 1, 2),
        (12, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        (13, 6, 4, 2, 0, 0, 4, 3, 1, 0),
        (14, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        (15, 4, 2, 2, 0, 0, 4, 1, 1, 0),
        (16, 1, 1, 0, 0, 0, 1, 1, 0, 0),
        (17, 1, 1, 0, 0, 0, 1, 1, 0, 0),
    ]


def test_change_against_previous_week(seeded: Database) -> None:
    f = compute(seeded, parse_week("2021-W41"))
    assert f.previous is not None and f.previous.period == parse_week("2021-W40")
    scans = f.change("scans")
    assert scans is not None
    assert (scans.current, scans.previous, scans.difference) == (17, 3, 14)
    assert scans.percent == pytest.approx(1400 / 3)
    people = f.change("people")
    assert people is not None and (people.previous, people.difference) == (2, 7)
    manual_entries = f.change("manual_entries")
    assert manual_entries is not None and manual_entries.percent == pytest.approx(200.0)


def test_percent_is_none_when_previous_is_zero(seeded: Database) -> None:
    f = compute(seeded, parse_week("2021-W40"))
    assert f.inside_at_end == 1  # Khải, in at 23:59:50 on Sunday (counted from the older side)
    scans = f.change("scans")
    assert scans is not None
    assert (scans.current, scans.previous, scans.difference, scans.percent) == (3, 0, 3, None)


def test_current_week_up_to_now(seeded: Database) -> None:
    f = compute(seeded, current_week(local(15, 14, 35)))
    assert (f.scans, f.entries, f.exits) == (13, 8, 5)
    assert f.days_without_scans == (date(2021, 10, 12), date(2021, 10, 14))  # not Sat, Sun
    assert len(f.days) == 7 and f.days[5].scans == 0
    assert f.inside_at_end == 2  # Em and the visitor with the odd name
    assert f.previous is not None
    assert f.previous.scans == 2  # last week up to Friday 14:35: An in and out


def test_range_of_days(seeded: Database) -> None:
    from desk_app.domain.week import date_range

    f = compute(seeded, date_range(date(2021, 10, 13), date(2021, 10, 18)))
    assert [d.day.day for d in f.days] == [13, 14, 15, 16, 17, 18]
    assert f.scans == 13 and f.days[-1].exits == 1
    assert f.previous is not None and f.previous.period.first == date(2021, 10, 7)


def test_detail_rows_are_the_visits_begun_in_the_week(seeded: Database) -> None:
    rows = visit_rows(seeded, parse_week("2021-W41"))
    assert len(rows) == 11
    assert rows[0].name == "Nguyễn Văn An"
    assert rows[0].entry_at == local(11, 8, 5).astimezone(UTC).replace(tzinfo=None)  # naive UTC
    assert rows[-1].name == "HOANG VAN HUNG" and rows[-1].exit_at is None
    odd = next(r for r in rows if r.id_number == "012345678")
    assert odd.name == INJECTION_NAME and odd.exit_method == "manual"
    assert [r.warnings for r in rows if r.warnings] == ["id_sex_mismatch"]


def test_days_follow_daylight_saving(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> None:
    monkeypatch.setenv("DESK_APP_TZ", "Europe/Berlin")
    db = Database(sqlite_url)
    log = VisitLog(db)
    zone = local_zone()
    # Summer time ends at 03:00 on Sunday 31/10/2021 (clocks go back to 02:00).
    log.record_scan(parse(A), at=datetime(2021, 10, 30, 23, 30, tzinfo=zone))
    log.record_scan(parse(B), at=datetime(2021, 10, 31, 23, 30, tzinfo=zone))
    log.record_scan(parse(D), at=datetime(2021, 10, 31, 0, 30, tzinfo=zone))
    f = compute(db, parse_week("2021-W43"))
    assert [(d.day.day, d.scans) for d in f.days][-2:] == [(30, 1), (31, 2)]
    assert f.by_hour[23] == 2 and f.by_hour[0] == 1
    start, end = parse_week("2021-W43").bounds()
    segments = offset_segments(start, end)
    assert [offset for _, offset in segments] == [7200, 3600]
    assert segments[1][0] == datetime(2021, 10, 31, 1, 0, tzinfo=UTC)
    db.dispose()
