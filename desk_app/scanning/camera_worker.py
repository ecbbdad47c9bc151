"""The camera worker: opens a source in its own thread, sends every frame to the preview, and
decodes on a second thread that always takes the newest frame, so decoding never slows the
preview and a late frame is dropped rather than queued."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QImage

from desk_app.scanning.decoder import Decoded, Decoder
from desk_app.scanning.sources import (
    FrameSource,
    SourceError,
    is_camera_index,
    open_source,
    without_password,
)

log = logging.getLogger(__name__)

SourceFactory = Callable[[str], FrameSource]

RETRY_FIRST_SECONDS = 0.5
RETRY_MAX_SECONDS = 8.0
# A folder of images has no frame rate; in the window each image stays up this long.
STILL_SECONDS = 1.0
# A file that reports no frame rate plays at this one.
DEFAULT_FPS = 25.0


@dataclass(frozen=True)
class Detection:
    """A code read from frame ``frame_index``; times are ``time.monotonic()`` seconds."""

    text: str
    raw_bytes: bytes | None
    points: tuple[tuple[float, float], ...]
    frame_index: int
    arrived_at: float
    decoded_at: float
    engine: str = ""


def bgr_to_qimage(frame: np.ndarray) -> QImage:
    """A QImage that owns a copy of ``frame`` (BGR, BGRA or gray, uint8)."""
    frame = np.ascontiguousarray(frame)
    h, w = frame.shape[:2]
    if frame.ndim == 2:
        fmt = QImage.Format.Format_Grayscale8
    elif frame.shape[2] == 4:
        fmt = QImage.Format.Format_ARGB32  # BGRA in memory on little-endian machines
    else:
        fmt = QImage.Format.Format_BGR888
    # The view borrows numpy's buffer; the copy is what may leave this thread.
    return QImage(frame.data, w, h, frame.strides[0], fmt).copy()


class _Mailbox:
    """One slot between the reader and the decoder.

    With ``drop`` a new frame replaces one still waiting (counted in ``dropped``); without,
    the reader waits for the slot, so every frame is decoded in order."""

    def __init__(self, drop: bool, stopped: threading.Event) -> None:
        self._cond = threading.Condition()
        self._item: Any = None
        self._busy = False
        self._closed = False
        self._drop = drop
        self._stopped = stopped
        self.dropped = 0

    def put(self, item: Any) -> None:
        with self._cond:
            if self._drop:
                if self._item is not None:
                    self.dropped += 1
            else:
                while self._item is not None and not self._closed and not self._stopped.is_set():
                    self._cond.wait(0.1)
            self._item = item
            self._cond.notify_all()

    def take(self) -> Any:
        with self._cond:
            while self._item is None and not self._closed:
                self._cond.wait()
            item, self._item = self._item, None
            self._busy = item is not None
            self._cond.notify_all()
            return item

    def done(self) -> None:
        with self._cond:
            self._busy = False
            self._cond.notify_all()

    def drain(self) -> None:
        """Wait until every frame handed over has been decoded (or the worker is stopped)."""
        with self._cond:
            while (self._item is not None or self._busy) and not self._stopped.is_set():
                self._cond.wait(0.1)

    def close(self, discard: bool) -> None:
        with self._cond:
            self._closed = True
            if discard:
                self._item = None
            self._cond.notify_all()


class CameraWorker(QThread):
    """Reads ``spec`` (see ``open_source``) until stopped; never raises out of ``run``.

    ``realtime``: a video file plays at its own frame rate and decoding takes the newest frame
    (the window). Without it, files are read as fast as they decode and no frame is skipped.
    Losing a camera or stream is reported ("lost") and retried with a growing pause; a file
    that cannot be opened yet is retried the same way.
    """

    frame_ready = Signal(QImage)
    codes_decoded = Signal(object)  # list[Detection], never empty
    status_changed = Signal(str, str)  # opening, live, lost, retrying, ended, no_camera
    source_ended = Signal()

    def __init__(
        self,
        spec: str,
        *,
        realtime: bool = True,
        decoder: Decoder | None = None,
        parent: QObject | None = None,
        source_factory: SourceFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = str(spec)
        self.realtime = realtime
        self._decoder = decoder
        self._factory: SourceFactory = source_factory or open_source
        self._stopped = threading.Event()
        self.frames_read = 0
        self.frames_decoded = 0
        self._mailbox: _Mailbox | None = None

    @property
    def frames_dropped(self) -> int:
        """Frames the decoder never saw because a newer one replaced them."""
        return self._mailbox.dropped if self._mailbox is not None else 0

    # ------------------------------------------------------------------ control

    def stop(self) -> None:
        """Ask the thread to finish and wait for it; the source is released by then."""
        self.requestInterruption()
        self._stopped.set()
        self.wait()

    def _should_stop(self) -> bool:
        return self._stopped.is_set() or self.isInterruptionRequested()

    def _pause(self, seconds: float) -> bool:
        """Wait without blocking a stop; False when the worker was asked to stop."""
        deadline = time.monotonic() + seconds
        while not self._should_stop():
            left = deadline - time.monotonic()
            if left <= 0:
                return True
            self._stopped.wait(min(left, 0.1))
        return False

    def _status(self, state: str, message: str) -> None:
        self.status_changed.emit(state, message)

    # ------------------------------------------------------------------ thread body

    def run(self) -> None:
        mailbox = self._mailbox = _Mailbox(drop=self.realtime, stopped=self._stopped)
        decoder_thread: threading.Thread | None = None
        try:
            decoder = self._decoder or Decoder()
            decoder_thread = threading.Thread(
                target=self._decode_loop,
                args=(decoder, mailbox),
                name="desk-decoder",
                daemon=True,
            )
            decoder_thread.start()
            self._read_loop(mailbox)
        except Exception:  # noqa: BLE001 - the worker must never take the window down
            log.exception("camera worker failed")
            self._status("lost", self.tr("The camera stopped because of an internal error"))
        finally:
            mailbox.close(discard=self._should_stop())
            if decoder_thread is not None:
                decoder_thread.join()

    def _read_loop(self, mailbox: _Mailbox) -> None:
        delay = RETRY_FIRST_SECONDS
        reported_missing = False
        index = 0
        self._status("opening", self.tr("Opening {source}…").format(source=self._name()))
        while not self._should_stop():
            try:
                source = self._factory(self.spec)
            except Exception as exc:  # noqa: BLE001 - SourceError or a driver failure
                message = (
                    str(exc)
                    if isinstance(exc, SourceError)
                    else self.tr("Cannot open {source}: {error}").format(
                        source=without_password(self.spec), error=exc
                    )
                )
                if not reported_missing:
                    reported_missing = True
                    self._status("no_camera", message)
                self._status(
                    "retrying",
                    self.tr("{message} Trying again in {seconds:g} s.").format(
                        message=message, seconds=delay
                    ),
                )
                if not self._pause(delay):
                    return
                delay = min(delay * 2, RETRY_MAX_SECONDS)
                continue
            # Once a source worked, failing to reopen it is a lost camera, not a missing one.
            reported_missing = True
            try:
                outcome, index = self._play(source, mailbox, index)
            finally:
                source.release()
            if outcome == "ended":
                mailbox.drain()
                if not self._should_stop():
                    self._status("ended", self.tr("End of {source}").format(source=self._name()))
                    self.source_ended.emit()
                return
            if outcome == "stopped":
                return
            if outcome == "lost_after_frames":
                delay = RETRY_FIRST_SECONDS
            self._status(
                "lost", self.tr("{source} stopped sending pictures").format(source=self._name())
            )
            if not self._pause(delay):
                return
            self._status(
                "retrying", self.tr("Reconnecting to {source}…").format(source=self._name())
            )
            delay = min(delay * 2, RETRY_MAX_SECONDS)

    def _name(self) -> str:
        if is_camera_index(self.spec):
            return self.tr("Camera {index}").format(index=self.spec.strip())
        # A stream address may carry a password: never in a status line or a log.
        return without_password(self.spec)

    def _play(self, source: FrameSource, mailbox: _Mailbox, index: int) -> tuple[str, int]:
        """Read until the source ends, fails or the worker stops; returns (outcome, index)."""
        paced = self.realtime and source.is_file
        fps = source.fps or (1.0 / STILL_SECONDS if source.is_still else DEFAULT_FPS)
        started = time.monotonic()
        shown = 0
        while not self._should_stop():
            try:
                frame = source.read()
            except Exception as exc:  # noqa: BLE001 - a driver error is a lost source
                log.warning("reading %s failed: %s", self._name(), exc)
                frame = None
            arrived = time.monotonic()
            if frame is None:
                if source.is_file:
                    return "ended", index
                return ("lost_after_frames" if shown else "lost"), index
            if shown == 0:
                self._status("live", self._name())
            self.frames_read += 1
            self.frame_ready.emit(bgr_to_qimage(frame))
            mailbox.put((frame, index, arrived))
            index += 1
            shown += 1
            if paced:
                wait = started + shown / fps - time.monotonic()
                if wait > 0:
                    if not self._pause(wait):
                        break
                elif wait < -1.0:
                    started = time.monotonic() - shown / fps  # a stall: do not race to catch up
        return "stopped", index

    def _decode_loop(self, decoder: Decoder, mailbox: _Mailbox) -> None:
        while True:
            item = mailbox.take()
            if item is None:
                return
            frame, index, arrived = item
            try:
                found: list[Decoded] = decoder.decode(frame)
                if found and not self._should_stop():
                    done = time.monotonic()
                    self.codes_decoded.emit(
                        [
                            Detection(d.text, d.raw_bytes, d.points, index, arrived, done, d.engine)
                            for d in found
                        ]
                    )
            except Exception:  # noqa: BLE001
                log.exception("decoding frame %d failed", index)
            finally:
                self.frames_decoded += 1
                mailbox.done()
