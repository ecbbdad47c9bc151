"""The desk's local journal: scans kept while the log's server cannot be reached.

Each scan the desk could not send is written to a small SQLite file in the desk's own data
folder, with an id made on the desk. When the server is back the journal is sent in the
order the scans were made; each goes in one transaction that also stores its id with the
scan event, so a scan is sent once even when the desk was closed or cut off half-way. The
entry/exit decision is made again against the shared log at that moment; a scan older than
what the log already knows of the person (they left at another desk meanwhile) is recorded
as a conflict, not dropped.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from desk_app.domain.payloads import Identity
from desk_app.domain.rules import JOURNAL_CONFLICT
from desk_app.domain.visits import Direction, Method, ScanResult
from desk_app.paths import data_dir
from desk_app.storage.recorder import Recorder
from desk_app.storage.schema import ScanEvent

log = logging.getLogger(__name__)

CONFLICT = JOURNAL_CONFLICT  # rejection reason of a replayed scan the log has overtaken

_SCHEMA = """
CREATE TABLE IF NOT EXISTS journal (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    journal_id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    text TEXT NOT NULL,
    method TEXT NOT NULL,
    direction TEXT NOT NULL,
    desk TEXT NOT NULL,
    checkpoint TEXT NOT NULL,
    debounce_seconds REAL NOT NULL
)
"""

# Words of a driver that could not reach the server (psycopg, libpq), as opposed to a server
# that answered with an error.
_UNREACHABLE = (
    "connection refused",
    "could not connect",
    "connection timed out",
    "timeout expired",
    "server closed the connection",
    "terminating connection",
    "connection is closed",
    "connection not open",
    "connection to server",
    "no route to host",
    "network is unreachable",
    "could not translate host name",
    "consuming input failed",
    "the connection is lost",
    "ssl syscall error",
    "server conn crashed",
)


def is_unreachable(exc: BaseException) -> bool:
    """True when ``exc`` (or what caused it) says the database server cannot be reached."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        orig = getattr(seen, "orig", None) or seen
        if isinstance(seen, OperationalError | InterfaceError | DBAPIError) and getattr(
            seen, "connection_invalidated", False
        ):
            return True
        if isinstance(orig, sqlite3.Error):
            return False  # a local file: never an outage
        message = str(orig).lower()
        if any(words in message for words in _UNREACHABLE):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


@dataclass(frozen=True)
class JournalEntry:
    seq: int
    journal_id: str
    at: datetime
    text: str
    method: str
    direction: str
    desk: str
    checkpoint: str
    debounce_seconds: float


class Journal:
    """The local journal file (``journal.sqlite3`` in the desk's data folder)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "journal.sqlite3"

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=10, isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")  # a kept scan survives a power cut
            conn.execute(_SCHEMA)
            yield conn

    def add(
        self,
        text: str,
        *,
        at: datetime,
        method: Method | str,
        direction: Direction | str,
        desk: str,
        checkpoint: str,
        debounce_seconds: float,
    ) -> JournalEntry:
        entry = JournalEntry(
            seq=0,
            journal_id=uuid.uuid4().hex,
            at=at.astimezone(UTC),
            text=text,
            method=Method(method).value,
            direction=Direction(direction).value,
            desk=desk,
            checkpoint=checkpoint,
            debounce_seconds=float(debounce_seconds),
        )
        with self._connect() as conn:
            cur = conn.execute(
                "INSERT INTO journal (journal_id, at, text, method, direction, desk, checkpoint,"
                " debounce_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.journal_id,
                    entry.at.isoformat(),
                    entry.text,
                    entry.method,
                    entry.direction,
                    entry.desk,
                    entry.checkpoint,
                    entry.debounce_seconds,
                ),
            )
            seq = int(cur.lastrowid or 0)
        return replace(entry, seq=seq)

    def entries(self) -> list[JournalEntry]:
        """Waiting scans, oldest first."""
        if not self.path.exists():
            return []
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT seq, journal_id, at, text, method, direction, desk, checkpoint,"
                " debounce_seconds FROM journal ORDER BY seq"
            ).fetchall()
        return [
            JournalEntry(
                seq=r[0],
                journal_id=r[1],
                at=datetime.fromisoformat(r[2]),
                text=r[3],
                method=r[4],
                direction=r[5],
                desk=r[6],
                checkpoint=r[7],
                debounce_seconds=float(r[8]),
            )
            for r in rows
        ]

    def count(self) -> int:
        if not self.path.exists():
            return 0
        with self._connect() as conn:
            return int(conn.execute("SELECT count(*) FROM journal").fetchone()[0])

    def remove(self, journal_id: str) -> None:
        with self._connect() as conn:
            conn.execute("DELETE FROM journal WHERE journal_id = ?", (journal_id,))


def replay(recorder: Recorder, entry: JournalEntry, identity: Identity) -> ScanResult | None:
    """Send one journal entry to the shared log; None when it was sent before.

    ``recorder`` records under the entry's own desk and checkpoint; ``identity`` is the
    entry's text parsed now (with the unit's secret, which the desk may not have had).
    """
    recorder.desk, recorder.checkpoint = entry.desk, entry.checkpoint

    def work(session: Session) -> ScanResult | None:
        sent = session.scalar(select(ScanEvent.id).where(ScanEvent.journal_id == entry.journal_id))
        if sent is not None:
            return None
        recorder.journal_id = entry.journal_id
        try:
            return recorder._record_scan(
                session,
                identity,
                Method(entry.method),
                Direction(entry.direction),
                entry.at,
                timedelta(seconds=entry.debounce_seconds),
                "",
                "",
                replayed=True,  # overtaken by the log: a conflict (domain/rules.py)
            )
        finally:
            recorder.journal_id = None

    return recorder.db.write(work)
