"""The few colours the window sets itself, chosen by the desk's palette so that an error line
or a quiet line stays readable on a light and on a dark colour scheme alike."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette

# Red on the light window and a light red on a dark one: both keep a contrast of 4.5 or more
# with the window's background (a dark red on a dark grey is about 2).
ERROR_ON_LIGHT = "#b00020"
ERROR_ON_DARK = "#ff8a80"
# The privacy notice is a quiet line beside its link; on a dark window it takes the
# palette's own text colour.
QUIET_ON_LIGHT = "#444444"
# Qt's lightness runs 0 to 255: below the middle the window is dark.
MID_LIGHTNESS = 128


def dark_window() -> bool:
    """True when the desk's windows are dark (a dark colour scheme)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < MID_LIGHTNESS


def error_colour() -> str:
    return ERROR_ON_DARK if dark_window() else ERROR_ON_LIGHT


def error_style() -> str:
    """The style sheet of a line that says what is wrong."""
    return f"color: {error_colour()};"


def quiet_colour() -> str:
    if dark_window():
        return QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    return QUIET_ON_LIGHT
