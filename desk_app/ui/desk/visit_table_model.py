"""Today's visits as a Qt table model (newest first) and the search-as-you-type filter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

from desk_app.domain.names import fold
from desk_app.domain.visits import VisitRow
from desk_app.timeutil import to_local
from desk_app.ui.texts import describe_kind, describe_method, describe_warning

CTX = "VisitTableModel"

COL_ENTRY = 0
COL_EXIT = 1
COL_NAME = 2
COL_ID = 3
COL_ORGANISATION = 4
COL_KIND = 5
COL_METHOD = 6
COL_PURPOSE = 7
COL_HOST = 8
COL_NOTES = 9

HEADERS = (
    QT_TRANSLATE_NOOP("VisitTableModel", "In"),
    QT_TRANSLATE_NOOP("VisitTableModel", "Out"),
    QT_TRANSLATE_NOOP("VisitTableModel", "Name"),
    QT_TRANSLATE_NOOP("VisitTableModel", "ID number"),
    QT_TRANSLATE_NOOP("VisitTableModel", "Organisation"),
    QT_TRANSLATE_NOOP("VisitTableModel", "Code"),
    QT_TRANSLATE_NOOP("VisitTableModel", "Method"),
    QT_TRANSLATE_NOOP("VisitTableModel", "Purpose"),
    QT_TRANSLATE_NOOP("VisitTableModel", "Host"),
    QT_TRANSLATE_NOOP("VisitTableModel", "Notes"),
)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the VisitRow itself, for actions on a selection

_WARNING_BRUSH = QBrush(QColor("#fff3cd"))
# Text on the pale warning colour is always dark: a dark palette's white text would vanish.
_ON_WARNING_BRUSH = QBrush(QColor("#212121"))
_INSIDE_BRUSH = QBrush(QColor("#1b5e20"))
_INSIDE_ON_DARK_BRUSH = QBrush(QColor("#81c784"))


def dark_palette() -> bool:
    """True when the desk runs a dark colour scheme (light text on a dark base)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


def tr(text: object) -> str:
    return QCoreApplication.translate(CTX, str(text))


def _time(moment: Any) -> str:
    return to_local(moment).strftime("%H:%M:%S") if moment is not None else ""


class VisitTableModel(QAbstractTableModel):
    """Rows are kept oldest first internally so that a new visit is an append; the view
    shows them newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[VisitRow] = []
        self._pos: dict[int, int] = {}
        self._search: list[str] = []

    # ----- reading ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def _at(self, row: int) -> int:
        return len(self._rows) - 1 - row

    def row_at(self, row: int) -> VisitRow:
        return self._rows[self._at(row)]

    def row_of(self, visit_id: int) -> int | None:
        pos = self._pos.get(visit_id)
        return None if pos is None else self._at(pos)

    def search_text(self, row: int) -> str:
        return self._search[self._at(row)]

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        visit = self.row_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(visit, column)
        if role == ROW_ROLE:
            return visit
        if role == Qt.ItemDataRole.ToolTipRole:  # a narrow column's whole text on hover
            return self.display(visit, column) or None
        if role == Qt.ItemDataRole.BackgroundRole and visit.warnings:
            return _WARNING_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_ENTRY and visit.inside:
                on_dark = dark_palette() and not visit.warnings
                return _INSIDE_ON_DARK_BRUSH if on_dark else _INSIDE_BRUSH
            if visit.warnings:
                return _ON_WARNING_BRUSH
        return None

    @staticmethod
    def display(visit: VisitRow, column: int) -> str:
        if column == COL_ENTRY:
            return _time(visit.entry_at)
        if column == COL_EXIT:
            if visit.exit_at is None:
                return ""
            text = _time(visit.exit_at)
            if visit.exit_auto:
                auto = QCoreApplication.translate("VisitTableModel", "auto")
                return f"{text} ({auto})"
            return text
        if column == COL_NAME:
            return visit.name
        if column == COL_ID:
            return visit.masked_id
        if column == COL_ORGANISATION:
            return visit.organisation or ""
        if column == COL_KIND:
            return describe_kind(visit.code_kind)
        if column == COL_METHOD:
            methods = [visit.entry_method]
            if visit.exit_method and visit.exit_method != visit.entry_method:
                methods.append(visit.exit_method)  # the same way in and out is said once
            return " / ".join(describe_method(m) for m in methods)
        if column == COL_PURPOSE:
            return visit.purpose
        if column == COL_HOST:
            return visit.host
        if column == COL_NOTES:
            return "; ".join(describe_warning(w) for w in visit.warnings)
        return ""

    # ----- writing ---------------------------------------------------------------------
    @staticmethod
    def _search_key(visit: VisitRow) -> str:
        parts = (
            visit.name,
            visit.id_number or "",
            visit.organisation or "",
            visit.purpose,
            visit.host,
            visit.phone or "",
        )
        return fold(" ".join(parts))

    def set_rows(self, rows: list[VisitRow]) -> None:
        """Replace everything (``rows`` newest first, as the log returns them)."""
        self.beginResetModel()
        self._rows = list(reversed(rows))
        self._pos = {visit.id: pos for pos, visit in enumerate(self._rows)}
        self._search = [self._search_key(visit) for visit in self._rows]
        self.endResetModel()

    def upsert(self, visit: VisitRow) -> None:
        """A visit just recorded or changed: update it in place, or add it on top."""
        pos = self._pos.get(visit.id)
        if pos is not None:
            self._rows[pos] = visit
            self._search[pos] = self._search_key(visit)
            row = self._at(pos)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
            return
        if self._rows and visit.entry_at < self._rows[-1].entry_at:
            # Out of order (another desk's older visit): rare, so a full re-sort is fine.
            rows = sorted([*self._rows, visit], key=lambda v: (v.entry_at, v.id), reverse=True)
            self.set_rows(rows)
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._pos[visit.id] = len(self._rows)
        self._rows.append(visit)
        self._search.append(self._search_key(visit))
        self.endInsertRows()

    def retranslate(self) -> None:
        """Headers and label columns follow the language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1)
            )


class VisitFilterProxy(QSortFilterProxyModel):
    """Search as you type: every word must appear in the name, ID, organisation, purpose,
    host or phone, ignoring case and diacritics."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []

    def set_query(self, text: str) -> None:
        terms = fold(text).split()
        if terms == self._terms:
            return
        self.beginFilterChange()
        self._terms = terms
        self.endFilterChange()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._terms:
            return True
        model = self.sourceModel()
        if not isinstance(model, VisitTableModel):
            return True
        haystack = model.search_text(source_row)
        return all(term in haystack for term in self._terms)
