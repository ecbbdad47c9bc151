"""Staff cards: the list import (bad rows by line), the sheet, its codes and revoked cards."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook

from desk_app.cli import main
from desk_app.context import AppContext
from desk_app.domain.payloads import CodeKind
from desk_app.domain.visits import Outcome
from desk_app.printing import cards
from desk_app.printing.cards import (
    CARD_H,
    CARD_W,
    LEFT,
    TOP,
    cards_document,
    staff_cards,
)
from desk_app.printing.output import PrintError, write_pdf
from desk_app.printing.poster import UnitDetails
from desk_app.staff_list import StaffListError, import_staff, read_staff_file
from tests.ui.print_checks import (
    dark_box,
    module_px,
    pdf_fonts,
    pdf_pages,
    pdf_text,
    px_to_mm,
    quiet_zone_clean,
    rasterise,
    unit_context,
    zbar_texts,
    zxing_codes,
)

DPI = 200
GOOD_AND_BAD = (
    "Mã số,Họ và tên,Chức vụ,Phòng ban\n"
    "NV001,Nguyễn Văn An,Giám đốc,Ban Giám đốc\n"
    "NV002,,Chuyên viên,Văn phòng\n"
    ",Lê Văn Cường,Bảo vệ,\n"
    'NV004,"Trần Thị\nBình",Kế toán,Văn phòng\n'
    "NV001,Trùng Mã,,\n"
    "\n"
    f"NV008,{'Dài' * 80},,\n"
    "NV009,Phạm Minh Đức,Văn thư,Văn phòng\n"
)


@pytest.fixture
def ctx(sqlite_url: str, qapp: object) -> AppContext:
    return unit_context(sqlite_url)


def _people(count: int) -> list[tuple[str, str, str, str]]:
    names = [
        "Nguyễn Văn An",
        "Trần Thị Bích Ngọc",
        "Lê Hoàng Phương",
        "Phạm Đức Thắng",
        "Hoàng Thị Mai",
        "Đặng Quốc Bảo",
        "Vũ Thị Hằng",
        "Bùi Xuân Trường",
        "Ngô Thanh Tâm",
        "Đỗ Minh Khôi",
        "Tôn Nữ Hoàng Phương Thảo",
        "Lý Gia Hân",
    ]
    return [
        (f"NV{i + 1:03d}", names[i % len(names)], "Chuyên viên", "Văn phòng Sở")
        for i in range(count)
    ]


def test_csv_rows_are_imported_and_bad_ones_reported_by_line(
    ctx: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "staff.csv"
    path.write_text(GOOD_AND_BAD, encoding="utf-8")
    result = import_staff(ctx, path)
    assert [(r.line, r.staff_id) for r in result.rows] == [
        (2, "NV001"),
        (5, "NV004"),
        (10, "NV009"),
    ]
    # The quoted name spans lines 5-6, so the repeated ID is on line 7 and the long name on 9.
    assert [line for line, _problem in result.problems] == [3, 4, 7, 9]
    assert "no name" in result.problems[0][1]
    assert "no staff ID" in result.problems[1][1]
    assert "repeats line 2" in result.problems[2][1]
    assert "too long" in result.problems[3][1]
    assert result.messages()[0] == "Line 3: no name"
    assert [m.staff_id for m in ctx.log.staff()] == ["NV001", "NV004", "NV009"]
    assert ctx.log.staff()[1].name == "Trần Thị Bình"


def _windows_1258(text: str) -> bytes:
    """As Windows writes Vietnamese in code page 1258: letters composed, tone marks apart."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def test_excel_csv_in_the_windows_code_page_with_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "staff.csv"
    path.write_bytes(_windows_1258("ma_so;ho_ten;chuc_vu\r\nNV010;Vũ Thị Hằng;Thủ quỹ\r\n"))
    result = read_staff_file(path)
    assert [(r.staff_id, r.name, r.title) for r in result.rows] == [
        ("NV010", "Vũ Thị Hằng", "Thủ quỹ")
    ]


