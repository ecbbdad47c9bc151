"""Live pipeline benchmark: the camera worker playing a 30 fps 1280x720 video in real time.

Measures the preview rate the window receives and the time from a frame arriving (read from
the source) to its codes being emitted. Run from the repository root:
``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_pipeline.py [--seconds N]``.
Writes ``bench/results/pipeline.txt`` and ``pipeline.json`` and prints the table.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal, Slot  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402

from desk_app.scanning.camera_worker import CameraWorker, Detection  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SIZE = (1280, 720)
FPS = 30


def _demo_module() -> Any:
    path = ROOT / "scripts" / "make_demo_feed.py"
    spec = importlib.util.spec_from_file_location("make_demo_feed", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_demo_feed"] = module
    spec.loader.exec_module(module)
    return module


def make_video(path: Path, seconds: float) -> list[str]:
    """Cards and phones held up in turn, rendered like the demo feed but at 1280x720, 30 fps."""
    demo = _demo_module()
    rng = np.random.default_rng(3)
    bg = demo.render_background(SIZE, rng)
    sx, sy = SIZE[0] / demo.FRAME_SIZE[0], SIZE[1] / demo.FRAME_SIZE[1]
    jpegs: list[bytes] = []
    texts: list[str] = []

    def emit(frame: np.ndarray) -> None:
        noisy = np.clip(frame + rng.normal(0, 1.5, frame.shape[:2])[:, :, None], 0, 255)
        ok, data = cv2.imencode(".jpg", noisy.astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, 70])
        assert ok
        jpegs.append(data.tobytes())

    person_index = 0
    while len(jpegs) < seconds * FPS:
        for _ in range(FPS // 2):
            emit(bg)
        person = demo.PEOPLE[person_index % len(demo.PEOPLE)]
        person_index += 1
        texts.append(person.payload)
        sprite = demo.render_card(person) if person.kind == "cccd" else demo.render_phone(person)
        previous = None
        for small_center, width, roll, yaw, pitch in demo.appearance_poses(rng, person.kind, FPS):
            center = (small_center[0] * sx, small_center[1] * sy)
            velocity = (
                (0.0, 0.0)
                if previous is None
                else (center[0] - previous[0], center[1] - previous[1])
            )
            previous = center
            corners = demo.project_corners(
                (sprite.shape[1], sprite.shape[0]), center, width * sy, roll, yaw, pitch
            )
            emit(demo.composite(bg, sprite, corners, velocity, 0.6))
    demo.write_mjpg_avi(path, jpegs, FPS, SIZE)
    return texts


class Probe(QObject):
    """Receives the worker's signals in the window's thread, as the window would."""

    ended = Signal()

    def __init__(self, worker: CameraWorker) -> None:
        super().__init__()
        self.frame_times: list[float] = []
        self.detections: list[tuple[Detection, float]] = []
        worker.frame_ready.connect(self.on_frame_ready)
        worker.codes_decoded.connect(self.on_codes_decoded)
        worker.source_ended.connect(self.ended)

    @Slot(QImage)
    def on_frame_ready(self, image: QImage) -> None:
        self.frame_times.append(time.monotonic())

    @Slot(object)
    def on_codes_decoded(self, found: list[Detection]) -> None:
        now = time.monotonic()
        self.detections.extend((d, now) for d in found)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else 0.0


def run(video: Path, texts: list[str]) -> dict[str, Any]:
    app = QGuiApplication.instance() or QGuiApplication([])
    worker = CameraWorker(str(video), realtime=True)
    probe = Probe(worker)
    loop = QEventLoop()
    probe.ended.connect(loop.quit)
    QTimer.singleShot(600_000, loop.quit)
    cpu0, wall0 = time.process_time(), time.monotonic()
    worker.start()
    loop.exec()
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    worker.stop()
    app.processEvents()
    times = probe.frame_times
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    emitted = [(d.decoded_at - d.arrived_at) * 1000 for d, _ in probe.detections]
    received = [(got - d.arrived_at) * 1000 for d, got in probe.detections]
    first_per_code: list[float] = []
    last_text, last_frame = None, -100
    for d, got in probe.detections:
        if d.text != last_text or d.frame_index - last_frame > FPS // 2:
            first_per_code.append((got - d.arrived_at) * 1000)
        last_text, last_frame = d.text, d.frame_index
    found_texts = {d.text for d, _ in probe.detections}
    return {
        "video": f"{SIZE[0]}x{SIZE[1]} at {FPS} fps, {worker.frames_read} frames, "
        f"{len(texts)} codes shown",
        "preview_fps": (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0,
        "preview_gap_ms_p95": _pct(gaps, 0.95) * 1000,
        "preview_gap_ms_max": max(gaps, default=0.0) * 1000,
        "frames_read": worker.frames_read,
        "frames_decoded": worker.frames_decoded,
        "frames_dropped": worker.frames_dropped,
        "detections": len(probe.detections),
        "codes_found": f"{len(found_texts & set(texts))} of {len(set(texts))} distinct",
        "latency_emitted_ms_median": statistics.median(emitted) if emitted else None,
        "latency_emitted_ms_p95": _pct(emitted, 0.95),
        "latency_received_ms_median": statistics.median(received) if received else None,
        "latency_received_ms_p95": _pct(received, 0.95),
        "first_sighting_received_ms_median": statistics.median(first_per_code)
        if first_per_code
        else None,
        "cpu_share_of_two_cores": cpu / wall / 2,
    }


def render(r: dict[str, Any]) -> str:
    lines = [
        f"# Live pipeline benchmark ({time.strftime('%Y-%m-%d %H:%M')}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})",
        "",
        f"source: {r['video']}, played in real time (realtime=True)",
        "",
    ]
    lines.append(f"preview frames per second (window thread)   {r['preview_fps']:.2f}")
    lines.append(
        f"preview frame gap p95 / max (ms)             {r['preview_gap_ms_p95']:.1f} / "
        f"{r['preview_gap_ms_max']:.1f}"
    )
    lines.append(
        f"frames read / decoded / dropped             {r['frames_read']} / "
        f"{r['frames_decoded']} / {r['frames_dropped']}"
    )
    lines.append(
        f"detections emitted                          {r['detections']} ({r['codes_found']})"
    )
    lines.append(
        f"frame arrival -> codes emitted, median/p95   "
        f"{r['latency_emitted_ms_median']:.1f} / {r['latency_emitted_ms_p95']:.1f} ms"
    )
    lines.append(
        f"frame arrival -> window slot, median/p95     "
        f"{r['latency_received_ms_median']:.1f} / {r['latency_received_ms_p95']:.1f} ms"
    )
    lines.append(
        f"first sighting of each code, median         "
        f"{r['first_sighting_received_ms_median']:.1f} ms (arrival -> window slot)"
    )
    lines.append(f"process CPU, share of both cores            {r['cpu_share_of_two_cores']:.0%}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the video")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        video = Path(tmp) / "pipeline.avi"
        texts = make_video(video, args.seconds)
        results = run(video, texts)
    RESULTS.mkdir(parents=True, exist_ok=True)
    text = render(results)
    (RESULTS / "pipeline.txt").write_text(text, "utf-8")
    (RESULTS / "pipeline.json").write_text(json.dumps(results, indent=1), "utf-8")
    print(text)


if __name__ == "__main__":
    main()
