"""Cell helpers shared by the report's sheets: safe text, names in words, styles, printing."""

from __future__ import annotations

import unicodedata
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
# What a spreadsheet (or a CSV reader) may take for the start of a formula (OWASP), also
# after leading spaces that an import trims, and in their full-width forms (＝, ＋, －, ＠)
# that an East Asian input method or a spreadsheet may fold to ASCII.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_FORMULA_CHARACTERS = frozenset("=+-@")
# Spaces and invisible characters an import may drop before the first visible one.
_INVISIBLE = (
    " \t\r\n\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)
BOLD = Font(bold=True)
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
# The two rows of an official header keep their lines together however tall a long name
# makes them: the first row's text sits on its bottom, the second's on its top.
ABOVE = Alignment(horizontal="center", vertical="bottom", wrap_text=True)
BELOW = Alignment(horizontal="center", vertical="top", wrap_text=True)
LINE_HEIGHT = 15  # points: one line of the default font


def tall_enough(ws: Worksheet, row: int, text: str, per_line: int) -> None:
    """Make ``row`` as tall as the lines ``text`` wraps into, in a column that holds
    ``per_line`` characters: a spreadsheet does not grow a row for wrapped text by itself,
    and the lines would run over the rows under it."""
    lines = -(-len(text) // per_line)
    if lines > 1:
        current = ws.row_dimensions[row].height or 0
        ws.row_dimensions[row].height = max(current, LINE_HEIGHT * lines)


def needs_quote(value: str) -> bool:
    """True when a spreadsheet could run ``value`` as a formula."""
    if not value or value.startswith(FORMULA_START):
        return bool(value)
    first = value[0]
    if first.isascii() and first != " ":  # the usual case: a letter or digit
        return False
    stripped = value.lstrip(_INVISIBLE)
    return bool(stripped) and (
        stripped.startswith(FORMULA_START)
        or unicodedata.normalize("NFKC", stripped[0])[:1] in _FORMULA_CHARACTERS
    )


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
