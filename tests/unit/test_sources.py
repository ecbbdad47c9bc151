"""Frame sources (video file, image folder, camera, stream) and the ``desk-app scan`` command."""

from __future__ import annotations

import json
import os
from pathlib import Path

import cv2
import numpy as np
import pytest

from desk_app.cli import EXIT_ERROR, EXIT_OK, main
from desk_app.scanning import sources
from desk_app.scanning.sources import (
    FrameSource,
    SourceError,
    list_cameras,
    open_source,
    read_image,
)
from tests.videos import background, frame_with_code, qr_image, write_code_video

CCCD = "001090012345||Nguyễn Văn An|14031990|Nam|Số 12 phố Hoa Sữa, Hà Nội|15082021"


def _drain(source: FrameSource) -> list[np.ndarray]:
    frames = []
    while (frame := source.read()) is not None:
        frames.append(frame)
    return frames


def test_a_video_file_plays_to_its_end(tmp_path: Path) -> None:
    video = write_code_video(
        tmp_path / "v.avi", ["A"], fps=30, size=(320, 240), seconds_per_code=0.2, gap_seconds=0.1
    )
    source = open_source(str(video))
    assert source.is_file and not source.is_still
    assert source.fps == pytest.approx(30.0)
    frames = _drain(source)
    assert len(frames) == 3 + 6 + 3
    assert frames[0].shape == (240, 320, 3)
    assert source.read() is None
    source.release()
    source.release()  # twice is harmless


def test_a_folder_of_images_in_name_order(tmp_path: Path) -> None:
    for name, text in (("b.png", "SECOND"), ("a.jpg", "FIRST"), ("c.png", "THIRD")):
        cv2.imwrite(str(tmp_path / name), qr_image(text, module_px=4))
    (tmp_path / "notes.txt").write_text("not an image")
    (tmp_path / "broken.png").write_bytes(b"\x89PNG but not really")
    with open_source(str(tmp_path)) as source:
        assert source.is_file and source.is_still and source.fps is None
        frames = _drain(source)
    from desk_app.scanning.decoder import Decoder

    texts = [d.text for frame in frames for d in Decoder().decode(frame)]
    assert texts == ["FIRST", "SECOND", "THIRD"]


def test_one_image_with_a_vietnamese_name(tmp_path: Path) -> None:
    path = tmp_path / "Thẻ căn cước.png"
    ok, data = cv2.imencode(".png", qr_image(CCCD, module_px=3))
    assert ok
    path.write_bytes(data.tobytes())  # cv2.imwrite cannot write such names on Windows
    assert read_image(path) is not None
    with open_source(str(path)) as source:
        assert len(_drain(source)) == 1


@pytest.mark.parametrize("spec", ["missing.avi", "no/such/folder/"])
def test_a_missing_path_is_a_clear_error(tmp_path: Path, spec: str) -> None:
    with pytest.raises(SourceError, match="does not exist"):
        open_source(str(tmp_path / spec))


def test_an_empty_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="holds no images"):
        open_source(str(tmp_path))


def test_a_file_that_is_not_a_video_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "recording.avi"
    junk.write_bytes(b"RIFF\x00\x00\x00\x00garbage")
    with pytest.raises(SourceError, match="Cannot read the video file"):
        open_source(str(junk))


def test_an_absent_camera_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Closed:
        def __init__(self, *args: object) -> None:
            self.args = args

        def isOpened(self) -> bool:  # noqa: N802 - OpenCV's name
            return False

        def release(self) -> None:
            pass

    opened: list[tuple[object, ...]] = []

    def fake_capture(*args: object) -> Closed:
        opened.append(args)
        return Closed(*args)

    monkeypatch.setattr(sources.cv2, "VideoCapture", fake_capture)
    monkeypatch.setattr(sources.sys, "platform", "win32")
    with pytest.raises(SourceError, match="Cannot open camera 3"):
        open_source("3")
    # On Windows DirectShow first (it opens fast), Media Foundation as the fallback.
    assert opened == [(3, cv2.CAP_DSHOW), (3, cv2.CAP_MSMF)]


