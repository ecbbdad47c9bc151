"""The report workbook (openpyxl): Summary with the official header and a chart, Daily, Detail.

Numbers are written as values (no formulas), so every reader shows them; text that a
spreadsheet would take for a formula is stored as text with the quote-prefix style.
The Detail sheet can hold tens of thousands of rows: openpyxl lays out the sheet (widths,
frozen rows, print set-up, the styles of one template row) and the rows themselves are
streamed into its XML, which is many times faster than one openpyxl cell object per value.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from desk_app.context import AppContext
from desk_app.domain.visits import VisitRow
from desk_app.domain.week import Period, describe
from desk_app.i18n import CATALOGUE, language, t
from desk_app.reports.weekly import COMPARED, KINDS, METHODS, Figures, compute, visit_rows
from desk_app.settings import Settings
from desk_app.timeutil import local_today, to_local

Progress = Callable[[int, int], None]

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOLD = Font(bold=True)
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
NOT_APPLICABLE = "–"  # an en dash: per cent against a previous period of 0

DAILY_COLUMNS = (
    ("date", 12),
    ("weekday", 11),
    ("scans", 11),
    ("entries", 9),
    ("exits", 9),
    ("qr_entries", 12),
    ("manual_entries", 13),
    ("people", 10),
    ("repeats", 12),
    ("rejected", 11),
    ("auto_checkouts", 12),
)
DETAIL_COLUMNS = (
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


@dataclass(frozen=True)
class UnitInfo:
    agency: str = ""
    name: str = ""
    place: str = ""


@dataclass(frozen=True)
class Report:
    figures: Figures
    content: bytes  # the .xlsx file
    filename: str
    full_ids: bool
    rows: int  # visits in the Detail sheet


def report_filename(figures: Figures) -> str:
    return f"bao-cao-ra-vao-{figures.period.label}.xlsx"


def needs_quote(value: str) -> bool:
    return value.startswith(FORMULA_START)


def _clean(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def put(ws: Worksheet, row: int, column: int, value: Any, **style: Any) -> Any:
    """Write one value; text never becomes a formula."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        value = _clean(value)
        cell.value = value
        if needs_quote(value):
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _percent(value: float | None) -> float | str:
    return NOT_APPLICABLE if value is None else round(value, 1)


def _kind_name(kind: str, lang: str) -> str:
    key = f"report.kind.{kind}"
    return t(key, lang) if key in CATALOGUE else kind


def _method_name(method: str | None, lang: str) -> str:
    key = f"report.method.{method}"
    return t(key, lang) if key in CATALOGUE else (method or "")


def _warning_name(code: str, lang: str) -> str:
    for key in (f"payload.warning.{code}", f"warning.{code}"):
        if key in CATALOGUE:
            return t(key, lang)
    return code


def _reason_name(code: str, lang: str) -> str:
    for key in (f"reason.{code}", f"payload.reason.{code}"):
        if key in CATALOGUE:
            return t(key, lang)
    return code or "?"


