"""Where else the log holds a person: report e-mails naming them and audit records of them.

A person's export and ``person show`` list these beside their visits and scans, so a person
who asks what is held about them also learns which kept reports carry a row of theirs and
who looked at or changed their data (the right of access covers both).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.reports.redact import Who, redact_message
from desk_app.storage.audit import PERSON_DELETED
from desk_app.storage.schema import AuditRecord, OutboxMessage
from desk_app.timeutil import to_local

# How the window's full-ID view names the person it showed ("visit 12 person 5").
_PERSON_IN_TEXT = re.compile(r"\bperson (\d+)\b")
# How far a desk's clock may run ahead of another's (``record --at`` allows as much).
CLOCK_SLACK = timedelta(minutes=10)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else to_local(value).isoformat()


def report_mentions(session: Session, who: Who) -> list[dict[str, Any]]:
    """Report e-mails in the outbox (waiting or sent) with a row about ``who``."""
    found = []
    for row in session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)):
        if redact_message(row.message, who) is None:
            continue
        found.append(
            {
                "message": row.id,
                "period": row.period,
                "subject": row.subject,
                "recipients": row.recipients,
                "status": row.status,
                "created_at": _iso(row.created_at),
                "sent_at": _iso(row.sent_at),
            }
        )
    return found


def _detail_person(row: AuditRecord) -> object:
    try:
        detail = json.loads(row.detail) if row.detail.startswith("{") else None
    except ValueError:
        return None
    return detail.get("person") if isinstance(detail, dict) else None


def _names(row: AuditRecord, person_id: int, who: Who) -> bool:
    if _detail_person(row) == person_id:
        return True
    if any(int(n) == person_id for n in _PERSON_IN_TEXT.findall(row.detail)):
        return True
    return who.mentions(f"{row.detail} {row.query}")


def audit_mentions(
    session: Session, person_id: int, who: Who, first_seen: datetime | None = None
) -> list[dict[str, Any]]:
    """Audit records about the person: by their number in the log, or naming them.

    A SQLite log may give a deleted person's number to the next person added: records of
    that number up to its deletion belong to the one deleted, not to this person; nor is a
    record made before the person was ``first_seen`` (one purged had the number then)."""
    found: list[dict[str, Any]] = []
    earliest = None if first_seen is None else first_seen.astimezone(UTC) - CLOCK_SLACK
    rows = session.scalars(
        select(AuditRecord).where(AuditRecord.erased.is_(False)).order_by(AuditRecord.id)
    )
    for row in rows:
        if row.action == PERSON_DELETED and _detail_person(row) == person_id:
            found = []
            continue
        if earliest is not None and _aware(row.at) < earliest:
            continue
        if _names(row, person_id, who):
            found.append(
                {
                    "record": row.id,
                    "at": _iso(row.at),
                    "action": row.action,
                    "query": row.query,
                    "user": row.os_user,
                    "desk": row.desk,
                }
            )
    return found


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
