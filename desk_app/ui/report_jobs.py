"""A worker thread for the report: making the workbook and talking to the mail server
happen away from the window, which only sees progress and the outcome."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QThread, Signal

from desk_app.errors import UserError

log = logging.getLogger(__name__)


class Job(QThread):
    """Runs one function away from the window; it gets a ``progress(done, total)`` callback.

    The function returns the message to show; a UserError is shown as it is.
    """

    progress = Signal(int, int)
    succeeded = Signal(str)
    failed = Signal(str)

    def __init__(self, work: Callable[[Callable[[int, int], None]], str]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        try:
            message = self._work(self.progress.emit)
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: the details go to the log, the user gets a sentence
            log.exception("report job failed")
            self.failed.emit(
                QCoreApplication.translate("ReportDialog", "Unexpected error: %1").replace(
                    "%1", f"{type(exc).__name__}: {exc}"
                )
            )
        else:
            self.succeeded.emit(message)


# Jobs still running are kept alive until they end, even if their dialog closed first.
_running: set[Job] = set()
_quit_hooked: list[bool] = []


def _wait_for_jobs() -> None:
    for job in list(_running):
        job.wait()


def start_job(job: Job) -> Job:
    _running.add(job)
    app = QCoreApplication.instance()
    if app is not None and not _quit_hooked:
        app.aboutToQuit.connect(_wait_for_jobs)  # a running QThread must not be destroyed
        _quit_hooked.append(True)
    job.finished.connect(lambda: _running.discard(job))
    job.start()
    return job
