"""First-run set-up, the manager PIN prompt and the settings dialog, driven as a manager would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError, PasswordSetError
from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from desk_app import mail_password
from desk_app.context import AppContext
from desk_app.domain.pin import FIRST_WAIT_SECONDS, PinGuard, set_manager_pin, verify_pin
from desk_app.ui.dialogs.setup.setup_dialogs import (
    FirstRunWizard,
    NewPinDialog,
    PinDialog,
    SettingsDialog,
    ask_manager_pin,
    run_first_run_if_needed,
)

# The offscreen platform cannot pass size hints on to a window manager; harmless.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


class MemoryKeyring(KeyringBackend):
    """A password store that lives in the test only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}
        self.refuse = False

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.refuse:
            raise PasswordSetError("refused")
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.passwords:
            raise PasswordDeleteError(username)
        del self.passwords[(service, username)]


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ctx(sqlite_url: str) -> Iterator[AppContext]:
    context = AppContext.open(sqlite_url)
    yield context
    context.close()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)


def when_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the next modal dialog once it is shown (exec() blocks the test)."""

    def attempt() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(10, attempt)
            return
        act(widget)

    QTimer.singleShot(0, attempt)


def cancel(widget: QWidget) -> None:
    assert isinstance(widget, QDialog)
    widget.reject()


def audit_actions(ctx: AppContext) -> list[str]:
    return [record.action for record in ctx.log.audit_records()]


def fill_wizard(wizard: FirstRunWizard, pin: str = "246800", repeat: str | None = None) -> None:
    unit = wizard.unit
    unit.edits["unit.name"].setText("  UBND phường  Đức Xuân ")
    unit.edits["unit.agency"].setText("UBND thành phố Bắc Kạn")
    unit.edits["unit.address"].setText("Số 1, đường Trường Chinh")
    unit.edits["unit.contact"].setText("0209 3870 000")
    unit.edits["unit.place"].setText("Bắc Kạn")
    unit.checkpoints.setPlainText("Cổng chính\n\nCổng phụ\ncổng chính\n")
    wizard.rules.closing_time.setTime(QTime(17, 30))
    wizard.rules.auto_checkout.setChecked(True)
    wizard.rules.retention_days.setValue(21)
    wizard.pin.pin.setText(pin)
    wizard.pin.repeat.setText(pin if repeat is None else repeat)


# ----- first run -------------------------------------------------------------------------
def test_first_run_writes_the_settings(qtbot: QtBot, ctx: AppContext) -> None:
    assert ctx.settings.get("unit.setup_done") is False
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_wizard(wizard)
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.pin_page
    wizard.accept()

    settings = ctx.settings
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert settings.get("unit.setup_done") is True
    assert settings.get("unit.name") == "UBND phường Đức Xuân"
    assert settings.get("unit.agency") == "UBND thành phố Bắc Kạn"
    assert settings.get("unit.place") == "Bắc Kạn"
    assert settings.get("unit.checkpoints") == ["Cổng chính", "Cổng phụ"]
    assert settings.get("visits.closing_time") == "17:30"
    assert settings.get("visits.auto_checkout") is True
    assert settings.get("retention.days") == 21
    assert verify_pin("246800", settings.get("manager.pin_hash"))
    assert "246800" not in settings.get("manager.pin_hash")
    assert settings.unit_id()
    assert "setup_done" in audit_actions(ctx)

    # A new process sees the same set-up and is not asked again.
    reopened = AppContext.open(str(ctx.db.engine.url))
    try:
        assert reopened.settings.get("unit.name") == "UBND phường Đức Xuân"
        assert run_first_run_if_needed(reopened, None) is False
    finally:
        reopened.close()


def test_first_run_starts_in_the_language_the_window_speaks(qtbot: QtBot, ctx: AppContext) -> None:
    from desk_app.i18n import language, set_language

    before = language()
    set_language("en")  # as --lang en does, with the stored setting still Vietnamese
    try:
        wizard = FirstRunWizard(ctx)
        qtbot.addWidget(wizard)
        assert wizard.language.currentData() == "en"
        fill_wizard(wizard)
        wizard.next()
        wizard.next()
        wizard.accept()
        assert ctx.settings.get("ui.language") == "en"
    finally:
        set_language(before)


def test_first_run_refuses_a_missing_name_and_different_pins(qtbot: QtBot, ctx: AppContext) -> None:
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_wizard(wizard, pin="135700", repeat="135800")
    wizard.unit.edits["unit.name"].setText("   ")
    wizard.next()
    assert wizard.currentPage() is wizard.unit_page
    assert wizard.unit_page.error.isVisible()

    wizard.unit.edits["unit.name"].setText("UBND xã")
    wizard.next()
    wizard.next()
    wizard.accept()
    assert wizard.result() != QDialog.DialogCode.Accepted
    assert wizard.pin_page.error.isVisible()
    assert ctx.settings.get("unit.setup_done") is False

    wizard.pin.pin.setText("13")
    wizard.pin.repeat.setText("13")
    wizard.accept()
    assert ctx.settings.get("manager.pin_hash") == ""


def test_first_run_through_exec_and_cancel_keeps_defaults(qtbot: QtBot, ctx: AppContext) -> None:
    when_modal(qtbot, cancel)
    assert run_first_run_if_needed(ctx, None) is False
    assert ctx.settings.get("unit.setup_done") is False
    assert ctx.settings.get("manager.pin_hash") == ""
    assert ctx.settings.get("unit.name") == ""

    def finish(widget: QWidget) -> None:
        assert isinstance(widget, FirstRunWizard)
        fill_wizard(widget)
        widget.next()
        widget.next()
        widget.accept()

    when_modal(qtbot, finish)
    assert run_first_run_if_needed(ctx, None) is True
    assert ctx.settings.get("unit.setup_done") is True


# ----- manager PIN -----------------------------------------------------------------------
def test_wrong_pins_are_rate_limited(qtbot: QtBot, ctx: AppContext) -> None:
    set_manager_pin(ctx.settings, "864200")
    clock = Clock()
    dialog = PinDialog(PinGuard.for_settings(ctx.settings, clock), "Open the settings")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)

    for wrong in ("111100", "222200"):
        qtbot.keyClicks(dialog.pin, wrong)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and not dialog.locked()
    assert "1" in dialog.status.text()

    qtbot.keyClicks(dialog.pin, "333300")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.locked()
    assert not ok.isEnabled()
    assert "30" in dialog.status.text()

    # The right PIN during the wait is not even checked.
    dialog.pin.setText("864200")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted

    clock.now += FIRST_WAIT_SECONDS
    dialog.refresh()
    assert not dialog.locked() and ok.isEnabled()
    qtbot.keyClicks(dialog.pin, "864200")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_wait_survives_a_new_dialog(qtbot: QtBot, ctx: AppContext) -> None:
    set_manager_pin(ctx.settings, "864200")
    clock = Clock()
    guard = PinGuard.for_settings(ctx.settings, clock)
    for wrong in ("111100", "222200", "333300"):
        guard.check(wrong)
    dialog = PinDialog(PinGuard.for_settings(ctx.settings, clock), "Show a full ID number")
    qtbot.addWidget(dialog)
    assert dialog.locked()
    assert dialog.timer.isActive()


def test_ask_manager_pin_audits(qtbot: QtBot, ctx: AppContext) -> None:
    set_manager_pin(ctx.settings, "864200")

    def wrong_then_cancel(widget: QWidget) -> None:
        assert isinstance(widget, PinDialog)
        assert widget.reason.text() == "Show a full ID number"
        widget.pin.setText("000000")
        widget.accept()
        widget.reject()

    when_modal(qtbot, wrong_then_cancel)
    assert ask_manager_pin(ctx, None, "Show a full ID number") is False

    def right(widget: QWidget) -> None:
        assert isinstance(widget, PinDialog)
        widget.pin.setText("864200")
        widget.accept()

    when_modal(qtbot, right)
    assert ask_manager_pin(ctx, None, "Open the settings") is True
    records = ctx.log.audit_records()
    assert [r.action for r in records][-2:] == ["manager_pin_wrong", "manager_pin_ok"]
    assert records[-1].detail == "Open the settings"
    assert all("864200" not in (r.detail or "") for r in records)


def test_no_pin_yet_offers_to_set_one(qtbot: QtBot, ctx: AppContext) -> None:
    when_modal(qtbot, cancel)
    assert ask_manager_pin(ctx, None, "Open the settings") is False
    assert ctx.settings.get("manager.pin_hash") == ""

    def set_pin(widget: QWidget) -> None:
        assert isinstance(widget, NewPinDialog)
        assert "Open the settings" in widget.explanation.text()
        widget.form.pin.setText("975310")
        widget.form.repeat.setText("975310")
        widget.accept()

    when_modal(qtbot, set_pin)
    assert ask_manager_pin(ctx, None, "Open the settings") is True
    assert verify_pin("975310", ctx.settings.get("manager.pin_hash"))
    assert "manager_pin_set" in audit_actions(ctx)


def test_pin_field_takes_digits_only(qtbot: QtBot, ctx: AppContext) -> None:
    set_manager_pin(ctx.settings, "864200")
    dialog = PinDialog(PinGuard.for_settings(ctx.settings), "x")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.pin, "12ab345678901")
    assert dialog.pin.text() == "12345678"


def test_a_new_pin_needs_six_digits(qtbot: QtBot) -> None:
    dialog = NewPinDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    for pin in ("12345", "2468"):
        dialog.form.pin.setText(pin)
        dialog.form.repeat.setText(pin)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.isVisible() and "6 to 8 digits" in dialog.error.text()
    dialog.form.pin.setText("246813")
    dialog.form.repeat.setText("246813")
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.pin() == "246813"


# ----- settings --------------------------------------------------------------------------
def settings_dialog(qtbot: QtBot, ctx: AppContext, **kwargs: object) -> SettingsDialog:
    dialog = SettingsDialog(ctx, None, cameras=[("0", "USB Camera"), ("1", "Integrated")])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_settings_dialog_saves_and_says_what_changed(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = settings_dialog(qtbot, ctx)
    assert dialog.camera.currentText() == "USB Camera (0)"
    dialog.camera.setCurrentIndex(1)
    dialog.debounce.setValue(25)
    dialog.rules.retention_days.setValue(14)
    dialog.rules.auto_purge.setChecked(False)
    dialog.unit.edits["unit.name"].setText("Sở Thông tin và Truyền thông")
    dialog.unit.checkpoints.setPlainText("Cổng chính\nCổng sau")
    dialog.checkpoint.setCurrentText("Cổng sau")
    dialog.mail.host.setText("smtp.example.vn")
    dialog.mail.port.setValue(465)
    dialog.mail.security.setCurrentIndex(dialog.mail.security.findData("ssl"))
    dialog.mail.sender_address.setText("vanthu@example.vn")
    dialog.mail.recipients.setPlainText("a@example.vn, b@example.vn\nc@example.vn")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))

    with qtbot.waitSignal(dialog.settings_changed) as signal:
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    keys = set(signal.args[0])
    assert {"scan.camera", "scan.debounce_seconds", "retention.days", "retention.auto_purge",
            "unit.name", "unit.checkpoints", "desk.checkpoint", "mail.host", "mail.port",
            "mail.security", "mail.sender", "mail.recipients", "ui.language"} == keys  # fmt: skip
    settings = ctx.settings
    settings.reload()
    assert settings.get("scan.camera") == "1"
    assert settings.get("scan.debounce_seconds") == 25
    assert settings.get("retention.days") == 14
    assert settings.get("retention.auto_purge") is False
    assert settings.get("desk.checkpoint") == "Cổng sau"
    assert settings.get("mail.port") == 465 and settings.get("mail.security") == "ssl"
    assert settings.get("mail.recipients") == ["a@example.vn", "b@example.vn", "c@example.vn"]
    assert settings.get("ui.language") == "en"
    assert "settings_changed" in audit_actions(ctx)


def test_settings_dialog_with_nothing_changed_emits_nothing(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = settings_dialog(qtbot, ctx)
    with qtbot.assertNotEmitted(dialog.settings_changed):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.changed_keys == []


def test_settings_dialog_refuses_bad_values(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = settings_dialog(qtbot, ctx)
    dialog.mail.recipients.setPlainText("a@example.vn\nnot-an-address")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 3
    assert "not-an-address" in dialog.error.text()
    assert ctx.settings.get("mail.recipients") == []

    dialog.mail.recipients.setPlainText("a@example.vn")
    dialog.camera.setCurrentIndex(dialog.camera.count() - 1)
    dialog.source.setText("")
    dialog.accept()
    assert dialog.isVisible() and dialog.tabs.currentIndex() == 0


def test_other_camera_source(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    video = tmp_path / "feed.avi"
    dialog = settings_dialog(qtbot, ctx)
    assert not dialog.source.isEnabled()
    dialog.camera.setCurrentIndex(dialog.camera.count() - 1)
    assert dialog.source.isEnabled()
    dialog.source.setText(str(video))
    dialog.accept()
    assert ctx.settings.get("scan.camera") == str(video)

    # Opened again, the dialog shows the same source.
    again = settings_dialog(qtbot, ctx)
    assert again.camera_value() == str(video)


def test_cameras_are_listed_by_name_in_the_background(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desk_app.scanning import sources

    monkeypatch.setattr(sources, "list_cameras", lambda: [(0, "HD Webcam C270"), (2, "Back")])
    ctx.settings.set("scan.camera", "2")
    dialog = SettingsDialog(ctx, None)
    qtbot.addWidget(dialog)
    # The current camera is there at once, by number, before the list arrives.
    assert dialog.camera_value() == "2"
    qtbot.waitUntil(lambda: dialog.camera.findText("Back (2)") >= 0)
    assert dialog.camera.currentText() == "Back (2)"
    assert dialog.camera.findText("HD Webcam C270 (0)") >= 0
    assert dialog.camera.count() == 3  # two cameras and "other"
    dialog.camera.setCurrentIndex(dialog.camera.findData("0"))
    dialog.accept()
    assert ctx.settings.get("scan.camera") == "0"


def test_mail_password_goes_to_the_keyring_only(
    qtbot: QtBot, ctx: AppContext, memory_keyring: MemoryKeyring
) -> None:
    secret = "Mật-khẩu-7f3c9a"
    dialog = settings_dialog(qtbot, ctx)
    assert dialog.mail.password.isEnabled()
    dialog.mail.user.setText("vanthu@example.vn")
    dialog.mail.password.setText(secret)
    with qtbot.waitSignal(dialog.settings_changed) as signal:
        dialog.accept()
    assert "mail.password" in signal.args[0]
    assert memory_keyring.passwords == {("desk-app", "vanthu@example.vn"): secret}
    assert mail_password.get("vanthu@example.vn") == secret

    # Nowhere in the database: not in the settings, not in the audit records.
    ctx.close()
    database = Path(str(ctx.db.engine.url.database))
    for file in database.parent.glob(database.name + "*"):
        assert secret.encode() not in file.read_bytes()

    reopened = AppContext.open(str(ctx.db.engine.url))
    try:
        again = settings_dialog(qtbot, reopened)
        assert again.mail.password.text() == ""
        assert again.mail.password.placeholderText() != ""  # says a password is saved
        # A new user name takes the saved password along.
        again.mail.user.setText("baocao@example.vn")
        again.accept()
        assert memory_keyring.passwords == {("desk-app", "baocao@example.vn"): secret}
    finally:
        reopened.close()


def test_refused_password_saves_nothing(
    qtbot: QtBot, ctx: AppContext, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.refuse = True
    dialog = settings_dialog(qtbot, ctx)
    dialog.mail.user.setText("vanthu@example.vn")
    dialog.mail.password.setText("secret")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert ctx.settings.get("mail.user") == ""


def test_without_a_password_store_the_field_is_off(qtbot: QtBot, ctx: AppContext) -> None:
    # tests/conftest.py selects keyring's null backend: no password store.
    assert not mail_password.available()
    dialog = settings_dialog(qtbot, ctx)
    assert not dialog.mail.password.isEnabled()
    assert dialog.mail.keyring_note.text()
    dialog.mail.user.setText("vanthu@example.vn")
    dialog.accept()
    assert ctx.settings.get("mail.user") == "vanthu@example.vn"


def test_change_pin_from_the_settings(qtbot: QtBot, ctx: AppContext) -> None:
    set_manager_pin(ctx.settings, "111100")
    dialog = settings_dialog(qtbot, ctx)

    def new_pin(widget: QWidget) -> None:
        assert isinstance(widget, NewPinDialog)
        widget.form.pin.setText("246800")
        widget.form.repeat.setText("246800")
        widget.accept()

    when_modal(qtbot, new_pin)
    with qtbot.waitSignal(dialog.settings_changed) as signal:
        qtbot.mouseClick(dialog.change_pin, Qt.MouseButton.LeftButton)
    assert signal.args[0] == ["manager.pin_hash"]
    assert verify_pin("246800", ctx.settings.get("manager.pin_hash"))
    assert not verify_pin("111100", ctx.settings.get("manager.pin_hash"))


def test_desks_sharing_a_database_share_the_wait(
    qtbot: QtBot, ctx: AppContext, sqlite_url: str
) -> None:
    set_manager_pin(ctx.settings, "864200")
    other_desk = AppContext.open(sqlite_url)
    try:
        assert other_desk.settings.get("manager.pin_failures") == 0  # its cache is now filled
        guard = PinGuard.for_settings(ctx.settings)
        for wrong in ("111100", "222200", "333300"):
            guard.check(wrong)
        seen: list[bool] = []

        def look(widget: QWidget) -> None:
            assert isinstance(widget, PinDialog)
            seen.append(widget.locked())
            widget.reject()

        when_modal(qtbot, look)
        assert ask_manager_pin(other_desk, None, "Open the settings") is False
        assert seen == [True]
    finally:
        other_desk.close()
