"""Cell helpers shared by the report's sheets: safe text, names in words, styles, printing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from desk_app.i18n.vocabulary import kind_name, method_name, reason_name, warning_name

__all__ = ["kind_name", "method_name", "reason_name", "warning_name"]

Progress = Callable[[int, int], None]

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
# What a spreadsheet (or a CSV reader) may take for the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOLD = Font(bold=True)
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def needs_quote(value: str) -> bool:
    return value.startswith(FORMULA_START)


def clean(value: str) -> str:
    """Without the control characters an .xlsx file cannot hold."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", value))


def put(ws: Worksheet, row: int, column: int, value: Any, **style: Any) -> Any:
    """Write one value; text never becomes a formula (text type and the quote-prefix style)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        value = clean(value)
        cell.value = value
        if needs_quote(value):
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def header_row(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    for column, label in enumerate(labels, start=1):
        put(ws, row, column, label, font=BOLD, fill=HEAD_FILL, alignment=CENTER, border=BOX)


def print_setup(ws: Worksheet, title_rows: str | None) -> None:
    """A4 landscape, fit to the page width, the header rows repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    if title_rows:
        ws.print_title_rows = title_rows
