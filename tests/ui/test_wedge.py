"""The scanner wedge with simulated key events: scanner bursts, people typing, Unicode text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desk_app.scanning.wedge import ScannerWedge

# The offscreen platform has no window manager to tell about size hints.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

CCCD = "001090012345||Nguyễn Văn An|14031990|Nam|Số 12 phố Hoa Sữa, Hà Nội|15082021"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms / 1000.0


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def form(qtbot) -> tuple[QWidget, QLineEdit, QLineEdit]:
    window = QWidget()
    layout = QVBoxLayout(window)
    first, second = QLineEdit(window), QLineEdit(window)
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    first.setFocus()
    return window, first, second


@pytest.fixture
def wedge(qtbot, clock: FakeClock) -> Iterator[tuple[ScannerWedge, list[str]]]:
    app = QApplication.instance()
    assert app is not None
    scanner = ScannerWedge(clock=clock)
    scans: list[str] = []
    scanner.scanned.connect(scans.append)
    app.installEventFilter(scanner)
    yield scanner, scans
    app.removeEventFilter(scanner)


def _key(
    target: QObject,
    text: str,
    key: int | None = None,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    autorepeat: bool = False,
) -> None:
    """Press and release one key the way a keyboard (or a scanner) sends it."""
    if key is None:
        key = ord(text.upper()) if len(text) == 1 and text.isascii() else Qt.Key.Key_unknown
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, text, autorepeat))


def type_text(target: QObject, text: str, clock: FakeClock, gap_ms: float) -> None:
    for ch in text:
        clock.advance(gap_ms)
        _key(target, ch)


def press_enter(target: QObject, clock: FakeClock, gap_ms: float) -> None:
    clock.advance(gap_ms)
    _key(target, "\r", Qt.Key.Key_Return)


def settle(scanner: ScannerWedge, clock: FakeClock) -> None:
    clock.advance(1000)
    scanner.poll()


def test_a_scanner_burst_is_a_scan_and_stays_out_of_the_field(form, wedge, clock) -> None:
    _, field, _ = form
    scanner, scans = wedge
    type_text(field, "DKQ1.S.ABC.123", clock, gap_ms=8)
    press_enter(field, clock, gap_ms=8)
    settle(scanner, clock)
    assert scans == ["DKQ1.S.ABC.123"]
    assert field.text() == ""


def test_vietnamese_text_from_a_scanner_arrives_intact(form, wedge, clock) -> None:
    _, field, _ = form
    scanner, scans = wedge
    type_text(field, CCCD, clock, gap_ms=5)
    press_enter(field, clock, gap_ms=5)
    assert scans == [CCCD]
    assert field.text() == ""


def test_a_person_typing_reaches_the_field_untouched(form, wedge, clock) -> None:
    _, field, _ = form
    scanner, scans = wedge
    type_text(field, "Nguyễn Văn An", clock, gap_ms=140)
    settle(scanner, clock)
    assert field.text() == "Nguyễn Văn An"
    assert scans == []


def test_a_person_pressing_enter_is_not_a_scan(form, wedge, clock) -> None:
    _, field, _ = form
    scanner, scans = wedge
    submitted: list[str] = []
    field.returnPressed.connect(lambda: submitted.append(field.text()))
    type_text(field, "Trần Bình", clock, gap_ms=120)
    press_enter(field, clock, gap_ms=120)
    assert submitted == ["Trần Bình"]
    assert scans == []


def test_a_short_fast_burst_is_typing(form, wedge, clock) -> None:
    # Two keys rolled over quickly, then Enter: fewer characters than any code.
    _, field, _ = form
    scanner, scans = wedge
    type_text(field, "ok", clock, gap_ms=10)
    press_enter(field, clock, gap_ms=10)
    assert field.text() == "ok"
    assert scans == []


def test_a_burst_without_enter_is_handed_back(form, wedge, clock) -> None:
    _, field, _ = form
    scanner, scans = wedge
    type_text(field, "0123456789", clock, gap_ms=5)
    assert field.text() == ""  # held while it might still become a scan
    settle(scanner, clock)
    assert field.text() == "0123456789"
    assert scans == []


def test_typing_then_a_scan_keeps_both_apart(form, wedge, clock) -> None:
    _, field, _ = form
    scanner, scans = wedge
    type_text(field, "Hà", clock, gap_ms=150)
    clock.advance(500)
    type_text(field, "079193004321|TRAN THI BICH NGOC|1993-04-23|0", clock, gap_ms=6)
    press_enter(field, clock, gap_ms=6)
    assert field.text() == "Hà"
    assert scans == ["079193004321|TRAN THI BICH NGOC|1993-04-23|0"]


def test_shift_between_capitals_does_not_break_a_burst(form, wedge, clock) -> None:
    _, field, _ = form
    scanner, scans = wedge
    for ch in "ABCDEFGH":
        clock.advance(4)
        _key(field, "", Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier)
        clock.advance(4)
        _key(field, ch, modifiers=Qt.KeyboardModifier.ShiftModifier)
    press_enter(field, clock, gap_ms=5)
    assert scans == ["ABCDEFGH"]
    assert field.text() == ""


def test_held_keys_go_to_the_widget_they_were_typed_in(form, wedge, clock) -> None:
    _, first, second = form
    scanner, _ = wedge
    type_text(first, "a", clock, gap_ms=200)
    second.setFocus()  # focus moves before the held key is handed back
    settle(scanner, clock)
    assert first.text() == "a" and second.text() == ""


def test_shortcuts_and_autorepeat_pass_straight_through(form, wedge, clock) -> None:
    _, field, _ = form
    scanner, scans = wedge
    field.setText("abc")
    clock.advance(200)
    _key(field, "\x01", Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    assert field.selectedText() == "abc"
    for _ in range(8):  # a key held down repeats fast, like a scanner, but is typing
        clock.advance(30)
        _key(field, "x", autorepeat=True)
    assert field.text() == "x" * 8
    assert not scanner.holding and scans == []


def test_a_disabled_wedge_lets_everything_through(form, wedge, clock) -> None:
    _, field, _ = form
    scanner, scans = wedge
    scanner.enabled = False
    type_text(field, "SCANNED-CODE", clock, gap_ms=5)
    press_enter(field, clock, gap_ms=5)
    assert field.text() == "SCANNED-CODE" and scans == []


def test_human_speed_with_real_time(qtbot, form) -> None:
    """No injected clock: QTest types with pauses, the wedge's own timer hands keys back."""
    _, field, _ = form
    app = QApplication.instance()
    assert app is not None
    scanner = ScannerWedge()
    app.installEventFilter(scanner)
    try:
        QTest.keyClicks(field, "slow", Qt.KeyboardModifier.NoModifier, 120)
        qtbot.waitUntil(lambda: field.text() == "slow", timeout=5000)
    finally:
        app.removeEventFilter(scanner)


