"""Recording scans: load the facts, let the rules decide (``domain.rules.plan_scan``), and
write the decision, in one short transaction (manual entries and check-outs build on this in
``manual_records``).

This is the path every scan takes, so it uses prebuilt Core statements rather than ORM
objects: a scan costs a few SQL statements and one commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from desk_app.domain.names import better_name, clean_name, fold
from desk_app.domain.payloads import CodeKind, Identity
from desk_app.domain.rules import (
    Action,
    Decision,
    OpenVisit,
    PassVisit,
    ScanFacts,
    plan_scan,
)
from desk_app.domain.visits import (
    EXIT_AUTO,
    Direction,
    Method,
    Outcome,
    ScanResult,
    normalise_text,
    person_key,
)
from desk_app.storage.database import Database, lock_person
from desk_app.storage.people import mask_digit_runs
from desk_app.storage.schema import Person, ScanEvent, StaffMember, Visit
from desk_app.timeutil import utc_now

TEXT_HEAD = 120
_RECORDED = (Outcome.ENTRY.value, Outcome.EXIT.value)

_SELECT_PERSON = select(
    Person.id, Person.name, Person.id_number, Person.birth_date, Person.sex
).where(Person.person_key == bindparam("key"))
_SELECT_OPEN_VISIT = select(Visit.id, Visit.entry_at, Visit.warnings).where(
    Visit.person_id == bindparam("pid"), Visit.exit_at.is_(None)
)
_SELECT_LAST_VISIT = (
    select(Visit.id, Visit.exit_at)
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
_SELECT_STAFF_REVOKED = select(StaffMember.revoked_at).where(
    StaffMember.staff_id == bindparam("staff_id")
)
_SELECT_PASS_PERSON_KEY = (
    select(Person.person_key)
    .join(Visit, Visit.person_id == Person.id)
    .where(Visit.pass_token == bindparam("token"))
)
_SELECT_PASS_VISIT = (
    select(
        Visit.id,
        Visit.entry_at,
        Visit.exit_at,
        Visit.warnings,
        Person.id,
        Person.name,
        Person.id_number,
    )
    .join(Person, Visit.person_id == Person.id)
    .where(Visit.pass_token == bindparam("token"))
)
_INSERT_EVENT = insert(ScanEvent)
_INSERT_VISIT = insert(Visit)
_INSERT_PERSON = insert(Person)


def _new_id(result: Any) -> int:
    """The primary key an INSERT made."""
    return int(result.inserted_primary_key[0])


@dataclass
class PersonRef:
    id: int
    name: str
    id_number: str | None


class Recorder:
    """The recording half of the visit log."""

    def __init__(self, db: Database, *, desk: str = "", checkpoint: str = "") -> None:
        self.db = db
        self.desk = desk
        self.checkpoint = checkpoint
        # Set while a scan from the desk's local journal is replayed (storage.journal).
        self.journal_id: str | None = None

    def _event(self, session: Session, **values: Any) -> None:
        row = {
            "person_id": None,
            "visit_id": None,
            "desk": self.desk,
            "reason": "",
            "text_head": "",
            "journal_id": self.journal_id,
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
            ),
            per_person=True,
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
            text_head=mask_digit_runs(identity.raw[:TEXT_HEAD]) if not identity.recognised else "",
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
        *,
        replayed: bool = False,
    ) -> ScanResult:
        person: PersonRef | None = None
        facts = ScanFacts()
        if not identity.recognised or identity.kind == CodeKind.CHECKPOINT:
            pass
        elif identity.kind == CodeKind.VISITOR_PASS:
            person, facts = self._pass_facts(session, identity)
        elif identity.kind == CodeKind.STAFF and self._staff_revoked(session, identity):
            facts = ScanFacts(staff_revoked=True)
        else:
            key = person_key(identity)
            if key is not None:
                lock_person(session, key)
                person = self._upsert_person(session, key, identity, now)
                facts = self._person_facts(session, person.id)
        decision = plan_scan(identity, facts, direction, now, debounce, replayed=replayed)
        if decision.action == Action.REJECT or person is None:
            reason = decision.reason or "unknown_format"
            # A known person's rejected scan (a conflict after an outage) stays theirs.
            whose = decision.person_id or (person.id if person is not None else None)
            return self._reject(session, identity, method, now, reason, whose)
        return self._apply(
            session, decision, person, identity.kind.value, method, now, purpose, host
        )

    @staticmethod
    def _staff_revoked(session: Session, identity: Identity) -> bool:
        revoked = (
            session.connection()
            .execute(_SELECT_STAFF_REVOKED, {"staff_id": identity.id_number})
            .scalar()
        )
        return revoked is not None

    def _person_facts(self, session: Session, person_id: int) -> ScanFacts:
        conn = session.connection()
        row = conn.execute(_SELECT_OPEN_VISIT, {"pid": person_id}).first()
        open_visit = None if row is None else OpenVisit(row[0], row[1], tuple(row[2].split()))
        last_scan_at = self._last_scan_at(session, person_id)
        last_visit_id = last_exit_at = None
        if open_visit is None and last_scan_at is not None:  # someone seen before
            last = conn.execute(_SELECT_LAST_VISIT, {"pid": person_id}).first()
            if last is not None:
                last_visit_id, last_exit_at = last
        return ScanFacts(
            open_visit=open_visit,
            last_scan_at=last_scan_at,
            last_visit_id=last_visit_id,
            last_exit_at=last_exit_at,
        )

    def _pass_facts(
        self, session: Session, identity: Identity
    ) -> tuple[PersonRef | None, ScanFacts]:
        token = identity.extra.get("pass_token", "")
        if not token:
            return None, ScanFacts()
        conn = session.connection()
        key = conn.execute(_SELECT_PASS_PERSON_KEY, {"token": token.upper()}).scalar()
        if key is None:
            return None, ScanFacts()
        lock_person(session, key)  # what the pass's visit says is read under the lock
        row = conn.execute(_SELECT_PASS_VISIT, {"token": token.upper()}).first()
        if row is None:
            return None, ScanFacts()
        visit_id, entry_at, exit_at, warnings, person_id, name, id_number = row
        visit = PassVisit(visit_id, person_id, entry_at, exit_at, tuple(warnings.split()))
        facts = self._person_facts(session, person_id)
        return PersonRef(person_id, name, id_number), ScanFacts(
            open_visit=facts.open_visit, last_scan_at=facts.last_scan_at, pass_visit=visit
        )

    def _upsert_person(
        self, session: Session, key: str, identity: Identity, now: datetime
    ) -> PersonRef:
        conn = session.connection()
        row = conn.execute(_SELECT_PERSON, {"key": key}).first()
        if row is None:
            name = clean_name(identity.name)
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
            return PersonRef(_new_id(result), name, identity.id_number)
        person_id, old_name, id_number, birth_date, sex = row
        changes: dict[str, Any] = {}
        # A later card fills in what an earlier one lacked (a masked health-app code, a name
        # whose letters a keyboard-type scanner lost); a worse spelling never replaces it.
        name = better_name(old_name, identity.name)
        if name != old_name:
            changes["name"] = old_name = name
            changes["name_folded"] = fold(name)
        if identity.birth_date and not birth_date:
            changes["birth_date"] = identity.birth_date
        if identity.sex and not sex:
            changes["sex"] = identity.sex
        if changes:
            changes["updated_at"] = now
            conn.execute(update(Person).where(Person.id == person_id).values(**changes))
        return PersonRef(person_id, old_name, id_number)

    @staticmethod
    def _last_scan_at(session: Session, person_id: int) -> datetime | None:
        value = session.connection().execute(_SELECT_LAST_SCAN, {"pid": person_id}).scalar()
        return value

    def _repeat(
        self,
        session: Session,
        person: PersonRef,
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

    def _apply(
        self,
        session: Session,
        decision: Decision,
        person: PersonRef,
        kind: str,
        method: Method,
        now: datetime,
        purpose: str,
        host: str,
    ) -> ScanResult:
        """Write an entry, exit or repeat the rules decided on, with its scan event."""
        if decision.action == Action.REPEAT:
            return self._repeat(session, person, decision.visit_id, kind, method, now)
        conn = session.connection()
        new_visit = {
            "person_id": person.id,
            "entry_at": decision.entry_at or now,
            "exit_at": None,
            "exit_auto": False,
            "entry_method": method.value,
            "exit_method": None,
            "code_kind": kind,
            "desk": self.desk,
            "checkpoint": self.checkpoint,
            "purpose": normalise_text(purpose),
            "host": normalise_text(host),
            "warnings": " ".join(decision.visit_warnings),
        }
        if decision.action == Action.ENTER:
            if decision.close_visit_id is not None:
                conn.execute(
                    update(Visit)
                    .where(Visit.id == decision.close_visit_id)
                    .values(exit_at=decision.close_at, exit_auto=True, exit_method=EXIT_AUTO)
                )
            visit_id = _new_id(conn.execute(_INSERT_VISIT, new_visit))
        elif decision.action == Action.EXIT_UNSEEN:
            new_visit.update(exit_at=decision.exit_at, exit_method=method.value)
            visit_id = _new_id(conn.execute(_INSERT_VISIT, new_visit))
        else:
            assert decision.visit_id is not None
            visit_id = decision.visit_id
            conn.execute(
                update(Visit)
                .where(Visit.id == visit_id)
                .values(
                    exit_at=decision.exit_at,
                    exit_method=method.value,
                    warnings=" ".join(decision.visit_warnings),
                )
            )
        self._event(
            session,
            at=now,
            outcome=decision.outcome.value,
            method=method.value,
            code_kind=kind,
            person_id=person.id,
            visit_id=visit_id,
        )
        return ScanResult(
            outcome=decision.outcome,
            at=now,
            method=method.value,
            code_kind=kind,
            visit_id=visit_id,
            person_id=person.id,
            name=person.name,
            id_number=person.id_number,
            warnings=decision.warnings,
            auto_closed_visit_id=decision.close_visit_id,
        )