def test_a_stream_that_does_not_answer_is_a_clear_error() -> None:
    with pytest.raises(SourceError, match=r"rtsp://desk:\*\*\*@127.0.0.1:9/live") as caught:
        open_source("rtsp://desk:secret@127.0.0.1:9/live")
    assert "secret" not in str(caught.value)


def test_cameras_are_listed_from_sysfs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for node, name, index in (
        ("video0", "USB Camera", "0"),
        ("video1", "USB Camera", "1"),
        ("video2", "HD Webcam C270", "0"),
        ("video10", "Far", "0"),
    ):
        (tmp_path / node).mkdir()
        (tmp_path / node / "name").write_text(name + "\n")
        (tmp_path / node / "index").write_text(index + "\n")
    monkeypatch.setattr(sources, "V4L_ROOT", tmp_path)
    monkeypatch.setattr(sources.sys, "platform", "linux")
    assert list_cameras() == [(0, "USB Camera"), (2, "HD Webcam C270")]
    monkeypatch.setattr(sources, "V4L_ROOT", tmp_path / "none")
    assert list_cameras() == []


# ------------------------------------------------------------------------- desk-app scan


def _json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_scan_reports_each_code_of_a_video_once_per_appearance(tmp_path, capsys) -> None:
    video = write_code_video(
        tmp_path / "desk.avi",
        ["VISITOR-7", CCCD, "VISITOR-7"],
        fps=30,
        size=(640, 480),
        seconds_per_code=0.5,
        gap_seconds=0.5,
    )
    assert main(["scan", "--json", str(video)]) == EXIT_OK
    records = _json_lines(capsys.readouterr().out)
    assert [(r["text"], r["frame"]) for r in records] == [
        ("VISITOR-7", 15),
        (CCCD, 45),
        ("VISITOR-7", 75),
    ]
    assert records[1]["kind"] == "cccd" and records[0]["kind"] == "unrecognised"
    assert records[1]["file"] == str(video)
    assert len(records[1]["points"]) == 4  # type: ignore[arg-type]


def test_scan_reads_images_and_goes_on_after_a_bad_file(tmp_path, capsys) -> None:
    image = tmp_path / "card.png"
    cv2.imwrite(str(image), frame_with_code(CCCD, (640, 480)))
    empty = tmp_path / "empty.png"
    cv2.imwrite(str(empty), background((320, 240)))
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    code = main(["scan", "--json", str(broken), str(image), str(tmp_path / "gone.mp4"), str(empty)])
    out, err = capsys.readouterr()
    assert code == EXIT_ERROR
    assert _json_lines(out) == [
        {
            "file": str(image),
            "frame": None,
            "text": CCCD,
            "kind": "cccd",
            "points": _json_lines(out)[0]["points"],
        }
    ]
    assert f"Cannot read {broken}" in err and "gone.mp4 does not exist" in err
    assert "2 file(s) could not be read" in err
    assert "Traceback" not in err


def test_scan_of_a_folder_or_a_device_says_what_it_is(tmp_path, capsys) -> None:
    folder = tmp_path / "ảnh quét"
    folder.mkdir()
    code = main(["--lang", "en", "scan", str(folder), os.devnull])
    err = capsys.readouterr().err
    assert code == EXIT_ERROR
    assert f"{folder} is a folder" in err and f"{os.devnull} is not a file" in err, err
    assert "does not exist" not in err


def test_scan_without_json_prints_a_readable_line(tmp_path, capsys) -> None:
    image = tmp_path / "note.png"
    cv2.imwrite(str(image), qr_image("line one\r\nline two", module_px=5))
    assert main(["scan", str(image)]) == EXIT_OK
    assert capsys.readouterr().out == f"{image}: [unrecognised] line one\\r\\nline two\n"


def test_stream_password_never_shown() -> None:
    from desk_app.scanning.sources import without_password

    assert without_password("rtsp://admin:s3cret@10.0.0.5:554/live") == (
        "rtsp://admin:***@10.0.0.5:554/live"
    )
    assert without_password("rtsp://10.0.0.5/live") == "rtsp://10.0.0.5/live"
