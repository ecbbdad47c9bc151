"""The report workbook (openpyxl): Summary with the official header and a chart, Daily, Detail.

Numbers are written as values (no formulas), so every reader shows them; text that a
spreadsheet would take for a formula is stored as text with the quote-prefix style
(``cells.put``). The Detail sheet is in ``detail_sheet``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from desk_app.context import AppContext
from desk_app.domain.week import Period, describe
from desk_app.i18n import language, t
from desk_app.i18n.official import motto, place_and_date
from desk_app.reports import detail_sheet, report_data
from desk_app.reports.cells import (
    ABOVE,
    BELOW,
    BOLD,
    BOX,
    CENTER,
    DATE_FORMAT,
    Progress,
    header_row,
    kind_name,
    method_name,
    print_setup,
    put,
    reason_name,
    tall_enough,
    warning_name,
)
from desk_app.reports.weekly import (
    COMPARED,
    KINDS,
    METHODS,
    Figures,
    busiest_text,
    compute,
    visit_rows,
)
from desk_app.settings import Settings
from desk_app.storage import audit
from desk_app.storage.figures import DetailRow
from desk_app.timeutil import to_local, utc_now

CHART_ROWS = 19  # rows under a 9 cm chart at the default row height
SIGNING_ROWS = 6  # the titles, then room to sign and write the name
SMALL_AXIS = 8  # up to this many visits a day, the chart's axis counts one by one
LABEL_CHARS = 44  # what column A (46 wide) holds on one line
# Capitals take more room: what column A holds of the header's upper-case names, with a
# margin for wider fonts than the spreadsheet's own.
HEADER_CHARS, HEADER_CHARS_BOLD = 36, 32
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
NOT_APPLICABLE = "–"  # an en dash: per cent against a previous period of 0
RUN_DAYS = 3  # days in a row listed as one run ("01/07–30/09")

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


@dataclass(frozen=True)
class UnitInfo:
    agency: str = ""
    name: str = ""
    place: str = ""
    code: str = ""  # the code the province gave the point
    audit_head: str = ""  # the audit trail's newest record and hash, kept outside the log


@dataclass(frozen=True)
class Report:
    figures: Figures
    content: bytes  # the .xlsx file
    filename: str
    full_ids: bool
    rows: int  # visits in the Detail sheet
    pdf: bytes | None = None  # the signed page (printing.report_page), when made

    @property
    def pdf_filename(self) -> str:
        return self.filename.removesuffix(".xlsx") + ".pdf"


def report_filename(figures: Figures, code: str = "") -> str:
    """The workbook's file name: with the point's code, so that the reports of many points
    saved from their e-mails into one folder do not take each other's place."""
    point = code.replace("/", "-") + "-" if code else ""
    return f"bao-cao-ra-vao-{point}{figures.period.label}.xlsx"


def _percent(value: float | None) -> float | str:
    return NOT_APPLICABLE if value is None else round(value, 1)


def days_text(days: Sequence[date], room: int = LABEL_CHARS) -> str:
    """Days as the Summary lists them beside their count: runs of three or more days as
    "01/07–30/09", within ``room`` characters (the cells beside the count), ending with
    "…" when there are more (the Daily sheet has each day)."""
    runs: list[list[date]] = []
    for day in sorted(days):
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts: list[str] = []
    for run in runs:
        if len(run) >= RUN_DAYS:
            parts.append(f"{run[0]:%d/%m}–{run[-1]:%d/%m}")
        else:
            parts += [f"{day:%d/%m}" for day in run]
    text = ", ".join(parts)
    while len(text) > room and len(parts) > 1:
        parts.pop()
        text = ", ".join(parts) + ", …"
    return text


