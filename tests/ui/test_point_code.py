"""The point's code from the province: asked at first run, checked, printed on the poster."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desk_app.context import AppContext
from desk_app.printing.poster import plan_poster, save_poster
from desk_app.ui.dialogs.setup.setup_dialogs import FirstRunWizard
from tests.ui.print_checks import need_poppler, pdf_text, unit_context
from tests.ui.test_setup_dialogs import fill_wizard

# The offscreen platform cannot size a wizard's window; nothing to do with the code.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_first_run_asks_the_code_and_refuses_a_bad_one(qtbot: QtBot, sqlite_url: str) -> None:
    ctx = AppContext.open(sqlite_url)
    wizard = FirstRunWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_wizard(wizard)
    code = wizard.unit.edits["unit.code"]
    code.setText("-BKN")  # the field takes it; a code must begin with a letter or digit
    wizard.next()
    assert wizard.currentPage() is wizard.unit_page
    assert wizard.unit_page.error.isVisible()
    assert "point code" in wizard.unit_page.error.text()

    code.setText("bkn-0042")
    wizard.next()
    wizard.next()
    wizard.accept()
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert ctx.settings.get("unit.code") == "BKN-0042"
    ctx.close()


def test_the_poster_prints_the_code(qtbot: QtBot, sqlite_url: str, tmp_path: Path) -> None:
    need_poppler()
    ctx = unit_context(sqlite_url, {"unit.code": "BKN-0042"})
    plan = plan_poster(ctx)
    [pdf] = save_poster(ctx, plan, "A4", tmp_path / "poster.pdf")
    assert "Mã điểm: BKN-0042" in pdf_text(pdf)
    ctx.close()
