"""The settings, behind the manager PIN: this desk, visits, the unit, mail, language and PIN.

The dialog only stores settings and says which changed (``settings_changed``, also
``changed_keys``); the main window applies them (language, camera, scanner port, sound). The mail
password goes to the operating system's password store (keyring), never to the database.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.context import AppContext
from desk_app.ui.dialogs.setup.camera_choice import CameraChoice
from desk_app.ui.dialogs.setup.mail_form import MailForm
from desk_app.ui.dialogs.setup.pin_dialogs import offer_new_pin
from desk_app.ui.dialogs.setup.scanner_choice import ScannerChoice
from desk_app.ui.dialogs.setup.setup_forms import (
    Problem,
    UnitForm,
    VisitRulesForm,
    changed_values,
    error_label,
    show_problem,
)

log = logging.getLogger(__name__)

LANGUAGE_NAMES = (("vi", "Tiếng Việt"), ("en", "English"))


class SettingsDialog(QDialog):
    """Edits the settings; ask for the manager PIN before opening it (``ask_manager_pin``)."""

    settings_changed = Signal(list)  # the keys that changed, once saved

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        cameras: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setModal(True)
        self.ctx = ctx
        self.changed_keys: list[str] = []
        self.tabs = QTabWidget(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._build_desk_tab()
        self.rules = VisitRulesForm(self)
        self.tabs.addTab(self.rules, "")
        self.unit = UnitForm(self)
        self.tabs.addTab(self.unit, "")
        self.mail = MailForm(self)
        self.tabs.addTab(self.mail, "")
        self._build_language_tab()
        self.load()
        if cameras is None:
            self.camera_choice.list_in_background()
        else:
            self.camera_choice.set_cameras(cameras)
        self.unit.checkpoints.textChanged.connect(self._fill_checkpoints)
        self.retranslate_ui()

    # ----- building --------------------------------------------------------------------
    def _build_desk_tab(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.desk_name = QLineEdit(page)
        self.desk_name.setObjectName("desk_name")
        self.desk_name.setMaxLength(60)
        self.checkpoint = QComboBox(page)
        self.checkpoint.setObjectName("desk_checkpoint")
        self.camera_choice = CameraChoice(page)
        self.camera, self.source = self.camera_choice.combo, self.camera_choice.source
        self.debounce = QSpinBox(page)
        self.debounce.setObjectName("debounce")
        self.debounce.setRange(0, 3600)
        self.sound = QCheckBox(page)
        self.sound.setObjectName("sound")
        self.desk_labels = [QLabel(page) for _ in range(4)]
        for label, field in zip(
            self.desk_labels,
            (self.desk_name, self.checkpoint, self.camera_choice, self.debounce),
            strict=True,
        ):
            form.addRow(label, field)
            label.setBuddy(field)
        self.desk_labels[2].setBuddy(self.camera)
        form.addRow("", self.sound)
        self.scanner = ScannerChoice(page)
        form.addRow(self.scanner)
        self.tabs.addTab(page, "")

    def _build_language_tab(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.language = QComboBox(page)
        self.language.setObjectName("language")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)  # each language named in itself
        self.language_label = QLabel(page)
        self.language_label.setBuddy(self.language)
        form.addRow(self.language_label, self.language)
        self.change_pin = QPushButton(page)
        self.change_pin.setObjectName("change_pin")
        self.change_pin.clicked.connect(self.on_change_pin)
        self.pin_label = QLabel(page)
        form.addRow(self.pin_label, self.change_pin)
        self.tabs.addTab(page, "")

    # ----- texts -----------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for index, title in enumerate(
            (
                self.tr("&Desk"),
                self.tr("&Visits"),
                self.tr("&Unit"),
                self.tr("&Mail"),
                self.tr("&Language and PIN"),
            )
        ):
            self.tabs.setTabText(index, title)
        for label, text in zip(
            self.desk_labels,
            (
                self.tr("Desk &name"),
                self.tr("&Checkpoint of this desk"),
                self.tr("C&amera"),
                self.tr("&Repeat window"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.desk_name.setPlaceholderText(self.tr("Default: the computer's name"))
        self.debounce.setSuffix(self.tr(" s"))
        self.debounce.setToolTip(
            self.tr("The same person scanned again within this time is not recorded twice")
        )
        self.sound.setText(self.tr("&Play a short sound per scan"))
        self.language_label.setText(self.tr("&Language"))
        self.pin_label.setText(self.tr("Manager PIN"))
        self.change_pin.setText(self.tr("&Change the PIN…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ----- values ----------------------------------------------------------------------
    def load(self) -> None:
        settings = self.ctx.settings
        self.desk_name.setText(settings.text("desk.name"))
        self.unit.load(settings)
        self._fill_checkpoints()
        self.camera_choice.set_value(settings.text("scan.camera"))
        self.debounce.setValue(settings.number("scan.debounce_seconds"))
        self.sound.setChecked(settings.flag("scan.sound"))
        self.scanner.load(settings)
        self.rules.load(settings)
        self.mail.load(settings)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.text("ui.language"))))

    def _fill_checkpoints(self) -> None:
        current = self.checkpoint.currentText() or self.ctx.settings.text("desk.checkpoint")
        self.checkpoint.blockSignals(True)
        self.checkpoint.clear()
        self.checkpoint.addItems(self.unit.checkpoint_names())
        self.checkpoint.setCurrentIndex(max(0, self.checkpoint.findText(current)))
        self.checkpoint.blockSignals(False)

    def camera_value(self) -> str:
        return self.camera_choice.value()

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "desk.name": self.desk_name.text().strip(),
            "desk.checkpoint": self.checkpoint.currentText(),
            "scan.camera": self.camera_value(),
            "scan.debounce_seconds": self.debounce.value(),
            "scan.sound": self.sound.isChecked(),
            "ui.language": self.language.currentData(),
        }
        values.update(self.scanner.values())
        values.update(self.rules.values())
        values.update(self.unit.values())
        values.update(self.mail.values())
        return values

    def problem(self) -> tuple[int, Problem] | None:
        """(tab index, problem) of the first value that cannot be saved."""
        camera_problem = self.camera_choice.problem()
        if camera_problem:
            return 0, camera_problem
        # A name once given cannot be cleared; a unit that skipped the set-up may save without.
        unit_problem = self.unit.problem(require_name=bool(self.ctx.settings.text("unit.name")))
        if unit_problem:
            return 2, unit_problem
        mail_problem = self.mail.problem()
        if mail_problem:
            return 3, mail_problem
        return None

    # ----- actions ---------------------------------------------------------------------
    def on_change_pin(self) -> None:
        if offer_new_pin(self.ctx, self):
            self.settings_changed.emit(["manager.pin_hash"])

    def accept(self) -> None:
        found = self.problem()
        if found is not None:
            tab, problem = found
            self.tabs.setCurrentIndex(tab)
            show_problem(self.error, problem)
            return
        show_problem(self.error, None)
        settings = self.ctx.settings
        values = self.values()
        # The password first: if the store refuses it, nothing is saved and the dialog stays.
        refused = self.mail.save_password(settings.text("mail.user"), values["mail.user"])
        if refused:
            self.tabs.setCurrentIndex(3)
            show_problem(self.error, refused)
            return
        changed = changed_values(settings, values)
        for key, value in changed.items():
            settings.set(key, value)
        if self.mail.password.text():
            changed["mail.password"] = True
            self.mail.password.clear()
        self.changed_keys = list(changed)
        if self.changed_keys:
            self.ctx.log.audit("settings_changed", ", ".join(self.changed_keys))
            self.settings_changed.emit(self.changed_keys)
        super().accept()
