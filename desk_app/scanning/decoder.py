"""QR decoding of one image: zxing-cpp first, rescue steps only where a code is likely.

No Qt here: the camera worker, the command line and the benchmarks share this decoder.

The first pass is zxing-cpp on the whole frame, which reads the great majority of codes and is
the cheapest engine on frames with nothing in them. Only when it reads nothing does the decoder
look for places where a code is likely (symbols zxing-cpp found but could not decode, and small
square patches of dense fine texture, found on a reduced copy of the frame for a fraction of
zxing-cpp's cost) and rescue those crops: enlarged for the small dense QR of an ID card held at
arm's length, smoothed for printed halftone and photographic codes, and, where enabled, read by
pyzbar or OpenCV. An empty frame costs the first pass plus the texture search.

A wrong decode is worse than none: zxing-cpp's answers are checked by the symbol's error
correction and its raw bytes are kept; texts from the other engines, which re-encode the bytes
with a guessed character set, are accepted only when they check out.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import cv2
import numpy as np
import zxingcpp

from desk_app.scanning.imaging import (
    MAX_REGIONS,
    Box,
    Point,
    as_gray,
    box_of,
    grown,
    likely_regions,
    overlaps,
    similar,
)

log = logging.getLogger(__name__)

ENGINE_ZXING = "zxing-cpp"
ENGINE_PYZBAR = "pyzbar"
ENGINE_OPENCV = "opencv"


# Images up to this size (photos, scans, crops) are small enough to rescue as a whole.
WHOLE_IMAGE_RESCUE = 512 * 512
_QR_FORMATS = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
# QR symbology identifiers that announce an ECI, i.e. a character set chosen by the encoder.
_ECI_IDS = ("]Q2", "]Q4", "]Q6")
# Measured (bench/bench_decoder.py): after the zxing-cpp rescue steps, pyzbar and OpenCV read
# no further code on the sample images or on webcam-like frames, and cost time on every frame
# where a code is likely but unreadable; they stay available, off by default.
PYZBAR_BY_DEFAULT = False
_reported: set[str] = set()  # engines whose absence was logged already


@dataclass(frozen=True)
class Decoded:
    """One code read from an image: its text, its bytes when the engine gives them, its corners
    (top-left, top-right, bottom-right, bottom-left, in image pixels) and which engine read it."""

    text: str
    raw_bytes: bytes | None
    points: tuple[Point, ...]
    engine: str


def _import_pyzbar() -> ModuleType:
    from pyzbar import pyzbar

    module: ModuleType = pyzbar
    return module


def _load_pyzbar() -> ModuleType | None:
    try:
        return _import_pyzbar()
    except (ImportError, OSError) as exc:
        # libzbar is a native library: a frozen build or a bare Windows PC may lack it.
        if ENGINE_PYZBAR not in _reported:
            _reported.add(ENGINE_PYZBAR)
            log.warning("pyzbar unavailable (%s); decoding with zxing-cpp only", exc)
        return None


def _payload_recognised(text: str) -> bool:
    from desk_app.domain.payloads import parse

    try:
        return bool(parse(text).recognised)
    except Exception:  # noqa: BLE001 - a parser bug must not cost a scan
        return False


def _latin_text(text: str) -> bool:
    """True for text in scripts an engine's character-set guess gets right (ASCII, Vietnamese)."""
    for ch in text:
        if ch.isascii():
            continue
        name = unicodedata.name(ch, "")
        if not (name.startswith(("LATIN", "COMBINING")) or unicodedata.category(ch)[0] in "PZS"):
            return False
    return True


def checks_out(text: str) -> bool:
    """Whether a text read by an engine that guesses the character set can be trusted.

    pyzbar and OpenCV turn the symbol's bytes into text with their own guess; for Japanese and
    Chinese payloads the guess is often wrong and the result looks like valid CJK text. A text
    is accepted when it is a payload the desk knows, or when it has no replacement or C1
    control characters and keeps to scripts the guess gets right.
    """
    if not text:
        return False
    if _payload_recognised(text):
        return True
    if "\ufffd" in text or any("\x80" <= ch <= "\x9f" for ch in text):
        return False
    return _latin_text(text)


def _points_of(position: Any) -> tuple[Point, ...]:
    return tuple(
        (float(p.x), float(p.y))
        for p in (
            position.top_left,
            position.top_right,
            position.bottom_right,
            position.bottom_left,
        )
    )


