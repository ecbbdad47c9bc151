"""Opening the window's dialogs. Each is imported when first opened (the report one pulls in
openpyxl) and deletes itself when closed; ``DeskDialogs`` opens them for the desk window."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desk_app.context import AppContext
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.ui.dialogs.manager_actions import edit_settings, show_full_id
from desk_app.ui.dialogs.manual_entry import ManualEntryDialog

if TYPE_CHECKING:
    from desk_app.domain.visits import ManualEntry
    from desk_app.ui.desk.layout import DeskArea

log = logging.getLogger(__name__)


def _open(dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_report(ctx: AppContext, parent: QWidget) -> QDialog:
    from desk_app.ui.dialogs.reports.report_dialog import ReportDialog

    return _open(ReportDialog(ctx, parent))


def open_rollup(ctx: AppContext, parent: QWidget) -> QDialog:
    from desk_app.ui.dialogs.reports.rollup_dialog import RollupDialog

    return _open(RollupDialog(ctx, parent))


def open_print(ctx: AppContext, parent: QWidget, visit_id: int | None) -> QDialog:
    """Posters, staff cards, and a visitor pass for ``visit_id`` when one is selected."""
    from desk_app.ui.dialogs.printing.print_dialog import PrintDialog

    return _open(PrintDialog(ctx, parent, visit_id=visit_id))


def open_about(ctx: AppContext, parent: QWidget) -> QDialog:
    from desk_app.ui.dialogs.about_dialog import AboutDialog

    return _open(AboutDialog(ctx.db.url, parent))


def open_shortcuts(actions: list[QAction], parent: QWidget) -> QDialog:
    from desk_app.ui.desk.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(actions, parent)
    dialog.open()
    return dialog


class DeskDialogs(QObject):
    """The desk window's dialogs. None blocks the desk: scans keep being recorded while one is
    open (the settings excepted, behind the manager PIN)."""

    manual_entered = Signal(object)  # a ManualEntry to record
    settings_saved = Signal(list)  # the keys saved
    notice = Signal(str)  # a passing line for the status bar

    def __init__(self, ctx: AppContext, area: DeskArea, actions: dict[str, QAction]) -> None:
        super().__init__(area)
        self.ctx = ctx
        self.area = area
        self.actions = actions
        self.manual_dialog: ManualEntryDialog | None = None
        # What was typed into a manual entry the log refused: the next one opens with it.
        self.refused_entry: ManualEntry | None = None
        self.full_id_box: QMessageBox | None = None

    def parent_widget(self) -> QWidget:
        return self.area.window()

    def on_manual_entry(self) -> None:
        if self.manual_dialog is not None and self.manual_dialog.isVisible():
            self.manual_dialog.activateWindow()
            return
        dialog = ManualEntryDialog(self.suggestions, self.parent_widget())
        if self.refused_entry is not None:
            dialog.fill(self.refused_entry)
            self.refused_entry = None
        dialog.accepted.connect(lambda: self.manual_entered.emit(dialog.entry()))
        dialog.finished.connect(self.on_manual_dialog_finished)
        self.manual_dialog = dialog
        dialog.open()

    def keep_refused(self, entry: ManualEntry) -> None:
        """A manual entry the log refused: nothing typed is lost, the next one starts with it
        (not a dialog opened at once, while the closing one is still being taken down)."""
        self.refused_entry = entry
        self.notice.emit(t("manual.kept_for_retry"))

    def suggestions(self, column: str) -> list[str]:
        """Earlier values for the manual entry's fields; none while the log's server is out of
        reach (the entry itself is kept on the desk then)."""
        try:
            return self.ctx.log.suggestions(column, limit=500)
        except UserError as exc:
            log.info("no suggestions for %s: %s", column, exc)
            return []

    def on_manual_dialog_finished(self) -> None:
        if self.manual_dialog is not None:
            self.manual_dialog.deleteLater()
            self.manual_dialog = None

    def on_show_full_id(self) -> None:
        visit = self.area.selected_visit()
        if visit is None or not visit.id_number:
            self.notice.emit(self.tr("Select a visit with an ID number first"))
            return
        self.full_id_box = show_full_id(self.ctx, self.parent_widget(), visit)

    def on_settings(self) -> None:
        changed = edit_settings(self.ctx, self.parent_widget())
        if changed is not None:
            self.settings_saved.emit(changed)

    def on_report(self) -> None:
        open_report(self.ctx, self.parent_widget())

    def on_rollup(self) -> None:
        open_rollup(self.ctx, self.parent_widget())

    def on_print(self) -> None:
        visit = self.area.inside.selected_visit()  # a visitor pass for the one selected inside
        open_print(self.ctx, self.parent_widget(), visit.id if visit else None)

    def on_shortcuts(self) -> None:
        open_shortcuts(list(self.actions.values()), self.parent_widget())

    def on_about(self) -> None:
        open_about(self.ctx, self.parent_widget())
