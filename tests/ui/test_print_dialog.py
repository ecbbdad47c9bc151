"""The print dialog: poster (own or issued code, from a photo), cards, passes; every output."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from desk_app.context import AppContext
from desk_app.domain.payloads import CodeKind
from desk_app.printing.output import page_image
from desk_app.printing.poster import plan_poster, poster_document
from desk_app.ui.dialogs.printing import print_dialog
from desk_app.ui.dialogs.printing.print_dialog import TAB_CARDS, TAB_PASS, TAB_POSTER, PrintDialog
from tests.ui.print_checks import rasterise, read_grey, unit_context, zxing_codes

AN = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"


@pytest.fixture
def ctx(sqlite_url: str, qapp: object) -> AppContext:
    return unit_context(sqlite_url)


def _dialog(qtbot: QtBot, ctx: AppContext, **kwargs: object) -> PrintDialog:
    dialog = PrintDialog(ctx, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def _codes(pdf: Path) -> list[str]:
    return [found.text for found in zxing_codes(rasterise(pdf, 150))]


def test_poster_saved_as_pdf_and_png_records_its_version(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, ctx)
    assert dialog.tabs.currentIndex() == TAB_POSTER
    assert dialog.poster_tab.checkpoint.currentText() == "Cổng chính"
    assert "version 1" in dialog.poster_tab.info.text()
    saved = dialog.save_to(tmp_path / "poster.pdf")
    assert _codes(saved[0]) == [plan_poster(ctx).payload]
    assert "Unchanged" in dialog.poster_tab.info.text()
    dialog.poster_tab.paper.setCurrentText("A5")
    png = dialog.save_to(tmp_path / "poster.png")[0]
    grey = read_grey(png)
    assert grey.shape == (2480, 1748)  # A5 at 300 dpi
    ctx.settings.set("unit.address", "Số 9, đường Trường Chinh")
    dialog.poster_tab.checkpoint.setCurrentIndex(1)
    dialog.poster_tab.checkpoint.setCurrentIndex(0)
    assert "version 2" in dialog.poster_tab.info.text()


def test_issued_code_pasted_or_read_from_a_photo(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    issued = "https://checkin.example.gov.vn/l?c=BK-000123"
    # A "photo" of the old poster: its page, turned a little and shrunk, as a JPEG.
    old = plan_poster(ctx, payload=issued)
    image = page_image(poster_document(old, "A4"), 0, dpi=100)
    page = tmp_path / "page.png"
    image.save(str(page))
    picture = cv2.imread(str(page))
    assert picture is not None
    turn = cv2.getRotationMatrix2D((picture.shape[1] / 2, picture.shape[0] / 2), 7, 0.8)
    photo = cv2.warpAffine(
        picture, turn, (picture.shape[1], picture.shape[0]), borderValue=(200, 200, 200)
    )
    photo_path = tmp_path / "ảnh áp phích cũ.jpg"  # a Vietnamese file name, too
    cv2.imencode(".jpg", photo)[1].tofile(str(photo_path))

    dialog = _dialog(qtbot, ctx)
    assert not dialog.poster_tab.payload.isEnabled()
    assert dialog.poster_tab.read_code_from_image(photo_path)
    assert dialog.poster_tab.external_code.isChecked() and dialog.poster_tab.payload.isEnabled()
    assert dialog.poster_tab.payload.toPlainText() == issued
    pdf = dialog.save_to(tmp_path / "issued.pdf")[0]
    assert _codes(pdf) == [issued]

    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((200, 200), 255, np.uint8))
    assert not dialog.poster_tab.read_code_from_image(blank)
    assert "No QR code found" in dialog.message.text()

    dialog.poster_tab.payload.setPlainText("")
    assert dialog.save_to(tmp_path / "empty.pdf") == []
    assert "empty" in dialog.message.text()
    assert not (tmp_path / "empty.pdf").exists()


def test_preview_paints_the_same_pages(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = _dialog(qtbot, ctx)
    document, _after = dialog.current_document()
    preview = dialog.preview_dialog(document)
    qtbot.addWidget(preview)
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    widget.updatePreview()
    assert widget.pageCount() == 1


def test_print_goes_through_the_system_dialog(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "printed.pdf"

    class AcceptingPrintDialog:
        """The system dialog, answered "Print" with a PDF printer chosen."""

        def __init__(self, printer: QPrinter, _parent: QWidget) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(target))

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(print_dialog, "QPrintDialog", AcceptingPrintDialog)
    dialog = _dialog(qtbot, ctx)
    payload = plan_poster(ctx).payload
    dialog.on_print()
    assert _codes(target) == [payload]
    assert plan_poster(ctx).previous_version == 1


def test_staff_import_revoke_and_cards(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text(
        "staff_id,name,title\nNV001,Nguyễn Văn An,Giám đốc\nNV002,,\nNV003,Lê Thị Cúc,Kế toán\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(staff), ""))
    dialog = _dialog(qtbot, ctx)
    dialog.tabs.setCurrentIndex(TAB_CARDS)
    dialog.cards_tab.import_button.click()
    assert dialog.cards_tab.table.rowCount() == 2
    assert "Line 3: no name" in dialog.cards_tab.info.text()

    dialog.cards_tab.revoke_button.click()  # nothing selected
    assert "Select the card" in dialog.message.text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Mất thẻ", True))
    dialog.cards_tab.table.selectRow(0)
    dialog.cards_tab.revoke_button.click()
    assert [m.staff_id for m in ctx.log.staff()] == ["NV003"]
    item = dialog.cards_tab.table.item(0, 4)
    assert item is not None and item.text().startswith("revoked")

    dialog.cards_tab.table.clearSelection()
    pdf = tmp_path / "cards.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(pdf), ""))
    dialog.pdf_button.click()
    codes = _codes(pdf)
    assert [ctx.parse(code).id_number for code in codes] == ["NV003"]


def test_visitor_pass_for_the_chosen_visit(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit_id = ctx.log.record_scan(ctx.parse(AN)).visit_id
    assert visit_id is not None
    dialog = _dialog(qtbot, ctx, visit_id=visit_id)
    assert dialog.tabs.currentIndex() == TAB_PASS
    assert dialog.pass_tab.visit.currentData() == visit_id
    dialog.pass_tab.pass_format.setCurrentIndex(1)  # 80 mm receipt
    chosen = tmp_path / "pass"  # no extension typed: the filter's one is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(chosen), ""))
    dialog.pdf_button.click()
    codes = _codes(tmp_path / "pass.pdf")
    identity = ctx.parse(codes[0])
    assert identity.kind is CodeKind.VISITOR_PASS
    assert identity.extra["pass_token"] == ctx.log.pass_token(visit_id)


def test_no_visitor_inside_no_pass(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, ctx)
    dialog.tabs.setCurrentIndex(TAB_PASS)
    assert dialog.save_to(tmp_path / "pass.pdf") == []
    assert "Nobody is inside" in dialog.message.text()
