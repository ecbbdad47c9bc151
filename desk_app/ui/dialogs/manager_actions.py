"""What only the manager may do from the desk: see an ID number in full, change settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desk_app.context import AppContext
from desk_app.domain.visits import VisitRow
from desk_app.ui.dialogs.setup import setup_dialogs


def show_full_id(ctx: AppContext, parent: QWidget, visit: VisitRow) -> QMessageBox | None:
    """Ask the manager PIN, write the audit record, then show the number; None if refused."""
    if not setup_dialogs.ask_manager_pin(
        ctx, parent, QCoreApplication.translate("ManagerActions", "Show a full ID number")
    ):
        return None
    ctx.log.audit("full_id_shown", f"visit {visit.id} person {visit.person_id}")
    # Not blocking: scans keep being recorded while the number is on screen.
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("ManagerActions", "Full ID number"),
        f"{visit.name}\n{visit.id_number}",
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def edit_settings(ctx: AppContext, parent: QWidget) -> list[str] | None:
    """Ask the manager PIN and show the settings; the keys saved, None when refused."""
    if not setup_dialogs.ask_manager_pin(
        ctx, parent, QCoreApplication.translate("ManagerActions", "Open the settings")
    ):
        return None
    dialog = setup_dialogs.SettingsDialog(ctx, parent)
    dialog.exec()
    return list(dialog.changed_keys)
