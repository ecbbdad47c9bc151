"""Opening the window's dialogs. Each is imported when first opened (the report one pulls in
openpyxl) and deletes itself when closed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from desk_app.context import AppContext


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
