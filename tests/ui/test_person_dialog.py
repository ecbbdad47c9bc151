"""One person's data in the window: behind the PIN, found, shown, exported, deleted."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk_app.context import AppContext
from desk_app.ui.dialogs import person_dialog
from desk_app.ui.dialogs.person_dialog import PersonDialog
from desk_app.ui.dialogs.setup import setup_dialogs
from tests.ui.helpers import OFFSCREEN_NOISE, open_context

pytestmark = OFFSCREEN_NOISE

MINH = "001090123456||Nguyễn Văn Minh|01011990|Nam|Hà Nội|01012021"
LAN = "079195012345|123456789|Trần Thị Lan|15051995|Nữ|TP. Hồ Chí Minh|10102022"
NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


@pytest.fixture
def ctx(sqlite_url: str) -> Iterator[AppContext]:
    context = open_context(sqlite_url)
    for payload in (MINH, LAN):
        context.log.record_scan(context.parse(payload), at=NOW)
    yield context
    context.close()


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext) -> PersonDialog:
    widget = PersonDialog(ctx)
    qtbot.addWidget(widget)
    return widget


def test_the_dialog_needs_the_pin(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(setup_dialogs, "ask_manager_pin", lambda *_a: False)
    assert person_dialog.open_person_dialog(ctx, None) is None  # type: ignore[arg-type]


def test_find_show_and_export(dialog: PersonDialog, ctx: AppContext, tmp_path: Path) -> None:
    dialog.query.setText("nguyen van minh")
    dialog.find_button.click()
    assert dialog.results.count() == 1
    assert "001******456" in dialog.results.item(0).text()
    assert "001090123456" not in dialog.results.item(0).text()
    dialog.show_button.click()
    assert "001090123456" in dialog.details.toPlainText()
    actions = [r.action for r in ctx.log.audit_records()]
    assert actions[-2:] == ["person_find", "person_show"]
    paths = dialog.on_export(tmp_path)
    data = json.loads(next(p for p in paths if p.suffix == ".json").read_text("utf-8"))
    assert data["person"]["name"] == "Nguyễn Văn Minh"
    dialog.query.setText("")
    dialog.find_button.click()
    assert dialog.results.count() == 0 and dialog.message.text()


def test_delete_asks_and_acts_on_the_chosen_person(
    dialog: PersonDialog, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    dialog.query.setText("a")
    dialog.find_button.click()
    assert dialog.results.count() == 0  # one letter is refused
    dialog.query.setText("van")
    dialog.find_button.click()
    assert dialog.results.count() == 1
    monkeypatch.setattr(dialog, "confirm_delete", lambda _p: False)
    dialog.delete_button.click()
    assert ctx.log.people.find("minh")
    monkeypatch.setattr(dialog, "confirm_delete", lambda _p: True)
    with qtbot.waitSignal(dialog.deleted):
        dialog.delete_button.click()
    assert ctx.log.people.find("minh") == []
    assert [p.name for p in ctx.log.people.find("lan")] == ["Trần Thị Lan"]


def _ok(form: object) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # type: ignore[attr-defined]


def test_correct_asks_then_changes_the_chosen_person_and_is_audited(
    dialog: PersonDialog, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(person_dialog.QMessageBox, "question", question)
    dialog.query.setText("nguyen van minh")
    dialog.find_button.click()
    assert dialog.correct_button.isEnabled()
    form = dialog.on_correct()
    assert form is not None and form.isVisible() and dialog.correction_form is form
    assert form.name.text() == "Nguyễn Văn Minh" and form.birth_date.text() == "01/01/1990"
    assert form.sex.currentData() == "male"
    form.name.setText("Nguyễn  Văn Mạnh ")
    form.phone.setText("0912 345 678")
    _ok(form)  # asked, and answered No: nothing stored
    assert "Nguyễn Văn Minh → Nguyễn Văn Mạnh" in asked[0] and "0912 345 678" in asked[0]
    assert "001******456" in asked[0] and "001090123456" not in asked[0]
    assert [p.name for p in ctx.log.people.find("minh")] == ["Nguyễn Văn Minh"]
    assert "person_correct" not in [r.action for r in ctx.log.audit_records()]

    answer[0] = QMessageBox.StandardButton.Yes
    form = dialog.on_correct()
    assert form is not None
    form.name.setText("Nguyễn Văn Mạnh")
    form.birth_date.setText("02/01/1990")
    form.sex.setCurrentIndex(form.sex.findData("female"))
    with qtbot.waitSignal(dialog.corrected) as signal:
        _ok(form)
    assert signal.args[1] == ["name", "birth_date", "sex"]
    [person] = ctx.log.people.find("nguyen van manh")  # the folded column follows the name
    assert dialog.results.item(0).text().startswith(f"#{person.number}  Nguyễn Văn Mạnh")
    assert "02/01/1990" in dialog.results.item(0).text()
    held = ctx.log.people.record(f"#{person.number}").person
    assert (held["birth_date"], held["sex"], held["id_number"]) == (
        "1990-01-02", "female", "001090123456"
    )  # fmt: skip
    [record] = [r for r in ctx.log.audit_records() if r.action == "person_correct"]
    assert json.loads(record.detail) == {"person": person.number,
                                         "fields": ["name", "birth_date", "sex"]}  # fmt: skip
    assert record.query == f"#{person.number}"
    assert "Name, Birth date, Sex" in dialog.message.text()


def test_correct_refuses_a_bad_value_and_keeps_the_form_open(
    dialog: PersonDialog, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialog, "confirm_correct", lambda *_a: True)
    dialog.query.setText("079195012345")
    dialog.find_button.click()
    form = dialog.on_correct()
    assert form is not None
    for field, bad in (("birth_date", "31/02/1995"), ("birth_date", "01/01/2999"),
                       ("name", "   "), ("phone", "9" * 41)):  # fmt: skip
        getattr(form, field).setText(bad)
        _ok(form)
        assert form.isVisible() and form.error.text(), (field, bad)
        getattr(form, field).setText(
            {"birth_date": "15/05/1995", "name": "Trần Thị Lan", "phone": ""}[field]
        )
    _ok(form)  # nothing changed: nothing asked, nothing stored
    assert not form.isVisible() and dialog.message.text() == "Nothing changed"
    assert "person_correct" not in [r.action for r in ctx.log.audit_records()]


def test_the_desk_tables_follow_a_correction_and_a_deletion(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened from the window's notice line: today's tables lose a deleted person and show
    a corrected name without F5."""
    from desk_app.domain.visits import Method
    from desk_app.ui.desk.sound import SoundPlayer
    from desk_app.ui.main_window import MainWindow

    ctx = open_context(f"sqlite:///{tmp_path / 'today.sqlite3'}")
    window = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    qtbot.addWidget(window)
    window.show()
    window.controller.submit_text(MINH, Method.SCANNER)
    window.controller.submit_text(LAN, Method.SCANNER)
    assert {"Nguyễn Văn Minh", "Trần Thị Lan"} <= set(window.visits.visible_names())
    monkeypatch.setattr(setup_dialogs, "ask_manager_pin", lambda *_a: True)
    window.privacy_bar.on_link("person")
    dialog = window.privacy_bar.person_dialog
    assert isinstance(dialog, PersonDialog)
    monkeypatch.setattr(dialog, "confirm_correct", lambda *_a: True)
    monkeypatch.setattr(dialog, "confirm_delete", lambda _p: True)
    dialog.query.setText("tran thi lan")
    dialog.find_button.click()
    form = dialog.on_correct()
    assert form is not None
    form.name.setText("Trần Thị Lành")
    _ok(form)
    assert "Trần Thị Lành" in window.visits.visible_names()
    dialog.query.setText("nguyen van minh")
    dialog.find_button.click()
    assert dialog.on_delete()
    names = window.visits.visible_names()
    assert "Nguyễn Văn Minh" not in names and "Trần Thị Lan" not in names
    dialog.close()
    window.close()
    ctx.close()


