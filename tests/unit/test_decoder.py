"""The decoder on real sample images, the demo feed, hard webcam-like frames and garbage."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import cv2
import numpy as np
import pytest
import zxingcpp

from desk_app.scanning import decoder as decoder_module
from desk_app.scanning.decoder import Decoded, Decoder, checks_out
from desk_app.scanning.imaging import as_gray, likely_regions
from desk_app.scanning.sources import open_source
from tests.videos import background, qr_image

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO.parent / "shared" / "samples" / "qr"
DEMO = REPO / "resources" / "demo"
CCCD = "001090012345||Nguyễn Văn An|14031990|Nam|Số 12 phố Hoa Sữa, Hà Nội|15082021"
IMAGE_SUFFIXES = (".png", ".jpg", ".webp")

needs_samples = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason=f"sample QR images not found at {SAMPLES}"
)


def normalise(text: str) -> str:
    """The sample README's comparison: payloads carry CRLF, the expected files LF."""
    return text.replace("\r\n", "\n").rstrip("\n")


def samples() -> list[tuple[str, np.ndarray, str]]:
    found = []
    for path in sorted(SAMPLES.glob("*/*/*")):
        truth = path.with_suffix(".txt")
        if path.suffix.lower() in IMAGE_SUFFIXES and truth.exists():
            image = cv2.imread(str(path))
            assert image is not None, path
            found.append((str(path.relative_to(SAMPLES)), image, truth.read_text("utf-8")))
    return found


def zxing_alone(image: np.ndarray) -> list[str]:
    gray = as_gray(image)
    return [b.text for b in zxingcpp.read_barcodes(gray, text_mode=zxingcpp.TextMode.Plain)]


@pytest.fixture(scope="module")
def decoder() -> Decoder:
    return Decoder()


# ------------------------------------------------------------------------- real images


@needs_samples
def test_reads_every_sample_zxing_reads_and_more(decoder: Decoder) -> None:
    by_zxing, by_project = set(), set()
    for name, image, expected in samples():
        if any(normalise(t) == normalise(expected) for t in zxing_alone(image)):
            by_zxing.add(name)
        if any(normalise(d.text) == normalise(expected) for d in decoder.decode(image)):
            by_project.add(name)
    assert by_zxing, "zxing-cpp read none of the samples: the set is not what it should be"
    assert by_zxing - by_project == set()
    assert len(by_project) > len(by_zxing)


@needs_samples
@pytest.mark.parametrize("name", ["zxing/qrcode-2/12.png", "zxing/qrcode-2/28.png"])
def test_rescues_codes_zxing_alone_misses(decoder: Decoder, name: str) -> None:
    image = cv2.imread(str(SAMPLES / name))
    expected = normalise((SAMPLES / name).with_suffix(".txt").read_text("utf-8"))
    assert expected not in [normalise(t) for t in zxing_alone(image)]
    found = decoder.decode(image)
    assert [normalise(d.text) for d in found] == [expected]
    assert found[0].engine.startswith("zxing-cpp/")


@needs_samples
def test_crlf_payloads_match_after_normalising(decoder: Decoder) -> None:
    with_crlf = 0
    for _, image, expected in samples():
        for code in decoder.decode(image):
            if "\r\n" in code.text and normalise(code.text) == normalise(expected):
                with_crlf += 1
                assert code.text != expected  # the raw text is kept as the symbol holds it
    assert with_crlf > 0


@needs_samples
def test_works_without_libzbar(monkeypatch, caplog) -> None:
    def missing() -> Any:
        raise OSError("libzbar.so.0: cannot open shared object file")

    monkeypatch.setattr(decoder_module, "_import_pyzbar", missing)
    monkeypatch.setattr(decoder_module, "_reported", set())
    with caplog.at_level(logging.INFO, logger="desk_app.scanning.decoder"):
        first, second = Decoder(use_pyzbar=True), Decoder(use_pyzbar=True)
    assert not first.has_pyzbar and not second.has_pyzbar
    assert len([r for r in caplog.records if "pyzbar" in r.getMessage()]) == 1
    image = cv2.imread(str(SAMPLES / "zxing/qrcode-2/28.png"))
    assert [d.text for d in first.decode(image)] == ["http://www.webtech.co.jp/k/"]


@needs_samples
def test_pyzbar_step_reads_when_asked() -> None:
    scanner = Decoder(use_pyzbar=True)
    if not scanner.has_pyzbar:
        pytest.skip("libzbar is not installed here")
    scanner.steps = [(name, step) for name, step in scanner.steps if name == "pyzbar"]
    found = scanner.decode(cv2.imread(str(SAMPLES / "zxing/qrcode-2/28.png")))
    expected = ("http://www.webtech.co.jp/k/", "pyzbar", None)
    assert [(d.text, d.engine, d.raw_bytes) for d in found] == [expected]


