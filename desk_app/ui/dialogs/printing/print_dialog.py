"""Print the unit's codes from the window: poster, staff cards and visitor passes.

Every output (Qt's print preview, the system print dialog, PDF and PNG files) paints the
same ``Document``, so the preview shows exactly what is printed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.context import AppContext
from desk_app.errors import UserError
from desk_app.printing.output import Document, prepare_printer, print_document, write_file
from desk_app.ui.colours import error_style
from desk_app.ui.dialogs.printing.print_tabs import After, CardsTab, PassTab, PosterTab, PrintTab

TAB_POSTER, TAB_CARDS, TAB_PASS = range(3)


class PrintDialog(QDialog):
    """Choose what to print; preview, print, or save it as PDF or PNG."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, visit_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printDialog")
        self.ctx = ctx
        self.last_saved: list[Path] = []
        self._preview_printer: QPrinter | None = None
        self.tabs = QTabWidget(self)
        self.poster_tab = PosterTab(ctx, self.tabs)
        self.cards_tab = CardsTab(ctx, self.tabs)
        self.pass_tab = PassTab(ctx, self.tabs)
        self.pages: list[PrintTab] = [self.poster_tab, self.cards_tab, self.pass_tab]
        for page in self.pages:
            self.tabs.addTab(page, "")
        self.message = QLabel(self)
        self.message.setObjectName("print_message")
        self.message.setWordWrap(True)
        self.preview_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.png_button = QPushButton(self)
        self.close_button = QPushButton(self)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.pdf_button, self.png_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._connect_signals()
        self.retranslate_ui()
        if visit_id is not None:
            self.select_visit(visit_id)

    def _connect_signals(self) -> None:
        for page in self.pages:
            page.message.connect(self.show_message)
        self.preview_button.clicked.connect(self.on_preview)
        self.print_button.clicked.connect(self.on_print)
        self.pdf_button.clicked.connect(lambda: self.on_save("pdf"))
        self.png_button.clicked.connect(lambda: self.on_save("png"))
        self.close_button.clicked.connect(self.reject)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Print the unit's codes"))
        for index, title in enumerate(
            (self.tr("Checkpoint poster"), self.tr("Staff cards"), self.tr("Visitor pass"))
        ):
            self.tabs.setTabText(index, title)
        self.preview_button.setText(self.tr("Pre&view..."))
        self.print_button.setText(self.tr("&Print..."))
        self.pdf_button.setText(self.tr("Save as P&DF..."))
        self.png_button.setText(self.tr("Save as P&NG..."))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def select_visit(self, visit_id: int) -> None:
        """Open on the visitor pass of ``visit_id`` (a visit selected in the window)."""
        self.tabs.setCurrentIndex(TAB_PASS)
        self.pass_tab.select(visit_id)

    def current_document(self) -> tuple[Document, After]:
        """The document of the open tab and what to do once it has been printed or saved."""
        return self.pages[self.tabs.currentIndex()].document()

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(error_style() if error else "")
        self.message.setText(text)

    def _document_or_message(self) -> tuple[Document, After] | None:
        try:
            return self.current_document()
        except UserError as exc:
            self.show_message(str(exc), error=True)
            return None

    def preview_dialog(self, document: Document) -> QPrintPreviewDialog:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(document, printer)
        dialog = QPrintPreviewDialog(printer, self)
        # The preview does not own its printer: keep it alive as long as the preview.
        self._preview_printer = printer
        dialog.paintRequested.connect(lambda target: print_document(document, target))
        return dialog

    def on_preview(self) -> None:
        chosen = self._document_or_message()
        if chosen is None:
            return
        document, after = chosen
        # The preview's own print button accepts it once the pages went to the printer.
        if self.preview_dialog(document).exec() == QDialog.DialogCode.Accepted and after:
            after()

    def on_print(self) -> None:
        chosen = self._document_or_message()
        if chosen is None:
            return
        document, after = chosen
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(document, printer)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        try:
            print_document(document, printer)
        except UserError as exc:
            self.show_message(str(exc), error=True)
            return
        if after:
            after()
        self.show_message(self.tr("Sent to the printer."))

    def on_save(self, kind: str) -> None:
        chosen = self._document_or_message()
        if chosen is None:
            return
        document, _after = chosen
        name = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in document.title)
        filters = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("PNG image (*.png)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), f"{name}.{kind}", filters)
        if path:
            target = Path(path)
            self.save_to(
                target
                if target.suffix.lower() == f".{kind}"
                else target.with_name(f"{target.name}.{kind}")
            )

    def save_to(self, path: Path) -> list[Path]:
        """Write the open tab's document to ``path`` (.pdf or .png); [] when it failed."""
        chosen = self._document_or_message()
        if chosen is None:
            return []
        document, after = chosen
        try:
            self.last_saved = write_file(document, path)
        except UserError as exc:
            self.show_message(str(exc), error=True)
            return []
        if after:
            after()
        self.show_message(self.tr("Saved: %1").replace("%1", ", ".join(map(str, self.last_saved))))
        return self.last_saved
