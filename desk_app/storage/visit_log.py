"""The visit log repository: recording scans and manual entries, queries, purge, audit."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any, cast

from sqlalchemy import CursorResult, func, select
from sqlalchemy.orm import Session

from desk_app.domain.own_codes import new_pass_token
from desk_app.domain.rules import closing_exit
from desk_app.domain.visits import (
    EXIT_AUTO,
    VisitRow,
    normalise_text,
)
from desk_app.storage import audit as audit_chain
from desk_app.storage.manual_records import ManualRecorder
from desk_app.storage.people import PeopleRepository, PersonSummary
from desk_app.storage.schema import (
    AuditRecord,
    Person,
    Visit,
)
from desk_app.storage.staff import StaffEntry, StaffRepository
from desk_app.timeutil import local_day_bounds, utc_now

# Columns in VisitRow's field order; rows come back as plain tuples (no ORM identity map),
# which keeps a busy day's table and the report's detail rows cheap to load.
_VISIT_COLUMNS = (
    Visit.id,
    Person.id,
    Person.person_key,
    Person.name,
    Person.id_number,
    Person.birth_date,
    Person.sex,
    Person.phone,
    Person.organisation,
    Visit.entry_at,
    Visit.exit_at,
    Visit.exit_auto,
    Visit.entry_method,
    Visit.exit_method,
    Visit.code_kind,
    Visit.desk,
    Visit.checkpoint,
    Visit.purpose,
    Visit.host,
    Visit.warnings,
)


def _visit_select() -> Any:  # Select[tuple[...]]; its spelling differs across SA 2.x
    return select(*_VISIT_COLUMNS).join(Person, Visit.person_id == Person.id)


def _row(values: Any) -> VisitRow:
    warnings = values[-1]
    # _VISIT_COLUMNS follows VisitRow's fields one for one (checked by the tests).
    return VisitRow(*values[:-1], tuple(warnings.split()) if warnings else ())  # type: ignore[call-arg]


def _rows(session: Session, stmt: Any) -> list[VisitRow]:
    return [_row(values) for values in session.connection().execute(stmt)]


def _rowcount(result: Any) -> int:
    return int(cast(CursorResult[Any], result).rowcount or 0)


class VisitLog(ManualRecorder):
    """All reads and writes of the log go through here (the window, the CLI, the reports).

    Recording scans is in ``Recorder``, manual entries and check-outs in ``ManualRecorder``;
    queries, purge, people and staff cards are here.
    """

    def pass_token(self, visit_id: int) -> str | None:
        """The token a visitor pass of this open visit carries, made at the first print
        (a reprint carries the same one); None when the visit has ended or does not exist."""

        def work(session: Session) -> str | None:
            visit = session.get(Visit, visit_id)
            if visit is None or visit.exit_at is not None:
                return None
            if not visit.pass_token:
                visit.pass_token = new_pass_token()
            return visit.pass_token

        return self.db.write(work)

    def auto_checkout(self, closing: time, *, now: datetime | None = None) -> int:
        """Close every visit still open past a closing time (today's, once it has passed,
        and earlier days'), at that closing time, marked automatic. Returns how many."""
        now = (now or utc_now()).astimezone(UTC)

        def work(session: Session) -> int:
            closed = 0
            for visit in session.scalars(select(Visit).where(Visit.exit_at.is_(None))):
                exit_at = closing_exit(visit.entry_at, closing, now)
                if exit_at is None:
                    continue
                visit.exit_at = exit_at
                visit.exit_auto = True
                visit.exit_method = EXIT_AUTO
                closed += 1
            return closed

        return self.db.write(work)

    # ----- queries ---------------------------------------------------------------------
    def inside(self) -> list[VisitRow]:
        stmt = _visit_select().where(Visit.exit_at.is_(None)).order_by(Visit.entry_at.desc())
        return self.db.read(lambda s: _rows(s, stmt))

    def visits_between(self, start: datetime, end: datetime) -> list[VisitRow]:
        """Visits that began in [start, end), newest first."""
        stmt = (
            _visit_select()
            .where(Visit.entry_at >= start, Visit.entry_at < end)
            .order_by(Visit.entry_at.desc(), Visit.id.desc())
        )
        return self.db.read(lambda s: _rows(s, stmt))

    def visits_on(self, day: date) -> list[VisitRow]:
        start, end = local_day_bounds(day)
        return self.visits_between(start, end)

    def visit(self, visit_id: int) -> VisitRow | None:
        stmt = _visit_select().where(Visit.id == visit_id)
        return self.db.read(lambda s: next(iter(_rows(s, stmt)), None))

    def visits(self, visit_ids: list[int]) -> list[VisitRow]:
        """The visits with these ids that still exist, in the order given (one query: the
        live view reads what other desks changed in one go)."""
        if not visit_ids:
            return []
        stmt = _visit_select().where(Visit.id.in_(visit_ids))
        found = {row.id: row for row in self.db.read(lambda s: _rows(s, stmt))}
        return [found[i] for i in dict.fromkeys(visit_ids) if i in found]

    def history(self, key: str) -> list[VisitRow]:
        """One person's visits (by person key / ID number), newest first."""
        stmt = _visit_select().where(Person.person_key == key).order_by(Visit.entry_at.desc())
        return self.db.read(lambda s: _rows(s, stmt))

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

    # ----- personal data (storage/people.py, storage/audit.py) ---------------------------
    @property
    def people(self) -> PeopleRepository:
        return PeopleRepository(self.db, desk=self.desk)

    def find_people(self, query: str) -> list[PersonSummary]:
        return self.people.find(query)

    def delete_person(self, who: int | str) -> int:
        """Delete one person (their number, ``#number`` or exact ID number) and all they
        left. Audited."""
        return self.people.delete(f"#{who}" if isinstance(who, int) else who).visits

    def purge(self, older_than_days: int, *, now: datetime | None = None) -> int:
        """The retention purge (see ``PeopleRepository.purge``); returns the visits deleted."""
        return self.people.purge(older_than_days, now=now).visits

    def audit(self, action: str, detail: str = "", *, query: str = "") -> None:
        self.db.write(lambda s: self._audit(s, action, detail, query=query))

    def _audit(self, session: Session, action: str, detail: str, *, query: str = "") -> None:
        audit_chain.append(session, action, detail, query=query, desk=self.desk)

    def audit_records(self) -> list[AuditRecord]:
        return audit_chain.records(self.db)

    # ----- staff cards (storage/staff.py) ----------------------------------------------
    @property
    def staff_list(self) -> StaffRepository:
        return StaffRepository(self.db, desk=self.desk)

    def upsert_staff(self, staff_id: str, name: str, title: str = "", department: str = "") -> None:
        self.staff_list.upsert(staff_id, name, title, department)

    def staff(self, *, include_revoked: bool = False) -> list[StaffEntry]:
        return self.staff_list.list(include_revoked=include_revoked)

    def revoke_staff(self, staff_id: str, reason: str = "") -> bool:
        return self.staff_list.revoke(staff_id, reason)
