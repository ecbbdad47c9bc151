"""Handheld scanners in serial mode (USB-COM / CDC): raw UTF-8 bytes become scans.

In serial mode a scanner hands over the bytes of the code as they are, so Vietnamese names
arrive intact (a keyboard-mode scanner can only type what the keyboard layout knows). The
bytes come in chunks of any size, a multi-byte character may be split between two chunks,
and a code ends with CR, LF, CR LF, or nothing at all: then a short silence ends it.

``ScanAssembler`` turns bytes into scans and knows nothing of ports; ``SerialScannerReader``
owns the port: it reads, hands scans on, and when the scanner is unplugged keeps trying to
open the same port again until it comes back. Both are free of Qt so that they run in tests
and on the command line; the window runs the reader in a thread of its own.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import serial
from serial.tools import list_ports

from desk_app.domain.payloads import keepable

log = logging.getLogger(__name__)

SILENCE_SECONDS = 0.1  # a code that stops this long without CR/LF is complete
MAX_SCAN_BYTES = 8192  # twice the longest text the parser accepts; more is noise on the line
READ_TIMEOUT_SECONDS = 0.02  # how often the loop looks at the clock and at a stop request
RECONNECT_SECONDS = 1.0
DEFAULT_BAUDRATE = 9600  # CDC ports ignore it; real serial scanners mostly ship at 9600

TERMINATORS = b"\r\n"
# not_utf8 and too_long are reasons of the payload vocabulary too; cut_off is the port's own.
REASONS = ("not_utf8", "too_long", "cut_off")

# Statuses the reader reports (the window words them): the port is being opened, is open, or
# was lost (unplugged, or not there yet) and is being opened again.
CONNECTING = "connecting"
CONNECTED = "connected"
DISCONNECTED = "disconnected"


@dataclass(frozen=True)
class SerialScan:
    """One code from the scanner: its text, or the reason it was refused and its bytes."""

    text: str | None
    raw: bytes
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.text is not None

    def sample(self, limit: int = 60) -> str:
        """The bytes as readable text for a message and the log: undecodable bytes shown as
        \\xNN, an identity card's trailing fields (its holder's relatives) blanked."""
        shown = self.raw[:limit].decode("utf-8", errors="backslashreplace")
        return keepable(shown) + ("…" if len(self.raw) > limit else "")


def _incomplete_utf8_tail(data: bytes) -> bool:
    """True when ``data`` ends inside a multi-byte UTF-8 character (more bytes are due)."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0x80:  # a continuation byte: the lead byte is further back
            continue
        if byte >= 0xF0:
            needed = 4
        elif byte >= 0xE0:
            needed = 3
        elif byte >= 0xC0:
            needed = 2
        else:
            return False
        return back < needed
    return False


class ScanAssembler:
    """Bytes in, scans out. Times are seconds from any monotonic clock, given by the caller."""

    def __init__(
        self, *, silence: float = SILENCE_SECONDS, max_bytes: int = MAX_SCAN_BYTES
    ) -> None:
        self.silence = silence
        self.max_bytes = max_bytes
        self._buffer = bytearray()
        self._last_at = 0.0
        self._overflow = False  # past max_bytes: drop the rest of this code

    @property
    def pending(self) -> bool:
        return bool(self._buffer) or self._overflow

    def feed(self, data: bytes, now: float) -> list[SerialScan]:
        scans: list[SerialScan] = []
        for byte in data:
            if byte in TERMINATORS:
                scans.extend(self._finish())
                continue
            if self._overflow:
                continue
            self._buffer.append(byte)
            if len(self._buffer) > self.max_bytes:
                self._overflow = True
        if data:
            self._last_at = now
        return scans

    def deadline(self) -> float | None:
        """When silence will end the code being read (None: nothing pending)."""
        if not self.pending:
            return None
        wait = self.silence
        if _incomplete_utf8_tail(bytes(self._buffer[-4:])):
            wait *= 3  # the rest of a character split between chunks is still on its way
        return self._last_at + wait

    def poll(self, now: float) -> list[SerialScan]:
        """The code being read, once the line has been silent long enough."""
        deadline = self.deadline()
        if deadline is None or now < deadline:
            return []
        return self._finish()

    def cut_off(self) -> list[SerialScan]:
        """The port went away: a half-read code is refused (it would read as a shorter card)."""
        if not self.pending:
            return []
        raw = bytes(self._buffer)
        self._buffer.clear()
        self._overflow = False
        return [SerialScan(None, raw, "cut_off")]

    def _finish(self) -> list[SerialScan]:
        raw = bytes(self._buffer)
        overflow = self._overflow
        self._buffer.clear()
        self._overflow = False
        if overflow:
            return [SerialScan(None, raw, "too_long")]
        if not raw.strip():
            return []  # the LF of a CR LF, or a bare terminator
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return [SerialScan(None, raw, "not_utf8")]
        return [SerialScan(text, raw)]


