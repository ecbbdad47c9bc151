"""The audit trail as a hash chain, its head kept outside the table, and its verification.

Each record's ``record_hash`` is sha256(previous record's hash + canonical JSON of its own
fields); ``detail`` and ``query`` enter through ``content_digest``, so that erasing a
deleted or purged person's name from an old query leaves the chain whole (the erasure is
named in the deletion's or the purge's own record, and verification accepts only erasures
named there). The newest head is also written to a file after every commit (beside a
SQLite database, in the data folder for a server database): a removed last record, a table
cut off, or one rebuilt from scratch no longer matches it. Records older than a year can be
folded into one summary, signed with the unit's secret, that carries the hash the chain
continues from.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, event, func, insert, select, update
from sqlalchemy.orm import Session

from desk_app.domain.names import fold
from desk_app.paths import data_dir
from desk_app.storage.database import Database, sqlite_path
from desk_app.storage.schema import AuditRecord
from desk_app.timeutil import utc_now

log = logging.getLogger(__name__)

FOLDED = "audit_folded"
PERSON_DELETED = "person_delete"
PURGE = "purge"
# The records that may name earlier records they blanked ("erased_audit").
ERASING = (PERSON_DELETED, PURGE)
_HEAD_KEY = "desk_app.audit_head"


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        return ""


def content_digest(detail: str, query: str) -> str:
    return hashlib.sha256(json.dumps([detail, query], ensure_ascii=False).encode()).hexdigest()


def _at_text(at: datetime) -> str:
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.isoformat(sep=" ", timespec="microseconds")


def canonical(record_id: int, at: datetime, action: str, desk: str, user: str, digest: str) -> str:
    return json.dumps(
        {
            "id": record_id,
            "at": _at_text(at),
            "action": action,
            "desk": desk,
            "user": user,
            "content": digest,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )


def chain_hash(prev: str, canonical_text: str) -> str:
    return hashlib.sha256((prev + canonical_text).encode()).hexdigest()


# ----- the head outside the table -----------------------------------------------------------
def _beside_file(url: str) -> Path | None:
    """The SQLite file of ``url``, if it is one."""
    return sqlite_path(url)


def head_path(url: str) -> Path:
    """Beside a SQLite file; in the data folder (one file per server database) otherwise."""
    path = _beside_file(url)
    if path is not None:
        return path.with_name(path.name + ".audit-head")
    from sqlalchemy.engine import make_url

    safe = make_url(url).render_as_string(hide_password=True)
    return data_dir() / f"audit-head-{hashlib.sha256(safe.encode()).hexdigest()[:16]}.json"


def read_head(url: str) -> tuple[int, str] | None:
    try:
        data = json.loads(head_path(url).read_text(encoding="utf-8"))
        return int(data["id"]), str(data["hash"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return (-1, "")  # unreadable: verification says so


def write_head(url: str, record_id: int, record_hash: str) -> None:
    path = head_path(url)
    current = read_head(url)
    if current is not None and current[0] > record_id:
        return  # another desk wrote a newer head meanwhile
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps({"id": record_id, "hash": record_hash}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("audit head not written to %s: %s", path, exc)


def forget_head(url: str) -> None:
    """Remove the head file of ``url`` (a new, empty log is made there)."""
    try:
        head_path(url).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("old audit head %s not removed: %s", head_path(url), exc)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    head = session.info.pop(_HEAD_KEY, None)
    if head is not None:
        write_head(*head)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_HEAD_KEY, None)


# ----- writing ------------------------------------------------------------------------------
def _last(conn: Connection) -> tuple[int, str]:
    row = conn.execute(
        select(AuditRecord.id, AuditRecord.record_hash).order_by(AuditRecord.id.desc()).limit(1)
    ).first()
    return (int(row[0]), str(row[1])) if row else (0, "")


def append(
    session: Session, action: str, detail: str = "", *, query: str = "", desk: str = ""
) -> int:
    """Add a record at the end of the chain, in the caller's transaction. Returns its id."""
    conn = session.connection()
    last_id, prev = _last(conn)
    record_id = last_id + 1
    at = utc_now()
    user = os_user()[:100]
    digest = content_digest(detail, query)
    record_hash = chain_hash(prev, canonical(record_id, at, action, desk, user, digest))
    conn.execute(
        insert(AuditRecord).values(
            id=record_id,
            at=at,
            action=action,
            detail=detail,
            query=query,
            desk=desk,
            os_user=user,
            content_digest=digest,
            erased=False,
            prev_hash=prev,
            record_hash=record_hash,
        )
    )
    url = session.get_bind().engine.url.render_as_string(hide_password=False)
    session.info[_HEAD_KEY] = (url, record_id, record_hash)
    return record_id


