"""The serial scanner in the window: starts and stops its worker, relays scans, shows its state."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from desk_app.scanning.serial_scanner import (
    CONNECTED,
    CONNECTING,
    DISCONNECTED,
    RECONNECT_SECONDS,
    SILENCE_SECONDS,
)
from desk_app.ui.colours import error_style

log = logging.getLogger(__name__)

OFF = "off"  # no serial scanner configured


class SerialScannerFeed(QObject):
    """One worker at a time; signals from a worker that was replaced are dropped.

    ``rejected`` carries the reason and a readable sample of bytes that made no text.
    """

    scanned = Signal(str)
    rejected = Signal(str, str)
    status_changed = Signal(str, str)  # state, port

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        silence: float = SILENCE_SECONDS,
        reconnect_seconds: float = RECONNECT_SECONDS,
    ) -> None:
        super().__init__(parent)
        self.silence = silence
        self.reconnect_seconds = reconnect_seconds
        self._worker: Any = None
        self.port = ""

    @property
    def running(self) -> bool:
        return self._worker is not None and self._worker.isRunning()

    def start(self, port: str, baudrate: int) -> None:
        """Read ``port`` from now on (an empty port stops reading)."""
        self.stop()
        self.port = port.strip()
        if not self.port:
            self.status_changed.emit(OFF, "")
            return
        from desk_app.scanning.serial_worker import SerialScannerWorker

        worker = SerialScannerWorker(
            self.port, baudrate, silence=self.silence, reconnect_seconds=self.reconnect_seconds
        )
        worker.scanned.connect(self.on_scanned)
        worker.rejected.connect(self.on_rejected)
        worker.status_changed.connect(self.on_status_changed)
        self._worker = worker
        worker.start()

    def stop(self) -> None:
        worker, self._worker = self._worker, None
        if worker is None:
            return
        for signal in (worker.scanned, worker.rejected, worker.status_changed):
            try:
                signal.disconnect()
            except (RuntimeError, TypeError):
                pass
        worker.stop()
        worker.deleteLater()

    @Slot(str)
    def on_scanned(self, text: str) -> None:
        if self.sender() is self._worker:
            self.scanned.emit(text)

    @Slot(str, str)
    def on_rejected(self, reason: str, sample: str) -> None:
        if self.sender() is self._worker:
            log.warning("serial scan refused (%s): %r", reason, sample)
            self.rejected.emit(reason, sample)

    @Slot(str, str)
    def on_status_changed(self, state: str, port: str) -> None:
        if self.sender() is self._worker:
            self.status_changed.emit(state, port)


class ScannerStatus(QLabel):
    """The serial scanner's state in the status bar; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scannerStatus")
        self.state = OFF
        self.port = ""
        self.hide()

    def set_status(self, state: str, port: str) -> None:
        self.state, self.port = state, port
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        texts = {
            CONNECTING: self.tr("Scanner %1: connecting…"),
            CONNECTED: self.tr("Scanner %1: connected"),
            DISCONNECTED: self.tr("Scanner %1: disconnected, reconnecting…"),
        }
        text = texts.get(self.state)
        self.setVisible(text is not None)
        self.setText(text.replace("%1", self.port) if text else "")
        self.setProperty("problem", self.state == DISCONNECTED)
        self.setStyleSheet(
            f"{error_style()} font-weight: bold;" if self.state == DISCONNECTED else ""
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