def available_ports() -> list[tuple[str, str]]:
    """(device, description) of the serial ports this computer has now."""
    ports = []
    for info in sorted(list_ports.comports(), key=lambda p: p.device):
        description = info.description if info.description not in (None, "n/a") else ""
        ports.append((info.device, description or ""))
    return ports


class SerialScannerReader:
    """Reads one port until told to stop; opens it again whenever it goes away."""

    def __init__(
        self,
        port: str,
        baudrate: int = DEFAULT_BAUDRATE,
        *,
        silence: float = SILENCE_SECONDS,
        reconnect_seconds: float = RECONNECT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.port = port
        self.baudrate = baudrate
        self.reconnect_seconds = reconnect_seconds
        self._clock = clock
        self._assembler = ScanAssembler(silence=silence)
        self.bytes_read = 0  # since the start, over every connection (for diagnostics)

    def run(
        self,
        should_stop: Callable[[], bool],
        on_scan: Callable[[SerialScan], None],
        on_status: Callable[[str, str], None],
    ) -> None:
        """The reading loop; returns once ``should_stop()`` is true. Never raises for the port."""
        connection: serial.Serial | None = None
        status = ""

        def tell(new_status: str, detail: str = "") -> None:
            nonlocal status
            if new_status != status:
                status = new_status
                on_status(new_status, detail)

        tell(CONNECTING)
        try:
            while not should_stop():
                if connection is None:
                    connection = self._open()
                    if connection is None:
                        tell(DISCONNECTED)
                        self._wait(should_stop)
                        continue
                    tell(CONNECTED)
                try:
                    data = connection.read(max(1, connection.in_waiting))
                except (serial.SerialException, OSError) as exc:
                    log.warning("scanner port %s lost: %s", self.port, exc)
                    _close(connection)
                    connection = None
                    for scan in self._assembler.cut_off():
                        on_scan(scan)
                    tell(DISCONNECTED)
                    # A port that opens and fails at once (a driver half-gone) is tried again
                    # after the same pause as a missing one, not in a busy loop.
                    self._wait(should_stop)
                    continue
                now = self._clock()
                self.bytes_read += len(data)
                for scan in self._assembler.feed(data, now):
                    on_scan(scan)
                for scan in self._assembler.poll(now):
                    on_scan(scan)
        finally:
            if connection is not None:
                _close(connection)

    def _open(self) -> serial.Serial | None:
        try:
            # Exclusive: two readers of one port (the window and ``scanner listen``) would
            # each take part of a code's bytes. Windows opens a port for one program only;
            # elsewhere pyserial locks it.
            return serial.Serial(
                self.port, self.baudrate, timeout=READ_TIMEOUT_SECONDS, exclusive=True
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            log.info("scanner port %s not open: %s", self.port, exc)
            return None

    def _wait(self, should_stop: Callable[[], bool]) -> None:
        """Wait before the next try, looking at the stop request often."""
        until = self._clock() + self.reconnect_seconds
        while not should_stop() and self._clock() < until:
            time.sleep(min(READ_TIMEOUT_SECONDS * 5, self.reconnect_seconds))


def _close(connection: serial.Serial) -> None:
    try:
        connection.close()
    except (serial.SerialException, OSError) as exc:  # the device is gone already
        log.debug("closing the scanner port: %s", exc)
