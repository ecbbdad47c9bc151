"""Slow Qt-free modules imported in the background, so the window shows the camera first."""

from __future__ import annotations

import functools
import importlib
import logging
import threading

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class _Preloader(QObject):
    """Imports slow Qt-free modules (the report workbook pulls in openpyxl: seconds on an
    old desk PC) in the background, so that the window shows the camera first."""

    loaded = Signal()

    def start(self, modules: tuple[str, ...]) -> None:
        def work() -> None:
            for module in modules:
                importlib.import_module(module)
            self.loaded.emit()

        threading.Thread(target=work, name="desk-preload", daemon=True).start()


@functools.cache
def preloader() -> _Preloader:
    """One for the process, never owned by a window that may close before it finishes."""
    return _Preloader()
