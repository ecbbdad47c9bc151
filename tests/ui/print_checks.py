"""Checks on printed output: rasterise a PDF, decode its codes, measure them, read its fonts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp

from desk_app.context import AppContext

MM_PER_INCH = 25.4


def need_poppler() -> None:
    for tool in ("pdftoppm", "pdftotext", "pdffonts", "pdfinfo"):
        if shutil.which(tool) is None:
            if os.environ.get("CI"):
                pytest.fail(f"{tool} (poppler-utils) is missing in CI")
            pytest.skip(f"{tool} (poppler-utils) is not installed")


def rasterise(pdf: Path, dpi: int = 150, page: int = 1) -> np.ndarray:
    """One page of ``pdf`` as a grey image, as poppler renders it."""
    need_poppler()
    prefix = pdf.with_name(f"{pdf.stem}-p{page}-{dpi}")
    subprocess.run(
        [
            "pdftoppm",
            "-gray",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
        capture_output=True,
    )
    return read_grey(Path(str(prefix) + ".pgm"))


def read_grey(path: Path) -> np.ndarray:
    image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    assert image is not None, path
    return image


@dataclass(frozen=True)
class Found:
    text: str
    left: int
    top: int
    right: int
    bottom: int


def zxing_codes(image: np.ndarray) -> list[Found]:
    found = []
    for code in zxingcpp.read_barcodes(image, formats=zxingcpp.barcode_formats_from_str("QRCode")):
        points = [
            code.position.top_left,
            code.position.top_right,
            code.position.bottom_right,
            code.position.bottom_left,
        ]
        xs, ys = [p.x for p in points], [p.y for p in points]
        found.append(Found(code.bytes.decode("utf-8"), min(xs), min(ys), max(xs), max(ys)))
    return found


def zbar_texts(image: np.ndarray) -> list[str]:
    """What zbar reads; skipped where libzbar is missing, except in CI."""
    try:
        from pyzbar import pyzbar
    except ImportError as exc:  # libzbar not installed
        if os.environ.get("CI"):
            pytest.fail(f"pyzbar cannot load libzbar in CI: {exc}")
        pytest.skip(f"libzbar missing: {exc}")
    symbols = pyzbar.decode(image, symbols=[pyzbar.ZBarSymbol.QRCODE])
    return [symbol.data.decode("utf-8") for symbol in symbols]


def dark_box(image: np.ndarray, near: Found) -> tuple[int, int, int, int]:
    """Exact box of the dark modules around a decoded code (its quiet zone is blank)."""
    pad = max(near.right - near.left, near.bottom - near.top) // 20 + 2
    top, left = max(0, near.top - pad), max(0, near.left - pad)
    region = image[top : near.bottom + pad, left : near.right + pad] < 128
    rows, cols = np.nonzero(region.any(axis=1))[0], np.nonzero(region.any(axis=0))[0]
    return (
        left + int(cols[0]),
        top + int(rows[0]),
        left + int(cols[-1]) + 1,
        top + int(rows[-1]) + 1,
    )


def module_px(image: np.ndarray, box: tuple[int, int, int, int]) -> float:
    """One module's side in pixels: the finder pattern's top edge is seven modules long."""
    left, top, right, _bottom = box
    row = image[top + 1, left:right] < 128
    run = int(np.argmin(row)) if not row.all() else len(row)
    return run / 7


def px_to_mm(pixels: float, dpi: int) -> float:
    return pixels / dpi * MM_PER_INCH


def quiet_zone_clean(image: np.ndarray, box: tuple[int, int, int, int], margin: int) -> bool:
    """No dark pixel within ``margin`` pixels around ``box`` (text or edges too close)."""
    left, top, right, bottom = box
    height, width = image.shape
    if left - margin < 0 or top - margin < 0 or right + margin > width or bottom + margin > height:
        return False
    ring = image[top - margin : bottom + margin, left - margin : right + margin].copy()
    ring[margin:-margin, margin:-margin] = 255
    return bool((ring >= 128).all())


def pdf_text(pdf: Path) -> str:
    need_poppler()
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_fonts(pdf: Path) -> list[tuple[str, str]]:
    """(name, emb) of each font, from pdffonts."""
    need_poppler()
    out = subprocess.run(
        ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    fonts = []
    for line in out[2:]:
        parts = line.split()
        # The columns after the type and encoding: emb sub uni object ID
        fonts.append((parts[0], parts[-5]))
    return fonts


def pdf_pages(pdf: Path) -> tuple[int, float, float]:
    """(pages, width mm, height mm) of the first page, from pdfinfo."""
    need_poppler()
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size is not None
    to_mm = MM_PER_INCH / 72
    return pages, float(size.group(1)) * to_mm, float(size.group(2)) * to_mm


UNIT = {
    "unit.name": "Sở Thông tin và Truyền thông tỉnh Bắc Kạn",
    "unit.agency": "Ủy ban nhân dân tỉnh Bắc Kạn",
    "unit.address": "Số 7, đường Trường Chinh, phường Đức Xuân, Bắc Kạn",
    "unit.contact": "0209 3870 000 · vanthu@example.gov.vn",
    "unit.place": "Bắc Kạn",
    "unit.checkpoints": ["Cổng chính", "Cổng phụ"],
    "retention.days": 21,
}


def unit_context(url: str, overrides: dict[str, object] | None = None) -> AppContext:
    """A context on a throw-away database whose unit is set up (fictitious details)."""
    ctx = AppContext.open(url)
    for key, value in {**UNIT, **(overrides or {})}.items():
        ctx.settings.set(key, value)
    return ctx
