"""The unit's weekly report as one signed A4 page (PDF, printer): the official header, the key
figures against the previous week, the chart of entries and exits per day, the signatures.

The same figures and words as the Summary sheet's first page, drawn with the printing canvas,
so the PDF a head of unit signs is what the printer gives.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

from PySide6.QtGui import QColor

from desk_app.domain.week import describe
from desk_app.i18n import language, t
from desk_app.i18n.official import place_and_date
from desk_app.printing.layout import GREY, LIGHT, Align, Canvas, official_header
from desk_app.printing.output import Document, pdf_bytes
from desk_app.reports.weekly import COMPARED, Figures, busiest_text
from desk_app.reports.workbook import Report, UnitInfo

A4 = (210.0, 297.0)
MARGIN = 15.0
ENTRY_COLOUR = QColor(68, 114, 196)
EXIT_COLOUR = QColor(192, 80, 77)
DAY_LABEL_MM = 11.0  # a day's label ("17/10" at 7.5 pt) and the space beside it


def _place_date(unit: UnitInfo, made_on: date, lang: str) -> str:
    return place_and_date(unit.place or "........", made_on, lang)


def _signed(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:+.{digits}f}" if value else f"{0:.{digits}f}"


def _table(canvas: Canvas, x: float, y: float, w: float, f: Figures, lang: str) -> float:
    """The figures against the previous period; returns the height used."""
    widths = [w * 0.40, w * 0.15, w * 0.15, w * 0.15, w * 0.15]
    heads = ["figure", "this", "previous", "difference", "percent"]
    rows: list[list[str]] = [[t(f"report.col.{h}", lang) for h in heads]]
    for name in COMPARED:
        delta = f.change(name)
        row = [t(f"report.fig.{name}", lang), str(getattr(f, name))]
        if delta is not None:
            row += [str(delta.previous), _signed(delta.difference), _signed(delta.percent, 1)]
        else:
            row += ["", "", ""]
        rows.append(row)
    for name, share in (("qr_share", f.qr_share), ("manual_share", f.manual_share)):
        rows.append([t(f"report.fig.{name}", lang), "–" if share is None else f"{share:.1f}"])
    rows.append([t("report.fig.days_without_scans", lang), str(len(f.days_without_scans))])
    busiest = busiest_text(f, lang)
    rows.append([t("report.fig.busiest_hour", lang), busiest])
    line_h = 6.2
    top = y
    for index, row in enumerate(rows):
        head = index == 0
        if head:
            canvas.fill(x, y, w, line_h, QColor(221, 235, 247))
        cx = x
        cells = row if len(row) > 2 or head else row
        for column, text in enumerate(cells):
            cw = widths[column] if (len(row) > 2 or column == 0) else w - widths[0]
            align = Align.LEFT if column == 0 and not head else Align.CENTER
            if column > 0 and not head and len(row) > 2:
                align = Align.RIGHT
            canvas.text(
                cx + 1.2,
                y + 1.2,
                cw - 2.4,
                text,
                9,
                bold=head,
                align=align,
                max_h=line_h - 1.5,
                min_size=6,
                wrap=False,
            )
            canvas.frame(cx, y, cw, line_h, width=0.15, color=GREY)
            cx += cw
        y += line_h
    return y - top


def _chart(canvas: Canvas, x: float, y: float, w: float, h: float, f: Figures, lang: str) -> None:
    """Entries and exits per day as columns, with a scale and a legend."""
    canvas.text(x, y, w, t("report.section.chart", lang), 11, bold=True)
    top = y + 8
    legend_h = 6.0
    axis_w = 10.0
    plot_x, plot_w = x + axis_w, w - axis_w
    plot_h = h - 8 - legend_h - 6
    peak = max([d.entries for d in f.days] + [d.exits for d in f.days] + [1])
    step = max(1, -(-peak // 5))
    scale_top = step * 5
    for tick in range(6):
        ty = top + plot_h - plot_h * tick / 5
        canvas.line(plot_x, ty, plot_x + plot_w, ty, width=0.1, color=LIGHT)
        canvas.text(x, ty - 2, axis_w - 1.5, str(step * tick), 7, align=Align.RIGHT, wrap=False)
    slot = plot_w / max(1, len(f.days))
    bar = slot * 0.32
    # A long period (a month, a quarter) labels every few days, as many as fit side by side.
    every = max(1, math.ceil(DAY_LABEL_MM / slot))
    for index, day in enumerate(f.days):
        sx = plot_x + slot * index + slot * 0.18
        for offset, value, colour in (
            (0, day.entries, ENTRY_COLOUR),
            (bar, day.exits, EXIT_COLOUR),
        ):
            bh = plot_h * value / scale_top
            canvas.fill(sx + offset, top + plot_h - bh, bar, bh, colour)
        if index % every == 0:
            label_w = slot * every
            label_x = plot_x + slot * index + (slot - label_w) / 2
            canvas.text(label_x, top + plot_h + 1, label_w, f"{day.day:%d/%m}", 7.5, wrap=False)
    canvas.line(plot_x, top + plot_h, plot_x + plot_w, top + plot_h, width=0.2)
    ly = top + plot_h + 7
    for index, (key, colour) in enumerate((("entries", ENTRY_COLOUR), ("exits", EXIT_COLOUR))):
        lx = x + w / 2 - 30 + index * 32
        canvas.fill(lx, ly + 0.8, 3.5, 3.5, colour)
        canvas.text(lx + 5, ly, 25, t(f"report.col.{key}", lang), 8, align=Align.LEFT, wrap=False)


def paint(canvas: Canvas, f: Figures, unit: UnitInfo, lang: str, made_on: date) -> None:
    x, w = MARGIN, A4[0] - 2 * MARGIN
    y = MARGIN
    code = t("report.unit_code", lang, code=unit.code) if unit.code else ""
    place_date = _place_date(unit, made_on, lang)
    y += official_header(
        canvas, x, y, w, unit.agency, unit.name, place_date, size=10, note=code, lang=lang
    )
    y += 6
    y += canvas.text(x, y, w, t("report.title", lang), 13, bold=True, max_h=12, min_size=9)
    y += 1
    y += canvas.text(x, y, w, describe(f.period, lang), 11, max_h=6, min_size=8)
    y += 6
    y += _table(canvas, x, y, w, f, lang)
    y += 8
    chart_h = 85.0
    _chart(canvas, x, y, w, chart_h, f, lang)
    y += chart_h + 8
    half = w / 2
    for column, (title, note) in enumerate((("preparer", "preparer_note"), ("head", "head_note"))):
        cx = x + column * half
        canvas.text(cx, y, half, t(f"report.sign.{title}", lang), 10, bold=True)
        canvas.text(cx, y + 5.5, half, t(f"report.sign.{note}", lang), 9, color=GREY)


def report_document(
    f: Figures, unit: UnitInfo, *, lang: str | None = None, made_on: date | None = None
) -> Document:
    from desk_app.timeutil import local_today

    lang = lang or language()
    day = made_on or local_today()
    title = f"{t('report.title', lang)} - {f.period.label}"
    return Document(
        title, A4[0], A4[1], 1, lambda canvas, _index: paint(canvas, f, unit, lang, day)
    )


def with_pdf(report: Report, unit: UnitInfo, *, lang: str | None = None) -> Report:
    """``report`` carrying its signed page as PDF (for the e-mail, beside the workbook)."""
    return replace(report, pdf=pdf_bytes(report_document(report.figures, unit, lang=lang)))
