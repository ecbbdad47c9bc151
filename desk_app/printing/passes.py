"""Visitor passes: one per visit, signed, for an A6 label or an 80 mm receipt printer.

Scanned at the exit, a pass checks its visit out; it expires at the end of the day it was
printed, and a pass of a visit that has ended is refused (the recorder says so).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtGui import QImage, QPainter

from desk_app.context import AppContext
from desk_app.domain.own_codes import encode_visitor_pass
from desk_app.i18n import t
from desk_app.printing.layout import ACCENT, ECC_MEDIUM, GREY, Canvas
from desk_app.printing.output import MM_PER_INCH, PDF_DPI, Document, PrintError, write_file
from desk_app.printing.poster import UnitDetails
from desk_app.timeutil import format_date, local_today, to_local

FORMATS = ("a6", "80mm")
A6 = (105.0, 148.0)
RECEIPT_WIDTH = 80.0
# Receipt printers print about 72 mm of their 80 mm paper.
RECEIPT_MARGIN = 5.0


@dataclass(frozen=True)
class PassSpec:
    visit_id: int
    name: str
    entry_at: datetime
    host: str
    purpose: str
    checkpoint: str
    expires_on: date
    payload: str
    unit: UnitDetails


def plan_pass(ctx: AppContext, visit_id: int, today: date | None = None) -> PassSpec:
    """The pass of an open visit, valid to the end of ``today`` (the local day by default)."""
    visit = ctx.log.visit(visit_id)
    if visit is None:
        raise PrintError(t("pass.no_visit", visit_id=visit_id))
    if visit.exit_at is not None:
        raise PrintError(t("pass.visit_closed", visit_id=visit_id))
    unit = UnitDetails.from_settings(ctx.settings)
    expires_on = today or local_today()
    token = ctx.log.pass_token(visit.id)
    if token is None:
        raise PrintError(t("pass.visit_closed", visit_id=visit_id))
    payload = encode_visitor_pass(
        ctx.settings.unit_secret(), ctx.settings.unit_id(), token, expires_on
    )
    return PassSpec(
        visit_id=visit.id,
        name=visit.name,
        entry_at=visit.entry_at,
        host=visit.host,
        purpose=visit.purpose,
        checkpoint=visit.checkpoint,
        expires_on=expires_on,
        payload=payload,
        unit=unit,
    )


def pass_document(spec: PassSpec, fmt: str = "a6") -> Document:
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(fmt)
    title = f"{t('pass.heading', lang='vi')} {spec.visit_id}"
    if fmt == "a6":
        width, height = A6
        return Document(
            title=title,
            width_mm=width,
            height_mm=height,
            page_count=1,
            paint=lambda canvas, _i: paint_label(canvas, spec, width, height),
        )
    # A receipt is as long as its content: measure it on a canvas that paints nothing.
    length = _receipt_length(spec)
    return Document(
        title=title,
        width_mm=RECEIPT_WIDTH,
        height_mm=length,
        page_count=1,
        paint=lambda canvas, _i: paint_receipt(canvas, spec),
    )


def save_pass(spec: PassSpec, fmt: str, out: Path) -> list[Path]:
    return write_file(pass_document(spec, fmt), out)


def _receipt_length(spec: PassSpec) -> float:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    dots = round(PDF_DPI / MM_PER_INCH * 1000)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    painter = QPainter(image)
    try:
        canvas = Canvas(painter, painter.device().logicalDpiX() / MM_PER_INCH)
        canvas.dry = True
        return round(paint_receipt(canvas, spec) + 0.5, 1)
    finally:
        painter.end()


def _details(spec: PassSpec) -> list[str]:
    lines = [t("pass.entry", lang="vi", time=to_local(spec.entry_at).strftime("%H:%M %d/%m/%Y"))]
    if spec.host:
        lines.append(t("pass.host", lang="vi", host=spec.host))
    if spec.purpose:
        lines.append(t("pass.purpose", lang="vi", purpose=spec.purpose))
    return lines


def _body(
    canvas: Canvas, spec: PassSpec, x: float, y: float, w: float, qr_box: float, s: float
) -> float:
    """The pass from the unit's name down to its number; returns the bottom (mm)."""
    unit = spec.unit
    if unit.agency:
        y += canvas.text(x, y, w, unit.agency.upper(), 6.5 * s, max_h=6 * s, min_size=5.0)
    y += canvas.text(x, y, w, unit.name.upper(), 8 * s, bold=True, max_h=8 * s, min_size=6.0)
    y += 2.5 * s
    y += canvas.text(
        x,
        y,
        w,
        t("pass.heading", lang="vi"),
        18 * s,
        bold=True,
        color=ACCENT,
        wrap=False,
        max_h=9 * s,
    )
    y += canvas.text(x, y, w, t("pass.heading", lang="en"), 8 * s, color=GREY, wrap=False)
    y += 2 * s
    y += canvas.text(x, y, w, spec.name, 13 * s, bold=True, max_h=12 * s, min_size=9 * s)
    for line in _details(spec):
        y += canvas.text(x, y, w, line, 8 * s, max_h=7 * s, min_size=6.0)
    y += 0.5 * s
    placed = canvas.qr(spec.payload, x + (w - qr_box) / 2, y, qr_box, ecc=ECC_MEDIUM)
    # The text resumes where the quiet zone ends, not before.
    y = placed.y + placed.size + 4 * placed.module + 0.5 * s
    y += canvas.text(x, y, w, t("pass.exit", lang="vi"), 9 * s, bold=True)
    y += canvas.text(x, y, w, t("pass.exit", lang="en"), 7.5 * s, color=GREY)
    y += 1 * s
    valid = t("pass.valid", lang="vi", date=format_date(spec.expires_on))
    y += canvas.text(x, y, w, valid, 9 * s, bold=True, color=ACCENT, max_h=10 * s, min_size=7.0)
    number = t("pass.number", lang="vi", visit_id=spec.visit_id)
    if spec.checkpoint:
        number += f" · {spec.checkpoint}"
    y += 0.5 * s + canvas.text(
        x, y + 0.5 * s, w, number, 6.5 * s, color=GREY, max_h=6 * s, min_size=5.0
    )
    return y


def paint_label(canvas: Canvas, spec: PassSpec, width: float, height: float) -> None:
    margin = 6.0
    w = width - 2 * margin
    # The code is sized to what the label leaves free: try a size, shrink until it fits.
    qr_box = min(w, 86.0)
    canvas.dry = True
    try:
        while qr_box > 30 and _body(canvas, spec, margin, margin, w, qr_box, 1.0) > height - margin:
            qr_box -= 2.0
    finally:
        canvas.dry = False
    _body(canvas, spec, margin, margin, w, qr_box, 1.0)


def paint_receipt(canvas: Canvas, spec: PassSpec) -> float:
    """Paint the receipt; returns the paper length it needs (mm)."""
    w = RECEIPT_WIDTH - 2 * RECEIPT_MARGIN
    bottom = _body(canvas, spec, RECEIPT_MARGIN, 3.0, w, w, 0.95)
    # Room under the text for the printer's tear bar or cutter.
    return bottom + 8.0
