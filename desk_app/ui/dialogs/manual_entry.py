"""Manual entry (Ctrl+N): a visitor without a code, with per-field checks and suggestions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.visits import ManualEntry
from desk_app.i18n import t
from desk_app.timeutil import parse_user_date
from desk_app.ui.colours import error_colour, error_style

FIELDS = ("name", "id_number", "phone", "birth_date", "organisation", "purpose", "host")
SUGGESTED = ("name", "organisation", "purpose", "host")

SuggestionSource = Callable[[str], list[str]]


class ManualEntryDialog(QDialog):
    """Collects a ``ManualEntry``; it is accepted only when every field checks out."""

    def __init__(
        self, suggestions: SuggestionSource | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("manualEntryDialog")
        self.setModal(True)
        self.setMinimumWidth(460)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name in FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"field_{name}")
            error = QLabel(self)
            error.setObjectName(f"error_{name}")
            error.setStyleSheet(error_style())
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(edit)
            box.addWidget(error)
            label = QLabel(self)
            label.setBuddy(edit)
            self.form.addRow(label, box)
            self.labels[name] = label
            self.edits[name] = edit
            self.errors[name] = error
            edit.textEdited.connect(self.on_text_edited)
        self.edits["name"].setMaxLength(200)
        self.edits["id_number"].setMaxLength(20)
        self.edits["phone"].setMaxLength(20)
        self.edits["birth_date"].setMaxLength(10)
        if suggestions is not None:
            for name in SUGGESTED:
                self._add_completer(name, suggestions(name))

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self._checked = False  # show problems live only after a first attempt
        self.retranslate_ui()
        self.edits["name"].setFocus()

    def _add_completer(self, name: str, values: list[str]) -> None:
        if not values:
            return
        completer = QCompleter(self)
        completer.setModel(QStringListModel(values, completer))
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edits[name].setCompleter(completer)

    # ----- values and checks -----------------------------------------------------------
    def value(self, name: str) -> str:
        return self.edits[name].text()

    def problems(self) -> dict[str, str]:
        """Field -> translated message for each field that does not check out."""
        entry, birth_ok = self._build()
        found = {field: t(key) for field, key in entry.problems().items()}
        if not birth_ok:
            found["birth_date"] = self.tr("Birth date: use DD/MM/YYYY")
        return found

    def _build(self) -> tuple[ManualEntry, bool]:
        birth_text = self.value("birth_date").strip()
        birth = None
        birth_ok = True
        if birth_text:
            try:
                birth = parse_user_date(birth_text)
            except ValueError:
                birth_ok = False
        entry = ManualEntry(
            name=self.value("name"),
            id_number=self.value("id_number"),
            phone=self.value("phone"),
            organisation=self.value("organisation"),
            purpose=self.value("purpose"),
            host=self.value("host"),
            birth_date=birth,
        )
        return entry, birth_ok

    def fill(self, entry: ManualEntry) -> None:
        """The fields as ``entry`` has them (an entry the log refused, to be sent again)."""
        birth = entry.birth_date.strftime("%d/%m/%Y") if entry.birth_date else ""
        values = {
            "name": entry.name,
            "id_number": entry.id_number,
            "phone": entry.phone,
            "birth_date": birth,
            "organisation": entry.organisation,
            "purpose": entry.purpose,
            "host": entry.host,
        }
        for name, value in values.items():
            if name in self.edits:
                self.edits[name].setText(value)

    def entry(self) -> ManualEntry:
        return self._build()[0].cleaned()

    def show_problems(self, problems: dict[str, str]) -> None:
        for name, label in self.errors.items():
            message = problems.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
            self.edits[name].setProperty("invalid", bool(message))
            border = f"border: 2px solid {error_colour()};"
            self.edits[name].setStyleSheet(border if message else "")
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show every problem whole: a wrapped line's second line is not counted in
        the dialog's minimum size, so Qt alone would clip it."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else 0
        if needed > self.height():
            self.resize(self.width(), needed)

    def accept(self) -> None:
        self._checked = True
        problems = self.problems()
        self.show_problems(problems)
        if problems:
            first = next(name for name in FIELDS if name in problems)
            self.edits[first].setFocus()
            return
        super().accept()

    def on_text_edited(self, _text: str) -> None:
        if self._checked:
            self.show_problems(self.problems())

    # ----- language --------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Manual entry"))
        self.intro.setText(self.tr("For a visitor without a code. Only the name is required."))
        labels = {
            "name": self.tr("Full name *"),
            "id_number": self.tr("ID number"),
            "phone": self.tr("Phone"),
            "birth_date": self.tr("Birth date"),
            "organisation": self.tr("Organisation"),
            "purpose": self.tr("Purpose"),
            "host": self.tr("Visiting"),
        }
        for name, text in labels.items():
            self.labels[name].setText(text)
            self.edits[name].setAccessibleName(text)
        self.edits["birth_date"].setPlaceholderText(self.tr("DD/MM/YYYY"))
        self.edits["id_number"].setPlaceholderText(self.tr("9 or 12 digits, or a passport"))
        if self._checked:
            self.show_problems(self.problems())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
