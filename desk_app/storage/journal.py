"""The desk's local journal: what the desk recorded while the log's server was out of reach.

Each scan, manual entry or check-out from the inside list that the desk could not send is
written to a small SQLite file in the desk's own data folder (readable by its user only),
with an id made on the desk. When the server is back the journal is sent in the order it
was made; each goes in one transaction that also stores its id with the scan event, so it
is sent once even when the desk was closed or cut off half-way. The entry/exit decision is
made again against the shared log at that moment; one older than what the log already
knows of the person (they left at another desk meanwhile), or a check-out of a visit that
ended meanwhile, is recorded as a conflict, not dropped. Each entry names the log it was
kept for (``log_key``): opening another log meanwhile (an old single-desk file, a backup
restored into a new one) sends it nowhere else.

A journal file that is no longer a database (a disk error, a copy cut short) is set aside
beside it, its bytes untouched, and a new one started: the desk must keep working and the
next scan must be kept. One held by another program is said so in words.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.domain.payloads import Identity, keepable
from desk_app.domain.rules import JOURNAL_CONFLICT
from desk_app.domain.visits import Direction, ManualEntry, Method, ScanResult
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.paths import data_dir
from desk_app.storage.database import is_unreachable
from desk_app.storage.schema import ScanEvent
from desk_app.storage.visit_log import VisitLog

log = logging.getLogger(__name__)

__all__ = ["Journal", "JournalEntry", "JournalError", "is_unreachable", "replay"]


class JournalError(UserError):
    """The journal file could not be read or written (another program holds it)."""


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    message = str(exc).lower()
    return (
        name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT"))
        or "not a database" in message
        or "malformed" in message
    )


def _held(exc: sqlite3.DatabaseError) -> bool:
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    message = str(exc).lower()
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in message


_T = TypeVar("_T")
CONFLICT = JOURNAL_CONFLICT  # rejection reason of a replayed scan the log has overtaken

# What an entry of the journal is: a decoded code (its text), a manual entry (its fields in
# ``data``) or a check-out from the inside list (the visit in ``data``).
SCAN, MANUAL, CHECK_OUT = "scan", "manual", "check_out"

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
    debounce_seconds REAL NOT NULL,
    kind TEXT NOT NULL DEFAULT 'scan',
    data TEXT NOT NULL DEFAULT '',
    log TEXT NOT NULL DEFAULT ''
)
"""
# Columns a journal kept by an earlier version lacks (it held scans only).
# An entry with no log (kept by an earlier version) goes to the first log the desk reaches.
_ADDED = {
    "kind": "TEXT NOT NULL DEFAULT 'scan'",
    "data": "TEXT NOT NULL DEFAULT ''",
    "log": "TEXT NOT NULL DEFAULT ''",
}


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
    kind: str = SCAN
    data: str = ""
    log: str = ""

    def manual_entry(self) -> ManualEntry:
        """The fields of a kept manual entry."""
        fields = json.loads(self.data)
        born = fields.pop("birth_date", None)
        return ManualEntry(**fields, birth_date=date.fromisoformat(born) if born else None)

    def visit_id(self) -> int:
        """The visit a kept check-out ends."""
        return int(json.loads(self.data)["visit_id"])


def manual_data(entry: ManualEntry) -> str:
    fields = asdict(entry)
    fields["birth_date"] = entry.birth_date.isoformat() if entry.birth_date else None
    return json.dumps(fields, ensure_ascii=False)


def check_out_data(visit_id: int) -> str:
    return json.dumps({"visit_id": visit_id})


