"""Lines above the desk about personal data: the notice (opens its full text), a red line
when the audit trail fails verification, and a reminder when no backup is recent.

The start-of-day checks (verify the audit trail, make the daily backup, look at the last
backup) read the whole audit table and may write a backup file: they run in a background job
and the lines change when it answers, so the desk takes scans meanwhile."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from desk_app.context import AppContext
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.privacy_notice import notice_line, notice_text, notice_title
from desk_app.storage import audit
from desk_app.ui.background import Job, start_job
from desk_app.ui.colours import quiet_colour

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DayChecks:
    """What the start-of-day checks found."""

    audit_bad_id: int | None  # the first record that fails verification; None when all is well
    backup_due: bool


def start_of_day_checks(ctx: AppContext) -> DayChecks | None:
    """Verify the audit trail, make the daily backup if due, and say whether a backup is
    overdue; None when the database is busy (the next day's check says more). No Qt: it runs
    in a background job."""
    from desk_app.backup import daily_backup, reminder_due

    try:
        verdict = audit.verify(ctx.db, ctx.settings.unit_secret())
    except UserError as exc:
        log.warning("audit not verified: %s", exc)
        return None
    try:
        daily_backup(ctx)
        due = reminder_due(ctx)
    except UserError as exc:  # a full disk, a missing folder: the reminder says the rest
        log.warning("daily backup not made: %s", exc)
        due = True
    return DayChecks(None if verdict.ok else verdict.bad_id, due)


class PrivacyBar(QWidget):
    """The notice line, the audit warning and the backup reminder (hidden when all is well).

    ``checked`` is emitted once the lines show the latest checks' answer.
    """

    checked = Signal()
    person_changed = Signal()  # a person's data corrected or deleted in the person dialog

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
        self.check_job: Job | None = None
        self.check_again = False
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        try:
            line = notice_line(self.ctx.settings)
        except UserError:
            line = notice_title()
        self.notice.setText(
            f'<a href="notice" style="color: {quiet_colour()};">{_escape(line)}</a>'
            f' &nbsp; <a href="person">{_escape(t("person.ui.open"))}</a>'
        )
        self.notice.setToolTip(notice_title())

    def changeEvent(self, event: QEvent) -> None:
        # A colour scheme switched while the desk runs recolours the notice too.
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self.retranslate_ui()
        super().changeEvent(event)

    def on_link(self, link: str) -> None:
        if link == "person":
            from desk_app.ui.dialogs.person_dialog import open_person_dialog

            self.person_dialog = open_person_dialog(
                self.ctx, self.window(), self.person_changed.emit
            )
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
        """Run the start-of-day checks in the background (at start and each new day)."""
        if self.check_job is not None:
            self.check_again = True  # asked while checking: check once more at the end
            return
        ctx = self.ctx

        def work(_progress: Callable[[int, int], None]) -> DayChecks | None:
            return start_of_day_checks(ctx)

        self.check_job = Job(work)
        self.check_job.succeeded.connect(self.on_checked)
        self.check_job.failed.connect(self.on_check_failed)
        start_job(self.check_job)

    def on_checked(self, found: DayChecks | None) -> None:
        if found is not None:
            if found.audit_bad_id is None:
                self.audit_warning.hide()
            else:
                self.audit_warning.setText(t("audit.warning_line", id=found.audit_bad_id))
                self.audit_warning.show()
            if found.backup_due:
                self.backup_reminder.setText(t("backup.reminder"))
            self.backup_reminder.setVisible(found.backup_due)
        self._check_ended()

    def on_check_failed(self, message: str) -> None:
        log.warning("start-of-day checks failed: %s", message)
        self._check_ended()

    def _check_ended(self) -> None:
        self.check_job = None
        if self.check_again:
            self.check_again = False
            self.refresh()
        else:
            self.checked.emit()

    def stop(self) -> None:
        """Let a running check end (a backup half written is no backup) and run no more."""
        self.check_again = False
        if self.check_job is not None:
            self.check_job.wait()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
