"""Recording scans and manual entries: decide and write in one short transaction.

This is the path every scan takes, so it uses prebuilt Core statements rather than ORM
objects: a scan costs a few SQL statements and one commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from desk_app.domain.payloads import CodeKind, Identity
from desk_app.domain.visits import (
    EXIT_AUTO,
    Direction,
    ManualEntry,
    Method,
    Outcome,
    ScanResult,
    decide,
    manual_person_key,
    normalise_text,
    person_key,
)
from desk_app.storage.database import Database
from desk_app.storage.schema import Person, ScanEvent, StaffMember, Visit
from desk_app.timeutil import to_local, utc_now

TEXT_HEAD = 120
_RECORDED = (Outcome.ENTRY.value, Outcome.EXIT.value)

_SELECT_PERSON = select(
    Person.id, Person.name, Person.id_number, Person.birth_date, Person.sex
).where(Person.person_key == bindparam("key"))
_SELECT_OPEN_VISIT = select(Visit.id, Visit.warnings).where(
    Visit.person_id == bindparam("pid"), Visit.exit_at.is_(None)
)
_SELECT_LAST_VISIT = (
    select(Visit.id)
    .where(Visit.person_id == bindparam("pid"))
    .order_by(Visit.entry_at.desc())
    .limit(1)
)
_SELECT_LAST_SCAN = (
    select(ScanEvent.at)
    .where(ScanEvent.person_id == bindparam("pid"), ScanEvent.outcome.in_(_RECORDED))
    .order_by(ScanEvent.at.desc())
    .limit(1)
)
_INSERT_EVENT = insert(ScanEvent)
_INSERT_VISIT = insert(Visit)
_INSERT_PERSON = insert(Person)


def _new_id(result: Any) -> int:
    """The primary key an INSERT made."""
    return int(result.inserted_primary_key[0])


@dataclass
class _Person:
    id: int
    name: str
    id_number: str | None


class Recorder:
    """The recording half of the visit log."""

    def __init__(self, db: Database, *, desk: str = "", checkpoint: str = "") -> None:
        self.db = db
        self.desk = desk
        self.checkpoint = checkpoint

    def _event(self, session: Session, **values: Any) -> None:
        row = {
            "person_id": None,
            "visit_id": None,
            "desk": self.desk,
            "reason": "",
            "text_head": "",
        }
        row.update(values)
        session.connection().execute(_INSERT_EVENT, row)

    def record_scan(
        self,
        identity: Identity,
        *,
        method: Method | str = Method.CAMERA,
        direction: Direction | str = Direction.AUTO,
        at: datetime | None = None,
        debounce_seconds: float = 10,
        purpose: str = "",
        host: str = "",
    ) -> ScanResult:
        """Decide and record one scan in one transaction; returns after the commit."""
        now = (at or utc_now()).astimezone(UTC)
        method = Method(method)
        direction = Direction(direction)
        debounce = timedelta(seconds=debounce_seconds)
        return self.db.write(
            lambda s: self._record_scan(
                s, identity, method, direction, now, debounce, purpose, host
            )
        )

    def _reject(
        self,
        session: Session,
        identity: Identity,
        method: Method,
        now: datetime,
        reason: str,
        person_id: int | None = None,
    ) -> ScanResult:
        self._event(
            session,
            at=now,
            outcome=Outcome.REJECTED.value,
            method=method.value,
            code_kind=identity.kind.value,
            person_id=person_id,
            reason=reason,
            text_head=identity.raw[:TEXT_HEAD] if not identity.recognised else "",
        )
        return ScanResult(
            outcome=Outcome.REJECTED,
            at=now,
            method=method.value,
            code_kind=identity.kind.value,
            name=identity.name or "",
            id_number=identity.id_number,
            reason=reason,
            warnings=identity.warnings,
        )

    def _record_scan(
        self,
        session: Session,
        identity: Identity,
        method: Method,
        direction: Direction,
        now: datetime,
        debounce: timedelta,
        purpose: str,
        host: str,
    ) -> ScanResult:
        if not identity.recognised:
            return self._reject(session, identity, method, now, identity.reason or "unknown_format")
        if identity.kind == CodeKind.CHECKPOINT:
            return self._reject(session, identity, method, now, "checkpoint_code")
        if identity.kind == CodeKind.VISITOR_PASS:
            return self._record_pass(session, identity, method, direction, now, debounce)
        if identity.kind == CodeKind.STAFF:
            revoked = session.scalar(
                select(StaffMember.revoked_at).where(StaffMember.staff_id == identity.id_number)
            )
            if revoked is not None:
                return self._reject(session, identity, method, now, "staff_revoked")
        key = person_key(identity)
        if key is None:
            return self._reject(session, identity, method, now, "no_document_number")
        person = self._upsert_person(session, key, identity, now)
        return self._decide_and_write(
            session,
            person,
            identity.kind.value,
            method,
            direction,
            now,
            debounce,
            identity.warnings,
            purpose,
            host,
        )

    def _record_pass(
        self,
        session: Session,
        identity: Identity,
        method: Method,
        direction: Direction,
        now: datetime,
        debounce: timedelta,
    ) -> ScanResult:
        try:
            expires_on = date.fromisoformat(identity.extra.get("expires_on", ""))
            visit_id = int(identity.extra.get("visit_id", ""))
        except ValueError:
            return self._reject(session, identity, method, now, "malformed")
        if to_local(now).date() > expires_on:
            return self._reject(session, identity, method, now, "pass_expired")
        row = session.execute(
            select(Visit.id, Visit.exit_at, Person.id, Person.name, Person.id_number)
            .join(Person, Visit.person_id == Person.id)
            .where(Visit.id == visit_id)
        ).first()
        if row is None:
            return self._reject(session, identity, method, now, "pass_unknown")
        person = _Person(row[2], row[3], row[4])
        if row[1] is not None:
            last = self._last_scan_at(session, person.id)
            if last is not None and now - last < debounce:
                return self._repeat(session, person, row[0], identity.kind.value, method, now)
            return self._reject(session, identity, method, now, "pass_used", person.id)
        if direction == Direction.IN:
            return self._reject(session, identity, method, now, "pass_inside", person.id)
        return self._decide_and_write(
            session, person, identity.kind.value, method, Direction.OUT, now, debounce, (), "", ""
        )

    def _upsert_person(
        self, session: Session, key: str, identity: Identity, now: datetime
    ) -> _Person:
        conn = session.connection()
        row = conn.execute(_SELECT_PERSON, {"key": key}).first()
        name = normalise_text(identity.name)
        if row is None:
            result = conn.execute(
                _INSERT_PERSON,
                {
                    "person_key": key,
                    "id_number": identity.id_number,
                    "name": name,
                    "birth_date": identity.birth_date,
                    "sex": identity.sex,
                    "phone": identity.extra.get("phone") or None,
                    "organisation": None,
                    "created_at": now,
                    "updated_at": now,
                },
            )
            return _Person(_new_id(result), name, identity.id_number)
        person_id, old_name, id_number, birth_date, sex = row
        changes: dict[str, Any] = {}
        # A later card fills in what an earlier one lacked (e.g. a masked health-app code).
        if name and (not old_name or (old_name.isupper() and not name.isupper())):
            changes["name"] = old_name = name
        if identity.birth_date and not birth_date:
            changes["birth_date"] = identity.birth_date
        if identity.sex and not sex:
            changes["sex"] = identity.sex
        if changes:
            changes["updated_at"] = now
            conn.execute(update(Person).where(Person.id == person_id).values(**changes))
        return _Person(person_id, old_name, id_number)

    @staticmethod
    def _last_scan_at(session: Session, person_id: int) -> datetime | None:
        value = session.connection().execute(_SELECT_LAST_SCAN, {"pid": person_id}).scalar()
        return value  # type: ignore[no-any-return]

    def _repeat(
        self,
        session: Session,
        person: _Person,
        visit_id: int | None,
        kind: str,
        method: Method,
        now: datetime,
    ) -> ScanResult:
        self._event(
            session,
            at=now,
            outcome=Outcome.REPEAT.value,
            method=method.value,
            code_kind=kind,
            person_id=person.id,
            visit_id=visit_id,
        )
        return ScanResult(
            outcome=Outcome.REPEAT,
            at=now,
            method=method.value,
            code_kind=kind,
            visit_id=visit_id,
            person_id=person.id,
            name=person.name,
            id_number=person.id_number,
        )

    def _decide_and_write(
        self,
        session: Session,
        person: _Person,
        kind: str,
        method: Method,
        direction: Direction,
        now: datetime,
        debounce: timedelta,
        warnings: Sequence[str],
        purpose: str,
        host: str,
    ) -> ScanResult:
        conn = session.connection()
        open_visit = conn.execute(_SELECT_OPEN_VISIT, {"pid": person.id}).first()
        outcome = decide(
            inside=open_visit is not None,
            last_scan_at=self._last_scan_at(session, person.id),
            now=now,
            direction=direction,
            debounce=debounce,
        )
        if outcome == Outcome.REPEAT:
            visit_id = (
                open_visit[0]
                if open_visit
                else conn.execute(_SELECT_LAST_VISIT, {"pid": person.id}).scalar()
            )
            return self._repeat(session, person, visit_id, kind, method, now)
        warning_list = list(warnings)
        closed_id: int | None = None
        new_visit = {
            "person_id": person.id,
            "entry_at": now,
            "exit_at": None,
            "exit_auto": False,
            "entry_method": method.value,
            "exit_method": None,
            "code_kind": kind,
            "desk": self.desk,
            "checkpoint": self.checkpoint,
            "purpose": normalise_text(purpose),
            "host": normalise_text(host),
            "warnings": "",
        }
        if outcome == Outcome.ENTRY:
            if open_visit is not None:  # forced entry of someone recorded inside
                closed_id = open_visit[0]
                conn.execute(
                    update(Visit)
                    .where(Visit.id == closed_id)
                    .values(exit_at=now, exit_auto=True, exit_method=EXIT_AUTO)
                )
            new_visit["warnings"] = " ".join(warning_list)
            visit_id = _new_id(conn.execute(_INSERT_VISIT, new_visit))
        elif open_visit is None:  # forced exit of someone never seen coming in
            warning_list.append("exit_without_entry")
            new_visit.update(exit_at=now, exit_method=method.value, warnings=" ".join(warning_list))
            visit_id = _new_id(conn.execute(_INSERT_VISIT, new_visit))
        else:
            visit_id = open_visit[0]
            known = open_visit[1].split()
            merged = " ".join(known + [w for w in warning_list if w not in known])
            conn.execute(
                update(Visit)
                .where(Visit.id == visit_id)
                .values(exit_at=now, exit_method=method.value, warnings=merged)
            )
        self._event(
            session,
            at=now,
            outcome=outcome.value,
            method=method.value,
            code_kind=kind,
            person_id=person.id,
            visit_id=visit_id,
        )
        return ScanResult(
            outcome=outcome,
            at=now,
            method=method.value,
            code_kind=kind,
            visit_id=visit_id,
            person_id=person.id,
            name=person.name,
            id_number=person.id_number,
            warnings=tuple(warning_list),
            auto_closed_visit_id=closed_id,
        )

    def record_manual(
        self,
        entry: ManualEntry,
        *,
        direction: Direction | str = Direction.IN,
        at: datetime | None = None,
    ) -> ScanResult:
        """A person without a code. Raises ValueError(problems) when the entry is invalid."""
        cleaned = entry.cleaned()
        problems = cleaned.problems()
        if problems:
            raise ValueError(problems)
        now = (at or utc_now()).astimezone(UTC)
        key = manual_person_key(cleaned.id_number)

        def work(session: Session) -> ScanResult:
            conn = session.connection()
            person_id = conn.execute(select(Person.id).where(Person.person_key == key)).scalar()
            values = {"name": cleaned.name, "updated_at": now}
            if cleaned.phone:
                values["phone"] = cleaned.phone
            if cleaned.organisation:
                values["organisation"] = cleaned.organisation
            if person_id is None:
                person_id = _new_id(
                    conn.execute(
                        _INSERT_PERSON,
                        {
                            "person_key": key,
                            "id_number": cleaned.id_number or None,
                            "sex": None,
                            "birth_date": cleaned.birth_date,
                            "created_at": now,
                            "phone": None,
                            "organisation": None,
                            **values,
                        },
                    )
                )
            else:
                conn.execute(update(Person).where(Person.id == person_id).values(**values))
            person = _Person(int(person_id), cleaned.name, cleaned.id_number or None)
            return self._decide_and_write(
                session,
                person,
                "manual",
                Method.MANUAL,
                Direction(direction),
                now,
                timedelta(0),
                (),
                cleaned.purpose,
                cleaned.host,
            )

        return self.db.write(work)
