"""An image's width and height read from its file header, before any pixel is decoded.

A small, highly compressed file can hold a huge picture (a 430 KB PNG of 20,000 x 20,000
pixels needs 1.2 GB once decoded): the size is checked first, and a picture above the limit
is refused, or decoded at a reduced scale where the format allows it (JPEG).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator

# Far above any camera or phone picture of a code (a 12 MP phone photo is 4000 x 3000).
MAX_PIXELS = 40_000_000
# The largest file read as a picture: that many pixels uncompressed at 16 bits a channel
# with alpha (8 bytes each), and room for metadata. A file beyond it is not read into memory
# at all, whatever its header says (a small honest header may open gigabytes of file).
MAX_FILE_BYTES = 8 * MAX_PIXELS + (64 << 20)

_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
# Sequential frames (baseline, extended, arithmetic): the only ones a decoder reads smaller
# holding a few rows at a time. A progressive or lossless frame, or one whose scans each hold
# some of its components, makes it keep every coefficient of the whole picture first.
_JPEG_SEQUENTIAL = {0xC0, 0xC1, 0xC9}


def header_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG, JPEG, GIF, BMP, WebP, TIFF, PNM/PAM, Sun raster or
    Radiance header; None when unknown. ``data`` is the whole file: a JPEG may carry 64 KB
    segments before its frame header, and a TIFF its directory at the very end."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data.startswith(b"BM") and len(data) >= 26:
        if data[14:18] == b"\x0c\x00\x00\x00":  # the old OS/2 header: 16-bit sizes
            width, height = struct.unpack("<HH", data[18:22])
            return width, height
        width, height = struct.unpack("<ii", data[18:26])
        return abs(width), abs(height)
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP" and len(data) >= 30:
        return _webp_size(data)
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return _tiff_size(data)
    if data[:1] == b"P" and data[1:2] in b"1234567" and len(data) > 2:
        return _pnm_size(data[:4096])
    if data.startswith(b"\x59\xa6\x6a\x95") and len(data) >= 12:  # Sun raster
        width, height = struct.unpack(">II", data[4:12])
        return width, height
    if data.startswith((b"#?RADIANCE", b"#?RGBE")):
        return _radiance_size(data[:4096])
    return None


_PNM_NUMBER = re.compile(rb"(?:\s|#[^\n]*\n)+(\d+)")
_PAM_SIZE = re.compile(rb"^(WIDTH|HEIGHT)\s+(\d+)", re.MULTILINE)
_RADIANCE_SIZE = re.compile(rb"\n[-+]Y (\d+) [-+]X (\d+)")


def _pnm_size(head: bytes) -> tuple[int, int] | None:
    if head[1:2] == b"7":  # PAM: WIDTH and HEIGHT lines
        found = {m.group(1): int(m.group(2)) for m in _PAM_SIZE.finditer(head)}
        return (found[b"WIDTH"], found[b"HEIGHT"]) if len(found) == 2 else None  # noqa: PLR2004
    at = 2
    numbers = []
    for _ in range(2):
        match = _PNM_NUMBER.match(head, at)
        if match is None:
            return None
        numbers.append(int(match.group(1)))
        at = match.end()
    return numbers[0], numbers[1]


def _radiance_size(head: bytes) -> tuple[int, int] | None:
    match = _RADIANCE_SIZE.search(head)
    return (int(match.group(2)), int(match.group(1))) if match else None


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


def _jpeg_segments(data: bytes) -> Iterator[tuple[int, int]]:
    """(marker, offset) of each JPEG segment up to and with the first scan (SOS)."""
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            at += 2
            continue
        yield marker, at
        if marker == 0xDA:  # image data starts
            return
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        at += 2 + length


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    for marker, at in _jpeg_segments(data):
        if marker in _JPEG_SOF and at + 9 <= len(data):
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        if marker == 0xDA:  # image data starts: no frame header before it
            return None
    return None


def jpeg_reducible(data: bytes) -> bool:
    """True for a JPEG that a decoder can read at a half, quarter or eighth of its size with
    memory for that size only: a sequential frame whose first scan holds all its components.
    A progressive JPEG is read whole into memory whatever the scale (542 bytes claiming
    50,000 x 50,000 pixels took 7.5 GB at an eighth)."""
    if not data.startswith(b"\xff\xd8"):
        return False
    components = None
    for marker, at in _jpeg_segments(data):
        if marker in _JPEG_SOF:
            if marker not in _JPEG_SEQUENTIAL or at + 10 > len(data):
                return False
            components = data[at + 9]
        elif marker == 0xDA:
            return components is not None and at + 5 <= len(data) and data[at + 4] == components
    return False


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
