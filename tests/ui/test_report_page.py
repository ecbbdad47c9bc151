"""The unit's weekly report as one A4 page to sign, written with Qt's PDF writer."""

from __future__ import annotations

import email
import io
import subprocess
from datetime import date
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

from pytestqt.qtbot import QtBot

from desk_app.cli import main
from desk_app.context import AppContext
from desk_app.domain.week import parse_week
from desk_app.printing.output import pdf_bytes
from desk_app.printing.report_page import report_document
from desk_app.reports.weekly import compute
from desk_app.reports.workbook import UnitInfo
from tests.office import overlapping_words
from tests.ui.print_checks import need_poppler
from tests.unit.test_weekly import seed

UNIT = UnitInfo(
    agency="Sở Thông tin và Truyền thông",
    name="Trung tâm Công nghệ thông tin",
    place="Bắc Kạn",
    code="BKN-0042",
)


def _pdf_text(pdf: Path) -> tuple[int, str]:
    need_poppler()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True).stdout
    pages = int(next(line for line in info.decode().splitlines() if line.startswith("Pages:"))[6:])
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return pages, text.stdout.decode("utf-8")


def test_one_a4_page_with_header_figures_chart_and_signatures(
    qtbot: QtBot, sqlite_url: str, tmp_path: Path
) -> None:
    ctx = AppContext.open(sqlite_url)
    seed(ctx.log)
    figures = compute(ctx.db, parse_week("2021-W41"))
    document = report_document(figures, UNIT, lang="vi", made_on=date(2021, 10, 22))
    assert (document.width_mm, document.height_mm, document.page_count) == (210.0, 297.0, 1)
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(pdf_bytes(document))
    pages, text = _pdf_text(pdf)
    assert pages == 1
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TRUNG TÂM CÔNG NGHỆ THÔNG TIN",
        "Bắc Kạn, ngày 22 tháng 10 năm 2021",
        "Mã điểm: BKN-0042",
        "Tuần từ 11 đến 17/10/2021",
        "Lượt vào và ra theo ngày",
        "NGƯỜI LẬP BÁO CÁO",
        "THỦ TRƯỞNG ĐƠN VỊ",
    ):
        assert expected in text, expected
    scans_line = next(line for line in text.splitlines() if "Tổng số lượt quét" in line)
    assert scans_line.split()[-4:] == [str(figures.scans), "3", "+14", "+466.7"]
    ctx.close()


LONG = UnitInfo(
    agency="Sở Thông tin và Truyền thông tỉnh Bắc Kạn",
    name="Trung tâm Hành chính công và Xúc tiến đầu tư tỉnh Bắc Kạn - Chi nhánh huyện Chợ Đồn",
    place="Bắc Kạn",
    code="BKN-0999",
)


def test_a_long_unit_name_does_not_run_into_the_point_code(
    qtbot: QtBot, sqlite_url: str, tmp_path: Path
) -> None:
    ctx = AppContext.open(sqlite_url)
    seed(ctx.log)
    figures = compute(ctx.db, parse_week("2021-W41"))
    document = report_document(figures, LONG, lang="vi", made_on=date(2021, 10, 22))
    assert document.page_count == 1
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(pdf_bytes(document))
    pages, text = _pdf_text(pdf)
    assert pages == 1
    assert "Mã điểm: BKN-0999" in text and "THỦ TRƯỞNG ĐƠN VỊ" in text
    assert overlapping_words(pdf) == []
    ctx.close()


def test_report_command_writes_the_pdf_and_the_mail_carries_it(
    qtbot: QtBot, sqlite_url: str, tmp_path: Path
) -> None:
    ctx = AppContext.open(sqlite_url)
    seed(ctx.log)
    ctx.settings.set("unit.name", UNIT.name)
    ctx.settings.set("mail.sender", "bao.cao@donvi.vn")
    ctx.close()
    out, pdf, eml = tmp_path / "r.xlsx", tmp_path / "r.pdf", tmp_path / "r.eml"
    args = ["--db", sqlite_url, "report", "--week", "2021-W41", "--out", str(out)]
    assert main([*args, "--pdf", str(pdf), "--eml", str(eml)]) == 0
    pages, text = _pdf_text(pdf)
    assert pages == 1 and "TRUNG TÂM CÔNG NGHỆ THÔNG TIN" in text
    message = email.message_from_bytes(eml.read_bytes(), policy=default_policy)
    assert isinstance(message, EmailMessage)
    names = [part.get_filename() for part in message.iter_attachments()]
    assert names == ["bao-cao-ra-vao-2021-W41.xlsx", "bao-cao-ra-vao-2021-W41.pdf"]
    assert main([*args, "--pdf", str(tmp_path / "r.png")]) == 1  # wrong extension, said so


def test_the_english_page_has_the_workbook_s_header(
    qtbot: QtBot, sqlite_url: str, tmp_path: Path
) -> None:
    """The page to sign and the Summary sheet of an English report carry the same header:
    the motto in the report's language, as the workbook writes it."""
    from openpyxl import load_workbook

    from desk_app.i18n.official import motto
    from desk_app.reports.workbook import build_workbook

    ctx = AppContext.open(sqlite_url)
    seed(ctx.log)
    figures = compute(ctx.db, parse_week("2021-W41"))
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(
        pdf_bytes(report_document(figures, UNIT, lang="en", made_on=date(2021, 10, 22)))
    )
    _, text = _pdf_text(pdf)
    summary = load_workbook(io.BytesIO(build_workbook(figures, [], UNIT, lang="en"))).worksheets[0]
    nation, words = motto("en")
    assert (summary["C1"].value, summary["C2"].value) == (nation, words)
    assert nation in text and words in text
    assert "CỘNG HÒA" not in text
    ctx.close()


def test_a_quarter_s_day_labels_do_not_run_together(
    qtbot: QtBot, sqlite_url: str, tmp_path: Path
) -> None:
    """A report for a quarter (report --from --to) has 92 days: the chart labels as many as
    fit, one under another's place never."""
    from desk_app.domain.week import date_range

    ctx = AppContext.open(sqlite_url)
    seed(ctx.log)
    figures = compute(ctx.db, date_range(date(2021, 9, 1), date(2021, 11, 30)))
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(pdf_bytes(report_document(figures, UNIT, lang="vi", made_on=date(2021, 12, 1))))
    pages, text = _pdf_text(pdf)
    assert pages == 1
    assert overlapping_words(pdf) == []
    assert "01/09" in text  # the first day is labelled
    ctx.close()
