"""Where the desk's scans come from: the camera (a webcam, a video file or the demo feed), a
handheld scanner typing as a keyboard, and a scanner on a serial port; which one runs, and
what happens when a source ends or no camera opens."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from desk_app.context import AppContext
from desk_app.paths import resource_path
from desk_app.scanning.wedge import ScannerWedge
from desk_app.ui.desk.camera_feed import CameraFeed
from desk_app.ui.desk.camera_panel import CameraPanel
from desk_app.ui.desk.serial_feed import SerialScannerFeed


def demo_feed_path() -> str:
    return str(resource_path("demo", "demo_feed.avi"))


class ScanSources(QObject):
    """The camera feed, the keyboard scanner (wedge) and the serial scanner of one window.

    With ``exit_at_end`` (a script driving the window) the end of a video file, or a camera
    that does not open (exit status 1), asks the window to close.
    """

    close_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        camera_panel: CameraPanel,
        parent: QObject,
        *,
        exit_at_end: bool = False,
        realtime: bool = True,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.camera_panel = camera_panel
        self.exit_at_end = exit_at_end
        self.exit_code = 0
        self.feed = CameraFeed(self, realtime=realtime)
        # The wedge filters every key of the application while the window is open.
        self.wedge = ScannerWedge(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.wedge)
        # A scanner in serial mode (USB-COM / CDC): its port from --scanner-port or the settings.
        self.serial = SerialScannerFeed(self)
        self.scanner_port_override: str | None = None

    # ----- the camera ------------------------------------------------------------------
    def start(self, spec: str) -> None:
        self.camera_panel.set_status("opening", spec)
        self.feed.start(spec)

    def on_feed_status(self, state: str, message: str) -> None:
        self.camera_panel.set_status(state, message)
        if state == "no_camera":
            if self.exit_at_end:
                self.exit_code = 1
                self.close_requested.emit()
                return
            self.camera_panel.show_no_camera(message)
            self.feed.request_camera_list()

    def on_source_ended(self) -> None:
        # Every code the worker emitted before this signal was recorded already: the queued
        # signals of one thread arrive in order and the controller writes synchronously.
        if self.exit_at_end:
            self.close_requested.emit()
        elif self.feed.spec == demo_feed_path():
            self.feed.start(self.feed.spec)  # the demo plays in a loop

    def on_choose_camera(self) -> None:
        self.feed.stop()
        self.camera_panel.set_status("stopped")
        self.camera_panel.show_no_camera()
        self.feed.request_camera_list()

    def on_demo(self) -> None:
        self.start(demo_feed_path())

    def on_scanner_mode(self) -> None:
        self.feed.stop()
        self.camera_panel.set_status("stopped")
        self.camera_panel.show_scanner_mode()

    # ----- the serial scanner ----------------------------------------------------------
    def start_serial_scanner(self, port: str | None = None) -> None:
        """Read the serial scanner at ``port`` (kept over the settings), else ``scanner.port``."""
        if port:
            self.scanner_port_override = port
        settings = self.ctx.settings
        chosen = self.scanner_port_override or settings.text("scanner.port")
        self.serial.start(chosen, settings.number("scanner.baud"))

    def apply_settings(self, keys: list[str]) -> None:
        if "scan.camera" in keys:
            self.start(self.ctx.settings.text("scan.camera"))
        if "scanner.port" in keys or "scanner.baud" in keys:
            self.scanner_port_override = None  # a port chosen now wins over the command line
            self.start_serial_scanner()

    def stop(self) -> None:
        self.feed.stop()
        self.serial.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)  # a closed desk takes no more scans
