"""Lines above the desk about personal data: the notice (opens its full text), a red line
when the audit trail fails verification, and a reminder when no backup is recent."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from desk_app.context import AppContext
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.privacy_notice import notice_line, notice_text, notice_title
from desk_app.storage import audit

log = logging.getLogger(__name__)


class PrivacyBar(QWidget):
    """The notice line, the audit warning and the backup reminder (hidden when all is well)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyBar")
        self.ctx = ctx
        self.notice_box: QMessageBox | None = None
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.notice.linkActivated.connect(self.on_link)
        self.person_dialog: QDialog | None = None
        self.audit_warning = QLabel(self)
        self.audit_warning.setObjectName("auditWarning")
        self.audit_warning.setStyleSheet("color: white; background: #b00020; padding: 3px;")
        self.audit_warning.setWordWrap(True)
        self.audit_warning.hide()
        self.backup_reminder = QLabel(self)
        self.backup_reminder.setObjectName("backupReminder")
        self.backup_reminder.setStyleSheet("background: #fff4ce; color: #212121; padding: 3px;")
        self.backup_reminder.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.audit_warning)
        layout.addWidget(self.backup_reminder)
        layout.addWidget(self.notice)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        try:
            line = notice_line(self.ctx.settings)
        except UserError:
            line = notice_title()
        self.notice.setText(
            f'<a href="notice" style="color: #444;">{_escape(line)}</a>'
            f' &nbsp; <a href="person">{_escape(t("person.ui.open"))}</a>'
        )
        self.notice.setToolTip(notice_title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def on_link(self, link: str) -> None:
        if link == "person":
            from desk_app.ui.dialogs.person_dialog import open_person_dialog

            self.person_dialog = open_person_dialog(self.ctx, self.window())
        else:
            self.show_notice()

    def show_notice(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            notice_title(),
            notice_text(self.ctx.settings),
            QMessageBox.StandardButton.Close,
            self.window(),
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.notice_box = box
        return box

    def refresh(self) -> None:
        """Verify the audit trail and look at the last backup (at start and each new day)."""
        try:
            verdict = audit.verify(self.ctx.db, self.ctx.settings.unit_secret())
        except UserError as exc:  # a busy database: the next day's check says more
            log.warning("audit not verified: %s", exc)
            return
        if verdict.ok:
            self.audit_warning.hide()
        else:
            self.audit_warning.setText(t("audit.warning_line", id=verdict.bad_id))
            self.audit_warning.show()
        self.refresh_backup()

    def refresh_backup(self) -> None:
        from desk_app.backup import daily_backup, reminder_due

        try:
            daily_backup(self.ctx)
            due = reminder_due(self.ctx)
        except UserError as exc:  # a full disk, a missing folder: the reminder says the rest
            log.warning("daily backup not made: %s", exc)
            due = True
        if due:
            self.backup_reminder.setText(t("backup.reminder"))
        self.backup_reminder.setVisible(due)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
