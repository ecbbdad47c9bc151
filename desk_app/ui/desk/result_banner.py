"""The result banner: what just happened, in colour and large type, readable from 1.5 m."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desk_app.domain.visits import Outcome, ScanResult
from desk_app.timeutil import to_local
from desk_app.ui.texts import describe_outcome, describe_reason, describe_warning

IDLE = "idle"
ENTRY = "entry"
EXIT = "exit"
WARNING = "warning"
REJECTED = "rejected"

# background, text; amber carries dark text, the others white (contrast above 4.5:1).
COLOURS = {
    IDLE: ("#eceff1", "#263238"),
    ENTRY: ("#2e7d32", "#ffffff"),
    EXIT: ("#1565c0", "#ffffff"),
    WARNING: ("#ffb300", "#212121"),
    REJECTED: ("#c62828", "#ffffff"),
}

# After this the banner goes back to "ready", so the next visitor never reads an old result.
HOLD_MS = 15_000


def classify(result: ScanResult) -> str:
    """Which colour (and sound) a result gets."""
    if result.outcome == Outcome.REJECTED:
        return REJECTED
    if result.outcome == Outcome.REPEAT or result.warnings:
        return WARNING
    return ENTRY if result.outcome == Outcome.ENTRY else EXIT


class ResultBanner(QFrame):
    """Shows the last scan result; ``kind`` is one of idle/entry/exit/warning/rejected."""

    def __init__(self, parent: QWidget | None = None, *, hold_ms: int = HOLD_MS) -> None:
        super().__init__(parent)
        self.setObjectName("resultBanner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumHeight(190)
        self.kind = IDLE
        self._result: ScanResult | None = None
        self._message: tuple[str, str] | None = None
        self.title = QLabel(self)
        self.name = QLabel(self)
        self.details = QLabel(self)
        self.note = QLabel(self)
        for label, size, bold in (
            (self.title, 40, True),
            (self.name, 28, True),
            (self.details, 20, False),
            (self.note, 17, False),
        ):
            font = label.font()
            font.setPixelSize(size)
            font.setBold(bold)
            label.setFont(font)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAccessibleName("result")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(2)
        for label in (self.title, self.name, self.details, self.note):
            layout.addWidget(label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self.clear)
        self.retranslate_ui()

    # ----- showing ---------------------------------------------------------------------
    def show_result(self, result: ScanResult) -> None:
        self._result, self._message = result, None
        self._set_kind(classify(result))
        self._render()
        self._timer.start()

    def show_error(self, title: str, detail: str) -> None:
        """A failure that is not a scan result (e.g. the database could not be written)."""
        self._result, self._message = None, (title, detail)
        self._set_kind(REJECTED)
        self._render()
        self._timer.start()

    def clear(self) -> None:
        self._result, self._message = None, None
        self._set_kind(IDLE)
        self._render()

    def _set_kind(self, kind: str) -> None:
        self.kind = kind
        background, text = COLOURS[kind]
        self.setStyleSheet(
            f"#resultBanner {{ background: {background}; border-radius: 10px; }}"
            f"#resultBanner QLabel {{ color: {text}; background: transparent; }}"
        )

    def _render(self) -> None:
        result = self._result
        if result is None and self._message is not None:
            title, detail = self._message
            self._fill(title, "", "", detail)
            return
        if result is None:
            self._fill(
                self.tr("Ready"),
                "",
                self.tr("Show a code to the camera or the scanner"),
                self.tr("Ctrl+N: enter a visitor without a code"),
            )
            return
        title = describe_outcome(result.outcome.value)
        name = result.name or "—"
        time_text = to_local(result.at).strftime("%H:%M:%S")
        details = "   ".join(part for part in (result.masked_id, time_text) if part)
        notes = [describe_warning(w) for w in result.warnings]
        if result.outcome == Outcome.REPEAT:
            notes.insert(0, self.tr("Already recorded a moment ago"))
        if result.reason:
            notes.insert(0, describe_reason(result.reason))
        self._fill(title, name, details, " · ".join(notes))

    def _fill(self, title: str, name: str, details: str, note: str) -> None:
        self.title.setText(title)
        self.name.setText(name)
        self.name.setVisible(bool(name))
        self.details.setText(details)
        self.details.setVisible(bool(details))
        self.note.setText(note)
        self.note.setVisible(bool(note))

    # ----- language --------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self._set_kind(self.kind)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
