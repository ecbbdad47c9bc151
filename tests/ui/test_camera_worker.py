"""The camera worker with video files and fake sources: codes, pacing, loss and reconnect, stop."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import numpy as np
import pytest
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage

from desk_app.scanning import camera_worker
from desk_app.scanning.camera_worker import CameraWorker, Detection, bgr_to_qimage
from desk_app.scanning.decoder import Decoded, Decoder
from desk_app.scanning.sources import FrameSource, SourceError
from tests.videos import background, frame_with_code, write_code_video

CCCD = "001090012345||Nguyễn Văn An|14031990|Nam|Số 12 phố Hoa Sữa, Hà Nội|15082021"
SIZE = (640, 480)


class FakeSource(FrameSource):
    """A camera that gives ``frames`` (then None: unplugged), or one frame forever."""

    def __init__(self, frames: list[np.ndarray], *, forever: bool = False) -> None:
        self.frames = list(frames)
        self.forever = forever
        self.released = False
        self.description = "fake camera"
        self._tick = threading.Event()

    def read(self) -> np.ndarray | None:
        if self.released:
            return None
        if self.forever:
            self._tick.wait(0.01)  # a device delivers frames at its own pace
            return self.frames[0]
        return self.frames.pop(0) if self.frames else None

    def release(self) -> None:
        self.released = True


class Factory:
    """Hands out prepared sources (or raises prepared errors) one call at a time."""

    def __init__(self, *plan: FrameSource | Exception) -> None:
        self.plan = list(plan)
        self.opened: list[FrameSource] = []

    def __call__(self, spec: str) -> FrameSource:
        step = self.plan.pop(0) if len(self.plan) > 1 else self.plan[0]
        if isinstance(step, Exception):
            raise step
        self.opened.append(step)
        return step


@pytest.fixture
def workers() -> Iterator[Callable[..., CameraWorker]]:
    made: list[CameraWorker] = []

    def make(spec: str, **kwargs: object) -> CameraWorker:
        worker = CameraWorker(spec, **kwargs)  # type: ignore[arg-type]
        made.append(worker)
        return worker

    yield make
    for worker in made:
        worker.stop()


@pytest.fixture
def fast_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(camera_worker, "RETRY_FIRST_SECONDS", 0.02)
    monkeypatch.setattr(camera_worker, "RETRY_MAX_SECONDS", 0.05)


class Collector(QObject):
    """Receives the worker's signals in the test's thread.

    Slots of a QObject, not lambdas: Python callables connected to signals emitted from
    another thread can be called after they were disconnected. ``ended`` and ``changed`` are
    emitted from this thread, so ``qtbot.waitSignal`` waits on them safely.
    """

    ended = Signal()
    changed = Signal()

    def __init__(self, worker: CameraWorker) -> None:
        super().__init__()
        self.detections: list[Detection] = []
        self.states: list[tuple[str, str]] = []
        self.frames: list[QImage] = []
        self.texts_at_end: list[str] = []
        worker.codes_decoded.connect(self.on_codes_decoded)
        worker.status_changed.connect(self.on_status_changed)
        worker.frame_ready.connect(self.on_frame_ready)
        worker.source_ended.connect(self.on_source_ended)

    @property
    def names(self) -> list[str]:
        return [state for state, _ in self.states]

    def texts(self) -> set[str]:
        return {d.text for d in self.detections}

    @Slot(object)
    def on_codes_decoded(self, detections: list[Detection]) -> None:
        self.detections.extend(detections)
        self.changed.emit()

    @Slot(str, str)
    def on_status_changed(self, state: str, message: str) -> None:
        self.states.append((state, message))
        self.changed.emit()

    @Slot(QImage)
    def on_frame_ready(self, image: QImage) -> None:
        self.frames.append(image)

    @Slot()
    def on_source_ended(self) -> None:
        self.texts_at_end = [d.text for d in self.detections]
        self.ended.emit()


def test_worker_emits_codes_from_a_video_file_in_real_time(qtbot, tmp_path, workers) -> None:
    video = write_code_video(
        tmp_path / "two.avi",
        ["VISITOR-0001", CCCD],
        fps=30,
        size=SIZE,
        seconds_per_code=0.5,
        gap_seconds=0.3,
    )
    worker = workers(str(video), realtime=True)
    got = Collector(worker)
    with qtbot.waitSignal(got.ended, timeout=30000):
        worker.start()
    # Every code was delivered before the end was announced.
    assert {"VISITOR-0001", CCCD} <= set(got.texts_at_end)
    assert got.names == ["opening", "live", "ended"]
    assert len(got.frames) == worker.frames_read == 15 + 15 + 3 * 9
    assert got.frames[0].size().width() == 640 and got.frames[0].size().height() == 480
    first = next(d for d in got.detections if d.text == CCCD)
    assert first.raw_bytes == CCCD.encode("utf-8")
    assert len(first.points) == 4
    assert first.arrived_at <= first.decoded_at
    assert 9 + 15 + 9 <= first.frame_index < 9 + 15 + 9 + 15


def test_without_real_time_every_frame_is_decoded_in_order(qtbot, tmp_path, workers) -> None:
    video = write_code_video(
        tmp_path / "one.avi",
        ["FRAME-BY-FRAME"],
        fps=30,
        size=SIZE,
        seconds_per_code=0.4,
        gap_seconds=0.2,
    )
    worker = workers(str(video), realtime=False)
    got = Collector(worker)
    with qtbot.waitSignal(got.ended, timeout=30000):
        worker.start()
    indices = [d.frame_index for d in got.detections]
    assert indices == list(range(6, 6 + 12))
    assert worker.frames_decoded == worker.frames_read == 6 + 12 + 6
    assert worker.frames_dropped == 0


class SlowDecoder(Decoder):
    """Takes far longer than a frame interval, so frames must be dropped, never queued."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[int] = []
        self._pause = threading.Event()

    def decode(self, image: object) -> list[Decoded]:
        self._pause.wait(0.15)
        self.seen.append(1)
        return super().decode(image)


