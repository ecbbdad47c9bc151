"""The serial scanner source: bytes to scans, and the reader over a real pseudo-terminal."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desk_app.scanning.serial_scanner import (
    CONNECTED,
    CONNECTING,
    DISCONNECTED,
    ScanAssembler,
    SerialScan,
    SerialScannerReader,
)
from tests.serial_pty import PtyScanner, wait_until

CCCD = "001090012345||Nguyễn Văn An|14031990|Nam|Số 12 phố Hoa Sữa, Hà Nội|15082021"
CCCD_BYTES = CCCD.encode("utf-8")


# ---------------------------------------------------------------- bytes to scans (no port)


def texts(scans: list[SerialScan]) -> list[str | None]:
    return [scan.text for scan in scans]


def test_chunks_make_one_code_at_its_terminator() -> None:
    assembler = ScanAssembler()
    assert assembler.feed(CCCD_BYTES[:7], 0.0) == []
    assert assembler.feed(CCCD_BYTES[7:30], 0.01) == []
    assert texts(assembler.feed(CCCD_BYTES[30:] + b"\r\n", 0.02)) == [CCCD]
    assert not assembler.pending


@pytest.mark.parametrize("ending", [b"\r", b"\n", b"\r\n", b"\n\r"])
def test_each_terminator_ends_a_code_once(ending: bytes) -> None:
    assembler = ScanAssembler()
    scans = assembler.feed(b"DKQ1.S.AAAA" + ending + b"DKQ1.S.BBBB" + ending, 0.0)
    assert texts(scans) == ["DKQ1.S.AAAA", "DKQ1.S.BBBB"]


def test_silence_ends_a_code_without_terminator() -> None:
    assembler = ScanAssembler(silence=0.1)
    assembler.feed(CCCD_BYTES, 5.0)
    assert assembler.poll(5.09) == []
    assert texts(assembler.poll(5.1)) == [CCCD]
    assert assembler.poll(9.0) == []


def test_a_character_split_between_chunks_is_joined() -> None:
    cut = CCCD_BYTES.index("ễ".encode()) + 1  # inside the three bytes of "ễ"
    assembler = ScanAssembler(silence=0.1)
    assembler.feed(CCCD_BYTES[:cut], 0.0)
    # the rest of the character is late: silence waits longer than usual for it
    assert assembler.poll(0.15) == []
    assembler.feed(CCCD_BYTES[cut:], 0.2)
    assert texts(assembler.poll(0.31)) == [CCCD]


def test_bytes_that_are_not_utf8_are_refused_with_their_reason() -> None:
    assembler = ScanAssembler()
    latin1 = "Nguyễn".encode()[:4] + "é".encode("latin-1")
    [scan] = assembler.feed(b"001090012345||" + latin1 + b"\r", 0.0)
    assert not scan.ok and scan.reason == "not_utf8"
    assert scan.sample().startswith("001090012345||Ngu") and "\\xe9" in scan.sample()
    assert texts(assembler.feed(CCCD_BYTES + b"\r", 0.1)) == [CCCD]  # the next one reads


def test_a_refused_identity_cards_sample_keeps_no_relative() -> None:
    """The sample of refused bytes is logged and kept with the rejected scan: an identity
    card's trailing fields (a cancelled ID, relatives) are blanked in it too."""
    card = "001090012345||Lê A|14031990|Nam|HN|15082024|079190099999|Pham Van Cha||"
    [scan] = ScanAssembler().feed(card.encode("cp1258") + b"\r", 0.0)
    assert scan.reason == "not_utf8"
    assert scan.sample().startswith("001090012345||L\\xea A|14031990|Nam|HN|15082024|")
    assert "0791900" not in scan.sample() and "Ph" not in scan.sample()


