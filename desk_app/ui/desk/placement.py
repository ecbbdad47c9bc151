"""Where the window stands on the desk's screen: the size and place it had when last closed,
the whole screen the first time, and brought forward when the app is started again."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from desk_app.paths import data_dir

FIRST_SIZE = (1280, 720)


def _store() -> QSettings:
    return QSettings(str(data_dir() / "window.ini"), QSettings.Format.IniFormat)


def restore_geometry(window: QMainWindow) -> bool:
    """The size and place saved at the last close; False (and a default size) if none."""
    geometry = _store().value("main/geometry")
    if geometry is not None and window.restoreGeometry(geometry):
        return True
    window.resize(*FIRST_SIZE)
    return False


def save_geometry(window: QMainWindow) -> None:
    _store().setValue("main/geometry", window.saveGeometry())


def show_for_desk(window: QMainWindow, restored: bool) -> None:
    """The first time on a desk's (often small) screen the window fills it."""
    if restored:
        window.show()
        return
    screen = window.screen()
    if screen is not None:  # also where no window manager honours "maximised"
        window.setGeometry(screen.availableGeometry())
    window.showMaximized()


def bring_to_front(window: QMainWindow) -> None:
    """Another start of the app on this desk asked for the window."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
