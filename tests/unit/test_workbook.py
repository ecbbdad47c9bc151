"""The workbook: the seeded figures in every sheet, layout, masking, no formula injection,
and LibreOffice (a real second reader) opening it and converting it to PDF and CSV."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from desk_app.context import AppContext
from desk_app.domain.week import parse_week
from desk_app.reports.workbook import Report, export_report
from desk_app.storage.schema import AuditRecord
from tests.unit.test_weekly import INJECTION_NAME, seed

UNIT = {
    "unit.agency": "Sở Thông tin và Truyền thông",
    "unit.name": "Trung tâm Công nghệ thông tin",
    "unit.place": "Bắc Kạn",
}
DAYS = [  # date, weekday, scans, entries, exits, by QR, by hand, people, repeats, rejected, auto
    (11, 5, 3, 2, 2, 1, 3, 1, 1, 2),
    (12, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    (13, 6, 4, 2, 3, 1, 4, 0, 0, 0),
    (14, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    (15, 4, 2, 2, 1, 1, 4, 0, 0, 0),
    (16, 1, 1, 0, 1, 0, 1, 0, 0, 0),
    (17, 1, 1, 0, 1, 0, 1, 0, 0, 0),
]
TOTAL = (17, 11, 6, 8, 3, 9, 1, 1, 2)


def _context(url: str) -> AppContext:
    ctx = AppContext.open(url)
    for key, value in UNIT.items():
        ctx.settings.set(key, value)
    seed(ctx.log)
    return ctx


@pytest.fixture
def ctx(db_url: str) -> Iterator[AppContext]:
    context = _context(db_url)
    yield context
    context.close()


@pytest.fixture
def sqlite_ctx(sqlite_url: str) -> Iterator[AppContext]:
    context = _context(sqlite_url)
    yield context
    context.close()


def _export(ctx: AppContext, **options: Any) -> Report:
    options.setdefault("lang", "vi")
    return export_report(ctx, parse_week("2021-W41"), made_on=date(2021, 10, 22), **options)


def _rows_by_label(ws: Worksheet) -> dict[str, list[Any]]:
    return {
        str(row[0]): list(row[1:])
        for row in ws.iter_rows(values_only=True)
        if row and isinstance(row[0], str)
    }


def test_summary_sheet(ctx: AppContext) -> None:
    wb = load_workbook(io.BytesIO(_export(ctx).content))
    assert wb.sheetnames == ["Tổng hợp", "Theo ngày", "Chi tiết", "desk_app_data"]
    ws = wb["Tổng hợp"]
    assert ws["A1"].value == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    assert ws["A2"].value == "TRUNG TÂM CÔNG NGHỆ THÔNG TIN"
    assert ws["C1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert ws["C2"].value == "Độc lập - Tự do - Hạnh phúc"
    assert ws["C4"].value == "Bắc Kạn, ngày 22 tháng 10 năm 2021"
    assert ws["A7"].value == "Tuần từ 11 đến 17/10/2021"
    rows = _rows_by_label(ws)
    assert rows["Tổng số lượt quét (vào + ra)"][:4] == [17, 3, 14, 466.7]
    assert rows["Lượt vào"][:4] == [11, 2, 9, 450.0]
    assert rows["Lượt ra"][:4] == [6, 1, 5, 500.0]
    assert rows["Số người (không trùng lặp)"][:4] == [9, 2, 7, 350.0]
    assert rows["Lượt vào bằng mã QR"][:2] == [8, 1]
    assert rows["Lượt vào nhập tay"][:2] == [3, 1]
    assert rows["Tỷ lệ lượt vào bằng mã QR (%)"][0] == 72.7
    assert rows["Quét lặp lại (không tính vào lượt quét)"][0] == 1
    assert rows["Mã bị từ chối"][0] == 1
    assert rows["Tự động ghi ra lúc đóng cửa"][0] == 2
    assert rows["Số người còn ở trong cuối kỳ"][0] == 4
    assert rows["Lượt vào có cảnh báo"][0] == 1
    assert rows["Số ngày không có lượt quét"][:2] == [2, "12/10, 14/10"]
    assert rows["Giờ cao điểm"][0] == "14:00-15:00 ngày 15/10/2021 (4 lượt quét)"
    kinds = (
        "CCCD gắn chip",
        "Thẻ căn cước",
        "Mã QR cá nhân (PC-Covid)",
        "Thẻ BHYT",
        "Thẻ nhân viên",
        "Thẻ khách",
        "Không có mã (nhập tay)",
    )
    assert [rows[k][0] for k in kinds] == [6, 2, 3, 2, 0, 0, 4]
    methods = ("Camera", "Máy quét cầm tay", "Nhập tay", "Ghi ra tại bàn")
    assert [rows[m][0] for m in methods] == [8, 4, 4, 1]
    assert any(label.startswith("Cách tính: lượt quét là") for label in rows)
    assert "NGƯỜI LẬP BÁO CÁO" in rows and "(Ký, ghi rõ họ tên)" in rows
    assert ws.page_setup.orientation == "portrait" and ws.page_setup.paperSize == 9


def test_summary_has_the_bar_chart_of_the_daily_entries_and_exits(ctx: AppContext) -> None:
    with zipfile.ZipFile(io.BytesIO(_export(ctx).content)) as xlsx:
        charts = [n for n in xlsx.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        chart = xlsx.read(charts[0]).decode()
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    root = ElementTree.fromstring(chart)
    bar = root.find(".//c:barChart", ns)
    assert bar is not None
    direction = bar.find("c:barDir", ns)
    assert direction is not None and direction.get("val") == "col"
    refs = [f.text for f in bar.iterfind(".//c:f", ns)]
    assert "'Theo ngày'!$D$4:$D$10" in refs and "'Theo ngày'!$E$4:$E$10" in refs
    assert "'Theo ngày'!$A$4:$A$10" in refs


def test_daily_sheet(ctx: AppContext) -> None:
    ws = load_workbook(io.BytesIO(_export(ctx).content))["Theo ngày"]
    assert ws.freeze_panes == "A4" and ws.print_title_rows == "$1:$3"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws["A3"].value == "Ngày" and ws["C3"].value == "Lượt quét"
    weekdays = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
    for offset, expected in enumerate(DAYS):
        row = [c.value for c in ws[4 + offset]]
        assert row[0] == datetime(2021, 10, expected[0])  # a real date
        assert ws.cell(4 + offset, 1).number_format == "DD/MM/YYYY"
        assert row[1] == weekdays[offset]
        assert tuple(row[2:]) == expected[1:]
    total = [c.value for c in ws[11]]
    assert total[0] == "Tổng cộng" and tuple(total[2:]) == TOTAL
    assert ws.column_dimensions["A"].width == 12


def test_detail_sheet(ctx: AppContext) -> None:
    report = _export(ctx)
    assert report.rows == 11
    ws = load_workbook(io.BytesIO(report.content))["Chi tiết"]
    assert ws.freeze_panes == "C4" and ws.print_title_rows == "$1:$3"
    assert ws.page_setup.orientation == "landscape"
    assert [c.value for c in ws[3]][:6] == [
        "STT",
        "Họ và tên",
        "Số giấy tờ",
        "Loại mã",
        "Vào lúc",
        "Ra lúc",
    ]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    assert len(rows) == 11 and [r[0] for r in rows] == list(range(1, 12))
    first = rows[0]
    assert first[1:4] == ["Nguyễn Văn An", "001******456", "CCCD gắn chip"]
    assert first[4] == datetime(2021, 10, 11, 8, 5)
    assert first[5] == datetime(2021, 10, 11, 11, 30)
    assert ws.cell(4, 5).number_format == "DD/MM/YYYY HH:MM"
    assert first[6:8] == ["Camera", "Camera"]
    auto = next(r for r in rows if r[1] == "Trần Thị Bình")
    assert auto[5] == datetime(2021, 10, 11, 18) and auto[7] == "Tự động"
    inside = [r[1] for r in rows if r[5] == "Đang ở trong"]
    assert inside == ["Vũ Thị Em", "Lê Văn Giang", "HOANG VAN HUNG"]
    # A visit is shown as it is now: An's Saturday visit ended after the week.
    assert rows[9][1] == "Nguyễn Văn An" and rows[9][5] == datetime(2021, 10, 18, 0, 0, 10)
    assert rows[7][13] == "Giới tính không khớp với số định danh"
    assert all("001090123456" not in str(v) for r in rows for v in r)
    assert ws.column_dimensions["B"].width == 28


def test_text_that_looks_like_a_formula_stays_text(ctx: AppContext) -> None:
    ws = load_workbook(io.BytesIO(_export(ctx).content))["Chi tiết"]
    row = next(r for r in ws.iter_rows(min_row=4) if r[2].value == "012***678")
    name, purpose, host, organisation = row[1], row[10], row[11], row[12]
    assert name.value == INJECTION_NAME and name.data_type == "s" and name.quotePrefix
    assert (purpose.value, host.value, organisation.value) == ("-họp", "@Anh Tuấn", "+Công ty ABC")
    assert all(c.data_type == "s" and c.quotePrefix for c in (purpose, host, organisation))


def test_unit_name_like_a_formula_is_text_too(sqlite_ctx: AppContext) -> None:
    sqlite_ctx.settings.set("unit.name", "=1+1")
    ws = load_workbook(io.BytesIO(_export(sqlite_ctx).content))["Tổng hợp"]
    assert ws["A2"].value == "=1+1" and ws["A2"].data_type == "s" and ws["A2"].quotePrefix


def test_full_ids_are_written_and_audited(ctx: AppContext) -> None:
    def audits() -> list[str]:
        return [r.action for r in ctx.db.read(lambda s: list(s.query(AuditRecord)))]

    _export(ctx)
    assert "full_ids_export" not in audits()
    report = _export(ctx, full_ids=True)
    ws = load_workbook(io.BytesIO(report.content))["Chi tiết"]
    assert ws["C4"].value == "001090123456"
    assert audits().count("full_ids_export") == 1


def test_english_headings(sqlite_ctx: AppContext) -> None:
    wb = load_workbook(io.BytesIO(_export(sqlite_ctx, lang="en").content))
    assert wb.sheetnames == ["Summary", "Daily", "Detail", "desk_app_data"]
    assert wb["Summary"]["A7"].value == "Week of 11 to 17/10/2021"
    assert _rows_by_label(wb["Summary"])["Scans (entries + exits)"][:2] == [17, 3]
    assert wb["Daily"]["B4"].value == "Monday"
    assert wb["Detail"]["B3"].value == "Name"


def test_empty_week_has_seven_zero_days_and_no_detail_rows(sqlite_url: str) -> None:
    ctx = AppContext.open(sqlite_url)
    report = export_report(ctx, parse_week("2030-W01"), lang="vi")
    wb = load_workbook(io.BytesIO(report.content))
    assert [wb["Theo ngày"].cell(r, 3).value for r in range(4, 11)] == [0] * 7
    assert wb["Chi tiết"].max_row == 3
    ctx.close()


# ----- LibreOffice --------------------------------------------------------------------------
def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is needed in CI")
        pytest.skip("LibreOffice is not installed")
    return found


def _convert(tmp_path: Path, source: Path, target: str) -> None:
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(source.parent),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


@pytest.mark.slow
def test_libreoffice_converts_to_pdf_with_the_figures(
    sqlite_ctx: AppContext, tmp_path: Path
) -> None:
    source = tmp_path / "report.xlsx"
    source.write_bytes(_export(sqlite_ctx).content)
    _convert(tmp_path, source, "pdf")
    pdf = tmp_path / "report.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Bắc Kạn, ngày 22 tháng 10 năm 2021",
        "Tuần từ 11 đến 17/10/2021",
        "BÁO CÁO KẾT QUẢ KIỂM SOÁT RA VÀO BẰNG MÃ QR",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Chủ nhật",
        '=HYPERLINK("http://evil',  # the column is narrower than the whole text
    ):
        assert expected in text
    lines = {" ".join(line.split()) for line in text.splitlines()}
    assert "Tổng số lượt quét (vào + ra) 17 3 +14 +466.7" in lines
    assert "Tổng cộng 17 11 6 8 3 9 1 1 2" in lines


@pytest.mark.slow
def test_libreoffice_converts_every_sheet_to_csv(sqlite_ctx: AppContext, tmp_path: Path) -> None:
    source = tmp_path / "report.xlsx"
    source.write_bytes(_export(sqlite_ctx).content)
    # UTF-8, cells as shown, every sheet to its own file (sheet number -1).
    _convert(
        tmp_path,
        source,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
    )

    def sheet(name: str) -> list[list[str]]:
        path = tmp_path / f"report-{name}.csv"
        return list(csv.reader(path.read_text(encoding="utf-8").splitlines()))

    summary = {row[0]: row[1:] for row in sheet("Tổng hợp") if row}
    assert summary["Tổng số lượt quét (vào + ra)"][:4] == ["17", "3", "+14", "+466.7"]
    assert summary["Số người (không trùng lặp)"][:4] == ["9", "2", "+7", "+350.0"]
    assert summary["Tỷ lệ lượt vào bằng mã QR (%)"][0] == "72.7"
    daily = sheet("Theo ngày")
    assert daily[3][:3] == ["11/10/2021", "Thứ Hai", "5"]
    assert [row[2:] for row in daily[3:10]] == [[str(v) for v in d[1:]] for d in DAYS]
    assert daily[10][0] == "Tổng cộng" and daily[10][2:] == [str(v) for v in TOTAL]
    detail = sheet("Chi tiết")
    assert detail[3][:6] == [
        "1",
        "Nguyễn Văn An",
        "001******456",
        "CCCD gắn chip",
        "11/10/2021 08:05",
        "11/10/2021 11:30",
    ]
    odd = next(row for row in detail if row[2] == "012***678")
    # Evaluated, the formula would show its friendly name "Bấm": it is shown as typed.
    assert odd[1] == INJECTION_NAME
    assert odd[10:13] == ["-họp", "@Anh Tuấn", "+Công ty ABC"]
    assert len(detail) == 3 + 11


def test_detail_times_follow_daylight_saving(
    monkeypatch: pytest.MonkeyPatch, sqlite_url: str
) -> None:
    from desk_app.domain.payloads import parse
    from desk_app.timeutil import local_zone
    from tests.unit.test_weekly import A, B

    monkeypatch.setenv("DESK_APP_TZ", "Europe/Berlin")
    ctx = AppContext.open(sqlite_url)
    ctx.log.record_scan(parse(A), at=datetime(2021, 10, 25, 9, 15, tzinfo=local_zone()))
    ctx.log.record_scan(parse(B), at=datetime(2021, 10, 31, 23, 30, tzinfo=local_zone()))
    report = export_report(ctx, parse_week("2021-W43"), lang="en")
    ws = load_workbook(io.BytesIO(report.content))["Detail"]
    assert [ws["E4"].value, ws["E5"].value] == [
        datetime(2021, 10, 25, 9, 15),
        datetime(2021, 10, 31, 23, 30),
    ]
    ctx.close()


@pytest.mark.parametrize(
    ("first", "last", "listed"),
    [
        (date(2021, 7, 1), date(2021, 9, 30), "01/07–30/09"),  # a quarter with no scans
        # October: scans on 5, 10, 11, 13, 15/10 and later; the rest of the list does not fit
        (date(2021, 10, 1), date(2021, 10, 31), "01/10–04/10, 06/10–09/10, 12/10, 14/10, …"),
    ],
)
def test_days_without_scans_of_a_long_period_fit_their_cells(
    sqlite_ctx: AppContext, first: date, last: date, listed: str
) -> None:
    """A month's or a quarter's days without scans are written as runs of days, short enough
    for the cells beside the count (not cut off at the page's edge)."""
    from desk_app.domain.week import date_range

    report = export_report(sqlite_ctx, date_range(first, last), lang="vi")
    ws = load_workbook(io.BytesIO(report.content)).worksheets[0]
    rows = _rows_by_label(ws)
    assert rows["Số ngày không có lượt quét"][1] == listed


def test_days_without_scans_beyond_the_cells_end_with_an_ellipsis() -> None:
    from desk_app.reports.workbook import LABEL_CHARS, days_text

    every_other = [date(2021, 7, day) for day in range(1, 32, 2)]
    text = days_text(every_other)
    assert len(text) <= LABEL_CHARS and text.startswith("01/07, 03/07") and text.endswith("…")
