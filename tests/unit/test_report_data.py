"""A unit's weekly workbook carries its point code, week and figures for machines to read."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desk_app.context import AppContext
from desk_app.domain.week import parse_week
from desk_app.reports.report_data import DATA_SHEET, UnreadableReport, read_report
from desk_app.reports.workbook import export_report
from desk_app.settings import SettingError
from tests.office import overlapping_words, page_texts, soffice_with, to_pdf

CARD = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
OTHER = "079195012345||Trần Thị Bình|15051995|Nữ|HCM|10102022"
MONDAY = datetime(2021, 10, 11, 1, 0, tzinfo=UTC)  # 08:00 in Vietnam


def _unit(url: str) -> AppContext:
    ctx = AppContext.open(url)
    ctx.settings.set("unit.name", "UBND xã Đồng Lạc")
    ctx.settings.set("unit.agency", "UBND huyện Chợ Đồn")
    ctx.settings.set("unit.code", " bkn-cd-017 ")
    # Previous week: one visit (2 scans); this week: 3 visits, one typed by hand.
    ctx.log.record_scan(ctx.parse(CARD), at=MONDAY - timedelta(days=7))
    ctx.log.record_scan(ctx.parse(CARD), at=MONDAY - timedelta(days=7, hours=-1))
    ctx.log.record_scan(ctx.parse(CARD), at=MONDAY)
    ctx.log.record_scan(ctx.parse(CARD), at=MONDAY + timedelta(hours=1))
    ctx.log.record_scan(ctx.parse(OTHER), method="manual", at=MONDAY + timedelta(days=2))
    ctx.log.record_scan(ctx.parse(CARD), method="scanner", at=MONDAY + timedelta(days=4))
    return ctx


def _without(content: bytes, member: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename != member:
                target.writestr(item, source.read(item))
    return out.getvalue()


def test_unit_code_is_validated_and_upper_case(sqlite_url: str) -> None:
    ctx = AppContext.open(sqlite_url)
    assert ctx.settings.get("unit.code") == ""
    assert ctx.settings.set("unit.code", "bkn-001") == "BKN-001"
    for bad in ("BKN 001", "-001", "mã-1", "X" * 33):
        with pytest.raises(SettingError):
            ctx.settings.set_from_user("unit.code", bad)
    assert ctx.settings.get("unit.code") == "BKN-001"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_workbook_carries_identity_and_figures(sqlite_url: str, lang: str) -> None:
    ctx = _unit(sqlite_url)
    made_at = datetime(2021, 10, 22, 8, 30, tzinfo=UTC)
    content = export_report(ctx, parse_week("2021-W41"), lang=lang, made_at=made_at).content
    report = read_report(content)
    assert report.unit_code == "BKN-CD-017"
    assert report.unit_name == "UBND xã Đồng Lạc"
    assert report.week == "2021-W41"
    assert (report.first_day.isoformat(), report.last_day.isoformat()) == (
        "2021-10-11",
        "2021-10-17",
    )
    assert report.made_at == made_at
    # 2 scans Monday (entry, exit), 1 by hand Wednesday, 1 by scanner Friday.
    assert (report.scans, report.scans_by_code, report.scans_by_hand) == (4, 3, 1)
    assert (report.entries, report.exits, report.manual_entries) == (3, 1, 1)
    assert report.previous_scans == 2
    assert report.days["2021-10-11"] == 2
    assert report.days["2021-10-13"] == 1
    assert report.days["2021-10-15"] == 1
    assert sum(report.days.values()) == 4

    # The hidden sheet alone gives the same figures (document properties lost).
    assert read_report(_without(content, "docProps/custom.xml")) == report
    wb = load_workbook(io.BytesIO(content))
    assert wb[DATA_SHEET].sheet_state == "hidden"
    assert wb.worksheets[0].sheet_state == "visible"


def test_data_sheet_shown_renamed_and_moved_is_still_read(sqlite_url: str) -> None:
    """Re-saved by hand: the document properties lost, the hidden sheet shown, renamed and
    put first. Its rows still say what the workbook is."""
    ctx = _unit(sqlite_url)
    content = export_report(ctx, parse_week("2021-W41")).content
    report = read_report(content)
    wb = load_workbook(io.BytesIO(_without(content, "docProps/custom.xml")))
    ws = wb[DATA_SHEET]
    ws.sheet_state = "visible"
    ws.title = "Số liệu"
    wb.move_sheet(ws, offset=-len(wb.sheetnames))
    out = io.BytesIO()
    wb.save(out)
    resaved = _without(out.getvalue(), "docProps/custom.xml")
    assert DATA_SHEET not in load_workbook(io.BytesIO(resaved)).sheetnames
    assert read_report(resaved) == report


def test_not_a_report_is_said_so(sqlite_url: str) -> None:
    with pytest.raises(UnreadableReport) as caught:
        read_report(b"not a zip")
    assert caught.value.reason == "not_xlsx"
    ctx = _unit(sqlite_url)
    content = export_report(ctx, parse_week("2021-W41")).content
    stripped = _without(_without(content, "docProps/custom.xml"), "xl/worksheets/sheet4.xml")
    with pytest.raises(UnreadableReport):
        read_report(stripped)


def test_report_without_code_reads_as_no_code(sqlite_url: str) -> None:
    ctx = _unit(sqlite_url)
    ctx.settings.set("unit.code", "")
    content = export_report(ctx, parse_week("2021-W41")).content
    with pytest.raises(UnreadableReport) as caught:
        read_report(content)
    assert caught.value.reason == "no_code"


def test_summary_prints_as_one_signed_page_then_the_breakdowns(
    sqlite_url: str, tmp_path: Path
) -> None:
    """In LibreOffice: page 1 has the header, key figures, chart and signatures; the
    breakdowns fill page 2; the Daily sheet starts on page 3."""
    soffice = soffice_with("libsclo")
    if soffice is None:
        pytest.skip("LibreOffice Calc (soffice) is not installed")
    ctx = _unit(sqlite_url)
    ctx.settings.set("unit.place", "Bắc Kạn")
    path = tmp_path / "bao-cao.xlsx"
    path.write_bytes(export_report(ctx, parse_week("2021-W41"), lang="vi").content)
    pages = page_texts(to_pdf(soffice, path, tmp_path / "pdf"))
    if not pages:
        pytest.skip("pdftotext (poppler) is not installed")
    first, second, third = pages[0], pages[1], pages[2]
    for text in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO KẾT QUẢ KIỂM SOÁT RA VÀO BẰNG MÃ QR",
        "Mã điểm: BKN-CD-017",
        "Tổng số lượt quét",
        "Lượt vào và ra theo ngày",  # the chart's title
        "NGƯỜI LẬP BÁO CÁO",
        "THỦ TRƯỞNG ĐƠN VỊ",
    ):
        assert text in first, text
    assert "Lượt quét theo loại mã" in second and "BÁO CÁO KẾT QUẢ" not in second
    assert third.lstrip().startswith("Theo ngày")


def test_a_long_unit_name_keeps_the_summary_header_readable(
    sqlite_url: str, tmp_path: Path
) -> None:
    """Long names wrap in their own rows, not over the point code or each other, and the
    signed page stays one page."""
    soffice = soffice_with("libsclo")
    if soffice is None:
        pytest.skip("LibreOffice Calc (soffice) is not installed")
    ctx = _unit(sqlite_url)
    ctx.settings.set("unit.agency", "Sở Thông tin và Truyền thông tỉnh Bắc Kạn")
    name = "Trung tâm Hành chính công và Xúc tiến đầu tư tỉnh Bắc Kạn - Chi nhánh huyện Chợ Đồn"
    ctx.settings.set("unit.name", name)
    ctx.settings.set("unit.place", "Bắc Kạn")
    path = tmp_path / "bao-cao.xlsx"
    path.write_bytes(export_report(ctx, parse_week("2021-W41"), lang="vi").content)
    pdf = to_pdf(soffice, path, tmp_path / "pdf")
    pages = page_texts(pdf)
    if not pages:
        pytest.skip("pdftotext (poppler) is not installed")
    first = " ".join(pages[0].split())
    for text in ("TRUNG TÂM HÀNH CHÍNH", "CHỢ ĐỒN", "Mã điểm: BKN-CD-017", "THỦ TRƯỞNG ĐƠN VỊ"):
        assert text in first, text
    assert overlapping_words(pdf, 1) == []


def _forged(content: bytes, key: str, value: str) -> bytes:
    """``content`` with the document property ``desk_app.<key>`` set to ``value``."""

    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "docProps/custom.xml":
                pattern = rf'(name="desk_app\.{re.escape(key)}"[^>]*><vt:\w+[^>]*>)[^<]*<'
                text, count = re.subn(pattern, lambda m: m.group(1) + value + "<", data.decode())
                assert count == 1
                data = text.encode()
            target.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("scans", "1e400"),  # infinity
        ("scans", "99999999999999999999999"),  # more than any database column holds
        ("previous_scans", "inf"),
        ("qr_entries", "3000000000"),  # beyond a PostgreSQL integer
        ("format_version", "1e999"),
        ("made_at", "0001-01-01T00:00:00+14:00"),  # before the first day UTC can hold
    ],
)
def test_a_figure_no_unit_can_have_is_unreadable(sqlite_url: str, key: str, value: str) -> None:
    ctx = _unit(sqlite_url)
    content = export_report(ctx, parse_week("2021-W41")).content
    with pytest.raises(UnreadableReport) as caught:
        read_report(_forged(content, key, value))
    assert caught.value.reason == "bad_value"


def test_a_workbook_that_unpacks_to_a_hundred_megabytes_is_refused_unread(
    sqlite_url: str,
) -> None:
    """A damaged or forged report whose document properties unpack to a hundred megabytes
    (a few hundred kilobytes in the file) is refused from its size, before any is read."""
    import tracemalloc

    ctx = _unit(sqlite_url)
    content = export_report(ctx, parse_week("2021-W41")).content
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "docProps/custom.xml":
                data = data.replace(b"<Properties", b"<Properties" + b" " * 120_000_000, 1)
            target.writestr(item, data)
    forged = out.getvalue()
    assert len(forged) < 1_000_000
    tracemalloc.start()
    with pytest.raises(UnreadableReport) as caught:
        read_report(forged)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert caught.value.reason == "not_xlsx"
    assert peak < 50_000_000


def test_texts_longer_than_excel_keeps_in_a_property_are_read_whole(sqlite_url: str) -> None:
    ctx = _unit(sqlite_url)
    agency = "Ủy ban nhân dân huyện Chợ Đồn, tỉnh Bắc Kạn " * 8  # 360 characters
    name = ("UBND xã Đồng Lạc, huyện Chợ Đồn " * 10)[:300]  # the longest a unit name may be
    ctx.settings.set("unit.agency", agency.strip())
    ctx.settings.set("unit.name", name.strip())
    content = export_report(ctx, parse_week("2021-W41"), lang="vi").content
    custom = zipfile.ZipFile(io.BytesIO(content)).read("docProps/custom.xml").decode()

    values = re.findall(r"<vt:lpwstr[^>]*>([^<]*)</vt:lpwstr>", custom)
    assert values and max(len(v) for v in values) <= 255  # what Excel opens without repair
    report = read_report(content)
    assert report.unit_name == name.strip() and report.agency == agency.strip()
    assert report.unit_code == "BKN-CD-017"


def test_report_without_a_point_code_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desk_app.cli import main

    db = str(tmp_path / "log.sqlite3")
    args = ["--db", db, "report", "--week", "2021-W41", "--out", str(tmp_path / "a.xlsx")]
    assert main(["--lang", "vi", *args]) == 0
    err = capsys.readouterr().err
    assert "chưa đặt mã điểm" in err and "config set unit.code" in err
    assert main(["--db", db, "config", "set", "unit.code", "BKN-001"]) == 0
    capsys.readouterr()
    assert (
        main(["--db", db, "report", "--week", "2021-W41", "--out", str(tmp_path / "b.xlsx")]) == 0
    )
    assert "unit.code" not in capsys.readouterr().err
