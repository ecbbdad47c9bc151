"""One document, four outputs: PDF, PNG, the system printer and Qt's print preview."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtPrintSupport import QPrinter

from desk_app import __version__
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.outputs import check_target, write_bytes
from desk_app.printing.layout import WHITE, Canvas

PDF_DPI = 1200
PNG_DPI = 300
MM_PER_INCH = 25.4


class PrintError(UserError):
    """A document that could not be written or printed; the message is for users."""


@dataclass(frozen=True)
class Document:
    """Pages of one size and a function that paints page ``i`` on a millimetre canvas.

    The same function feeds the preview, the printer, the PDF and the PNG, so what is
    previewed is what is printed.
    """

    title: str
    width_mm: float
    height_mm: float
    page_count: int
    paint: Callable[[Canvas, int], object]

    def page_size(self) -> QPageSize:
        return QPageSize(
            QSizeF(self.width_mm, self.height_mm),
            QPageSize.Unit.Millimeter,
            self.title,
            QPageSize.SizeMatchPolicy.FuzzyMatch,
        )

    def page_layout(self) -> QPageLayout:
        return QPageLayout(
            self.page_size(),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )


def ensure_gui_application() -> QGuiApplication:
    """The running application, or a new one; headless without a display (a server)."""
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    argv = ["desk-app"]
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless and not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]
    return QGuiApplication(argv)


def _paint_pages(
    document: Document, painter: QPainter, new_page: Callable[[], bool], pages: list[int]
) -> None:
    canvas = Canvas(painter, painter.device().logicalDpiX() / MM_PER_INCH)
    for number, index in enumerate(pages):
        if number and not new_page():
            raise PrintError(t("print.failed", title=document.title))
        document.paint(canvas, index)


def pdf_bytes(document: Document, dpi: int = PDF_DPI) -> bytes:
    """The document as PDF bytes, made in memory with Qt's PDF writer (for a file or an
    e-mail attachment)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pdf = QPdfWriter(buffer)
    pdf.setResolution(dpi)
    pdf.setPageLayout(document.page_layout())
    pdf.setTitle(document.title)
    pdf.setCreator(f"desk-app {__version__}")
    painter = QPainter()
    if not painter.begin(pdf):
        raise PrintError(t("print.failed", title=document.title))
    try:
        _paint_pages(document, painter, pdf.newPage, list(range(document.page_count)))
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())


def write_pdf(document: Document, path: Path, dpi: int = PDF_DPI) -> Path:
    """The document as a PDF, written beside ``path`` and renamed over it when complete.

    It is made in memory first: Qt's PDF writer does not tell a failed write (a full disk)
    from a good one, and a file cut short would be renamed over the previous good one."""
    check_target(path, "pdf")
    return write_bytes(path, "pdf", pdf_bytes(document, dpi))


def page_image(document: Document, index: int, dpi: int = PNG_DPI) -> QImage:
    """One page as a white RGB image whose resolution says ``dpi`` (for print shops)."""
    width = round(document.width_mm / MM_PER_INCH * dpi)
    height = round(document.height_mm / MM_PER_INCH * dpi)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / MM_PER_INCH * 1000)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(WHITE)
    painter = QPainter(image)
    try:
        _paint_pages(document, painter, lambda: True, [index])
    finally:
        painter.end()
    return image


def png_paths(path: Path, page_count: int) -> list[Path]:
    """``x.png`` for the first page, ``x-2.png`` ... for the next ones."""
    return [
        path if i == 0 else path.with_name(f"{path.stem}-{i + 1}{path.suffix}")
        for i in range(page_count)
    ]


def write_png(document: Document, path: Path, dpi: int = PNG_DPI) -> list[Path]:
    paths = png_paths(path, document.page_count)
    for target in paths:
        check_target(target, "png")
    for index, target in enumerate(paths):
        image = page_image(document, index, dpi)
        # Encoded in memory, so that a full disk is told as such (by the file write), not
        # as a failed encoding.
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        saved = QImageWriter(buffer, QByteArray(b"png")).write(image)
        buffer.close()
        if not saved:
            raise PrintError(t("print.cannot_write", path=target))
        write_bytes(target, "png", bytes(data.data()))
    return paths


def write_file(document: Document, path: Path) -> list[Path]:
    """PDF or PNG by the file's extension."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return [write_pdf(document, path)]
    if suffix == ".png":
        return write_png(document, path)
    raise PrintError(t("print.bad_extension", path=path))


def prepare_printer(document: Document, printer: QPrinter) -> None:
    """Ask the printer for the document's paper and the whole sheet as canvas.

    Full-page mode puts the origin at the paper's corner, so the document's own margins
    (wider than any printer's unprintable border) are the only ones.
    """
    printer.setFullPage(True)
    printer.setPageLayout(document.page_layout())
    printer.setDocName(document.title)
    printer.setCreator(f"desk-app {__version__}")


def print_document(document: Document, printer: QPrinter) -> None:
    """Paint every page (or the range chosen in the print dialog) on ``printer``."""
    pages = list(range(document.page_count))
    first, last = printer.fromPage(), printer.toPage()
    if first > 0 and last >= first:
        pages = [i for i in pages if first - 1 <= i <= last - 1]
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(t("print.failed", title=document.title))
    try:
        _paint_pages(document, painter, printer.newPage, pages)
    finally:
        painter.end()
