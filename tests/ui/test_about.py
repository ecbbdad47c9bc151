"""Help > About: the version and the diagnostic report, gathered off the GUI thread."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desk_app import __version__
from desk_app.context import AppContext
from desk_app.ui.desk.sound import SoundPlayer
from desk_app.ui.dialogs.about_dialog import AboutDialog
from desk_app.ui.main_window import MainWindow
from tests.ui.helpers import OFFSCREEN_NOISE, open_context


def test_about_shows_version_and_diag(qtbot: QtBot, sqlite_url: str) -> None:
    ctx = AppContext.open(sqlite_url)
    try:
        dialog = AboutDialog(ctx.db.url)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.job.succeeded, timeout=30_000):
            pass
        text = dialog.details.toPlainText()
        assert f"desk-app version (desk_app): {__version__}" in text
        assert "Database check: The database is sound" in text
        assert "database_check" in text and '"status": "ok"' in text
        assert "resources_dir" in text
        assert dialog.copy.isEnabled()
        dialog.copy.click()
        from PySide6.QtGui import QGuiApplication

        assert QGuiApplication.clipboard().text() == text
    finally:
        ctx.close()


@OFFSCREEN_NOISE
def test_about_is_in_the_help_menu_with_a_key(qtbot: QtBot, sqlite_url: str) -> None:
    ctx = open_context(sqlite_url)
    window = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    qtbot.addWidget(window)
    action = window.actions_["about"]
    assert action.shortcut().toString() == "Shift+F1"
    assert action in window.actions_.menus["help"].actions()
    window.close()
    ctx.close()