# ---------------------------------------------------------------- scanners that send no Enter

PCCOVID = "079193004321|TRAN THI BICH NGOC|1993-04-23|0|QID123|<1<<0987654321<"
MANGLED = "001090012345||Nguy?n V?n An|14031990|Nam|S? 12 ph? Hoa S?a, H? N?i|15082021"


def _staff_code() -> str:
    from desk_app.domain import own_codes

    return own_codes.encode_staff(b"k" * 32, "UNIT1", "NV01", "Lê Thị Hoa")


@pytest.fixture
def real_wedge(qtbot) -> Iterator[tuple[ScannerWedge, list[str]]]:
    """A wedge on the real clock: its own timer has to end each burst."""
    app = QApplication.instance()
    assert app is not None
    scanner = ScannerWedge()
    scans: list[str] = []
    scanner.scanned.connect(scans.append)
    app.installEventFilter(scanner)
    yield scanner, scans
    app.removeEventFilter(scanner)


def burst(target: QObject, text: str) -> None:
    """Keys as fast as events go, the way a scanner types, with no terminator."""
    for ch in text:
        _key(target, ch)


@pytest.mark.parametrize("code", [CCCD, PCCOVID, MANGLED, "own"])
def test_a_code_without_enter_ends_by_silence(qtbot, form, real_wedge, code: str) -> None:
    _, field, _ = form
    scanner, _ = real_wedge
    text = _staff_code() if code == "own" else code
    with qtbot.waitSignal(scanner.scanned, timeout=5000) as blocker:
        burst(field, text)
    assert blocker.args == [text]
    assert field.text() == "" and not scanner.holding


