"""The manager PIN prompt, asked before the settings open and before an ID is shown in full.

No PIN set yet (a unit that skipped the set-up): the prompt offers to set one instead, and
the protected action goes ahead only once a PIN exists, so nothing stays open by accident.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desk_app.context import AppContext
from desk_app.domain.pin import Attempt, PinCheck, PinGuard, set_manager_pin
from desk_app.i18n import t
from desk_app.storage.pin_store import DatabaseLockStore
from desk_app.ui.colours import error_style
from desk_app.ui.dialogs.setup.setup_forms import NewPinDialog, pin_edit


class PinDialog(QDialog):
    """Asks for the manager PIN; accepted only on the right PIN, honouring the wait."""

    attempted = Signal(object)  # Attempt, after each PIN checked (for the audit record)

    def __init__(self, guard: PinGuard, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setModal(True)
        self.setMinimumWidth(400)
        self.guard = guard
        layout = QVBoxLayout(self)
        self.reason = QLabel(reason, self)
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)
        form = QFormLayout()
        self.pin = pin_edit(self)
        self.pin.setObjectName("pin")
        self.pin_label = QLabel(self)
        self.pin_label.setBuddy(self.pin)
        form.addRow(self.pin_label, self.pin)
        layout.addLayout(form)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setStyleSheet(error_style())
        self.status.setWordWrap(True)
        # Room for two lines, so the wait message does not push the buttons off a fixed dialog.
        self.status.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 4)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Counts the wait down on screen; the guard, not the timer, decides.
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Manager PIN"))
        self.pin_label.setText(self.tr("Manager &PIN"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def locked(self) -> bool:
        return not self.pin.isEnabled()

    def refresh(self) -> None:
        wait = self.guard.wait_seconds()
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.pin.setEnabled(wait <= 0)
        ok_button.setEnabled(wait <= 0)
        if wait > 0:
            self.status.setText(t("setup.pin_locked", seconds=math.ceil(wait)))
            if not self.timer.isActive():
                self.timer.start()
            return
        if self.timer.isActive():
            self.timer.stop()
            self.status.clear()
        self.pin.setFocus()

    def accept(self) -> None:
        if self.locked():
            self.pin.clear()
            return
        attempt = self.guard.check(self.pin.text())
        self.pin.clear()
        self.attempted.emit(attempt)
        if attempt.ok:
            self.timer.stop()
            super().accept()
            return
        if attempt.result is PinCheck.WRONG:
            self.status.setText(t("setup.pin_wrong", tries=attempt.tries_before_wait))
        self.refresh()

    def done(self, result: int) -> None:
        self.timer.stop()
        super().done(result)


def offer_new_pin(ctx: AppContext, parent: QWidget | None, explanation: str = "") -> bool:
    """Ask for a new manager PIN and store it; False when the user cancels."""
    dialog = NewPinDialog(parent, explanation)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    set_manager_pin(ctx.settings, dialog.pin())
    ctx.log.audit("manager_pin_set")
    return True


def ask_manager_pin(
    ctx: AppContext, parent: QWidget | None, reason: str, *, guard: PinGuard | None = None
) -> bool:
    """True once the manager PIN was typed right; every wrong PIN and wait is audited.

    With no PIN set yet the user is offered to set one: True once it is set, False if not.
    """
    if guard is None:
        # Desks sharing one database share the count of wrong PINs: read it afresh.
        ctx.settings.reload()
        guard = PinGuard.for_settings(ctx.settings, store=DatabaseLockStore(ctx.db, ctx.settings))
    if not guard.has_pin():
        explanation = "\n\n".join(
            [
                reason,
                QCoreApplication.translate(
                    "PinDialogs",
                    "No manager PIN has been set yet. Set one now: it will be asked before "
                    "the settings open and before an ID number is shown in full.",
                ),
            ]
        )
        return offer_new_pin(ctx, parent, explanation.strip())

    def audit(attempt: Attempt) -> None:
        if attempt.result is PinCheck.OK:
            ctx.log.audit("manager_pin_ok", reason)
        elif attempt.result is PinCheck.LOCKED:
            ctx.log.audit("manager_pin_wait", f"{reason} ({math.ceil(attempt.wait_seconds)} s)")
        else:
            ctx.log.audit("manager_pin_wrong", reason)

    dialog = PinDialog(guard, reason, parent)
    dialog.attempted.connect(audit)
    return dialog.exec() == QDialog.DialogCode.Accepted