# ----- Summary --------------------------------------------------------------------------
def _summary(
    ws: Worksheet, f: Figures, unit: UnitInfo, lang: str, made_on: date, full_ids: bool
) -> int:
    for letter, width in zip("ABCDE", (46, 15, 15, 15, 16), strict=True):
        ws.column_dimensions[letter].width = width
    put(ws, 1, 1, unit.agency.upper(), alignment=ABOVE)
    put(ws, 2, 1, unit.name.upper(), font=BOLD, alignment=BELOW)
    tall_enough(ws, 1, unit.agency, HEADER_CHARS)
    tall_enough(ws, 2, unit.name, HEADER_CHARS_BOLD)
    if unit.code:
        put(ws, 3, 1, t("report.unit_code", lang, code=unit.code), alignment=CENTER)
    nation, words = motto(lang)
    put(ws, 1, 3, nation, font=BOLD, alignment=ABOVE)
    put(ws, 2, 3, words, font=Font(bold=True, underline="single"), alignment=BELOW)
    place_date = place_and_date(unit.place or "........", made_on, lang)
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
    header_row(ws, row, [t(f"report.col.{h}", lang) for h in heads])
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
        ("days_without_scans", len(f.days_without_scans)),
    ]
    for single, value in singles:
        row += 1
        put(ws, row, 1, t(f"report.fig.{single}", lang), border=BOX)
        cell = put(ws, row, 2, value, border=BOX)
        if single.endswith("_share"):
            cell.number_format = "0.0"
        if single == "days_without_scans" and f.days_without_scans:
            put(ws, row, 3, days_text(f.days_without_scans))
            ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=5)
    row += 1
    put(ws, row, 1, t("report.fig.busiest_hour", lang), border=BOX)
    busiest = busiest_text(f, lang)
    put(ws, row, 2, busiest, border=BOX)
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=5)
    return row + 2  # the chart goes here


