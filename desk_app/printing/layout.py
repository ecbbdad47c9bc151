"""Drawing helpers of printed documents: millimetre geometry, fitted text, vector QR codes."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from enum import Enum

import qrcode
import qrcode.constants
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPen,
)

from desk_app.i18n.official import motto
from desk_app.paths import resource_path

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FALLBACK_FAMILY = "DejaVu Sans"
BLACK = QColor(0, 0, 0)
WHITE = QColor(255, 255, 255)
GREY = QColor(90, 90, 90)
LIGHT = QColor(190, 190, 190)
# Deep red of Vietnamese official notices; it prints well on office colour lasers and turns
# into a dark grey on monochrome ones, so nothing depends on the colour.
ACCENT = QColor(170, 20, 20)
QUIET_MODULES = 4  # the quiet zone the QR standard asks for, on every side

ECC_LOW = qrcode.constants.ERROR_CORRECT_L
ECC_MEDIUM = qrcode.constants.ERROR_CORRECT_M
ECC_QUARTILE = qrcode.constants.ERROR_CORRECT_Q


class Align(Enum):
    LEFT = Qt.AlignmentFlag.AlignLeft
    CENTER = Qt.AlignmentFlag.AlignHCenter
    RIGHT = Qt.AlignmentFlag.AlignRight


class CodeTooLongError(ValueError):
    """The text does not fit in a QR code of any version."""


@functools.cache
def font_family() -> str:
    """The bundled family (registered once); needs a QGuiApplication."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("printing needs a QGuiApplication")
    family = FALLBACK_FAMILY
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    return family


def qr_matrix(payload: str, ecc: int = ECC_MEDIUM, min_version: int = 1) -> list[list[bool]]:
    """The modules of ``payload`` (True = dark), without quiet zone, version ``min_version``
    or the smallest above it that holds the text."""
    code = qrcode.QRCode(version=min_version, error_correction=ecc, border=0, box_size=1)
    code.add_data(payload)
    try:
        code.make(fit=True)
    except (qrcode.exceptions.DataOverflowError, ValueError) as exc:
        raise CodeTooLongError(str(len(payload))) from exc
    return [[bool(cell) for cell in row] for row in code.get_matrix()]


@dataclass(frozen=True)
class Placed:
    """Where a QR code landed, in millimetres: the dark-module square and one module."""

    x: float
    y: float
    size: float
    module: float
    modules: int


