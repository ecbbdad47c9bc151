"""Forms shared by the first-run set-up and the settings: the unit, visit rules, a new PIN."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QTime
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.pin import PIN_MAX_DIGITS, SettingsLike, pin_problem
from desk_app.i18n import t
from desk_app.settings import SettingError, coerce, setting
from desk_app.ui.colours import error_style

# (widget to focus, message) when a form cannot be saved.
Problem = tuple[QWidget, str]

NAME_MAX = 120
CHECKPOINT_MAX = 60


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setStyleSheet(error_style())
    label.setWordWrap(True)
    label.hide()
    return label


def show_problem(label: QLabel, problem: Problem | None) -> bool:
    """Show ``problem`` under a form (and focus its field); True when there is none."""
    if problem is None:
        label.clear()
        label.hide()
        return True
    widget, message = problem
    label.setText(message)
    label.show()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    return False


def pin_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PIN_MAX_DIGITS)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,8}"), edit))
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return edit


class RetranslatedWidget(QWidget):
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        raise NotImplementedError


class UnitForm(RetranslatedWidget):
    """Who the unit is: printed on posters and reports, and where its checkpoints are."""

    KEYS = (
        "unit.name",
        "unit.code",
        "unit.agency",
        "unit.address",
        "unit.contact",
        "unit.place",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self.form = QFormLayout(self)
        for key in self.KEYS:
            edit = QLineEdit(self)
            edit.setObjectName(key.replace(".", "_"))
            edit.setMaxLength(NAME_MAX if key != "unit.address" else 250)
            label = QLabel(self)
            label.setBuddy(edit)
            self.form.addRow(label, edit)
            self.edits[key], self.labels[key] = edit, label
        code = self.edits["unit.code"]
        code.setMaxLength(32)
        code.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[A-Za-z0-9._/-]*"), code)
        )
        self.checkpoints = QPlainTextEdit(self)
        self.checkpoints.setObjectName("unit_checkpoints")
        self.checkpoints.setTabChangesFocus(True)
        self.checkpoints.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.checkpoints_label = QLabel(self)
        self.checkpoints_label.setBuddy(self.checkpoints)
        self.form.addRow(self.checkpoints_label, self.checkpoints)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        texts = {
            "unit.name": self.tr("Unit &name *"),
            "unit.code": self.tr("Point c&ode (given by the province)"),
            "unit.agency": self.tr("Parent &agency"),
            "unit.address": self.tr("A&ddress"),
            "unit.contact": self.tr("&Contact for personal data"),
            "unit.place": self.tr("&Place name on documents"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.edits["unit.name"].setPlaceholderText(self.tr("e.g. People's Committee of Ward 1"))
        self.edits["unit.agency"].setPlaceholderText(
            self.tr("e.g. People's Committee of the District")
        )
        self.edits["unit.code"].setPlaceholderText(self.tr("e.g. BKN-0123, printed on the report"))
        self.edits["unit.contact"].setPlaceholderText(self.tr("Phone or e-mail"))
        self.edits["unit.place"].setPlaceholderText(self.tr("e.g. Bắc Kạn"))
        self.checkpoints_label.setText(self.tr("C&heckpoints *"))
        self.checkpoints.setPlaceholderText(self.tr("One entrance per line, e.g. Main gate"))

    def load(self, settings: SettingsLike) -> None:
        for key, edit in self.edits.items():
            edit.setText(str(settings.get(key) or ""))
        self.checkpoints.setPlainText("\n".join(settings.get("unit.checkpoints") or []))

    def checkpoint_names(self) -> list[str]:
        names: list[str] = []
        for line in self.checkpoints.toPlainText().splitlines():
            name = " ".join(line.split())
            if name and name.casefold() not in (n.casefold() for n in names):
                names.append(name)
        return names

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {k: " ".join(e.text().split()) for k, e in self.edits.items()}
        values["unit.code"] = values["unit.code"].upper()
        values["unit.checkpoints"] = self.checkpoint_names()
        return values

    def problem(self, *, require_name: bool = True) -> Problem | None:
        if require_name and not self.values()["unit.name"]:
            return self.edits["unit.name"], self.tr("Enter the unit's name.")
        try:
            coerce(setting("unit.code"), self.values()["unit.code"])
        except SettingError:
            return self.edits["unit.code"], self.tr(
                "The point code may hold letters, digits and . _ / - only, and must begin "
                "with a letter or a digit."
            )
        names = self.checkpoint_names()
        if not names:
            return self.checkpoints, self.tr("Enter at least one checkpoint.")
        if any(len(name) > CHECKPOINT_MAX for name in names):
            return self.checkpoints, self.tr(
                "A checkpoint name is longer than %1 characters."
            ).replace("%1", str(CHECKPOINT_MAX))
        return None


class VisitRulesForm(RetranslatedWidget):
    """Closing time, automatic check-out and how long visits are kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.closing_time = QTimeEdit(self)
        self.closing_time.setObjectName("closing_time")
        self.closing_time.setDisplayFormat("HH:mm")
        self.closing_label = QLabel(self)
        self.closing_label.setBuddy(self.closing_time)
        form.addRow(self.closing_label, self.closing_time)
        self.auto_checkout = QCheckBox(self)
        self.auto_checkout.setObjectName("auto_checkout")
        form.addRow("", self.auto_checkout)
        spec = setting("retention.days")
        self.retention_days = QSpinBox(self)
        self.retention_days.setObjectName("retention_days")
        self.retention_days.setRange(spec.minimum or 1, spec.maximum or 3650)
        self.retention_label = QLabel(self)
        self.retention_label.setBuddy(self.retention_days)
        form.addRow(self.retention_label, self.retention_days)
        self.auto_purge = QCheckBox(self)
        self.auto_purge.setObjectName("auto_purge")
        form.addRow("", self.auto_purge)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        form.addRow(self.note)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.closing_label.setText(self.tr("&Closing time"))
        self.auto_checkout.setText(self.tr("Check out everyone still inside at closing &time"))
        self.retention_label.setText(self.tr("&Keep visits for"))
        self.retention_days.setSuffix(self.tr(" days"))
        self.auto_purge.setText(self.tr("Delete older visits &automatically at start"))
        self.note.setText(
            self.tr(
                "Visits hold personal data: keep them no longer than the unit needs. "
                "Every deletion is recorded."
            )
        )

    def load(self, settings: SettingsLike) -> None:
        hours, minutes = str(settings.get("visits.closing_time")).split(":")
        self.closing_time.setTime(QTime(int(hours), int(minutes)))
        self.auto_checkout.setChecked(bool(settings.get("visits.auto_checkout")))
        self.retention_days.setValue(int(settings.get("retention.days")))
        self.auto_purge.setChecked(bool(settings.get("retention.auto_purge")))

    def values(self) -> dict[str, Any]:
        return {
            "visits.closing_time": self.closing_time.time().toString("HH:mm"),
            "visits.auto_checkout": self.auto_checkout.isChecked(),
            "retention.days": self.retention_days.value(),
            "retention.auto_purge": self.auto_purge.isChecked(),
        }


