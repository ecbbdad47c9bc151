"""The live view's thread: visits changed at other desks, as a signal, within a second."""

from __future__ import annotations

import logging

from PySide6.QtCore import QThread, Signal

from desk_app.storage.live import POLL_SECONDS, ChangeWatcher

log = logging.getLogger(__name__)

RETRY_SECONDS = 5.0  # the server went away: listen again after this


class LiveWatcherThread(QThread):
    """Runs ``ChangeWatcher`` off the GUI thread; ``visits_changed`` carries visit ids."""

    visits_changed = Signal(list)
    # Listening again after the connection was lost: what other desks did meanwhile was
    # never announced, so the window reads the day again.
    listening_again = Signal()

    def __init__(self, url: str, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.url = url

    def run(self) -> None:
        watcher: ChangeWatcher | None = None
        lost = False
        try:
            while not self.isInterruptionRequested():
                if watcher is None:
                    try:
                        watcher = ChangeWatcher(self.url)
                    except Exception as exc:  # unreachable server, a driver missing
                        log.info("live view not listening: %s", exc)
                        self._pause(RETRY_SECONDS)
                        continue
                    if lost:
                        lost = False
                        self.listening_again.emit()
                try:
                    ids = watcher.wait(POLL_SECONDS)
                except Exception as exc:  # the connection was lost: listen again later
                    log.info("live view interrupted: %s", exc)
                    watcher.close()
                    watcher = None
                    lost = True
                    continue
                if ids:
                    self.visits_changed.emit(ids)
        finally:
            if watcher is not None:
                watcher.close()

    def _pause(self, seconds: float) -> None:
        steps = int(seconds / 0.1)
        for _ in range(steps):
            if self.isInterruptionRequested():
                return
            self.msleep(100)

    def stop(self) -> None:
        self.requestInterruption()
        self.wait()