# ------------------------------------------------------------------------- the demo feed


def test_every_code_of_the_demo_feed_decodes(decoder: Decoder) -> None:
    listed = json.loads((DEMO / "demo_feed.json").read_text("utf-8"))
    assert len(listed) >= 6 and len(set(listed)) < len(listed)  # some people come back
    seen: set[str] = set()
    source = open_source(str(DEMO / "demo_feed.avi"))
    try:
        while (frame := source.read()) is not None:
            seen.update(d.text for d in decoder.decode(frame))
    finally:
        source.release()
    assert set(listed) <= seen
    assert seen <= set(listed)  # nothing misread


# ------------------------------------------------------------------------- camera-like frames


def _small_code_frame(side: int, sigma: float, text: str = CCCD) -> np.ndarray:
    """A 640x480 JPEG-compressed frame with ``text`` as a QR ``side`` pixels wide."""
    code = cv2.resize(qr_image(text, module_px=1), (side, side), interpolation=cv2.INTER_AREA)
    pad = np.full((side + 40, side + 40), 245, np.uint8)
    pad[20 : 20 + side, 20 : 20 + side] = code
    frame = background((640, 480)).copy()
    frame[150 : 150 + side + 40, 250 : 250 + side + 40] = pad[:, :, None]
    if sigma:
        frame = cv2.GaussianBlur(frame, (0, 0), sigma)
    ok, jpeg = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 70])
    assert ok
    return cv2.imdecode(jpeg, cv2.IMREAD_COLOR)


@pytest.mark.parametrize(("side", "sigma"), [(90, 0.8), (100, 1.0)])
def test_small_blurred_card_codes_are_read(decoder: Decoder, side: int, sigma: float) -> None:
    # A 49-module ID-card code at under 2 px per module, slightly out of focus.
    frame = _small_code_frame(side, sigma)
    assert CCCD not in zxing_alone(frame)
    found = decoder.decode(frame)
    assert [d.text for d in found] == [CCCD]
    assert found[0].raw_bytes == CCCD.encode("utf-8")
    xs = [x for x, _ in found[0].points]
    assert 250 <= min(xs) and max(xs) <= 250 + side + 40  # corners in frame pixels


def test_points_follow_the_code_corners(decoder: Decoder) -> None:
    frame = np.full((400, 500), 255, np.uint8)
    code = qr_image("CORNERS", module_px=6)
    frame[100 : 100 + code.shape[0], 150 : 150 + code.shape[1]] = code
    (found,) = decoder.decode(frame)
    assert found.engine == "zxing-cpp"
    (x0, y0), (x1, _), (x2, y2), (_, y3) = found.points
    assert x0 < x1 and y0 < y3 and x2 > x0 and y2 > y0
    assert 100 + 4 * 6 - 2 <= y0 <= 100 + 4 * 6 + 2  # inside the quiet zone's edge


def test_two_codes_in_one_frame(decoder: Decoder) -> None:
    frame = np.full((400, 800), 255, np.uint8)
    for offset, text in ((40, "LEFT-CODE"), (440, "RIGHT-CODE")):
        code = qr_image(text, module_px=6)
        frame[80 : 80 + code.shape[0], offset : offset + code.shape[1]] = code
    assert sorted(d.text for d in decoder.decode(frame)) == ["LEFT-CODE", "RIGHT-CODE"]


def test_likely_regions_find_small_codes_and_ignore_empty_frames() -> None:
    assert likely_regions(as_gray(background((1280, 720)))) == []  # type: ignore[arg-type]
    gray = as_gray(_small_code_frame(90, 0.8))
    assert gray is not None
    boxes = likely_regions(gray)
    assert any(x <= 270 + 45 <= x + w and y <= 170 + 45 <= y + h for x, y, w, h in boxes)


# ------------------------------------------------------------------------- never raises


@pytest.mark.parametrize(
    "image",
    [
        np.zeros((0, 0), np.uint8),
        np.zeros((1, 1), np.uint8),
        np.zeros((1, 1, 3), np.uint8),
        np.zeros((5, 500, 3), np.uint8),
        np.random.default_rng(1).integers(0, 256, (480, 640, 3), dtype=np.uint8),
        np.random.default_rng(2).random((240, 320)),
        np.full((100, 100), np.nan),
        np.full((100, 100), np.inf, np.float32),
        np.ones((64, 64), bool),
        np.full((64, 64), -5, np.int16),
        np.zeros((64, 64, 5), np.uint8),
        np.zeros((64, 64, 3, 2), np.uint8),
        np.array([["a", "b"]], dtype=object),
        [[1, 2], [3]],
        None,
        "not an image",
    ],
)
def test_garbage_never_raises(decoder: Decoder, image: Any) -> None:
    assert decoder.decode(image) == []