class Canvas:
    """A QPainter seen in millimetres from the page's top-left corner; fonts in points.

    Geometry is converted to device pixels here rather than by scaling the painter, so that
    fonts keep their point sizes and metrics on every device (PDF, image, printer).
    """

    def __init__(self, painter: QPainter, px_per_mm: float) -> None:
        self.painter = painter
        self.k = px_per_mm
        # A dry canvas measures and places but paints nothing: layouts try sizes with it.
        self.dry = False
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)

    # ----- geometry ----------------------------------------------------------------------
    def r(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(x * self.k, y * self.k, w * self.k, h * self.k)

    def fill(self, x: float, y: float, w: float, h: float, color: QColor) -> None:
        if self.dry:
            return
        self.painter.fillRect(self.r(x, y, w, h), color)

    def frame(
        self, x: float, y: float, w: float, h: float, width: float = 0.3, color: QColor = BLACK
    ) -> None:
        if self.dry:
            return
        self.painter.save()
        self.painter.setPen(QPen(color, width * self.k))
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(self.r(x, y, w, h))
        self.painter.restore()

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        width: float = 0.25,
        color: QColor = BLACK,
    ) -> None:
        if self.dry:
            return
        self.painter.save()
        pen = QPen(color, width * self.k)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(x1 * self.k, y1 * self.k), QPointF(x2 * self.k, y2 * self.k))
        self.painter.restore()

    # ----- text --------------------------------------------------------------------------
    def font(self, size_pt: float, bold: bool = False) -> QFont:
        font = QFont(font_family())
        font.setPointSizeF(size_pt)
        font.setBold(bold)
        # Hinting snaps glyphs to the device grid: right on screen, wrong in a PDF.
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def _flags(self, align: Align, wrap: bool) -> int:
        flags = int(align.value.value) | int(Qt.AlignmentFlag.AlignTop.value)
        if wrap:
            flags |= int(Qt.TextFlag.TextWordWrap.value)
        return flags

    def measure(
        self, text: str, w: float, size: float, bold: bool = False, wrap: bool = True
    ) -> tuple[float, float]:
        """(width, height) in mm that ``text`` takes when set in a column ``w`` mm wide."""
        self.painter.save()
        self.painter.setFont(self.font(size, bold))
        box = self.painter.boundingRect(
            self.r(0, 0, w, 10_000), self._flags(Align.LEFT, wrap), text
        )
        self.painter.restore()
        return box.width() / self.k, box.height() / self.k

    def fit_size(
        self,
        text: str,
        w: float,
        max_h: float,
        size: float,
        min_size: float,
        bold: bool = False,
        wrap: bool = True,
    ) -> float:
        """The largest size from ``size`` down to ``min_size`` at which the text fits."""
        current = size
        while current > min_size:
            width, height = self.measure(text, w, current, bold, wrap)
            if width <= w + 1e-6 and height <= max_h + 1e-6:
                return current
            current = max(min_size, current - max(0.25, current * 0.04))
        return min_size

    def text(
        self,
        x: float,
        y: float,
        w: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        align: Align = Align.CENTER,
        color: QColor = BLACK,
        max_h: float | None = None,
        min_size: float | None = None,
        wrap: bool = True,
        underline: bool = False,
    ) -> float:
        """Draw ``text`` in a column; returns the height used (mm).

        With ``max_h`` the size shrinks (down to ``min_size``) until the text fits, and what
        still does not fit is clipped: a cut line is better than text over the QR code.
        """
        if not text:
            return 0.0
        if max_h is not None:
            size = self.fit_size(text, w, max_h, size, min_size or size * 0.6, bold, wrap)
        width, height = self.measure(text, w, size, bold, wrap)
        full_height = height
        if max_h is not None and height > max_h:
            # Cut between lines, never through one: whole lines only.
            spacing = QFontMetricsF(self.font(size, bold), self.painter.device()).lineSpacing()
            height = max(1, math.floor(max_h * self.k / spacing)) * spacing / self.k
        if self.dry:
            return height
        self.painter.save()
        self.painter.setFont(self.font(size, bold))
        self.painter.setPen(color)
        if height < full_height:
            self.painter.setClipRect(self.r(x, y, w, height))
        self.painter.drawText(self.r(x, y, w, full_height), self._flags(align, wrap), text)
        self.painter.restore()
        if underline:
            width = min(width, w)
            left = {Align.LEFT: x, Align.CENTER: x + (w - width) / 2, Align.RIGHT: x + w - width}
            self.line(
                left[align],
                y + height + 0.3,
                left[align] + width,
                y + height + 0.3,
                width=max(0.2, size * 0.025),
                color=color,
            )
        return height

    # ----- codes -------------------------------------------------------------------------
    def qr(
        self,
        payload: str,
        x: float,
        y: float,
        box: float,
        ecc: int = ECC_MEDIUM,
        quiet: int = QUIET_MODULES,
        min_version: int = 1,
    ) -> Placed:
        """A QR code as vector squares, centred in a ``box`` mm square that holds the quiet
        zone too; modules are whole device pixels so raster output stays sharp."""
        matrix = qr_matrix(payload, ecc, min_version)
        n = len(matrix)
        module_px = box * self.k / (n + 2 * quiet)
        if module_px >= 2:
            module_px = float(math.floor(module_px))
        side_px = module_px * n
        left = round((x + box / 2) * self.k - side_px / 2)
        top = round((y + box / 2) * self.k - side_px / 2)
        placed = Placed(
            x=left / self.k,
            y=top / self.k,
            size=side_px / self.k,
            module=module_px / self.k,
            modules=n,
        )
        if self.dry:
            return placed
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for row_index, row in enumerate(matrix):
            start = -1
            for col_index, dark in enumerate([*row, False]):
                if dark and start < 0:
                    start = col_index
                elif not dark and start >= 0:
                    path.addRect(
                        QRectF(
                            left + start * module_px,
                            top + row_index * module_px,
                            (col_index - start) * module_px,
                            module_px,
                        )
                    )
                    start = -1
        self.painter.save()
        # One outline per dark area: abutting squares would show hairline seams when a viewer
        # or a printer driver antialiases them.
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self.painter.fillRect(
            QRectF(
                left - quiet * module_px,
                top - quiet * module_px,
                side_px + 2 * quiet * module_px,
                side_px + 2 * quiet * module_px,
            ),
            WHITE,
        )
        self.painter.fillPath(path.simplified(), BLACK)
        self.painter.restore()
        return placed


