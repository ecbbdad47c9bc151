"""Shared pieces of the window tests: fictitious codes and a context on a throw-away database."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from desk_app.context import AppContext

# The offscreen platform (tests only) says this whenever a top-level window is shown.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

AN = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
BINH = "079195001234||Trần Thị Bình|15061995|Nữ|TP. Hồ Chí Minh|01012022"
# The sex digit says male, the card says female: the desk must warn.
MISMATCH = "001090654321||Lê Thị Cúc|01011990|Nữ|Hà Nội|01012021"


def open_context(url: str, **settings: object) -> AppContext:
    ctx = AppContext.open(url)
    for key, value in settings.items():
        ctx.settings.set(key.replace("__", "."), value)
    return ctx


def contrast(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(color.redF())
            + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF())
        )

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