def _print_setup(ws: Worksheet, title_rows: str | None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    if title_rows:
        ws.print_title_rows = title_rows


def _header_row(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    for column, label in enumerate(labels, start=1):
        put(ws, row, column, label, font=BOLD, fill=HEAD_FILL, alignment=CENTER, border=BOX)


# ----- Summary --------------------------------------------------------------------------
def _summary(
    ws: Worksheet, f: Figures, unit: UnitInfo, lang: str, made_on: date, full_ids: bool
) -> int:
    for letter, width in zip("ABCDE", (46, 15, 15, 15, 16), strict=True):
        ws.column_dimensions[letter].width = width
    center_bold = {"font": BOLD, "alignment": CENTER}
    put(ws, 1, 1, unit.agency.upper(), alignment=CENTER)
    put(ws, 2, 1, unit.name.upper(), **center_bold)
    put(ws, 1, 3, t("report.motto.country", lang), **center_bold)
    put(
        ws,
        2,
        3,
        t("report.motto.words", lang),
        font=Font(bold=True, underline="single"),
        alignment=CENTER,
    )
    place_date = t(
        "report.place_date",
        lang,
        place=unit.place or "........",
        day=f"{made_on:%d}",
        month=f"{made_on:%m}",
        year=made_on.year,
    )
    put(ws, 4, 3, place_date, font=Font(italic=True), alignment=CENTER)
    for row in (1, 2, 4):
        ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=5)
    put(ws, 6, 1, t("report.title", lang), font=Font(bold=True, size=14), alignment=CENTER)
    put(ws, 7, 1, describe(f.period, lang), font=Font(italic=True, size=12), alignment=CENTER)
    note = t("report.ids_full" if full_ids else "report.ids_masked", lang)
    put(ws, 8, 1, note, font=Font(italic=True, size=9), alignment=CENTER)
    for row in (6, 7, 8):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
    ws.row_dimensions[6].height = 24

    row = 10
    heads = ("figure", "this", "previous", "difference", "percent")
    _header_row(ws, row, [t(f"report.col.{h}", lang) for h in heads])
    for name in COMPARED:
        row += 1
        delta = f.change(name)
        values: list[Any] = [t(f"report.fig.{name}", lang), getattr(f, name)]
        if delta is not None:
            values += [delta.previous, delta.difference, _percent(delta.percent)]
        for column, value in enumerate(values, start=1):
            put(ws, row, column, value, border=BOX)
        ws.cell(row=row, column=4).number_format = "+#,##0;-#,##0;0"
        ws.cell(row=row, column=5).number_format = "+0.0;-0.0;0.0"
    singles: list[tuple[str, Any]] = [
        ("qr_share", _percent(f.qr_share)),
        ("manual_share", _percent(f.manual_share)),
        ("repeats", f.repeats),
        ("rejected", f.rejected),
        ("auto_checkouts", f.auto_checkouts),
        ("inside_at_end", f.inside_at_end),
        ("warnings", f.warnings),
        ("days_without_scans", len(f.days_without_scans)),
    ]
    for single, value in singles:
        row += 1
        put(ws, row, 1, t(f"report.fig.{single}", lang), border=BOX)
        cell = put(ws, row, 2, value, border=BOX)
        if single.endswith("_share"):
            cell.number_format = "0.0"
        if single == "days_without_scans" and f.days_without_scans:
            listed = ", ".join(f"{d:%d/%m}" for d in f.days_without_scans)
            put(ws, row, 3, listed)
            ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=5)
    row += 1
    put(ws, row, 1, t("report.fig.busiest_hour", lang), border=BOX)
    busiest = t("report.none", lang)
    if f.busiest_hour is not None:
        b = f.busiest_hour
        busiest = t(
            "report.busiest",
            lang,
            start=f"{b.hour:02d}:00",
            end=f"{(b.hour + 1) % 24:02d}:00",
            day=f"{b.day:%d/%m/%Y}",
            count=b.scans,
        )
    put(ws, row, 2, busiest, border=BOX)
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=5)

    tables: list[tuple[str, list[tuple[str, int]]]] = [
        ("by_kind", [(_kind_name(k, lang), f.by_kind.get(k, 0)) for k in KINDS]),
        ("by_method", [(_method_name(m, lang), f.by_method.get(m, 0)) for m in METHODS]),
    ]
    if f.rejected_by_reason:
        pairs = [(_reason_name(r, lang), n) for r, n in f.rejected_by_reason.items()]
        tables.append(("rejected", pairs))
    if f.warnings_by_code:
        pairs = [(_warning_name(w, lang), n) for w, n in f.warnings_by_code.items()]
        tables.append(("warnings", pairs))
    for section, pairs in tables:
        row += 2
        _header_row(ws, row, [t(f"report.section.{section}", lang), t("report.col.count", lang)])
        for label, count in pairs:
            row += 1
            put(ws, row, 1, label, border=BOX)
            put(ws, row, 2, count, border=BOX)
    row += 2
    put(
        ws,
        row,
        1,
        t("report.definition", lang),
        font=Font(italic=True, size=9),
        alignment=Alignment(wrap_text=True, vertical="top"),
    )
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
    ws.row_dimensions[row].height = 54
    return row + 2  # the chart goes here


def _chart(summary: Worksheet, daily: Worksheet, f: Figures, lang: str, anchor_row: int) -> int:
    chart = BarChart()
    chart.type = "col"
    chart.title = t("report.section.chart", lang)
    chart.y_axis.title = t("report.col.count", lang)
    chart.height, chart.width = 8, 24
    last = 3 + len(f.days)
    data = Reference(daily, min_col=4, max_col=5, min_row=3, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(daily, min_col=1, min_row=4, max_row=last))
    chart.x_axis.number_format = "DD/MM"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    summary.add_chart(chart, f"A{anchor_row}")
    # A chart cut by a page break is printed twice: start it on a page of its own.
    summary.row_breaks.append(Break(id=anchor_row - 1))
    return anchor_row + 17


