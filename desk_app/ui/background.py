"""The one way off the GUI thread for one-off work: making a workbook, talking to the mail
server, listing cameras, gathering the diagnostic report, importing slow modules, the
start-of-day checks (the audit trail verified, the daily backup), the new day's housekeeping.

``Job(work)`` runs ``work(progress)`` in its own thread; the window only sees ``progress``,
then ``succeeded`` with the result or ``failed`` with a sentence for the user. ``start_job``
keeps a job alive until it ends, even when the dialog that started it closed first, and waits
for running jobs when the application quits (a QThread destroyed while running aborts the
process). Long-running loops with their own life (the camera, the serial scanner, the live
view) are QThreads of their own rooms.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QThread, Signal

from desk_app.errors import UserError

log = logging.getLogger(__name__)


class Job(QThread):
    """Runs one function away from the window; it gets a ``progress(done, total)`` callback.

    The function returns the result (for the report dialogs, the message to show); a
    UserError is shown as it is.
    """

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        try:
            message = self._work(self.progress.emit)
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: the details go to the log, the user gets a sentence
            log.exception("background job failed")
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