def erase_mentions(
    session: Session, needles: Iterable[str], *, name: str = "", names: Iterable[str] = ()
) -> list[int]:
    """Blank the detail and query of records that mention any of ``needles`` (deleted
    people's numbers) or any of their names (``name``, ``names``) as whole words; returns
    their ids for the deletion's (or the purge's) own record."""
    import re

    folded = sorted({fold(n) for n in needles if n and len(fold(n)) >= 3})
    named = sorted({fold(n) for n in (name, *names) if len(fold(n)) >= 3})
    if not folded and not named:
        return []
    number = re.compile("|".join(re.escape(n) for n in folded)) if folded else None
    whole = (
        re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(n) for n in named)})(?!\w)") if named else None
    )
    ids: list[int] = []
    rows = session.execute(
        select(AuditRecord.id, AuditRecord.detail, AuditRecord.query).where(
            AuditRecord.erased.is_(False), AuditRecord.action != FOLDED
        )
    )
    for record_id, detail, query in rows:
        text = fold(f"{detail} {query}")
        if (number is not None and number.search(text)) or (
            whole is not None and whole.search(text)
        ):
            ids.append(int(record_id))
    if ids:
        session.execute(
            update(AuditRecord)
            .where(AuditRecord.id.in_(ids))
            .values(detail="", query="", erased=True)
        )
    return ids


def rechain_all(conn: Connection) -> None:
    """Chain records written before the chain existed (the migration that adds it), and
    keep the new head outside the table as every later record does."""
    from sqlalchemy import Boolean, DateTime, Integer, String, Text, column, table

    audit = table(
        "audit",
        column("id", Integer),
        column("at", DateTime),
        column("action", String),
        column("detail", Text),
        column("query", Text),
        column("desk", String),
        column("os_user", String),
        column("content_digest", String),
        column("erased", Boolean),
        column("prev_hash", String),
        column("record_hash", String),
    )
    prev = ""
    rows = conn.execute(
        select(audit.c.id, audit.c.at, audit.c.action, audit.c.detail, audit.c.desk).order_by(
            audit.c.id
        )
    ).all()
    for record_id, stored_at, action, detail, desk in rows:
        at = datetime.fromisoformat(stored_at) if isinstance(stored_at, str) else stored_at
        digest = content_digest(detail or "", "")
        record_hash = chain_hash(prev, canonical(record_id, at, action, desk or "", "", digest))
        conn.execute(
            update(audit)
            .where(audit.c.id == record_id)
            .values(content_digest=digest, prev_hash=prev, record_hash=record_hash, os_user="")
        )
        prev = record_hash
    if rows:
        write_head(conn.engine.url.render_as_string(hide_password=False), rows[-1][0], prev)


# ----- verifying ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Verdict:
    ok: bool
    count: int
    bad_id: int | None = None
    reason: str = ""  # edited / removed_before / erased_unnamed / bad_summary / cut_off / ...


def _signature(secret: bytes, row: AuditRecord) -> str:
    text = canonical(row.id, row.at, row.action, row.desk, row.os_user, "")
    return hmac.new(secret, (text + row.detail).encode(), hashlib.sha256).hexdigest()


def _named_erasures(rows: list[AuditRecord]) -> set[int]:
    named: set[int] = set()
    for row in rows:
        if row.action not in ERASING or row.erased:
            continue
        if content_digest(row.detail, row.query) != row.content_digest:
            continue
        try:
            named.update(int(i) for i in json.loads(row.detail).get("erased_audit", []))
        except (ValueError, AttributeError, TypeError):
            continue
    return named


def _content_holds(row: AuditRecord) -> bool:
    """A record blanked by a person's deletion stays blank; any other matches its digest."""
    if row.erased:
        return not row.detail and not row.query
    return content_digest(row.detail, row.query) == row.content_digest


