"""A dark colour scheme: the lines the window colours itself (errors, the privacy notice, the
serial scanner's state) keep a readable contrast with the window behind them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desk_app.context import AppContext
from desk_app.scanning.serial_scanner import DISCONNECTED
from desk_app.ui.desk.privacy_bar import PrivacyBar
from desk_app.ui.desk.serial_feed import ScannerStatus
from desk_app.ui.dialogs.manual_entry import ManualEntryDialog
from tests.ui.helpers import OFFSCREEN_NOISE, contrast, open_context

pytestmark = OFFSCREEN_NOISE

DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
}
LIGHT = {
    QPalette.ColorRole.Window: "#efefef",
    QPalette.ColorRole.WindowText: "#000000",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.Text: "#000000",
}


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QColor]:
    """The application's palette set light or dark; yields the window's colour."""
    old = qapp.palette()
    palette = QPalette(old)
    for role, colour in (DARK if request.param == "dark" else LIGHT).items():
        palette.setColor(role, QColor(colour))
    qapp.setPalette(palette)
    try:
        yield palette.color(QPalette.ColorRole.Window)
    finally:
        qapp.setPalette(old)


def _text_colour(label: QLabel) -> QColor:
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_problems_in_the_manual_entry_are_readable(qtbot: QtBot, scheme: QColor) -> None:
    dialog = ManualEntryDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()  # no name: a problem shows
    error = dialog.errors["name"]
    assert error.isVisible()
    assert contrast(_text_colour(error), scheme) >= 4.5, _text_colour(error).name()


def test_the_privacy_notice_is_readable(qtbot: QtBot, scheme: QColor, sqlite_url: str) -> None:
    ctx: AppContext = open_context(sqlite_url)
    try:
        ctx.settings.set("unit.name", "UBND xã Thử")
        bar = PrivacyBar(ctx)
        qtbot.addWidget(bar)
        found = re.search(r'href="notice" style="color: (#[0-9a-fA-F]{3,6});', bar.notice.text())
        assert found, bar.notice.text()
        assert contrast(QColor(found.group(1)), scheme) >= 4.5, found.group(1)
    finally:
        ctx.close()


def test_a_lost_serial_scanner_is_said_readably(qtbot: QtBot, scheme: QColor) -> None:
    status = ScannerStatus()
    qtbot.addWidget(status)
    status.set_status(DISCONNECTED, "COM3")
    assert "COM3" in status.text()
    assert contrast(_text_colour(status), scheme) >= 4.5, _text_colour(status).name()