class NewPinForm(RetranslatedWidget):
    """A new manager PIN, typed twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.pin = pin_edit(self)
        self.pin.setObjectName("new_pin")
        self.repeat = pin_edit(self)
        self.repeat.setObjectName("repeat_pin")
        self.pin_label, self.repeat_label = QLabel(self), QLabel(self)
        self.pin_label.setBuddy(self.pin)
        self.repeat_label.setBuddy(self.repeat)
        form.addRow(self.pin_label, self.pin)
        form.addRow(self.repeat_label, self.repeat)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.pin_label.setText(self.tr("New &PIN (6 to 8 digits)"))
        self.repeat_label.setText(self.tr("&Repeat the PIN"))

    def value(self) -> str:
        return self.pin.text()

    def problem(self) -> Problem | None:
        message = pin_problem(self.pin.text())
        if message:
            return self.pin, message
        if self.repeat.text() != self.pin.text():
            return self.repeat, t("setup.pin_mismatch")
        return None


class NewPinDialog(QDialog):
    """Asks for a new manager PIN; ``pin()`` holds it once accepted (the caller stores it)."""

    def __init__(self, parent: QWidget | None = None, explanation: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("newPinDialog")
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.explanation = QLabel(explanation, self)
        self.explanation.setWordWrap(True)
        self.explanation.setVisible(bool(explanation))
        layout.addWidget(self.explanation)
        self.form = NewPinForm(self)
        layout.addWidget(self.form)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Manager PIN"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def pin(self) -> str:
        return self.form.value()

    def accept(self) -> None:
        if show_problem(self.error, self.form.problem()):
            super().accept()


def changed_values(settings: SettingsLike, values: dict[str, Any]) -> dict[str, Any]:
    """The entries of ``values`` that differ from the stored settings (after coercion)."""
    changed: dict[str, Any] = {}
    for key, value in values.items():
        try:
            new = coerce(setting(key), value)
        except SettingError:
            new = value
        if new != settings.get(key):
            changed[key] = new
    return changed