ANH = "001190111111||Lê Thị Ánh|01011990|Nữ|Hà Nội|01012021"


def test_a_number_given_to_someone_else_since_the_search_acts_on_nobody(
    dialog: PersonDialog, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SQLite log gives a deleted person's number to the next person added: the person
    listed before that is not the one the number names now, so nothing is shown, changed or
    deleted, and the list is searched again."""
    dialog.query.setText("tran thi lan")
    dialog.find_button.click()
    listed = dialog.chosen()
    assert listed is not None and listed.name == "Trần Thị Lan"
    ctx.log.people.delete("079195012345")  # at another desk, or on the command line
    ctx.log.record_scan(ctx.parse(ANH), at=NOW)
    [anh] = ctx.log.people.find("le thi anh")
    assert anh.number == listed.number  # the number is given again

    dialog.show_button.click()
    assert "Lê Thị Ánh" not in dialog.details.toPlainText()
    assert "001190111111" not in dialog.details.toPlainText()
    assert dialog.on_export(Path(ctx.db.url.split("///")[1]).parent) == []
    monkeypatch.setattr(dialog, "confirm_correct", lambda *_a: True)
    assert dialog.apply_correction(listed, {}, {"phone": "0912"}) == []
    monkeypatch.setattr(dialog, "confirm_delete", lambda _p: True)
    assert dialog.on_delete() is False
    [still] = ctx.log.people.find("le thi anh")
    assert still.visits == 1 and ctx.log.people.record(f"#{still.number}").person["phone"] is None
    assert "079" not in dialog.message.text() and dialog.message.text()
