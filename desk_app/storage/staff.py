"""The staff list behind the staff cards: who holds a card, and which cards are revoked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from desk_app.domain.visits import normalise_text
from desk_app.storage import audit
from desk_app.storage.database import Database
from desk_app.storage.schema import StaffMember
from desk_app.timeutil import utc_now


@dataclass(frozen=True)
class StaffEntry:
    """One staff member as the cards, the window and the command line see them."""

    staff_id: str
    name: str
    title: str
    department: str
    created_at: datetime
    revoked_at: datetime | None
    revoked_reason: str


def _entry(row: StaffMember) -> StaffEntry:
    return StaffEntry(
        row.staff_id,
        row.name,
        row.title,
        row.department,
        row.created_at,
        row.revoked_at,
        row.revoked_reason,
    )


class StaffRepository:
    def __init__(self, db: Database, *, desk: str = "") -> None:
        self.db = db
        self.desk = desk

    def upsert(self, staff_id: str, name: str, title: str = "", department: str = "") -> None:
        def work(session: Session) -> None:
            row = session.scalar(select(StaffMember).where(StaffMember.staff_id == staff_id))
            if row is None:
                session.add(
                    StaffMember(
                        staff_id=staff_id,
                        name=normalise_text(name),
                        title=normalise_text(title),
                        department=normalise_text(department),
                        created_at=utc_now(),
                    )
                )
            else:
                row.name, row.title = normalise_text(name), normalise_text(title)
                row.department = normalise_text(department)

        self.db.write(work)

    def list(self, *, include_revoked: bool = False) -> list[StaffEntry]:
        stmt = select(StaffMember).order_by(StaffMember.staff_id)
        if not include_revoked:
            stmt = stmt.where(StaffMember.revoked_at.is_(None))
        return self.db.read(lambda s: [_entry(row) for row in s.scalars(stmt)])

    def revoke(self, staff_id: str, reason: str = "") -> bool:
        """Revoke a card (scanning it is then refused); False if none valid has that id."""

        def work(session: Session) -> bool:
            result = session.execute(
                update(StaffMember)
                .where(StaffMember.staff_id == staff_id, StaffMember.revoked_at.is_(None))
                .values(revoked_at=utc_now(), revoked_reason=reason)
            )
            changed = bool(cast(CursorResult[Any], result).rowcount)
            if changed:
                audit.append(session, "revoke_staff", f"{staff_id} {reason}", desk=self.desk)
            return changed

        return self.db.write(work)
