"""The outbox table: report e-mails kept before any attempt, and the outcome of each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk_app.storage.database import Database
from desk_app.storage.schema import OutboxMessage
from desk_app.timeutil import utc_now

PENDING = "pending"
SENDING = "sending"
SENT = "sent"


@dataclass(frozen=True)
class OutboxEntry:
    id: int
    created_at: datetime
    period: str
    subject: str
    recipients: str
    status: str
    attempts: int
    last_error: str
    last_attempt_at: datetime | None
    sent_at: datetime | None


def _entry(row: OutboxMessage) -> OutboxEntry:
    return OutboxEntry(
        row.id,
        row.created_at,
        row.period,
        row.subject,
        row.recipients,
        row.status,
        row.attempts,
        row.last_error,
        row.last_attempt_at,
        row.sent_at,
    )


def queue(db: Database, raw: bytes, *, period: str, subject: str, recipients: str) -> int:
    """Keep a message in the outbox before any attempt; returns its number."""

    def work(session: Session) -> int:
        row = OutboxMessage(
            created_at=utc_now(),
            period=period,
            subject=subject,
            recipients=recipients,
            message=raw,
            status=PENDING,
            attempts=0,
            last_error="",
        )
        session.add(row)
        session.flush()
        return row.id

    return db.write(work)


def entries(db: Database, *, pending_only: bool = False) -> list[OutboxEntry]:
    stmt = select(OutboxMessage).order_by(OutboxMessage.id)
    if pending_only:
        stmt = stmt.where(OutboxMessage.status != SENT)
    return db.read(lambda s: [_entry(r) for r in s.scalars(stmt)])


def entry(db: Database, outbox_id: int) -> OutboxEntry | None:
    def work(session: Session) -> OutboxEntry | None:
        row = session.get(OutboxMessage, outbox_id)
        return None if row is None else _entry(row)

    return db.read(work)


def message_bytes(db: Database, outbox_id: int) -> bytes | None:
    return db.read(
        lambda s: s.scalar(select(OutboxMessage.message).where(OutboxMessage.id == outbox_id))
    )


def claim(db: Database, outbox_id: int, now: datetime, stale_after: timedelta) -> bool:
    """Mark an attempt (status "sending"); False if the message is sent, or another desk
    started sending it a moment ago. A "sending" left by a crash counts after a while."""

    def work(session: Session) -> bool:
        row = session.get(OutboxMessage, outbox_id)
        if row is None or row.status == SENT:
            return False
        if (
            row.status == SENDING
            and row.last_attempt_at
            and now - row.last_attempt_at < stale_after
        ):
            return False
        row.status = SENDING
        row.attempts += 1
        row.last_attempt_at = now
        return True

    return db.write(work)


def record(db: Database, outbox_id: int, **values: object) -> None:
    """The outcome of an attempt (status, error, sent time) on one message."""
    stmt = update(OutboxMessage).where(OutboxMessage.id == outbox_id).values(**values)
    db.write(lambda s: s.execute(stmt))


def sent_since(db: Database, start: datetime) -> bool:
    """Whether a message was sent at or after ``start``."""
    found = db.read(
        lambda s: s.scalar(
            select(OutboxMessage.id)
            .where(OutboxMessage.status == SENT, OutboxMessage.sent_at >= start)
            .limit(1)
        )
    )
    return found is not None
