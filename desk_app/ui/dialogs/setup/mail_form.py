"""The mail settings form (server, sender, recipients, reminder); the password to the keyring."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from desk_app import mail_password
from desk_app.domain.pin import SettingsLike
from desk_app.settings import is_email
from desk_app.ui.dialogs.setup.setup_forms import Problem, RetranslatedWidget

SECURITY = ("ssl", "starttls", "none")


def split_addresses(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", text) if part]


class MailForm(RetranslatedWidget):
    """How the weekly report is sent; the password field writes to the password store only."""

    NAMES = ("host", "port", "security", "user", "password", "sender", "recipients",
             "reminder_day", "reminder_time")  # fmt: skip

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.host = QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.security = QComboBox(self)
        for value in SECURITY:
            self.security.addItem("", value)
        self.user = QLineEdit(self)
        self.user.editingFinished.connect(self.show_keyring_state)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        self.sender_address = QLineEdit(self)
        self.recipients = QPlainTextEdit(self)
        self.recipients.setTabChangesFocus(True)
        self.recipients.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.reminder_day = QComboBox(self)
        for day in range(7):
            self.reminder_day.addItem("", day)
        self.reminder_time = QTimeEdit(self)
        self.reminder_time.setDisplayFormat("HH:mm")
        fields: list[QWidget] = [self.host, self.port, self.security, self.user, self.password,
                                 self.sender_address, self.recipients, self.reminder_day,
                                 self.reminder_time]  # fmt: skip
        self.labels: list[QLabel] = []
        for name, field in zip(self.NAMES, fields, strict=True):
            field.setObjectName(f"mail_{name}")
            label = QLabel(self)
            label.setBuddy(field)
            form.addRow(label, field)
            self.labels.append(label)
            if name == "password":
                form.addRow("", self.keyring_note)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        texts = (self.tr("SMTP &server"), self.tr("&Port"), self.tr("Se&curity"),
                 self.tr("User &name"), self.tr("Pass&word"), self.tr("S&ender address"),
                 self.tr("&Recipients"), self.tr("Report &reminder day"),
                 self.tr("Reminder &from"))  # fmt: skip
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        securities = (self.tr("SSL/TLS"), self.tr("STARTTLS"), self.tr("None (not encrypted)"))
        for index, text in enumerate(securities):
            self.security.setItemText(index, text)
        self.recipients.setPlaceholderText(self.tr("One address per line"))
        days = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"),
                self.tr("Thursday"), self.tr("Friday"), self.tr("Saturday"),
                self.tr("Sunday"))  # fmt: skip
        for index, day in enumerate(days):
            self.reminder_day.setItemText(index, day)
        self.show_keyring_state()

    def show_keyring_state(self) -> None:
        if not mail_password.available():
            self.password.setEnabled(False)
            self.password.setPlaceholderText("")
            self.keyring_note.setText(
                self.tr(
                    "This computer has no password store, so the mail password cannot be "
                    "saved. The report will ask for it when it is sent."
                )
            )
            return
        self.password.setEnabled(True)
        stored = mail_password.has_password(self.user.text().strip())
        self.password.setPlaceholderText(
            self.tr("Saved: type a new one to replace it") if stored else ""
        )
        self.keyring_note.setText(
            self.tr("Kept in the system's password store, never in the log database.")
        )

    def load(self, settings: SettingsLike) -> None:
        self.host.setText(str(settings.get("mail.host")))
        self.port.setValue(int(settings.get("mail.port")))
        self.security.setCurrentIndex(max(0, self.security.findData(settings.get("mail.security"))))
        self.user.setText(str(settings.get("mail.user")))
        self.sender_address.setText(str(settings.get("mail.sender")))
        self.recipients.setPlainText("\n".join(settings.get("mail.recipients") or []))
        self.reminder_day.setCurrentIndex(int(settings.get("report.reminder_weekday")))
        hours, minutes = str(settings.get("report.reminder_time")).split(":")
        self.reminder_time.setTime(QTime(int(hours), int(minutes)))
        self.show_keyring_state()

    def values(self) -> dict[str, Any]:
        return {
            "mail.host": self.host.text().strip(),
            "mail.port": self.port.value(),
            "mail.security": self.security.currentData(),
            "mail.user": self.user.text().strip(),
            "mail.sender": self.sender_address.text().strip(),
            "mail.recipients": split_addresses(self.recipients.toPlainText()),
            "report.reminder_weekday": self.reminder_day.currentIndex(),
            "report.reminder_time": self.reminder_time.time().toString("HH:mm"),
        }

    def problem(self) -> Problem | None:
        sender = self.sender_address.text().strip()
        if sender and not is_email(sender):
            return self.sender_address, self.tr("The sender address is not an e-mail address.")
        for address in split_addresses(self.recipients.toPlainText()):
            if not is_email(address):
                return self.recipients, self.tr("Not an e-mail address: %1").replace("%1", address)
        return None

    def save_password(self, old_user: str, new_user: str) -> Problem | None:
        """Store a typed password, or move the saved one to a new user name; None when done."""
        if not mail_password.available():
            return None
        typed = self.password.text()
        try:
            if typed:
                mail_password.store(new_user, typed)
            elif old_user != new_user:
                mail_password.move(old_user, new_user)
        except mail_password.SecretStoreError:
            message = self.tr("The password store refused the password; nothing was saved.")
            return self.password, message
        return None
