"""The form that corrects one person's name, birth date, sex, phone or organisation.

It only collects what changed, checked by the same function storage uses
(``correction_value``), so the form refuses what ``desk-app person correct`` refuses; the
person dialog asks for confirmation and stores the change through the same repository call.
The ID number is not offered: it is the key a scanned card finds the person by.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.visits import normalise_text
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.storage.people import CORRECTABLE, correction_value
from desk_app.timeutil import format_date, parse_user_date
from desk_app.ui.colours import error_style

SEXES = ("male", "female")


def shown_value(key: str, value: Any) -> str:
    """A stored value as the form and the confirmation show it."""
    if value in (None, ""):
        return t("person.ui.empty_value")
    if key == "birth_date" and isinstance(value, date):
        return format_date(value)
    if key == "sex" and value in SEXES:
        return t(f"person.sex.{value}")
    return str(value)


def stored_values(person: dict[str, Any]) -> dict[str, Any]:
    """The correctable fields of a person record (``PersonRecord.person``), typed."""
    values = {key: person.get(key) for key in CORRECTABLE}
    born = values["birth_date"]
    values["birth_date"] = date.fromisoformat(born) if isinstance(born, str) and born else None
    return values


class CorrectionForm(QDialog):
    """The correctable fields, filled with what is held; ``changes`` once accepted."""

    def __init__(self, current: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personCorrectionForm")
        self.setWindowTitle(t("person.ui.correct_title", name=current.get("name") or ""))
        self.setMinimumWidth(440)
        self.current = current
        self.changes: dict[str, Any] = {}
        self.name = QLineEdit(current.get("name") or "", self)
        born = current.get("birth_date")
        self.birth_date = QLineEdit(format_date(born) if born else "", self)
        self.birth_date.setPlaceholderText("DD/MM/YYYY")
        self.sex = QComboBox(self)
        self.sex.addItem(t("person.sex.unknown"), None)
        for value in SEXES:
            self.sex.addItem(t(f"person.sex.{value}"), value)
        index = self.sex.findData(current.get("sex"))
        self.sex.setCurrentIndex(max(index, 0))
        self.phone = QLineEdit(current.get("phone") or "", self)
        self.organisation = QLineEdit(current.get("organisation") or "", self)
        self.error = QLabel(self)
        self.error.setObjectName("correctionError")
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        hint = QLabel(t("person.ui.correct_hint"), self)
        hint.setWordWrap(True)
        form = QFormLayout()
        for key, widget in self.fields().items():
            form.addRow(t(f"person.field.{key}"), widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.on_ok)
        self.buttons.rejected.connect(self.reject)

    def fields(self) -> dict[str, QWidget]:
        return {
            "name": self.name,
            "birth_date": self.birth_date,
            "sex": self.sex,
            "phone": self.phone,
            "organisation": self.organisation,
        }

    def typed(self) -> dict[str, Any]:
        """What the form holds, each value as storage keeps it; UserError when one is wrong."""
        born_text = self.birth_date.text().strip()
        born: date | None = None
        if born_text:
            try:
                born = parse_user_date(born_text)
            except ValueError:
                raise UserError(t("person.bad_birth_date", value=born_text)) from None
        given: dict[str, Any] = {
            "name": self.name.text(),
            "birth_date": born,
            "sex": self.sex.currentData(),
            "phone": self.phone.text(),
            "organisation": self.organisation.text(),
        }
        return {key: correction_value(key, value) for key, value in given.items()}

    def on_ok(self) -> None:
        try:
            values = self.typed()
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.changes = {k: v for k, v in values.items() if v != self._held(k)}
        self.error.clear()
        self.accept()

    def _held(self, key: str) -> Any:
        """The value held, as the form would give it back untouched."""
        value = self.current.get(key)
        return (normalise_text(value) or None) if isinstance(value, str) else value
