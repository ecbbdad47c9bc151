"""The province workbook: Summary with a chart, By district, Zero, Missing, Ranking, and the
files that did not count."""

from __future__ import annotations

import io
from collections.abc import Sequence
from copy import copy
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desk_app.domain.week import describe
from desk_app.i18n import language, t
from desk_app.i18n.official import motto, place_and_date
from desk_app.reports.cells import (
    ABOVE,
    BELOW,
    BOLD,
    BOX,
    CENTER,
    header_row,
    print_setup,
    put,
    tall_enough,
)
from desk_app.reports.workbook import UnitInfo, unit_info
from desk_app.rollup.province import MISSING, ZERO, PointRow, Rollup
from desk_app.settings import Settings
from desk_app.timeutil import local_today

CHANGE_FORMAT = "+#,##0;-#,##0;0"
COUNT_FORMAT = "#,##0"
HEADER_HEIGHT = 32  # points: two lines of the header font
# What column A (40 wide) holds of the header's upper-case names on one line.
HEADER_CHARS, HEADER_CHARS_BOLD = 31, 28
# The chart on the Summary, and the rows it covers at the default row height (15 points).
CHART_HEIGHT_CM, CHART_WIDTH_CM = 9, 19
CHART_ROWS = 19
DISTRICT_COLUMNS = (
    ("no", 6),
    ("district", 24),
    ("points", 9),
    ("reported", 11),
    ("zero", 9),
    ("missing", 12),
    ("scans", 14),
    ("previous", 12),
    ("change", 11),
    ("by_code", 12),
    ("by_hand", 11),
)


def issuer_of(settings: Settings | None) -> UnitInfo:
    """The department that rolls the reports up: its own desk's unit settings."""
    return unit_info(settings) if settings is not None else UnitInfo()


def _boxed(ws: Worksheet, row: int, values: Sequence[Any], number_format: str = "") -> None:
    """A row of bordered cells. The border is copied from the first boxed cell of the sheet:
    openpyxl hashes a style each time one is set, which on a large province's lists is most
    of the time spent."""
    proto = getattr(ws, "_boxed_proto", None)
    for column, value in enumerate(values, start=1):
        cell = put(ws, row, column, value)
        if proto is None:
            cell.border = BOX
            proto = cell
            ws._boxed_proto = proto
        elif cell.quotePrefix:  # a text kept from becoming a formula keeps its own style
            cell.border = BOX
        else:
            cell._style = copy(proto._style)
    if number_format:
        ws.cell(row=row, column=len(values)).number_format = number_format


def _widths(ws: Worksheet, widths: Sequence[int]) -> None:
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def _percent(value: float | None) -> float | str:
    return "–" if value is None else value


def _summary(ws: Worksheet, r: Rollup, issuer: UnitInfo, lang: str, today: date) -> int:
    _widths(ws, (40, 16, 4, 40))
    put(ws, 1, 1, issuer.agency.upper(), alignment=ABOVE)
    put(ws, 2, 1, issuer.name.upper(), font=BOLD, alignment=BELOW)
    tall_enough(ws, 1, issuer.agency, HEADER_CHARS)
    tall_enough(ws, 2, issuer.name, HEADER_CHARS_BOLD)
    nation, words = motto(lang)
    put(ws, 1, 4, nation, font=BOLD, alignment=ABOVE)
    put(ws, 2, 4, words, font=Font(bold=True, underline="single"), alignment=BELOW)
    place_date = place_and_date(issuer.place or "........", today, lang)
    put(ws, 3, 4, place_date, font=Font(italic=True), alignment=CENTER)
    put(ws, 5, 1, t("rollup.title", lang), font=Font(bold=True, size=14), alignment=CENTER)
    put(ws, 6, 1, describe(r.period, lang), font=Font(italic=True, size=12), alignment=CENTER)
    for row in (5, 6):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
    row = 8
    header_row(ws, row, [t("rollup.col.figure", lang), t("rollup.col.value", lang)])
    figures: list[tuple[str, Any, str]] = [
        ("points", r.points, COUNT_FORMAT),
        ("reported", r.reported, COUNT_FORMAT),
        ("zero", r.zero, COUNT_FORMAT),
        ("missing", r.missing, COUNT_FORMAT),
        ("scans", r.scans, COUNT_FORMAT),
        ("previous", r.previous_scans, COUNT_FORMAT),
        ("change", r.change, CHANGE_FORMAT),
        ("by_code", r.by_code, COUNT_FORMAT),
        ("by_hand", r.by_hand, COUNT_FORMAT),
        ("share_by_code", _percent(r.share_by_code), "0.0"),
        ("share_by_hand", _percent(r.share_by_hand), "0.0"),
    ]
    for key, value, number_format in figures:
        row += 1
        put(ws, row, 1, t(f"rollup.fig.{key}", lang), border=BOX)
        cell = put(ws, row, 2, value, border=BOX)
        cell.number_format = number_format
    row += 2
    put(
        ws,
        row,
        1,
        t("rollup.definition", lang),
        font=Font(italic=True, size=9),
        alignment=Alignment(wrap_text=True, vertical="top"),
    )
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
    ws.row_dimensions[row].height = 40
    return row + 2


