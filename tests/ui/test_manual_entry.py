"""The manual entry dialog: per-field checks, suggestions from earlier visitors."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desk_app.ui.dialogs.manual_entry import ManualEntryDialog
from tests.ui.helpers import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


def make(qtbot: QtBot, suggestions: dict[str, list[str]] | None = None) -> ManualEntryDialog:
    source = (lambda column: (suggestions or {}).get(column, [])) if suggestions else None
    dialog = ManualEntryDialog(source)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def press_ok(qtbot: QtBot, dialog: ManualEntryDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_valid_entry_is_accepted(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    # QTest types ASCII only; Vietnamese text arrives as an input method would commit it.
    dialog.edits["name"].insert("  Phạm  Văn Dũng ")
    qtbot.keyClicks(dialog.edits["id_number"], "001 090 123 456")
    qtbot.keyClicks(dialog.edits["phone"], "0912.345.678")
    qtbot.keyClicks(dialog.edits["birth_date"], "01/01/1990")
    dialog.edits["organisation"].insert("Công ty A")
    dialog.edits["purpose"].insert("Giao hàng")
    dialog.edits["host"].insert("Chị Lan")
    with qtbot.waitSignal(dialog.accepted):
        press_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    entry = dialog.entry()
    assert entry.name == "Phạm Văn Dũng"
    assert entry.id_number == "001090123456"
    assert entry.phone == "0912345678"
    assert entry.birth_date == date(1990, 1, 1)
    assert (entry.organisation, entry.purpose, entry.host) == ("Công ty A", "Giao hàng", "Chị Lan")


def test_problems_are_shown_beside_each_field(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    qtbot.keyClicks(dialog.edits["id_number"], "12345")
    qtbot.keyClicks(dialog.edits["phone"], "12")
    qtbot.keyClicks(dialog.edits["birth_date"], "31/02/1990")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()  # not accepted
    assert dialog.errors["name"].isVisible()
    assert dialog.errors["name"].text() == "Name is required"
    assert dialog.errors["id_number"].text().startswith("ID number must have 9 or 12 digits")
    assert dialog.errors["phone"].text() == "Invalid phone number"
    assert dialog.errors["birth_date"].text() == "Birth date: use DD/MM/YYYY"
    assert not dialog.errors["organisation"].isVisible()
    assert dialog.focusWidget() is dialog.edits["name"]  # the first field to fix


def test_problems_clear_while_typing_after_a_first_attempt(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    press_ok(qtbot, dialog)
    assert dialog.errors["name"].isVisible()
    qtbot.keyClicks(dialog.edits["name"], "Le Van Em")
    assert not dialog.errors["name"].isVisible()


def test_keyboard_only(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    qtbot.keyClicks(dialog.edits["name"], "Le Van Em")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.edits["name"], Qt.Key.Key_Return)


def test_suggestions_from_earlier_visitors(qtbot: QtBot) -> None:
    dialog = make(qtbot, {"organisation": ["Sở Y tế", "Công ty A"], "host": ["Chị Lan"]})
    completer = dialog.edits["organisation"].completer()
    assert completer is not None
    completer.setCompletionPrefix("y t")
    assert completer.currentCompletion() == "Sở Y tế"
    assert dialog.edits["host"].completer() is not None
    assert dialog.edits["purpose"].completer() is None  # nothing earlier to suggest


def test_a_problem_that_wraps_is_shown_whole(qtbot: QtBot) -> None:
    """A message on two lines gets the room of two lines: the dialog grows, never clips it."""
    dialog = make(qtbot)
    qtbot.keyClicks(dialog.edits["id_number"], "12345")
    qtbot.keyClicks(dialog.edits["birth_date"], "31/02/1990")
    press_ok(qtbot, dialog)
    qtbot.wait(50)  # the layout settles on the next turn of the event loop
    wrapped = [e for e in dialog.errors.values() if e.isVisible()]
    assert any(e.heightForWidth(e.width()) > e.fontMetrics().lineSpacing() * 1.5 for e in wrapped)
    for error in wrapped:
        assert error.height() >= error.heightForWidth(error.width()), error.text()
    bottom = dialog.buttons.geometry().bottom()
    assert bottom <= dialog.height(), (bottom, dialog.height())


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("\u200b\u200b\u200b", "Name is required"),  # zero-width spaces: nothing to see
        ("\ufeff \u2060 \u200d", "Name is required"),
        ("-- ..", "Invalid name"),  # no letter at all
    ],
)
def test_a_name_with_nothing_visible_or_no_letter_is_refused(
    qtbot: QtBot, name: str, shown: str
) -> None:
    dialog = make(qtbot)
    dialog.edits["name"].insert(name)
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["name"].text() == shown


def test_invisible_characters_never_reach_the_name(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.edits["name"].insert("Lê\u200b Văn\u202e\x07 Tám")
    with qtbot.waitSignal(dialog.accepted):
        press_ok(qtbot, dialog)
    assert dialog.entry().cleaned().name == "Lê Văn Tám"


def test_a_phone_in_wide_digits_is_kept_in_plain_digits(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.edits["name"].insert("Trần Văn C")
    dialog.edits["phone"].insert("０９１２ ３４５ ６７８")
    with qtbot.waitSignal(dialog.accepted):
        press_ok(qtbot, dialog)
    assert dialog.entry().cleaned().phone == "0912345678"
