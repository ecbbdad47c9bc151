"""The window's status bar: the serial scanner's state, the scans kept while the log is out of
reach, and passing messages."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from desk_app.i18n import t
from desk_app.ui.desk.serial_feed import ScannerStatus

MESSAGE_MS = 5000


class StatusLine(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.bar = window.statusBar()
        self.scanner = ScannerStatus(window)
        self.bar.addPermanentWidget(self.scanner)
        self.offline = QLabel(window)
        self.offline.setObjectName("offline_status")
        self.offline.setVisible(False)
        self.bar.addPermanentWidget(self.offline)

    def on_offline_changed(self, offline: bool, waiting: int) -> None:
        """ "Offline, N waiting" while the server is out of reach or kept work waits to be
        sent (a desk started offline says so with nothing kept yet); nothing once all is sent."""
        shown = offline or waiting > 0
        self.offline.setText(t("journal.offline", count=waiting) if shown else "")
        self.offline.setVisible(shown)

    def tell(self, message: str) -> None:
        """A passing message (it goes after a few seconds)."""
        self.bar.showMessage(message, MESSAGE_MS)
