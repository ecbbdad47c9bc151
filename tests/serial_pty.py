"""A pseudo-terminal pair standing in for a scanner's serial port, at a path that can come back."""

from __future__ import annotations

import os
import pty
import time
import tty
from collections.abc import Callable
from pathlib import Path


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait for a condition another thread makes true (the way qtbot.waitUntil does)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.005)


class PtyScanner:
    """The master side plays the scanner; ``path`` (a symlink) is the port the desk opens.

    ``unplug`` closes both ends and removes the path, as pulling a USB scanner does;
    ``plug`` makes a new pair and points the same path at it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.master: int | None = None
        self.slave: int | None = None
        self.written = 0  # bytes written over every plugging
        self.plug()

    def plug(self) -> None:
        self.master, self.slave = pty.openpty()
        tty.setraw(self.slave)  # as a CDC port delivers bytes: no line editing, CR stays CR
        staged = self.path.with_name(self.path.name + ".new")
        staged.unlink(missing_ok=True)
        os.symlink(os.ttyname(self.slave), staged)
        os.replace(staged, self.path)

    def write(self, data: bytes) -> None:
        assert self.master is not None
        os.write(self.master, data)
        self.written += len(data)

    def write_and_wait_taken(self, data: bytes, taken: Callable[[], int]) -> None:
        """Write one chunk and wait until the reader has read it all (so chunks stay apart).

        ``taken`` counts the bytes the reader has read; the pty's own input count cannot
        tell, as the kernel moves written bytes to the other side a moment later.
        """
        self.write(data)
        wait_until(lambda: taken() >= self.written)

    def unplug(self) -> None:
        for fd in (self.master, self.slave):
            if fd is not None:
                os.close(fd)
        self.master = self.slave = None
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        self.unplug()
