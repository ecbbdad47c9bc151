"""The window's centre: the notice line on top; the camera and the result banner on the left;
today's visits and who is inside on the right, in splitters the operator can move."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desk_app.context import AppContext
from desk_app.domain.visits import VisitRow
from desk_app.ui.desk.camera_panel import CameraPanel
from desk_app.ui.desk.inside_panel import InsidePanel
from desk_app.ui.desk.privacy_bar import PrivacyBar
from desk_app.ui.desk.result_banner import ResultBanner
from desk_app.ui.desk.visits_panel import VisitsPanel


class DeskArea(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.camera_panel = CameraPanel(self)
        self.banner = ResultBanner(self)
        self.visits = VisitsPanel(self)
        self.inside = InsidePanel(self)
        self.privacy_bar = PrivacyBar(ctx, self)
        self.reminder: QWidget | None = None
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.camera_panel, 3)
        left_layout.addWidget(self.banner, 0)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.visits)
        right.addWidget(self.inside)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 780])
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(6, 6, 6, 6)
        self.column.addWidget(self.privacy_bar)
        self.column.addWidget(splitter, 1)

    def show_reminder(self, reminder: QWidget) -> None:
        """A banner above everything else (the Friday report reminder), shown once."""
        if self.reminder is None:
            self.reminder = reminder
            self.column.insertWidget(0, reminder)

    def selected_visit(self) -> VisitRow | None:
        """The visit the operator points at: in the inside list when it has the focus."""
        if self.inside.list.hasFocus():
            return self.inside.selected_visit()
        return self.visits.selected_visit() or self.inside.selected_visit()

    def request_check_out(self) -> bool:
        """F8: check out the person the operator points at. In today's visits (after a
        search) that is the row selected there, never a person left selected inside; from the
        search field, the one person still inside among its results."""
        if self.visits.search.hasFocus() and self.visits.search.text().strip():
            visit = self.visits.only_open_match()
        elif self.visits.table.hasFocus():
            visit = self.visits.selected_visit()
        else:
            return self.inside.request_check_out()
        if visit is None:
            return False
        self.inside.check_out_requested.emit(visit.id)
        return True

    def on_reports_preloaded(self) -> None:
        """The Friday report reminder, once the mail room is imported (off the GUI thread)."""
        from desk_app.ui.desk.report_reminder import ReportReminderBanner

        if self.reminder is None:
            self.show_reminder(ReportReminderBanner(self.ctx, self))
