"""The province's register of scan points (CSV or XLSX; Vietnamese or English headers)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.i18n.system import os_error_text
from desk_app.rollup.collation import plain, spelling_key
from desk_app.settings import CODE_RE

# The first word of a Vietnamese header, without marks, says which column it is ("Mã điểm",
# "Tên đơn vị"); an English header says it with its last word ("Point code", "Unit name").
HEADER_WORDS = {
    "code": ("ma", "code", "id"),
    "name": ("ten", "name"),
    "district": ("huyen", "quan", "district", "thi", "thanh", "tx", "tp", "dia"),
    "type": ("loai", "type", "kind", "category"),
}
ENGLISH_HEADS = {
    "code": "code",
    "id": "code",
    "name": "name",
    "district": "district",
    "type": "type",
    "kind": "type",
    "category": "type",
}
# Words that make a code or a name the district's own: "Mã huyện" and "District code" are
# the district's code (not the point's), "Tên huyện" and "District name" the district.
DISTRICT_WORDS = ("huyen", "quan", "district")
# The code and name of the commune, ward or province ("Mã ĐVHC", "Mã xã", "Tên phường",
# "Commune code", "Province name") that government lists carry: not the point's.
AREA_WORDS = ("dvhc", "xa", "phuong", "tinh", "commune", "ward", "province")
REQUIRED = ("code", "name", "district")
HEADER_SEARCH_ROWS = 15


class RegisterError(UserError):
    """A register that cannot be used; the message says why, in words."""


@dataclass(frozen=True)
class Point:
    code: str
    name: str
    district: str
    type: str = ""


# Headers that start like one of the columns but are another thing: "Địa chỉ" (address) and
# "Địa điểm" (place) are not "Địa bàn" (district), "Mã số thuế" (tax number) is not the
# point's code.
NOT_COLUMNS = (("dia", "chi"), ("dia", "diem"), ("ma", "so", "thue"), ("address",))


_DUPLICATES_SHOWN = 20  # twice-listed codes named in one message


def _of_an_area(words: list[str]) -> bool:
    """ "Mã xã", "Tên ĐVHC", "Commune code", "Province name": an area's code or name."""
    head, *rest = words
    if head in ("ma", "ten") and rest[:1] and rest[0] in AREA_WORDS:
        return True
    return words[-1] in ("code", "id", "name") and any(w in AREA_WORDS for w in words[:-1])


def _column(header: object, areas: bool = False) -> str | None:
    words = plain(str(header or "")).replace("/", " ").replace(".", " ").split()
    if (
        not words
        or any(tuple(words[: len(no)]) == no for no in NOT_COLUMNS)
        or (not areas and _of_an_area(words))
    ):
        return None
    if len(words) > 1 and words[-1] in ENGLISH_HEADS:
        column = ENGLISH_HEADS[words[-1]]
        if column in ("code", "name") and any(w in DISTRICT_WORDS for w in words[:-1]):
            return "district" if column == "name" else None
        return column
    if len(words) > 1 and words[0] in ("ma", "ten") and words[1] in DISTRICT_WORDS:
        return "district" if words[0] == "ten" else None
    # The unit's own name headed without "Tên": "Đơn vị", "Cơ quan, đơn vị" (not "Đơn vị
    # hành chính", an area).
    if tuple(words[:2]) in UNIT_HEADS and "hanh" not in words:
        words = ["ten", *words]  # as "Tên đơn vị"
    for column, firsts in HEADER_WORDS.items():
        if words[0] in firsts:
            return column
    return None


UNIT_HEADS = (("don", "vi"), ("co", "quan"))


def _columns(row: list[object]) -> dict[str, int] | None:
    # A list of communes may name its points by the commune's code and name alone.
    for areas in (False, True):
        found: dict[str, int] = {}
        for index, header in enumerate(row):
            column = _column(header, areas)
            if column is not None and column not in found:
                found[column] = index
        if all(c in found for c in REQUIRED):
            return found
    return None


