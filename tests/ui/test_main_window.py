"""The desk window driven like a receptionist would: keys, scans, the inside list, languages."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.context import AppContext
from desk_app.domain.visits import Method, Outcome, ScanResult
from desk_app.ui.desk.camera_panel import PAGE_NO_CAMERA
from desk_app.ui.desk.result_banner import ENTRY, EXIT, REJECTED, WARNING
from desk_app.ui.desk.sound import SoundPlayer
from desk_app.ui.desk.visit_table_model import COL_EXIT, COL_ID, COL_NAME
from desk_app.ui.main_window import MainWindow
from tests.ui.helpers import AN, BINH, OFFSCREEN_NOISE, open_context
from tests.videos import write_code_video

pytestmark = OFFSCREEN_NOISE


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
    win.activateWindow()
    yield win
    win.close()


def table_names(window: MainWindow) -> list[str]:
    return window.visits.visible_names()


def counters(window: MainWindow) -> dict[str, str]:
    return {key: label.text() for key, label in window.inside.counter_values.items()}


def test_every_action_has_a_key_shown_in_its_tooltip(window: MainWindow) -> None:
    actions = window.actions_.by_name
    assert len(actions) >= 15
    for action in actions.values():
        assert not action.shortcut().isEmpty(), action.objectName()
        assert action.shortcut().toString() in action.toolTip()
    keys = [a.shortcut().toString() for a in actions.values()]
    assert len(keys) == len(set(keys))  # no key does two things


def test_a_scan_becomes_a_row_a_banner_and_counters(window: MainWindow, ctx: AppContext) -> None:
    result = window.controller.submit_text(AN, Method.SCANNER)
    assert result is not None and result.outcome == Outcome.ENTRY
    assert table_names(window) == ["Nguyễn Văn An"]
    assert window.visits.model.data(window.visits.model.index(0, COL_ID)) == "001******456"
    assert window.banner.kind == ENTRY
    assert window.banner.name.text() == "Nguyễn Văn An"
    assert "001******456" in window.banner.details.text()
    assert counters(window) == {"inside": "1", "entries": "1", "exits": "0"}
    assert window.inside.list.count() == 1
    repeat = window.controller.submit_text(AN, Method.SCANNER)
    assert repeat is not None and repeat.outcome == Outcome.REPEAT
    assert window.banner.kind == WARNING
    assert table_names(window) == ["Nguyễn Văn An"]
    assert len(ctx.log.visits_on(window.today.day)) == 1


def test_no_full_id_on_screen(window: MainWindow) -> None:
    window.controller.submit_text(AN, Method.SCANNER)
    texts = [
        window.banner.name.text(),
        window.banner.details.text(),
        window.inside.list.item(0).text(),
    ]
    model = window.visits.model
    texts += [str(model.data(model.index(0, c))) for c in range(model.columnCount())]
    assert all("001090123456" not in text for text in texts)


def test_manual_entry_with_the_keyboard(qtbot: QtBot, window: MainWindow, ctx: AppContext) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialogs.manual_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.edits["name"].insert("Phạm Văn Dũng")
    dialog.edits["organisation"].insert("Công ty A")
    with qtbot.waitSignal(window.controller.scan_recorded):
        qtbot.keyClick(dialog.edits["name"], Qt.Key.Key_Return)
    assert table_names(window) == ["Phạm Văn Dũng"]
    [visit] = ctx.log.inside()
    assert (visit.entry_method, visit.organisation) == ("manual", "Công ty A")
    assert window.banner.kind == ENTRY


def test_check_out_from_the_inside_list(qtbot: QtBot, window: MainWindow, ctx: AppContext) -> None:
    window.controller.submit_text(AN, Method.SCANNER)
    window.controller.submit_text(BINH, Method.SCANNER)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.inside.list.currentRow() == 0  # newest first: Bình
    with qtbot.waitSignal(window.controller.scan_recorded) as signal:
        qtbot.keyClick(window, Qt.Key.Key_F8)
    assert signal.args[0].outcome == Outcome.EXIT
    assert signal.args[0].method == "checkout"
    assert [v.name for v in ctx.log.inside()] == ["Nguyễn Văn An"]
    assert window.inside.list.count() == 1
    assert counters(window) == {"inside": "1", "entries": "2", "exits": "1"}
    assert window.banner.kind == EXIT
    model = window.visits.model
    row = model.row_of(signal.args[0].visit_id)
    assert row is not None
    assert model.data(model.index(row, COL_NAME)) == "Trần Thị Bình"
    assert model.data(model.index(row, COL_EXIT)) != ""


def test_search_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    window.controller.submit_text(AN, Method.SCANNER)
    window.controller.submit_text(BINH, Method.SCANNER)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.visits.search, "binh")
    # The scanner wedge holds quick keys back a moment before handing them to the field.
    qtbot.waitUntil(lambda: window.visits.search.text() == "binh")
    qtbot.waitUntil(lambda: table_names(window) == ["Trần Thị Bình"])
    qtbot.keyClick(window.visits.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(table_names(window)) == 2)


def test_direction_override_keys(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert window.controller.direction.value == "out"
    assert window.actions_["direction_out"].isChecked()
    assert "EXIT" in window.actions_.direction_label.text()
    result = window.controller.submit_text(AN, Method.SCANNER)
    assert result is not None and result.outcome == Outcome.EXIT
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.controller.direction.value == "auto"


def test_full_id_asks_the_pin_and_is_audited(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desk_app.ui.dialogs.setup import setup_dialogs

    answers: list[bool] = [False, True]
    asked: list[str] = []

    def fake_ask(_ctx: AppContext, _parent: object, reason: str) -> bool:
        asked.append(reason)
        return answers.pop(0)

    monkeypatch.setattr(setup_dialogs, "ask_manager_pin", fake_ask)
    window.controller.submit_text(AN, Method.SCANNER)
    window.visits.focus_table()
    window.actions_["full_id"].trigger()  # wrong PIN: nothing shown, nothing audited
    assert window.dialogs.full_id_box is None
    assert not [r for r in ctx.log.audit_records() if r.action == "full_id_shown"]
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2
    assert window.dialogs.full_id_box is not None
    assert "001090123456" in window.dialogs.full_id_box.text()
    [record] = [r for r in ctx.log.audit_records() if r.action == "full_id_shown"]
    assert "visit" in record.detail
    window.dialogs.full_id_box.close()


def test_language_switch(qtbot: QtBot, window: MainWindow, ctx: AppContext) -> None:
    from desk_app.ui.i18n_qt import install_translators

    app = QApplication.instance()
    assert app is not None
    window.controller.submit_text(AN, Method.SCANNER)
    install_translators(app, "vi")  # Qt posts LanguageChange to every window
    try:
        caption = window.inside.counter_captions["inside"]
        qtbot.waitUntil(lambda: caption.text() == "Đang ở trong")
        assert window.windowTitle() == "Kiểm soát ra vào"
        assert window.actions_.menus["desk"].title() == "&Bàn tiếp đón"
        assert window.visits.model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Họ tên"
        assert window.banner.title.text() == "VÀO"
        ctx.settings.set("ui.language", "en")
        window.apply_settings(["ui.language"])
        caption = window.inside.counter_captions["inside"]
        qtbot.waitUntil(lambda: caption.text() == "Inside now")
        assert window.windowTitle() == "Entry control"
        assert window.actions_.menus["desk"].title() == "&Desk"
        assert window.actions_["manual"].text() == "Manual entry…"
        assert window.visits.model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Name"
        assert window.visits.search.placeholderText().startswith("Search by name")
        assert window.banner.title.text() == "IN"
    finally:
        from desk_app import i18n
        from desk_app.ui.i18n_qt import remove_translators

        remove_translators(app)  # other tests expect the source texts
        i18n.set_language("en")


def test_no_camera_shows_the_panel_and_manual_entry_still_works(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    with qtbot.waitSignal(
        window.feed.status_changed,
        timeout=10_000,
        check_params_cb=lambda state, _m: state == "no_camera",
    ):
        window.start_source(str(tmp_path / "no-such-camera.avi"))
    assert window.camera_panel.page() == PAGE_NO_CAMERA
    assert window.camera_panel.no_camera.isVisible()
    qtbot.mouseClick(window.camera_panel.manual_button, Qt.MouseButton.LeftButton)
    dialog = window.dialogs.manual_dialog
    assert dialog is not None
    dialog.edits["name"].insert("Lê Văn Em")
    with qtbot.waitSignal(window.controller.scan_recorded):
        dialog.accept()
    assert table_names(window) == ["Lê Văn Em"]


def test_choose_camera_lists_cameras_by_name(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    from desk_app.scanning import sources

    monkeypatch.setattr(sources, "list_cameras", lambda: [(0, "USB Camera")])
    with qtbot.waitSignal(window.feed.cameras_listed):
        qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.camera_panel.page() == PAGE_NO_CAMERA
    assert window.camera_panel.camera_combo.itemText(0) == "USB Camera (0)"
    with qtbot.waitSignal(window.feed.status_changed):
        qtbot.mouseClick(window.camera_panel.use_camera_button, Qt.MouseButton.LeftButton)
    assert window.feed.spec == "0"


def test_codes_in_a_video_become_rows_and_a_repeat_does_not(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    # An, Bình, then An again about two seconds later: inside the 10 s debounce window.
    video = write_code_video(tmp_path / "desk.avi", [AN, BINH, AN], fps=15, size=(640, 480))
    results: list[ScanResult] = []
    window.controller.scan_recorded.connect(results.append)
    with qtbot.waitSignal(window.feed.source_ended, timeout=30_000):
        window.start_source(str(video))
    assert [r.outcome for r in results] == [Outcome.ENTRY, Outcome.ENTRY, Outcome.REPEAT]
    assert all(r.method == "camera" for r in results)
    assert sorted(table_names(window)) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert sorted(v.name for v in ctx.log.visits_on(window.today.day)) == sorted(
        table_names(window)
    )
    assert window.banner.kind == WARNING  # the repeat
    assert window.camera_panel.preview.frames_shown > 30
    assert window.camera_panel.preview.outlines  # the last code seen was outlined


def test_scanner_burst_in_a_text_field_is_a_scan(
    qtbot: QtBot, window: MainWindow, ctx: AppContext
) -> None:
    code = "001090123456||Nguyen Van An|01011990|Nam|Ha Noi|01012021"
    window.visits.focus_search()
    with qtbot.waitSignal(window.controller.scan_recorded) as signal:
        qtbot.keyClicks(window.visits.search, code)
        qtbot.keyClick(window.visits.search, Qt.Key.Key_Return)
    assert signal.args[0].outcome == Outcome.ENTRY
    assert signal.args[0].method == "scanner"
    assert window.visits.search.text() == ""
    assert [v.entry_method for v in ctx.log.inside()] == ["scanner"]
    assert table_names(window) == ["Nguyen Van An"]


def test_exit_at_end_records_the_video_and_exits_0(tmp_path: Path) -> None:
    video = write_code_video(tmp_path / "feed.avi", [AN, BINH], fps=15, size=(640, 480))
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESK_APP_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "desk_app", "--db", url, "--camera", str(video), "--exit-at-end"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    ctx = AppContext.open(url)
    try:
        assert sorted(v.name for v in ctx.log.inside()) == ["Nguyễn Văn An", "Trần Thị Bình"]
    finally:
        ctx.close()


def test_exit_at_end_with_a_source_that_cannot_open_exits_non_zero(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESK_APP_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desk_app",
            "--db",
            f"sqlite:///{tmp_path / 'x.sqlite3'}",
            "--camera",
            str(tmp_path / "missing.avi"),
            "--exit-at-end",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr


def test_a_long_day_is_filtered_once_typing_pauses(qtbot: QtBot) -> None:
    from desk_app.ui.desk.visits_panel import INSTANT_FILTER_ROWS, VisitsPanel
    from tests.ui.test_visit_table_model import visit

    panel = VisitsPanel()
    qtbot.addWidget(panel)
    rows = [visit(i, f"Khách {i}", i) for i in range(INSTANT_FILTER_ROWS + 100, 0, -1)]
    panel.set_rows(rows)
    panel.search.setText("khach 600")
    assert panel.proxy.rowCount() == len(rows)  # not on every keystroke
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)
    assert panel.visible_names() == ["Khách 600"]
    panel.search.setText("")
    assert panel.proxy.rowCount() == len(rows)  # clearing is at once


def test_a_new_day_starts_an_empty_table(qtbot: QtBot, window: MainWindow) -> None:
    from datetime import timedelta

    from desk_app.timeutil import local_today

    window.controller.submit_text(AN, Method.SCANNER)
    assert table_names(window) == ["Nguyễn Văn An"]
    window.today.day -= timedelta(days=1)  # as if the window had been open since yesterday
    with qtbot.waitSignal(window.today.new_day):  # after the housekeeping, in the background
        window.today.on_clock()
    assert window.today.day == local_today()
    assert table_names(window) == ["Nguyễn Văn An"]  # today's again, read afresh
    assert counters(window)["entries"] == "1"


def test_a_failed_write_turns_the_banner_red(
    window: MainWindow, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desk_app.errors import UserError
    from desk_app.ui.desk.result_banner import REJECTED

    def full(*_args: object, **_kwargs: object) -> ScanResult:
        raise UserError("The disk is full: the scan was not recorded.")

    monkeypatch.setattr(ctx.log, "record_scan", full)
    assert window.controller.submit_text(AN, Method.SCANNER) is None
    assert window.banner.kind == REJECTED
    assert window.banner.title.text() == "Not recorded"
    assert "disk is full" in window.banner.note.text()
    assert table_names(window) == []


def test_manual_entry_opens_again_after_cancel(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_["manual"].trigger()
    first = window.dialogs.manual_dialog
    assert first is not None
    first.reject()
    assert window.dialogs.manual_dialog is None
    window.actions_["manual"].trigger()
    assert window.dialogs.manual_dialog is not None and window.dialogs.manual_dialog.isVisible()
    window.dialogs.manual_dialog.reject()


def test_a_log_moved_away_while_the_desk_runs_refuses_scans_until_it_is_back(
    window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    # The open file would take the writes into a file nobody sees any more: each scan shown
    # as recorded, all of them gone when the window closes.
    assert window.controller.submit_text(AN, Method.SCANNER) is not None
    log_file = tmp_path / "log.sqlite3"
    away = tmp_path.parent / f"{tmp_path.name}-away"
    tmp_path.rename(away)
    try:
        assert window.controller.submit_text(BINH, Method.SCANNER) is None
        assert window.banner.kind == REJECTED
        assert str(log_file) in window.banner.note.text()
    finally:
        away.rename(tmp_path)
    again = window.controller.submit_text(BINH, Method.SCANNER)
    assert again is not None and again.outcome == Outcome.ENTRY
    with sqlite3.connect(log_file) as conn:
        assert conn.execute("SELECT count(*) FROM visits").fetchone()[0] == 2


def test_a_log_replaced_while_the_desk_runs_is_not_written_blind(
    window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    assert window.controller.submit_text(AN, Method.SCANNER) is not None
    log_file = tmp_path / "log.sqlite3"
    copy = tmp_path / "copy.sqlite3"
    with sqlite3.connect(log_file) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    for extra in tmp_path.glob("log.sqlite3-*"):
        extra.unlink()
    copy.replace(log_file)  # a restored backup put in its place
    assert window.controller.submit_text(BINH, Method.SCANNER) is None
    assert window.banner.kind == REJECTED
    assert str(log_file) in window.banner.note.text()


def test_a_person_checked_out_at_another_desk_is_said_and_leaves_the_list(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, sqlite_url: str
) -> None:
    other = open_context(sqlite_url)
    try:
        result = window.controller.submit_text(AN, Method.SCANNER)
        assert result is not None and result.visit_id is not None
        gone = other.log.check_out(result.visit_id)  # the other desk was quicker
        assert gone is not None and gone.outcome == Outcome.EXIT
        assert window.inside.list.count() == 1  # this desk has not heard yet
        with qtbot.waitSignal(window.controller.failed) as said:
            assert window.controller.check_out(result.visit_id) is None
        assert "Nguyễn Văn An" not in said.args[0]
        assert "already checked out" in said.args[0]
        assert window.banner.kind == REJECTED
        assert window.inside.list.count() == 0
        assert counters(window) == {"inside": "0", "entries": "1", "exits": "1"}
        [visit] = ctx.log.visits_on(window.today.day)
        assert visit.exit_method == "checkout"
    finally:
        other.close()


def test_f8_checks_out_the_person_found_by_the_search_not_the_one_left_selected_inside(
    qtbot: QtBot, window: MainWindow, ctx: AppContext
) -> None:
    window.controller.submit_text(AN, Method.SCANNER)
    window.controller.submit_text(BINH, Method.SCANNER)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.inside.list.currentRow() == 0  # Bình, selected a while ago
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.visits.search, "nguyen")
    qtbot.keyClick(window.visits.search, Qt.Key.Key_Down)
    assert window.visits.table.hasFocus()
    assert table_names(window) == ["Nguyễn Văn An"]
    with qtbot.waitSignal(window.controller.scan_recorded) as signal:
        qtbot.keyClick(window.visits.table, Qt.Key.Key_F8)
    assert signal.args[0].outcome == Outcome.EXIT
    assert signal.args[0].name == "Nguyễn Văn An"
    assert [v.name for v in ctx.log.inside()] == ["Trần Thị Bình"]
    with qtbot.waitSignal(window.controller.failed) as said:  # pressed again: already out
        qtbot.keyClick(window.visits.table, Qt.Key.Key_F8)
    assert "no longer inside" in said.args[0]
    assert [v.name for v in ctx.log.inside()] == ["Trần Thị Bình"]


def test_f8_from_the_search_field_checks_out_its_one_open_match_or_nobody(
    qtbot: QtBot, window: MainWindow, ctx: AppContext
) -> None:
    window.controller.submit_text(AN, Method.SCANNER)
    window.controller.submit_text(BINH, Method.SCANNER)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.inside.list.currentRow() == 0  # Bình, selected a while ago
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.visits.search.insert("an")  # both names hold "an": nobody is chosen
    assert len(table_names(window)) == 2
    qtbot.keyClick(window.visits.search, Qt.Key.Key_F8)
    assert len(ctx.log.inside()) == 2
    window.visits.search.clear()
    window.visits.search.insert("nguyen")
    with qtbot.waitSignal(window.controller.scan_recorded) as signal:
        qtbot.keyClick(window.visits.search, Qt.Key.Key_F8)
    assert signal.args[0].name == "Nguyễn Văn An"
    assert [v.name for v in ctx.log.inside()] == ["Trần Thị Bình"]


def test_a_manual_entry_the_log_refuses_is_offered_again_filled_in(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    # Typed in full, refused by a log that is not where it was: nothing typed is lost.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialogs.manual_dialog
    assert dialog is not None
    dialog.edits["name"].insert("Phạm Văn Dũng")
    dialog.edits["phone"].insert("0912345678")
    dialog.edits["birth_date"].insert("01/02/1990")
    dialog.edits["organisation"].insert("Công ty A")
    dialog.edits["purpose"].insert("Giao hàng")
    log_file = tmp_path / "log.sqlite3"
    away = tmp_path / "held.sqlite3"
    log_file.rename(away)  # the write is refused
    try:
        with qtbot.waitSignal(window.dialogs.notice) as notice:
            qtbot.keyClick(dialog.edits["name"], Qt.Key.Key_Return)
    finally:
        away.rename(log_file)
    assert window.banner.kind == REJECTED and "Ctrl+N" in notice.args[0]
    qtbot.waitUntil(lambda: window.dialogs.manual_dialog is None)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    again = window.dialogs.manual_dialog
    assert again is not None and again.isVisible()
    values = {name: edit.text() for name, edit in again.edits.items()}
    assert values == {
        "name": "Phạm Văn Dũng",
        "id_number": "",
        "phone": "0912345678",
        "birth_date": "01/02/1990",
        "organisation": "Công ty A",
        "purpose": "Giao hàng",
        "host": "",
    }
    with qtbot.waitSignal(window.controller.scan_recorded):
        qtbot.keyClick(again.edits["name"], Qt.Key.Key_Return)
    [visit] = ctx.log.inside()
    assert (visit.name, visit.organisation) == ("Phạm Văn Dũng", "Công ty A")
    # Used once: the entry after it starts empty.
    qtbot.waitUntil(lambda: window.dialogs.manual_dialog is None)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    third = window.dialogs.manual_dialog
    assert third is not None and third.edits["name"].text() == ""
    third.reject()
