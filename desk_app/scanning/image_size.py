"""An image's width and height read from its file header, before any pixel is decoded.

A small, highly compressed file can hold a huge picture (a 430 KB PNG of 20,000 x 20,000
pixels needs 1.2 GB once decoded): the size is checked first, and a picture above the limit
is refused, or decoded at a reduced scale where the format allows it (JPEG).
"""

from __future__ import annotations

import struct

# Far above any camera or phone picture of a code (a 12 MP phone photo is 4000 x 3000).
MAX_PIXELS = 40_000_000

_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def header_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG, JPEG, GIF, BMP, WebP or TIFF header; None when unknown."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data.startswith(b"BM") and len(data) >= 26:
        width, height = struct.unpack("<ii", data[18:26])
        return abs(width), abs(height)
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP" and len(data) >= 30:
        return _webp_size(data)
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return _tiff_size(data)
    return None


def _tiff_size(data: bytes) -> tuple[int, int] | None:
    """Width and length from the first image directory (tags 256 and 257)."""
    order = "<" if data[:2] == b"II" else ">"
    try:
        (offset,) = struct.unpack(order + "I", data[4:8])
        (count,) = struct.unpack(order + "H", data[offset : offset + 2])
        found: dict[int, int] = {}
        for index in range(count):
            at = offset + 2 + 12 * index
            tag, kind = struct.unpack(order + "HH", data[at : at + 4])
            if tag in (256, 257):
                fmt = "H" if kind == 3 else "I"
                (found[tag],) = struct.unpack(
                    order + fmt, data[at + 8 : at + 8 + struct.calcsize(fmt)]
                )
    except struct.error:
        return None
    if 256 in found and 257 in found:
        return found[256], found[257]
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in _JPEG_SOF and at + 9 <= len(data):
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        if marker == 0xDA:  # image data starts: no frame header before it
            return None
        at += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    return None


def reduction(width: int, height: int, limit: int = MAX_PIXELS) -> int:
    """1 when the picture fits the limit, else the smallest of 2, 4, 8 that makes it fit,
    else 0 (too large even at an eighth)."""
    for factor in (1, 2, 4, 8):
        if (width // factor) * (height // factor) <= limit:
            return factor
    return 0
