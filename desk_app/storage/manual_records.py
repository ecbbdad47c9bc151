"""Recording what the operator does by hand: a person without a code typed in at the desk,
a check-out from the inside list, and, for those kept on the desk during an outage and sent
only later, the conflict when the log has moved past them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk_app.domain.names import fold
from desk_app.domain.rules import (
    JOURNAL_CONFLICT,
    Action,
    OpenVisit,
    ScanFacts,
    plan_check_out,
    plan_manual,
)
from desk_app.domain.visits import (
    EXIT_CHECKOUT,
    Direction,
    ManualEntry,
    Method,
    Outcome,
    ScanResult,
    manual_person_key,
)
from desk_app.storage.database import lock_person
from desk_app.storage.recorder import _INSERT_PERSON, PersonRef, Recorder, _new_id
from desk_app.storage.schema import Person, ScanEvent, Visit
from desk_app.timeutil import utc_now


class ManualRecorder(Recorder):
    """Manual entries and check-outs, on top of the scans' recorder."""

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
        return self.db.write(
            lambda s: self.write_manual(s, cleaned, Direction(direction), now), per_person=True
        )

    def write_manual(
        self,
        session: Session,
        cleaned: ManualEntry,
        direction: Direction,
        now: datetime,
        *,
        replayed: bool = False,
    ) -> ScanResult:
        """A cleaned, valid manual entry in the caller's transaction (``replayed``: kept on
        the desk during an outage and sent only now)."""
        key = manual_person_key(cleaned.id_number)
        lock_person(session, key)
        conn = session.connection()
        person_id = conn.execute(select(Person.id).where(Person.person_key == key)).scalar()
        values = {"name": cleaned.name, "name_folded": fold(cleaned.name), "updated_at": now}
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
        person = PersonRef(int(person_id), cleaned.name, cleaned.id_number or None)
        facts = self._person_facts(session, person.id)
        decision = plan_manual(facts, direction, now, replayed=replayed)
        if decision.action == Action.REJECT:
            return self.conflict(session, person, "manual", Method.MANUAL.value, now)
        return self._apply(
            session, decision, person, "manual", Method.MANUAL, now, cleaned.purpose, cleaned.host
        )

    def conflict(
        self,
        session: Session,
        person: PersonRef,
        kind: str,
        method: str,
        now: datetime,
        visit_id: int | None = None,
    ) -> ScanResult:
        """Something kept during an outage that the log has moved past: kept as a rejected
        scan event with its reason, for the operator and the reports to see."""
        self._event(
            session,
            at=now,
            outcome=Outcome.REJECTED.value,
            method=method,
            code_kind=kind,
            person_id=person.id,
            visit_id=visit_id,
            reason=JOURNAL_CONFLICT,
        )
        return ScanResult(
            outcome=Outcome.REJECTED,
            at=now,
            method=method,
            code_kind=kind,
            visit_id=visit_id,
            person_id=person.id,
            name=person.name,
            id_number=person.id_number,
            reason=JOURNAL_CONFLICT,
        )

    def check_out(self, visit_id: int, *, at: datetime | None = None) -> ScanResult | None:
        """The operator checks a person out from the inside list; None if not inside."""
        now = (at or utc_now()).astimezone(UTC)
        return self.db.write(lambda s: self.write_check_out(s, visit_id, now), per_person=True)

    def write_check_out(
        self, session: Session, visit_id: int, now: datetime, *, replayed: bool = False
    ) -> ScanResult | None:
        """A check-out in the caller's transaction (``replayed``: kept on the desk during an
        outage and sent only now: a visit that ended meanwhile is a recorded conflict)."""
        key = session.scalar(
            select(Person.person_key)
            .join(Visit, Visit.person_id == Person.id)
            .where(Visit.id == visit_id)
        )
        if key is not None:
            lock_person(session, key)  # the visit is read under the person's lock
        visit = session.get(Visit, visit_id)
        person = session.get(Person, visit.person_id) if visit is not None else None
        open_visit = None
        if visit is not None and visit.exit_at is None:
            open_visit = OpenVisit(visit.id, visit.entry_at, tuple(visit.warnings.split()))
        facts = ScanFacts()
        if replayed and person is not None:
            facts = self._person_facts(session, person.id)
        decision = plan_check_out(open_visit, facts, now, replayed=replayed)
        if decision is None:
            return None
        if decision.action == Action.REJECT:
            if visit is None or person is None:  # the visit was purged or deleted meanwhile
                self._event(
                    session,
                    at=now,
                    outcome=Outcome.REJECTED.value,
                    method=EXIT_CHECKOUT,
                    code_kind="",
                    reason=decision.reason,
                )
                return ScanResult(
                    outcome=Outcome.REJECTED,
                    at=now,
                    method=EXIT_CHECKOUT,
                    code_kind="",
                    visit_id=visit_id,
                    reason=decision.reason,
                )
            return self.conflict(
                session,
                PersonRef(person.id, person.name, person.id_number),
                visit.code_kind,
                EXIT_CHECKOUT,
                now,
                visit.id,
            )
        assert visit is not None and person is not None and decision.exit_at is not None
        visit.exit_at = decision.exit_at
        visit.exit_method = EXIT_CHECKOUT
        if decision.warnings:
            known = visit.warnings.split()
            visit.warnings = " ".join([*known, *(w for w in decision.warnings if w not in known)])
        session.add(
            ScanEvent(
                at=now,
                outcome=Outcome.EXIT.value,
                method=EXIT_CHECKOUT,
                code_kind=visit.code_kind,
                person_id=person.id,
                visit_id=visit.id,
                desk=self.desk,
                journal_id=self.journal_id,
            )
        )
        session.flush()  # the event written before the caller's next statement
        return ScanResult(
            outcome=Outcome.EXIT,
            at=now,
            method=EXIT_CHECKOUT,
            code_kind=visit.code_kind,
            visit_id=visit.id,
            person_id=person.id,
            name=person.name,
            id_number=person.id_number,
            warnings=decision.warnings,
        )
