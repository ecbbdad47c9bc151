"""The camera panel: live preview with the code outlined, status line, and the no-camera page."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

# An outline is drawn while its frame is this recent (counted from when the frame arrived,
# not from when decoding finished): a card moves on, and an old outline would frame a wall.
OUTLINE_SECONDS = 0.15

PAGE_LIVE = 0
PAGE_NO_CAMERA = 1
PAGE_SCANNER = 2


def _points(raw: Any) -> list[QPointF]:
    points: list[QPointF] = []
    for point in raw or ():
        if hasattr(point, "x") and not isinstance(point, Sequence):
            x, y = point.x, point.y
            x, y = (x(), y()) if callable(x) else (x, y)
        else:
            x, y = point[0], point[1]
        points.append(QPointF(float(x), float(y)))
    return points


class PreviewWidget(QWidget):
    """Paints the latest frame, scaled to fit, and the outline of the codes just decoded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.frame: QImage | None = None
        self.frames_shown = 0
        self._outlines: list[QPolygonF] = []
        self._outlined_at = 0.0

    def set_frame(self, image: QImage) -> None:
        self.frame = image
        self.frames_shown += 1
        self.update()

    @property
    def outlines(self) -> list[QPolygonF]:
        """The outlines of the codes decoded last (drawn for a moment after)."""
        return list(self._outlines)

    def set_outlines(self, polygons: Iterable[list[QPointF]], seen_at: float | None = None) -> None:
        """Outlines in frame pixels; ``seen_at`` is when their frame arrived (monotonic)."""
        self._outlines = [QPolygonF(points) for points in polygons if len(points) >= 3]
        self._outlined_at = time.monotonic() if seen_at is None else seen_at
        self.update()
        # Take the outline off even when no new frame comes (a paused or ended feed).
        left = OUTLINE_SECONDS - (time.monotonic() - self._outlined_at)
        QTimer.singleShot(max(0, int(left * 1000)) + 20, self.update)

    def clear(self) -> None:
        self.frame = None
        self._outlines = []
        self.update()

    def image_rect(self) -> QRectF:
        if self.frame is None or self.frame.isNull():
            return QRectF()
        scale = min(self.width() / self.frame.width(), self.height() / self.frame.height())
        w, h = self.frame.width() * scale, self.frame.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#101418"))
        if self.frame is None or self.frame.isNull():
            painter.end()
            return
        target = self.image_rect()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.frame)
        if self._outlines and time.monotonic() - self._outlined_at < OUTLINE_SECONDS:
            scale = target.width() / self.frame.width()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.translate(target.topLeft())
            painter.scale(scale, scale)
            pen = QPen(QColor("#00e676"), 4 / scale)
            painter.setPen(pen)
            for polygon in self._outlines:
                painter.drawPolygon(polygon)
        painter.end()


