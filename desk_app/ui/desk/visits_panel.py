"""Today's visits: the search field and the table (model, filter and view)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.visits import VisitRow
from desk_app.timeutil import local_today, to_local
from desk_app.ui.desk.visit_table_model import (
    COL_ENTRY,
    COL_EXIT,
    COL_HOST,
    COL_ID,
    COL_KIND,
    COL_METHOD,
    COL_NAME,
    COL_ORGANISATION,
    COL_PURPOSE,
    ROW_ROLE,
    VisitFilterProxy,
    VisitTableModel,
)

FILTER_DELAY_MS = 120
INSTANT_FILTER_ROWS = 500  # below this the filter follows every keystroke at once

WIDTHS = {
    COL_ENTRY: 68,
    COL_EXIT: 68,
    COL_NAME: 180,
    COL_ID: 104,
    COL_ORGANISATION: 120,
    COL_KIND: 175,  # "Mã QR cá nhân (PC-Covid)" whole
    COL_METHOD: 120,
    COL_PURPOSE: 120,
    COL_HOST: 110,
}


class VisitsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = local_today()
        self.model = VisitTableModel(self)
        self.proxy = VisitFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.search = QLineEdit(self)
        self.search.setObjectName("visitSearch")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.table = QTableView(self)
        self.table.setObjectName("visitTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed row heights and column widths: no per-row measuring with thousands of rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in WIDTHS.items():
            self.table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        # Filtering 5,000 rows takes tens of ms in Python: done once typing pauses, so that
        # each keystroke stays instant.
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self.on_search_changed)
        self.search.returnPressed.connect(self.apply_filter)
        self.retranslate_ui()

    def set_rows(self, rows: list[VisitRow], day: date | None = None) -> None:
        """The visits of ``day`` (today by default), replacing what was shown."""
        self.day = day or local_today()
        self.model.set_rows(rows)

    def on_visits_changed(self, rows: list[VisitRow], _counts: dict[str, int]) -> None:
        """Visits recorded or changed here or at another desk: today's move in place."""
        for row in rows:
            if to_local(row.entry_at).date() == self.day:
                self.model.upsert(row)

    def upsert(self, row: VisitRow) -> None:
        self.model.upsert(row)

    def selected_visit(self) -> VisitRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = index.data(ROW_ROLE)
        return value if isinstance(value, VisitRow) else None

    def only_open_match(self) -> VisitRow | None:
        """The one visit still open among the search's results; None when none or several."""
        self.apply_filter()  # typed just now: the results, not the list before
        found = []
        for r in range(self.proxy.rowCount()):
            value = self.proxy.index(r, 0).data(ROW_ROLE)
            if isinstance(value, VisitRow) and value.exit_at is None:
                found.append(value)
        return found[0] if len(found) == 1 else None

    def visible_names(self) -> list[str]:
        return [str(self.proxy.index(r, COL_NAME).data()) for r in range(self.proxy.rowCount())]

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.selectRow(0)

    def on_search_changed(self, text: str) -> None:
        if text and self.model.rowCount() > INSTANT_FILTER_ROWS:
            self.filter_timer.start()
        else:
            self.apply_filter()

    def apply_filter(self) -> None:
        self.filter_timer.stop()
        self.proxy.set_query(self.search.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Esc empties the search; Down moves into the results: no mouse needed.
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.focus_table()
                return True
        return super().eventFilter(watched, event)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Today's visits"))
        self.search.setPlaceholderText(
            self.tr("Search by name, ID number, organisation, purpose… (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Search today's visits"))
        self.table.setAccessibleName(self.tr("Today's visits"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
