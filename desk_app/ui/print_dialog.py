"""Print the unit's codes from the window: poster, staff cards and visitor passes.

Every output (Qt's print preview, the system print dialog, PDF and PNG files) paints the
same ``Document``, so the preview shows exactly what is printed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.context import AppContext
from desk_app.errors import UserError
from desk_app.printing import cards, passes, poster
from desk_app.printing.output import Document, prepare_printer, print_document, write_file
from desk_app.timeutil import format_date, to_local

log = logging.getLogger(__name__)

TAB_POSTER, TAB_CARDS, TAB_PASS = range(3)
After = Callable[[], None] | None


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
        self._build_poster_tab()
        self._build_cards_tab()
        self._build_pass_tab()
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
        self.reload()
        if visit_id is not None:
            self.select_visit(visit_id)

    # ----- building --------------------------------------------------------------------
    def _build_poster_tab(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.checkpoint = QComboBox(page)
        self.paper = QComboBox(page)
        self.paper.addItems(list(poster.SIZES))
        self.own_code = QRadioButton(page)
        self.external_code = QRadioButton(page)
        self.own_code.setChecked(True)
        self.source_group = QButtonGroup(page)
        self.source_group.addButton(self.own_code)
        self.source_group.addButton(self.external_code)
        self.payload = QPlainTextEdit(page)
        self.payload.setObjectName("poster_payload")
        self.payload.setMaximumHeight(80)
        self.photo_button = QPushButton(page)
        self.poster_info = QLabel(page)
        self.poster_info.setObjectName("poster_info")
        self.poster_info.setWordWrap(True)
        self.checkpoint_label, self.paper_label = QLabel(page), QLabel(page)
        form.addRow(self.checkpoint_label, self.checkpoint)
        form.addRow(self.paper_label, self.paper)
        form.addRow(self.own_code)
        form.addRow(self.external_code)
        form.addRow(self.payload)
        form.addRow(self.photo_button)
        form.addRow(self.poster_info)
        self.tabs.addTab(page, "")

    def _build_cards_tab(self) -> None:
        page = QWidget(self)
        self.staff_table = QTableWidget(0, 5, page)
        self.staff_table.setObjectName("staff_table")
        self.staff_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.staff_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.staff_table.horizontalHeader().setStretchLastSection(True)
        self.staff_table.verticalHeader().setVisible(False)
        self.import_button = QPushButton(page)
        self.revoke_button = QPushButton(page)
        self.cards_info = QLabel(page)
        self.cards_info.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.staff_table, 1)
        layout.addLayout(row)
        layout.addWidget(self.cards_info)
        self.tabs.addTab(page, "")

    def _build_pass_tab(self) -> None:
        page = QWidget(self)
        form = QFormLayout(page)
        self.visit = QComboBox(page)
        self.visit.setObjectName("pass_visit")
        self.pass_format = QComboBox(page)
        self.pass_format.addItem("", "a6")
        self.pass_format.addItem("", "80mm")
        self.visit_label, self.format_label = QLabel(page), QLabel(page)
        form.addRow(self.visit_label, self.visit)
        form.addRow(self.format_label, self.pass_format)
        self.tabs.addTab(page, "")

    def _connect_signals(self) -> None:
        # poster
        self.checkpoint.currentIndexChanged.connect(self.on_poster_changed)
        self.own_code.toggled.connect(self.on_poster_changed)
        self.payload.textChanged.connect(self.on_poster_changed)
        self.photo_button.clicked.connect(self.on_read_photo)
        # cards
        self.import_button.clicked.connect(self.on_import_staff)
        self.revoke_button.clicked.connect(self.on_revoke)
        # outputs
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
        self.checkpoint_label.setText(self.tr("Checkpoint"))
        self.paper_label.setText(self.tr("Paper"))
        self.own_code.setText(self.tr("The unit's own checkpoint code"))
        self.external_code.setText(self.tr("A location code issued elsewhere (exact text):"))
        self.payload.setPlaceholderText(self.tr("Paste the code's text here"))
        self.photo_button.setText(self.tr("Read it from a photo of the old poster..."))
        self.staff_table.setHorizontalHeaderLabels(
            [
                self.tr("Staff ID"),
                self.tr("Name"),
                self.tr("Title"),
                self.tr("Department"),
                self.tr("Card"),
            ]
        )
        self.import_button.setText(self.tr("Import list (CSV, XLSX)..."))
        self.revoke_button.setText(self.tr("Revoke card..."))
        self.visit_label.setText(self.tr("Visitor inside"))
        self.format_label.setText(self.tr("Format"))
        self.pass_format.setItemText(0, self.tr("A6 label"))
        self.pass_format.setItemText(1, self.tr("80 mm receipt"))
        self.preview_button.setText(self.tr("Pre&view..."))
        self.print_button.setText(self.tr("&Print..."))
        self.pdf_button.setText(self.tr("Save as P&DF..."))
        self.png_button.setText(self.tr("Save as P&NG..."))
        self.close_button.setText(self.tr("Close"))
        self.on_poster_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ----- data ------------------------------------------------------------------------
    def reload(self) -> None:
        current = self.checkpoint.currentText()
        self.checkpoint.blockSignals(True)
        self.checkpoint.clear()
        self.checkpoint.addItems([str(c) for c in self.ctx.settings.get("unit.checkpoints")])
        desk = current or str(self.ctx.settings.get("desk.checkpoint"))
        self.checkpoint.setCurrentIndex(max(0, self.checkpoint.findText(desk)))
        self.checkpoint.blockSignals(False)
        self._fill_staff()
        self._fill_visits()
        self.on_poster_changed()

    def _fill_staff(self) -> None:
        members = self.ctx.log.staff(include_revoked=True)
        self.staff_table.setRowCount(len(members))
        for row, member in enumerate(members):
            status = self.tr("valid")
            if member.revoked_at is not None:
                status = self.tr("revoked %1").replace(
                    "%1", format_date(to_local(member.revoked_at).date())
                )
            cells = (member.staff_id, member.name, member.title, member.department, status)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, member.staff_id)
                self.staff_table.setItem(row, column, item)

    def _fill_visits(self) -> None:
        self.visit.clear()
        for row in self.ctx.log.inside():
            when = to_local(row.entry_at).strftime("%H:%M %d/%m")
            self.visit.addItem(f"{row.id} · {row.name} · {when}", row.id)

    def select_visit(self, visit_id: int) -> None:
        self.tabs.setCurrentIndex(TAB_PASS)
        index = self.visit.findData(visit_id)
        if index >= 0:
            self.visit.setCurrentIndex(index)

    def _selected_staff(self) -> list[str]:
        rows = sorted({index.row() for index in self.staff_table.selectedIndexes()})
        ids = []
        for row in rows:
            item = self.staff_table.item(row, 0)
            if item is not None:
                ids.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    # ----- what would be printed -------------------------------------------------------
    def _poster_plan(self) -> poster.PosterPlan:
        payload = self.payload.toPlainText() if self.external_code.isChecked() else None
        return poster.plan_poster(self.ctx, self.checkpoint.currentText() or None, payload)

    def current_document(self) -> tuple[Document, After]:
        """The document of the open tab and what to do once it has been printed or saved."""
        tab = self.tabs.currentIndex()
        if tab == TAB_POSTER:
            plan = self._poster_plan()
            return (
                poster.poster_document(plan, self.paper.currentText()),
                lambda: self._poster_printed(plan),
            )
        unit = poster.UnitDetails.from_settings(self.ctx.settings)
        if tab == TAB_CARDS:
            selected = self._selected_staff()
            return cards.cards_document(cards.staff_cards(self.ctx, selected or None), unit), None
        visit_id = self.visit.currentData()
        if visit_id is None:
            raise UserError(self.tr("Nobody is inside: there is no visit to print a pass for."))
        spec = passes.plan_pass(self.ctx, int(visit_id))
        return passes.pass_document(spec, str(self.pass_format.currentData())), None

    def _poster_printed(self, plan: poster.PosterPlan) -> None:
        poster.record_printed(self.ctx, plan)
        self.on_poster_changed()

    def _show(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    # ----- slots -----------------------------------------------------------------------
    def on_poster_changed(self, *_args: object) -> None:
        self.payload.setEnabled(self.external_code.isChecked())
        self.photo_button.setEnabled(self.external_code.isChecked())
        try:
            plan = self._poster_plan()
        except UserError as exc:
            self.poster_info.setText(str(exc))
            return
        if plan.previous_version is None:
            text = self.tr("First poster of this checkpoint: version %1.")
        elif plan.changed:
            text = self.tr("Changed since the last print: this will be version %1.")
        else:
            text = self.tr("Unchanged since the last print: version %1 again.")
        self.poster_info.setText(text.replace("%1", str(plan.version)))

    def on_read_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Photo of the old poster"),
            "",
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.webp)"),
        )
        if path:
            self.read_code_from_image(Path(path))

    def read_code_from_image(self, path: Path) -> bool:
        try:
            text = poster.read_code_from_image(path)
        except UserError as exc:
            self._show(str(exc), error=True)
            return False
        self.external_code.setChecked(True)
        self.payload.setPlainText(text)
        self._show(self.tr("Code read from the photo; check it before printing."))
        return True

    def on_import_staff(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Staff list"), "", self.tr("Staff lists (*.csv *.xlsx)")
        )
        if path:
            self.import_staff(Path(path))

    def import_staff(self, path: Path) -> None:
        try:
            result = cards.import_staff(self.ctx, path)
        except UserError as exc:
            self._show(str(exc), error=True)
            return
        summary = self.tr("Imported %1 staff; %2 bad rows.")
        summary = summary.replace("%1", str(len(result.rows))).replace(
            "%2", str(len(result.problems))
        )
        self.cards_info.setText("\n".join([summary, *result.messages()]))
        self._fill_staff()

    def on_revoke(self) -> None:
        selected = self._selected_staff()
        if not selected:
            self._show(self.tr("Select the card to revoke in the list."), error=True)
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Revoke card"), self.tr("Reason (for example: card lost)")
        )
        if not ok:
            return
        for staff_id in selected:
            self.ctx.log.revoke_staff(staff_id, reason.strip())
        self._fill_staff()
        self._show(self.tr("Revoked: %1").replace("%1", ", ".join(selected)))

    def _document_or_message(self) -> tuple[Document, After] | None:
        try:
            return self.current_document()
        except UserError as exc:
            self._show(str(exc), error=True)
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
            self._show(str(exc), error=True)
            return
        if after:
            after()
        self._show(self.tr("Sent to the printer."))

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
            self._show(str(exc), error=True)
            return []
        if after:
            after()
        self._show(self.tr("Saved: %1").replace("%1", ", ".join(map(str, self.last_saved))))
        return self.last_saved
