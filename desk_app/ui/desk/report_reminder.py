"""The reminder banner: "the weekly report has not been sent", from the reminder day and
time until a report is sent this week; it also retries the outbox now and then."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desk_app.context import AppContext
from desk_app.errors import UserError
from desk_app.reports import mail
from desk_app.timeutil import utc_now
from desk_app.ui.background import Job, start_job

if TYPE_CHECKING:
    from desk_app.ui.dialogs.reports.report_dialog import ReportDialog

RETRY_EVERY_MS = 5 * 60 * 1000
REFRESH_EVERY_MS = 60 * 1000


class ReportReminderBanner(QWidget):
    """ "The weekly report has not been sent": from the reminder day and time (Friday 14:00
    by default) until a report is sent this week. It also retries the outbox now and then."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportReminder")
        self.ctx = ctx
        self._now = now
        self.retry_job: Job | None = None
        self.dialog: ReportDialog | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        self.setStyleSheet("#reportReminder { background: #fff4ce; color: #212121; }")
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_EVERY_MS)
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_EVERY_MS)
        self.open_button.clicked.connect(self.open_report)
        self.refresh_timer.timeout.connect(self.refresh)
        self.retry_timer.timeout.connect(self.retry_outbox)
        self.retranslate_ui()
        self.refresh()
        self.refresh_timer.start()
        self.retry_timer.start()

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("The weekly report has not been sent yet this week."))
        self.open_button.setText(self.tr("Open the &report..."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def refresh(self) -> bool:
        """Show or hide; True when shown."""
        try:
            due = mail.reminder_due(self.ctx, self._now())
        except UserError:  # the database is busy: decide at the next tick
            return not self.isHidden()
        self.setVisible(due)
        return due

    def open_report(self) -> ReportDialog:
        if self.dialog is None:
            from desk_app.ui.dialogs.reports.report_dialog import ReportDialog

            self.dialog = ReportDialog(self.ctx, self.window(), now=self._now)
            self.dialog.job_finished.connect(lambda *_: self.refresh())
            self.dialog.finished.connect(self._dialog_closed)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _dialog_closed(self) -> None:
        self.dialog = None
        self.refresh()

    def retry_outbox(self) -> bool:
        """Send again, in a worker, the outbox messages whose wait is over."""
        if self.retry_job is not None or not mail.entries(self.ctx.db, pending_only=True):
            return False

        def work(_progress: Callable[[int, int], None]) -> str:
            done = mail.retry_pending(self.ctx)
            return str(sum(1 for d in done if d.sent))

        self.retry_job = Job(work)
        self.retry_job.finished.connect(self._retried)
        start_job(self.retry_job)
        return True

    def _retried(self) -> None:
        self.retry_job = None
        self.refresh()