def test_a_fast_burst_that_is_no_code_goes_to_the_field(qtbot, form, real_wedge) -> None:
    _, field, _ = form
    scanner, scans = real_wedge
    burst(field, "Nguyễn Văn An|ghi chú")
    qtbot.waitUntil(lambda: not scanner.holding, timeout=5000)
    assert field.text() == "Nguyễn Văn An|ghi chú"
    assert scans == []


def test_silence_waits_for_the_code_to_be_whole(form, wedge, clock) -> None:
    _, field, _ = form
    scanner, scans = wedge
    type_text(field, CCCD, clock, gap_ms=5)
    clock.advance(60)
    scanner.poll()
    assert scans == [] and scanner.holding  # a pause shorter than the silence: still typing
    clock.advance(45)
    scanner.poll()
    assert scans == [CCCD] and field.text() == ""


def test_a_code_typed_by_a_person_is_typing(form, wedge, clock) -> None:
    _, field, _ = form
    scanner, scans = wedge
    type_text(field, PCCOVID, clock, gap_ms=130)
    settle(scanner, clock)
    assert field.text() == PCCOVID and scans == []


def test_a_late_enter_after_a_silent_end_is_swallowed(form, wedge, clock) -> None:
    _, field, _ = form
    scanner, scans = wedge
    submitted: list[str] = []
    field.returnPressed.connect(lambda: submitted.append(field.text()))
    type_text(field, CCCD, clock, gap_ms=5)
    clock.advance(110)
    scanner.poll()
    press_enter(field, clock, gap_ms=20)
    assert scans == [CCCD] and submitted == []
    type_text(field, "ok", clock, gap_ms=200)
    press_enter(field, clock, gap_ms=200)  # the operator's own Enter later still works
    assert submitted == ["ok"]


def test_an_input_method_rewriting_a_burst_keeps_it_a_scan(form, wedge, clock) -> None:
    """Telex turns the scanner's "ee" into "ê": Backspace, then the new letter, at machine speed."""
    _, field, _ = form
    scanner, scans = wedge
    type_text(field, "001090012345||Nguye", clock, gap_ms=4)
    clock.advance(2)
    _key(field, "\b", Qt.Key.Key_Backspace)  # the input method takes back the first "e"
    type_text(field, "ên Văn An|14031990|Nam|Hà Nội|15082021", clock, gap_ms=4)
    press_enter(field, clock, gap_ms=4)
    assert scans == ["001090012345||Nguyên Văn An|14031990|Nam|Hà Nội|15082021"]
    assert field.text() == ""


def test_a_persons_backspace_still_edits_the_field(form, wedge, clock) -> None:
    _, field, _ = form
    scanner, scans = wedge
    type_text(field, "Trầnn", clock, gap_ms=150)
    settle(scanner, clock)
    clock.advance(300)
    _key(field, "\b", Qt.Key.Key_Backspace)
    assert field.text() == "Trần" and scans == []


def test_a_scanner_typing_mojibake_in_alt_codes_stays_one_scan(form, wedge, clock) -> None:
    """A scanner that types each UTF-8 byte as an Alt+keypad code in the Windows code page
    types 'à' as 'Ã' and a no-break space, 'Đ' as 'Ä' and the control character U+0090:
    neither ends the burst, and the card is read back whole."""
    from desk_app.domain.payloads import parse

    _, field, _ = form
    scanner, scans = wedge
    name = "Đặng Thị Hà".encode().decode("latin-1")
    code = f"001190123456||{name}|14031990|N\u00e1\u00bb\u00af|Ha Noi|15082021"
    alt_keypad = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.KeypadModifier
    for ch in code:
        clock.advance(5)
        _key(field, ch, modifiers=Qt.KeyboardModifier.NoModifier if ch.isascii() else alt_keypad)
    press_enter(field, clock, gap_ms=5)
    settle(scanner, clock)
    assert scans == [code] and field.text() == ""
    assert parse(scans[0]).name == "Đặng Thị Hà"
