"""The camera feed: starts, replaces and stops the camera worker, and relays what it emits."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage

from desk_app.ui.background import Job, start_job

log = logging.getLogger(__name__)


def is_file_source(spec: str) -> bool:
    """A video file ends; a camera index, a stream URL or a folder does not end by itself."""
    return bool(spec) and not spec.isdigit() and Path(spec).is_file()


class CameraFeed(QObject):
    """One worker at a time; signals from a worker that was replaced are dropped."""

    frame_ready = Signal(QImage)
    codes_decoded = Signal(object)
    status_changed = Signal(str, str)
    source_ended = Signal()
    cameras_listed = Signal(object)  # list[(index, name)]

    def __init__(self, parent: QObject | None = None, *, realtime: bool = True) -> None:
        super().__init__(parent)
        self.realtime = realtime
        self.spec = ""
        self._worker: Any = None

    @property
    def running(self) -> bool:
        return self._worker is not None and self._worker.isRunning()

    @property
    def is_file(self) -> bool:
        return is_file_source(self.spec)

    def start(self, spec: str) -> bool:
        """Open ``spec`` in a new worker (the old one is stopped first)."""
        self.stop()
        self.spec = spec
        from desk_app.scanning.camera_worker import CameraWorker

        worker = CameraWorker(spec, realtime=self.realtime)
        worker.frame_ready.connect(self.on_frame_ready)
        worker.codes_decoded.connect(self.on_codes_decoded)
        worker.status_changed.connect(self.on_status_changed)
        worker.source_ended.connect(self.on_source_ended)
        self._worker = worker
        worker.start()
        return True

    def stop(self) -> None:
        worker, self._worker = self._worker, None
        if worker is None:
            return
        for signal in (
            worker.frame_ready,
            worker.codes_decoded,
            worker.status_changed,
            worker.source_ended,
        ):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):
                pass
        worker.stop()
        worker.deleteLater()

    def request_camera_list(self) -> None:
        """List the cameras in the background (probing takes seconds on some systems);
        ``cameras_listed`` brings the answer."""

        def work(_progress: Callable[[int, int], None]) -> list[tuple[int, str]]:
            from desk_app.scanning.sources import list_cameras

            try:
                return list(list_cameras())
            except Exception as exc:  # noqa: BLE001 - no list is better than no window
                log.warning("listing cameras failed: %s", exc)
                return []

        job = Job(work)
        # Connected to our own signal: a window closed meanwhile simply hears nothing.
        job.succeeded.connect(self.cameras_listed)
        start_job(job)

    # Relays: only the current worker is heard.
    @Slot(QImage)
    def on_frame_ready(self, image: QImage) -> None:
        if self.sender() is self._worker:
            self.frame_ready.emit(image)

    @Slot(object)
    def on_codes_decoded(self, detections: object) -> None:
        if self.sender() is self._worker:
            self.codes_decoded.emit(detections)

    @Slot(str, str)
    def on_status_changed(self, state: str, message: str) -> None:
        if self.sender() is self._worker:
            self.status_changed.emit(state, message)

    @Slot()
    def on_source_ended(self) -> None:
        if self.sender() is self._worker:
            self.source_ended.emit()
