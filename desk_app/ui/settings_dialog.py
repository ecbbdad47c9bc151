"""The settings, behind the manager PIN: this desk, visits, the unit, mail, language and PIN.

The dialog only stores settings and says which changed (``settings_changed``, also
``changed_keys``); the main window applies them (language, camera, sound). The mail
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
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.context import AppContext
from desk_app.ui.mail_form import MailForm
from desk_app.ui.pin_dialogs import offer_new_pin
from desk_app.ui.setup_forms import (
    Problem,
    UnitForm,
    VisitRulesForm,
    changed_values,
    error_label,
    show_problem,
)

log = logging.getLogger(__name__)

OTHER_SOURCE = "__other__"
LANGUAGE_NAMES = (("vi", "Tiếng Việt"), ("en", "English"))


def camera_choices() -> list[tuple[str, str]]:
    """(value for ``scan.camera``, name) of the cameras found; [] when none can be listed."""
    try:
        from desk_app.scanning.sources import list_cameras  # type: ignore[attr-defined]
    except ImportError:
        return []
    try:
        found = list(list_cameras())
    except Exception:  # a camera driver failing must not keep the settings closed
        log.exception("Listing cameras failed")
        return []
    choices = []
    for position, item in enumerate(found):
        if isinstance(item, tuple | list) and len(item) >= 2:
            value, name = item[0], item[1]
        else:
            value = getattr(item, "index", position)
            name = getattr(item, "name", None) or str(item)
        choices.append((str(value), str(name)))
    return choices


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
        self._build_desk_tab(camera_choices() if cameras is None else cameras)
        self.rules = VisitRulesForm(self)
        self.tabs.addTab(self.rules, "")
        self.unit = UnitForm(self)
        self.tabs.addTab(self.unit, "")
        self.mail = MailForm(self)
        self.tabs.addTab(self.mail, "")
        self._build_language_tab()
        self.load()
        self.unit.checkpoints.textChanged.connect(self._fill_checkpoints)
        self.retranslate_ui()

    # ----- building --------------------------------------------------------------------
    def _build_desk_tab(self, cameras: list[tuple[str, str]]) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.desk_name = QLineEdit(page)
        self.desk_name.setObjectName("desk_name")
        self.desk_name.setMaxLength(60)
        self.checkpoint = QComboBox(page)
        self.checkpoint.setObjectName("desk_checkpoint")
        self.camera = QComboBox(page)
        self.camera.setObjectName("camera")
        for value, name in cameras:
            self.camera.addItem(name, value)
        self.camera.addItem("", OTHER_SOURCE)
        source_box = QWidget(page)
        self.source = QLineEdit(source_box)
        self.source.setObjectName("camera_source")
        self.browse = QPushButton(source_box)
        self.browse.clicked.connect(self.on_browse)
        source_row = QHBoxLayout(source_box)
        source_row.setContentsMargins(0, 0, 0, 0)
        source_row.addWidget(self.source, 1)
        source_row.addWidget(self.browse)
        self.camera.currentIndexChanged.connect(self._source_enabled)
        self.debounce = QSpinBox(page)
        self.debounce.setObjectName("debounce")
        self.debounce.setRange(0, 3600)
        self.sound = QCheckBox(page)
        self.sound.setObjectName("sound")
        self.desk_labels = [QLabel(page) for _ in range(5)]
        for label, field in zip(
            self.desk_labels,
            (self.desk_name, self.checkpoint, self.camera, source_box, self.debounce),
            strict=True,
        ):
            form.addRow(label, field)
            label.setBuddy(field)
        self.desk_labels[3].setBuddy(self.source)
        form.addRow("", self.sound)
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
                self.tr("&Other source"),
                self.tr("&Repeat window"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.desk_name.setPlaceholderText(self.tr("Default: the computer's name"))
        self.camera.setItemText(
            self.camera.count() - 1, self.tr("Camera number, video file or stream address")
        )
        self.source.setPlaceholderText(self.tr("e.g. 1, D:\\video.mp4 or rtsp://…"))
        self.browse.setText(self.tr("&Browse…"))
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
        self.desk_name.setText(str(settings.get("desk.name")))
        self.unit.load(settings)
        self._fill_checkpoints()
        current = str(settings.get("scan.camera"))
        index = self.camera.findData(current)
        if index < 0:
            index = self.camera.count() - 1
            self.source.setText(current)
        self.camera.setCurrentIndex(index)
        self._source_enabled()
        self.debounce.setValue(int(settings.get("scan.debounce_seconds")))
        self.sound.setChecked(bool(settings.get("scan.sound")))
        self.rules.load(settings)
        self.mail.load(settings)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("ui.language"))))

    def _fill_checkpoints(self) -> None:
        current = self.checkpoint.currentText() or str(self.ctx.settings.get("desk.checkpoint"))
        self.checkpoint.blockSignals(True)
        self.checkpoint.clear()
        self.checkpoint.addItems(self.unit.checkpoint_names())
        self.checkpoint.setCurrentIndex(max(0, self.checkpoint.findText(current)))
        self.checkpoint.blockSignals(False)

    def _source_enabled(self) -> None:
        other = self.camera.currentData() == OTHER_SOURCE
        self.source.setEnabled(other)
        self.browse.setEnabled(other)

    def camera_value(self) -> str:
        data = self.camera.currentData()
        return self.source.text().strip() if data == OTHER_SOURCE else str(data)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "desk.name": self.desk_name.text().strip(),
            "desk.checkpoint": self.checkpoint.currentText(),
            "scan.camera": self.camera_value(),
            "scan.debounce_seconds": self.debounce.value(),
            "scan.sound": self.sound.isChecked(),
            "ui.language": self.language.currentData(),
        }
        values.update(self.rules.values())
        values.update(self.unit.values())
        values.update(self.mail.values())
        return values

    def problem(self) -> tuple[int, Problem] | None:
        """(tab index, problem) of the first value that cannot be saved."""
        if self.camera.currentData() == OTHER_SOURCE and not self.source.text().strip():
            return 0, (self.source, self.tr("Enter a camera number, a video file or an address."))
        # A name once given cannot be cleared; a unit that skipped the set-up may save without.
        unit_problem = self.unit.problem(require_name=bool(self.ctx.settings.get("unit.name")))
        if unit_problem:
            return 2, unit_problem
        mail_problem = self.mail.problem()
        if mail_problem:
            return 3, mail_problem
        return None

    # ----- actions ---------------------------------------------------------------------
    def on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a video file"),
            self.source.text(),
            self.tr("Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)"),
        )
        if path:
            self.source.setText(path)

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
        refused = self.mail.save_password(str(settings.get("mail.user")), values["mail.user"])
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