def test_a_slow_decoder_drops_frames_but_not_the_preview(qtbot, tmp_path, workers) -> None:
    video = write_code_video(
        tmp_path / "slow.avi", ["SLOW-1"], fps=30, size=SIZE, seconds_per_code=1.0, gap_seconds=0.2
    )
    decoder = SlowDecoder()
    worker = workers(str(video), realtime=True, decoder=decoder)
    got = Collector(worker)
    with qtbot.waitSignal(got.ended, timeout=30000):
        worker.start()
    total = 6 + 30 + 6
    detections = got.detections
    assert len(got.frames) == worker.frames_read == total
    assert worker.frames_dropped > 0
    assert worker.frames_decoded + worker.frames_dropped == total
    assert worker.frames_decoded == len(decoder.seen) < total
    # The decoder always took the newest frame: indices jump, in order.
    indices = [d.frame_index for d in detections]
    assert indices == sorted(indices) and len(set(indices)) == len(indices)
    assert detections and all(d.text == "SLOW-1" for d in detections)


def test_lost_camera_is_reported_and_reconnected(qtbot, workers, fast_retry) -> None:
    code = frame_with_code("BACK-AGAIN", SIZE)
    first = FakeSource([background(SIZE)] * 3)  # unplugged after three frames
    second = FakeSource([code], forever=True)
    factory = Factory(first, SourceError("still unplugged"), second)
    worker = workers("0", source_factory=factory)
    got = Collector(worker)
    worker.start()
    qtbot.waitUntil(lambda: "BACK-AGAIN" in got.texts(), timeout=20000)
    names, states = got.names, got.states
    assert names[:3] == ["opening", "live", "lost"]
    assert names.count("live") == 2
    assert "retrying" in names[names.index("lost") : names.index("live", 2)]
    assert "no_camera" not in names  # it was there before: lost, not missing
    assert any(s == "retrying" and m.startswith("still unplugged") for s, m in states)
    assert first.released
    worker.stop()
    assert second.released
    assert worker.isFinished()


def test_a_file_that_appears_later_is_opened(qtbot, tmp_path, workers, fast_retry) -> None:
    target = tmp_path / "later.avi"
    worker = workers(str(target))
    got = Collector(worker)
    worker.start()
    qtbot.waitUntil(lambda: "retrying" in got.names, timeout=10000)
    assert any(s == "no_camera" and str(target) in m for s, m in got.states)
    staging = write_code_video(
        tmp_path / "staging.avi",
        ["LATE-ARRIVAL"],
        fps=30,
        size=SIZE,
        seconds_per_code=0.3,
        gap_seconds=0.1,
    )
    with qtbot.waitSignal(got.ended, timeout=30000):
        staging.rename(target)  # appears whole, as a copied file does
    assert "LATE-ARRIVAL" in got.texts()
    assert got.names.count("no_camera") == 1


def test_stop_releases_the_camera_and_ends_the_thread(qtbot, workers) -> None:
    source = FakeSource([background(SIZE)], forever=True)
    worker = workers("0", source_factory=Factory(source))
    got = Collector(worker)
    worker.start()
    qtbot.waitUntil(lambda: len(got.frames) > 2, timeout=10000)
    worker.stop()
    assert source.released
    assert worker.isFinished()


def test_stop_during_a_retry_pause_returns(qtbot, workers) -> None:
    worker = workers("0", source_factory=Factory(SourceError("no camera here")))
    got = Collector(worker)
    worker.start()
    qtbot.waitUntil(lambda: "retrying" in got.names, timeout=10000)
    worker.stop()
    assert worker.isFinished()


class BrokenDecoder(Decoder):
    def decode(self, image: object) -> list[Decoded]:
        raise RuntimeError("engine crashed")


def test_a_failing_decoder_does_not_stop_the_preview(qtbot, tmp_path, workers) -> None:
    video = write_code_video(
        tmp_path / "b.avi", ["X-1"], fps=30, size=SIZE, seconds_per_code=0.2, gap_seconds=0.1
    )
    worker = workers(str(video), realtime=False, decoder=BrokenDecoder())
    got = Collector(worker)
    with qtbot.waitSignal(got.ended, timeout=30000):
        worker.start()
    assert len(got.frames) == 3 + 6 + 3
    assert got.detections == []


def test_bgr_frames_become_owned_qimages() -> None:
    frame = np.zeros((4, 6, 3), np.uint8)
    frame[:, :, 2] = 200  # red in BGR
    image = bgr_to_qimage(frame)
    frame[:] = 0  # the image keeps its own pixels
    assert (image.width(), image.height()) == (6, 4)
    assert image.pixelColor(1, 1).red() == 200 and image.pixelColor(1, 1).blue() == 0
    gray = bgr_to_qimage(np.full((3, 3), 77, np.uint8))
    assert gray.format() == QImage.Format.Format_Grayscale8
    assert gray.pixelColor(0, 0).red() == 77
    bgra = np.zeros((2, 2, 4), np.uint8)
    bgra[:, :, 0] = 255
    bgra[:, :, 3] = 255
    assert bgr_to_qimage(bgra).pixelColor(0, 0).blue() == 255


def test_strided_frames_are_converted() -> None:
    big = np.zeros((10, 20, 3), np.uint8)
    big[:, 10:, 1] = 150
    image = bgr_to_qimage(big[:, 10:])  # a view with a wider stride
    assert image.width() == 10 and image.pixelColor(0, 0).green() == 150