def check_rows(rows: list[AuditRecord], secret: bytes, head: tuple[int, str] | None) -> Verdict:
    """The first record that breaks the chain (or the head outside it), if any."""
    named = _named_erasures(rows)
    # A head outside newer than the last record: the end was cut off, and with it maybe the
    # deletion that named an earlier blanked record. The cut is what is reported then.
    cut_off = head is not None and head[0] > (rows[-1].id if rows else 0)
    prev = ""
    for index, row in enumerate(rows):
        if row.action == FOLDED:
            if index != 0 or not hmac.compare_digest(_signature(secret, row), row.content_digest):
                return Verdict(False, len(rows), row.id, "bad_summary")
            prev = row.record_hash
            continue
        if row.prev_hash != prev:
            return Verdict(False, len(rows), row.id, "removed_before")
        if row.erased and row.id not in named and not cut_off:
            return Verdict(False, len(rows), row.id, "erased_unnamed")
        if not _content_holds(row):
            return Verdict(False, len(rows), row.id, "edited")
        expected = chain_hash(
            prev, canonical(row.id, row.at, row.action, row.desk, row.os_user, row.content_digest)
        )
        if row.record_hash != expected:
            return Verdict(False, len(rows), row.id, "edited")
        prev = row.record_hash
    last_id = rows[-1].id if rows else 0
    if head is not None:
        head_id, head_hash = head
        if head_id < 0:  # the record after the last is the first that cannot be vouched for
            return Verdict(False, len(rows), last_id + 1, "head_unreadable")
        by_id = {row.id: row for row in rows}
        if head_id > last_id:
            return Verdict(False, len(rows), last_id + 1, "cut_off")
        found = by_id.get(head_id)
        if found is None or found.record_hash != head_hash:
            return Verdict(False, len(rows), head_id, "head_mismatch")
    return Verdict(True, len(rows))


def verify(db: Database, secret: bytes) -> Verdict:
    rows = records(db)
    head = read_head(db.url)
    verdict = check_rows(rows, secret, head)
    if verdict.ok and head is None and rows and _beside_file(db.url) is not None:
        # Every record added to a SQLite file writes the head beside it: records without
        # it mean the head was deleted, and with it whatever was cut off the end. (A server
        # database's head lies in each desk's folder; a desk that never added one has none.)
        return Verdict(False, len(rows), rows[-1].id + 1, "head_missing")
    return verdict


def records(
    db: Database, start: datetime | None = None, end: datetime | None = None
) -> list[AuditRecord]:
    stmt = select(AuditRecord).order_by(AuditRecord.id)
    if start is not None:
        stmt = stmt.where(AuditRecord.at >= start)
    if end is not None:
        stmt = stmt.where(AuditRecord.at < end)
    return db.read(lambda s: list(s.scalars(stmt)))


def head(db: Database) -> tuple[int, str]:
    """The newest record's id and hash (what the weekly report prints)."""
    return db.read(lambda s: _last(s.connection()))


# ----- folding old records ------------------------------------------------------------------
def fold_older_than(
    db: Database, secret: bytes, days: int, *, now: datetime | None = None, desk: str = ""
) -> int:
    """Fold records older than ``days`` into one signed summary. Returns how many."""
    cutoff = (now or utc_now()).astimezone(UTC) - timedelta(days=days)

    def work(session: Session) -> int:
        old = list(
            session.scalars(
                select(AuditRecord).where(AuditRecord.at < cutoff).order_by(AuditRecord.id)
            )
        )
        # Only a leading run of the chain can be folded (ids are in time order).
        first_id = session.scalar(select(func.min(AuditRecord.id)))
        run: list[AuditRecord] = []
        for row in old:
            if row.id != (first_id if not run else run[-1].id + 1):
                break
            run.append(row)
        if not run or (len(run) == 1 and run[0].action == FOLDED):
            return 0
        counts: dict[str, int] = {}
        total = 0
        for row in run:
            if row.action == FOLDED:
                summary = json.loads(row.detail)
                total += int(summary.get("count", 0))
                for action, n in summary.get("actions", {}).items():
                    counts[action] = counts.get(action, 0) + int(n)
            else:
                total += 1
                counts[row.action] = counts.get(row.action, 0) + 1
        last = run[-1]
        detail = json.dumps(
            {
                "count": total,
                "to": _at_text(last.at),
                "actions": dict(sorted(counts.items())),
                "continues_from": last.record_hash,
            },
            ensure_ascii=False,
            sort_keys=True,
        )
        last_id, last_at, last_hash = last.id, last.at, last.record_hash
        session.execute(delete(AuditRecord).where(AuditRecord.id <= last_id))
        summary_row = AuditRecord(
            id=last_id,
            at=last_at,
            action=FOLDED,
            detail=detail,
            query="",
            desk=desk,
            os_user=os_user()[:100],
            erased=False,
            prev_hash="",
            record_hash=last_hash,
            content_digest="",
        )
        summary_row.content_digest = _signature(secret, summary_row)
        session.add(summary_row)
        session.flush()
        append(session, "audit_fold", json.dumps({"folded": total}), desk=desk)
        return len(run)

    return db.write(work)


def describe(row: AuditRecord) -> dict[str, Any]:
    return {
        "id": row.id,
        "at": row.at.isoformat(),
        "action": row.action,
        "detail": row.detail,
        "query": row.query,
        "desk": row.desk,
        "user": row.os_user,
        "erased": row.erased,
        "hash": row.record_hash,
    }