def test_xlsx_rows_are_imported_and_bad_ones_reported_by_row(
    ctx: AppContext, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ("Staff ID", "Name", "Title", "Department"),
        (1001, "Nguyễn Văn An", "Giám đốc", None),
        (1002.0, None, "Chuyên viên", None),
        (None, None, None, None),
        ("NV-3", "Lê Văn Cường", None, "Bảo vệ"),
        (1001, "Trùng", None, None),
    ):
        sheet.append(list(row))
    path = tmp_path / "staff.xlsx"
    book.save(path)
    result = import_staff(ctx, path)
    assert [(r.line, r.staff_id) for r in result.rows] == [(2, "1001"), (5, "NV-3")]
    assert [line for line, _ in result.problems] == [3, 6]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("staff.csv", "a,b\n1,2\n", "first row must be a header"),
        ("staff.txt", "x", "must be a .csv or .xlsx"),
        ("staff.xlsx", "not a workbook", "Cannot read the list"),
    ],
)
def test_unusable_lists_are_refused_with_a_message(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StaffListError, match=message):
        read_staff_file(path)


def test_a_sheet_holds_ten_cards_whose_codes_read_back(ctx: AppContext, tmp_path: Path) -> None:
    for staff_id, name, title, department in _people(12):
        ctx.log.upsert_staff(staff_id, name, title, department)
    document = cards_document(staff_cards(ctx), UnitDetails.from_settings(ctx.settings))
    out = write_pdf(document, tmp_path / "cards.pdf")
    pages, width, height = pdf_pages(out)
    assert (pages, round(width), round(height)) == (2, 210, 297)

    image = rasterise(out, DPI, page=1)
    found = zxing_codes(image)
    assert len(found) == 10
    assert sorted(zbar_texts(image)) == sorted(f.text for f in found)
    ids = set()
    for code in found:
        identity = ctx.parse(code.text)
        assert identity.kind is CodeKind.STAFF
        ids.add(identity.id_number)
        # Each code sits inside its own card, clear of the cut lines by the safe margin.
        x_mm, y_mm = px_to_mm(code.left, DPI), px_to_mm(code.top, DPI)
        column, row = int((x_mm - LEFT) // CARD_W), int((y_mm - TOP) // CARD_H)
        assert 0 <= column < 2 and 0 <= row < 5
        assert x_mm - (LEFT + column * CARD_W) > 3
        assert LEFT + (column + 1) * CARD_W - px_to_mm(code.right, DPI) > 3.5
        assert y_mm - (TOP + row * CARD_H) > 3.5
        assert TOP + (row + 1) * CARD_H - px_to_mm(code.bottom, DPI) > 3.5
        box = dark_box(image, code)
        assert quiet_zone_clean(image, box, int(4 * module_px(image, box)) - 2)
    assert ids == {f"NV{i:03d}" for i in range(1, 11)}
    assert len(zxing_codes(rasterise(out, DPI, page=2))) == 2

    text = " ".join(pdf_text(out).split())
    assert "Tôn Nữ Hoàng Phương Thảo" in text and "THẺ NHÂN VIÊN" in text
    assert all(emb == "yes" for _name, emb in pdf_fonts(out))


def _dark(image: np.ndarray, x_mm: float, y_mm: float) -> bool:
    """A dark pixel within a quarter millimetre of a point."""
    k = DPI / 25.4
    x, y, r = round(x_mm * k), round(y_mm * k), max(1, round(0.25 * k))
    return bool((image[y - r : y + r + 1, x - r : x + r + 1] < 128).any())


def test_crop_marks_sit_on_the_cut_lines_outside_the_cards(ctx: AppContext, tmp_path: Path) -> None:
    for staff_id, name, title, department in _people(10):
        ctx.log.upsert_staff(staff_id, name, title, department)
    document = cards_document(staff_cards(ctx), UnitDetails.from_settings(ctx.settings))
    image = rasterise(write_pdf(document, tmp_path / "cards.pdf"), DPI)
    xs = [LEFT + i * CARD_W for i in range(3)]
    ys = [TOP + i * CARD_H for i in range(6)]
    for x in xs:
        assert _dark(image, x, TOP - 4.5) and _dark(image, x, ys[-1] + 4.5)
        assert not _dark(image, x, TOP - 0.8)  # the mark stops short of the card
    for y in ys:
        assert _dark(image, LEFT - 4.5, y) and _dark(image, xs[-1] + 4.5, y)
        assert not _dark(image, LEFT - 0.8, y)
    # No mark (and nothing else) in the margins between the cut lines.
    assert not _dark(image, LEFT - 4.5, TOP + CARD_H / 2)
    assert not _dark(image, LEFT + CARD_W / 2, TOP - 4.5)


def test_a_revoked_card_is_refused_and_no_longer_printed(ctx: AppContext) -> None:
    ctx.log.upsert_staff("NV001", "Nguyễn Văn An", "Giám đốc")
    ctx.log.upsert_staff("NV002", "Trần Thị Bình", "Kế toán")
    printed = {card.staff_id: card.payload for card in staff_cards(ctx)}
    assert ctx.log.record_scan(ctx.parse(printed["NV002"])).outcome is Outcome.ENTRY
    assert ctx.log.revoke_staff("NV001", "Mất thẻ")
    result = ctx.log.record_scan(ctx.parse(printed["NV001"]))
    assert result.outcome is Outcome.REJECTED
    assert result.reason == "staff_revoked"
    assert [card.staff_id for card in staff_cards(ctx)] == ["NV002"]


def test_a_card_of_another_unit_is_refused(ctx: AppContext, tmp_path: Path) -> None:
    other = unit_context(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    other.log.upsert_staff("NV001", "Nguyễn Văn An")
    payload = staff_cards(other)[0].payload
    result = ctx.log.record_scan(ctx.parse(payload))
    assert (result.outcome, result.reason) == (Outcome.REJECTED, "other_unit")


def test_command_line_import_print_list_and_revoke(
    ctx: AppContext, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text(GOOD_AND_BAD, encoding="utf-8")
    out = tmp_path / "cards.pdf"
    db = ["--db", sqlite_url]
    # Some rows were bad: the cards of the good ones are printed, and the exit code says so.
    assert main([*db, "cards", "--out", str(out), "--staff", str(staff)]) == 2
    captured = capsys.readouterr()
    assert "Line 3: no name" in captured.err and "Line 9:" in captured.err
    assert "3 staff cards, 1 pages" in captured.out
    printed = {ctx.parse(f.text).id_number: f.text for f in zxing_codes(rasterise(out, DPI))}
    assert set(printed) == {"NV001", "NV004", "NV009"}

    assert main([*db, "staff", "revoke", "NV004", "--reason", "Nghỉ việc"]) == 0
    # The card already printed is refused from now on; the others still work.
    refused = ctx.log.record_scan(ctx.parse(printed["NV004"]))
    assert (refused.outcome, refused.reason) == (Outcome.REJECTED, "staff_revoked")
    assert ctx.log.record_scan(ctx.parse(printed["NV001"])).outcome is Outcome.ENTRY
    assert main([*db, "staff", "revoke", "NV004"]) == 1
    assert "No valid card with staff ID NV004" in capsys.readouterr().err
    assert main([*db, "staff", "list"]) == 0
    listed = capsys.readouterr().out
    assert "NV001" in listed and "NV004" not in listed
    assert main([*db, "staff", "list", "--all"]) == 0
    assert "Nghỉ việc" in capsys.readouterr().out
    assert main([*db, "cards", "--out", str(out)]) == 0
    assert len(zxing_codes(rasterise(out, DPI))) == 2


def test_no_staff_no_sheet(ctx: AppContext) -> None:
    with pytest.raises(PrintError, match="No staff"):
        cards.cards_document([], UnitDetails.from_settings(ctx.settings))


def test_a_long_title_does_not_shrink_the_code_below_a_webcams_reach(
    ctx: AppContext, tmp_path: Path
) -> None:
    title = "Phó Trưởng phòng phụ trách Công nghệ thông tin, Chuyển đổi số và An toàn thông tin"
    ctx.log.upsert_staff("NV001", "Tôn Nữ Hoàng Phương Thảo Nguyên", title, "Văn phòng Sở")
    document = cards_document(staff_cards(ctx), UnitDetails.from_settings(ctx.settings))
    image = rasterise(write_pdf(document, tmp_path / "card.pdf"), 300)
    found = zxing_codes(image)
    assert len(found) == 1
    assert ctx.parse(found[0].text).name == "Tôn Nữ Hoàng Phương Thảo Nguyên"
    assert px_to_mm(module_px(image, dark_box(image, found[0])), 300) >= 0.7
    assert title in " ".join(pdf_text(tmp_path / "card.pdf").split())
