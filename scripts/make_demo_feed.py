"""Render the bundled demo feed: fictitious ID cards and health-app codes held up to a webcam.

Writes ``resources/demo/demo_feed.avi`` (MJPG, 640x480, 15 fps) and ``demo_feed.json`` (the
payload texts in the order they appear). Everyone in it is invented: the 12-digit numbers agree
with the birth year and sex as real ones do, so the desk's checks pass, but no such person
exists. Run: ``python scripts/make_demo_feed.py [--out DIR] [--seed N]``.
"""

from __future__ import annotations

import argparse
import json
import math
import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import qrcode

ROOT = Path(__file__).resolve().parents[1]
FRAME_SIZE = (640, 480)
FPS = 15
# MJPG has no inter-frame compression: this quality and a light sensor noise keep the file
# under 4 MB while the codes stay readable.
JPEG_QUALITY = 30
NOISE_SIGMA = 0.8
GAP_SECONDS = 0.4


@dataclass(frozen=True)
class Person:
    kind: str  # "cccd" or "pccovid": which code the person shows
    payload: str
    name: str  # as printed on the card (diacritics are dropped: Hershey fonts are ASCII)
    number: str


def _ascii(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _person(payload: str) -> Person:
    fields = payload.split("|")
    if "-" in fields[2]:  # PC-Covid: number|NAME|YYYY-MM-DD|...
        return Person("pccovid", payload, fields[1], fields[0])
    return Person("cccd", payload, _ascii(fields[2]).upper(), fields[0])


# Chip ID cards (ID|old ID|name|birth|sex|address|issued) and PC-Covid personal codes
# (number|NAME|birth|declared for another|QID|helper<sex<insurance<phone<signature). Digit 4
# of a number: 0/1 male/female born 19xx, 2/3 born 20xx; digits 5-6: the year of birth.
PEOPLE = (
    _person(
        "001090012345|013456789|Nguyễn Văn An|14031990|Nam|"
        "Số 12 ngõ 34 phố Hoa Sữa, phường Láng, Hà Nội|15082021"
    ),
    _person(
        "079193004321|TRAN THI BICH NGOC|1993-04-23|0|QID7919300432|"
        "<2<GD4797931234567<0912345678<MEUCIQDf3a9K2xQ7pLm"
    ),
    _person(
        "006201001234||Lê Hoàng Phúc|02112001|Nam|"
        "Thôn Nà Lẹng, xã Đồng Tâm, tỉnh Thái Nguyên|20092022"
    ),
    _person(
        "048185000789|201234567|Phạm Thị Thu Hà|30061985|Nữ|"
        "Tổ 7, phường Hải Châu, TP. Đà Nẵng|05012022"
    ),
    _person(
        "019078003456|HOANG MINH DUC|1978-09-09|0|QID1907800345|"
        "<1<HC4191978003456<0987654321<MEQCIF8s1Zr0Vb"
    ),
    _person(
        "031303005678||Vũ Thị Lan|17072003|Nữ|"
        "Số 5 đường Cầu Rào, phường Lê Chân, TP. Hải Phòng|15092024"
    ),
)
# Entry, then exit for some: the desk should see those as the same person twice.
SCRIPT = (0, 1, 2, 0, 3, 4, 1, 5)


def qr_modules(text: str, border: int = 4) -> np.ndarray:
    """The QR symbol as a bool matrix (True = dark), quiet zone included."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return np.array(code.get_matrix(), dtype=bool)


def qr_image(text: str, size: int) -> np.ndarray:
    modules = qr_modules(text)
    gray = np.where(modules, 20, 250).astype(np.uint8)
    return cv2.resize(gray, (size, size), interpolation=cv2.INTER_NEAREST)


def _text(
    img: np.ndarray,
    text: str,
    org: tuple[int, int],
    scale: float,
    color: tuple[int, int, int],
    thickness: int = 2,
) -> None:
    cv2.putText(img, text, org, cv2.FONT_HERSHEY_SIMPLEX, scale, color, thickness, cv2.LINE_AA)


def render_card(person: Person) -> np.ndarray:
    """A chip ID card front (856x540 px = 85.6x54 mm), QR top right, as a BGR image."""
    w, h = 856, 540
    card = np.zeros((h, w, 3), np.uint8)
    ramp = np.linspace(0, 1, w, dtype=np.float32)[None, :, None]
    card[:] = np.array([236, 226, 205]) * (1 - ramp) + np.array([222, 236, 240]) * ramp
    cv2.circle(card, (420, 300), 170, (214, 214, 236), -1, cv2.LINE_AA)  # faint emblem
    _text(card, "CONG HOA XA HOI CHU NGHIA VIET NAM", (150, 50), 0.75, (40, 40, 150))
    _text(card, "CAN CUOC CONG DAN", (250, 95), 1.0, (60, 40, 30), 3)
    cv2.rectangle(card, (40, 160), (230, 420), (170, 160, 150), -1)  # photo
    cv2.circle(card, (135, 250), 55, (120, 120, 128), -1, cv2.LINE_AA)
    cv2.ellipse(card, (135, 400), (85, 70), 0, 180, 360, (110, 110, 118), -1, cv2.LINE_AA)
    _text(card, "So / No: " + person.number, (260, 180), 0.8, (30, 30, 30))
    _text(card, person.name, (260, 240), 0.85, (20, 20, 20), 2)
    for y in (290, 330, 370, 410):
        cv2.line(card, (260, y), (600 - (y % 70), y), (90, 90, 90), 6)
    qr = qr_image(person.payload, 220)
    card[20:240, 616:836] = qr[:, :, None]
    return card


def render_phone(person: Person) -> np.ndarray:
    """A phone showing the health app's personal QR, as a BGR image (dark body included)."""
    w, h = 400, 760
    phone = np.full((h, w, 3), (35, 32, 30), np.uint8)
    cv2.rectangle(phone, (18, 60), (w - 18, h - 60), (250, 250, 250), -1)
    cv2.rectangle(phone, (18, 60), (w - 18, 150), (60, 150, 40), -1)
    _text(phone, "PC-COVID", (120, 118), 1.0, (255, 255, 255), 2)
    qr = qr_image(person.payload, 330)
    phone[200:530, 35:365] = qr[:, :, None]
    _text(phone, person.name, (40, 590), 0.7, (30, 30, 30), 2)
    cv2.rectangle(phone, (40, 630), (360, 680), (60, 150, 40), -1)
    return phone


def render_background(size: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """A reception desk seen from the camera: wall, window with blinds, a notice, the desk."""
    w, h = size
    y = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    bg = (np.array([188, 203, 214]) * (1 - y) + np.array([150, 168, 182]) * y).repeat(w, 1)
    bg = bg.astype(np.uint8)
    wx, wy = int(w * 0.06), int(h * 0.1)
    cv2.rectangle(bg, (wx, wy), (wx + int(w * 0.28), wy + int(h * 0.45)), (238, 236, 228), -1)
    for k in range(wy, wy + int(h * 0.45), max(4, h // 60)):
        cv2.line(bg, (wx, k), (wx + int(w * 0.28), k), (200, 200, 196), 1)
    cv2.rectangle(bg, (wx, wy), (wx + int(w * 0.28), wy + int(h * 0.45)), (90, 100, 110), 4)
    px, py = int(w * 0.68), int(h * 0.12)
    cv2.rectangle(bg, (px, py), (px + int(w * 0.22), py + int(h * 0.3)), (245, 245, 245), -1)
    _text(bg, "THONG BAO", (px + 8, py + int(h * 0.05)), w / 1600, (30, 30, 170), 1)
    for k in range(5):
        yy = py + int(h * (0.09 + 0.04 * k))
        cv2.line(bg, (px + 8, yy), (px + int(w * 0.2) - 6 * k, yy), (110, 110, 110), 2)
    desk_top = int(h * 0.8)
    bg[desk_top:] = (60, 90, 130)
    for k in range(desk_top, h, 3):
        shade = int(rng.integers(-12, 12))
        bg[k] = np.clip(bg[k].astype(int) + shade, 0, 255)
    cv2.line(bg, (0, desk_top), (w, desk_top), (40, 60, 90), 3)
    bg = cv2.GaussianBlur(bg, (0, 0), 1.6)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r = ((xx - w / 2) ** 2 + (yy - h / 2) ** 2) / ((w / 2) ** 2 + (h / 2) ** 2)
    return (bg * (1 - 0.35 * r)[:, :, None]).clip(0, 255).astype(np.uint8)


def project_corners(
    sprite_size: tuple[int, int],
    center: tuple[float, float],
    width_px: float,
    roll: float,
    yaw: float,
    pitch: float,
) -> np.ndarray:
    """Corners of a sprite held at ``center``, ``width_px`` wide, turned by the angles (rad)."""
    sw, sh = sprite_size
    half_w, half_h = width_px / 2, width_px * sh / sw / 2
    pts = np.array(
        [[-half_w, -half_h, 0], [half_w, -half_h, 0], [half_w, half_h, 0], [-half_w, half_h, 0]],
        np.float64,
    )
    cr, sr, cy, sy, cp, sp = (
        math.cos(roll),
        math.sin(roll),
        math.cos(yaw),
        math.sin(yaw),
        math.cos(pitch),
        math.sin(pitch),
    )
    rz = np.array([[cr, -sr, 0], [sr, cr, 0], [0, 0, 1]])
    ry = np.array([[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]])
    rx = np.array([[1, 0, 0], [0, cp, -sp], [0, sp, cp]])
    focal = 900.0
    rotated = pts @ (rz @ ry @ rx).T
    z = rotated[:, 2] + focal
    return np.stack(
        [center[0] + focal * rotated[:, 0] / z, center[1] + focal * rotated[:, 1] / z], axis=1
    ).astype(np.float32)


def _motion_kernel(dx: float, dy: float) -> np.ndarray | None:
    length = min(15.0, math.hypot(dx, dy) * 0.6)
    if length < 1.5:
        return None
    size = int(length) | 1
    kernel = np.zeros((size, size), np.float32)
    c = size // 2
    ux, uy = dx / math.hypot(dx, dy), dy / math.hypot(dx, dy)
    cv2.line(kernel, (int(c - ux * c), int(c - uy * c)), (int(c + ux * c), int(c + uy * c)), 1.0)
    return kernel / kernel.sum()


def composite(
    frame: np.ndarray,
    sprite: np.ndarray,
    corners: np.ndarray,
    velocity: tuple[float, float],
    focus_sigma: float,
) -> np.ndarray:
    """The sprite warped onto the frame at ``corners``, blurred by focus and motion, with a hand."""
    h, w = frame.shape[:2]
    target_w = max(8, int(np.linalg.norm(corners[1] - corners[0])))
    scale = min(1.0, target_w / sprite.shape[1])
    small = cv2.resize(sprite, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    sh, sw = small.shape[:2]
    src = np.array([[0, 0], [sw, 0], [sw, sh], [0, sh]], np.float32)
    m = cv2.getPerspectiveTransform(src, corners)
    layer = cv2.warpPerspective(small, m, (w, h), flags=cv2.INTER_LINEAR)
    alpha = cv2.warpPerspective(np.ones((sh, sw), np.float32), m, (w, h), flags=cv2.INTER_LINEAR)
    _draw_hand(layer, alpha, corners)
    kernel = _motion_kernel(*velocity)
    if kernel is not None:
        layer = cv2.filter2D(layer, -1, kernel)
        alpha = cv2.filter2D(alpha, -1, kernel)
    if focus_sigma > 0:
        layer = cv2.GaussianBlur(layer, (0, 0), focus_sigma)
        alpha = cv2.GaussianBlur(alpha, (0, 0), focus_sigma)
    a = alpha[:, :, None]
    return (frame * (1 - a) + layer * a).astype(np.uint8)


def _draw_hand(layer: np.ndarray, alpha: np.ndarray, corners: np.ndarray) -> None:
    """A thumb over the lower edge and the palm below it, away from the code."""
    bottom_left, bottom_right = corners[3], corners[2]
    edge = bottom_right - bottom_left
    width = float(np.linalg.norm(edge)) or 1.0
    normal = np.array([-edge[1], edge[0]]) / width
    base = bottom_left + edge * 0.3
    angle = math.degrees(math.atan2(edge[1], edge[0]))
    skin = (120, 150, 200)
    for target, value in ((layer, skin), (alpha, 1.0)):
        palm = base + normal * width * 0.22
        cv2.ellipse(
            target,
            (int(palm[0]), int(palm[1])),
            (int(width * 0.2), int(width * 0.24)),
            angle,
            0,
            360,
            value,
            -1,
            cv2.LINE_AA,
        )
        thumb = base - normal * width * 0.03
        cv2.ellipse(
            target,
            (int(thumb[0]), int(thumb[1])),
            (int(width * 0.1), int(width * 0.05)),
            angle,
            0,
            360,
            value,
            -1,
            cv2.LINE_AA,
        )


def _smooth(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


def appearance_poses(rng: np.random.Generator, kind: str, fps: int) -> list[tuple]:
    """Per frame (center, width, roll, yaw, pitch): enter from below, hold, leave to a side."""
    w, h = FRAME_SIZE
    enter, hold, leave = int(0.6 * fps), int(1.5 * fps), int(0.4 * fps)
    hold_x = w * rng.uniform(0.42, 0.58)
    hold_y = h * rng.uniform(0.42, 0.55)
    width = w * (rng.uniform(0.68, 0.76) if kind == "cccd" else rng.uniform(0.36, 0.42))
    start = (hold_x + rng.uniform(-80, 80), h * 1.5)
    end = (w * (1.6 if rng.random() < 0.5 else -0.6), hold_y + rng.uniform(-40, 80))
    base_roll = rng.uniform(-0.18, 0.18)
    yaw0, pitch0 = rng.uniform(-0.45, 0.45), rng.uniform(-0.35, 0.35)
    poses = []
    for i in range(enter + hold + leave):
        if i < enter:
            t = _smooth(i / enter)
            cx, cy = start[0] + (hold_x - start[0]) * t, start[1] + (hold_y - start[1]) * t
            roll = base_roll + 0.4 * (1 - t)
        elif i < enter + hold:
            t = (i - enter) / fps
            cx = hold_x + 6 * math.sin(t * 2.1)
            cy = hold_y + 4 * math.sin(t * 3.3 + 1)
            roll = base_roll + 0.05 * math.sin(t * 1.7)
        else:
            t = _smooth((i - enter - hold) / leave)
            cx, cy = hold_x + (end[0] - hold_x) * t, hold_y + (end[1] - hold_y) * t
            roll = base_roll - 0.3 * t
        sway = i / fps
        yaw = yaw0 * 0.6 + 0.12 * math.sin(sway * 1.3)
        pitch = pitch0 * 0.6 + 0.08 * math.sin(sway * 0.9 + 2)
        poses.append(((cx, cy), width, roll, yaw, pitch))
    return poses


def write_mjpg_avi(path: Path, jpegs: list[bytes], fps: int, size: tuple[int, int]) -> None:
    """A plain RIFF AVI of JPEG frames: OpenCV's own MJPG writers ignore the quality asked for,
    and at their fixed quality the feed would be three times larger."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        return tag + struct.pack("<I", len(data)) + data + (b"\0" if len(data) % 2 else b"")

    def listed(kind: bytes, data: bytes) -> bytes:
        return chunk(b"LIST", kind + data)

    w, h = size
    n = len(jpegs)
    biggest = max((len(j) for j in jpegs), default=0)
    avih = struct.pack(
        "<14I", 1_000_000 // fps, biggest * fps, 0, 0x10, n, 0, 1, biggest, w, h, 0, 0, 0, 0
    )
    strh = struct.pack(
        "<4s4sIHHIIIIIIIIhhhh",
        b"vids",
        b"MJPG",
        0,
        0,
        0,
        0,
        1,
        fps,
        0,
        n,
        biggest,
        0xFFFFFFFF,
        0,
        0,
        0,
        w,
        h,
    )
    strf = struct.pack("<IiiHH4sIiiII", 40, w, h, 1, 24, b"MJPG", w * h * 3, 0, 0, 0, 0)
    header = listed(
        b"hdrl", chunk(b"avih", avih) + listed(b"strl", chunk(b"strh", strh) + chunk(b"strf", strf))
    )
    frames, index, offset = [], [], 4  # offsets count from the "movi" tag
    for jpeg in jpegs:
        frames.append(chunk(b"00dc", jpeg))
        index.append(struct.pack("<4sIII", b"00dc", 0x10, offset, len(jpeg)))
        offset += len(frames[-1])
    body = header + listed(b"movi", b"".join(frames)) + chunk(b"idx1", b"".join(index))
    path.write_bytes(chunk(b"RIFF", b"AVI " + body))


def render_feed(out_dir: Path, seed: int = 7) -> tuple[Path, Path]:
    rng = np.random.default_rng(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    video_path, list_path = out_dir / "demo_feed.avi", out_dir / "demo_feed.json"
    background = render_background(FRAME_SIZE, rng)
    jpegs: list[bytes] = []
    texts: list[str] = []

    def emit(frame: np.ndarray) -> None:
        flicker = 1.0 + rng.uniform(-0.015, 0.015)
        noise = rng.normal(0.0, NOISE_SIGMA, frame.shape[:2])[:, :, None]
        noisy = np.clip(frame * flicker + noise, 0, 255).astype(np.uint8)
        ok, data = cv2.imencode(
            ".jpg", noisy, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY, cv2.IMWRITE_JPEG_OPTIMIZE, 1]
        )
        if not ok:
            raise SystemExit("JPEG encoding failed")
        jpegs.append(data.tobytes())

    for _ in range(int(GAP_SECONDS * FPS)):
        emit(background)
    for index in SCRIPT:
        person = PEOPLE[index]
        texts.append(person.payload)
        sprite = render_card(person) if person.kind == "cccd" else render_phone(person)
        sprite_size = (sprite.shape[1], sprite.shape[0])
        previous = None
        focus = rng.uniform(0.4, 0.7)
        for center, width, roll, yaw, pitch in appearance_poses(rng, person.kind, FPS):
            velocity = (
                (0.0, 0.0)
                if previous is None
                else (center[0] - previous[0], center[1] - previous[1])
            )
            previous = center
            corners = project_corners(sprite_size, center, width, roll, yaw, pitch)
            emit(composite(background, sprite, corners, velocity, focus))
        for _ in range(int(GAP_SECONDS * FPS)):
            emit(background)
    write_mjpg_avi(video_path, jpegs, FPS, FRAME_SIZE)
    list_path.write_text(json.dumps(texts, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return video_path, list_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "demo")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    video, listing = render_feed(args.out, args.seed)
    print(f"{video} ({video.stat().st_size / 1e6:.1f} MB), {listing}")


if __name__ == "__main__":
    main()
