"""The visit log repository: recording scans and manual entries, queries, purge, audit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, or_, select, update
from sqlalchemy.orm import Session

from desk_app.domain.payloads import CodeKind, Identity
from desk_app.domain.visits import (
    EXIT_AUTO,
    EXIT_CHECKOUT,
    Direction,
    ManualEntry,
    Method,
    Outcome,
    ScanResult,
    VisitRow,
    decide,
    manual_person_key,
    normalise_text,
    person_key,
)
from desk_app.settings import Settings
from desk_app.storage.database import Database
from desk_app.storage.schema import (
    AuditRecord,
    Person,
    ScanEvent,
    SettingRow,
    StaffMember,
    Visit,
)
from desk_app.timeutil import local_day_bounds, local_zone, to_local, utc_now

TEXT_HEAD = 120


def settings_for(db: Database) -> Settings:
    """The typed settings, stored in this database."""

    def load() -> dict[str, str]:
        return db.read(lambda s: {r.key: r.value for r in s.scalars(select(SettingRow))})

    def store(key: str, value: str) -> None:
        def work(session: Session) -> None:
            row = session.get(SettingRow, key)
            if row is None:
                session.add(SettingRow(key=key, value=value))
            else:
                row.value = value

        db.write(work)

    def store_if_absent(key: str, value: str) -> str:
        def work(session: Session) -> str:
            row = session.get(SettingRow, key)
            if row is None or row.value in ("", '""'):
                if row is None:
                    session.add(SettingRow(key=key, value=value))
                else:
                    row.value = value
                return value
            return row.value

        return db.write(work)

    return Settings(load, store, store_if_absent)


def _visit_select() -> Any:  # Select[(Visit, Person)]; its spelling differs across SA 2.x
    return select(Visit, Person).join(Person, Visit.person_id == Person.id)


def _row(visit: Visit, person: Person) -> VisitRow:
    return VisitRow(
        id=visit.id,
        person_id=person.id,
        person_key=person.person_key,
        name=person.name,
        id_number=person.id_number,
        birth_date=person.birth_date,
        sex=person.sex,
        phone=person.phone,
        organisation=person.organisation,
        entry_at=visit.entry_at,
        exit_at=visit.exit_at,
        exit_auto=visit.exit_auto,
        entry_method=visit.entry_method,
        exit_method=visit.exit_method,
        code_kind=visit.code_kind,
        desk=visit.desk,
        checkpoint=visit.checkpoint,
        purpose=visit.purpose,
        host=visit.host,
        warnings=tuple(visit.warnings.split()) if visit.warnings else (),
    )


def _rowcount(result: Any) -> int:
    return int(cast(CursorResult[Any], result).rowcount or 0)


class VisitLog:
    """All reads and writes of the log go through here (the window, the CLI, the reports)."""

    def __init__(self, db: Database, *, desk: str = "", checkpoint: str = "") -> None:
        self.db = db
        self.desk = desk
        self.checkpoint = checkpoint

    # ----- recording -------------------------------------------------------------------
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
        person: Person | None = None,
    ) -> ScanResult:
        session.add(
            ScanEvent(
                at=now,
                outcome=Outcome.REJECTED.value,
                method=method.value,
                code_kind=identity.kind.value,
                person_id=person.id if person else None,
                desk=self.desk,
                reason=reason,
                text_head=identity.raw[:TEXT_HEAD] if not identity.recognised else "",
            )
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
            staff = session.scalar(
                select(StaffMember).where(StaffMember.staff_id == identity.id_number)
            )
            if staff is not None and staff.revoked_at is not None:
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
        expires = identity.extra.get("expires_on", "")
        try:
            expires_on = date.fromisoformat(expires)
        except ValueError:
            return self._reject(session, identity, method, now, "malformed")
        if to_local(now).date() > expires_on:
            return self._reject(session, identity, method, now, "pass_expired")
        try:
            visit_id = int(identity.extra.get("visit_id", ""))
        except ValueError:
            return self._reject(session, identity, method, now, "malformed")
        visit = session.get(Visit, visit_id)
        if visit is None:
            return self._reject(session, identity, method, now, "pass_unknown")
        person = session.get(Person, visit.person_id)
        assert person is not None
        if visit.exit_at is not None:
            last = self._last_scan_at(session, person.id)
            if last is not None and now - last < debounce:
                return self._repeat(session, person, visit, identity.kind.value, method, now)
            return self._reject(session, identity, method, now, "pass_used", person)
        if direction == Direction.IN:
            return self._reject(session, identity, method, now, "pass_inside", person)
        return self._decide_and_write(
            session, person, identity.kind.value, method, Direction.OUT, now, debounce, (), "", ""
        )

    def _upsert_person(
        self, session: Session, key: str, identity: Identity, now: datetime
    ) -> Person:
        person = session.scalar(select(Person).where(Person.person_key == key))
        name = normalise_text(identity.name)
        if person is None:
            person = Person(
                person_key=key,
                id_number=identity.id_number,
                name=name,
                birth_date=identity.birth_date,
                sex=identity.sex,
                phone=identity.extra.get("phone") or None,
                created_at=now,
                updated_at=now,
            )
            session.add(person)
            session.flush()
            return person
        # A later card fills in what an earlier one lacked (e.g. a masked health-app code).
        if name and (not person.name or (person.name.isupper() and not name.isupper())):
            person.name = name
        if identity.birth_date and not person.birth_date:
            person.birth_date = identity.birth_date
        if identity.sex and not person.sex:
            person.sex = identity.sex
        person.updated_at = now
        return person

    @staticmethod
    def _last_scan_at(session: Session, person_id: int) -> datetime | None:
        return session.scalar(
            select(ScanEvent.at)
            .where(
                ScanEvent.person_id == person_id,
                ScanEvent.outcome.in_((Outcome.ENTRY.value, Outcome.EXIT.value)),
            )
            .order_by(ScanEvent.at.desc())
            .limit(1)
        )

    def _repeat(
        self,
        session: Session,
        person: Person,
        visit: Visit | None,
        kind: str,
        method: Method,
        now: datetime,
    ) -> ScanResult:
        session.add(
            ScanEvent(
                at=now,
                outcome=Outcome.REPEAT.value,
                method=method.value,
                code_kind=kind,
                person_id=person.id,
                visit_id=visit.id if visit else None,
                desk=self.desk,
            )
        )
        return ScanResult(
            outcome=Outcome.REPEAT,
            at=now,
            method=method.value,
            code_kind=kind,
            visit_id=visit.id if visit else None,
            person_id=person.id,
            name=person.name,
            id_number=person.id_number,
        )

    def _decide_and_write(
        self,
        session: Session,
        person: Person,
        kind: str,
        method: Method,
        direction: Direction,
        now: datetime,
        debounce: timedelta,
        warnings: Sequence[str],
        purpose: str,
        host: str,
    ) -> ScanResult:
        open_visit = session.scalar(
            select(Visit).where(Visit.person_id == person.id, Visit.exit_at.is_(None))
        )
        outcome = decide(
            inside=open_visit is not None,
            last_scan_at=self._last_scan_at(session, person.id),
            now=now,
            direction=direction,
            debounce=debounce,
        )
        if outcome == Outcome.REPEAT:
            last_visit = open_visit or session.scalar(
                select(Visit)
                .where(Visit.person_id == person.id)
                .order_by(Visit.entry_at.desc())
                .limit(1)
            )
            return self._repeat(session, person, last_visit, kind, method, now)
        warning_list = list(warnings)
        closed_id: int | None = None
        if outcome == Outcome.ENTRY:
            if open_visit is not None:  # forced entry of someone recorded inside
                open_visit.exit_at = now
                open_visit.exit_auto = True
                open_visit.exit_method = EXIT_AUTO
                closed_id = open_visit.id
                session.flush()
            visit = Visit(
                person_id=person.id,
                entry_at=now,
                entry_method=method.value,
                code_kind=kind,
                desk=self.desk,
                checkpoint=self.checkpoint,
                purpose=normalise_text(purpose),
                host=normalise_text(host),
                warnings=" ".join(warning_list),
            )
            session.add(visit)
        else:
            if open_visit is None:  # forced exit of someone never seen coming in
                warning_list.append("exit_without_entry")
                visit = Visit(
                    person_id=person.id,
                    entry_at=now,
                    entry_method=method.value,
                    code_kind=kind,
                    desk=self.desk,
                    checkpoint=self.checkpoint,
                    warnings=" ".join(warning_list),
                )
                session.add(visit)
            else:
                visit = open_visit
                merged = visit.warnings.split() + [
                    w for w in warning_list if w not in visit.warnings.split()
                ]
                visit.warnings = " ".join(merged)
            visit.exit_at = now
            visit.exit_method = method.value
        session.flush()
        session.add(
            ScanEvent(
                at=now,
                outcome=outcome.value,
                method=method.value,
                code_kind=kind,
                person_id=person.id,
                visit_id=visit.id,
                desk=self.desk,
            )
        )
        return ScanResult(
            outcome=outcome,
            at=now,
            method=method.value,
            code_kind=kind,
            visit_id=visit.id,
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
            person = session.scalar(select(Person).where(Person.person_key == key))
            if person is None:
                person = Person(
                    person_key=key,
                    id_number=cleaned.id_number or None,
                    name=cleaned.name,
                    birth_date=cleaned.birth_date,
                    created_at=now,
                    updated_at=now,
                )
                session.add(person)
            person.name = cleaned.name
            person.phone = cleaned.phone or person.phone
            person.organisation = cleaned.organisation or person.organisation
            person.updated_at = now
            session.flush()
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

    def check_out(self, visit_id: int, *, at: datetime | None = None) -> ScanResult | None:
        """The operator checks a person out from the inside list; None if not inside."""
        now = (at or utc_now()).astimezone(UTC)

        def work(session: Session) -> ScanResult | None:
            visit = session.get(Visit, visit_id)
            if visit is None or visit.exit_at is not None:
                return None
            person = session.get(Person, visit.person_id)
            assert person is not None
            visit.exit_at = now
            visit.exit_method = EXIT_CHECKOUT
            session.add(
                ScanEvent(
                    at=now,
                    outcome=Outcome.EXIT.value,
                    method=EXIT_CHECKOUT,
                    code_kind=visit.code_kind,
                    person_id=person.id,
                    visit_id=visit.id,
                    desk=self.desk,
                )
            )
            return ScanResult(
                outcome=Outcome.EXIT,
                at=now,
                method=EXIT_CHECKOUT,
                code_kind=visit.code_kind,
                visit_id=visit.id,
                person_id=person.id,
                name=person.name,
                id_number=person.id_number,
            )

        return self.db.write(work)

    def auto_checkout(self, closing: time, *, now: datetime | None = None) -> int:
        """Close every visit still open past a closing time (today's, once it has passed,
        and earlier days'), at that closing time, marked automatic. Returns how many."""
        now = (now or utc_now()).astimezone(UTC)
        local_now = to_local(now)

        def work(session: Session) -> int:
            closed = 0
            for visit in session.scalars(select(Visit).where(Visit.exit_at.is_(None))):
                entry_local = to_local(visit.entry_at)
                close_local = datetime.combine(entry_local.date(), closing, tzinfo=local_zone())
                if close_local <= entry_local:  # came in after closing: close the next day
                    close_local += timedelta(days=1)
                if close_local > local_now:
                    continue
                visit.exit_at = close_local.astimezone(UTC)
                visit.exit_auto = True
                visit.exit_method = EXIT_AUTO
                closed += 1
            return closed

        return self.db.write(work)

    # ----- queries ---------------------------------------------------------------------
    def inside(self) -> list[VisitRow]:
        stmt = _visit_select().where(Visit.exit_at.is_(None)).order_by(Visit.entry_at.desc())
        return self.db.read(lambda s: [_row(v, p) for v, p in s.execute(stmt)])

    def visits_between(self, start: datetime, end: datetime) -> list[VisitRow]:
        """Visits that began in [start, end), newest first."""
        stmt = (
            _visit_select()
            .where(Visit.entry_at >= start, Visit.entry_at < end)
            .order_by(Visit.entry_at.desc(), Visit.id.desc())
        )
        return self.db.read(lambda s: [_row(v, p) for v, p in s.execute(stmt)])

    def visits_on(self, day: date) -> list[VisitRow]:
        start, end = local_day_bounds(day)
        return self.visits_between(start, end)

    def visit(self, visit_id: int) -> VisitRow | None:
        stmt = _visit_select().where(Visit.id == visit_id)
        return self.db.read(lambda s: next((_row(v, p) for v, p in s.execute(stmt)), None))

    def history(self, key: str) -> list[VisitRow]:
        """One person's visits (by person key / ID number), newest first."""
        stmt = _visit_select().where(Person.person_key == key).order_by(Visit.entry_at.desc())
        return self.db.read(lambda s: [_row(v, p) for v, p in s.execute(stmt)])

    def day_counts(self, day: date) -> dict[str, int]:
        """entries, exits (by scan events of the day) and inside now."""
        start, end = local_day_bounds(day)

        def work(session: Session) -> dict[str, int]:
            entries = session.scalar(
                select(func.count())
                .select_from(Visit)
                .where(Visit.entry_at >= start, Visit.entry_at < end)
            )
            exits = session.scalar(
                select(func.count())
                .select_from(Visit)
                .where(Visit.exit_at >= start, Visit.exit_at < end)
            )
            inside = session.scalar(
                select(func.count()).select_from(Visit).where(Visit.exit_at.is_(None))
            )
            return {"entries": entries or 0, "exits": exits or 0, "inside": inside or 0}

        return self.db.read(work)

    def suggestions(self, column: str, prefix: str = "", limit: int = 20) -> list[str]:
        """Earlier values for manual entry: name, organisation, purpose, host."""
        col = {
            "name": Person.name,
            "organisation": Person.organisation,
            "purpose": Visit.purpose,
            "host": Visit.host,
        }[column]
        prefix = normalise_text(prefix)
        stmt = select(col).where(col.is_not(None), col != "")
        if prefix:
            stmt = stmt.where(col.ilike(f"{prefix}%"))
        stmt = stmt.group_by(col).order_by(func.count().desc()).limit(limit)
        return self.db.read(lambda s: [str(v) for v in s.scalars(stmt)])

    # ----- personal data ---------------------------------------------------------------
    def find_people(self, query: str) -> list[Person]:
        q = normalise_text(query)
        stmt = (
            select(Person)
            .where(or_(Person.id_number == q, Person.person_key == q, Person.name.ilike(f"%{q}%")))
            .order_by(Person.name)
        )
        return self.db.read(lambda s: list(s.scalars(stmt)))

    def delete_person(self, person_id: int, *, reason: str = "") -> int:
        """Delete a person and all their visits (a data subject's request). Audited."""

        def work(session: Session) -> int:
            person = session.get(Person, person_id)
            if person is None:
                return 0
            count = (
                session.scalar(
                    select(func.count()).select_from(Visit).where(Visit.person_id == person_id)
                )
                or 0
            )
            session.execute(delete(ScanEvent).where(ScanEvent.person_id == person_id))
            session.execute(delete(Visit).where(Visit.person_id == person_id))
            session.delete(person)
            self._audit(session, "delete_person", f"person {person_id}, {count} visits {reason}")
            return count

        return self.db.write(work)

    def purge(self, older_than_days: int, *, now: datetime | None = None) -> int:
        """Delete visits that ended more than N days ago (and people left with none). Audited."""
        cutoff = (now or utc_now()).astimezone(UTC) - timedelta(days=older_than_days)

        def work(session: Session) -> int:
            old = select(Visit.id).where(Visit.exit_at.is_not(None), Visit.exit_at < cutoff)
            session.execute(
                delete(ScanEvent).where(or_(ScanEvent.visit_id.in_(old), ScanEvent.at < cutoff))
            )
            count = (
                _rowcount(
                    session.execute(
                        delete(Visit).where(Visit.exit_at.is_not(None), Visit.exit_at < cutoff)
                    )
                )
                or 0
            )
            has_visit = select(Visit.id).where(Visit.person_id == Person.id).exists()
            has_event = select(ScanEvent.id).where(ScanEvent.person_id == Person.id).exists()
            session.execute(delete(Person).where(~has_visit, ~has_event))
            self._audit(
                session,
                "purge",
                f"{count} visits ended before {cutoff.isoformat()} ({older_than_days} days)",
            )
            return count

        return self.db.write(work)

    def audit(self, action: str, detail: str = "") -> None:
        self.db.write(lambda s: self._audit(s, action, detail))

    def _audit(self, session: Session, action: str, detail: str) -> None:
        session.add(AuditRecord(at=utc_now(), action=action, detail=detail, desk=self.desk))

    def audit_records(self) -> list[AuditRecord]:
        return self.db.read(lambda s: list(s.scalars(select(AuditRecord).order_by(AuditRecord.id))))

    # ----- staff cards -----------------------------------------------------------------
    def upsert_staff(self, staff_id: str, name: str, title: str = "", department: str = "") -> None:
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

    def staff(self, *, include_revoked: bool = False) -> list[StaffMember]:
        stmt = select(StaffMember).order_by(StaffMember.staff_id)
        if not include_revoked:
            stmt = stmt.where(StaffMember.revoked_at.is_(None))
        return self.db.read(lambda s: list(s.scalars(stmt)))

    def revoke_staff(self, staff_id: str, reason: str = "") -> bool:
        def work(session: Session) -> bool:
            result = session.execute(
                update(StaffMember)
                .where(StaffMember.staff_id == staff_id, StaffMember.revoked_at.is_(None))
                .values(revoked_at=utc_now(), revoked_reason=reason)
            )
            if _rowcount(result):
                self._audit(session, "revoke_staff", f"{staff_id} {reason}")
            return bool(_rowcount(result))

        return self.db.write(work)
