"""A serial scanner (USB-COM / CDC) at the desk, over a real pseudo-terminal pair."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desk_app.context import AppContext
from desk_app.domain.visits import Method, Outcome
from desk_app.scanning.serial_scanner import CONNECTED, DISCONNECTED
from desk_app.ui.desk.result_banner import ENTRY, REJECTED
from desk_app.ui.desk.serial_feed import OFF
from desk_app.ui.desk.sound import SoundPlayer
from desk_app.ui.dialogs.setup.settings_dialog import SettingsDialog
from desk_app.ui.dialogs.setup.setup_dialogs import FirstRunWizard
from desk_app.ui.main_window import MainWindow
from tests.serial_pty import PtyScanner
from tests.ui.helpers import AN, BINH, OFFSCREEN_NOISE, open_context

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def ctx(sqlite_url: str) -> Iterator[AppContext]:
    context = open_context(sqlite_url)
    yield context
    context.close()


@pytest.fixture
def port(tmp_path: Path) -> Iterator[PtyScanner]:
    scanner = PtyScanner(tmp_path / "ttyACM0")
    yield scanner
    scanner.close()


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[MainWindow]:
    win = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    # Reconnect quickly in tests; a desk tries once a second.
    win.serial.reconnect_seconds = 0.05
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def connected(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.scanner_status.state == CONNECTED, timeout=5000)


def test_a_serial_scan_is_recorded_like_any_scan(
    qtbot: QtBot, window: MainWindow, port: PtyScanner
) -> None:
    window.start_serial_scanner(str(port.path))
    connected(qtbot, window)
    assert window.scanner_status.isVisible()
    assert str(port.path) in window.scanner_status.text()
    with qtbot.waitSignal(window.controller.scan_recorded, timeout=5000) as blocker:
        port.write(AN.encode("utf-8")[:20])
        port.write(AN.encode("utf-8")[20:] + b"\r\n")
    result = blocker.args[0]
    assert result.outcome == Outcome.ENTRY and result.method == Method.SCANNER
    assert window.banner.kind == ENTRY and window.banner.name.text() == "Nguyễn Văn An"
    assert window.visits.visible_names() == ["Nguyễn Văn An"]


def test_unplugged_scanner_is_shown_and_comes_back(
    qtbot: QtBot, window: MainWindow, port: PtyScanner
) -> None:
    window.start_serial_scanner(str(port.path))
    connected(qtbot, window)
    port.unplug()
    qtbot.waitUntil(lambda: window.scanner_status.state == DISCONNECTED, timeout=5000)
    assert "disconnected, reconnecting" in window.scanner_status.text()
    port.plug()
    connected(qtbot, window)
    with qtbot.waitSignal(window.controller.scan_recorded, timeout=5000) as blocker:
        port.write(BINH.encode("utf-8"))  # this scanner sends no terminator
    assert blocker.args[0].outcome == Outcome.ENTRY
    assert window.visits.visible_names() == ["Trần Thị Bình"]


def test_bytes_that_are_not_text_are_refused_with_a_reason(
    qtbot: QtBot, window: MainWindow, port: PtyScanner, ctx: AppContext
) -> None:
    window.start_serial_scanner(str(port.path))
    connected(qtbot, window)
    with qtbot.waitSignal(window.controller.scan_recorded, timeout=5000) as blocker:
        port.write(b"Nguy" + b"\xea\xf1\r\n")
    result = blocker.args[0]
    assert result.outcome == Outcome.REJECTED and result.reason == "not_utf8"
    assert result.method == Method.SCANNER
    assert window.banner.kind == REJECTED
    assert "UTF-8" in window.banner.note.text()
    assert ctx.log.visits_on(window.today.day) == []  # kept as a rejected scan, never as a visit


def test_a_code_cut_off_by_unplugging_is_said_not_recorded(
    qtbot: QtBot, window: MainWindow, port: PtyScanner, ctx: AppContext
) -> None:
    window.serial.silence = 30.0  # only unplugging ends this code
    window.start_serial_scanner(str(port.path))
    connected(qtbot, window)
    port.write_and_wait_taken(AN.encode()[:30], lambda: window.serial._worker.reader.bytes_read)
    with qtbot.waitSignal(window.controller.failed, timeout=5000) as blocker:
        port.unplug()
    assert "disconnected while sending" in blocker.args[0]
    assert window.banner.kind == REJECTED
    assert ctx.log.visits_on(window.today.day) == []


def test_the_setting_chooses_the_port_and_closing_stops_reading(
    qtbot: QtBot, window: MainWindow, port: PtyScanner, ctx: AppContext
) -> None:
    window.start_serial_scanner()
    assert window.scanner_status.state == OFF and not window.scanner_status.isVisible()
    ctx.settings.set("scanner.port", str(port.path))
    window.apply_settings(["scanner.port"])
    connected(qtbot, window)
    worker = window.serial._worker
    window.close()
    assert not window.serial.running and worker.isFinished()


# ----- choosing the port -----------------------------------------------------------------


def test_the_settings_dialog_sets_the_port_and_the_window_follows(
    qtbot: QtBot, window: MainWindow, port: PtyScanner, ctx: AppContext
) -> None:
    dialog = SettingsDialog(ctx, window, cameras=[("0", "USB Camera")])
    qtbot.addWidget(dialog)
    assert dialog.scanner.value() == ""  # none chosen: the first entry
    assert dialog.scanner.port.itemData(0) == ""
    dialog.scanner.port.setEditText(str(port.path))  # a port typed in, not in the list
    dialog.scanner.baud.setCurrentIndex(dialog.scanner.baud.findData(115200))
    dialog.accept()
    assert set(dialog.changed_keys) == {"scanner.port", "scanner.baud"}
    assert ctx.settings.get("scanner.port") == str(port.path)
    assert ctx.settings.get("scanner.baud") == 115200
    window.apply_settings(dialog.changed_keys)
    connected(qtbot, window)
    with qtbot.waitSignal(window.controller.scan_recorded, timeout=5000):
        port.write(AN.encode() + b"\n")

    again = SettingsDialog(ctx, window, cameras=[("0", "USB Camera")])
    qtbot.addWidget(again)
    assert again.scanner.value() == str(port.path)  # shown again as it was saved
    again.scanner.port.setCurrentIndex(0)  # back to none
    again.accept()
    assert ctx.settings.get("scanner.port") == ""
    window.apply_settings(again.changed_keys)
    assert window.scanner_status.state == OFF and not window.serial.running


def test_the_first_run_set_up_asks_for_the_port(qtbot: QtBot, ctx: AppContext) -> None:
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.unit.edits["unit.name"].setText("UBND phường Đức Xuân")
    wizard.pin.pin.setText("246800")
    wizard.pin.repeat.setText("246800")
    for _ in range(3):
        wizard.next()
    assert wizard.currentPage() is wizard.scanner_page
    wizard.scanner.port.setEditText("COM3")
    wizard.accept()
    assert wizard.result() == QDialog.DialogCode.Accepted
    ctx.settings.reload()
    assert ctx.settings.get("scanner.port") == "COM3"
    assert ctx.settings.get("scanner.baud") == 9600


def test_a_port_given_on_the_command_line_wins_over_the_setting(
    qtbot: QtBot, window: MainWindow, port: PtyScanner, ctx: AppContext
) -> None:
    ctx.settings.set("scanner.port", "/dev/does-not-exist")
    window.start_serial_scanner(str(port.path))
    connected(qtbot, window)
    window.apply_settings(["scan.sound"])  # other settings saved: the port stays
    assert window.serial.port == str(port.path)
