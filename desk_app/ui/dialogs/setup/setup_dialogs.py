"""First-run set-up, the manager PIN prompt and the settings: what the main window calls.

- ``run_first_run_if_needed(ctx, parent) -> bool``: the set-up wizard while
  ``unit.setup_done`` is false; True when it was completed now (settings written, so the
  window re-reads them). Cancel leaves everything as it was: the desk runs with the defaults
  this time and the wizard comes back at the next start. Never call it for an unattended
  run (``--exit-at-end``): it waits for a person.
- ``ask_manager_pin(ctx, parent, reason) -> bool``: see ``pin_dialogs``.
- ``SettingsDialog(ctx, parent)``: see ``settings_dialog`` (the window opens it behind the
  PIN through ``manager_actions.edit_settings``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desk_app.context import AppContext
from desk_app.domain.pin import set_manager_pin
from desk_app.i18n import language
from desk_app.ui.dialogs.setup.pin_dialogs import PinDialog, ask_manager_pin, offer_new_pin
from desk_app.ui.dialogs.setup.scanner_choice import ScannerChoice
from desk_app.ui.dialogs.setup.settings_dialog import LANGUAGE_NAMES, SettingsDialog
from desk_app.ui.dialogs.setup.setup_forms import (
    NewPinDialog,
    NewPinForm,
    Problem,
    UnitForm,
    VisitRulesForm,
    error_label,
    show_problem,
)

__all__ = [
    "FirstRunWizard",
    "NewPinDialog",
    "PinDialog",
    "SettingsDialog",
    "ask_manager_pin",
    "offer_new_pin",
    "run_first_run_if_needed",
]


class _FormPage(QWizardPage):
    """A wizard page holding one form; Next is refused while the form has a problem."""

    def __init__(self, form: QWidget, check: Callable[[], Problem | None] | None = None) -> None:
        super().__init__()
        self.check = check
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout.addWidget(self.intro)
        layout.addWidget(form)
        layout.addStretch(1)
        self.error = error_label(self)
        layout.addWidget(self.error)

    def validatePage(self) -> bool:
        return show_problem(self.error, self.check() if self.check else None)


class FirstRunWizard(QWizard):
    """The unit's details, its visit rules, the manager PIN and this desk's scanner port;
    written only at Finish."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumWidth(600)
        self.ctx = ctx
        settings = ctx.settings

        self.unit = UnitForm()
        self.unit.load(settings)
        self.language = QComboBox(self.unit)
        self.language.setObjectName("language")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        # The language the window speaks now: the setting, or --lang when given.
        self.language.setCurrentIndex(max(0, self.language.findData(language())))
        self.language.currentIndexChanged.connect(self.on_language)
        self.language_label = QLabel(self.unit)
        self.language_label.setBuddy(self.language)
        # In the unit's form, so that the labels line up.
        self.unit.form.insertRow(0, self.language_label, self.language)
        self.unit_page = _FormPage(self.unit, self.unit.problem)
        self.addPage(self.unit_page)

        self.rules = VisitRulesForm()
        self.rules.load(settings)
        self.rules_page = _FormPage(self.rules)
        self.addPage(self.rules_page)

        self.pin = NewPinForm()
        self.pin_page = _FormPage(self.pin, self.pin.problem)
        self.pin_page.intro.show()
        self.addPage(self.pin_page)

        # Last and optional: a keyboard-mode scanner, or none, needs nothing here.
        self.scanner = ScannerChoice()
        self.scanner.load(settings)
        self.scanner_page = _FormPage(self.scanner)
        self.addPage(self.scanner_page)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Set up the desk"))
        self.language_label.setText("Ngôn ngữ / Language")
        self.unit_page.setTitle(self.tr("Your unit"))
        self.unit_page.setSubTitle(
            self.tr("These details are printed on the unit's QR poster and the weekly report.")
        )
        self.rules_page.setTitle(self.tr("Visits"))
        self.rules_page.setSubTitle(
            self.tr("When the desk closes and how long the log keeps each visit.")
        )
        self.pin_page.setTitle(self.tr("Manager PIN"))
        self.pin_page.setSubTitle(self.tr("Only the unit's manager should know it."))
        self.scanner_page.setTitle(self.tr("Handheld scanner"))
        self.scanner_page.setSubTitle(
            self.tr("Only for a scanner in USB-COM (serial) mode; otherwise just click Finish.")
        )
        self.pin_page.intro.setText(
            self.tr(
                "The PIN is asked before the settings open and before an ID number is shown "
                "in full. After three wrong PINs the desk makes you wait."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def on_language(self) -> None:
        from desk_app.ui.i18n_qt import switch_language

        app = QApplication.instance()
        if app is not None:
            switch_language(app, str(self.language.currentData()))

    def accept(self) -> None:
        # Finish runs the last page's check first; the earlier pages were checked on Next.
        for page in (self.unit_page, self.rules_page, self.pin_page):
            if not page.validatePage():
                while self.currentPage() is not page and self.currentId() > self.startId():
                    self.back()
                page.validatePage()  # again, to focus the field now that it is shown
                return
        settings = self.ctx.settings
        values = {**self.unit.values(), **self.rules.values(), **self.scanner.values()}
        values["ui.language"] = self.language.currentData()
        for key, value in values.items():
            settings.set(key, value)
        set_manager_pin(settings, self.pin.value())
        settings.unit_secret()
        settings.unit_id()
        settings.set("unit.setup_done", True)
        self.ctx.log.audit("setup_done", settings.text("unit.name"))
        super().accept()


def run_first_run_if_needed(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """The set-up wizard for a unit not yet set up; True when it was completed now."""
    if ctx.settings.flag("unit.setup_done"):
        return False
    wizard = FirstRunWizard(ctx, parent)
    return wizard.exec() == QDialog.DialogCode.Accepted
