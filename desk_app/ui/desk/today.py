"""Today at the desk: the day's visits and who is inside, loaded at start, on F5 and when the
day changes; a clock checks the day change and the automatic check-out."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desk_app.context import AppContext
from desk_app.errors import UserError
from desk_app.timeutil import local_today
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
        """The desk started without its server and has reached it: what the start skipped
        (housekeeping, the start-of-day checks) runs now, and the day is read."""
        try:
            self.ctx.housekeeping()
        except UserError as exc:
            log.warning("housekeeping skipped: %s", exc)
        self.new_day.emit()
        self.reload()

    def on_clock(self) -> None:
        try:
            if local_today() != self.day:
                self.ctx.housekeeping()
                self.new_day.emit()
                self.reload()
                return
            if self.ctx.auto_checkout():
                self.reload()
                return
            self.refresh_inside()  # other desks sharing the log come and go too
        except UserError as exc:  # a busy or unreachable database: try again next time
            log.warning("clock work skipped: %s", exc)
