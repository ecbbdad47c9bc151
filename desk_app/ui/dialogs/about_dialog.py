"""Help > About: the version, and the same report as ``desk-app diag`` for a support call."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app import __version__
from desk_app.ui.background import Job, start_job


def diag_text(database_url: str) -> str:
    """What ``desk-app diag`` prints for this desk's database, as one text."""
    from desk_app.cli.diag import collect, report_lines

    lines = report_lines(collect(argparse.Namespace(db=database_url)))
    return "\n".join(lines)


class AboutDialog(QDialog):
    """The report is gathered off the GUI thread: the database check may read a large file."""

    def __init__(self, database_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About desk_app"))
        self.setMinimumSize(620, 460)
        title = QLabel(f"<h2>desk_app {__version__}</h2>", self)
        title.setObjectName("aboutVersion")
        summary = QLabel(
            self.tr("Entry control at the desk. The details below help when asking for support."),
            self,
        )
        summary.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("aboutDiag")
        self.details.setReadOnly(True)
        self.details.setPlainText(self.tr("Gathering the details…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy = QPushButton(self.tr("&Copy the details"), self)
        self.copy.setEnabled(False)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy.clicked.connect(self.on_copy)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

        def work(_progress: Callable[[int, int], None]) -> str:
            return diag_text(database_url)

        self.job = Job(work)
        self.job.succeeded.connect(self.on_details)
        self.job.failed.connect(self.on_details)
        start_job(self.job)

    def on_details(self, text: str) -> None:
        self.details.setPlainText(text)
        self.copy.setEnabled(True)

    def on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
