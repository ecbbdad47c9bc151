"""Today at the desk: the day's visits and who is inside, loaded at start, on F5 and when the
day changes; a clock checks the day change and the automatic check-out. The day's
housekeeping (check-outs of earlier days, the retention purge, the audit fold) runs in the
background, one run at a time, so scans go on meanwhile."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desk_app.context import AppContext
from desk_app.errors import UserError
from desk_app.timeutil import local_today
from desk_app.ui.background import Job, start_job
from desk_app.ui.desk.controller import DeskController
from desk_app.ui.desk.inside_panel import InsidePanel
from desk_app.ui.desk.visits_panel import VisitsPanel

log = logging.getLogger(__name__)
CLOCK_MS = 30_000  # day change and automatic check-out are checked this often


class DeskDay(QObject):
    new_day = Signal()  # after the day's housekeeping: the start-of-day checks run again

    def __init__(
        self, ctx: AppContext, visits: VisitsPanel, inside: InsidePanel, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visits = visits
        self.inside = inside
        self.day = local_today()
        self.clock = QTimer(self)
        self.clock.setInterval(CLOCK_MS)
        self.clock.timeout.connect(self.on_clock)
        self.housekeeping_job: Job | None = None
        self._new_day_even_if_failed = False
        self._stopped = False

    def follow(self, controller: DeskController) -> None:
        """Show what the desk's journal holds: check-outs kept offline leave the inside list
        at once, and once the journal is sent the day is read again from the shared log."""
        self.inside.set_waiting(controller.waiting_check_outs)
        controller.check_outs_waiting.connect(self.inside.set_waiting)
        controller.journal_sent.connect(self.on_journal_sent)

    def on_journal_sent(self) -> None:
        try:
            self.reload()
        except UserError as exc:  # the server went away again: the clock reads it later
            log.warning("day not read again: %s", exc)

    def on_listening_again(self) -> None:
        """The live view lost the server for a while: visits other desks recorded then were
        never announced, so the day is read again."""
        self.on_journal_sent()

    def reload(self) -> None:
        self.day = local_today()
        if not self.ctx.online:
            return  # started without the server: read once it is back (controller.reconnected)
        self.visits.set_rows(self.ctx.log.visits_on(self.day), self.day)
        self.refresh_inside()

    def refresh_inside(self) -> None:
        self.inside.set_inside(self.ctx.log.inside())
        self.inside.set_counts(self.ctx.log.day_counts(self.day))

    def on_reconnected(self) -> None:
        """The desk started without its server and has reached it: the day is read at once,
        and what the start skipped (housekeeping, then the start-of-day checks) runs now."""
        self.reload()
        self._start_housekeeping(new_day_even_if_failed=True)

    def on_clock(self) -> None:
        if self.housekeeping_job is not None:
            return  # the new day's housekeeping still runs; its end reads the day again
        try:
            if local_today() != self.day:
                # A failure leaves the day as it was: the next tick tries again.
                self._start_housekeeping(new_day_even_if_failed=False)
                return
            if self.ctx.auto_checkout():
                self.reload()
                return
            self.refresh_inside()  # other desks sharing the log come and go too
        except UserError as exc:  # a busy or unreachable database: try again next time
            log.warning("clock work skipped: %s", exc)

    def _start_housekeeping(self, *, new_day_even_if_failed: bool) -> None:
        if self.housekeeping_job is not None or self._stopped:
            return
        ctx = self.ctx

        def work(_progress: Callable[[int, int], None]) -> object:
            return ctx.housekeeping()

        self._new_day_even_if_failed = new_day_even_if_failed
        self.housekeeping_job = Job(work)
        self.housekeeping_job.succeeded.connect(self.on_housekept)
        self.housekeeping_job.failed.connect(self.on_housekeeping_failed)
        start_job(self.housekeeping_job)

    def on_housekept(self, _done: object) -> None:
        self.housekeeping_job = None
        if self._stopped:
            return
        self.new_day.emit()
        self.reload()

    def on_housekeeping_failed(self, message: str) -> None:
        log.warning("housekeeping skipped: %s", message)
        self.housekeeping_job = None
        if self._new_day_even_if_failed and not self._stopped:
            self.new_day.emit()
            self.reload()

    def stop(self) -> None:
        """No more clock; a running housekeeping ends first (a purge is not cut in half)."""
        self._stopped = True
        self.clock.stop()
        if self.housekeeping_job is not None:
            self.housekeeping_job.wait()
