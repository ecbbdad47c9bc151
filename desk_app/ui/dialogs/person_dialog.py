"""One person's data at the desk, behind the manager PIN: find, show, export, correct, delete.

The same core as ``desk-app person``: every find and show is audited before it is shown,
and show, export, correct and delete act on the one person chosen in the list (by their
number), never on the text typed. Correcting and deleting ask for confirmation first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.context import AppContext
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.storage.people import PersonSummary
from desk_app.storage.retention import exports_dir
from desk_app.timeutil import format_date
from desk_app.ui.dialogs.person_correct import CorrectionForm, shown_value, stored_values


class PersonDialog(QDialog):
    deleted = Signal(int)  # the person's number, after their data is gone
    corrected = Signal(int, list)  # the person's number and the fields changed, once stored

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.setWindowTitle(t("person.ui.title"))
        self.setMinimumSize(620, 460)
        self.ctx = ctx
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(t("person.ui.query"))
        self.find_button = QPushButton(t("person.ui.find"), self)
        self.results = QListWidget(self)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.show_button = QPushButton(t("person.ui.show"), self)
        self.export_button = QPushButton(t("person.ui.export"), self)
        self.correct_button = QPushButton(t("person.ui.correct"), self)
        self.delete_button = QPushButton(t("person.ui.delete"), self)
        self.correction_form: CorrectionForm | None = None
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.find_button)
        actions = QHBoxLayout()
        for button in self._person_buttons():
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.results, 2)
        layout.addLayout(actions)
        layout.addWidget(self.details, 2)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.find_button.clicked.connect(self.on_find)
        self.query.returnPressed.connect(self.on_find)
        self.results.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.show_button.clicked.connect(self.on_show)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.correct_button.clicked.connect(self.on_correct)
        self.delete_button.clicked.connect(self.on_delete)
        close.rejected.connect(self.reject)
        self._update_buttons()

    # ----- helpers -----------------------------------------------------------------------
    def _person_buttons(self) -> tuple[QPushButton, ...]:
        return (self.show_button, self.export_button, self.correct_button, self.delete_button)

    def _update_buttons(self) -> None:
        chosen = self.chosen() is not None
        for button in self._person_buttons():
            button.setEnabled(chosen)

    @staticmethod
    def _label(p: PersonSummary) -> str:
        born = format_date(p.birth_date) if p.birth_date else "-"
        return f"#{p.number}  {p.name}  {p.masked_id or '-'}  {born}  ({p.visits})"

    def chosen(self) -> PersonSummary | None:
        item = self.results.currentItem()
        data = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return data if isinstance(data, PersonSummary) else None

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # ----- actions -----------------------------------------------------------------------
    def on_find(self) -> list[PersonSummary]:
        self.results.clear()
        self.details.clear()
        try:
            people = self.ctx.log.people.find(self.query.text())
        except UserError as exc:
            self._say(str(exc))
            return []
        for p in people:
            item = QListWidgetItem(self._label(p), self.results)
            item.setData(Qt.ItemDataRole.UserRole, p)
        if people:
            self.results.setCurrentRow(0)
        self._say(t("person.count", count=len(people)))
        self._update_buttons()
        return people

    def on_show(self) -> None:
        person = self.chosen()
        if person is None:
            return
        try:
            record = self.ctx.log.people.record(f"#{person.number}", key=person.key)
        except UserError as exc:
            self.details.clear()
            self._say(str(exc))
            return
        from desk_app.cli.privacy import record_lines

        self.details.setPlainText("\n".join(record_lines(record)))

    def on_export_clicked(self) -> None:
        self.on_export()

    def on_export(self, folder: Path | None = None) -> list[Path]:
        person = self.chosen()
        if person is None:
            return []
        if folder is None:
            picked = QFileDialog.getExistingDirectory(
                self, t("person.ui.export"), str(exports_dir())
            )
            if not picked:
                return []
            folder = Path(picked)
        from desk_app.cli.privacy import write_export

        try:
            record = self.ctx.log.people.record(
                f"#{person.number}", action="person_export", key=person.key
            )
            base = folder / f"person-{person.number}-{datetime.now():%Y%m%d-%H%M%S}"
            paths = write_export(record, base)
        except (UserError, OSError) as exc:
            self._say(str(exc))
            return []
        self._say("\n".join(t("person.exported", path=p) for p in paths))
        return paths

    def on_correct(self) -> CorrectionForm | None:
        """Open the form filled with what is held (reading it is audited as a view)."""
        person = self.chosen()
        if person is None:
            return None
        try:
            record = self.ctx.log.people.record(f"#{person.number}", key=person.key)
        except UserError as exc:
            self._say(str(exc))
            return None
        current = stored_values(record.person)
        form = CorrectionForm(current, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.accepted.connect(lambda: self.apply_correction(person, current, form.changes))
        form.finished.connect(lambda _r: setattr(self, "correction_form", None))
        self.correction_form = form
        form.open()
        return form

    def confirm_correct(
        self, person: PersonSummary, current: dict[str, object], changes: dict[str, object]
    ) -> bool:
        lines = [
            f"{t(f'person.field.{key}')}: {shown_value(key, current.get(key))} → "
            f"{shown_value(key, value)}"
            for key, value in changes.items()
        ]
        question = t(
            "person.ui.confirm_correct",
            name=person.name,
            id=person.masked_id or "-",
            changes="\n".join(lines),
        )
        answer = QMessageBox.question(
            self,
            t("person.ui.correct"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def apply_correction(
        self, person: PersonSummary, current: dict[str, object], changes: dict[str, object]
    ) -> list[str]:
        """Confirm, then store through the same call as ``desk-app person correct``."""
        from desk_app.cli.privacy import corrected_line

        if not changes:
            self._say(t("person.nothing_changed"))
            return []
        if not self.confirm_correct(person, current, changes):
            self._say(t("person.correct_cancelled"))
            return []
        try:
            changed = self.ctx.log.people.correct(f"#{person.number}", changes, key=person.key)
            fresh = self.ctx.log.people.summary(f"#{person.number}", key=person.key)
        except UserError as exc:
            self._say(str(exc))
            return []
        for row in range(self.results.count()):
            item = self.results.item(row)
            held = item.data(Qt.ItemDataRole.UserRole)
            if isinstance(held, PersonSummary) and held.number == person.number:
                item.setText(self._label(fresh))
                item.setData(Qt.ItemDataRole.UserRole, fresh)
        self.details.clear()
        self._say(corrected_line(changed))
        self.corrected.emit(person.number, changed)
        return changed

    def confirm_delete(self, person: PersonSummary) -> bool:
        question = t(
            "person.ui.confirm_delete",
            name=person.name,
            id=person.masked_id or "-",
            visits=person.visits,
        )
        answer = QMessageBox.question(
            self,
            t("person.ui.delete"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def on_delete(self) -> bool:
        person = self.chosen()
        if person is None or not self.confirm_delete(person):
            return False
        try:
            result = self.ctx.log.people.delete(f"#{person.number}", key=person.key)
        except UserError as exc:
            self._say(str(exc))
            return False
        self.results.takeItem(self.results.currentRow())
        self.details.clear()
        self._say(
            t(
                "person.deleted",
                visits=result.visits,
                scan_events=result.scan_events,
                outbox=result.outbox,
                files=result.files,
            )
        )
        self._update_buttons()
        self.deleted.emit(person.number)
        return True


def open_person_dialog(
    ctx: AppContext, parent: QWidget, changed: Callable[[], object] | None = None
) -> PersonDialog | None:
    """Ask the manager PIN, then open the dialog; None when refused. ``changed`` is called
    after each correction or deletion (the desk's tables show names)."""
    from desk_app.ui.dialogs.setup import setup_dialogs

    if not setup_dialogs.ask_manager_pin(ctx, parent, t("person.ui.title")):
        return None
    dialog = PersonDialog(ctx, parent)
    if changed is not None:
        dialog.deleted.connect(lambda _number: changed())
        dialog.corrected.connect(lambda _number, _fields: changed())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