def test_a_refused_sample_after_a_byte_order_mark_keeps_no_relative() -> None:
    card = "001090012345||Lê A|14031990|Nam|HN|15082024|079190099999|Pham Van Cha||"
    [scan] = ScanAssembler().feed(b"\xef\xbb\xbf" + card.encode("cp1258") + b"\r", 0.0)
    assert scan.reason == "not_utf8"
    assert "0791900" not in scan.sample() and "Ph" not in scan.sample()


def test_endless_noise_is_refused_not_kept() -> None:
    assembler = ScanAssembler(max_bytes=100)
    assert assembler.feed(b"x" * 5000, 0.0) == []
    [scan] = assembler.feed(b"\n", 0.0)
    assert scan.reason == "too_long" and len(scan.raw) <= 101


def test_a_code_cut_off_by_unplugging_is_refused() -> None:
    assembler = ScanAssembler()
    assembler.feed(CCCD_BYTES[:40], 0.0)
    [scan] = assembler.cut_off()
    assert scan.reason == "cut_off" and scan.raw == CCCD_BYTES[:40]
    assert assembler.cut_off() == []


# ---------------------------------------------------------------- the reader over a pty


class Running:
    """A reader on its own thread; scans and statuses arrive in queues."""

    def __init__(self, reader: SerialScannerReader) -> None:
        self.reader = reader
        self.scans: queue.Queue[SerialScan] = queue.Queue()
        self.statuses: queue.Queue[str] = queue.Queue()
        self.stop = threading.Event()
        self.thread = threading.Thread(
            target=reader.run,
            args=(self.stop.is_set, self.scans.put, lambda s, _d: self.statuses.put(s)),
            daemon=True,
        )
        self.thread.start()

    def taken(self) -> int:
        """Bytes the reader has read so far."""
        return self.reader.bytes_read

    def next_scan(self) -> SerialScan:
        return self.scans.get(timeout=5)

    def expect_status(self, *expected: str) -> None:
        for status in expected:
            assert self.statuses.get(timeout=5) == status

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=5)
        assert not self.thread.is_alive()


@pytest.fixture
def port(tmp_path: Path) -> Iterator[PtyScanner]:
    scanner = PtyScanner(tmp_path / "ttyACM0")
    yield scanner
    scanner.close()


def start(port_path: Path, **options: float) -> Running:
    options.setdefault("reconnect_seconds", 0.05)
    return Running(SerialScannerReader(str(port_path), 9600, **options))


def test_chunked_codes_over_a_real_port(port: PtyScanner) -> None:
    running = start(port.path)
    try:
        running.expect_status(CONNECTING, CONNECTED)
        for start_at in range(0, len(CCCD_BYTES), 16):
            port.write_and_wait_taken(CCCD_BYTES[start_at : start_at + 16], running.taken)
        port.write(b"\r\n")
        assert running.next_scan().text == CCCD
        port.write(b"DKQ1.S.ABC\r\nDKQ1.V.XYZ\r\n")
        assert [running.next_scan().text, running.next_scan().text] == [
            "DKQ1.S.ABC",
            "DKQ1.V.XYZ",
        ]
    finally:
        running.close()
    assert running.scans.empty()  # the LF after each CR made no empty scan


def test_a_code_with_no_terminator_over_a_real_port(port: PtyScanner) -> None:
    running = start(port.path)
    try:
        running.expect_status(CONNECTING, CONNECTED)
        port.write(CCCD_BYTES)
        assert running.next_scan().text == CCCD
    finally:
        running.close()


def test_a_split_character_over_a_real_port(port: PtyScanner) -> None:
    cut = CCCD_BYTES.index("ữ".encode()) + 1
    running = start(port.path)
    try:
        running.expect_status(CONNECTING, CONNECTED)
        port.write_and_wait_taken(CCCD_BYTES[:cut], running.taken)
        port.write_and_wait_taken(CCCD_BYTES[cut:], running.taken)
        port.write(b"\r")
        scan = running.next_scan()
        assert scan.ok and scan.text == CCCD
    finally:
        running.close()


