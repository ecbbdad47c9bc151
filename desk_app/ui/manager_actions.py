"""What only the manager may do from the desk: see an ID number in full, change settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desk_app.context import AppContext
from desk_app.domain.visits import VisitRow
from desk_app.ui.optional_parts import optional


def _tr(text: str) -> str:
    return QCoreApplication.translate("ManagerActions", text)


def show_full_id(ctx: AppContext, parent: QWidget, visit: VisitRow) -> QMessageBox | None:
    """Ask the manager PIN, write the audit record, then show the number; None if refused."""
    ask = optional("desk_app.ui.setup_dialogs", "ask_manager_pin")
    if ask is None or not ask(ctx, parent, _tr("Show a full ID number")):
        return None
    ctx.log.audit("full_id_shown", f"visit {visit.id} person {visit.person_id}")
    # Not blocking: scans keep being recorded while the number is on screen.
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _tr("Full ID number"),
        f"{visit.name}\n{visit.id_number}",
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def edit_settings(ctx: AppContext, parent: QWidget) -> list[str] | None:
    """Ask the manager PIN and show the settings; the keys saved, None when refused."""
    dialog_class = optional("desk_app.ui.setup_dialogs", "SettingsDialog")
    ask = optional("desk_app.ui.setup_dialogs", "ask_manager_pin")
    if dialog_class is None or ask is None:
        return None
    if not ask(ctx, parent, _tr("Open the settings")):
        return None
    dialog = dialog_class(ctx, parent)
    dialog.exec()
    return list(getattr(dialog, "changed_keys", []))
