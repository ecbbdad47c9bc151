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