def _zxing_text(barcode: Any) -> tuple[str, bytes | None]:
    raw = bytes(barcode.bytes) if barcode.bytes is not None else None
    text = str(barcode.text)
    if raw and barcode.symbology_identifier not in _ECI_IDS and not raw.isascii():
        # No character set was declared, so zxing-cpp guessed one. Vietnamese cards and apps
        # write UTF-8: bytes that are valid UTF-8 and read as Latin or Vietnamese text are
        # taken as UTF-8 whatever the guess (real Shift-JIS is rarely valid UTF-8, and when it
        # is, it does not read as Latin text).
        try:
            utf8 = raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if utf8 != text and checks_out(utf8):
                text = utf8
    return text, raw


# A rescue step reads a crop and answers (text, raw bytes or None, points in crop pixels).
Reading = tuple[str, bytes | None, tuple[Point, ...]]
Step = Callable[[np.ndarray], list[Reading]]


class Decoder:
    """Reads QR codes from camera frames and images; one call at a time per instance.

    ``use_pyzbar``: True adds pyzbar as the last rescue step when libzbar can be loaded (else
    it logs once and goes on without); False never; None takes ``PYZBAR_BY_DEFAULT``.
    ``use_opencv`` adds OpenCV's QR detector likewise. ``rescue`` False keeps only the first
    pass (the benchmark's ablation).
    """

    def __init__(
        self,
        *,
        use_pyzbar: bool | None = None,
        use_opencv: bool = False,
        rescue: bool = True,
    ) -> None:
        wanted = PYZBAR_BY_DEFAULT if use_pyzbar is None else use_pyzbar
        self._pyzbar = _load_pyzbar() if wanted else None
        self._opencv: Any = None
        if use_opencv:
            try:
                self._opencv = cv2.QRCodeDetector()
            except Exception as exc:  # noqa: BLE001 - an OpenCV build without objdetect
                log.warning("OpenCV QR detector unavailable: %s", exc)
        self._rescue = rescue
        self.steps: list[tuple[str, Step]] = [
            (ENGINE_ZXING + "/enlarged", self._zxing_enlarged),
            (ENGINE_ZXING + "/sharpened", self._zxing_sharpened),
            (ENGINE_ZXING + "/smoothed", self._zxing_smoothed),
        ]
        if self._pyzbar is not None:
            self.steps.append((ENGINE_PYZBAR, self._pyzbar_read))
        if self._opencv is not None:
            self.steps.append((ENGINE_OPENCV, self._opencv_read))

    @property
    def has_pyzbar(self) -> bool:
        return self._pyzbar is not None

    def decode(self, image: Any) -> list[Decoded]:
        """Every QR code found in ``image`` (BGR, BGRA or gray); never raises."""
        try:
            gray = as_gray(image)
            if gray is None:
                return []
            found, unread = self._first_pass(gray)
            if found or not self._rescue:
                return found
            return self._rescue_regions(gray, unread)
        except Exception:  # noqa: BLE001 - a frame must never stop the camera
            log.exception("decoder failed on an image of shape %s", getattr(image, "shape", "?"))
            return []

    # ------------------------------------------------------------------ first pass

    def _first_pass(self, gray: np.ndarray) -> tuple[list[Decoded], list[Box]]:
        try:
            barcodes = zxingcpp.read_barcodes(
                gray, formats=_QR_FORMATS, text_mode=zxingcpp.TextMode.Plain, return_errors=True
            )
        except Exception as exc:  # noqa: BLE001
            log.debug("zxing-cpp failed: %s", exc)
            return [], []
        found: list[Decoded] = []
        unread: list[Box] = []
        for barcode in barcodes:
            points = _points_of(barcode.position)
            if not barcode.valid:
                unread.append(box_of(points))
                continue
            text, raw = _zxing_text(barcode)
            found.append(Decoded(text, raw, points, ENGINE_ZXING))
        return _unique(found), unread

    # ------------------------------------------------------------------ rescue

    def _candidate_boxes(self, gray: np.ndarray, unread: list[Box]) -> Iterator[Box]:
        h, w = gray.shape
        seen: list[Box] = []
        small_image = h * w <= WHOLE_IMAGE_RESCUE
        if small_image:
            seen.append((0, 0, w, h))
            yield (0, 0, w, h)
        for box in unread + likely_regions(gray):
            region = grown(box, gray.shape)
            if small_image and region[2] * region[3] > 0.6 * h * w:
                continue
            if any(overlaps(region, s) and similar(region, s) for s in seen):
                continue
            seen.append(region)
            yield region
            if len(seen) >= MAX_REGIONS + int(small_image):
                return

    def _rescue_regions(self, gray: np.ndarray, unread: list[Box]) -> list[Decoded]:
        found: list[Decoded] = []
        for x, y, w, h in self._candidate_boxes(gray, unread):
            if any(overlaps((x, y, w, h), box_of(d.points)) for d in found):
                continue
            crop = gray[y : y + h, x : x + w]
            for engine, step in self.steps:
                try:
                    readings = step(crop)
                except Exception as exc:  # noqa: BLE001 - OpenCV raises on some inputs
                    log.debug("%s failed on a crop: %s", engine, exc)
                    continue
                accepted = [
                    Decoded(text, raw, tuple((px + x, py + y) for px, py in pts), engine)
                    for text, raw, pts in readings
                    if engine.startswith(ENGINE_ZXING) or checks_out(text)
                ]
                if accepted:
                    found.extend(accepted)
                    break
        return _unique(found)

    def _zxing_read(self, image: np.ndarray, scale: float, **options: Any) -> list[Reading]:
        barcodes = zxingcpp.read_barcodes(
            image,
            formats=_QR_FORMATS,
            text_mode=zxingcpp.TextMode.Plain,
            try_rotate=False,
            **options,
        )
        readings: list[Reading] = []
        for barcode in barcodes:
            text, raw = _zxing_text(barcode)
            pts = tuple((px / scale, py / scale) for px, py in _points_of(barcode.position))
            readings.append((text, raw, pts))
        return readings

    def _zxing_enlarged(self, crop: np.ndarray) -> list[Reading]:
        # Modules of 1.5-2 px defeat the sampling grid; a smooth enlargement restores it.
        side = max(crop.shape)
        if side > 480:
            return []
        scale = 3.0 if side < 120 else 2.0
        big = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        return self._zxing_read(big, scale, try_downscale=False, try_invert=False)

    def _zxing_sharpened(self, crop: np.ndarray) -> list[Reading]:
        # Out-of-focus small codes: enlarge further, then restore module edges (unsharp mask).
        side = max(crop.shape)
        if side > 480:
            return []
        scale = 3.0 if side <= 320 else 2.0
        big = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        sharp = cv2.addWeighted(big, 1.8, cv2.GaussianBlur(big, (0, 0), scale * 0.6), -0.8, 0)
        return self._zxing_read(sharp, scale, try_downscale=False, try_invert=False)

    def _zxing_smoothed(self, crop: np.ndarray) -> list[Reading]:
        # Halftone prints, photographic backgrounds and JPEG noise break modules into specks; a
        # light blur joins them again, and a global threshold reads codes printed over pictures.
        soft = cv2.GaussianBlur(crop, (3, 3), 0)
        for binarizer in (zxingcpp.Binarizer.GlobalHistogram, zxingcpp.Binarizer.LocalAverage):
            readings = self._zxing_read(soft, 1.0, binarizer=binarizer)
            if readings:
                return readings
        return []

    def _pyzbar_read(self, crop: np.ndarray) -> list[Reading]:
        assert self._pyzbar is not None
        symbols = [self._pyzbar.ZBarSymbol.QRCODE]
        readings: list[Reading] = []
        for result in self._pyzbar.decode(crop, symbols=symbols):
            try:
                text = bytes(result.data).decode("utf-8")
            except UnicodeDecodeError:
                continue
            pts = tuple((float(p.x), float(p.y)) for p in result.polygon)
            # pyzbar's bytes are zbar's re-encoding of the symbol, not its raw content.
            readings.append((text, None, pts))
        return readings

    def _opencv_read(self, crop: np.ndarray) -> list[Reading]:
        text, points, _ = self._opencv.detectAndDecode(crop)
        if not text or points is None:
            return []
        pts = tuple((float(px), float(py)) for px, py in np.asarray(points).reshape(-1, 2))
        return [(str(text), None, pts)]


def _unique(found: list[Decoded]) -> list[Decoded]:
    result: list[Decoded] = []
    for item in found:
        if any(
            other.text == item.text and overlaps(box_of(other.points), box_of(item.points))
            for other in result
        ):
            continue
        result.append(item)
    return result