def official_header(
    canvas: Canvas,
    x: float,
    y: float,
    w: float,
    agency: str,
    unit: str,
    place_date: str = "",
    size: float = 9.5,
    note: str = "",
    lang: str = "vi",
) -> float:
    """The header of an official document: issuing body left, national motto right (in
    ``lang``, as the document's other words), then the place and date under the motto;
    ``note`` (a point's code) under the issuing body's rule. Returns its height in mm."""
    gap = 4.0
    left_w = w * 0.42
    right_w = w - left_w - gap
    right_x = x + left_w + gap
    line_h = canvas.measure("Ag", right_w, size, True)[1]
    # Left: parent agency (regular) over the unit (bold), a short rule under the unit.
    left_h = 0.0
    if agency:
        left_h += canvas.text(
            x, y, left_w, agency.upper(), size, max_h=line_h * 2, min_size=size * 0.7
        )
    unit_h = canvas.text(
        x, y + left_h, left_w, unit.upper(), size, bold=True, max_h=line_h * 3, min_size=size * 0.7
    )
    left_h += unit_h
    rule = min(left_w * 0.4, 30.0)
    canvas.line(
        x + (left_w - rule) / 2,
        y + left_h + 1.0,
        x + (left_w + rule) / 2,
        y + left_h + 1.0,
        width=0.3,
    )
    left_h += 1.5
    if note:
        # Under the unit however many lines its name took, never over them.
        left_h += 1.0 + canvas.text(
            x, y + left_h + 1.0, left_w, note, size * 0.85, max_h=line_h, min_size=size * 0.6
        )
    # Right: the motto, its second line underlined as long as the line itself.
    nation, words = motto(lang)
    right_h = canvas.text(
        right_x,
        y,
        right_w,
        nation,
        size,
        bold=True,
        max_h=line_h * 1.05,
        min_size=size * 0.6,
        wrap=False,
    )
    right_h += canvas.text(
        right_x,
        y + right_h,
        right_w,
        words,
        size * 1.05,
        bold=True,
        max_h=line_h * 1.1,
        min_size=size * 0.6,
        wrap=False,
        underline=True,
    )
    right_h += 1.5
    if place_date:
        right_h += 1.5 + canvas.text(
            right_x,
            y + right_h + 1.5,
            right_w,
            place_date,
            size * 0.95,
            max_h=line_h * 1.1,
            min_size=size * 0.6,
            wrap=False,
        )
    return max(left_h, right_h)


def cut_marks(
    canvas: Canvas,
    xs: list[float],
    ys: list[float],
    length: float = 5.0,
    gap: float = 2.0,
    width: float = 0.2,
) -> None:
    """Crop marks outside a grid of cut lines ``xs`` x ``ys`` (mm), as a guillotine needs."""
    top, bottom, left, right = ys[0], ys[-1], xs[0], xs[-1]
    for cx in xs:
        canvas.line(cx, top - gap - length, cx, top - gap, width)
        canvas.line(cx, bottom + gap, cx, bottom + gap + length, width)
    for cy in ys:
        canvas.line(left - gap - length, cy, left - gap, cy, width)
        canvas.line(right + gap, cy, right + gap + length, cy, width)
