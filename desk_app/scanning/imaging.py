"""Image preparation for the decoder: any array to 8-bit gray, and where a code is likely.

No Qt here. The search for likely regions is the decoder's gate: it must cost a small fraction
of a zxing-cpp pass, since it runs on every frame in which zxing-cpp read nothing.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

Box = tuple[int, int, int, int]  # x, y, width, height
Point = tuple[float, float]

# Smallest side worth looking at: a version 1 QR is 21 modules plus its quiet zone.
MIN_SIDE = 21
# A region narrower than this cannot hold a readable code (21 modules of 1.5 px and a margin).
MIN_REGION_PX = 36
MAX_REGIONS = 3
_KERNEL3 = np.ones((3, 3), np.uint8)


def as_gray(image: Any) -> np.ndarray | None:
    """A contiguous 8-bit grayscale copy or view of ``image`` (BGR, BGRA, gray; any dtype), or
    None when it cannot hold a code."""
    try:
        array = np.asarray(image)
    except Exception:  # noqa: BLE001 - arbitrary objects end here
        return None
    if array.dtype == object or array.ndim not in (2, 3) or array.size == 0:
        return None
    if array.ndim == 3:
        channels = array.shape[2]
        if channels == 1:
            array = array[:, :, 0]
        elif channels not in (3, 4):
            return None
    if min(array.shape[0], array.shape[1]) < MIN_SIDE:
        return None
    if array.dtype != np.uint8:
        converted = _to_uint8(array)
        if converted is None:
            return None
        array = converted
    if array.ndim == 3:
        code = cv2.COLOR_BGR2GRAY if array.shape[2] == 3 else cv2.COLOR_BGRA2GRAY
        array = cv2.cvtColor(np.ascontiguousarray(array), code)
    return np.ascontiguousarray(array)


def _to_uint8(array: np.ndarray) -> np.ndarray | None:
    if array.dtype == np.bool_:
        return array.astype(np.uint8) * 255
    if array.dtype.kind == "f":
        values = np.nan_to_num(array.astype(np.float32), nan=0.0, posinf=255.0, neginf=0.0)
        # Float images come in 0..1 (skimage, normalised tensors) or 0..255.
        if values.size and float(values.max()) <= 1.0:
            values = values * 255.0
        return np.clip(values, 0, 255).astype(np.uint8)
    if array.dtype.kind in "iu":
        if array.dtype.itemsize == 2 and array.dtype.kind == "u":
            array = np.right_shift(array, 8)  # 16-bit PNG
        clipped: np.ndarray = np.clip(array, 0, 255)
        return clipped.astype(np.uint8)
    return None


def _halved(image: np.ndarray) -> np.ndarray:
    # Only an exact 2:1 ratio takes OpenCV's fast area-averaging path (3:1 and 4:1 cost 8x).
    h, w = image.shape[0] // 2 * 2, image.shape[1] // 2 * 2
    return cv2.resize(image[:h, :w], (w // 2, h // 2), interpolation=cv2.INTER_AREA)


def likely_regions(gray: np.ndarray, max_regions: int = MAX_REGIONS) -> list[Box]:
    """Boxes of dense, fine, roughly square texture: where an unread QR code probably is.

    Works on a copy halved until its short side is under 480 px: steps between neighbouring
    pixels mark strong local contrast, their density over 4x4 cells marks texture, and
    connected blobs of dense cells that are not long thin lines (edges, text) are kept, largest
    first. Costs about a third of a zxing-cpp pass on the same frame.
    """
    small, factor = gray, 1
    while min(small.shape) >= 480:
        small, factor = _halved(small), factor * 2
    h, w = small.shape[0] - 1, small.shape[1] - 1
    steps = cv2.max(
        cv2.absdiff(small[:h, 1:], small[:h, :w]), cv2.absdiff(small[1:, :w], small[:h, :w])
    )
    mask = cv2.threshold(steps, 28, 255, cv2.THRESH_BINARY)[1]
    density = _halved(_halved(mask))
    dense = cv2.threshold(density, 100, 255, cv2.THRESH_BINARY)[1]
    scale = factor * 4
    smallest = max(3, -(-MIN_REGION_PX // scale))
    # Quick exit for most frames: a code holds a solid block of dense cells; edges and lines of
    # text do not. Only frames that pass pay for the connected components.
    if not cv2.countNonZero(cv2.erode(dense, _KERNEL3)):
        return []
    dense = cv2.morphologyEx(dense, cv2.MORPH_OPEN, _KERNEL3[:2, :2])
    count, _, stats, _ = cv2.connectedComponentsWithStats(dense, connectivity=8)
    found: list[tuple[int, Box]] = []
    # A plain loop: there are a few dozen blobs, and numpy's per-call cost would dominate.
    for x, y, bw, bh, area in stats[1:count].tolist():
        short = min(bw, bh)
        if short >= smallest and max(bw, bh) <= 2.5 * short and area >= 0.35 * bw * bh:
            found.append((area, (x * scale, y * scale, bw * scale, bh * scale)))
    found.sort(key=lambda item: -item[0])
    return [box for _, box in found[:max_regions]]


def box_of(points: tuple[Point, ...]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, y0 = int(min(xs)), int(min(ys))
    return x0, y0, int(max(xs)) - x0 + 1, int(max(ys)) - y0 + 1


def grown(box: Box, shape: tuple[int, ...], margin: float = 0.25) -> Box:
    x, y, w, h = box
    mx, my = int(w * margin) + 4, int(h * margin) + 4
    x0, y0 = max(0, x - mx), max(0, y - my)
    x1, y1 = min(shape[1], x + w + mx), min(shape[0], y + h + my)
    return x0, y0, x1 - x0, y1 - y0


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def similar(a: Box, b: Box) -> bool:
    return abs(a[2] - b[2]) < 0.5 * max(a[2], b[2]) and abs(a[3] - b[3]) < 0.5 * max(a[3], b[3])
