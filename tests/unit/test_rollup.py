"""The province's roll-up, checked figure by figure against a province made by the program."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from desk_app.cli import main
from desk_app.domain.week import parse_week
from desk_app.rollup.collation import sort_key
from desk_app.rollup.letter import build_letter, vn_number, week_sentence
from desk_app.rollup.province import MISSING, REPORTED, ZERO, roll_up
from desk_app.rollup.register import RegisterError, parse_register, read_register
from desk_app.rollup.workbook import build_province_workbook
from desk_app.storage.database import Database
from tests.office import overlapping_words, page_texts, soffice_with, to_pdf
from tests.unit import province_fixture as pf


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> pf.Province:
    return pf.build(tmp_path_factory.mktemp("province"))


def _truth(province: pf.Province, week: str) -> dict[str, int]:
    return {code: unit.scans.get(week, 0) for code, unit in province.units.items()}


def test_vietnamese_order() -> None:
    names = ["Đồng Hỷ", "Ea Kar", "Bắc Sơn", "Ba Bể", "Ân Thi", "Dương Quang", "An Khê", "Ăn"]
    expected = ["An Khê", "Ăn", "Ân Thi", "Ba Bể", "Bắc Sơn", "Dương Quang", "Đồng Hỷ", "Ea Kar"]
    assert sorted(names, key=sort_key) == expected
    # Tones decide only between otherwise equal words: none, huyền, hỏi, ngã, sắc, nặng.
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(reversed(tones), key=sort_key) == tones
    assert sorted(["mạ", "mb"], key=sort_key) == ["mạ", "mb"]
    # Numbers in names as numbers.
    points = ["Điểm số 113", "Điểm số 17", "Điểm số 2", "Điểm số", "Đông Khê"]
    assert sorted(points, key=sort_key) == [
        "Điểm số",
        "Điểm số 2",
        "Điểm số 17",
        "Điểm số 113",
        "Đông Khê",
    ]
    # Decomposed (NFD) text sorts as composed text does.
    import unicodedata

    assert sort_key(unicodedata.normalize("NFD", "Đồng Hỷ")) == sort_key("Đồng Hỷ")


def test_register_headers_in_either_language() -> None:
    english = b"Code,Name,District,Type\nA-1,Point one,Ba Be,school\n"
    points = parse_register(english, "r.csv")
    assert [(p.code, p.name, p.district, p.type) for p in points] == [
        ("A-1", "Point one", "Ba Be", "school")
    ]
    vietnamese = "Danh sách điểm\n\nSTT;Mã;Tên;Quận/Huyện\n1;a-2;Điểm hai;Ba Bể\n".encode()
    assert [(p.code, p.district) for p in parse_register(vietnamese, "r.csv")] == [("A-2", "Ba Bể")]
    with pytest.raises(RegisterError, match="header"):
        parse_register(b"x,y\n1,2\n", "r.csv")
    with pytest.raises(RegisterError, match="A-1"):
        parse_register(english + b"A-1,again,Ba Be,\n", "r.csv")


def _windows_vietnamese(text: str) -> bytes:
    """``text`` as Excel saves "CSV" on a Vietnamese Windows: code page 1258, where letters
    keep their shape (â, ơ, đ) and tone marks follow them as separate characters."""
    import unicodedata

    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        shape = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(shape + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("encoding", ["cp1258", "utf-8-sig"])
def test_register_as_excel_saves_it_in_vietnamese(encoding: str) -> None:
    """ ";" between fields (the list separator where "," is the decimal mark), a title above
    the header, extra columns, an address full of commas beside the district."""
    text = (
        "DANH SÁCH ĐIỂM QUÉT MÃ QR;;;;;;\r\n"
        ";;;;;;\r\n"
        "STT;Mã điểm;Tên điểm;Địa chỉ;Huyện/Thành phố;Loại hình;Ghi chú\r\n"
        "1;BKN-001;UBND xã Ân Thi;Thôn Bản Mới, xã Ân Thi, huyện Ân Thi;Ân Thi;UBND xã;\r\n"
        "2;BKN-004;Bệnh viện Đồng Hỷ;Số 5, tổ 3, thị trấn Sông Cầu, Đồng Hỷ;Đồng Hỷ;"
        "Bệnh viện;mở 24/24, cả thứ Bảy, Chủ nhật\r\n"
    )
    content = _windows_vietnamese(text) if encoding == "cp1258" else text.encode(encoding)
    points = parse_register(content, "danh-sach.csv")
    assert [(p.code, p.name, p.district, p.type) for p in points] == [
        ("BKN-001", "UBND xã Ân Thi", "Ân Thi", "UBND xã"),
        ("BKN-004", "Bệnh viện Đồng Hỷ", "Đồng Hỷ", "Bệnh viện"),
    ]
    assert all(p.name == unicodedata.normalize("NFC", p.name) for p in points)


def test_register_xlsx_in_english_with_more_columns(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["No.", "Code", "Name", "Address", "District", "Type", "Notes"])
    ws.append([1, "bkn-010", "Ba Be post office", "1, Main street", "Ba Bể", "Post", "x"])
    wb.save(tmp_path / "points.xlsx")
    [point] = read_register(tmp_path / "points.xlsx")
    assert (point.code, point.name, point.district, point.type) == (
        "BKN-010",
        "Ba Be post office",
        "Ba Bể",
        "Post",
    )


@pytest.mark.parametrize(
    "header",
    [
        "Point code,Point name,District,Point type",
        "Unit code,Unit name,District name,Type",
        "Mã điểm,Tên điểm,Tên huyện,Loại hình",
        "STT,Mã huyện,Huyện,Mã điểm,Tên điểm",
        "Mã điểm,Tên điểm,Địa điểm,Quận/Huyện,Loại",
        "Code,Name,District code,District,Type",
        "STT,Mã điểm,Đơn vị,Huyện",
        "STT,Mã điểm,Cơ quan,Đơn vị hành chính,Huyện",
        "STT,Mã điểm,Cơ quan/Đơn vị,Huyện",
    ],
)
def test_register_headers_say_which_column_is_which(header: str) -> None:
    """A qualifier before an English head word ("Point code"), a district named after "Tên"
    ("Tên huyện"), and columns that only start like one ("Mã huyện" is the district's code,
    "Địa điểm" a place) are told apart."""
    columns = header.split(",")
    values = {
        "code": "BKN-001",
        "name": "UBND xã Ân Thi",
        "district": "Ân Thi",
        "type": "UBND xã",
    }
    others = {
        "STT": "1",
        "Mã huyện": "H01",
        "Địa điểm": "Thôn Bản Mới",
        "District code": "D01",
        "Đơn vị hành chính": "Xã Ân Thi",
    }
    which = {
        "Point code": "code", "Unit code": "code", "Mã điểm": "code", "Code": "code",
        "Point name": "name", "Unit name": "name", "Tên điểm": "name", "Name": "name",
        "District": "district", "District name": "district", "Tên huyện": "district",
        "Huyện": "district", "Quận/Huyện": "district",
        "Point type": "type", "Type": "type", "Loại hình": "type", "Loại": "type",
        "Đơn vị": "name", "Cơ quan": "name", "Cơ quan/Đơn vị": "name",
    }  # fmt: skip
    row = [others.get(c) or values[which[c]] for c in columns]
    content = f"{header}\n{','.join(row)}\n".encode()
    [point] = parse_register(content, "r.csv")
    expected_type = values["type"] if any(which.get(c) == "type" for c in columns) else ""
    assert (point.code, point.name, point.district, point.type) == (
        "BKN-001",
        "UBND xã Ân Thi",
        "Ân Thi",
        expected_type,
    )


def test_register_saved_as_unicode_text_by_excel() -> None:
    """Excel's "Unicode Text": UTF-16 with its byte-order mark, tabs between fields."""
    text = "Mã điểm\tTên điểm\tHuyện\tLoại\r\nBKN-001\tUBND xã Ân Thi\tÂn Thi\tUBND xã\r\n"
    for encoding in ("utf-16", "utf-16-be"):
        content = text.encode(encoding)
        if encoding == "utf-16-be":
            content = b"\xfe\xff" + content
        [point] = parse_register(content, "danh-sach.txt")
        assert (point.code, point.name, point.district) == ("BKN-001", "UBND xã Ân Thi", "Ân Thi")