def _signatures(ws: Worksheet, row: int, lang: str) -> None:
    put(ws, row, 1, t("report.sign.preparer", lang), font=BOLD, alignment=CENTER)
    put(ws, row, 3, t("report.sign.head", lang), font=BOLD, alignment=CENTER)
    put(
        ws,
        row + 1,
        1,
        t("report.sign.preparer_note", lang),
        font=Font(italic=True),
        alignment=CENTER,
    )
    put(ws, row + 1, 3, t("report.sign.head_note", lang), font=Font(italic=True), alignment=CENTER)
    for r in (row, row + 1):
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=5)


# ----- Daily ----------------------------------------------------------------------------
def _daily(ws: Worksheet, f: Figures, lang: str) -> None:
    put(ws, 1, 1, f"{t('report.sheet.daily', lang)}: {describe(f.period, lang)}", font=BOLD)
    _header_row(ws, 3, [t(f"report.col.{name}", lang) for name, _ in DAILY_COLUMNS])
    for column, (_, width) in enumerate(DAILY_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    row = 3
    for d in f.days:
        row += 1
        values = [
            d.day,
            t(f"report.weekday.{d.day.weekday()}", lang),
            d.scans,
            d.entries,
            d.exits,
            d.qr_entries,
            d.manual_entries,
            d.people,
            d.repeats,
            d.rejected,
            d.auto_checkouts,
        ]
        for column, value in enumerate(values, start=1):
            put(ws, row, column, value, border=BOX)
        ws.cell(row=row, column=1).number_format = DATE_FORMAT
    row += 1
    totals = [
        t("report.total", lang),
        "",
        f.scans,
        f.entries,
        f.exits,
        f.qr_entries,
        f.manual_entries,
        f.people,
        f.repeats,
        f.rejected,
        f.auto_checkouts,
    ]
    for column, value in enumerate(totals, start=1):
        put(ws, row, column, value, font=BOLD, border=BOX)
    ws.freeze_panes = "A4"
    _print_setup(ws, "1:3")


# ----- Detail ---------------------------------------------------------------------------
TEMPLATE_ROW = 4


def _detail_layout(ws: Worksheet, f: Figures, lang: str, full_ids: bool) -> None:
    title = f"{t('report.sheet.detail', lang)}: {describe(f.period, lang)}"
    put(ws, 1, 1, title, font=BOLD)
    put(
        ws,
        2,
        1,
        t("report.ids_full" if full_ids else "report.ids_masked", lang),
        font=Font(italic=True, size=9),
    )
    _header_row(ws, 3, [t(f"report.col.{name}", lang) for name, _ in DETAIL_COLUMNS])
    for column, (_, width) in enumerate(DETAIL_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    # One cell of each style the rows use; their style numbers are read back after saving.
    put(ws, TEMPLATE_ROW, 1, 1)
    put(ws, TEMPLATE_ROW, 2, "text")
    put(ws, TEMPLATE_ROW, 3, "=quoted")
    put(ws, TEMPLATE_ROW, 5, datetime(2000, 1, 1), number_format=DATETIME_FORMAT)
    ws.freeze_panes = "C4"
    _print_setup(ws, "1:3")


def _detail_values(row: VisitRow, number: int, lang: str, full_ids: bool) -> list[Any]:
    inside = t("report.still_inside", lang)
    exit_method = row.exit_method if row.exit_at else None
    return [
        number,
        row.name,
        (row.id_number or "") if full_ids else row.masked_id,
        _kind_name(row.code_kind, lang),
        to_local(row.entry_at).replace(tzinfo=None),
        to_local(row.exit_at).replace(tzinfo=None) if row.exit_at else inside,
        _method_name(row.entry_method, lang),
        _method_name(exit_method, lang) if exit_method else "",
        row.checkpoint,
        row.desk,
        row.purpose,
        row.host,
        row.organisation or "",
        "; ".join(_warning_name(w, lang) for w in row.warnings),
    ]


def _detail_xml(
    rows: Sequence[VisitRow],
    styles: dict[str, str],
    lang: str,
    full_ids: bool,
    progress: Progress | None,
) -> str:
    letters = [get_column_letter(c) for c in range(1, len(DETAIL_COLUMNS) + 1)]
    out: list[str] = []
    total = len(rows)
    for index, visit in enumerate(rows):
        r = TEMPLATE_ROW + index
        cells: list[str] = []
        for letter, value in zip(
            letters, _detail_values(visit, index + 1, lang, full_ids), strict=True
        ):
            ref = f"{letter}{r}"
            if isinstance(value, datetime):
                cells.append(f'<c r="{ref}" s="{styles["datetime"]}"><v>{to_excel(value)}</v></c>')
            elif isinstance(value, int):
                cells.append(f'<c r="{ref}" s="{styles["number"]}"><v>{value}</v></c>')
            elif value:
                text = escape(_clean(str(value)))
                style = styles["quoted"] if needs_quote(value) else styles["text"]
                cells.append(
                    f'<c r="{ref}" s="{style}" t="inlineStr"><is>'
                    f'<t xml:space="preserve">{text}</t></is></c>'
                )
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
        if progress is not None and (index + 1) % 1000 == 0:
            progress(index + 1, total)
    return "".join(out)


_TEMPLATE_RE = re.compile(rf'<row r="{TEMPLATE_ROW}"[^>]*>.*?</row>', re.S)
_STYLE_RE = re.compile(rf'<c r="([A-Z]+){TEMPLATE_ROW}"[^>]*?\bs="(\d+)"')


def _splice_detail(
    xlsx: bytes,
    sheet_index: int,
    rows: Sequence[VisitRow],
    lang: str,
    full_ids: bool,
    progress: Progress | None,
) -> bytes:
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
    body = _detail_xml(rows, styles, lang, full_ids, progress)
    sheet, count = _TEMPLATE_RE.subn(lambda _: body, sheet, count=1)
    if count != 1:
        raise RuntimeError("template row not found in the Detail sheet")
    last_row = max(3, TEMPLATE_ROW + len(rows) - 1)
    last_col = get_column_letter(len(DETAIL_COLUMNS))
    sheet = re.sub(
        r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{last_col}{last_row}"/>', sheet, count=1
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = sheet.encode("utf-8") if item.filename == name else source.read(item)
            target.writestr(item, data)
    return out.getvalue()


# ----- the whole workbook ---------------------------------------------------------------
def build_workbook(
    figures: Figures,
    rows: Sequence[VisitRow],
    unit: UnitInfo,
    *,
    full_ids: bool = False,
    lang: str | None = None,
    made_on: date | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The .xlsx bytes: Summary, Daily, Detail (ID numbers masked unless ``full_ids``)."""
    lang = lang or language()
    made_on = made_on or local_today()
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = t("report.sheet.summary", lang)
    daily = wb.create_sheet(t("report.sheet.daily", lang))
    detail = wb.create_sheet(t("report.sheet.detail", lang))
    chart_row = _summary(summary, figures, unit, lang, made_on, full_ids)
    _daily(daily, figures, lang)
    _signatures(summary, _chart(summary, daily, figures, lang, chart_row), lang)
    _print_setup(summary, None)
    _detail_layout(detail, figures, lang, full_ids)
    buffer = io.BytesIO()
    wb.save(buffer)
    if progress is not None:
        progress(0, len(rows))
    content = _splice_detail(buffer.getvalue(), 2, rows, lang, full_ids, progress)
    if progress is not None:
        progress(len(rows), len(rows))
    return content


def unit_info(settings: Settings) -> UnitInfo:
    return UnitInfo(
        agency=str(settings.get("unit.agency")),
        name=str(settings.get("unit.name")),
        place=str(settings.get("unit.place")),
    )


def export_report(
    ctx: AppContext,
    period: Period,
    *,
    full_ids: bool = False,
    lang: str | None = None,
    made_on: date | None = None,
    progress: Progress | None = None,
) -> Report:
    """Figures, rows and workbook of a period, as the window and the command line make it.

    A workbook with full ID numbers is personal data leaving the desk: it is audited.
    """
    figures = compute(ctx.db, period)
    rows = visit_rows(ctx.db, period)
    if full_ids:
        ctx.log.audit("full_ids_export", f"report {period.label}: {len(rows)} visits")
    content = build_workbook(
        figures,
        rows,
        unit_info(ctx.settings),
        full_ids=full_ids,
        lang=lang,
        made_on=made_on,
        progress=progress,
    )
    return Report(figures, content, report_filename(figures), full_ids, len(rows))
