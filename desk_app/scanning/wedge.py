"""Handheld scanners that type like a keyboard: fast bursts become scans.

A 2D scanner in keyboard mode types a code at a few milliseconds per character and usually
ends with Enter; a person types at 100 ms or more per key. The wedge is an event filter on the
whole application: it holds each typed character back briefly, and either hands the
characters to the widget they were meant for (a person typing) or, once enough have come fast
enough, swallows them and emits ``scanned`` with the text. A burst ends with Enter, or, for
scanners that send no terminator, with a short silence when the text has the shape of a code
the desk knows (``code_shape.looks_like_code``); any other fast burst is handed back as
typing. Text is taken from the key events themselves, so Vietnamese characters typed in
Unicode mode arrive intact.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent

from desk_app.scanning.code_shape import looks_like_code

MIN_CHARS = 6
MAX_GAP_MS = 40  # scanners type a character every 2-20 ms; people rarely under 60 ms
SILENCE_MS = 100  # a code-shaped burst that stops this long is a scan without Enter
END_GAP_MS = 150  # any other burst that stops this long without Enter was not a scan

_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_Meta,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
    }
)
_TERMINATORS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
_CTRL_META = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier


@dataclass
class _Held:
    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


def _typed_text(text: str) -> bool:
    """Text a key types: printable characters, and also the ones a scanner typing a code in
    Alt+keypad codes produces that Python does not count as printable: no-break and other
    spaces, and the Latin-1 control characters a Windows code page gives for the bytes it
    leaves undefined (the second byte of 'Đ'). No editing key types those (Backspace, Tab,
    Enter, Escape and Delete type ASCII control characters)."""
    return bool(text) and all(
        ch.isprintable() or "\u0080" <= ch <= "\u009f" or unicodedata.category(ch) == "Zs"
        for ch in text
    )


def _is_character(event: QKeyEvent) -> bool:
    """A key that types text, as opposed to a shortcut, a movement or a bare modifier."""
    text = event.text()
    if not _typed_text(text):
        return False
    mods = event.modifiers()
    ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
    alt = bool(mods & Qt.KeyboardModifier.AltModifier)
    if ctrl and alt:
        return True  # AltGr on Windows layouts
    if mods & _CTRL_META:
        return False
    # Alt+letter opens menus; Alt with the keypad is how Windows types any Unicode character.
    return not alt or bool(mods & Qt.KeyboardModifier.KeypadModifier)


class ScannerWedge(QObject):
    """Install with ``app.installEventFilter(wedge)``; connect ``scanned``.

    ``clock`` returns seconds (monotonic); tests pass their own. ``poll`` settles held keys
    whose time is up; a timer calls it, tests may call it directly.
    """

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        min_chars: int = MIN_CHARS,
        max_gap_ms: float = MAX_GAP_MS,
        end_gap_ms: float = END_GAP_MS,
        silence_ms: float = SILENCE_MS,
        is_code: Callable[[str], bool] = looks_like_code,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.enabled = True
        self.min_chars = min_chars
        self.max_gap = max_gap_ms / 1000.0
        self.end_gap = end_gap_ms / 1000.0
        self.silence = min(silence_ms, end_gap_ms) / 1000.0
        self._is_code = is_code
        self._clock = clock
        self._held: list[_Held] = []
        self._burst = False
        self._last_at = 0.0
        self._silent_end_at: float | None = None  # when silence last ended a scan
        self._shape_checked = False  # the held text was checked since its last key
        self._replaying = False
        self._unreleased: dict[int, int] = {}  # key -> presses whose release we swallow
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.poll)

    @property
    def holding(self) -> bool:
        return bool(self._held)

    # ------------------------------------------------------------------ the filter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self._replaying or not self.enabled:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyRelease:
            return self._on_release(event)  # type: ignore[arg-type]
        if kind != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key in _MODIFIER_KEYS or (not event.text() and key == Qt.Key.Key_unknown):
            return False  # Shift between a scanner's capitals must not break its burst
        now = self._clock()
        if event.isAutoRepeat() or not _is_character(event):
            if self._burst and key in _TERMINATORS and now - self._last_at <= self.end_gap:
                self._finish_scan()
                self._swallow_release(key)
                return True
            if key in _TERMINATORS and self._late_terminator(now):
                self._swallow_release(key)
                return True  # the Enter of a scan that silence already ended
            if key == Qt.Key.Key_Backspace and self._rewrite(now):
                self._swallow_release(key)
                return True
            self._release_held()
            return False
        if self._held and now - self._last_at > (self.end_gap if self._burst else self.max_gap):
            self._release_held()
        self._held.append(_Held(watched, key, event.modifiers(), event.text()))
        self._swallow_release(key)
        self._last_at = now
        self._silent_end_at = None
        self._shape_checked = False
        if not self._burst and len(self._held) >= self.min_chars:
            self._burst = True
        self._timer.start(int((self.silence if self._burst else self.max_gap) * 1000) + 1)
        return True

    def _rewrite(self, now: float) -> bool:
        """A Backspace inside a burst: a Vietnamese input method (Unikey, EVKey in Telex or VNI
        mode) rewriting what the scanner typed deletes a letter and types its replacement at
        machine speed. The burst goes on with the rewritten text instead of spilling into
        the field; a person's Backspace comes too late to be taken for one."""
        if not (self._burst and self._held) or now - self._last_at > self.max_gap:
            return False
        self._held.pop()
        self._last_at = now
        self._shape_checked = False
        self._timer.start(int(self.silence * 1000) + 1)
        return True

    def _late_terminator(self, now: float) -> bool:
        ended, self._silent_end_at = self._silent_end_at, None
        return ended is not None and not self._held and now - ended <= self.end_gap

    def _on_release(self, event: QKeyEvent) -> bool:
        key = event.key()
        pending = self._unreleased.get(key, 0)
        if pending and not event.isAutoRepeat():
            if pending == 1:
                del self._unreleased[key]
            else:
                self._unreleased[key] = pending - 1
            return True
        return False

    def _swallow_release(self, key: int) -> None:
        self._unreleased[key] = self._unreleased.get(key, 0) + 1

    # ------------------------------------------------------------------ decisions

    def poll(self) -> None:
        """Settle held keys whose time is up: a scan ended by silence, or typing handed back."""
        if not self._held:
            return
        now = self._clock()
        waited = now - self._last_at
        if self._burst and waited >= self.silence and not self._shape_checked:
            # Checked once per pause: the parser runs at most once for a held burst.
            self._shape_checked = True
            if self._is_code("".join(h.text for h in self._held)):
                self._finish_scan()
                self._silent_end_at = now
                return
        limit = self.end_gap if self._burst else self.max_gap
        if waited >= limit:
            self._release_held()
            return
        next_at = self.silence if self._burst and not self._shape_checked else limit
        self._timer.start(int(max(next_at - waited, 0.0) * 1000) + 1)

    def _finish_scan(self) -> None:
        text = "".join(h.text for h in self._held)
        self._held.clear()
        self._burst = False
        self._shape_checked = False
        self._timer.stop()
        self.scanned.emit(text)

    def _release_held(self) -> None:
        """Deliver the held keys, in order, to the objects they were meant for."""
        held, self._held = self._held, []
        self._burst = False
        self._timer.stop()
        if not held:
            return
        self._replaying = True
        try:
            for item in held:
                target = item.target if shiboken6.isValid(item.target) else None
                target = target or QGuiApplication.focusObject()
                if target is None:
                    continue
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(
                        target, QKeyEvent(kind, item.key, item.modifiers, item.text)
                    )
        finally:
            self._replaying = False
