"""Where frames come from: a camera by index, a video file, a folder of images, a stream URL.

No Qt here: the camera worker opens a source inside its own thread (on Windows a camera can
take seconds to open) and the command line reads files the same way.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from desk_app.i18n import t
from desk_app.i18n.system import os_error_text
from desk_app.scanning.image_size import (
    MAX_FILE_BYTES,
    MAX_PIXELS,
    header_size,
    jpeg_reducible,
    reduction,
)

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".webp", ".tif", ".tiff"})
URL_SCHEMES = ("rtsp://", "rtsps://", "rtmp://", "http://", "https://")
# A stream that stops answering should be reported lost within seconds, not minutes.
STREAM_TIMEOUT_MS = 5000
V4L_ROOT = Path("/sys/class/video4linux")


class SourceError(Exception):
    """A source that cannot be opened; the message is translated and meant for the user."""


class FrameSource:
    """A sequence of BGR frames. ``read`` returns None when a file ends or a device fails."""

    fps: float | None = None
    is_file: bool = False  # ends by itself (a video file, a folder of images)
    is_still: bool = False  # separate pictures, not a moving scene
    description: str = ""

    def read(self) -> np.ndarray | None:
        raise NotImplementedError

    def release(self) -> None:
        """Free the device or file; safe to call twice."""

    def __enter__(self) -> FrameSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class CaptureSource(FrameSource):
    """A ``cv2.VideoCapture``: camera, video file or stream."""

    def __init__(self, capture: cv2.VideoCapture, *, is_file: bool, description: str) -> None:
        self._capture: cv2.VideoCapture | None = capture
        self.is_file = is_file
        self.description = description
        fps = float(capture.get(cv2.CAP_PROP_FPS) or 0.0)
        # Cameras and streams often report 0 or nonsense (1000, 90000).
        self.fps = fps if 1.0 <= fps <= 240.0 else None

    def read(self) -> np.ndarray | None:
        capture = self._capture
        if capture is None:
            return None
        try:
            ok, frame = capture.read()
        except cv2.error as exc:
            log.warning("reading %s failed: %s", self.description, exc)
            return None
        if not ok or frame is None or frame.size == 0:
            return None
        return frame

    def release(self) -> None:
        capture, self._capture = self._capture, None
        if capture is not None:
            capture.release()


class ImageTooLarge(SourceError):
    """A picture whose header announces more pixels than can be decoded safely."""


_REDUCED = {
    2: cv2.IMREAD_REDUCED_COLOR_2,
    4: cv2.IMREAD_REDUCED_COLOR_4,
    8: cv2.IMREAD_REDUCED_COLOR_8,
}


def read_image(path: Path, max_pixels: int = MAX_PIXELS) -> np.ndarray | None:
    """An image file as BGR, or None; works with non-ASCII paths on Windows too.

    The size in the file's header is checked before decoding: a single-scan JPEG above
    ``max_pixels`` is decoded at a half, quarter or eighth of its size (the decoder never
    holds more); any other picture above it, a progressive JPEG too, raises ImageTooLarge.
    """
    try:
        file_size = path.stat().st_size
        if file_size > MAX_FILE_BYTES:
            raise ImageTooLarge(
                t(
                    "scan.file_too_large",
                    path=path,
                    size=file_size >> 20,
                    limit=MAX_FILE_BYTES >> 20,
                )
            )
        data = np.fromfile(str(path), dtype=np.uint8)
    except OSError:
        return None
    if data.size == 0:
        return None
    flags = cv2.IMREAD_COLOR
    content = data.tobytes()
    size = header_size(content)
    if size is None:
        # A picture whose size cannot be read first is not decoded: a few hundred bytes of
        # an unchecked format can ask the decoder for gigabytes.
        if data[:2].tobytes() in (b"\xff\xd8", b"\x89P", b"II", b"MM", b"BM", b"RI", b"GI"):
            raise ImageTooLarge(t("scan.image_size_unknown", path=path))
        return None
    width, height = size
    factor = reduction(width, height, max_pixels)
    if factor != 1 and not (factor and jpeg_reducible(content)):
        raise ImageTooLarge(
            t(
                "scan.image_too_large",
                path=path,
                width=width,
                height=height,
                limit=max_pixels // 1_000_000,
            )
        )
    if factor > 1:
        log.info("%s: %d x %d decoded at 1/%d", path, width, height, factor)
        flags = _REDUCED[factor]
    try:
        image = cv2.imdecode(data, flags)
    except cv2.error:
        return None
    return image if image is not None and image.size else None


class ImageFolderSource(FrameSource):
    """The images of a folder (or one image file), in name order, once each."""

    is_file = True
    is_still = True

    def __init__(self, paths: list[Path], description: str) -> None:
        self._paths = list(paths)
        self._next = 0
        self.description = description

    def read(self) -> np.ndarray | None:
        while self._next < len(self._paths):
            path = self._paths[self._next]
            self._next += 1
            try:
                image = read_image(path)
            except ImageTooLarge as exc:
                log.warning("skipping %s", exc)
                continue
            if image is not None:
                return image
            log.warning("skipping unreadable image %s", path)
        return None

    def release(self) -> None:
        self._next = len(self._paths)


def is_camera_index(spec: str | int) -> bool:
    return isinstance(spec, int) or (isinstance(spec, str) and spec.strip().isdigit())


def is_url(spec: str) -> bool:
    return spec.strip().lower().startswith(URL_SCHEMES)


def _camera_backends() -> list[int]:
    if sys.platform == "win32":
        # DirectShow opens in well under a second; Media Foundation can take ten.
        return [cv2.CAP_DSHOW, cv2.CAP_MSMF]
    if sys.platform.startswith("linux"):
        return [cv2.CAP_V4L2]
    return [cv2.CAP_ANY]


def _quiet_capture(*args: Any) -> cv2.VideoCapture:
    """``cv2.VideoCapture(*args)`` without OpenCV's console warnings for a missing device: the
    caller reports that in the user's language."""
    level = cv2.utils.logging.getLogLevel()
    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
    try:
        return cv2.VideoCapture(*args)
    finally:
        cv2.utils.logging.setLogLevel(level)