class Journal:
    """The local journal file (``journal.sqlite3`` in the desk's data folder)."""

    def __init__(self, path: Path | None = None, *, log: str | None = None) -> None:
        """``log``: the log this desk keeps entries for (``log_key``); entries kept for
        another log are left out. None: every entry (``journal list``)."""
        self.path = path or data_dir() / "journal.sqlite3"
        self.log = log

    def set_aside(self) -> list[Path]:
        """Damaged journals this desk set aside (oldest first), kept for recovery."""
        if not self.path.parent.is_dir():
            return []
        stem = self.path.name.removesuffix(".sqlite3")
        return sorted(self.path.parent.glob(f"{stem}.damaged-*.sqlite3"))

    def _set_aside(self, exc: BaseException) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        stem = self.path.name.removesuffix(".sqlite3")
        target = self.path.with_name(f"{stem}.damaged-{stamp}.sqlite3")
        os.replace(self.path, target)
        for suffix in ("-wal", "-shm"):  # they belong to the damaged file, not to a new one
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                os.replace(side, target.with_name(target.name + suffix))
        log.warning("damaged journal %s set aside as %s: %s", self.path, target, exc)

    def _once(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        try:
            with self._connect() as conn:
                return work(conn)
        except sqlite3.DatabaseError as exc:
            if _held(exc):  # past the timeout: said in words, not an unexpected error
                raise JournalError(t("journal.held", path=self.path)) from exc
            raise

    def _run(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        """``work`` on the journal; a damaged file is set aside and ``work`` runs on a new
        one; a file held by another program past the timeout is a JournalError."""
        try:
            return self._once(work)
        except sqlite3.DatabaseError as exc:
            if not (_damaged(exc) and self.path.exists()):
                raise
            self._set_aside(exc)
        return self._once(work)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            # Card texts and typed-in people: personal data, for this desk's user only.
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        elif os.name == "posix" and self.path.stat().st_mode & 0o077:
            self.path.chmod(0o600)  # a journal kept by an earlier version
        with closing(sqlite3.connect(self.path, timeout=10, isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")  # a kept scan survives a power cut
            # A sent scan is personal data the shared log now holds: its bytes are overwritten,
            # not left readable in the file's free pages. (Closing the last connection folds
            # the write-ahead file back and removes it, old page images with it.)
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute(_SCHEMA)
            have = {row[1] for row in conn.execute("PRAGMA table_info(journal)")}
            for column, declaration in _ADDED.items():
                if column not in have:
                    conn.execute(f"ALTER TABLE journal ADD COLUMN {column} {declaration}")
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
        kind: str = SCAN,
        data: str = "",
    ) -> JournalEntry:
        entry = JournalEntry(
            seq=0,
            journal_id=uuid.uuid4().hex,
            at=at.astimezone(UTC),
            # An identity card's relatives are no more kept here than in the log.
            text=keepable(text) if kind == SCAN else text,
            method=Method(method).value,
            direction=Direction(direction).value,
            desk=desk,
            checkpoint=checkpoint,
            debounce_seconds=float(debounce_seconds),
            kind=kind,
            data=data,
            log=self.log or "",
        )
        row = (
            entry.journal_id,
            entry.at.isoformat(),
            entry.text,
            entry.method,
            entry.direction,
            entry.desk,
            entry.checkpoint,
            entry.debounce_seconds,
            entry.kind,
            entry.data,
            entry.log,
        )

        def insert(conn: sqlite3.Connection) -> int:
            cur = conn.execute(
                "INSERT INTO journal (journal_id, at, text, method, direction, desk, checkpoint,"
                " debounce_seconds, kind, data, log) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            return int(cur.lastrowid or 0)

        return replace(entry, seq=self._run(insert))

    def _mine(self) -> tuple[str, tuple[str, ...]]:
        """The SQL condition choosing this journal's entries, and its parameters."""
        if self.log is None:
            return "1 = 1", ()
        return "log IN (?, '')", (self.log,)

    def entries(self) -> list[JournalEntry]:
        """Waiting scans, oldest first."""
        if not self.path.exists():
            return []
        where, params = self._mine()
        rows = self._run(
            lambda conn: conn.execute(
                "SELECT seq, journal_id, at, text, method, direction, desk, checkpoint,"
                f" debounce_seconds, kind, data, log FROM journal WHERE {where} ORDER BY seq",
                params,
            ).fetchall()
        )
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
                kind=r[9],
                data=r[10],
                log=r[11],
            )
            for r in rows
        ]

    def count(self) -> int:
        if not self.path.exists():
            return 0
        where, params = self._mine()
        return self._run(
            lambda conn: int(
                conn.execute(f"SELECT count(*) FROM journal WHERE {where}", params).fetchone()[0]
            )
        )

    def for_other_logs(self) -> dict[str, int]:
        """How many entries wait for each log other than this journal's."""
        if self.log is None or not self.path.exists():
            return {}
        rows = self._run(
            lambda conn: conn.execute(
                "SELECT log, count(*) FROM journal WHERE log NOT IN (?, '') GROUP BY log"
                " ORDER BY min(seq)",
                (self.log,),
            ).fetchall()
        )
        return {str(log): int(n) for log, n in rows}

    def remove(self, journal_id: str) -> None:
        self._run(
            lambda conn: conn.execute("DELETE FROM journal WHERE journal_id = ?", (journal_id,))
        )


def replay(
    recorder: VisitLog, entry: JournalEntry, identity: Identity | None = None
) -> ScanResult | None:
    """Send one journal entry to the shared log; None when it was sent before.

    ``recorder`` records under the entry's own desk and checkpoint; ``identity`` is a kept
    scan's text parsed now (with the unit's secret, which the desk may not have had).
    """
    recorder.desk, recorder.checkpoint = entry.desk, entry.checkpoint

    def work(session: Session) -> ScanResult | None:
        sent = session.scalar(select(ScanEvent.id).where(ScanEvent.journal_id == entry.journal_id))
        if sent is not None:
            return None
        recorder.journal_id = entry.journal_id
        try:
            if entry.kind == MANUAL:
                return recorder.write_manual(
                    session,
                    entry.manual_entry().cleaned(),
                    Direction(entry.direction),
                    entry.at,
                    replayed=True,
                )
            if entry.kind == CHECK_OUT:
                return recorder.write_check_out(session, entry.visit_id(), entry.at, replayed=True)
            assert identity is not None, "a kept scan is replayed with its parsed text"
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

    return recorder.db.write(work, per_person=True)
