"""Choosing this desk's handheld scanner port (USB-COM / CDC mode), or none (keyboard mode).

Used by the first-run set-up and the settings. The list shows the serial ports the computer
has now; a port may also be typed in (a scanner that is not plugged in yet).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from desk_app.domain.pin import SettingsLike
from desk_app.scanning.serial_scanner import DEFAULT_BAUDRATE, available_ports
from desk_app.ui.dialogs.setup.setup_forms import RetranslatedWidget

BAUD_RATES = (9600, 19200, 38400, 57600, 115200)


class ScannerChoice(RetranslatedWidget):
    """An editable list of serial ports (first entry: none) and the baud rate."""

    KEYS = ("scanner.port", "scanner.baud")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.port = QComboBox(self)
        self.port.setObjectName("scanner_port")
        self.port.setEditable(True)  # a port not plugged in yet can be typed (COM3, /dev/ttyACM0)
        self.port.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.refresh = QPushButton(self)
        self.refresh.setObjectName("scanner_refresh")
        self.refresh.clicked.connect(self.list_ports)
        self.baud = QComboBox(self)
        self.baud.setObjectName("scanner_baud")
        for rate in BAUD_RATES:
            self.baud.addItem(str(rate), rate)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.port, 1)
        row.addWidget(self.refresh)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.port_label = QLabel(self)
        self.port_label.setBuddy(self.port)
        self.baud_label = QLabel(self)
        self.baud_label.setBuddy(self.baud)
        self.form.addRow(self.port_label, row)
        self.form.addRow(self.baud_label, self.baud)
        self.form.addRow(self.hint)
        self.list_ports()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.port_label.setText(self.tr("Scanner p&ort"))
        self.baud_label.setText(self.tr("&Baud rate"))
        self.refresh.setText(self.tr("Re&fresh"))
        self.port.setItemText(0, self.tr("None (keyboard-mode scanner or no scanner)"))
        self.port.setToolTip(self.tr("e.g. COM3 on Windows, /dev/ttyACM0 on Linux"))
        self.baud.setToolTip(self.tr("A USB-COM (CDC) port ignores it; leave 9600"))
        self.hint.setText(
            self.tr(
                "Set a handheld scanner to USB-COM (CDC, virtual serial port) mode and choose "
                "its port here: Vietnamese names then arrive intact. A scanner in keyboard "
                "mode needs nothing here; set it to send Enter after each code."
            )
        )

    def list_ports(self) -> None:
        """Fill the list with the ports found now, keeping what is chosen or typed."""
        current = self.value()
        self.port.blockSignals(True)
        self.port.clear()
        self.port.addItem("", "")
        for device, description in available_ports():
            label = f"{device} — {description}" if description else device
            self.port.addItem(label, device)
        self.port.blockSignals(False)
        self._select(current)
        self.retranslate_ui()

    def _select(self, port: str) -> None:
        index = self.port.findData(port) if port else 0
        if index >= 0:
            self.port.setCurrentIndex(index)
        else:
            self.port.setCurrentIndex(-1)
            self.port.setEditText(port)

    def value(self) -> str:
        """The chosen port ("" for none): a listed port, or the text typed in."""
        index = self.port.currentIndex()
        text = self.port.currentText().strip()
        if index >= 0 and self.port.itemText(index) == self.port.currentText():
            return str(self.port.itemData(index) or "")
        return text

    def load(self, settings: SettingsLike) -> None:
        self._select(str(settings.get("scanner.port")))
        baud = int(settings.get("scanner.baud") or DEFAULT_BAUDRATE)
        if self.baud.findData(baud) < 0:
            self.baud.addItem(str(baud), baud)
        self.baud.setCurrentIndex(self.baud.findData(baud))

    def values(self) -> dict[str, Any]:
        return {"scanner.port": self.value(), "scanner.baud": int(self.baud.currentData())}
