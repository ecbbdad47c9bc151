"""One copy per desk: starting the app again brings the running window to the front.

The first window holds a lock file in the data folder for as long as it runs; a second start
finds it taken, writes a request beside it and ends, so the camera is never opened twice.
The running window watches that request file and comes forward. Only QtCore is needed (the
installer leaves Qt's network module out). The command line does not go through here and
works alongside the window.
"""

from __future__ import annotations

import time
from pathlib import Path

from filelock import FileLock, Timeout
from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from desk_app.paths import data_dir


class SingleInstance(QObject):
    """``acquire()`` is True in the first window; a later start calls ``ask_running()``.
    The first emits ``activated`` whenever a later start asks it to come forward."""

    activated = Signal()

    def __init__(self, parent: QObject | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        folder = folder or data_dir()
        self.lock = FileLock(str(folder / "window.lock"))
        self.request = folder / "window.raise"
        self.watcher: QFileSystemWatcher | None = None

    def acquire(self) -> bool:
        """True when no other window runs on this data folder (this one does from now on)."""
        try:
            self.lock.acquire(timeout=0)
        except Timeout:
            return False
        self.request.write_text("", encoding="utf-8")
        self.watcher = QFileSystemWatcher([str(self.request)], self)
        self.watcher.fileChanged.connect(self.on_request)
        return True

    def ask_running(self) -> None:
        """Ask the running window to come forward."""
        self.request.write_text(f"{time.time()}\n", encoding="utf-8")

    def on_request(self, path: str) -> None:
        assert self.watcher is not None
        if path not in self.watcher.files() and Path(path).exists():
            self.watcher.addPath(path)  # some systems stop watching a rewritten file
        if Path(path).exists() and Path(path).read_text(encoding="utf-8").strip():
            self.activated.emit()

    def release(self) -> None:
        if self.watcher is not None:
            self.watcher.removePaths(self.watcher.files())
            self.watcher = None
        if self.lock.is_locked:
            self.lock.release()
