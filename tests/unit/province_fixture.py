"""A small province made with the program itself: unit databases, visits over two weeks,
the units' own weekly workbooks (one sent by e-mail, one sent twice), files that do not count."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desk_app.context import AppContext
from desk_app.domain.week import parse_week
from desk_app.reports import mail
from desk_app.reports.workbook import export_report

W40, W41 = "2021-W40", "2021-W41"
MONDAY = {
    W40: datetime(2021, 10, 4, 1, 0, tzinfo=UTC),
    W41: datetime(2021, 10, 11, 1, 0, tzinfo=UTC),
}
# Districts chosen so that code-point order and Vietnamese order differ (Â before B, Đ before E).
REGISTER = [
    ("BKN-001", "UBND xã Ân Thi", "Ân Thi", "UBND xã"),
    ("BKN-002", "Trường THCS Ba Bể", "Ba Bể", "Trường học"),
    ("BKN-003", "Chợ Bắc Sơn", "Bắc Sơn", "Chợ"),
    ("BKN-004", "Bệnh viện Đồng Hỷ", "Đồng Hỷ", "Bệnh viện"),
    ("BKN-005", "Bưu điện Ea Kar", "Ea Kar", "Bưu điện"),
    ("BKN-006", "UBND phường Đồng Hỷ", "Đồng Hỷ", "UBND phường"),
]
DISTRICT_ORDER = ["Ân Thi", "Ba Bể", "Bắc Sơn", "Đồng Hỷ", "Ea Kar"]


@dataclass
class Unit:
    code: str
    name: str
    ctx: AppContext
    scans: dict[str, int] = field(default_factory=dict)
    by_hand: dict[str, int] = field(default_factory=dict)
    serial: int = 0


def person(serial: int) -> str:
    """A valid chip ID card text: a man born 1990, the number agreeing with it."""
    return f"00109{serial:07d}||Người Thử {serial}|01011990|Nam|Bắc Kạn|01012021"


def visit(unit: Unit, week: str, day: int, *, manual: bool = False) -> None:
    """An entry at 08:00 and an exit at 10:00 local time on ``day`` (0 = Monday)."""
    unit.serial += 1
    text = person(unit.serial + 1000 * int(unit.code[-3:]))
    start = MONDAY[week] + timedelta(days=day)
    method = "manual" if manual else "camera"
    unit.ctx.log.record_scan(unit.ctx.parse(text), method=method, at=start)
    unit.ctx.log.record_scan(unit.ctx.parse(text), method="scanner", at=start + timedelta(hours=2))
    unit.scans[week] = unit.scans.get(week, 0) + 2
    unit.by_hand[week] = unit.by_hand.get(week, 0) + (1 if manual else 0)


def make_unit(folder: Path, code: str, name: str) -> Unit:
    ctx = AppContext.open(f"sqlite:///{folder / (code + '.sqlite3')}")
    ctx.settings.set("unit.name", name)
    ctx.settings.set("unit.code", code)
    return Unit(code, name, ctx)


def export(unit: Unit, week: str, path: Path, made_at: datetime) -> Path:
    report = export_report(unit.ctx, parse_week(week), made_at=made_at)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(report.content)
    return path


def export_eml(unit: Unit, week: str, path: Path, made_at: datetime) -> Path:
    """The unit's e-mail: the workbook, and the page to sign as a PDF beside it (a stand-in
    here: drawing the real page needs Qt)."""
    report = export_report(unit.ctx, parse_week(week), made_at=made_at)
    report = replace(report, pdf=b"%PDF-1.4 the page to sign\n%%EOF\n")
    config = mail.MailConfig.from_settings(unit.ctx.settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(mail.compose(report, config, unit.name))
    return path


@dataclass
class Province:
    register: Path
    inbox: dict[str, Path]  # week -> folder of what arrived
    units: dict[str, Unit]
    unmatched_w41: dict[str, str]  # file name -> reason


def build(root: Path) -> Province:
    units_dir = root / "units"
    units_dir.mkdir(parents=True)
    units = {code: make_unit(units_dir, code, name) for code, name, _, _ in REGISTER}
    u1, u2, u3, _u4, u5, u6 = (units[code] for code, *_ in REGISTER)
    for day in range(3):
        visit(u1, W40, day)
    for day in range(5):
        visit(u1, W41, day, manual=day == 2)
    visit(u2, W40, 0)
    visit(u2, W40, 4)
    for day in range(4):
        visit(u3, W40, day)
    visit(u5, W40, 1)
    visit(u5, W41, 1)
    visit(u5, W41, 3, manual=True)
    visit(u5, W41, 6)
    visit(u6, W40, 2)

    inbox = {W40: root / "inbox-w40", W41: root / "inbox-w41"}
    friday = {
        W40: datetime(2021, 10, 8, 8, 0, tzinfo=UTC),
        W41: datetime(2021, 10, 15, 8, 0, tzinfo=UTC),
    }
    # Week 40: units 1, 2, 3 report; 4, 5, 6 send nothing.
    for unit in (u1, u2, u3):
        export(unit, W40, inbox[W40] / f"{unit.code}.xlsx", friday[W40])
    # Week 41: 1 reports, 2 reports zero, 3 and 4 send nothing, 5 by e-mail, 6 sends twice.
    export(u1, W41, inbox[W41] / "xa-an-thi" / "bao-cao.xlsx", friday[W41])
    export(u2, W41, inbox[W41] / f"{u2.code}.xlsx", friday[W41])
    export_eml(u5, W41, inbox[W41] / "mail" / "bao-cao-ea-kar.eml", friday[W41])
    visit(u6, W41, 0)
    export(u6, W41, inbox[W41] / "u6-first.xlsx", friday[W41])
    visit(u6, W41, 4)  # counted after the first report: the unit sends it again
    export(u6, W41, inbox[W41] / "u6-again.xlsx", friday[W41] + timedelta(hours=3))

    # Files that do not count for week 41.
    stranger = make_unit(units_dir, "XYZ-999", "Điểm lạ")
    visit(stranger, W41, 1)
    export(stranger, W41, inbox[W41] / "la.xlsx", friday[W41])
    export(u1, W40, inbox[W41] / "tuan-truoc.xlsx", friday[W41])  # another week
    (inbox[W41] / "hong.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (inbox[W41] / "ghi-chu.pdf").write_bytes(b"%PDF-1.4 a copy, not a report")
    unmatched = {
        "la.xlsx": "unknown_code",
        "tuan-truoc.xlsx": "other_week",
        "hong.xlsx": "not_xlsx",
    }

    register = root / "danh-sach.csv"
    with register.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["Mã điểm", "Tên điểm", "Huyện/Thành phố", "Loại hình"])
        writer.writerows(REGISTER)
    return Province(register, inbox, units, unmatched)
