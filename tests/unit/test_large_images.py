"""Pictures whose header announces a huge size: refused (or read smaller) before decoding."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import cv2
import numpy as np
import pytest

from desk_app.scanning.image_size import MAX_PIXELS, header_size, reduction
from desk_app.scanning.sources import ImageTooLarge, open_folder, read_image

REPO = Path(__file__).resolve().parents[2]
SIDE = 20_000


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def huge_png(path: Path, side: int = SIDE) -> Path:
    """A white grey-scale PNG of side x side pixels, a few hundred KB, made row by row."""
    packer = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * side
    parts = [packer.compress(row) for _ in range(side)]
    parts.append(packer.flush())
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", b"".join(parts))
        + _chunk(b"IEND", b"")
    )
    return path


@pytest.fixture(scope="module")
def big_png(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return huge_png(tmp_path_factory.mktemp("big") / "huge.png")


def test_header_sizes_of_the_common_formats(tmp_path: Path) -> None:
    image = np.zeros((30, 50, 3), np.uint8)
    for suffix in (".png", ".jpg", ".bmp", ".webp", ".tiff"):
        ok, encoded = cv2.imencode(suffix, image)
        assert ok
        assert header_size(encoded.tobytes()) == (50, 30), suffix
    assert header_size(b"GIF89a" + struct.pack("<HH", 640, 480)) == (640, 480)
    assert header_size(b"not an image") is None
    assert reduction(4000, 3000) == 1 and reduction(9000, 6000) == 2
    assert reduction(SIDE, SIDE) == 4 and reduction(60_000, 60_000) == 0


def test_a_huge_png_is_refused_from_its_header(big_png: Path) -> None:
    assert big_png.stat().st_size < 2_000_000
    assert header_size(big_png.read_bytes()[:64]) == (SIDE, SIDE)
    with pytest.raises(ImageTooLarge, match="20000 x 20000"):
        read_image(big_png)


def test_a_large_jpeg_is_read_at_a_reduced_size(tmp_path: Path) -> None:
    picture = np.full((6000, 9000), 255, np.uint8)  # 54 MP
    cv2.rectangle(picture, (1000, 1000), (3000, 3000), 0, -1)
    path = tmp_path / "large.jpg"
    ok, encoded = cv2.imencode(".jpg", picture)
    assert ok
    path.write_bytes(encoded.tobytes())
    image = read_image(path)
    assert image is not None
    assert image.shape[:2] == (3000, 4500)  # half size, within the limit
    assert image.shape[0] * image.shape[1] <= MAX_PIXELS


def test_the_image_folder_skips_a_huge_picture(
    big_png: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "frames"
    folder.mkdir()
    (folder / "a-huge.png").symlink_to(big_png)
    cv2.imwrite(str(folder / "b-small.png"), np.zeros((20, 20, 3), np.uint8))
    source = open_folder(folder)
    first = source.read()
    assert first is not None and first.shape[:2] == (20, 20)
    assert source.read() is None
    assert "too large" in caplog.text


def test_scan_refuses_without_a_huge_allocation(big_png: Path) -> None:
    """``desk-app scan`` on the huge PNG: a clear refusal, and the child's peak memory stays far
    below the 1.2 GB a decode would take (measured by a fresh parent, so only it counts)."""
    probe = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(done.returncode, peak)\n"
        "sys.stderr.write(done.stderr)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO), DESK_APP_LANG="en")
    done = subprocess.run(
        [sys.executable, "-c", probe, sys.executable, "-m", "desk_app", "scan", str(big_png)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    code, peak_kb = (int(part) for part in done.stdout.split())
    assert code == 1
    assert "too large (20000 x 20000 pixels" in done.stderr and "Traceback" not in done.stderr
    assert peak_kb < 600_000, f"peak {peak_kb} KB"


def test_a_huge_tiff_is_refused_from_its_header(tmp_path: Path) -> None:
    entries = [struct.pack("<HHII", tag, 4, 1, SIDE) for tag in (256, 257)]
    path = tmp_path / "huge.tif"
    path.write_bytes(b"II*\x00" + struct.pack("<IH", 8, 2) + b"".join(entries) + b"\0" * 4)
    with pytest.raises(ImageTooLarge, match="20000 x 20000"):
        read_image(path)


def _app_segments(count: int) -> bytes:
    """JPEG application segments of 64 KB each (ICC profiles and EXIF previews are that big)."""
    return (b"\xff\xe2" + struct.pack(">H", 65535) + b"\0" * 65533) * count


def test_a_jpeg_frame_header_after_large_segments_is_still_found(tmp_path: Path) -> None:
    # The frame header (SOF) comes after 128 KB of other segments: found all the same, and the
    # 54 MP picture is read at half size rather than whole.
    picture = np.full((6000, 9000), 255, np.uint8)
    ok, encoded = cv2.imencode(".jpg", picture)
    assert ok
    data = encoded.tobytes()
    path = tmp_path / "late-header.jpg"
    path.write_bytes(data[:2] + _app_segments(2) + data[2:])
    assert header_size(path.read_bytes()) == (9000, 6000)
    image = read_image(path)
    assert image is not None and image.shape[:2] == (3000, 4500)


def test_a_tiff_directory_at_the_end_is_still_read(tmp_path: Path) -> None:
    entries = [struct.pack("<HHII", tag, 4, 1, SIDE) for tag in (256, 257)]
    directory = struct.pack("<H", 2) + b"".join(entries) + b"\0" * 4
    body = b"\0" * 100_000  # strips first, the directory after them
    path = tmp_path / "late-directory.tif"
    path.write_bytes(b"II*\x00" + struct.pack("<I", 8 + len(body)) + body + directory)
    with pytest.raises(ImageTooLarge, match="20000 x 20000"):
        read_image(path)


@pytest.mark.parametrize(
    ("head", "size"),
    [
        (b"P5\n# a comment\n20000 20000\n255\n", (SIDE, SIDE)),
        (b"P7\nWIDTH 20000\nHEIGHT 20000\nDEPTH 1\nMAXVAL 255\nENDHDR\n", (SIDE, SIDE)),
        (b"\x59\xa6\x6a\x95" + struct.pack(">II", SIDE, SIDE), (SIDE, SIDE)),
        (b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 20000 +X 20000\n", (SIDE, SIDE)),
        (b"BM" + b"\0" * 12 + b"\x0c\0\0\0" + struct.pack("<HH", 640, 480), (640, 480)),
    ],
)
def test_header_sizes_of_the_other_formats_a_decoder_takes(
    tmp_path: Path, head: bytes, size: tuple[int, int]
) -> None:
    assert header_size(head + b"\0" * 64) == size


def test_a_picture_whose_size_cannot_be_read_is_not_decoded(tmp_path: Path) -> None:
    path = tmp_path / "no-frame-header.jpg"
    path.write_bytes(b"\xff\xd8" + _app_segments(1) + b"\xff\xd9")
    with pytest.raises(ImageTooLarge, match="size cannot be found"):
        read_image(path)


def test_a_huge_picture_named_as_a_video_is_refused(big_png: Path, tmp_path: Path) -> None:
    # Not an image suffix: the video reader opens it, and its frame size is checked first.
    from desk_app.scanning.sources import open_video

    disguised = tmp_path / "clip.avi"
    disguised.symlink_to(huge_png(tmp_path / "mid.png", 15_000))
    with pytest.raises(ImageTooLarge, match="15000 x 15000"):
        open_video(disguised)


def test_a_poster_photo_is_checked_before_decoding(big_png: Path) -> None:
    from desk_app.printing.poster import PrintError, read_code_from_image

    with pytest.raises(PrintError, match="20000 x 20000"):
        read_code_from_image(big_png)


def _forged_jpeg(progressive: bool, width: int, height: int) -> bytes:
    """A small real JPEG whose frame header (SOF) is rewritten to claim ``width`` x ``height``."""
    params = [cv2.IMWRITE_JPEG_PROGRESSIVE, 1] if progressive else []
    ok, encoded = cv2.imencode(".jpg", np.full((64, 64, 3), 200, np.uint8), params)
    assert ok
    data = bytearray(encoded.tobytes())
    at = 2
    while data[at + 1] not in (0xC0, 0xC2):
        at += 2 + struct.unpack(">H", data[at + 2 : at + 4])[0]
    data[at + 5 : at + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def test_a_progressive_jpeg_above_the_limit_is_refused_not_reduced(tmp_path: Path) -> None:
    # A progressive decoder keeps every coefficient of the whole picture whatever the scale
    # it is asked for: 542 bytes claiming 50,000 x 50,000 took 7.5 GB at an eighth. So only
    # a single-scan JPEG is read smaller; a progressive one above the limit is refused.
    path = tmp_path / "progressive.jpg"
    path.write_bytes(_forged_jpeg(True, 9000, 6000))
    assert header_size(path.read_bytes()) == (9000, 6000)
    with pytest.raises(ImageTooLarge, match="9000 x 6000"):
        read_image(path)
    small = tmp_path / "small-progressive.jpg"
    small.write_bytes(_forged_jpeg(True, 64, 64))
    image = read_image(small)
    assert image is not None and image.shape[:2] == (64, 64)


def test_only_a_single_scan_jpeg_can_be_read_smaller() -> None:
    from desk_app.scanning.image_size import jpeg_reducible

    assert jpeg_reducible(_forged_jpeg(False, 9000, 6000))
    assert not jpeg_reducible(_forged_jpeg(True, 9000, 6000))
    # A baseline frame of three components whose first scan holds one of them: the other
    # scans follow, and the decoder keeps the whole picture's coefficients for them too.
    frame = b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, 6000, 9000, 3) + b"\x01\x22\x00" * 3
    scan = b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00" + b"\x00\x3f\x00"
    assert not jpeg_reducible(b"\xff\xd8" + frame + scan)
    interleaved = b"\xff\xda" + struct.pack(">HB", 12, 3) + b"\x01\x00\x02\x11\x03\x11\x00\x3f\x00"
    assert jpeg_reducible(b"\xff\xd8" + frame + interleaved)
    assert not jpeg_reducible(b"\x89PNG\r\n\x1a\n")


def _sparse_png(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that starts as a small PNG (the rest holes, no disk used)."""
    header = struct.pack(">IIBBBBB", 64, 64, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header))
    os.truncate(path, size)
    return path


_LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))
from desk_app.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="address space limit is POSIX")
def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    # A picture's header may be small and honest while the file goes on for gigabytes: it
    # is not read whole into memory to look for a picture in it.
    huge = _sparse_png(tmp_path / "huge-file.png", 3 << 30)
    env = dict(os.environ, PYTHONPATH=str(REPO), DESK_APP_LANG="en")
    done = subprocess.run(
        [sys.executable, "-c", _LIMITED, "scan", str(huge)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert f"The picture file {huge} is too large" in done.stderr, done.stderr
    assert "Unexpected error" not in done.stderr
    with pytest.raises(ImageTooLarge, match="too large"):
        read_image(huge)
    folder = tmp_path / "frames"
    folder.mkdir()
    (folder / "a-huge.png").symlink_to(huge)
    cv2.imwrite(str(folder / "b-small.png"), np.zeros((30, 30, 3), np.uint8))
    source = open_folder(folder)
    first = source.read()
    assert first is not None and first.shape[:2] == (30, 30)
    assert source.read() is None
