"""Parts of the window from other areas that may be missing from a build, loaded late."""

from __future__ import annotations

import functools
import importlib
import importlib.util
import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


def available(module: str) -> bool:
    """Whether an optional area is in this build, without importing it (imports are slow)."""
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


class _Preloader(QObject):
    """Imports slow Qt-free modules (the report workbook pulls in openpyxl: seconds on an
    old desk PC) in the background, so that the window shows the camera first."""

    loaded = Signal()

    def start(self, modules: tuple[str, ...]) -> None:
        def work() -> None:
            for module in modules:
                try:
                    importlib.import_module(module)
                except ImportError as exc:
                    log.info("optional module %s not loaded: %s", module, exc)
            self.loaded.emit()

        threading.Thread(target=work, name="desk-preload", daemon=True).start()


@functools.cache
def preloader() -> _Preloader:
    """One for the process, never owned by a window that may close before it finishes."""
    return _Preloader()


def optional(module: str, name: str) -> Any:
    """A class or function from an area that may not be in this build (None then)."""
    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
