"""Staff cards: ID-1 cards ten to an A4 sheet with crop marks, and the staff list import."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desk_app.context import AppContext
from desk_app.domain.own_codes import encode_staff
from desk_app.i18n import t
from desk_app.printing.layout import (
    ACCENT,
    BLACK,
    ECC_MEDIUM,
    GREY,
    Align,
    Canvas,
    cut_marks,
)
from desk_app.printing.output import Document, PrintError
from desk_app.printing.poster import UnitDetails
from desk_app.timeutil import format_date, local_today

CARD_W, CARD_H = 85.6, 54.0  # ISO/IEC 7810 ID-1
SHEET_W, SHEET_H = 210.0, 297.0
COLUMNS, ROWS = 2, 5
PER_SHEET = COLUMNS * ROWS
# Cards abut, so one cut separates two; the sheet's margins hold the crop marks.
LEFT = (SHEET_W - COLUMNS * CARD_W) / 2
TOP = (SHEET_H - ROWS * CARD_H) / 2
SAFE = 4.0  # nothing printed closer to a cut than this: guillotines wander
QR_BOX = 40.0
# The code carries the title only this far (the card prints all of it): every extra letter
# shrinks the modules, and a 0.5 mm module defeats a cheap webcam.
CODE_TITLE_CHARS = 32

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
        raise PrintError(t("staff.no_header"))
    return found


def parse_rows(lines: Iterable[tuple[int, Sequence[object]]]) -> ImportResult:
    """Rows (line number, cells), the first one a header, into staff and problems by line."""
    result = ImportResult()
    iterator = iter(lines)
    header = next(iterator, None)
    if header is None:
        raise PrintError(t("staff.no_header"))
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
        raise PrintError(t("staff.file_type", path=path))
    try:
        if suffix == ".csv":
            return parse_rows(_csv_lines(path.read_bytes()))
        return parse_rows(_xlsx_lines(path))
    except PrintError:
        raise
    except Exception as exc:  # unreadable file: missing, locked, not really a workbook
        raise PrintError(t("staff.cannot_read", path=path, message=exc)) from exc


def import_staff(ctx: AppContext, path: Path) -> ImportResult:
    """Read a staff list and store its good rows; bad rows come back by line."""
    result = read_staff_file(path)
    for row in result.rows:
        ctx.log.upsert_staff(row.staff_id, row.name, row.title, row.department)
    return result


# --------------------------------------------------------------------------- the cards


@dataclass(frozen=True)
class StaffCard:
    staff_id: str
    name: str
    title: str
    department: str
    payload: str


def staff_cards(ctx: AppContext, staff_ids: Iterable[str] | None = None) -> list[StaffCard]:
    """Cards of the valid (not revoked) staff, all of them or those listed."""
    wanted = set(staff_ids) if staff_ids is not None else None
    secret, unit_id = ctx.settings.unit_secret(), ctx.settings.unit_id()
    return [
        StaffCard(
            m.staff_id,
            m.name,
            m.title,
            m.department,
            encode_staff(secret, unit_id, m.staff_id, m.name, m.title[:CODE_TITLE_CHARS].strip()),
        )
        for m in ctx.log.staff()
        if wanted is None or m.staff_id in wanted
    ]


def cards_document(cards: Sequence[StaffCard], unit: UnitDetails) -> Document:
    if not cards:
        raise PrintError(t("cards.none"))
    pages = (len(cards) + PER_SHEET - 1) // PER_SHEET
    printed = format_date(local_today())

    def paint(canvas: Canvas, index: int) -> None:
        sheet = cards[index * PER_SHEET : (index + 1) * PER_SHEET]
        paint_sheet(canvas, sheet, unit)
        label = f"{t('card.heading', lang='vi')} · {unit.name} · {index + 1}/{pages} · {printed}"
        # Under the first column's crop mark, clear of the middle one.
        canvas.text(
            LEFT + 6,
            SHEET_H - TOP + 8.5,
            CARD_W - 12,
            label,
            5.5,
            color=GREY,
            align=Align.LEFT,
            wrap=False,
            max_h=3,
        )

    return Document(
        title=f"{unit.name} - {t('card.heading', lang='vi')}",
        width_mm=SHEET_W,
        height_mm=SHEET_H,
        page_count=pages,
        paint=paint,
    )


def card_origin(slot: int) -> tuple[float, float]:
    return LEFT + (slot % COLUMNS) * CARD_W, TOP + (slot // COLUMNS) * CARD_H


def paint_sheet(canvas: Canvas, cards: Sequence[StaffCard], unit: UnitDetails) -> None:
    for slot, card in enumerate(cards):
        paint_card(canvas, *card_origin(slot), card, unit)
    rows = (len(cards) + COLUMNS - 1) // COLUMNS
    columns = min(len(cards), COLUMNS)
    cut_marks(
        canvas,
        [LEFT + i * CARD_W for i in range(columns + 1)],
        [TOP + i * CARD_H for i in range(rows + 1)],
    )


def paint_card(canvas: Canvas, x: float, y: float, card: StaffCard, unit: UnitDetails) -> None:
    # The code's quiet zone is blank and may reach past the safe line; its dark modules stay
    # inside it.
    qr_x = x + CARD_W - QR_BOX - 0.8
    canvas.qr(card.payload, qr_x, y + (CARD_H - QR_BOX) / 2, QR_BOX, ecc=ECC_MEDIUM)
    left = x + SAFE
    w = qr_x - left - 1.0  # clear of the quiet zone, not just touching it
    top = y + SAFE
    if unit.agency:
        top += canvas.text(
            left, top, w, unit.agency.upper(), 5.0, align=Align.LEFT, max_h=4.2, min_size=4.2
        )
    top += canvas.text(
        left, top, w, unit.name.upper(), 6.0, bold=True, align=Align.LEFT, max_h=5.2, min_size=4.5
    )
    top += 1.5
    top += canvas.text(
        left,
        top,
        w,
        t("card.heading", lang="vi"),
        8.0,
        bold=True,
        color=ACCENT,
        align=Align.LEFT,
        wrap=False,
        max_h=4.0,
    )
    bottom = y + CARD_H - SAFE
    id_line = t("card.staff_id", lang="vi", staff_id=card.staff_id)
    id_h = canvas.measure(id_line, w, 6.5, wrap=False)[1]
    canvas.text(
        left, bottom - id_h, w, id_line, 6.5, align=Align.LEFT, wrap=False, max_h=id_h, min_size=5.0
    )
    bottom -= id_h + 0.8
    top += 2.0
    top += canvas.text(
        left,
        top,
        w,
        card.name,
        10.0,
        bold=True,
        align=Align.LEFT,
        max_h=min(9.0, bottom - top),
        min_size=7.0,
    )
    for text, size, color in ((card.title, 7.0, BLACK), (card.department, 6.5, GREY)):
        if text and bottom - top > 2.5:
            top += 0.5 + canvas.text(
                left,
                top + 0.5,
                w,
                text,
                size,
                align=Align.LEFT,
                color=color,
                max_h=min(6.0, bottom - top - 0.5),
                min_size=5.0,
            )
