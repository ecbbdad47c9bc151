"""Slow Qt-free modules imported in the background, so the window shows the camera first."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desk_app.ui.background import Job, start_job


class _Preloader(QObject):
    """Imports slow Qt-free modules (the report workbook pulls in openpyxl: seconds on an
    old desk PC) in the background, so that the window shows the camera first."""

    loaded = Signal()

    def start(self, modules: tuple[str, ...]) -> None:
        def work(_progress: Callable[[int, int], None]) -> None:
            for module in modules:
                importlib.import_module(module)

        job = Job(work)
        job.succeeded.connect(self.loaded)
        start_job(job)


@functools.cache
def preloader() -> _Preloader:
    """One for the process, never owned by a window that may close before it finishes."""
    return _Preloader()