def _header(rows: list[list[object]]) -> tuple[int, dict[str, int]] | None:
    """The first row among the first few that names the columns, and the columns."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = _columns(row)
        if columns is not None:
            return index, columns
    return None


LOOK_ALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # A register saved in the Windows Vietnamese code page comes back with decomposed tones;
    # legacy text converted to Unicode may write "Đ" as its look-alike "Ð" (U+00D0).
    text = " ".join(str(value).split()).translate(LOOK_ALIKES)
    # A list exported from another system may carry control or format characters (a
    # backspace, a zero-width space): no name or code holds one, and no output can.
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf"))
    # A list exported for Excel writes a value as a formula (="00123") so that Excel keeps
    # its leading zeros: the value is what Excel shows.
    as_text = _AS_TEXT.match(text)
    if as_text is not None:
        text = as_text.group(1).replace('""', '"').strip()
    return unicodedata.normalize("NFC", text)


_AS_TEXT = re.compile(r'^=\s*"(.*)"$')


def _code(text: str) -> str:
    """A point's code as written in a cell; the apostrophe that makes Excel keep a number
    as text ('00123) is not part of it."""
    return text.removeprefix("'").strip().upper()


def _one_spelling(points: list[Point]) -> list[Point]:
    """Each district under one spelling, its most used one (the first on a tie): a register
    put together from several lists writes "Hòa An", "Hoà An" and "HÒA AN"."""
    spellings: dict[tuple[tuple[str, int], ...], Counter[str]] = {}
    for point in points:
        spellings.setdefault(spelling_key(point.district), Counter())[point.district] += 1
    chosen = {key: counts.most_common(1)[0][0] for key, counts in spellings.items()}
    return [replace(p, district=chosen[spelling_key(p.district)]) for p in points]


def _rows_csv(content: bytes) -> list[list[object]]:
    # Excel's "Unicode Text" is UTF-16 with a byte-order mark (and tabs between fields).
    utf16 = content.startswith((b"\xff\xfe", b"\xfe\xff"))
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "cp1258"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1258 decodes almost anything
        raise RegisterError(t("rollup.register_encoding"))
    # Excel writes ";" where the decimal mark is ",", as in Vietnamese settings; names and
    # addresses may hold the other marks. The separator is the one that gives a header row.
    by_count = sorted(",;\t", key=text[:4096].count, reverse=True)
    parsed: list[list[list[object]]] = []
    for delimiter in by_count:
        # Any line end: CR LF (Windows), LF, or CR alone (Excel's "CSV (Macintosh)").
        lines = io.StringIO(text, newline=None)
        try:
            rows: list[list[object]] = [list(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error as exc:
            raise RegisterError(t("rollup.register_unreadable", detail=exc)) from None
        if _header(rows) is not None:
            return rows
        parsed.append(rows)
    return parsed[0]


def _rows_xlsx(content: bytes) -> list[list[object]]:
    from openpyxl import load_workbook  # only for a register kept as a workbook

    try:
        # Not read-only: the merged cells are wanted (a register is some hundreds of rows).
        wb = load_workbook(io.BytesIO(content), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise RegisterError(t("rollup.register_unreadable", detail=exc)) from None
    try:
        # The list is on the first sheet with a header row (a guide may come before it).
        first: list[list[object]] | None = None
        for ws in wb.worksheets:
            rows = [[_shown(cell) for cell in row] for row in ws.iter_rows(min_row=1, min_col=1)]
            found = _header(rows)
            if found is not None:
                _fill_merged_down(ws, rows, found[0] + 1)
                return rows
            first = rows if first is None else first
        return first or []
    finally:
        wb.close()


def _fill_merged_down(ws: Any, rows: list[list[object]], header_row: int) -> None:
    """An official list merges the district's cell down over its points: each point below
    the header gets the merged cell's value (only ranges over several rows: a heading
    merged across the columns stays one cell)."""
    for merged in ws.merged_cells.ranges:
        if merged.min_row <= header_row or merged.max_row == merged.min_row:
            continue
        column = merged.min_col - 1
        value = rows[merged.min_row - 1][column]
        for number in range(merged.min_row + 1, min(merged.max_row, len(rows)) + 1):
            row = rows[number - 1]
            if column < len(row) and row[column] is None:
                row[column] = value


# A number format of zeros alone ("00000") shows a number with leading zeros: the code
# 00123 typed in Excel is kept as the number 123 shown through it.
_ZERO_PADDED = re.compile(r"^0+$")


def _shown(cell: object) -> object:
    """A cell's value, a whole number as its zero-padded format shows it."""
    value = getattr(cell, "value", None)
    number_format = str(getattr(cell, "number_format", "") or "")
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and float(value).is_integer()
        and value >= 0
        and _ZERO_PADDED.match(number_format)
    ):
        return str(int(value)).zfill(len(number_format))
    return value


def _a_point(code: str, name: str, district: str) -> bool:
    """Whether a row is a point. An official list has rows that are not: district headings
    ("I", "HUYỆN BA BỂ"), a total ("Tổng cộng", 856) and the signature lines ("NGƯỜI LẬP
    BIỂU" in the code's column). A row with a code and a name is a point; so is a row with
    a district and a code, or no code at all (then refused for its missing code)."""
    if not code:
        return bool(district)
    return bool(name) or (bool(district) and CODE_RE.match(code) is not None)


# Spreadsheets this program does not read, by their first bytes: Excel 97-2003 (.xls, an OLE
# compound file) and OpenDocument (.ods, a zip whose first entry names its type).
OTHER_FORMATS = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Excel 97-2003 (.xls)"),
    (b"PK\x03\x04", "OpenDocument (.ods)"),
)
ODS_TYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def _other_format(content: bytes) -> str | None:
    for magic, kind in OTHER_FORMATS:
        if content.startswith(magic) and (magic != b"PK\x03\x04" or ODS_TYPE in content[:200]):
            return kind
    return None


def parse_register(content: bytes, name: str = "") -> list[Point]:
    """The points of a register file (``name`` tells CSV from XLSX by its ending)."""
    kind = _other_format(content)
    if kind is not None:
        raise RegisterError(t("rollup.register_format", kind=kind))
    is_xlsx = name.lower().endswith((".xlsx", ".xlsm")) or content[:2] == b"PK"
    rows = _rows_xlsx(content) if is_xlsx else _rows_csv(content)
    found = _header(rows)
    if found is None:
        raise RegisterError(t("rollup.register_no_header"))
    header_index, columns = found
    points: list[Point] = []
    seen: dict[str, int] = {}
    twice: list[str] = []
    for number, row in enumerate(rows[header_index + 1 :], start=header_index + 2):

        def cell(column: str, row: list[object] = row) -> str:
            index = columns.get(column)
            return _text(row[index]) if index is not None and index < len(row) else ""

        code = _code(cell("code"))
        if not _a_point(code, cell("name"), cell("district")):
            continue
        if not code:
            raise RegisterError(t("rollup.register_no_code", line=number))
        if code in seen:
            # Every twice-listed code at once: the department fixes its list in one go.
            twice.append(t("rollup.register_duplicate", code=code, first=seen[code], line=number))
            continue
        seen[code] = number
        points.append(Point(code, cell("name"), cell("district"), cell("type")))
    if twice:
        shown = twice[:_DUPLICATES_SHOWN]
        if len(twice) > len(shown):
            shown.append(t("rollup.register_more_duplicates", count=len(twice) - len(shown)))
        raise RegisterError("\n".join(shown))
    if not points:
        raise RegisterError(t("rollup.register_empty"))
    return _one_spelling(points)


def read_register(path: Path) -> list[Point]:
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise RegisterError(t("rollup.register_unreadable", detail=os_error_text(exc))) from None
    return parse_register(content, path.name)
