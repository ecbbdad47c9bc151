"""The province's desk: "Tổng hợp báo cáo tuần". Pick the register and the folder of the
units' reports, see the week's figures and the chart by district, save the province workbook
and the draft letter. Reading, counting and writing run in a worker thread (``Job``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.context import AppContext
from desk_app.domain.week import Period, describe, last_full_week, week_containing
from desk_app.i18n import t
from desk_app.outputs import check_target
from desk_app.rollup.province import Rollup, roll_up
from desk_app.rollup.register import read_register
from desk_app.timeutil import utc_now
from desk_app.ui.background import Job, start_job
from desk_app.ui.colours import error_style

THIS_WEEK = QColor(68, 114, 196)
PREVIOUS_WEEK = QColor(165, 165, 165)


class DistrictChart(QWidget):
    """Scans by district, this week beside the previous one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districtChart")
        self.setMinimumHeight(180)
        self.bars: list[tuple[str, int, int]] = []  # district, this week, previous week

    def show_rollup(self, result: Rollup | None) -> None:
        self.bars = (
            []
            if result is None
            else [
                (d.district or t("rollup.no_district"), d.scans, d.previous)
                for d in result.districts
            ]
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.bars:
            return
        painter = QPainter(self)
        try:
            width, height = self.width(), self.height()
            label_h = painter.fontMetrics().height() + 4
            plot_h = height - label_h - 6
            peak = max([max(this, before) for _, this, before in self.bars] + [1])
            slot = width / len(self.bars)
            bar = slot * 0.35
            for index, (district, this, before) in enumerate(self.bars):
                x = slot * index + slot * 0.15
                for offset, value, colour in ((0.0, this, THIS_WEEK), (bar, before, PREVIOUS_WEEK)):
                    h = plot_h * value / peak
                    painter.fillRect(QRectF(x + offset, 4 + plot_h - h, bar, h), colour)
                painter.drawText(
                    QRectF(slot * index, height - label_h, slot, label_h),
                    int(Qt.AlignmentFlag.AlignCenter),
                    painter.fontMetrics().elidedText(
                        district, Qt.TextElideMode.ElideRight, int(slot) - 2
                    ),
                )
        finally:
            painter.end()


class RollupDialog(QDialog):
    """Tổng hợp báo cáo tuần: the week's figures of the province from the units' reports."""

    job_finished = Signal(str, bool, str)  # task (rollup / workbook / letter), ok, message

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rollupDialog")
        self.ctx = ctx
        self.job: Job | None = None
        self.rollup: Rollup | None = None
        self._task = ""
        self._pending: list[Rollup] = []

        self.register_edit = QLineEdit(self)
        self.register_button = QPushButton(self)
        self.folder_edit = QLineEdit(self)
        self.folder_button = QPushButton(self)
        self.week_day = QDateEdit(self)
        self.week_day.setCalendarPopup(True)
        self.week_day.setDisplayFormat("dd/MM/yyyy")
        last = last_full_week(utc_now()).first
        self.week_day.setDate(QDate(last.year, last.month, last.day))
        self.week_label = QLabel(self)
        self.run_button = QPushButton(self)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.figures = QLabel(self)
        self.figures.setObjectName("rollupFigures")
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = DistrictChart(self)
        self.legend = QLabel(self)
        self.legend.setObjectName("rollupLegend")
        self.unmatched = QListWidget(self)
        self.unmatched.setObjectName("rollupUnmatched")
        self.unmatched.setMaximumHeight(110)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.workbook_button = QPushButton(self)
        self.letter_button = QPushButton(self)
        self.close_button = QPushButton(self)

        form = QFormLayout()
        self.register_label, self.folder_label, self.week_title = QLabel(), QLabel(), QLabel()
        for label, edit, button in (
            (self.register_label, self.register_edit, self.register_button),
            (self.folder_label, self.folder_edit, self.folder_button),
        ):
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(button)
            form.addRow(label, row)
        week_row = QHBoxLayout()
        week_row.addWidget(self.week_day)
        week_row.addWidget(self.week_label, 1)
        form.addRow(self.week_title, week_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        buttons.addWidget(self.workbook_button)
        buttons.addWidget(self.letter_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.figures)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.legend)
        self.unmatched_label = QLabel(self)
        layout.addWidget(self.unmatched_label)
        layout.addWidget(self.unmatched)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._connect_signals()
        self._set_busy(False)
        self.retranslate_ui()
        self.resize(720, 620)

    def _connect_signals(self) -> None:
        self.register_button.clicked.connect(self.on_choose_register)
        self.folder_button.clicked.connect(self.on_choose_folder)
        self.week_day.dateChanged.connect(self.on_week_changed)
        self.run_button.clicked.connect(self.run_rollup)
        self.workbook_button.clicked.connect(self.on_save_workbook)
        self.letter_button.clicked.connect(self.on_save_letter)
        self.close_button.clicked.connect(self.reject)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Roll up the weekly reports"))
        self.register_label.setText(self.tr("&Register of points:"))
        self.register_label.setBuddy(self.register_edit)
        self.folder_label.setText(self.tr("&Folder of reports:"))
        self.folder_label.setBuddy(self.folder_edit)
        self.week_title.setText(self.tr("&Week (any day of it):"))
        self.week_title.setBuddy(self.week_day)
        self.register_button.setText(self.tr("Choose…"))
        self.folder_button.setText(self.tr("Choose…"))
        self.run_button.setText(self.tr("R&oll up"))
        self.workbook_button.setText(self.tr("Save the &workbook…"))
        self.letter_button.setText(self.tr("Save the &letter…"))
        self.close_button.setText(self.tr("Close"))
        self.unmatched_label.setText(self.tr("Files not counted:"))
        # The workbook's own words for its chart's two series (one vocabulary).
        this_week, previous = t("rollup.col.scans"), t("rollup.col.previous")
        self.legend.setText(
            f'<span style="color:{THIS_WEEK.name()}">■</span> {this_week}&nbsp;&nbsp;'
            f'<span style="color:{PREVIOUS_WEEK.name()}">■</span> {previous}'
        )
        self.on_week_changed()
        self._show_figures()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ----- input ------------------------------------------------------------------------
    def period(self) -> Period:
        day = self.week_day.date()
        return week_containing(date(day.year(), day.month(), day.day()))

    def on_week_changed(self) -> None:
        self.week_label.setText(describe(self.period()))

    def on_choose_register(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Register of points"), "", self.tr("Register (*.csv *.xlsx)")
        )
        if path:
            self.register_edit.setText(path)

    def on_choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder of reports"))
        if path:
            self.folder_edit.setText(path)

    # ----- work -------------------------------------------------------------------------
    def run_rollup(self) -> bool:
        register, folder, period = (
            Path(self.register_edit.text()),
            self.folder_edit.text(),
            self.period(),
        )
        db = self.ctx.db

        def work(progress: Callable[[int, int], None]) -> str:
            points = read_register(register)
            result = roll_up(db, points, period, [Path(folder)] if folder else [], progress)
            self._pending.append(result)
            return t(
                "rollup.summary_line",
                week=describe(result.period),
                points=result.points,
                reported=result.reported,
                zero=result.zero,
                missing=result.missing,
                scans=result.scans,
                previous=result.previous_scans,
            )

        return self._start("rollup", work)

    def save_workbook_to(self, path: str | Path) -> bool:
        return self._save(path, "xlsx", "workbook")

    def save_letter_to(self, path: str | Path) -> bool:
        return self._save(path, "docx", "letter")

    def _save(self, path: str | Path, fmt: str, task: str) -> bool:
        result, settings = self.rollup, self.ctx.settings
        if result is None:
            return False

        db = self.ctx.db

        def work(_progress: Callable[[int, int], None]) -> str:
            from desk_app.rollup.outputs import write_output

            target = check_target(path, fmt)
            write_output(db, target, fmt, result, settings)
            return t("rollup.written", path=target)

        return self._start(task, work)

    def _shown_week(self) -> str:
        """The week of the figures shown (and saved), which the date picked since may not be."""
        return (self.rollup.period if self.rollup is not None else self.period()).label

    def on_save_workbook(self) -> None:
        name = f"tong-hop-{self._shown_week()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the workbook"), name, self.tr("Excel workbook (*.xlsx)")
        )
        if path:
            self.save_workbook_to(path)

    def on_save_letter(self) -> None:
        name = f"cong-van-{self._shown_week()}.docx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the letter"), name, self.tr("Word document (*.docx)")
        )
        if path:
            self.save_letter_to(path)

    def _start(self, task: str, work: Callable[[Callable[[int, int], None]], str]) -> bool:
        if self.job is not None:
            return False
        self._task = task
        self.job = Job(work)
        self.job.progress.connect(self.on_progress)
        self.job.succeeded.connect(self.on_job_succeeded)
        self.job.failed.connect(self.on_job_failed)
        self._set_busy(True)
        self.status.setText(self.tr("Working…"))
        start_job(self.job)
        return True

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.run_button, self.register_button, self.folder_button, self.week_day):
            widget.setEnabled(not busy)
        for button in (self.workbook_button, self.letter_button):
            button.setEnabled(not busy and self.rollup is not None)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)  # busy until the first count arrives

    def on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def on_job_succeeded(self, message: str) -> None:
        if self._task == "rollup" and self._pending:
            self.rollup = self._pending.pop()
            self._show_figures()
        self._finish(True, message)

    def on_job_failed(self, message: str) -> None:
        self._finish(False, message)

    def _finish(self, ok: bool, message: str) -> None:
        self.job = None
        self._set_busy(False)
        self.status.setText(message)
        self.status.setStyleSheet("" if ok else error_style())
        self.job_finished.emit(self._task, ok, message)

    def _show_figures(self) -> None:
        r = self.rollup
        self.chart.show_rollup(r)
        self.unmatched.clear()
        if r is None:
            self.figures.setText("")
            return
        share = "–" if r.share_by_code is None else f"{r.share_by_code:.1f}"
        lines = [
            f"<b>{describe(r.period)}</b>",
            self.tr("Points: %1 · reported: %2 · reported zero: %3 · sent nothing: %4")
            .replace("%1", str(r.points))
            .replace("%2", str(r.reported))
            .replace("%3", str(r.zero))
            .replace("%4", str(r.missing)),
            self.tr("Scans: %1 · previous week: %2 · change: %3 · by QR code: %4 %")
            .replace("%1", str(r.scans))
            .replace("%2", str(r.previous_scans))
            .replace("%3", f"{r.change:+d}")
            .replace("%4", share),
        ]
        self.figures.setText("<br>".join(lines))
        for note in (*r.unmatched, *r.superseded):
            self.unmatched.addItem(f"{Path(note.path).name}: {note.message()}")