def _heads(ws: Worksheet, labels: Sequence[str]) -> None:
    """The header row of a list, two lines high: "Lượt quét tuần này" wraps in its column,
    and a spreadsheet does not make a row taller for wrapped text by itself."""
    header_row(ws, 3, labels)
    ws.row_dimensions[3].height = HEADER_HEIGHT


def _districts(ws: Worksheet, r: Rollup, lang: str) -> int:
    put(ws, 1, 1, f"{t('rollup.sheet.districts', lang)}: {describe(r.period, lang)}", font=BOLD)
    _heads(ws, [t(f"rollup.col.{name}", lang) for name, _ in DISTRICT_COLUMNS])
    _widths(ws, [width for _, width in DISTRICT_COLUMNS])
    row = 3
    for number, d in enumerate(r.districts, start=1):
        row += 1
        values = [
            number,
            # Points the register gives no district are counted under a name, not a blank.
            d.district or t("rollup.no_district", lang),
            d.points,
            d.reported,
            d.zero,
            d.missing,
            d.scans,
            d.previous,
            d.change,
            d.by_code,
            d.by_hand,
        ]
        for column, value in enumerate(values, start=1):
            cell = put(ws, row, column, value, border=BOX)
            if column > 2:
                cell.number_format = CHANGE_FORMAT if column == 9 else COUNT_FORMAT
    last_district_row = row
    row += 1
    totals = [
        "",
        t("rollup.total", lang),
        r.points,
        r.reported,
        r.zero,
        r.missing,
        r.scans,
        r.previous_scans,
        r.change,
        r.by_code,
        r.by_hand,
    ]
    for column, value in enumerate(totals, start=1):
        cell = put(ws, row, column, value, font=BOLD, border=BOX)
        if column > 2:
            cell.number_format = CHANGE_FORMAT if column == 9 else COUNT_FORMAT
    ws.freeze_panes = "A4"
    print_setup(ws, "1:3")
    return last_district_row


def _chart(summary: Worksheet, districts: Worksheet, last_row: int, lang: str, row: int) -> int:
    """The chart of scans by district, this week and the previous one; returns the first
    row below it."""
    if last_row < 4:
        return row
    chart = BarChart()
    chart.type = "col"
    chart.title = t("rollup.chart", lang)
    chart.y_axis.title = t("report.col.scans", lang)  # the legend says which week
    chart.height, chart.width = CHART_HEIGHT_CM, CHART_WIDTH_CM
    if chart.legend is not None:
        chart.legend.position = "b"  # under the bars: the districts get the width
    # Columns G (this week) and H (previous week) of By district, names from column B.
    data = Reference(districts, min_col=7, max_col=8, min_row=3, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    # The districts are names: text categories (openpyxl would declare them numbers, which
    # a spreadsheet may show as 1, 2, 3).
    names = Reference(districts, min_col=2, min_row=4, max_row=last_row)
    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(names)))
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    summary.add_chart(chart, f"A{row}")
    return row + CHART_ROWS


def _signatures(ws: Worksheet, row: int, lang: str) -> None:
    """Who prepared the figures (left) and the head of the department (right), with room to
    sign below: the Summary is a page to sign, as a unit's is."""
    titles = (
        (1, "report.sign.preparer", "report.sign.preparer_note"),
        (4, "rollup.letter.signer", "report.sign.head_note"),
    )
    for column, title, note in titles:
        put(ws, row, column, t(title, lang), font=BOLD, alignment=CENTER)
        put(ws, row + 1, column, t(note, lang), font=Font(italic=True), alignment=CENTER)
    ws.row_dimensions[row + 5].height = 15  # the space to sign belongs to the page
    ws.print_area = f"A1:D{row + 5}"


