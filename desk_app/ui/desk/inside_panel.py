"""Who is inside now, with a check-out action, and the day's counters."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.visits import VisitRow
from desk_app.timeutil import to_local

VISIT_ROLE = Qt.ItemDataRole.UserRole + 1


class InsidePanel(QWidget):
    """Emits ``check_out_requested(visit_id)``; the window records it through the controller."""

    check_out_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[int, VisitRow] = {}
        # Checked out while the server was out of reach: left out until the log has it too.
        self._waiting: set[int] = set()
        self._counts = {"inside": 0, "entries": 0, "exits": 0}

        self.counter_values: dict[str, QLabel] = {}
        self.counter_captions: dict[str, QLabel] = {}
        counters = QGridLayout()
        counters.setHorizontalSpacing(18)
        counters.setVerticalSpacing(0)
        for column, key in enumerate(("inside", "entries", "exits")):
            value = QLabel("0", self)
            font = value.font()
            font.setPixelSize(30)
            font.setBold(True)
            value.setFont(font)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value.setObjectName(f"counter_{key}")
            caption = QLabel(self)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setWordWrap(True)
            self.counter_values[key] = value
            self.counter_captions[key] = caption
            counters.addWidget(value, 0, column)
            counters.addWidget(caption, 1, column)

        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.list = QListWidget(self)
        self.list.setObjectName("insideList")
        self.list.setAlternatingRowColors(True)
        self.check_out_button = QPushButton(self)
        self.check_out_button.setObjectName("checkOutButton")

        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.check_out_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(counters)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)

        self.check_out_button.clicked.connect(self.on_check_out_clicked)
        self.list.itemActivated.connect(self.on_item_activated)
        self.list.currentItemChanged.connect(self.on_current_changed)
        self.retranslate_ui()

    # ----- data ------------------------------------------------------------------------
    def set_inside(self, rows: list[VisitRow]) -> None:
        """Everyone inside (newest first), replacing the list."""
        current = self.selected_visit_id()
        self._rows = {row.id: row for row in rows}
        self.list.clear()
        for row in rows:
            if row.id not in self._waiting:
                self.list.addItem(self._item(row))
        self._select(current)
        self._show_counts()

    def set_waiting(self, visit_ids: list[int]) -> None:
        """Visits whose check-out waits to be sent: out of the list (and the count) at once."""
        self._waiting = set(visit_ids)
        self.set_inside(sorted(self._rows.values(), key=lambda r: r.entry_at, reverse=True))

    def apply(self, row: VisitRow) -> None:
        """One visit changed: add it on top when inside, take it off when it left."""
        current = self.selected_visit_id()
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item is not None and item.data(VISIT_ROLE) == row.id:
                self.list.takeItem(index)
                break
        self._rows.pop(row.id, None)
        if row.inside:
            self._rows[row.id] = row
            if row.id not in self._waiting:
                self.list.insertItem(0, self._item(row))
        self._select(current)

    def _item(self, row: VisitRow) -> QListWidgetItem:
        item = QListWidgetItem(self._item_text(row))
        item.setData(VISIT_ROLE, row.id)
        return item

    def _select(self, visit_id: int | None) -> None:
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item is not None and item.data(VISIT_ROLE) == visit_id:
                self.list.setCurrentItem(item)
                break
        self.on_current_changed()

    def on_visits_changed(self, rows: list[VisitRow], counts: dict[str, int]) -> None:
        """Visits recorded or changed here or at another desk, with today's counts."""
        for row in rows:
            self.apply(row)
        self.set_counts(counts)

    def set_counts(self, counts: dict[str, int]) -> None:
        self._counts = dict(counts)
        self._show_counts()

    def _show_counts(self) -> None:
        shown = dict(self._counts)
        shown["inside"] = max(0, shown.get("inside", 0) - len(self._waiting & self._rows.keys()))
        for key, label in self.counter_values.items():
            label.setText(str(shown.get(key, 0)))

    @staticmethod
    def _item_text(row: VisitRow) -> str:
        when = to_local(row.entry_at).strftime("%H:%M")
        parts = [when, row.name or "—"]
        if row.masked_id:
            parts.append(row.masked_id)
        if row.organisation:
            parts.append(row.organisation)
        return "  ".join(parts)

    def selected_visit_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(VISIT_ROLE))

    def selected_visit(self) -> VisitRow | None:
        visit_id = self.selected_visit_id()
        return None if visit_id is None else self._rows.get(visit_id)

    # ----- actions ---------------------------------------------------------------------
    def request_check_out(self) -> bool:
        visit_id = self.selected_visit_id()
        if visit_id is None:
            return False
        self.check_out_requested.emit(visit_id)
        return True

    def on_check_out_clicked(self) -> None:
        self.request_check_out()

    def on_item_activated(self, _item: QListWidgetItem) -> None:
        self.request_check_out()

    def on_current_changed(self, *_args: object) -> None:
        self.check_out_button.setEnabled(self.list.currentItem() is not None)

    def focus_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    # ----- language --------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.counter_captions["inside"].setText(self.tr("Inside now"))
        self.counter_captions["entries"].setText(self.tr("Entries today"))
        self.counter_captions["exits"].setText(self.tr("Exits today"))
        self.heading.setText(self.tr("Who is inside"))
        self.check_out_button.setText(self.tr("Check out (F8)"))
        self.check_out_button.setToolTip(self.tr("Record that the selected person left (F8)"))
        self.list.setAccessibleName(self.tr("Who is inside"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
