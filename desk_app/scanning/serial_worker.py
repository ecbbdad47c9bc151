"""The serial scanner's thread: runs the Qt-free reader and hands its scans to the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal

from desk_app.scanning.serial_scanner import (
    DEFAULT_BAUDRATE,
    RECONNECT_SECONDS,
    SILENCE_SECONDS,
    SerialScan,
    SerialScannerReader,
)


class SerialScannerWorker(QThread):
    """Reads ``port`` until ``stop()``; reopens it whenever the scanner is unplugged.

    ``scanned`` carries a code's text, ``rejected`` the reason and a readable sample of bytes
    that make no code, ``status_changed`` the reader's status and the port.
    """

    scanned = Signal(str)
    rejected = Signal(str, str)
    status_changed = Signal(str, str)

    def __init__(
        self,
        port: str,
        baudrate: int = DEFAULT_BAUDRATE,
        parent: QObject | None = None,
        *,
        silence: float = SILENCE_SECONDS,
        reconnect_seconds: float = RECONNECT_SECONDS,
    ) -> None:
        super().__init__(parent)
        self.port = port
        self.reader = SerialScannerReader(
            port, baudrate, silence=silence, reconnect_seconds=reconnect_seconds
        )

    def run(self) -> None:
        self.reader.run(self.isInterruptionRequested, self._on_scan, self._on_status)

    def stop(self) -> None:
        """Ask the loop to finish and wait for it; the port is closed by then."""
        self.requestInterruption()
        self.wait()

    def _on_scan(self, scan: SerialScan) -> None:
        if scan.text is not None:
            self.scanned.emit(scan.text)
        else:
            self.rejected.emit(scan.reason or "", scan.sample())

    def _on_status(self, status: str, _detail: str) -> None:
        self.status_changed.emit(status, self.port)
