"""The Friday report from the window: choose the week, export the workbook, send it by
e-mail or save it as .eml, see and retry the outbox.

Making the workbook and talking to the mail server run in a worker thread (``Job``); the
window only shows progress and the outcome, in words. The reminder banner lives in
``report_reminder`` and is offered from here too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.context import AppContext
from desk_app.domain.week import (
    Period,
    current_week,
    date_range,
    describe,
    last_full_week,
    week_containing,
)
from desk_app.errors import UserError
from desk_app.printing.layout import font_family
from desk_app.printing.report_page import with_pdf
from desk_app.reports import actions, mail
from desk_app.reports.workbook import Report, unit_info
from desk_app.timeutil import utc_now
from desk_app.ui.background import Job, start_job
from desk_app.ui.colours import error_style

__all__ = ["ReportDialog"]

log = logging.getLogger(__name__)

MODE_LAST, MODE_CURRENT, MODE_WEEK, MODE_RANGE = range(4)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportDialog(QDialog):
    """Choose a week or a range; export, send or save the report; see the outbox."""

    job_finished = Signal(str, bool, str)  # task (export / send / eml / retry), ok, message

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
        pin_check: Callable[[QWidget, str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.ctx = ctx
        self._now = now
        self._pin_check = pin_check or self._ask_manager_pin
        self.job: Job | None = None
        self._task = ""
        self._close_with: int | None = None
        self.mode = QComboBox(self)
        self.week_day = QDateEdit(self)
        self.range_from = QDateEdit(self)
        self.range_to = QDateEdit(self)
        for edit in (self.week_day, self.range_from, self.range_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        today = _qdate(last_full_week(now()).first)
        self.week_day.setDate(today)
        self.range_from.setDate(today)
        self.range_to.setDate(today.addDays(6))
        self.period_label = QLabel(self)
        self.period_label.setObjectName("report_period")
        self.full_ids = QCheckBox(self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("report_status")
        self.status.setWordWrap(True)
        self.outbox_label = QLabel(self)
        self.outbox_label.setObjectName("report_outbox")
        self.retry_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.send_button = QPushButton(self)
        self.eml_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.form = QFormLayout()
        self.form.addRow("", self.mode)
        self.form.addRow("", self.week_day)
        range_row = QHBoxLayout()
        range_row.addWidget(self.range_from)
        range_row.addWidget(self.range_to)
        self.form.addRow("", range_row)
        self.form.addRow("", self.period_label)
        self.form.addRow("", self.full_ids)
        outbox_row = QHBoxLayout()
        outbox_row.addWidget(self.outbox_label, 1)
        outbox_row.addWidget(self.retry_button)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.send_button, self.eml_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(outbox_row)
        layout.addLayout(buttons)
        self._connect_signals()
        self.retranslate_ui()
        self.on_mode_changed()
        self.refresh_outbox()

    def _connect_signals(self) -> None:
        self.mode.currentIndexChanged.connect(self.on_mode_changed)
        for edit in (self.week_day, self.range_from, self.range_to):
            edit.dateChanged.connect(self.update_period_label)
        self.full_ids.toggled.connect(self.on_full_ids_toggled)
        self.export_button.clicked.connect(self.on_export)
        self.send_button.clicked.connect(self.send)
        self.eml_button.clicked.connect(self.on_save_eml)
        self.retry_button.clicked.connect(self.retry_outbox)
        self.close_button.clicked.connect(self.reject)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Weekly report"))
        labels = (
            self.tr("Period"),
            self.tr("Week of the day"),
            self.tr("From - to"),
            self.tr("Report for"),
            "",
        )
        for row, text in enumerate(labels):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and isinstance(label.widget(), QLabel):
                label.widget().setText(text)  # type: ignore[union-attr]
        index = self.mode.currentIndex()
        self.mode.blockSignals(True)
        self.mode.clear()
        self.mode.addItems(
            [
                self.tr("Last full week"),
                self.tr("This week up to now"),
                self.tr("A chosen week"),
                self.tr("A range of days"),
            ]
        )
        self.mode.setCurrentIndex(max(index, 0))
        self.mode.blockSignals(False)
        self.full_ids.setText(self.tr("Full ID numbers (asks for the manager PIN; recorded)"))
        self.export_button.setText(self.tr("&Export workbook..."))
        self.send_button.setText(self.tr("&Send by e-mail"))
        self.eml_button.setText(self.tr("Save as .&eml..."))
        self.retry_button.setText(self.tr("&Retry now"))
        self.close_button.setText(self.tr("Close"))
        self.update_period_label()
        self.refresh_outbox()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ----- the period ------------------------------------------------------------------
    def period(self) -> Period:
        mode = self.mode.currentIndex()
        if mode == MODE_CURRENT:
            return current_week(self._now())
        if mode == MODE_WEEK:
            return week_containing(_pydate(self.week_day.date()))
        if mode == MODE_RANGE:
            first, last = _pydate(self.range_from.date()), _pydate(self.range_to.date())
            return date_range(min(first, last), max(first, last))
        return last_full_week(self._now())

    def on_mode_changed(self) -> None:
        mode = self.mode.currentIndex()
        self.week_day.setEnabled(mode == MODE_WEEK)
        self.range_from.setEnabled(mode == MODE_RANGE)
        self.range_to.setEnabled(mode == MODE_RANGE)
        self.update_period_label()

    def update_period_label(self) -> None:
        try:
            self.period_label.setText(describe(self.period()))
            self.period_label.setStyleSheet("")
        except ValueError:
            self.period_label.setText(self.tr("The range is too long (at most 366 days)."))
            self.period_label.setStyleSheet(error_style())

    def on_full_ids_toggled(self, checked: bool) -> None:
        if checked and not self._pin_check(self, self.tr("Report with full ID numbers")):
            self.full_ids.blockSignals(True)
            self.full_ids.setChecked(False)
            self.full_ids.blockSignals(False)

    def _ask_manager_pin(self, parent: QWidget, reason: str) -> bool:
        from desk_app.ui.dialogs.setup.pin_dialogs import ask_manager_pin

        return ask_manager_pin(self.ctx, parent, reason)

    # ----- jobs ------------------------------------------------------------------------
    @property
    def is_busy(self) -> bool:
        return self.job is not None

    def _start(self, task: str, work: Callable[[Callable[[int, int], None]], str]) -> bool:
        if self.job is not None:
            return False
        self._task = task
        self.job = Job(work)
        # Bound methods of this dialog: the job's signals reach them in the window's thread.
        self.job.progress.connect(self.on_progress)
        self.job.succeeded.connect(self.on_job_succeeded)
        self.job.failed.connect(self.on_job_failed)
        self._set_busy(True)
        texts = {
            "export": self.tr("Making the workbook..."),
            "send": self.tr("Making the workbook and sending it..."),
            "eml": self.tr("Making the message..."),
            "retry": self.tr("Sending the waiting messages..."),
        }
        self.show_status(texts[task])
        start_job(self.job)
        return True

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.export_button,
            self.send_button,
            self.eml_button,
            self.retry_button,
            self.mode,
            self.week_day,
            self.range_from,
            self.range_to,
            self.full_ids,
        ):
            widget.setEnabled(not busy)
        if not busy:
            self.on_mode_changed()
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)  # busy until the first progress report

    def on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def on_job_succeeded(self, message: str) -> None:
        self._finish(True, message)

    def on_job_failed(self, message: str) -> None:
        self._finish(False, message)

    def _finish(self, ok: bool, message: str) -> None:
        self.job = None
        self._set_busy(False)
        self.show_status(message, error=not ok)
        self.refresh_outbox()
        self.job_finished.emit(self._task, ok, message)
        if self._close_with is not None:
            super().done(self._close_with)

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(error_style() if error else "")

    def _add_pdf(self, report: Report) -> Report:
        # The e-mail carries the page to sign beside the workbook.
        return with_pdf(report, unit_info(self.ctx.settings))

    def export_to(self, path: str | Path) -> bool:
        period, target, full_ids = self.period(), Path(path), self.full_ids.isChecked()

        def work(progress: Callable[[int, int], None]) -> str:
            _report, message = actions.export_workbook(
                self.ctx, period, target, full_ids=full_ids, progress=progress
            )
            return message

        return self._start("export", work)

    def _file_name(self, ending: str) -> str:
        """As the workbook is named in the e-mail: the point's code and the week."""
        code = self.ctx.settings.text("unit.code")
        point = code.replace("/", "-") + "-" if code else ""
        return f"bao-cao-ra-vao-{point}{self.period().label}.{ending}"

    def on_export(self) -> None:
        name = self._file_name("xlsx")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), name, self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            self.export_to(path)

    def send(self) -> bool:
        period, full_ids = self.period(), self.full_ids.isChecked()

        font_family()  # the fonts are registered here, on the GUI thread, not in the job

        def work(progress: Callable[[int, int], None]) -> str:
            report = actions.make_report(
                self.ctx, period, full_ids=full_ids, progress=progress, add_pdf=self._add_pdf
            )
            return actions.send(self.ctx, report)

        return self._start("send", work)

    def save_eml_to(self, path: str | Path) -> bool:
        period, target, full_ids = self.period(), Path(path), self.full_ids.isChecked()

        font_family()

        def work(progress: Callable[[int, int], None]) -> str:
            report = actions.make_report(
                self.ctx, period, full_ids=full_ids, progress=progress, add_pdf=self._add_pdf
            )
            return actions.save_eml(self.ctx, report, target)

        return self._start("eml", work)

    def on_save_eml(self) -> None:
        name = self._file_name("eml")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the e-mail"), name, self.tr("E-mail message (*.eml)")
        )
        if path:
            self.save_eml_to(path)

    def retry_outbox(self) -> bool:
        def work(_progress: Callable[[int, int], None]) -> str:
            deliveries = actions.retry(self.ctx)
            failed = [d.message for d in deliveries if not d.sent]
            if failed:
                raise UserError("\n".join(failed))
            return actions.retry_summary(deliveries)

        return self._start("retry", work)

    def refresh_outbox(self) -> None:
        waiting = mail.entries(self.ctx.db, pending_only=True)
        self.retry_button.setVisible(bool(waiting))
        if not waiting:
            self.outbox_label.setText("")
            return
        text = self.tr("%n message(s) waiting in the outbox.", "", len(waiting))
        if waiting[-1].last_error:
            text += " " + self.tr("Last error: %1").replace("%1", waiting[-1].last_error)
        self.outbox_label.setText(text)

    def done(self, result: int) -> None:
        if self.job is not None:  # let the job finish and record its outcome; close then
            self._close_with = result
            self.hide()
            return
        super().done(result)