def test_other_image_types_are_read(decoder: Decoder) -> None:
    code = qr_image("FLOAT-AND-FRIENDS", module_px=5)
    as_float = code.astype(np.float64) / 255.0
    bgra = cv2.cvtColor(code, cv2.COLOR_GRAY2BGRA)
    wide = code.astype(np.uint16) * 257
    for image in (as_float, bgra, wide, code[:, :, None]):
        assert [d.text for d in decoder.decode(image)] == ["FLOAT-AND-FRIENDS"]


def test_an_engine_that_raises_is_contained(monkeypatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise cv2.error("OpenCV(5.0.0) error: (-215:Assertion failed)")

    scanner = Decoder()
    monkeypatch.setattr(zxingcpp, "read_barcodes", boom)
    assert scanner.decode(_small_code_frame(90, 0.8)) == []


def test_a_failing_rescue_step_lets_the_next_one_try() -> None:
    scanner = Decoder()

    def broken(crop: np.ndarray) -> list[Any]:
        raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")

    scanner.steps = [("opencv", broken), *scanner.steps]
    assert [d.text for d in scanner.decode(_small_code_frame(90, 0.8))] == [CCCD]


class RaisingDetector:
    """OpenCV's QR detector raises like this on some inputs (bytes that are not UTF-8)."""

    def detectAndDecode(self, image: np.ndarray) -> Any:  # noqa: N802 - OpenCV's name
        raise UnicodeDecodeError("utf-8", b"\x8f", 0, 1, "invalid start byte")


def test_opencv_step_errors_are_contained(monkeypatch) -> None:
    scanner = Decoder(use_opencv=True)
    assert [n for n, _ in scanner.steps][-1] == "opencv"
    monkeypatch.setattr(scanner, "_opencv", RaisingDetector())
    scanner.steps = [(n, s) for n, s in scanner.steps if n == "opencv"]
    assert scanner.decode(_small_code_frame(90, 0.8)) == []


# ------------------------------------------------------------------------- which text wins


def test_texts_from_guessing_engines_must_check_out() -> None:
    assert checks_out(CCCD)
    assert checks_out("http://example.com/a?b=c")
    assert checks_out("Trần Thị Bích Ngọc")
    assert not checks_out("*蹬靼翌QR*\r\nhttp://d-qr.net/ex/")  # Shift-JIS read as GBK
    assert not checks_out("Nguy\ufffdn")
    assert not checks_out("NguyÃ\x85n")  # UTF-8 read as Latin-1 leaves C1 controls
    assert not checks_out("")


def test_a_guessed_text_that_does_not_check_out_is_dropped() -> None:
    scanner = Decoder()
    pts = ((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0))
    scanner.steps = [
        ("pyzbar", lambda crop: [("蹬靼翌QR", None, pts)]),
        ("opencv", lambda crop: [(CCCD, None, pts)]),
    ]
    found = scanner.decode(background((640, 480)))
    assert found == []  # no likely region in an empty frame: nothing runs at all
    found = scanner.decode(_small_code_frame(90, 0.8))
    assert [(d.text, d.engine) for d in found] == [(CCCD, "opencv")]


def _barcode(raw: bytes, text: str, symbology: str) -> Any:
    return SimpleNamespace(bytes=raw, text=text, symbology_identifier=symbology)


def test_utf8_bytes_win_over_a_wrong_character_set_guess() -> None:
    raw = CCCD.encode("utf-8")
    misread = raw.decode("latin-1")
    assert decoder_module._zxing_text(_barcode(raw, misread, "]Q1")) == (CCCD, raw)
    # An ECI says which character set the encoder chose: that is kept.
    assert decoder_module._zxing_text(_barcode(raw, misread, "]Q2")) == (misread, raw)
    # Japanese text in Shift-JIS is not UTF-8: zxing-cpp's reading stands.
    sjis = "ﾃﾞｻﾞｲﾝQR".encode("shift_jis")
    assert decoder_module._zxing_text(_barcode(sjis, "ﾃﾞｻﾞｲﾝQR", "]Q1"))[0] == "ﾃﾞｻﾞｲﾝQR"


def test_decoded_is_a_value() -> None:
    a = Decoded("X", b"X", ((0.0, 0.0),), "zxing-cpp")
    assert a == Decoded("X", b"X", ((0.0, 0.0),), "zxing-cpp")
    with pytest.raises(AttributeError):
        a.text = "Y"  # type: ignore[misc]
