"""The province's dialog: register and folder in, the week's figures and chart out, the
workbook and the letter saved, all away from the window's thread."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from desk_app.context import AppContext
from desk_app.ui.dialogs.reports.rollup_dialog import RollupDialog
from tests.unit import province_fixture as pf

WAIT_MS = 60_000


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> pf.Province:
    return pf.build(tmp_path_factory.mktemp("province"))


@pytest.fixture
def dialog(qtbot: QtBot, sqlite_url: str) -> Iterator[RollupDialog]:
    ctx = AppContext.open(sqlite_url)
    ctx.settings.set("unit.name", "Sở Thông tin và Truyền thông")
    widget = RollupDialog(ctx)
    qtbot.addWidget(widget)
    yield widget
    ctx.close()


def test_figures_chart_and_outputs(
    qtbot: QtBot, dialog: RollupDialog, province: pf.Province, tmp_path: Path
) -> None:
    assert not dialog.workbook_button.isEnabled()  # nothing to save yet
    dialog.register_edit.setText(str(province.register))
    dialog.folder_edit.setText(str(province.inbox[pf.W41]))
    dialog.week_day.setDate(QDate(2021, 10, 13))
    assert dialog.week_label.text() == "Week of 11 to 17/10/2021"
    with qtbot.waitSignal(dialog.job_finished, timeout=WAIT_MS) as finished:
        assert dialog.run_rollup()
        assert not dialog.run_button.isEnabled()  # busy while the worker reads
    assert finished.args[:2] == ["rollup", True]
    result = dialog.rollup
    assert result is not None
    assert (result.points, result.reported, result.zero, result.missing) == (6, 4, 1, 2)
    assert result.scans == 20
    text = dialog.figures.text()
    assert "reported zero: 1" in text and "sent nothing: 2" in text and "Scans: 20" in text
    assert [bar[0] for bar in dialog.chart.bars] == pf.DISTRICT_ORDER
    assert sum(bar[1] for bar in dialog.chart.bars) == 20
    assert "Scans this week" in dialog.legend.text() and "Previous week" in dialog.legend.text()
    assert dialog.unmatched.count() == 4  # 3 not counted, 1 older copy
    assert dialog.workbook_button.isEnabled() and dialog.letter_button.isEnabled()

    workbook, letter = tmp_path / "tinh.xlsx", tmp_path / "cong-van.docx"
    with qtbot.waitSignal(dialog.job_finished, timeout=WAIT_MS) as finished:
        dialog.save_workbook_to(workbook)
    assert finished.args[:2] == ["workbook", True]
    assert "Summary" in load_workbook(io.BytesIO(workbook.read_bytes())).sheetnames
    with qtbot.waitSignal(dialog.job_finished, timeout=WAIT_MS) as finished:
        dialog.save_letter_to(letter)
    assert finished.args[:2] == ["letter", True]
    body = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert "scan points that reported zero: 1; scan points that sent no figures: 2" in body


def test_a_bad_register_is_said_in_words(
    qtbot: QtBot, dialog: RollupDialog, province: pf.Province, tmp_path: Path
) -> None:
    bad = tmp_path / "danh-sach.csv"
    bad.write_text("x;y\n1;2\n", encoding="utf-8")
    dialog.register_edit.setText(str(bad))
    dialog.folder_edit.setText(str(province.inbox[pf.W41]))
    with qtbot.waitSignal(dialog.job_finished, timeout=WAIT_MS) as finished:
        dialog.run_rollup()
    assert finished.args[:2] == ["rollup", False]
    assert "no header row" in finished.args[2]
    assert dialog.status.text() == finished.args[2]
    assert dialog.rollup is None and not dialog.workbook_button.isEnabled()


def test_the_file_offered_is_named_by_the_week_of_the_figures(
    qtbot: QtBot,
    dialog: RollupDialog,
    province: pf.Province,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rolled up for week 41, then another day picked: what is saved is week 41's, and so
    is the name the save dialog offers."""
    from PySide6.QtWidgets import QFileDialog

    dialog.register_edit.setText(str(province.register))
    dialog.folder_edit.setText(str(province.inbox[pf.W41]))
    dialog.week_day.setDate(QDate(2021, 10, 13))
    with qtbot.waitSignal(dialog.job_finished, timeout=WAIT_MS):
        assert dialog.run_rollup()
    dialog.week_day.setDate(QDate(2021, 10, 20))
    offered: list[str] = []

    def save_name(*args: object) -> tuple[str, str]:
        offered.append(str(args[2]))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    dialog.on_save_workbook()
    dialog.on_save_letter()
    assert offered == ["tong-hop-2021-W41.xlsx", "cong-van-2021-W41.docx"]