def test_register_with_old_mac_line_ends() -> None:
    """Excel's "CSV (Macintosh)" ends lines with a carriage return alone."""
    content = "Mã điểm,Tên điểm,Huyện\rBKN-001,UBND xã Ân Thi,Ân Thi\rBKN-002,Chợ,Ba Bể\r"
    points = parse_register(content.encode("utf-8"), "r.csv")
    assert [(p.code, p.district) for p in points] == [("BKN-001", "Ân Thi"), ("BKN-002", "Ba Bể")]


def test_register_that_breaks_the_csv_reader_is_said_in_words() -> None:
    huge = b"x" * 200_000  # past the CSV reader's limit for one field
    with pytest.raises(RegisterError, match="register"):
        parse_register(b'Code,Name,District\nA-1,"' + huge + b'",Ba Be\n', "r.csv")
    with pytest.raises(RegisterError):
        parse_register("Mã;Tên;Huyện\n".encode("utf-16-le") + b"\x00\x00\x00", "r.csv")


def test_register_xlsx_with_the_list_on_another_sheet(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    guide = wb.active
    assert guide is not None
    guide.title = "Hướng dẫn"
    guide.append(["Danh sách điểm ở trang sau."])
    ws = wb.create_sheet("Danh sách")
    ws.append(["Mã điểm", "Tên điểm", "Huyện", "Loại"])
    ws.append(["BKN-002", "Trường THCS Ba Bể", "Ba Bể", "Trường học"])
    wb.save(tmp_path / "r.xlsx")
    [point] = read_register(tmp_path / "r.xlsx")
    assert (point.code, point.district) == ("BKN-002", "Ba Bể")


def test_register_from_xlsx(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Mã điểm", "Tên đơn vị", "Huyện", "Loại"])
    ws.append([101, "Điểm số", "Chợ Đồn", None])
    wb.save(tmp_path / "r.xlsx")
    [point] = read_register(tmp_path / "r.xlsx")
    assert (point.code, point.name, point.district, point.type) == ("101", "Điểm số", "Chợ Đồn", "")


def test_province_week_figure_by_figure(province: pf.Province, db_url: str) -> None:
    db = Database(db_url)
    register = read_register(province.register)
    w40 = roll_up(db, register, parse_week(pf.W40), [province.inbox[pf.W40]])
    truth40 = _truth(province, pf.W40)
    assert (w40.points, w40.reported, w40.zero, w40.missing) == (6, 3, 0, 3)
    assert w40.scans == truth40["BKN-001"] + truth40["BKN-002"] + truth40["BKN-003"] == 18
    assert w40.unmatched == ()

    result = roll_up(db, register, parse_week(pf.W41), [province.inbox[pf.W41]])
    truth41 = _truth(province, pf.W41)
    status = {row.point.code: row.status for row in result.rows}
    assert status == {
        "BKN-001": REPORTED,
        "BKN-002": ZERO,
        "BKN-003": MISSING,
        "BKN-004": MISSING,
        "BKN-005": REPORTED,
        "BKN-006": REPORTED,
    }
    scans = {row.point.code: row.scans for row in result.rows}
    assert scans == truth41  # the re-sent report of BKN-006 replaced the first one
    assert result.scans == sum(truth41.values()) == 20
    previous = {row.point.code: row.previous for row in result.rows}
    # Kept from last week's roll-up (1, 2, 3), or the unit's own previous-week figure (5, 6).
    assert (
        previous
        == truth40
        == {
            "BKN-001": 6,
            "BKN-002": 4,
            "BKN-003": 8,
            "BKN-004": 0,
            "BKN-005": 2,
            "BKN-006": 2,
        }
    )
    assert (result.points, result.reported, result.zero, result.missing) == (6, 4, 1, 2)
    assert (result.previous_scans, result.change) == (22, -2)
    by_hand = sum(unit.by_hand.get(pf.W41, 0) for unit in province.units.values())
    assert (result.by_code, result.by_hand) == (20 - by_hand, by_hand) == (18, 2)
    assert result.share_by_code == 90.0
    assert [d.district for d in result.districts] == pf.DISTRICT_ORDER
    dong_hy = next(d for d in result.districts if d.district == "Đồng Hỷ")
    assert (dong_hy.points, dong_hy.reported, dong_hy.missing, dong_hy.scans) == (2, 1, 1, 4)
    assert [r.point.code for r in result.with_status(MISSING)] == ["BKN-003", "BKN-004"]
    assert [r.point.code for r in result.ranked()][:3] == ["BKN-001", "BKN-005", "BKN-006"]

    unmatched = {Path(note.path).name: note.reason for note in result.unmatched}
    assert unmatched == province.unmatched_w41  # the PDF beside them is not a report
    assert {Path(n.path).name: n.reason for n in result.superseded} == {
        "u6-first.xlsx": "superseded"
    }
    assert result.files_read == 8 and result.files_new == 8

    # Reading the same files again changes nothing and reads none of them again.
    again = roll_up(db, register, parse_week(pf.W41), [province.inbox[pf.W41]])
    assert again.files_new == 0 and again.reports_kept == 0
    assert again.to_json() | {"files": None} == result.to_json() | {"files": None}

    # An older copy read after the re-sent report does not bring the old figure back.
    older = roll_up(db, register, parse_week(pf.W41), [province.inbox[pf.W41] / "u6-first.xlsx"])
    assert {r.point.code: r.scans for r in older.rows}["BKN-006"] == 4
    db.dispose()


def test_province_workbook_and_letter(province: pf.Province, tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'province.sqlite3'}")
    register = read_register(province.register)
    result = roll_up(db, register, parse_week(pf.W41), [province.inbox[pf.W41]])
    wb = load_workbook(io.BytesIO(build_province_workbook(result, lang="vi")))
    assert wb.sheetnames == [
        "Tổng hợp",
        "Theo huyện",
        "Báo cáo bằng 0",
        "Không báo cáo",
        "Xếp hạng",
        "Tệp không tính",
    ]
    summary = {
        str(row[0]): row[1]
        for row in wb["Tổng hợp"].iter_rows(min_row=9, max_col=2, values_only=True)
        if row[0]
    }
    assert summary["Số điểm quét mã"] == 6
    assert summary["Số điểm báo cáo bằng 0"] == 1
    assert summary["Số điểm không có số liệu báo cáo"] == 2
    assert summary["Lượt quét mã tuần này"] == 20
    # Nothing kept for W40: the units' own previous-week figures; BKN-003 sent nothing.
    assert summary["Lượt quét mã tuần trước"] == 6 + 4 + 0 + 0 + 2 + 2
    [chart] = wb["Tổng hợp"]._charts
    # This week and the previous one, per district, from By district's rows (totals aside).
    assert [(s.tx.strRef.f, s.val.numRef.f, s.cat.strRef.f) for s in chart.series] == [
        ("'Theo huyện'!G3", "'Theo huyện'!$G$4:$G$8", "'Theo huyện'!$B$4:$B$8"),
        ("'Theo huyện'!H3", "'Theo huyện'!$H$4:$H$8", "'Theo huyện'!$B$4:$B$8"),
    ]
    heads = next(wb["Theo huyện"].iter_rows(min_row=3, max_row=3, values_only=True))
    assert heads[6:8] == ("Lượt quét tuần này", "Tuần trước")
    # A page to sign: figures, chart, then who prepared it and the head of the department.
    page = wb["Tổng hợp"]
    texts = [c.value for row in page.iter_rows() for c in row if isinstance(c.value, str)]
    assert "NGƯỜI LẬP BÁO CÁO" in texts and "THỦ TRƯỞNG CƠ QUAN" in texts
    assert page.page_setup.fitToHeight == 1 and page.page_setup.orientation == "portrait"
    assert page.print_area is not None
    by_district = wb["Theo huyện"]
    totals = next(r for r in by_district.iter_rows(min_row=4) if r[1].value == "Toàn tỉnh")
    assert [c.number_format for c in totals[2:]] == ["#,##0"] * 6 + ["+#,##0;-#,##0;0"] + [
        "#,##0"
    ] * 2
    districts = [row[1] for row in wb["Theo huyện"].iter_rows(min_row=4, values_only=True)]
    assert districts == [*pf.DISTRICT_ORDER, "Toàn tỉnh"]
    missing = [row[1:4] for row in wb["Không báo cáo"].iter_rows(min_row=4, values_only=True)]
    assert missing == [
        ("BKN-003", "Chợ Bắc Sơn", "Bắc Sơn"),
        ("BKN-004", "Bệnh viện Đồng Hỷ", "Đồng Hỷ"),
    ]
    ranked = list(wb["Xếp hạng"].iter_rows(min_row=4, values_only=True))
    assert [r[1] for r in ranked] == ["BKN-001", "BKN-005", "BKN-006", *[r[1] for r in ranked[3:]]]
    assert len(ranked) == 6

    letter = Document(io.BytesIO(build_letter(result, lang="vi")))
    text = "\n".join(p.text for p in letter.paragraphs)
    cells = "\n".join(c.text for table in letter.tables for row in table.rows for c in row.cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
    assert "Độc lập - Tự do - Hạnh phúc" in cells
    assert (
        "Tuần từ 11 đến 17/10/2021 có 1 điểm quét mã số liệu báo cáo bằng 0; 2 điểm quét mã "
        "không có số liệu báo cáo. Tăng 6 lượt quét mã trong toàn tỉnh so với tuần trước đó."
    ) in text
    assert "Bệnh viện Đồng Hỷ" in cells  # the annex lists the points to call
    db.dispose()


def test_sentence_numbers_vietnamese_style(province: pf.Province, tmp_path: Path) -> None:
    from dataclasses import replace

    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    result = roll_up(db, read_register(province.register), parse_week(pf.W41), [])
    row = replace(result.rows[2], previous=6019 + 0)
    rows = (*result.rows[:2], row, *result.rows[3:])
    down = replace(result, rows=rows)
    assert vn_number(6019) == "6.019" and vn_number(1234567) == "1.234.567"
    assert down.change < 0
    assert f"Giảm {vn_number(-down.change)} lượt quét mã" in week_sentence(down, "vi")
    # The directive's own figures, in its own words.
    last = replace(result.rows[-1], previous=6019)
    big = replace(result, rows=(*result.rows[:-1], last))
    assert week_sentence(big, "vi").endswith(
        "Giảm 6.019 lượt quét mã trong toàn tỉnh so với tuần trước đó."
    )
    # The English text writes its thousands the English way.
    assert "against the week before: down 6,019." in week_sentence(big, "en")
    level = replace(result, rows=tuple(replace(r, previous=r.scans) for r in result.rows))
    assert week_sentence(level, "vi") == (
        "Tuần từ 11 đến 17/10/2021 có 0 điểm quét mã số liệu báo cáo bằng 0; 6 điểm quét mã "
        "không có số liệu báo cáo. Không thay đổi số lượt quét mã trong toàn tỉnh so với "
        "tuần trước đó."
    )
    # A week across two months names both.
    across = replace(level, period=parse_week("2021-W39"))
    assert week_sentence(across, "vi").startswith("Tuần từ 27/09 đến 03/10/2021 có 0 điểm")
    db.dispose()


def test_command_line_json(province: pf.Province, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    out, letter = tmp_path / "tinh.xlsx", tmp_path / "cong-van.docx"
    args = ["--db", url, "rollup", "--register", str(province.register), "--week"]
    assert main([*args, pf.W40, str(province.inbox[pf.W40]), "--json"]) == 0
    capsys.readouterr()
    code = main(
        [
            *args,
            pf.W41,
            "--out",
            str(out),
            "--letter",
            str(letter),
            "--json",
            str(province.inbox[pf.W41]),
        ]
    )
    assert code == 0
    figures = json.loads(capsys.readouterr().out)
    assert {k: figures[k] for k in ("week", "points", "reported", "zero", "missing")} == {
        "week": "2021-W41",
        "points": 6,
        "reported": 4,
        "zero": 1,
        "missing": 2,
    }
    assert (figures["scans"], figures["previous_scans"], figures["change"]) == (20, 22, -2)
    required = {"week", "points", "reported", "zero", "missing", "scans", "previous_scans"}
    assert required | {"change", "unmatched"} <= set(figures)
    for note in figures["unmatched"]:  # which file, why (a key and in words)
        assert {"file", "reason", "message"} <= set(note) and note["message"]
    assert sorted(u["reason"] for u in figures["unmatched"]) == [
        "not_xlsx",
        "other_week",
        "unknown_code",
    ]
    assert out.stat().st_size > 0 and letter.stat().st_size > 0

    assert main([*args, "2021-41x", str(province.inbox[pf.W41])]) == 1
    assert "2021-W41" in capsys.readouterr().err
    assert main([*args, pf.W41, "--out", str(tmp_path / "x.docx"), "nothing"]) == 1


@pytest.mark.parametrize("week", ["13/10/2021", "2021-10-17", " 2021-w41 ", "2021W41"])
def test_command_line_week_as_any_day_of_it(
    province: pf.Province, tmp_path: Path, capsys: pytest.CaptureFixture[str], week: str
) -> None:
    """The week as the window takes it, any day of it (Vietnamese or ISO date), or the ISO
    week written loosely: the same week 41."""
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    args = ["--db", url, "rollup", "--register", str(province.register), "--json"]
    assert main([*args, "--week", week, str(province.inbox[pf.W41])]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["week"], figures["first_day"], figures["scans"]) == (
        "2021-W41",
        "2021-10-11",
        20,
    )


@pytest.mark.parametrize("week", ["0001-W01", "9999-W52", "01/01/0001", "31/02/2021"])
def test_command_line_week_no_log_can_hold_is_said_in_words(
    province: pf.Province, tmp_path: Path, capsys: pytest.CaptureFixture[str], week: str
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    args = ["--db", url, "rollup", "--register", str(province.register), "--week", week]
    assert main([*args, str(province.inbox[pf.W41])]) == 1
    err = capsys.readouterr().err
    assert week in err
    assert "Traceback" not in err and "nexpected" not in err and "không mong muốn" not in err


@pytest.mark.parametrize(
    ("library", "name"), [("libsclo", "tinh.xlsx"), ("libswlo", "cong-van.docx")]
)
def test_libreoffice_opens_the_outputs(
    province: pf.Province, tmp_path: Path, library: str, name: str
) -> None:
    soffice = soffice_with(library)
    if soffice is None:
        pytest.skip(f"LibreOffice with {library} (Calc or Writer) is not installed")
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    result = roll_up(
        db, read_register(province.register), parse_week(pf.W41), [province.inbox[pf.W41]]
    )
    xlsx = name.endswith("xlsx")
    content = build_province_workbook(result, lang="vi") if xlsx else build_letter(result)
    (tmp_path / name).write_bytes(content)
    pdf = to_pdf(soffice, tmp_path / name, tmp_path / "pdf")
    pages = page_texts(pdf)
    if xlsx and pages:
        # The Summary is one page down to the signatures; By district starts the next one.
        assert "TỔNG HỢP KẾT QUẢ QUÉT MÃ QR" in pages[0]
        assert "THỦ TRƯỞNG CƠ QUAN" in pages[0] and "Ea Kar" in pages[0]  # the chart's
        assert "Theo huyện" not in pages[0] and "Theo huyện" in pages[1]
    db.dispose()


def test_a_long_department_name_keeps_the_summary_header_readable(
    province: pf.Province, tmp_path: Path
) -> None:
    soffice = soffice_with("libsclo")
    if soffice is None:
        pytest.skip("LibreOffice Calc (soffice) is not installed")
    from desk_app.context import AppContext

    db_url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    ctx = AppContext.open(db_url)
    ctx.settings.set("unit.agency", "Ủy ban nhân dân tỉnh Bắc Kạn")
    name = "Sở Thông tin và Truyền thông tỉnh Bắc Kạn - Trung tâm Công nghệ thông tin"
    ctx.settings.set("unit.name", name)
    result = roll_up(
        ctx.db, read_register(province.register), parse_week(pf.W41), [province.inbox[pf.W41]]
    )
    path = tmp_path / "tong-hop.xlsx"
    path.write_bytes(build_province_workbook(result, ctx.settings, lang="vi"))
    pdf = to_pdf(soffice, path, tmp_path / "pdf")
    pages = page_texts(pdf)
    if not pages:
        pytest.skip("pdftotext (poppler) is not installed")
    assert "TRUNG TÂM CÔNG NGHỆ" in pages[0] and "THỦ TRƯỞNG CƠ QUAN" in pages[0]
    assert overlapping_words(pdf, 1) == []
    ctx.close()


def test_mail_without_or_with_several_workbooks_is_listed(
    province: pf.Province, tmp_path: Path
) -> None:
    from email.message import EmailMessage

    # Two points' reports: one mail carrying both is not one report.
    workbooks = [
        (province.inbox[pf.W41] / "BKN-002.xlsx").read_bytes(),
        (province.inbox[pf.W41] / "xa-an-thi" / "bao-cao.xlsx").read_bytes(),
    ]
    kinds = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    def message(attachments: int) -> bytes:
        mail = EmailMessage()
        mail["Subject"] = "Báo cáo tuần"
        mail.set_content("Kính gửi Sở")
        for n in range(attachments):
            mail.add_attachment(
                workbooks[n], maintype=kinds[0], subtype=kinds[1], filename=f"{n}.xlsx"
            )
        return mail.as_bytes()

    folder = tmp_path / "thu"
    folder.mkdir()
    (folder / "khong-dinh-kem.eml").write_bytes(message(0))
    (folder / "hai-tep.eml").write_bytes(message(2))
    (folder / "mot-tep.eml").write_bytes(message(1))
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    result = roll_up(db, read_register(province.register), parse_week(pf.W41), [folder])
    reasons = {Path(n.path).name: n.reason for n in result.unmatched}
    assert reasons == {
        "khong-dinh-kem.eml": "no_attachment",
        "hai-tep.eml": "several_attachments",
    }
    assert result.reported == 1 and result.zero == 1  # the one attached: BKN-002, zero
    db.dispose()


def test_empty_files_are_listed_as_empty(province: pf.Province, tmp_path: Path) -> None:
    """A file of no bytes (a download or a save that failed) is said to be empty, whatever
    its ending: not "not an e-mail" because an empty .eml was read first."""
    folder = tmp_path / "thu"
    folder.mkdir()
    for name in ("a.eml", "b.xlsx", "c.XLSX"):
        (folder / name).write_bytes(b"")
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    register = read_register(province.register)
    for _ in range(2):  # and again, once they are known
        result = roll_up(db, register, parse_week(pf.W41), [folder])
        reasons = {Path(n.path).name: n.reason for n in result.unmatched}
        assert reasons == {"a.eml": "empty", "b.xlsx": "empty", "c.XLSX": "empty"}
        assert all(n.message("vi") == "Tệp rỗng (0 byte)" for n in result.unmatched)
    db.dispose()


def test_reports_in_a_form_that_cannot_be_read_are_listed(
    province: pf.Province, tmp_path: Path
) -> None:
    """In a folder, an old Excel file, another spreadsheet or an e-mail saved by Outlook is a
    report that did not arrive as one: it is listed. A PDF beside a workbook is not."""
    folder = tmp_path / "thu"
    folder.mkdir()
    (folder / "bao-cao.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    (folder / "bao-cao.ods").write_bytes(b"PK\x03\x04 an OpenDocument spreadsheet")
    (folder / "thu-don-vi.msg").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\1" * 504)
    (folder / "trang-ky.pdf").write_bytes(b"%PDF-1.4 the page to sign")
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    result = roll_up(db, read_register(province.register), parse_week(pf.W41), [folder])
    reasons = {Path(n.path).name: n.reason for n in result.unmatched}
    assert reasons == {
        "bao-cao.xls": "not_xlsx",
        "bao-cao.ods": "not_xlsx",
        "thu-don-vi.msg": "outlook_msg",
    }
    outlook = next(n for n in result.unmatched if n.reason == "outlook_msg")
    assert ".eml" in outlook.message("vi") and ".eml" in outlook.message("en")
    db.dispose()


def test_every_code_listed_twice_is_named_at_once() -> None:
    rows = ["code,name,district,type"]
    rows += [f"P-{n:02d},Point {n},Ba Be," for n in range(30)]
    rows += [f"P-{n:02d},Again {n},Ba Be," for n in (3, 7)]
    with pytest.raises(RegisterError) as caught:
        parse_register("\n".join(rows).encode(), "r.csv")
    message = str(caught.value)
    assert "P-03" in message and "P-07" in message and "line 33" in message
    many = rows[:31] + [f"P-{n:02d},Again,Ba Be," for n in range(25)]
    with pytest.raises(RegisterError) as caught:
        parse_register("\n".join(many).encode(), "r.csv")
    assert "P-19" in str(caught.value) and "P-20" not in str(caught.value)
    assert "5 more" in str(caught.value)


def test_points_without_a_district_are_counted_under_a_name(
    province: pf.Province, tmp_path: Path
) -> None:
    from dataclasses import replace

    db = Database(f"sqlite:///{tmp_path / 'province.sqlite3'}")
    register = [
        replace(p, district="") if p.code == "BKN-001" else p
        for p in read_register(province.register)
    ]
    result = roll_up(db, register, parse_week(pf.W41), [province.inbox[pf.W41]])
    for lang, label in (("vi", "(chưa ghi huyện)"), ("en", "(no district given)")):
        wb = load_workbook(io.BytesIO(build_province_workbook(result, lang=lang)))
        names = [row[1] for row in wb.worksheets[1].iter_rows(min_row=4, values_only=True)]
        assert label in names and "" not in names and None not in names[: len(result.districts)]
