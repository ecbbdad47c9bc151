"""The Detail sheet: one row per visit, streamed into the sheet's XML.

openpyxl lays the sheet out (widths, frozen rows, print set-up) and writes one template row
holding a cell of each style; after saving, the template row is replaced by the visits,
written as XML text. One openpyxl cell object per value is many times slower, and a busy
week has 20,000 visits.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime
from xml.sax.saxutils import escape

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.worksheet import Worksheet

from desk_app.domain.visits import mask_id
from desk_app.domain.week import describe
from desk_app.i18n import t
from desk_app.reports.cells import (
    BOLD,
    DATETIME_FORMAT,
    Progress,
    clean,
    header_row,
    kind_name,
    method_name,
    needs_quote,
    print_setup,
    put,
    warning_name,
)
from desk_app.reports.weekly import Figures
from desk_app.storage.figures import DetailRow
from desk_app.timeutil import offset_segments, to_local

COLUMNS = (
    ("no", 6),
    ("name", 28),
    ("id_number", 15),
    ("kind", 22),
    ("entry_at", 17),
    ("exit_at", 17),
    ("entry_method", 16),
    ("exit_method", 18),
    ("checkpoint", 16),
    ("desk", 12),
    ("purpose", 22),
    ("host", 18),
    ("organisation", 22),
    ("warnings", 30),
)
TEMPLATE_ROW = 4
_TEMPLATE_RE = re.compile(rf'<row r="{TEMPLATE_ROW}"[^>]*>.*?</row>', re.S)
_STYLE_RE = re.compile(rf'<c r="([A-Z]+){TEMPLATE_ROW}"[^>]*?\bs="(\d+)"')
UNIX_EPOCH_SERIAL = 25569  # 1970-01-01 in spreadsheet days
UNIX_EPOCH = datetime(1970, 1, 1)


def layout(ws: Worksheet, f: Figures, lang: str, full_ids: bool) -> None:
    put(ws, 1, 1, f"{t('report.sheet.detail', lang)}: {describe(f.period, lang)}", font=BOLD)
    note = t("report.ids_full" if full_ids else "report.ids_masked", lang)
    put(ws, 2, 1, note, font=Font(italic=True, size=9))
    header_row(ws, 3, [t(f"report.col.{name}", lang) for name, _ in COLUMNS])
    for column, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    # One cell of each style the rows use; their style numbers are read back after saving.
    put(ws, TEMPLATE_ROW, 1, 1)
    put(ws, TEMPLATE_ROW, 2, "text")
    put(ws, TEMPLATE_ROW, 3, "=quoted")
    put(ws, TEMPLATE_ROW, 5, datetime(2000, 1, 1), number_format=DATETIME_FORMAT)
    ws.freeze_panes = "C4"
    print_setup(ws, "1:3")


def _serial(f: Figures) -> Callable[[datetime], float]:
    """Naive UTC time -> spreadsheet day number in local time; plain arithmetic when the
    zone keeps one offset over the period (Vietnam always does)."""
    segments = offset_segments(f.start, f.end)
    if len(segments) == 1:
        shift = UNIX_EPOCH_SERIAL + segments[0][1] / 86400
        return lambda moment: (moment - UNIX_EPOCH).total_seconds() / 86400 + shift
    return lambda moment: float(to_excel(to_local(moment).replace(tzinfo=None)))


class _Writer:
    """Builds the rows' XML; repeated texts (kinds, methods, desks) are escaped once."""

    def __init__(self, styles: dict[str, str], lang: str, full_ids: bool, f: Figures) -> None:
        self.styles = styles
        self.lang = lang
        self.full_ids = full_ids
        self.serial = _serial(f)
        self.inside = t("report.still_inside", lang)
        self.fragments: dict[str, str] = {}
        self.names: dict[tuple[str, str | None], str] = {}

    def text(self, value: str) -> str:
        fragment = self.fragments.get(value)
        if fragment is None:
            style = self.styles["quoted"] if needs_quote(value) else self.styles["text"]
            body = escape(clean(value))
            fragment = f' s="{style}" t="inlineStr"><is><t xml:space="preserve">{body}</t></is></c>'
            if len(self.fragments) < 20000:
                self.fragments[value] = fragment
        return fragment

    def name(self, what: str, code: str | None) -> str:
        found = self.names.get((what, code))
        if found is None:
            if what == "kind":
                found = kind_name(code or "", self.lang)
            elif what == "method":
                found = method_name(code, self.lang) if code else ""
            else:
                found = "; ".join(warning_name(w, self.lang) for w in (code or "").split())
            self.names[(what, code)] = found
        return found

    def row(self, r: int, number: int, v: DetailRow) -> str:
        number_style, time_style = self.styles["number"], self.styles["datetime"]
        parts = [f'<row r="{r}"><c r="A{r}" s="{number_style}"><v>{number}</v></c>']

        def text(column: str, value: str | None) -> None:
            if value:
                parts.append(f'<c r="{column}{r}"{self.text(value)}')

        text("B", v.name)
        text("C", (v.id_number or "") if self.full_ids else mask_id(v.id_number))
        text("D", self.name("kind", v.code_kind))
        parts.append(f'<c r="E{r}" s="{time_style}"><v>{self.serial(v.entry_at)}</v></c>')
        if v.exit_at is not None:
            parts.append(f'<c r="F{r}" s="{time_style}"><v>{self.serial(v.exit_at)}</v></c>')
        else:
            text("F", self.inside)
        text("G", self.name("method", v.entry_method))
        text("H", self.name("method", v.exit_method if v.exit_at else None))
        text("I", v.checkpoint)
        text("J", v.desk)
        text("K", v.purpose)
        text("L", v.host)
        text("M", v.organisation)
        text("N", self.name("warnings", v.warnings))
        parts.append("</row>")
        return "".join(parts)


def splice(
    xlsx: bytes,
    sheet_index: int,
    f: Figures,
    rows: Sequence[DetailRow],
    lang: str,
    full_ids: bool,
    progress: Progress | None,
) -> bytes:
    """``xlsx`` with the template row of sheet ``sheet_index`` replaced by the visits."""
    name = f"xl/worksheets/sheet{sheet_index + 1}.xml"
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    sheet = source.read(name).decode("utf-8")
    found = dict(_STYLE_RE.findall(sheet))
    styles = {
        "number": found.get("A", "0"),
        "text": found.get("B", "0"),
        "quoted": found["C"],
        "datetime": found["E"],
    }
    writer = _Writer(styles, lang, full_ids, f)
    parts: list[str] = []
    total = len(rows)
    for index, visit in enumerate(rows):
        parts.append(writer.row(TEMPLATE_ROW + index, index + 1, visit))
        if progress is not None and (index + 1) % 2000 == 0:
            progress(index + 1, total)
    body = "".join(parts)
    sheet, count = _TEMPLATE_RE.subn(lambda _: body, sheet, count=1)
    if count != 1:
        raise RuntimeError("template row not found in the Detail sheet")
    last = f"{get_column_letter(len(COLUMNS))}{max(3, TEMPLATE_ROW + total - 1)}"
    sheet = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{last}"/>', sheet, count=1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename == name:
                # Fast compression: the sheet is most of the file and most of the time.
                target.writestr(item, sheet.encode("utf-8"), compresslevel=1)
            else:
                target.writestr(item, source.read(item))
    return out.getvalue()
