"""The camera panel: outlines drawn on fresh frames only, the no-camera page's choices."""

from __future__ import annotations

import time

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from desk_app.ui.desk.camera_panel import PAGE_LIVE, PAGE_NO_CAMERA, CameraPanel, PreviewWidget
from tests.ui.helpers import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE

SQUARE = [QPointF(100, 100), QPointF(300, 100), QPointF(300, 300), QPointF(100, 300)]


def green_pixels(widget: PreviewWidget) -> int:
    image = widget.grab().toImage()
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = QColor(image.pixel(x, y))
            if colour.green() > 200 and colour.red() < 60 and colour.blue() < 160:
                count += 1
    return count


def gray_frame() -> QImage:
    frame = QImage(640, 480, QImage.Format.Format_RGB32)
    frame.fill(QColor("#808080"))
    return frame


def test_outline_on_a_fresh_frame_only(qtbot: QtBot) -> None:
    preview = PreviewWidget()
    qtbot.addWidget(preview)
    preview.resize(640, 480)
    preview.set_frame(gray_frame())
    assert green_pixels(preview) == 0
    preview.set_outlines([SQUARE], seen_at=time.monotonic())
    assert green_pixels(preview) > 50
    preview.set_outlines([SQUARE], seen_at=time.monotonic() - 2)  # decoded from an old frame
    assert green_pixels(preview) == 0


def test_no_camera_page_offers_the_other_ways(qtbot: QtBot) -> None:
    panel = CameraPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_no_camera("Camera 0 cannot be opened")
    assert panel.page() == PAGE_NO_CAMERA
    assert "Camera 0 cannot be opened" in panel.status.text()
    panel.set_cameras([(0, "Integrated Webcam"), (2, "USB 2D Camera")])
    assert panel.camera_combo.currentText() == "Integrated Webcam (0)"
    panel.camera_combo.setCurrentIndex(1)
    with qtbot.waitSignal(panel.camera_chosen) as chosen:
        qtbot.mouseClick(panel.use_camera_button, Qt.MouseButton.LeftButton)
    assert chosen.args == ["2"]
    for button, signal in (
        (panel.demo_button, panel.demo_requested),
        (panel.scanner_button, panel.scanner_requested),
        (panel.manual_button, panel.manual_requested),
    ):
        with qtbot.waitSignal(signal):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    panel.show_frame(gray_frame())
    assert panel.page() == PAGE_LIVE


def test_a_typed_source_is_used_as_typed(qtbot: QtBot) -> None:
    panel = CameraPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_no_camera()
    panel.set_cameras([])  # none found: the empty box says what may be typed in it
    edit = panel.camera_combo.lineEdit()
    assert edit is not None and edit.placeholderText() == "Camera, video file or stream address"
    panel.camera_combo.setEditText("rtsp://192.168.1.20/stream")
    with qtbot.waitSignal(panel.camera_chosen) as chosen:
        qtbot.mouseClick(panel.use_camera_button, Qt.MouseButton.LeftButton)
    assert chosen.args == ["rtsp://192.168.1.20/stream"]
