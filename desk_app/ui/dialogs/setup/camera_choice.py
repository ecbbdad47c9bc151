"""Choosing the desk's camera by name, or a camera number, video file or stream address.

Listing cameras can take a second per camera on Windows (each one is opened), so it runs in
a thread; the current choice is shown at once and stays selectable while the list comes.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.background import Job, start_job
from desk_app.ui.dialogs.setup.setup_forms import Problem, RetranslatedWidget

log = logging.getLogger(__name__)

OTHER_SOURCE = "__other__"


def camera_choices() -> list[tuple[str, str]]:
    """(value for ``scan.camera``, name) of the cameras found; [] when none can be listed."""
    from desk_app.scanning.sources import list_cameras

    try:
        found = list(list_cameras())
    except Exception:  # a camera driver failing must not keep the settings closed
        log.exception("Listing cameras failed")
        return []
    return [(str(index), str(name)) for index, name in found]


class CameraChoice(RetranslatedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(self)
        self.combo.setObjectName("camera")
        layout.addWidget(self.combo)
        row = QHBoxLayout()
        self.source = QLineEdit(self)
        self.source.setObjectName("camera_source")
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self.on_browse)
        row.addWidget(self.source, 1)
        row.addWidget(self.browse)
        layout.addLayout(row)
        self._cameras: list[tuple[str, str]] = []
        self._value = ""
        self.combo.currentIndexChanged.connect(self._source_enabled)
        self._rebuild()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._rebuild()
        self.source.setPlaceholderText(self.tr("e.g. 1, D:\\video.mp4 or rtsp://…"))
        self.browse.setText(self.tr("&Browse…"))

    def _label(self, value: str, name: str | None) -> str:
        if name:
            return f"{name} ({value})"
        return self.tr("Camera %1").replace("%1", value)

    def _rebuild(self) -> None:
        """Cameras found, the current camera number if not among them, then "other"."""
        value = self.value() if self.combo.count() else self._value
        self.combo.blockSignals(True)
        self.combo.clear()
        for index, name in self._cameras:
            self.combo.addItem(self._label(index, name), index)
        if value.isdigit() and self.combo.findData(value) < 0:
            self.combo.addItem(self._label(value, None), value)
        self.combo.addItem(self.tr("Camera number, video file or stream address"), OTHER_SOURCE)
        position = self.combo.findData(value)
        if position < 0:
            position = self.combo.count() - 1
            self.source.setText(value)
        self.combo.setCurrentIndex(position)
        self.combo.blockSignals(False)
        self._source_enabled()

    def set_cameras(self, cameras: list[tuple[str, str]]) -> None:
        self._cameras = [(str(v), str(n)) for v, n in cameras]
        self._rebuild()

    def list_in_background(self) -> Job:
        job = Job(lambda _progress: camera_choices())
        job.succeeded.connect(self.set_cameras)
        return start_job(job)

    def set_value(self, value: str) -> None:
        self._value = value
        self.source.clear()
        self.combo.clear()
        self._rebuild()

    def value(self) -> str:
        data = self.combo.currentData()
        return self.source.text().strip() if data == OTHER_SOURCE else str(data or "")

    def _source_enabled(self) -> None:
        other = self.combo.currentData() == OTHER_SOURCE
        self.source.setEnabled(other)
        self.browse.setEnabled(other)

    def problem(self) -> Problem | None:
        if self.combo.currentData() == OTHER_SOURCE and not self.source.text().strip():
            return self.source, self.tr("Enter a camera number, a video file or an address.")
        return None

    def on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a video file"),
            self.source.text(),
            self.tr("Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)"),
        )
        if path:
            self.source.setText(path)
