"""The three pages of the print dialog; each one says which document it would print."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
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
    QVBoxLayout,
    QWidget,
)

from desk_app import staff_list
from desk_app.context import AppContext
from desk_app.errors import UserError
from desk_app.printing import cards, passes, poster
from desk_app.printing.output import Document
from desk_app.timeutil import format_date, to_local

After = Callable[[], None] | None


class PrintTab(QWidget):
    """A page that can say what it prints; ``message`` carries (text, is_error) upwards."""

    message = Signal(str, bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def document(self) -> tuple[Document, After]:
        """The document and what to do once it was printed or saved; raises UserError."""
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class PosterTab(PrintTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        form = QFormLayout(self)
        self.checkpoint = QComboBox(self)
        self.paper = QComboBox(self)
        self.paper.addItems(list(poster.SIZES))
        self.own_code = QRadioButton(self)
        self.external_code = QRadioButton(self)
        self.own_code.setChecked(True)
        self.source_group = QButtonGroup(self)
        self.source_group.addButton(self.own_code)
        self.source_group.addButton(self.external_code)
        self.payload = QPlainTextEdit(self)
        self.payload.setObjectName("poster_payload")
        self.payload.setMaximumHeight(80)
        self.photo_button = QPushButton(self)
        self.info = QLabel(self)
        self.info.setObjectName("poster_info")
        self.info.setWordWrap(True)
        self.checkpoint_label, self.paper_label = QLabel(self), QLabel(self)
        form.addRow(self.checkpoint_label, self.checkpoint)
        form.addRow(self.paper_label, self.paper)
        form.addRow(self.own_code)
        form.addRow(self.external_code)
        form.addRow(self.payload)
        form.addRow(self.photo_button)
        form.addRow(self.info)
        self.checkpoint.currentIndexChanged.connect(self.on_changed)
        self.own_code.toggled.connect(self.on_changed)
        self.payload.textChanged.connect(self.on_changed)
        self.photo_button.clicked.connect(self.on_read_photo)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.checkpoint_label.setText(self.tr("Checkpoint"))
        self.paper_label.setText(self.tr("Paper"))
        self.own_code.setText(self.tr("The unit's own checkpoint code"))
        self.external_code.setText(self.tr("A location code issued elsewhere (exact text):"))
        self.payload.setPlaceholderText(self.tr("Paste the code's text here"))
        self.photo_button.setText(self.tr("Read it from a photo of the old poster..."))
        self.on_changed()

    def reload(self) -> None:
        current = self.checkpoint.currentText() or self.ctx.settings.text("desk.checkpoint")
        self.checkpoint.blockSignals(True)
        self.checkpoint.clear()
        self.checkpoint.addItems([str(c) for c in self.ctx.settings.names("unit.checkpoints")])
        self.checkpoint.setCurrentIndex(max(0, self.checkpoint.findText(current)))
        self.checkpoint.blockSignals(False)
        self.on_changed()

    def plan(self) -> poster.PosterPlan:
        payload = self.payload.toPlainText() if self.external_code.isChecked() else None
        return poster.plan_poster(self.ctx, self.checkpoint.currentText() or None, payload)

    def document(self) -> tuple[Document, After]:
        plan = self.plan()

        def printed() -> None:
            poster.record_printed(self.ctx, plan)
            self.on_changed()

        return poster.poster_document(plan, self.paper.currentText()), printed

    def on_changed(self, *_args: object) -> None:
        self.payload.setEnabled(self.external_code.isChecked())
        self.photo_button.setEnabled(self.external_code.isChecked())
        try:
            plan = self.plan()
        except UserError as exc:
            self.info.setText(str(exc))
            return
        if plan.previous_version is None:
            text = self.tr("First poster of this checkpoint: version %1.")
        elif plan.changed:
            text = self.tr("Changed since the last print: this will be version %1.")
        else:
            text = self.tr("Unchanged since the last print: version %1 again.")
        self.info.setText(text.replace("%1", str(plan.version)))

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
            self.message.emit(str(exc), True)
            return False
        self.external_code.setChecked(True)
        self.payload.setPlainText(text)
        self.message.emit(self.tr("Code read from the photo; check it before printing."), False)
        return True


class CardsTab(PrintTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("staff_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.import_button = QPushButton(self)
        self.revoke_button = QPushButton(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.info)
        self.import_button.clicked.connect(self.on_import)
        self.revoke_button.clicked.connect(self.on_revoke)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
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
        self.hint.setText(
            self.tr(
                "Cards are printed for the staff selected in the list, or for every valid card "
                "when none is selected. A revoked card is refused at the desk."
            )
        )
        self.reload()

    def reload(self) -> None:
        members = self.ctx.log.staff(include_revoked=True)
        self.table.setRowCount(len(members))
        for row, member in enumerate(members):
            status = self.tr("valid")
            if member.revoked_at is not None:
                day = format_date(to_local(member.revoked_at).date())
                status = self.tr("revoked %1").replace("%1", day)
            cells = (member.staff_id, member.name, member.title, member.department, status)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, member.staff_id)
                self.table.setItem(row, column, item)

    def selected(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        items = [self.table.item(row, 0) for row in rows]
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in items if item is not None]

    def document(self) -> tuple[Document, After]:
        unit = poster.UnitDetails.from_settings(self.ctx.settings)
        chosen = cards.staff_cards(self.ctx, self.selected() or None)
        return cards.cards_document(chosen, unit), None

    def on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Staff list"), "", self.tr("Staff lists (*.csv *.xlsx)")
        )
        if path:
            self.import_list(Path(path))

    def import_list(self, path: Path) -> None:
        try:
            result = staff_list.import_staff(self.ctx, path)
        except UserError as exc:
            self.message.emit(str(exc), True)
            return
        summary = self.tr("Imported %1 staff; %2 bad rows.")
        summary = summary.replace("%1", str(len(result.rows)))
        summary = summary.replace("%2", str(len(result.problems)))
        self.info.setText("\n".join([summary, *result.messages()]))
        self.reload()

    def on_revoke(self) -> None:
        selected = self.selected()
        if not selected:
            self.message.emit(self.tr("Select the card to revoke in the list."), True)
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Revoke card"), self.tr("Reason (for example: card lost)")
        )
        if not ok:
            return
        for staff_id in selected:
            self.ctx.log.revoke_staff(staff_id, reason.strip())
        self.reload()
        self.message.emit(self.tr("Revoked: %1").replace("%1", ", ".join(selected)), False)


class PassTab(PrintTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        form = QFormLayout(self)
        self.visit = QComboBox(self)
        self.visit.setObjectName("pass_visit")
        self.pass_format = QComboBox(self)
        self.pass_format.addItem("", "a6")
        self.pass_format.addItem("", "80mm")
        self.visit_label, self.format_label = QLabel(self), QLabel(self)
        form.addRow(self.visit_label, self.visit)
        form.addRow(self.format_label, self.pass_format)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.visit_label.setText(self.tr("Visitor inside"))
        self.format_label.setText(self.tr("Format"))
        self.pass_format.setItemText(0, self.tr("A6 label"))
        self.pass_format.setItemText(1, self.tr("80 mm receipt"))

    def reload(self) -> None:
        current = self.visit.currentData()
        self.visit.clear()
        for row in self.ctx.log.inside():
            when = to_local(row.entry_at).strftime("%H:%M %d/%m")
            self.visit.addItem(f"{row.id} · {row.name} · {when}", row.id)
        if current is not None:
            self.select(int(current))

    def select(self, visit_id: int) -> bool:
        index = self.visit.findData(visit_id)
        if index >= 0:
            self.visit.setCurrentIndex(index)
        return index >= 0

    def document(self) -> tuple[Document, After]:
        visit_id = self.visit.currentData()
        if visit_id is None:
            raise UserError(self.tr("Nobody is inside: there is no visit to print a pass for."))
        spec = passes.plan_pass(self.ctx, int(visit_id))
        return passes.pass_document(spec, str(self.pass_format.currentData())), None
