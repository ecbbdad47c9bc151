"""The visits table model and its search filter, cell by cell, with no window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.domain.visits import VisitRow
from desk_app.ui.desk.visit_table_model import (
    COL_ENTRY,
    COL_EXIT,
    COL_HOST,
    COL_ID,
    COL_KIND,
    COL_METHOD,
    COL_NAME,
    COL_NOTES,
    COL_ORGANISATION,
    COL_PURPOSE,
    HEADERS,
    ROW_ROLE,
    VisitFilterProxy,
    VisitTableModel,
    fold,
)
from tests.ui.helpers import contrast

# 01:00 UTC is 08:00 in Hồ Chí Minh City (the tests' time zone).
BASE = datetime(2026, 11, 26, 1, 0, tzinfo=UTC)


def visit(
    visit_id: int,
    name: str,
    minutes: int,
    *,
    id_number: str | None = "001090123456",
    exit_minutes: int | None = None,
    warnings: tuple[str, ...] = (),
    **extra: object,
) -> VisitRow:
    fields: dict[str, object] = {
        "id": visit_id,
        "person_id": visit_id,
        "person_key": f"k{visit_id}",
        "name": name,
        "id_number": id_number,
        "birth_date": None,
        "sex": None,
        "phone": None,
        "organisation": None,
        "entry_at": BASE + timedelta(minutes=minutes),
        "exit_at": None if exit_minutes is None else BASE + timedelta(minutes=exit_minutes),
        "exit_auto": False,
        "entry_method": "camera",
        "exit_method": None,
        "code_kind": "cccd",
        "desk": "desk-1",
        "checkpoint": "Cổng chính",
        "purpose": "",
        "host": "",
        "warnings": warnings,
    }
    fields.update(extra)
    return VisitRow(**fields)  # type: ignore[arg-type]


def cell(model: VisitTableModel, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_headers_and_shape(qapp: object) -> None:
    model = VisitTableModel()
    assert model.columnCount() == len(HEADERS) == 10
    assert model.rowCount() == 0
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "Name"
    assert model.headerData(COL_ID, Qt.Orientation.Horizontal) == "ID number"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.rowCount(model.index(0, 0)) == 0


def test_cells_newest_first(qapp: object) -> None:
    model = VisitTableModel()
    older = visit(
        1,
        "Nguyễn Văn An",
        0,
        exit_minutes=90,
        exit_method="checkout",
        organisation="Sở Y tế",
        purpose="Họp",
        host="Chị Lan",
    )
    newer = visit(
        2,
        "Trần Thị Bình",
        30,
        id_number="012345678",
        code_kind="manual",
        entry_method="manual",
        warnings=("id_sex_mismatch",),
    )
    model.set_rows([newer, older])  # the log returns newest first
    assert model.rowCount() == 2
    assert cell(model, 0, COL_NAME) == "Trần Thị Bình"
    assert cell(model, 0, COL_ENTRY) == "08:30:00"
    assert cell(model, 0, COL_EXIT) == ""
    assert cell(model, 0, COL_ID) == "012***678"
    # The same words as the workbook's (one vocabulary).
    assert cell(model, 0, COL_KIND) == "No code (entered by hand)"
    assert cell(model, 0, COL_METHOD) == "Entered by hand"
    assert cell(model, 0, COL_NOTES) == "The sex does not match the ID number"
    assert cell(model, 0, COL_NOTES, Qt.ItemDataRole.ToolTipRole) == cell(model, 0, COL_NOTES)
    assert cell(model, 0, COL_NAME, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(model, 0, COL_ENTRY, Qt.ItemDataRole.ForegroundRole) is not None  # inside
    assert cell(model, 1, COL_NAME) == "Nguyễn Văn An"
    assert cell(model, 1, COL_ENTRY) == "08:00:00"
    assert cell(model, 1, COL_EXIT) == "09:30:00"
    assert cell(model, 1, COL_ID) == "001******456"
    assert cell(model, 1, COL_ORGANISATION) == "Sở Y tế"
    assert cell(model, 1, COL_KIND) == "Chip citizen ID card"
    assert cell(model, 1, COL_METHOD) == "Camera / Checked out at the desk"
    # A narrow column's whole text shows on hover.
    assert cell(model, 1, COL_KIND, Qt.ItemDataRole.ToolTipRole) == "Chip citizen ID card"
    assert cell(model, 1, COL_EXIT, Qt.ItemDataRole.ToolTipRole) == "09:30:00"
    assert cell(model, 1, COL_PURPOSE) == "Họp"
    assert cell(model, 1, COL_HOST) == "Chị Lan"
    assert cell(model, 1, COL_NOTES) == ""
    assert cell(model, 1, COL_NAME, Qt.ItemDataRole.BackgroundRole) is None
    assert cell(model, 1, COL_ENTRY, Qt.ItemDataRole.ForegroundRole) is None  # left
    assert cell(model, 1, COL_NAME, ROW_ROLE) is older
    assert model.data(QModelIndex()) is None


def test_full_id_never_displayed(qapp: object) -> None:
    model = VisitTableModel()
    model.set_rows([visit(1, "Nguyễn Văn An", 0)])
    shown = [cell(model, 0, c) for c in range(model.columnCount())]
    assert "001090123456" not in " ".join(str(s) for s in shown)


def test_automatic_exit_is_marked(qapp: object) -> None:
    model = VisitTableModel()
    model.set_rows([visit(1, "An", 0, exit_minutes=600, exit_auto=True, exit_method="auto")])
    assert cell(model, 0, COL_EXIT) == "18:00:00 (auto)"
    assert cell(model, 0, COL_METHOD) == "Camera / Automatic"


def test_the_same_way_in_and_out_is_said_once(qapp: object) -> None:
    model = VisitTableModel()
    model.set_rows([visit(1, "An", 0, exit_minutes=60, exit_method="camera")])
    assert cell(model, 0, COL_METHOD) == "Camera"


def test_upsert_inserts_on_top_and_updates_in_place(qtbot: QtBot) -> None:
    model = VisitTableModel()
    model.set_rows([visit(1, "An", 0)])
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.upsert(visit(2, "Bình", 5))
    assert inserted.args[1:] == [0, 0]
    assert [cell(model, r, COL_NAME) for r in range(2)] == ["Bình", "An"]
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.upsert(visit(1, "An", 0, exit_minutes=10))
    assert changed.args[0].row() == 1
    assert model.rowCount() == 2
    assert cell(model, 1, COL_EXIT) == "08:10:00"
    assert model.row_of(1) == 1 and model.row_of(2) == 0 and model.row_of(99) is None


def test_upsert_of_an_older_visit_keeps_order(qapp: object) -> None:
    model = VisitTableModel()
    model.set_rows([visit(2, "Bình", 20), visit(1, "An", 0)])
    model.upsert(visit(3, "Cường", 10))
    assert [cell(model, r, COL_NAME) for r in range(3)] == ["Bình", "Cường", "An"]


def test_fold_ignores_case_and_diacritics() -> None:
    assert fold("Nguyễn Đức Thắng") == "nguyen duc thang"


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("", ["Trần Thị Bình", "Nguyễn Văn An"]),
        ("nguyen", ["Nguyễn Văn An"]),
        ("BÌNH", ["Trần Thị Bình"]),
        ("so y", ["Nguyễn Văn An"]),  # organisation, several words
        ("456", ["Nguyễn Văn An"]),  # the number typed from a card
        ("zzz", []),
    ],
)
def test_filter(qapp: object, query: str, names: list[str]) -> None:
    model = VisitTableModel()
    model.set_rows(
        [
            visit(2, "Trần Thị Bình", 30, id_number=None),
            visit(1, "Nguyễn Văn An", 0, organisation="Sở Y tế"),
        ]
    )
    proxy = VisitFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_query(query)
    shown = [proxy.data(proxy.index(r, COL_NAME)) for r in range(proxy.rowCount())]
    assert shown == names


def test_filter_follows_new_rows(qapp: object) -> None:
    model = VisitTableModel()
    proxy = VisitFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_query("lan")
    model.upsert(visit(1, "An", 0))
    assert proxy.rowCount() == 0
    model.upsert(visit(2, "Lê Thị Lan", 1))
    assert proxy.rowCount() == 1


@pytest.mark.parametrize("dark", [False, True])
def test_rows_readable_in_light_and_dark_palettes(qapp: QApplication, dark: bool) -> None:
    old = qapp.palette()
    palette = QPalette(old)
    base, text = (
        (QColor("#202124"), QColor("#f1f1f1")) if dark else (QColor("white"), QColor("black"))
    )
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.Text, text)
    qapp.setPalette(palette)
    try:
        model = VisitTableModel()
        warned = visit(2, "Trần Thị Bình", 30, warnings=("id_sex_mismatch",))
        model.set_rows([warned, visit(1, "Nguyễn Văn An", 0)])
        for column in range(model.columnCount()):
            background = cell(model, 0, column, Qt.ItemDataRole.BackgroundRole)
            foreground = cell(model, 0, column, Qt.ItemDataRole.ForegroundRole)
            shown = foreground.color() if foreground is not None else text
            assert contrast(background.color(), shown) >= 4.5, (column, shown.name())
        inside = cell(model, 1, COL_ENTRY, Qt.ItemDataRole.ForegroundRole).color()
        assert contrast(base, inside) >= 4.5, inside.name()
    finally:
        qapp.setPalette(old)