def _point_list(ws: Worksheet, title: str, rows: Sequence[PointRow], lang: str) -> None:
    put(ws, 1, 1, title, font=BOLD)
    heads = ("no", "code", "name", "district", "type")
    _heads(ws, [t(f"rollup.col.{h}", lang) for h in heads])
    _widths(ws, (6, 14, 40, 24, 16))
    if not rows:
        put(ws, 4, 1, t("rollup.none", lang))
    for number, p in enumerate(rows, start=1):
        _boxed(ws, 3 + number, [number, p.point.code, p.point.name, p.point.district, p.point.type])
    ws.freeze_panes = "A4"
    print_setup(ws, "1:3")


def _ranking(ws: Worksheet, r: Rollup, lang: str) -> None:
    put(ws, 1, 1, f"{t('rollup.sheet.ranking', lang)}: {describe(r.period, lang)}", font=BOLD)
    heads = ("rank", "code", "name", "district", "status", "scans", "previous", "change")
    _heads(ws, [t(f"rollup.col.{h}", lang) for h in heads])
    _widths(ws, (7, 14, 40, 24, 16, 14, 12, 11))
    rank, last_scans = 0, None
    for number, p in enumerate(r.ranked(), start=1):
        if p.scans != last_scans:  # equal figures share a rank
            rank, last_scans = number, p.scans
        values = [
            rank,
            p.point.code,
            p.point.name,
            p.point.district,
            t(f"rollup.status.{p.status}", lang),
            p.scans,
            p.previous,
            p.change,
        ]
        _boxed(ws, 3 + number, values, CHANGE_FORMAT)
        for column in (6, 7):
            ws.cell(row=3 + number, column=column).number_format = COUNT_FORMAT
    ws.freeze_panes = "A4"
    print_setup(ws, "1:3")


def _unmatched(ws: Worksheet, r: Rollup, lang: str) -> None:
    put(ws, 1, 1, t("rollup.sheet.unmatched", lang), font=BOLD)
    header_row(ws, 3, [t("rollup.col.file", lang), t("rollup.col.reason", lang)])
    _widths(ws, (60, 70))
    notes = [*r.unmatched, *r.superseded]
    if not notes:
        put(ws, 4, 1, t("rollup.none", lang))
    for number, note in enumerate(notes, start=1):
        _boxed(ws, 3 + number, [note.path, note.message(lang)])
    print_setup(ws, "1:3")


def build_province_workbook(
    r: Rollup,
    settings: Settings | None = None,
    *,
    lang: str | None = None,
    today: date | None = None,
) -> bytes:
    """The .xlsx bytes of the province's week."""
    lang = lang or language()
    today = today or local_today()
    issuer = issuer_of(settings)
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = t("rollup.sheet.summary", lang)
    districts = wb.create_sheet(t("rollup.sheet.districts", lang))
    zero = wb.create_sheet(t("rollup.sheet.zero", lang))
    missing = wb.create_sheet(t("rollup.sheet.missing", lang))
    ranking = wb.create_sheet(t("rollup.sheet.ranking", lang))
    unmatched = wb.create_sheet(t("rollup.sheet.unmatched", lang))
    chart_row = _summary(summary, r, issuer, lang, today)
    last_row = _districts(districts, r, lang)
    below_chart = _chart(summary, districts, last_row, lang, chart_row)
    # One A4 page, portrait: header, figures, chart, signatures.
    print_setup(summary, None)
    summary.page_setup.orientation = "portrait"
    summary.page_setup.fitToHeight = 1
    summary.page_margins.left = summary.page_margins.right = 0.5
    summary.page_margins.top = summary.page_margins.bottom = 0.6
    _signatures(summary, below_chart + 1, lang)
    heading = describe(r.period, lang)
    _point_list(zero, f"{t('rollup.sheet.zero', lang)}: {heading}", r.with_status(ZERO), lang)
    _point_list(
        missing, f"{t('rollup.sheet.missing', lang)}: {heading}", r.with_status(MISSING), lang
    )
    _ranking(ranking, r, lang)
    _unmatched(unmatched, r, lang)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