def _breakdowns(ws: Worksheet, f: Figures, lang: str, row: int) -> None:
    """Page 2 of the Summary: the other counts, the breakdowns and the definitions."""
    header_row(ws, row, [t("report.col.figure", lang), t("report.col.this", lang)])
    others = [
        ("repeats", f.repeats),
        ("rejected", f.rejected),
        ("auto_checkouts", f.auto_checkouts),
        ("inside_at_end", f.inside_at_end),
        ("warnings", f.warnings),
    ]
    for single, value in others:
        row += 1
        put(ws, row, 1, t(f"report.fig.{single}", lang), border=BOX)
        put(ws, row, 2, value, border=BOX)
    tables: list[tuple[str, list[tuple[str, int]]]] = [
        ("by_kind", [(kind_name(k, lang), f.by_kind.get(k, 0)) for k in KINDS]),
        ("by_method", [(method_name(m, lang), f.by_method.get(m, 0)) for m in METHODS]),
    ]
    if f.rejected_by_reason:
        pairs = [(reason_name(r, lang), n) for r, n in f.rejected_by_reason.items()]
        tables.append(("rejected", pairs))
    if f.warnings_by_code:
        pairs = [(warning_name(w, lang), n) for w, n in f.warnings_by_code.items()]
        tables.append(("warnings", pairs))
    for section, pairs in tables:
        row += 2
        header_row(ws, row, [t(f"report.section.{section}", lang), t("report.col.count", lang)])
        for label, count in pairs:
            row += 1
            put(ws, row, 1, label, border=BOX)
            put(ws, row, 2, count, border=BOX)
            # A long label (a warning says what to check) wraps in its column, on a row as
            # tall as its lines: a spreadsheet does not grow the row by itself.
            lines = -(-len(label) // LABEL_CHARS)
            if lines > 1:
                ws.cell(row=row, column=1).alignment = WRAP_TOP
                ws.row_dimensions[row].height = 15 * lines
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


def _chart(summary: Worksheet, daily: Worksheet, f: Figures, lang: str, anchor_row: int) -> int:
    chart = BarChart()
    chart.type = "col"
    chart.title = t("report.section.chart", lang)
    chart.y_axis.title = t("report.col.count", lang)
    # Sized to fit page 1 with the figures and the signatures (A4 portrait, 19 cm wide).
    chart.height, chart.width = 9, 18
    last = 3 + len(f.days)
    data = Reference(daily, min_col=4, max_col=5, min_row=3, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(daily, min_col=1, min_row=4, max_row=last))
    chart.x_axis.number_format = "DD/MM"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    # Whole visits on the axis: a quiet week would otherwise be counted in 0.2 steps.
    top = max((max(d.entries, d.exits) for d in f.days), default=0)
    if top <= SMALL_AXIS:
        chart.y_axis.majorUnit = 1
    chart.y_axis.number_format = "0"
    summary.add_chart(chart, f"A{anchor_row}")
    return anchor_row + CHART_ROWS


def _signatures(ws: Worksheet, row: int, lang: str) -> int:
    """The two signature blocks; returns the last row of the space left for signing."""
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
    return row + SIGNING_ROWS


def one_page_summary(ws: Worksheet) -> None:
    """A4 portrait, as wide as the page: page 1 holds everything down to the signatures."""
    print_setup(ws, None)
    ws.page_setup.orientation = "portrait"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_area = f"A1:E{ws.max_row}"


# ----- Daily ----------------------------------------------------------------------------
def _daily(ws: Worksheet, f: Figures, lang: str) -> None:
    put(ws, 1, 1, f"{t('report.sheet.daily', lang)}: {describe(f.period, lang)}", font=BOLD)
    header_row(ws, 3, [t(f"report.col.{name}", lang) for name, _ in DAILY_COLUMNS])
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
    print_setup(ws, "1:3")


# ----- the whole workbook ---------------------------------------------------------------
def build_workbook(
    figures: Figures,
    rows: Sequence[DetailRow],
    unit: UnitInfo,
    *,
    full_ids: bool = False,
    lang: str | None = None,
    made_on: date | None = None,
    made_at: datetime | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The .xlsx bytes: Summary, Daily, Detail (ID numbers masked unless ``full_ids``), and
    the hidden sheet and document properties a province reads back (``report_data``)."""
    lang = lang or language()
    made_at = made_at or utc_now()
    made_on = made_on or to_local(made_at).date()
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = t("report.sheet.summary", lang)
    daily = wb.create_sheet(t("report.sheet.daily", lang))
    detail = wb.create_sheet(t("report.sheet.detail", lang))
    chart_row = _summary(summary, figures, unit, lang, made_on, full_ids)
    _daily(daily, figures, lang)
    last = _signatures(summary, _chart(summary, daily, figures, lang, chart_row), lang)
    # Page 1 is what the head of the unit signs: header, key figures, chart, signatures.
    summary.row_breaks.append(Break(id=last))
    _breakdowns(summary, figures, lang, last + 2)
    if unit.audit_head:
        line = t("audit.report_line", lang, head=unit.audit_head)
        put(summary, summary.max_row + 2, 1, line, font=Font(size=8, color="808080"))
    one_page_summary(summary)
    detail_sheet.layout(detail, figures, lang, full_ids)
    report_data.attach(
        wb,
        report_data.from_figures(
            figures, code=unit.code, name=unit.name, agency=unit.agency, made_at=made_at
        ),
    )
    buffer = io.BytesIO()
    wb.save(buffer)
    if progress is not None:
        progress(0, len(rows))
    content = detail_sheet.splice(buffer.getvalue(), 2, figures, rows, lang, full_ids, progress)
    if progress is not None:
        progress(len(rows), len(rows))
    return content


def unit_info(settings: Settings) -> UnitInfo:
    return UnitInfo(
        agency=settings.text("unit.agency"),
        name=settings.text("unit.name"),
        place=settings.text("unit.place"),
        code=settings.text("unit.code"),
    )


def export_report(
    ctx: AppContext,
    period: Period,
    *,
    full_ids: bool = False,
    lang: str | None = None,
    made_on: date | None = None,
    made_at: datetime | None = None,
    progress: Progress | None = None,
) -> Report:
    """Figures, rows and workbook of a period, as the window and the command line make it.

    A workbook with full ID numbers is personal data leaving the desk: it is audited.
    """
    figures = compute(ctx.db, period)
    rows = visit_rows(ctx.db, period)
    if full_ids:
        ctx.log.audit("full_ids_export", f"report {period.label}: {len(rows)} visits")
    head_id, head_hash = audit.head(ctx.db)
    unit = replace(unit_info(ctx.settings), audit_head=f"#{head_id} {head_hash}")
    content = build_workbook(
        figures,
        rows,
        unit,
        full_ids=full_ids,
        lang=lang,
        made_on=made_on,
        made_at=made_at,
        progress=progress,
    )
    return Report(figures, content, report_filename(figures, unit.code), full_ids, len(rows))
