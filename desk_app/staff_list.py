"""The staff list behind the staff cards: read from CSV or XLSX, checked row by row, stored.

No Qt here: ``desk-app staff import`` runs without loading the printing rooms.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desk_app.context import AppContext
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.i18n.system import os_error_text


class StaffListError(UserError):
    """A staff list that cannot be used at all (not a list, no header, unreadable)."""


LIMITS = {"staff_id": 64, "name": 200, "title": 200, "department": 200}
HEADER_NAMES = {
    "staff_id": {
        "staff_id",
        "id",
        "ma",
        "ma_so",
        "ma_nv",
        "ma_nhan_vien",
        "ma_can_bo",
        "so_hieu",
        "employee_id",
    },
    "name": {"name", "full_name", "ho_ten", "ho_va_ten", "ten"},
    "title": {"title", "position", "chuc_vu", "chuc_danh"},
    "department": {"department", "phong_ban", "phong", "bo_phan", "don_vi"},
}


# --------------------------------------------------------------------------- the list


@dataclass(frozen=True)
class StaffRow:
    line: int
    staff_id: str
    name: str
    title: str = ""
    department: str = ""


@dataclass
class ImportResult:
    rows: list[StaffRow] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def messages(self) -> list[str]:
        return [t("staff.line", line=line, problem=problem) for line, problem in self.problems]


def _header_key(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.strip().lower().replace("đ", "d"))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return "_".join(plain.replace("-", " ").replace("_", " ").replace(".", " ").split())


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a spreadsheet turns 1001 into 1001.0
    return unicodedata.normalize("NFC", " ".join(str(value).split()))


def _columns(header: Sequence[object]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        key = _header_key(_cell(title))
        for field_name, names in HEADER_NAMES.items():
            if key in names and field_name not in found:
                found[field_name] = index
    if "staff_id" not in found or "name" not in found:
        raise StaffListError(t("staff.no_header"))
    return found


def parse_rows(lines: Iterable[tuple[int, Sequence[object]]]) -> ImportResult:
    """Rows (line number, cells), the first one a header, into staff and problems by line."""
    result = ImportResult()
    iterator = iter(lines)
    header = next(iterator, None)
    if header is None:
        raise StaffListError(t("staff.no_header"))
    columns = _columns(header[1])
    seen: dict[str, int] = {}
    for line, cells in iterator:
        values = {name: _cell(cells[i]) if i < len(cells) else "" for name, i in columns.items()}
        if not any(_cell(c) for c in cells):
            continue
        problems = []
        if not values["staff_id"]:
            problems.append(t("staff.missing_id"))
        if not values["name"]:
            problems.append(t("staff.missing_name"))
        problems += [
            t("staff.too_long", field=name)
            for name, limit in LIMITS.items()
            if len(values.get(name, "")) > limit
        ]
        first = seen.get(values["staff_id"])
        if values["staff_id"] and first is not None:
            problems.append(t("staff.duplicate", staff_id=values["staff_id"], line=first))
        if problems:
            result.problems.append((line, "; ".join(problems)))
            continue
        seen[values["staff_id"]] = line
        result.rows.append(
            StaffRow(
                line,
                values["staff_id"],
                values["name"],
                values.get("title", ""),
                values.get("department", ""),
            )
        )
    return result


def _csv_lines(data: bytes) -> Iterator[tuple[int, list[str]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's plain "CSV" on a Vietnamese Windows is the ANSI code page.
        text = data.decode("cp1258", "replace")
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1


def _xlsx_lines(path: Path) -> Iterator[tuple[int, tuple[object, ...]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    finally:
        book.close()


def read_staff_file(path: Path) -> ImportResult:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise StaffListError(t("staff.file_type", path=path))
    try:
        if suffix == ".csv":
            return parse_rows(_csv_lines(path.read_bytes()))
        return parse_rows(_xlsx_lines(path))
    except StaffListError:
        raise
    except Exception as exc:  # unreadable file: missing, locked, not really a workbook
        message = os_error_text(exc) if isinstance(exc, OSError) else exc
        raise StaffListError(t("staff.cannot_read", path=path, message=message)) from exc


def import_staff(ctx: AppContext, path: Path) -> ImportResult:
    """Read a staff list and store its good rows; bad rows come back by line."""
    result = read_staff_file(path)
    for row in result.rows:
        ctx.log.upsert_staff(row.staff_id, row.name, row.title, row.department)
    return result
