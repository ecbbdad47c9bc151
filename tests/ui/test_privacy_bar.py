"""The desk's privacy lines: the notice opens its full text, a tampered audit shows red."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desk_app import backup
from desk_app.context import AppContext
from desk_app.privacy_notice import notice_text
from desk_app.ui.desk.privacy_bar import PrivacyBar
from tests.ui.helpers import OFFSCREEN_NOISE, open_context

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def ctx(sqlite_url: str) -> Iterator[AppContext]:
    context = open_context(sqlite_url)
    context.settings.set("unit.name", "UBND xã Thử")
    context.settings.set("unit.contact", "0209 3870 000")
    yield context
    context.close()


def test_notice_line_opens_the_same_text_as_the_poster(qtbot: QtBot, ctx: AppContext) -> None:
    bar = PrivacyBar(ctx)
    qtbot.addWidget(bar)
    assert "UBND xã Thử" in bar.notice.text()
    bar.notice.linkActivated.emit("notice")
    assert bar.notice_box is not None
    text_shown = bar.notice_box.text()
    assert text_shown == notice_text(ctx.settings)
    assert "0209 3870 000" in text_shown and "30" in text_shown
    bar.notice_box.close()


def test_red_line_when_the_audit_is_tampered_with(qtbot: QtBot, ctx: AppContext) -> None:
    ctx.log.audit("full_id_shown", "visit 1")
    ctx.log.audit("full_id_shown", "visit 2")
    bar = PrivacyBar(ctx)
    qtbot.addWidget(bar)
    bar.show()
    assert bar.audit_warning.isHidden()
    ctx.db.write(lambda s: s.execute(text("UPDATE audit SET detail = 'x' WHERE id = 1")))
    bar.refresh()
    assert not bar.audit_warning.isHidden() and "#1" in bar.audit_warning.text()


def test_backup_reminder(qtbot: QtBot, ctx: AppContext, tmp_path: object) -> None:
    bar = PrivacyBar(ctx)
    qtbot.addWidget(bar)
    bar.show()
    assert not bar.backup_reminder.isHidden()
    backup.write_backup(ctx.db, tmp_path / "b.deskbackup", "passphrase-1")  # type: ignore[operator]
    bar.refresh()
    assert bar.backup_reminder.isHidden()


def test_person_link_opens_the_dialog_after_the_pin(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desk_app.ui.dialogs.setup import setup_dialogs

    monkeypatch.setattr(setup_dialogs, "ask_manager_pin", lambda *_a: True)
    bar = PrivacyBar(ctx)
    qtbot.addWidget(bar)
    bar.notice.linkActivated.emit("person")
    assert bar.person_dialog is not None and bar.person_dialog.isVisible()
    bar.person_dialog.close()