class CameraPanel(QWidget):
    """Shows the feed; on the no-camera page it offers the other ways to work."""

    camera_chosen = Signal(str)
    demo_requested = Signal()
    scanner_requested = Signal()
    manual_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = "opening"
        self._message = ""
        self.preview = PreviewWidget(self)
        self.status = QLabel(self)
        self.status.setObjectName("cameraStatus")
        self.status.setWordWrap(True)

        live = QWidget(self)
        live_layout = QVBoxLayout(live)
        live_layout.setContentsMargins(0, 0, 0, 0)
        live_layout.addWidget(self.preview, 1)

        self.no_camera = QWidget(self)
        self.no_camera.setObjectName("noCameraPage")
        self.no_camera_title = QLabel(self.no_camera)
        font = self.no_camera_title.font()
        font.setPixelSize(24)
        font.setBold(True)
        self.no_camera_title.setFont(font)
        self.no_camera_text = QLabel(self.no_camera)
        self.no_camera_text.setWordWrap(True)
        self.camera_combo = QComboBox(self.no_camera)
        self.camera_combo.setObjectName("cameraCombo")
        self.camera_combo.setEditable(True)  # a video file or a stream URL can be typed in
        self.camera_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.use_camera_button = QPushButton(self.no_camera)
        self.demo_button = QPushButton(self.no_camera)
        self.demo_button.setObjectName("demoButton")
        self.scanner_button = QPushButton(self.no_camera)
        self.manual_button = QPushButton(self.no_camera)
        self.manual_button.setObjectName("manualButton")
        row = QHBoxLayout()
        row.addWidget(self.camera_combo, 1)
        row.addWidget(self.use_camera_button)
        page = QVBoxLayout(self.no_camera)
        page.setContentsMargins(24, 24, 24, 24)
        page.addWidget(self.no_camera_title)
        page.addWidget(self.no_camera_text)
        page.addSpacing(8)
        page.addLayout(row)
        for button in (self.demo_button, self.scanner_button, self.manual_button):
            button.setMinimumHeight(36)
            page.addWidget(button)
        page.addStretch(1)

        self.scanner_page = QWidget(self)
        self.scanner_title = QLabel(self.scanner_page)
        self.scanner_title.setFont(font)
        self.scanner_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scanner_text = QLabel(self.scanner_page)
        self.scanner_text.setWordWrap(True)
        self.scanner_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scanner_camera_button = QPushButton(self.scanner_page)
        scanner_layout = QVBoxLayout(self.scanner_page)
        scanner_layout.addStretch(1)
        scanner_layout.addWidget(self.scanner_title)
        scanner_layout.addWidget(self.scanner_text)
        scanner_layout.addWidget(self.scanner_camera_button, 0, Qt.AlignmentFlag.AlignCenter)
        scanner_layout.addStretch(1)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(live)
        self.pages.addWidget(self.no_camera)
        self.pages.addWidget(self.scanner_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)

        self.use_camera_button.clicked.connect(self.on_use_camera_clicked)
        combo_edit = self.camera_combo.lineEdit()
        if combo_edit is not None:
            combo_edit.returnPressed.connect(self.on_use_camera_clicked)
        self.demo_button.clicked.connect(self.demo_requested)
        self.scanner_button.clicked.connect(self.scanner_requested)
        self.manual_button.clicked.connect(self.manual_requested)
        self.scanner_camera_button.clicked.connect(self.on_scanner_camera_clicked)
        self.retranslate_ui()

    # ----- feed ------------------------------------------------------------------------
    def show_frame(self, image: QImage) -> None:
        if self.pages.currentIndex() != PAGE_LIVE:
            self.pages.setCurrentIndex(PAGE_LIVE)
        self.preview.set_frame(image)

    def show_detections(self, detections: Iterable[Any]) -> None:
        found = list(detections)
        arrived = [getattr(d, "arrived_at", None) for d in found]
        seen_at = min((a for a in arrived if isinstance(a, float)), default=None)
        self.preview.set_outlines((_points(getattr(d, "points", None)) for d in found), seen_at)

    def set_status(self, state: str, message: str = "") -> None:
        self.state, self._message = state, message
        self._render_status()

    def show_no_camera(self, message: str = "") -> None:
        self.preview.clear()
        self._message = message
        self.pages.setCurrentIndex(PAGE_NO_CAMERA)
        self._render_status()
        self.demo_button.setFocus()

    def set_cameras(self, cameras: Sequence[tuple[int, str]]) -> None:
        self.camera_combo.clear()
        for index, name in cameras:
            self.camera_combo.addItem(f"{name} ({index})", str(index))
        if cameras:
            # With a placeholder text Qt leaves the first item unselected.
            self.camera_combo.setCurrentIndex(0)
            if self.pages.currentIndex() == PAGE_NO_CAMERA:
                self.camera_combo.setFocus()

    def show_scanner_mode(self) -> None:
        self.preview.clear()
        self.pages.setCurrentIndex(PAGE_SCANNER)

    def page(self) -> int:
        return self.pages.currentIndex()

    def on_use_camera_clicked(self) -> None:
        index = self.camera_combo.currentIndex()
        data = self.camera_combo.itemData(index) if index >= 0 else None
        text = self.camera_combo.currentText().strip()
        spec = str(data) if data is not None and text == self.camera_combo.itemText(index) else text
        if spec:
            self.camera_chosen.emit(spec)

    def on_scanner_camera_clicked(self) -> None:
        self.show_no_camera(self._message)

    # ----- language --------------------------------------------------------------------
    def _state_text(self) -> str:
        return {
            "opening": self.tr("Opening the camera…"),
            "live": self.tr("Camera live: hold the code steady in front of it"),
            "lost": self.tr("Camera lost: reconnecting…"),
            "retrying": self.tr("Reconnecting to the camera…"),
            "ended": self.tr("The video has ended"),
            "no_camera": self.tr("No camera"),
            "stopped": self.tr("Camera stopped"),
        }.get(self.state, self.state)

    def _render_status(self) -> None:
        text = self._state_text()
        if self._message and self.state != "live":
            text = f"{text} ({self._message})"
        self.status.setText(text)

    def retranslate_ui(self) -> None:
        self.no_camera_title.setText(self.tr("No camera"))
        explanation = self.tr(
            "The desk works without a camera too: choose another camera, play the demo "
            "feed, scan with a handheld scanner or type a visitor in."
        )
        self.no_camera_text.setText(explanation)
        hint = self.tr("Camera, video file or stream address")
        self.camera_combo.setPlaceholderText(hint)
        combo_edit = self.camera_combo.lineEdit()
        if combo_edit is not None:  # an editable box shows its line edit's hint, not its own
            combo_edit.setPlaceholderText(hint)
        self.camera_combo.setToolTip(self.tr("Cameras found on this computer"))
        self.use_camera_button.setText(self.tr("Use this camera"))
        self.demo_button.setText(self.tr("Play the demo feed (Ctrl+D)"))
        self.scanner_button.setText(self.tr("Use a handheld scanner (F11)"))
        self.manual_button.setText(self.tr("Manual entry (Ctrl+N)"))
        self.scanner_title.setText(self.tr("Handheld scanner"))
        self.scanner_text.setText(
            self.tr("Scan a code with the handheld scanner: it is recorded wherever the cursor is.")
        )
        self.scanner_camera_button.setText(self.tr("Use a camera instead"))
        self.preview.setAccessibleName(self.tr("Camera preview"))
        self._render_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
