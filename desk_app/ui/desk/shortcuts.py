"""The window's actions: keyboard shortcuts, menus, the toolbar and the shortcut list (F1)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.visits import Direction

# Every action has a key: the desk must work with no mouse.
ACTION_KEYS: dict[str, tuple[str, ...]] = {
    "manual": ("Ctrl+N",),
    "check_out": ("F8",),
    "full_id": ("Ctrl+I",),
    "print": ("Ctrl+P",),
    "report": ("Ctrl+R",),
    "quit": ("Ctrl+Q",),
    "direction_auto": ("F2",),
    "direction_in": ("F3",),
    "direction_out": ("F4",),
    "camera": ("F9",),
    "demo": ("Ctrl+D",),
    "scanner": ("F11",),
    "search": ("Ctrl+F",),
    "visits": ("Ctrl+1",),
    "inside": ("Ctrl+2",),
    "refresh": ("F5",),
    "settings": ("F12", "Ctrl+,"),
    "rollup": ("Ctrl+Shift+R",),
    "shortcuts": ("F1",),
    "about": ("Shift+F1",),
}

MENUS: dict[str, list[str | None]] = {
    "desk": ["manual", "check_out", "full_id", None, "print", "report", None, "quit"],
    "scan": ["direction_auto", "direction_in", "direction_out", None, "camera", "demo", "scanner"],
    "view": ["search", "visits", "inside", None, "refresh"],
    "tools": ["settings", None, "rollup"],
    "help": ["shortcuts", None, "about"],
}
TOOLBAR: list[str | None] = [
    "manual",
    None,
    "direction_auto",
    "direction_in",
    "direction_out",
    None,
    "check_out",
    "camera",
    "settings",
]


def key_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


class DeskActions(QObject):
    """Owns the actions of a window, its menus and toolbar, and their translated texts."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.by_name: dict[str, QAction] = {}
        for name, keys in ACTION_KEYS.items():
            action = QAction(window)
            action.setObjectName(f"action_{name}")
            action.setShortcuts([QKeySequence(k) for k in keys])
            window.addAction(action)  # shortcuts work with the menu bar closed
            self.by_name[name] = action
        group = QActionGroup(self)
        for name in ("direction_auto", "direction_in", "direction_out"):
            self.by_name[name].setCheckable(True)
            group.addAction(self.by_name[name])
        self.by_name["direction_auto"].setChecked(True)
        self.menus: dict[str, QMenu] = {}
        for key, names in MENUS.items():
            menu = window.menuBar().addMenu("")
            for entry in names:
                if entry:
                    menu.addAction(self.by_name[entry])
                else:
                    menu.addSeparator()
            self.menus[key] = menu
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        window.addToolBar(self.toolbar)
        for entry in TOOLBAR:
            if entry:
                self.toolbar.addAction(self.by_name[entry])
            else:
                self.toolbar.addSeparator()
        self.toolbar.addSeparator()
        self.direction_label = QLabel(self.toolbar)
        self.direction_label.setObjectName("directionLabel")
        self.toolbar.addWidget(self.direction_label)
        self.direction = Direction.AUTO
        self.retranslate_ui()

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def show_direction(self, direction: Direction | str) -> None:
        self.direction = Direction(direction)
        self.by_name[f"direction_{self.direction.value}"].setChecked(True)
        texts = {
            Direction.AUTO: self.tr("Direction: automatic"),
            Direction.IN: self.tr("Every scan is an ENTRY"),
            Direction.OUT: self.tr("Every scan is an EXIT"),
        }
        self.direction_label.setText(texts[self.direction])
        forced = self.direction != Direction.AUTO
        style = "padding: 4px 10px;"
        if forced:
            style += "background: #ffb300; color: #212121; font-weight: bold; border-radius: 4px;"
        self.direction_label.setStyleSheet(f"QLabel {{ {style} }}")

    def retranslate_ui(self) -> None:
        texts = {
            "manual": self.tr("Manual entry…"),
            "check_out": self.tr("Check out"),
            "full_id": self.tr("Show full ID number…"),
            "print": self.tr("Print codes…"),
            "report": self.tr("Weekly report…"),
            "quit": self.tr("Quit"),
            "direction_auto": self.tr("Automatic"),
            "direction_in": self.tr("Entry"),
            "direction_out": self.tr("Exit"),
            "camera": self.tr("Choose camera…"),
            "demo": self.tr("Play the demo feed"),
            "scanner": self.tr("Handheld scanner only"),
            "search": self.tr("Search visits"),
            "visits": self.tr("Go to today's visits"),
            "inside": self.tr("Go to who is inside"),
            "refresh": self.tr("Refresh"),
            "settings": self.tr("Settings…"),
            "rollup": self.tr("Roll up the weekly reports…"),
            "shortcuts": self.tr("Keyboard shortcuts"),
            "about": self.tr("About desk_app…"),
        }
        for name, text in texts.items():
            action = self.by_name[name]
            action.setText(text)
            action.setToolTip(f"{text.rstrip('…')} ({key_text(action)})")
        titles = {
            "desk": self.tr("&Desk"),
            "scan": self.tr("&Scanning"),
            "view": self.tr("&View"),
            "tools": self.tr("&Tools"),
            "help": self.tr("&Help"),
        }
        for key, menu in self.menus.items():
            menu.setTitle(titles[key])
        self.toolbar.setWindowTitle(self.tr("Main tools"))
        self.show_direction(self.direction)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False


class ShortcutsDialog(QDialog):
    """F1: every action with its keys, for a desk run from the keyboard."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setMinimumSize(440, 520)
        table = QTableWidget(len(actions), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, action in enumerate(actions):
            table.setItem(row, 0, QTableWidgetItem(action.text().replace("&", "")))
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            )
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
