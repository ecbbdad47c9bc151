"""The roll-up given what a department really has: a register kept in Excel, reports that
arrived by forwarded mail or in an archive."""

from __future__ import annotations

import io
import json
import os
import sys
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from openpyxl import Workbook

from desk_app.cli import main
from desk_app.domain.week import parse_week
from desk_app.rollup.province import MISSING, REPORTED, roll_up
from desk_app.rollup.register import RegisterError, parse_register, read_register
from desk_app.storage.database import Database
from tests.unit import province_fixture as pf

XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
FRIDAY = datetime(2021, 10, 15, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Week 41's reports of two points whose codes are digits with leading zeros."""
    root = tmp_path_factory.mktemp("numbered")
    inbox = root / "inbox"
    reports: dict[str, Path] = {}
    for code, visits in (("00123", 2), ("0456", 1)):
        unit = pf.make_unit(root, code, f"Điểm {code}")
        for day in range(visits):
            pf.visit(unit, pf.W41, day)
        reports[code] = pf.export(unit, pf.W41, inbox / f"{code}.xlsx", FRIDAY)
        unit.ctx.close()
    return reports


def _xlsx(rows: list[list[object]], code_format: str | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    if code_format is not None:
        for cell in ws["A"][1:]:
            cell.number_format = code_format
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_register_xlsx_keeps_the_leading_zeros_its_cells_show() -> None:
    """A code typed in Excel as 00123 is kept as the number 123 shown through the format
    "00000": the register reads what the cell shows."""
    content = _xlsx(
        [
            ["Mã điểm", "Tên điểm", "Huyện"],
            [123, "Điểm 00123", "Ba Bể"],
            [456, "Điểm 0456", "Ba Bể"],
        ],
        code_format="00000",
    )
    assert [p.code for p in parse_register(content, "r.xlsx")] == ["00123", "00456"]


@pytest.mark.parametrize("kept_as", ["csv", "xlsx"])
def test_points_match_a_register_that_lost_the_leading_zeros(
    numbered: dict[str, Path], tmp_path: Path, kept_as: str
) -> None:
    """Excel turns the code 00123 into 123 when it saves a CSV, or when the cell is a plain
    number: the unit's report of 00123 is the register's point 123, not an unknown code."""
    rows = [
        ["Mã điểm", "Tên điểm", "Huyện"],
        ["123", "Điểm 123", "Ba Bể"],
        [456, "Điểm 456", "Ba Bể"],
    ]
    if kept_as == "csv":
        register = tmp_path / "r.csv"
        register.write_text("\n".join(",".join(str(v) for v in row) for row in rows) + "\n")
    else:
        register = tmp_path / "r.xlsx"
        register.write_bytes(_xlsx(rows))
    points = read_register(register)
    assert [p.code for p in points] == ["123", "456"]
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    result = roll_up(db, points, parse_week(pf.W41), [numbered["00123"].parent])
    assert result.unmatched == ()
    assert {r.point.code: (r.status, r.scans) for r in result.rows} == {
        "123": (REPORTED, 4),
        "456": (REPORTED, 2),
    }
    # A code of other digits is still another point.
    other = roll_up(db, parse_register(b"Code,Name,District\n1230,A,B\n", "r.csv"),
                    parse_week(pf.W41), [numbered["00123"]])  # fmt: skip
    assert [r.status for r in other.rows] == [MISSING]
    assert [(n.reason, n.code) for n in other.unmatched] == [("unknown_code", "00123")]
    db.dispose()


def _mail(*parts: bytes | EmailMessage, subject: str = "Báo cáo tuần") -> EmailMessage:
    mail = EmailMessage()
    mail["Subject"] = subject
    mail["From"] = "van.thu@huyen.gov.vn"
    mail.set_content("Kính gửi Sở")
    for n, part in enumerate(parts):
        if isinstance(part, EmailMessage):
            mail.add_attachment(part)  # a message forwarded as an attachment
        else:
            mail.add_attachment(part, maintype=XLSX[0], subtype=XLSX[1], filename=f"{n}.xlsx")
    return mail


def test_a_forwarded_mail_and_a_mail_with_another_workbook_are_read(
    numbered: dict[str, Path], tmp_path: Path
) -> None:
    """A report forwarded with the original message (the workbook inside it and attached
    again), or sent beside a workbook that is no report (a staff list), is the one report;
    two reports in one mail are still listed."""
    report = numbered["00123"].read_bytes()
    other = _xlsx([["Họ tên", "Chức vụ"], ["Nguyễn Văn A", "Bảo vệ"]])
    folder = tmp_path / "thu"
    folder.mkdir()
    original = _mail(report, subject="Báo cáo tuần 41")
    forwarded = _mail(report, original, subject="Fwd: Báo cáo tuần 41")
    (folder / "chuyen-tiep.eml").write_bytes(forwarded.as_bytes())
    (folder / "kem-danh-sach.eml").write_bytes(
        _mail(other, numbered["0456"].read_bytes()).as_bytes()
    )
    (folder / "hai-bao-cao.eml").write_bytes(
        _mail(report, numbered["0456"].read_bytes()).as_bytes()
    )
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    register = parse_register(b"Code,Name,District\n00123,A,B\n0456,C,D\n", "r.csv")
    result = roll_up(db, register, parse_week(pf.W41), [folder])
    assert {Path(n.path).name: n.reason for n in result.unmatched} == {
        "hai-bao-cao.eml": "several_attachments"
    }
    assert {r.point.code: (r.status, r.scans) for r in result.rows} == {
        "00123": (REPORTED, 4),
        "0456": (REPORTED, 2),
    }
    db.dispose()


def test_an_archive_of_reports_is_listed_not_skipped(
    numbered: dict[str, Path], tmp_path: Path
) -> None:
    """Webmail's "download all attachments" gives a .zip: in a folder, or given itself, it
    is listed with what to do, never skipped in silence."""
    import zipfile

    folder = tmp_path / "thu"
    folder.mkdir()
    with zipfile.ZipFile(folder / "tat-ca-tep-dinh-kem.zip", "w") as archive:
        for path in numbered.values():
            archive.write(path, path.name)
    (folder / "bao-cao.rar").write_bytes(b"Rar!\x1a\x07\x01\x00 reports")
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    register = parse_register(b"Code,Name,District\n00123,A,B\n0456,C,D\n", "r.csv")
    for inputs in ([folder], [folder / "tat-ca-tep-dinh-kem.zip"]):
        result = roll_up(db, register, parse_week(pf.W41), inputs)
        reasons = {Path(n.path).name: n.reason for n in result.unmatched}
        assert set(reasons.values()) == {"archive"}
        assert "tat-ca-tep-dinh-kem.zip" in reasons
        assert all(
            ".zip" in n.message("vi") and ".zip" in n.message("en") for n in result.unmatched
        )
    db.dispose()


@pytest.mark.parametrize(
    "header",
    [
        "STT,Mã ĐVHC,Mã điểm,Tên điểm,Huyện",
        "Mã tỉnh,Mã xã,Tên xã,Mã điểm,Tên điểm,Huyện",
        "Mã phường,Tên phường,Mã điểm,Tên điểm,Quận",
        "Province code,Commune code,Commune name,Point code,Point name,District",
        "Ward name,Code,Name,District",
    ],
)
def test_register_columns_of_the_commune_or_province_are_not_the_points(header: str) -> None:
    """Government lists carry the administrative unit's code and name ("Mã ĐVHC", "Mã xã",
    "Tên xã") before the point's: they are not the point's code or name."""
    values = {"code": "BKN-001", "name": "UBND xã Ân Thi", "district": "Ân Thi"}
    row = []
    for column in header.split(","):
        words = column.lower().split()
        if column in ("Mã điểm", "Point code", "Code"):
            row.append(values["code"])
        elif column in ("Tên điểm", "Point name", "Name"):
            row.append(values["name"])
        elif column in ("Huyện", "Quận", "District"):
            row.append(values["district"])
        else:
            row.append("0" + str(len(words)) if "code" in words or "mã" in words else "Khác")
    [point] = parse_register(f"{header}\n{','.join(row)}\n".encode(), "r.csv")
    assert (point.code, point.name, point.district) == ("BKN-001", "UBND xã Ân Thi", "Ân Thi")


def test_register_of_communes_named_by_the_commune_columns() -> None:
    """A register whose points are the communes themselves may have no other code or name."""
    [point] = parse_register("Mã xã,Tên xã,Huyện\nX-01,UBND xã Ân Thi,Ân Thi\n".encode(), "r.csv")
    assert (point.code, point.name, point.district) == ("X-01", "UBND xã Ân Thi", "Ân Thi")


def test_one_district_however_its_name_was_typed(tmp_path: Path) -> None:
    """A register put together from several lists spells a district several ways: the old
    and new tone placement ("Hoà"/"Hòa"), capitals, and the look-alike "Ð" (U+00D0) that
    converted legacy text gives for "Đ". Each district is one row, under its most used
    spelling, in Vietnamese order."""
    text = (
        "Mã điểm;Tên điểm;Huyện\n"
        "P-1;Chợ Hòa An;Hòa An\n"
        "P-2;Trường Hoà An;Hoà An\n"
        "P-3;UBND Hòa An;Hòa An\n"
        "P-4;Bệnh viện;HÒA AN\n"
        "P-5;Bưu điện;\u00d0ồng Hỷ\n"
        "P-6;UBND;Đồng Hỷ\n"
        "P-7;Chợ;Ea Kar\n"
    )
    register = parse_register(text.encode(), "r.csv")
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    result = roll_up(db, register, parse_week(pf.W41), [])
    assert [(d.district, d.points) for d in result.districts] == [
        ("Đồng Hỷ", 2),
        ("Ea Kar", 1),
        ("Hòa An", 4),
    ]
    assert {p.district for p in register} == {"Đồng Hỷ", "Ea Kar", "Hòa An"}
    db.dispose()


def test_command_line_lists_the_copies_it_did_not_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --json the command lists every file that does not count, an older copy of a
    re-sent report and a second copy of one among them, with the reason."""
    province = pf.build(tmp_path / "tinh")
    inbox = province.inbox[pf.W41]
    (inbox / "BKN-002-lan-2.xlsx").write_bytes((inbox / "BKN-002.xlsx").read_bytes() + b"\0")
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    args = ["--db", url, "--lang", "en", "rollup", "--register", str(province.register)]
    assert main([*args, "--week", pf.W41, str(inbox)]) == 0
    lines = capsys.readouterr().out.splitlines()
    listed = {Path(line.split(": ")[0].strip()).name: line for line in lines if ": " in line}
    for name in ("u6-first.xlsx", "la.xlsx", "tuan-truoc.xlsx", "hong.xlsx"):
        assert name in listed, lines
    assert "later report" in listed["u6-first.xlsx"]
    # Of the two copies of BKN-002's report, the one not counted.
    [second] = {"BKN-002.xlsx", "BKN-002-lan-2.xlsx"} & set(listed)
    assert "already read" in listed[second]


def test_register_as_an_official_list_with_headings_total_and_signatures() -> None:
    """An official list groups its points under district headings and ends with a total and
    the signature lines: those rows are not points. A point without its code is still
    refused with its line."""
    text = (
        "UBND TỈNH BẮC KẠN;;;;\n"
        "DANH SÁCH ĐIỂM QUÉT MÃ QR;;;;\n"
        "STT;Mã điểm;Tên điểm;Huyện;Loại hình\n"
        "I;;HUYỆN BA BỂ;;\n"
        "1;BKN-001;UBND xã Cao Thượng;Ba Bể;UBND\n"
        "2;BKN-002;Trường THCS Ba Bể;Ba Bể;Trường học\n"
        "II;;HUYỆN CHỢ ĐỒN;;\n"
        "3;BKN-003;Chợ Bằng Lũng;Chợ Đồn;Chợ\n"
        "Tổng cộng;3;;;\n"
        ";;;;\n"
        ";NGƯỜI LẬP BIỂU;;THỦ TRƯỞNG ĐƠN VỊ;\n"
    )
    points = parse_register(text.encode(), "r.csv")
    assert [(p.code, p.district) for p in points] == [
        ("BKN-001", "Ba Bể"),
        ("BKN-002", "Ba Bể"),
        ("BKN-003", "Chợ Đồn"),
    ]
    broken = text.replace("3;BKN-003;", "3;;")
    with pytest.raises(RegisterError, match="8"):
        parse_register(broken.encode(), "r.csv")


def test_a_report_without_a_code_names_its_unit(tmp_path: Path) -> None:
    """A unit that never set its point code is listed by its name, so the department knows
    whom to call (the file of a mail says nothing of who sent it)."""
    unit = pf.make_unit(tmp_path, "BKN-001", "Trường THCS Nà Phặc")
    unit.ctx.settings.set("unit.code", "")
    pf.visit(unit, pf.W41, 0)
    pf.export_eml(unit, pf.W41, tmp_path / "thu" / "1634.eml", FRIDAY)
    unit.ctx.close()
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    register = parse_register(b"Code,Name,District\nBKN-001,A,B\n", "r.csv")
    result = roll_up(db, register, parse_week(pf.W41), [tmp_path / "thu"])
    [note] = result.unmatched
    assert note.reason == "no_code"
    assert "Trường THCS Nà Phặc" in note.message("vi")
    db.dispose()


def test_a_workbook_attached_without_a_name_is_found(
    numbered: dict[str, Path], tmp_path: Path
) -> None:
    """Some mail programs lose an attachment's name and type ("noname", a generic binary
    type): the workbook is known by its content. A PDF beside it is not taken."""
    mail = EmailMessage()
    mail["Subject"] = "Báo cáo tuần"
    mail.set_content("Kính gửi Sở")
    mail.add_attachment(
        numbered["0456"].read_bytes(), maintype="application", subtype="vnd.ms-excel"
    )
    mail.add_attachment(
        b"%PDF-1.4 the page to sign", maintype="application", subtype="octet-stream"
    )
    folder = tmp_path / "thu"
    folder.mkdir()
    for disposition in ("attachment", 'attachment; filename="Bao cao tuan 41"'):
        for part in mail.iter_attachments():
            del part["Content-Disposition"]
            part["Content-Disposition"] = disposition
        (folder / f"{len(disposition)}.eml").write_bytes(mail.as_bytes())
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    register = parse_register(b"Code,Name,District\n0456,C,D\n", "r.csv")
    result = roll_up(db, register, parse_week(pf.W41), [folder])
    assert result.unmatched == ()
    assert [(r.status, r.scans) for r in result.rows] == [(REPORTED, 2)]
    db.dispose()


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is not UTF-8: Linux only")
def test_file_names_from_a_windows_archive_are_read_and_shown(
    numbered: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A zip made on Windows and unpacked on Linux gives names in the Windows code page,
    bytes that are not UTF-8 ("Báo cáo" as B\\xe1o c\\xe1o). The reports count, a broken one
    is listed under a name that can be printed, stored and written to the workbook."""
    folder = tmp_path / "giai-nen"
    folder.mkdir()
    report = os.path.join(os.fsencode(folder), b"B\xe1o c\xe1o 00123.xlsx")
    with open(report, "wb") as fh:
        fh.write(numbered["00123"].read_bytes())
    with open(os.path.join(os.fsencode(folder), b"h\xf4ng.xlsx"), "wb") as fh:
        fh.write(b"PK\x03\x04 not a workbook")
    register = tmp_path / "r.csv"
    register.write_bytes(b"Code,Name,District\n00123,A,B\n")
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    out = tmp_path / "tinh.xlsx"
    args = ["--db", url, "rollup", "--register", str(register), "--week", pf.W41]
    for _ in range(2):  # and again, when the files are known
        assert main([*args, "--out", str(out), "--json", str(folder)]) == 0
        figures = json.loads(capsys.readouterr().out)
        assert (figures["reported"], figures["scans"]) == (1, 4)
        [note] = figures["unmatched"]
        assert note["reason"] == "not_xlsx" and note["file"].endswith("h\\xf4ng.xlsx")
    assert main([*args, str(folder)]) == 0
    assert "h\\xf4ng.xlsx" in capsys.readouterr().out


def test_a_mac_s_companion_files_are_not_reports(numbered: dict[str, Path], tmp_path: Path) -> None:
    """A folder unpacked from a zip made on a Mac, or copied from a stick a Mac wrote, has a
    "._" companion beside each file and a __MACOSX folder of them: they hold the Finder's
    notes, not reports, and would bury the files that need a call under hundreds of lines."""
    folder = tmp_path / "usb"
    (folder / "__MACOSX").mkdir(parents=True)
    apple_double = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + b"\0" * 64
    for path in numbered.values():
        (folder / path.name).write_bytes(path.read_bytes())
        (folder / f"._{path.name}").write_bytes(apple_double)
        (folder / "__MACOSX" / f"._{path.name}").write_bytes(apple_double)
    (folder / "hong.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    register = parse_register(b"Code,Name,District\n00123,A,B\n0456,C,D\n", "r.csv")
    result = roll_up(db, register, parse_week(pf.W41), [folder])
    assert [Path(n.path).name for n in result.unmatched] == ["hong.xlsx"]
    assert result.reported == 2
    db.dispose()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("danh-sach.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8),
        ("danh-sach.ods", "ods"),
    ],
)
def test_a_register_in_an_old_or_other_spreadsheet_format_says_what_to_do(
    name: str, content: bytes | str
) -> None:
    """Offices keep lists as Excel 97-2003 (.xls) or OpenDocument (.ods) files: the refusal
    says so and how to save it, not that the text is not UTF-8."""
    import zipfile

    if content == "ods":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("content.xml", "<office:document-content/>")
        content = buffer.getvalue()
    assert isinstance(content, bytes)
    with pytest.raises(RegisterError) as caught:
        parse_register(content, name)
    assert ".xlsx" in str(caught.value) and "CSV" in str(caught.value)


def test_control_characters_in_the_register_never_reach_the_outputs(
    numbered: dict[str, Path], tmp_path: Path
) -> None:
    """A list exported from another system may carry control characters (a backspace, a
    unit separator) in its cells: the names are read without them, and the workbook and
    the letter are made (they failed with "unexpected error")."""
    from desk_app.rollup.outputs import output_bytes

    text = (
        "Mã điểm;Tên điểm;Huyện\n00123;Tr\x01ường\x1f Nà\u200b Phặc\x7f;Ba B\x08ể\n0456;Chợ;Ba Bể\n"
    )
    register = parse_register(text.encode(), "r.csv")
    assert [(p.name, p.district) for p in register] == [
        ("Trường Nà Phặc", "Ba Bể"),
        ("Chợ", "Ba Bể"),
    ]
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    result = roll_up(db, register, parse_week(pf.W41), [numbered["00123"]])
    for kind in ("xlsx", "docx"):
        assert output_bytes(db, kind, result).startswith(b"PK")
    db.dispose()


def test_the_command_never_writes_over_the_files_it_reads(
    numbered: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--out naming the register (kept as .xlsx) or a unit's report in the inbox would put
    the province workbook in its place: refused, before anything is read or written."""
    register = tmp_path / "danh-sach.xlsx"
    register.write_bytes(_xlsx([["Mã điểm", "Tên điểm", "Huyện"], ["00123", "A", "Ba Bể"]]))
    inbox = tmp_path / "hop-thu"
    inbox.mkdir()
    report = inbox / "00123.xlsx"
    report.write_bytes(numbered["00123"].read_bytes())
    kept = {path: path.read_bytes() for path in (register, report)}
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    args = ["--db", url, "rollup", "--register", str(register), "--week", pf.W41]
    same_register = tmp_path / "." / "danh-sach.xlsx"
    for target in (same_register, report):
        assert main([*args, "--out", str(target), str(inbox)]) == 1
        assert str(target) in capsys.readouterr().err
    assert {path: path.read_bytes() for path in kept} == kept
    assert main([*args, "--out", str(tmp_path / "tong-hop.xlsx"), str(inbox)]) == 0


def test_a_mail_from_outlook_in_rich_text_says_why_nothing_is_attached(tmp_path: Path) -> None:
    """Outlook sending in rich text packs the attachments into winmail.dat, which other
    mail programs cannot open: the note says so, and what the unit should do."""
    mail = EmailMessage()
    mail["Subject"] = "Báo cáo tuần"
    mail.set_content("Kính gửi Sở")
    tnef = b"\x78\x9f\x3e\x22" + b"\0" * 64  # the TNEF signature, then the packed parts
    mail.add_attachment(tnef, maintype="application", subtype="ms-tnef", filename="winmail.dat")
    folder = tmp_path / "thu"
    folder.mkdir()
    (folder / "outlook.eml").write_bytes(mail.as_bytes())
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    register = parse_register(b"Code,Name,District\nBKN-001,A,B\n", "r.csv")
    [note] = roll_up(db, register, parse_week(pf.W41), [folder]).unmatched
    assert note.reason == "winmail"
    assert "winmail.dat" in note.message("vi") and "winmail.dat" in note.message("en")
    db.dispose()


def test_register_with_the_district_merged_down_over_its_points() -> None:
    """An official list in Excel: the title merged across the columns, and each district's
    cell (and the type's) merged down over its points."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["DANH SÁCH ĐIỂM QUÉT MÃ QR"])
    ws.merge_cells("A1:E1")
    ws.append(["STT", "Mã điểm", "Tên điểm", "Huyện", "Loại hình"])
    ws.append([1, "BK-1", "UBND xã Cao Thượng", "Ba Bể", "UBND xã"])
    ws.append([2, "BK-2", "UBND xã Khang Ninh", None, None])
    ws.append([3, "BK-3", "UBND xã Nam Mẫu", None, None])
    ws.append([4, "BK-4", "Chợ Nà Phặc", "Ngân Sơn", "Chợ"])
    ws.append([5, "BK-5", "Chợ Vân Tùng", None, None])
    ws.merge_cells("D3:D5")
    ws.merge_cells("E3:E5")
    ws.merge_cells("D6:D7")
    ws.merge_cells("E6:E7")
    out = io.BytesIO()
    wb.save(out)
    points = parse_register(out.getvalue(), "danh-sach.xlsx")
    assert [(p.code, p.district, p.type) for p in points] == [
        ("BK-1", "Ba Bể", "UBND xã"),
        ("BK-2", "Ba Bể", "UBND xã"),
        ("BK-3", "Ba Bể", "UBND xã"),
        ("BK-4", "Ngân Sơn", "Chợ"),
        ("BK-5", "Ngân Sơn", "Chợ"),
    ]


def test_a_mail_with_the_reports_zipped_says_to_unpack_them(
    numbered: dict[str, Path], tmp_path: Path
) -> None:
    """A unit that zipped its workbook before sending: the mail has an attachment, and the
    reason says it is an archive to unpack, not that nothing is attached."""
    import zipfile

    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for path in numbered.values():
            archive.write(path, path.name)
    message = EmailMessage()
    message["Subject"] = "Báo cáo tuần"
    message.set_content("Kính gửi Sở")
    message.add_attachment(
        packed.getvalue(), maintype="application", subtype="zip", filename="Báo cáo tuần.zip"
    )
    mail = tmp_path / "bao-cao.eml"
    mail.write_bytes(message.as_bytes())
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    register = parse_register(b"Code,Name,District\n00123,A,B\n0456,C,D\n", "r.csv")
    result = roll_up(db, register, parse_week(pf.W41), [mail])
    assert [(Path(n.path).name, n.reason) for n in result.unmatched] == [("bao-cao.eml", "archive")]
    db.dispose()


def test_register_codes_exported_as_text_for_excel_match_their_points(
    numbered: dict[str, Path], tmp_path: Path
) -> None:
    """A list exported from another system keeps the leading zeros for Excel by writing the
    code as ="00123" or '00123: the code is 00123."""
    register = tmp_path / "r.csv"
    register.write_text(
        'Mã điểm;Tên điểm;Huyện\n="00123";="Điểm 123";Ba Bể\n\'0456;Điểm 456;Ba Bể\n',
        encoding="utf-8",
    )
    points = read_register(register)
    assert [(p.code, p.name) for p in points] == [("00123", "Điểm 123"), ("0456", "Điểm 456")]
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    result = roll_up(db, points, parse_week(pf.W41), [numbered["00123"].parent])
    assert result.unmatched == ()
    assert [(r.point.code, r.status, r.scans) for r in result.rows] == [
        ("00123", REPORTED, 4),
        ("0456", REPORTED, 2),
    ]
    db.dispose()


def test_two_units_that_give_one_code_are_told_apart(tmp_path: Path, db_url: str) -> None:
    """A school that copied the commune's code: its report is not "an older copy" of the
    commune's, it is another unit's, listed with both names; the commune re-sending its
    report with its name written otherwise (case, spaces) is still a re-sent report."""
    inbox = tmp_path / "inbox"
    (tmp_path / "school").mkdir()
    commune = pf.make_unit(tmp_path, "BKN-001", "UBND xã Ân Thi")
    school = pf.make_unit(tmp_path / "school", "BKN-001", "Trường THCS Ân Thi")
    for day in range(3):
        pf.visit(commune, pf.W41, day)
    pf.visit(school, pf.W41, 0)
    pf.export(school, pf.W41, inbox / "truong.xlsx", FRIDAY - timedelta(hours=1))
    pf.export(commune, pf.W41, inbox / "xa.xlsx", FRIDAY)
    commune.ctx.settings.set("unit.name", "UBND  XÃ ÂN THI")
    pf.export(commune, pf.W41, inbox / "xa-gui-lai.xlsx", FRIDAY + timedelta(hours=1))
    for unit in (commune, school):
        unit.ctx.close()
    register = parse_register("Mã,Tên,Huyện\nBKN-001,UBND xã Ân Thi,Ân Thi\n".encode(), "r.csv")
    db = Database(db_url)
    for _ in range(2):  # read now, and known from the database the next time
        result = roll_up(db, register, parse_week(pf.W41), [inbox])
        assert [(r.status, r.scans) for r in result.rows] == [(REPORTED, 6)]  # made last
        assert [(Path(n.path).name, n.reason) for n in result.unmatched] == [
            ("truong.xlsx", "other_unit")
        ]
        assert [(Path(n.path).name, n.reason) for n in result.superseded] == [
            ("xa.xlsx", "superseded")
        ]
        message = result.unmatched[0].message("vi")
        assert "BKN-001" in message
        assert "Trường THCS Ân Thi" in message and "UBND  XÃ ÂN THI" in message
    db.dispose()


def test_a_mail_saved_by_a_text_editor_is_read(numbered: dict[str, Path], tmp_path: Path) -> None:
    """The message text copied from webmail's "show original" and saved by Notepad: a
    byte-order mark and a blank line before the headers."""
    raw = _mail(numbered["00123"].read_bytes()).as_bytes().replace(b"\n", b"\r\n")
    mail = tmp_path / "thu.eml"
    mail.write_bytes(b"\xef\xbb\xbf\r\n" + raw)
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    register = parse_register(b"Code,Name,District\n00123,A,B\n", "r.csv")
    result = roll_up(db, register, parse_week(pf.W41), [mail])
    assert result.unmatched == ()
    assert [(r.status, r.scans) for r in result.rows] == [(REPORTED, 4)]
    db.dispose()


@pytest.mark.parametrize("attached_as", ["eml_file", "base64_message"])
def test_a_mail_forwarded_as_an_attached_file_is_read(
    numbered: dict[str, Path], tmp_path: Path, attached_as: str
) -> None:
    """A clerk forwards the unit's mail as an attachment: a saved .eml attached as a plain
    file, or a forwarded message its client encoded in base64."""
    import base64

    original = _mail(numbered["00123"].read_bytes()).as_bytes()
    forward = _mail(subject="Fwd: Báo cáo tuần")
    if attached_as == "eml_file":
        forward.add_attachment(
            original, maintype="application", subtype="octet-stream", filename="Báo cáo.eml"
        )
        raw = forward.as_bytes()
    else:
        boundary = b"==FWD=="
        raw = (
            b"Subject: Fwd\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/mixed; boundary="' + boundary + b'"\r\n\r\n'
            b"--" + boundary + b"\r\nContent-Type: text/plain\r\n\r\nxem\r\n"
            b"--" + boundary + b"\r\nContent-Type: message/rfc822\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n"
            + base64.encodebytes(original).replace(b"\n", b"\r\n")
            + b"--"
            + boundary
            + b"--\r\n"
        )
    mail = tmp_path / "chuyen-tiep.eml"
    mail.write_bytes(raw)
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    register = parse_register(b"Code,Name,District\n00123,A,B\n", "r.csv")
    result = roll_up(db, register, parse_week(pf.W41), [mail])
    assert result.unmatched == ()
    assert [(r.status, r.scans) for r in result.rows] == [(REPORTED, 4)]
    db.dispose()
