"""Test videos with QR codes in them, written with OpenCV (MJPG in AVI) for camera-like tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np
import qrcode


def qr_image(text: str, module_px: int = 6, border: int = 4) -> np.ndarray:
    """A crisp grayscale QR symbol of ``text`` (UTF-8 bytes), quiet zone included."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    modules = np.array(code.get_matrix(), dtype=bool)
    gray = np.where(modules, 0, 255).astype(np.uint8)
    return np.repeat(np.repeat(gray, module_px, axis=0), module_px, axis=1)


def background(size: tuple[int, int], seed: int = 0) -> np.ndarray:
    """A plain wall-and-desk scene with no code in it, BGR."""
    w, h = size
    rng = np.random.default_rng(seed)
    ramp = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None, None]
    frame = np.array([190, 200, 210], np.float32) * (1 - ramp) + np.array([140, 150, 160]) * ramp
    frame = np.repeat(frame, w, axis=1)
    frame[int(h * 0.8) :] = (60, 90, 130)
    frame += rng.normal(0.0, 2.0, frame.shape[:2])[:, :, None]
    return np.clip(frame, 0, 255).astype(np.uint8)


def frame_with_code(
    text: str, size: tuple[int, int], *, shift: int = 0, base: np.ndarray | None = None
) -> np.ndarray:
    """``base`` (default: ``background``) with ``text`` as a QR about half the frame high."""
    w, h = size
    frame = background(size) if base is None else base.copy()
    code = qr_image(text, module_px=1)
    side = max(code.shape[0], int(h * 0.5)) // code.shape[0] * code.shape[0]
    symbol = cv2.resize(code, (side, side), interpolation=cv2.INTER_NEAREST)
    x = max(0, min(w - side, (w - side) // 2 + shift))
    y = max(0, (h - side) // 2)
    frame[y : y + side, x : x + side] = symbol[:, :, None]
    return frame


def write_code_video(
    path: Path | str,
    texts: Sequence[str],
    fps: float = 30,
    size: tuple[int, int] = (1280, 720),
    seconds_per_code: float = 1.0,
    gap_seconds: float = 0.5,
) -> Path:
    """An MJPG AVI: a gap of empty frames, then each text shown for ``seconds_per_code`` with
    a small sideways drift, each followed by another gap. Returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, size)
    if not writer.isOpened():
        raise OSError(f"cannot write {path}")
    try:
        empty = background(size)
        gap_frames = round(gap_seconds * fps)
        code_frames = max(1, round(seconds_per_code * fps))
        for _ in range(gap_frames):
            writer.write(empty)
        for text in texts:
            for k in range(code_frames):
                writer.write(frame_with_code(text, size, shift=(k % 10) * 2, base=empty))
            for _ in range(gap_frames):
                writer.write(empty)
    finally:
        writer.release()
    return path
