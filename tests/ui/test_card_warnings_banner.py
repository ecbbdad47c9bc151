"""A card read with a value left out, or read by shape, turns the window's banner amber and
says so in the desk's language; the warning is kept with the visit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app import i18n
from desk_app.context import AppContext
from desk_app.domain.visits import Method, Outcome
from desk_app.ui.desk.result_banner import WARNING
from desk_app.ui.desk.sound import SoundPlayer
from desk_app.ui.i18n_qt import install_translators, remove_translators
from desk_app.ui.main_window import MainWindow
from tests.ui.helpers import OFFSCREEN_NOISE, open_context

pytestmark = OFFSCREEN_NOISE

# An old ID of 13 digits fits no slot; a card with its sex field missing is read by shape.
UNPLACED = "001090123456|1234567890123|Nguyễn Văn An|15031990|Nam|Hà Nội|20042021"
BY_SHAPE = "001191123456|123456789|Trần Thị Bình|02021991|Huế|03032022"
WORDS = {
    ("unplaced_field", "vi"): "không khớp trường nào",
    ("unplaced_field", "en"): "fits no field",
    ("read_by_shape", "vi"): "không theo thứ tự chuẩn",
    ("read_by_shape", "en"): "not in the usual order",
}


@pytest.fixture
def ctx(sqlite_url: str) -> Iterator[AppContext]:
    context = open_context(sqlite_url)
    yield context
    context.close()


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[MainWindow]:
    win = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    ("text", "warning"),
    [(UNPLACED, "unplaced_field"), (BY_SHAPE, "read_by_shape")],
    ids=["unplaced_field", "read_by_shape"],
)
def test_the_banner_shows_a_card_warning_in_the_desks_language(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, lang: str, text: str, warning: str
) -> None:
    app = QApplication.instance()
    assert app is not None
    install_translators(app, lang)
    try:
        result = window.controller.submit_text(text, Method.SCANNER)
        assert result is not None and result.outcome == Outcome.ENTRY
        assert warning in result.warnings
        assert window.banner.kind == WARNING
        note = window.banner.note
        qtbot.waitUntil(lambda: WORDS[warning, lang] in note.text())
        assert note.isVisibleTo(window)
        [visit] = ctx.log.visits_on(window.today.day)
        assert warning in visit.warnings
    finally:
        remove_translators(app)
        i18n.set_language("en")
