"""Draw the app icon (a QR-like tile with a check mark) as resources/icons/desk_app.png and .ico.

``python scripts/make_icons.py [--out FOLDER]``

Drawn with Qt's raster painter, one image per size so the small ones stay crisp; the ``.ico``
holds PNG images (the format Windows has read since Vista), written here byte by byte so no
image library beyond Qt is needed.
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parents[1]
ICONS_DIR = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256

INK = QColor("#0d3b66")
TILE = QColor("#ffffff")
BORDER = QColor("#0d3b66")
CHECK = QColor("#2e9e48")

GRID = 11  # modules across the tile's drawing area
# Data modules of the motif (row, column) outside the three finder squares; a fixed pattern,
# not a real code: it only has to look like one.
DATA = (
    (0, 5), (1, 4), (1, 6), (2, 5), (3, 0), (3, 2), (3, 4), (3, 5), (3, 8), (3, 10),
    (4, 1), (4, 3), (4, 6), (4, 9), (5, 0), (5, 2), (5, 5), (5, 7), (5, 10), (6, 4),
    (4, 4), (6, 6), (6, 8), (7, 5), (8, 4), (9, 5), (10, 4), (10, 6),
)  # fmt: skip


def draw_icon(size: int) -> QImage:
    """The icon at ``size`` x ``size`` pixels, on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    edge = max(1.0, size / 32)
    tile = QRectF(edge / 2, edge / 2, size - edge, size - edge)
    painter.setPen(QPen(BORDER, edge))
    painter.setBrush(TILE)
    painter.drawRoundedRect(tile, size * 0.16, size * 0.16)

    margin = size * 0.14
    unit = (size - 2 * margin) / GRID
    painter.setPen(Qt.PenStyle.NoPen)

    def module(row: float, col: float, rows: float = 1, cols: float = 1) -> QRectF:
        return QRectF(margin + col * unit, margin + row * unit, cols * unit, rows * unit)

    for row, col in ((0, 0), (0, GRID - 3), (GRID - 3, 0)):
        painter.setBrush(INK)
        painter.drawRect(module(row, col, 3, 3))
        if size < 32:  # a half-pixel ring only greys out: small sizes get solid squares
            continue
        painter.setBrush(TILE)
        painter.drawRect(module(row + 0.5, col + 0.5, 2, 2))
        painter.setBrush(INK)
        painter.drawRect(module(row + 1, col + 1, 1, 1))
    if size >= 32:  # below that the data modules only blur the three finder squares
        painter.setBrush(INK)
        for row, col in DATA:
            painter.drawRect(module(row, col))

    # The check mark: a scan that let someone in.
    centre = QPointF(margin + unit * (GRID - 2.2), margin + unit * (GRID - 2.2))
    radius = unit * 2.6
    painter.setBrush(CHECK)
    painter.setPen(QPen(TILE, max(1.0, size / 64)))
    painter.drawEllipse(centre, radius, radius)
    tick = QPainterPath(QPointF(centre.x() - radius * 0.5, centre.y() + radius * 0.02))
    tick.lineTo(centre.x() - radius * 0.12, centre.y() + radius * 0.4)
    tick.lineTo(centre.x() + radius * 0.52, centre.y() - radius * 0.38)
    pen = QPen(TILE, max(1.5, radius * 0.28))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(tick)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes, PySide6 wants str
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file holding one PNG per size (a 256 size is written as 0, as the format says)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in sorted(images.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def make_icons(folder: Path = ICONS_DIR) -> list[Path]:
    """Write ``desk_app.png`` and ``desk_app.ico`` into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw_icon(size)) for size in ICO_SIZES}
    png = folder / "desk_app.png"
    png.write_bytes(pngs[PNG_SIZE] if PNG_SIZE in pngs else png_bytes(draw_icon(PNG_SIZE)))
    ico = folder / "desk_app.ico"
    ico.write_bytes(ico_bytes(pngs))
    return [png, ico]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICONS_DIR, help="folder to write into")
    args = parser.parse_args(argv)
    for path in make_icons(args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