def test_invalid_bytes_over_a_real_port_do_not_stop_the_reader(port: PtyScanner) -> None:
    running = start(port.path)
    try:
        running.expect_status(CONNECTING, CONNECTED)
        port.write(b"\xff\xfe\x00garbage\r\n")
        assert running.next_scan().reason == "not_utf8"
        port.write(CCCD_BYTES + b"\r\n")
        assert running.next_scan().text == CCCD
    finally:
        running.close()


def test_unplugged_and_plugged_back_at_the_same_port(port: PtyScanner) -> None:
    running = start(port.path, silence=30.0)  # only the terminator or unplugging ends a code
    try:
        running.expect_status(CONNECTING, CONNECTED)
        port.write_and_wait_taken(CCCD_BYTES[:40], running.taken)
        port.unplug()
        cut = running.next_scan()
        assert cut.reason == "cut_off" and cut.raw == CCCD_BYTES[:40]
        running.expect_status(DISCONNECTED)
        assert running.statuses.empty()  # retrying says nothing new while the port is away
        port.plug()
        running.expect_status(CONNECTED)
        port.write(CCCD_BYTES + b"\r\n")
        assert running.next_scan().text == CCCD
    finally:
        running.close()


def test_a_port_that_appears_later(tmp_path: Path) -> None:
    path = tmp_path / "ttyUSB0"
    running = start(path)
    scanner: PtyScanner | None = None
    try:
        running.expect_status(CONNECTING, DISCONNECTED)
        scanner = PtyScanner(path)
        running.expect_status(CONNECTED)
        scanner.write(b"DKQ1.C.ABC\n")
        assert running.next_scan().text == "DKQ1.C.ABC"
    finally:
        running.close()
        if scanner is not None:
            scanner.close()


def test_stopping_while_the_port_is_away(tmp_path: Path) -> None:
    running = start(tmp_path / "missing", reconnect_seconds=60.0)
    running.expect_status(CONNECTING, DISCONNECTED)
    running.close()  # does not wait out the minute between tries
    wait_until(lambda: not running.thread.is_alive(), timeout=1.0)


def test_a_second_reader_of_the_same_port_waits_its_turn(port: PtyScanner) -> None:
    """Two readers of one port (the window, and ``scanner listen`` started beside it) would
    each take part of a code's bytes, and one of them a shorter card: the port is held by
    one reader at a time, and the other says it is not connected until the port is free."""
    first = start(port.path)
    second: Running | None = None
    try:
        first.expect_status(CONNECTING, CONNECTED)
        second = start(port.path)
        second.expect_status(CONNECTING, DISCONNECTED)
        for _ in range(3):
            port.write(CCCD_BYTES + b"\r\n")
            assert first.next_scan().text == CCCD
        assert second.statuses.empty() and second.scans.empty()
        first.close()
        second.expect_status(CONNECTED)  # free again: the other reader takes it
        port.write(CCCD_BYTES + b"\r\n")
        assert second.next_scan().text == CCCD
    finally:
        first.close()
        if second is not None:
            second.close()


class _FailingPort:
    """A port that opens and then fails at every read, as a half-removed driver's does."""

    in_waiting = 0

    def read(self, _size: int) -> bytes:
        import serial

        raise serial.SerialException("device reports readiness to read but returned no data")

    def close(self) -> None:
        pass


def test_a_port_that_opens_and_fails_at_once_is_retried_after_a_pause() -> None:
    import time

    opened: list[float] = []

    class Reader(SerialScannerReader):
        def _open(self) -> Any:
            opened.append(time.monotonic())
            return _FailingPort()

    running = Running(Reader("/dev/ttyACM9", 9600, reconnect_seconds=0.1))
    try:
        running.expect_status(CONNECTING, CONNECTED, DISCONNECTED)
        time.sleep(0.5)
    finally:
        running.close()
    assert 2 <= len(opened) <= 7, len(opened)  # about one try per pause, not thousands
    assert all(b - a >= 0.09 for a, b in zip(opened, opened[1:], strict=False))