def open_camera(index: int, backends: list[int] | None = None) -> CaptureSource:
    for backend in backends or _camera_backends():
        try:
            capture = _quiet_capture(index, backend)
        except cv2.error as exc:
            log.info("camera %d with backend %d: %s", index, backend, exc)
            continue
        if capture.isOpened():
            # Keep one frame queued at most: an old frame is a late scan.
            capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
            return CaptureSource(capture, is_file=False, description=f"camera {index}")
        capture.release()
    raise SourceError(t("scan.camera_unavailable", index=index))


def open_stream(url: str) -> CaptureSource:
    params = [
        cv2.CAP_PROP_OPEN_TIMEOUT_MSEC,
        STREAM_TIMEOUT_MS,
        cv2.CAP_PROP_READ_TIMEOUT_MSEC,
        STREAM_TIMEOUT_MS,
    ]
    try:
        capture = _quiet_capture(url, cv2.CAP_FFMPEG, params)
    except cv2.error:
        capture = None
    if capture is None or not capture.isOpened():
        if capture is not None:
            capture.release()
        raise SourceError(t("scan.stream_unavailable", url=without_password(url)))
    capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
    return CaptureSource(capture, is_file=False, description=without_password(url))


def without_password(url: str) -> str:
    """The source for messages and logs: ``rtsp://user:secret@host`` loses its secret."""
    scheme, sep, rest = url.partition("://")
    credentials, at, host = rest.partition("@")
    if at and ":" in credentials:
        return f"{scheme}{sep}{credentials.split(':', 1)[0]}:***@{host}"
    return url


def open_video(path: Path) -> CaptureSource:
    try:
        capture = cv2.VideoCapture(str(path))
    except cv2.error:
        capture = None
    if capture is None or not capture.isOpened():
        if capture is not None:
            capture.release()
        raise SourceError(t("scan.video_unreadable", path=path))
    # The frame size is known once the file is open, before the first frame is decoded.
    width = int(capture.get(cv2.CAP_PROP_FRAME_WIDTH) or 0)
    height = int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT) or 0)
    if width * height > MAX_PIXELS:
        capture.release()
        raise ImageTooLarge(
            t(
                "scan.video_too_large",
                path=path,
                width=width,
                height=height,
                limit=MAX_PIXELS // 1_000_000,
            )
        )
    return CaptureSource(capture, is_file=True, description=str(path))


def open_folder(path: Path) -> ImageFolderSource:
    try:
        paths = sorted(
            p for p in path.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES
        )
    except OSError as exc:
        raise SourceError(
            t("scan.folder_unreadable", path=path, message=os_error_text(exc))
        ) from exc
    if not paths:
        raise SourceError(t("scan.folder_empty", path=path))
    return ImageFolderSource(paths, str(path))


def open_source(spec: str | int) -> FrameSource:
    """Open what ``--camera`` names: "0" or 0 (camera index), a video file, a folder of
    images, one image, or an rtsp/http URL. Raises SourceError with a message for the user."""
    if is_camera_index(spec):
        return open_camera(int(spec))
    text = str(spec).strip()
    if not text:
        raise SourceError(t("scan.no_source"))
    if is_url(text):
        return open_stream(text)
    path = Path(os.path.expanduser(text))
    if path.is_dir():
        return open_folder(path)
    if not path.is_file():
        raise SourceError(t("scan.source_missing", path=path))
    if path.suffix.lower() in IMAGE_SUFFIXES:
        return ImageFolderSource([path], str(path))
    return open_video(path)


def _linux_cameras(max_index: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    try:
        nodes = [(int(p.name[5:]), p) for p in V4L_ROOT.glob("video*") if p.name[5:].isdigit()]
    except OSError:
        return found
    for index, node in sorted(nodes):
        if index > max_index:
            continue
        # A USB camera also exposes metadata nodes; only the first node of a device captures.
        if _sys_text(node / "index") not in ("", "0"):
            continue
        found.append((index, _sys_text(node / "name") or t("scan.camera_name", index=index)))
    return found


def _sys_text(path: Path) -> str:
    try:
        return path.read_text("utf-8").strip()
    except OSError:
        return ""


def list_cameras(max_index: int = 5) -> list[tuple[int, str]]:
    """Cameras as (index, name), index usable with ``open_source``.

    On Linux from sysfs, without opening anything. Elsewhere each index up to ``max_index`` is
    tried, which can take a second per index: call it away from the window's thread.
    """
    if sys.platform.startswith("linux"):
        return _linux_cameras(max_index)
    found: list[tuple[int, str]] = []
    for index in range(max_index + 1):
        try:
            source = open_camera(index, _camera_backends()[:1])
        except SourceError:
            continue
        source.release()
        found.append((index, t("scan.camera_name", index=index)))
    return found
