"""One person's records: find, show, correct, delete (the purge is in ``retention.py``).

Every action is audited in the same transaction that reads or changes the data, so nothing
is shown or changed without its record. Deletion leaves no copy behind on a SQLite file:
deleted pages are overwritten and the write-ahead log is emptied.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session

from desk_app.domain.identity import sex_word
from desk_app.domain.limits import max_length, too_long
from desk_app.domain.names import fold, holds_name, sort_key
from desk_app.domain.visits import mask_id, normalise_text
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.storage import audit, mentions, retention
from desk_app.storage.database import Database
from desk_app.storage.retention import compact, count_of, secure_delete
from desk_app.storage.schema import OutboxMessage, Person, ScanEvent, Visit
from desk_app.timeutil import to_local, utc_now

log = logging.getLogger(__name__)

MIN_QUERY = 2
_MAX_DIGITS = 18  # of a person's #N: any id a log holds, and still within a 64-bit integer
_DIGIT_RUN = re.compile(r"\d{9,}")


class PersonError(UserError):
    """A query or a choice of person that cannot be used; the message is for users."""


def escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class PersonSummary:
    number: int  # the person's number in the log: what `find` shows, `#12`
    name: str
    id_number: str | None
    birth_date: date | None
    visits: int
    last_seen: datetime | None
    # Who the number named when this was read: a SQLite log gives a deleted person's number
    # to the next person added, so an action on a listed person checks it is still them.
    key: str = ""

    @property
    def masked_id(self) -> str:
        return mask_id(self.id_number)


@dataclass
class PersonRecord:
    """Everything held about one person."""

    person: dict[str, Any]
    visits: list[dict[str, Any]] = field(default_factory=list)
    scan_events: list[dict[str, Any]] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)  # kept e-mails naming them
    audit: list[dict[str, Any]] = field(default_factory=list)  # who looked at or changed it

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "visits": self.visits,
            "scan_events": self.scan_events,
            "reports": self.reports,
            "audit": self.audit,
        }


@dataclass(frozen=True)
class Deletion:
    visits: int
    scan_events: int
    outbox: int
    files: int = 0  # their exports in the program's folder


def _iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return to_local(value).isoformat()
    return value.isoformat()


# The fields a person's record may be corrected in, in the order forms show them.
CORRECTABLE = ("name", "birth_date", "sex", "phone", "organisation")
EARLIEST_BIRTH = date(1900, 1, 1)


def correction_value(key: str, given: object) -> Any:
    """The value ``given`` for field ``key`` as it is stored, or PersonError saying why not.

    Text is normalised (NFC, single spaces) and an empty one clears the field; the sex is
    stored as the parser stores it (``male``/``female``) whether typed Nam/Nữ or not."""
    if key == "birth_date":
        if given is None or given == "":
            return None
        if not isinstance(given, date) or isinstance(given, datetime):
            raise PersonError(t("person.bad_birth_date", value=given))
        if given > to_local(utc_now()).date() or given < EARLIEST_BIRTH:
            raise PersonError(t("person.bad_birth_date", value=given.strftime("%d/%m/%Y")))
        return given
    if given is not None and not isinstance(given, str):
        raise PersonError(t("person.bad_field", field=key))
    value = normalise_text(given or "") or None
    if key == "name" and not value:
        raise PersonError(t("person.name_required"))
    if key == "sex" and value is not None:
        word = sex_word(value)
        if word is None:
            raise PersonError(t("person.bad_sex", value=value))
        return word
    if value is not None and too_long(key, value):
        raise PersonError(
            t("person.too_long", field=t(f"person.field.{key}"), limit=max_length(key))
        )
    return value


class PeopleRepository:
    """Reads and changes of personal data, each audited with the query and the OS user."""

    def __init__(self, db: Database, *, desk: str = "") -> None:
        self.db = db
        self.desk = desk

    def purge(self, days: int, *, now: datetime | None = None) -> retention.PurgeResult:
        """The retention purge (``storage/retention.py``), recorded as this desk's."""
        return retention.purge(self.db, days, now=now, desk=self.desk)

    def _audit(self, session: Session, action: str, detail: object, query: str = "") -> None:
        text_detail = detail if isinstance(detail, str) else json.dumps(detail, sort_keys=True)
        audit.append(session, action, text_detail, query=query, desk=self.desk)

    # ----- finding ---------------------------------------------------------------------
    def find(self, query: str, *, full_ids: bool = False) -> list[PersonSummary]:
        """People whose ID number is ``query`` or whose name holds each of its words, in
        any order (diacritics and case folded). Audited before anything is returned."""
        q = normalise_text(query)
        folded = fold(q)
        # Marks without a letter fold to nothing, which every name contains.
        if min(len(q.replace(" ", "")), len(folded.replace(" ", ""))) < MIN_QUERY:
            raise PersonError(t("person.query_too_short", min=MIN_QUERY))
        compact = q.replace(" ", "")
        visits = (
            select(func.count(Visit.id), func.max(Visit.entry_at))
            .where(Visit.person_id == Person.id)
            .correlate(Person)
        )
        stmt = select(
            Person.id,
            Person.name,
            Person.id_number,
            Person.birth_date,
            visits.with_only_columns(func.count(Visit.id)).scalar_subquery(),
            visits.with_only_columns(func.max(Visit.entry_at)).scalar_subquery(),
            Person.person_key,
        ).where(
            or_(
                Person.id_number.in_(sorted({compact, compact.upper()})),
                Person.person_key == compact,
                # Every word typed is in the name, in any order, as the desk's search box
                # takes them ('Nguyễn Minh' finds 'Nguyễn Văn Minh').
                and_(
                    *(
                        Person.name_folded.like(f"%{escape_like(word)}%", escape="\\")
                        for word in folded.split()
                    )
                ),
            )
        )

        def work(session: Session) -> list[PersonSummary]:
            rows = session.execute(stmt).all()
            action = "person_find_full" if full_ids else "person_find"
            self._audit(session, action, {"found": len(rows)}, query=q)
            found = []
            for pid, name, number, born, count, last, key in rows:
                found.append(
                    PersonSummary(pid, name, number, born, int(count or 0), _aware(last), key)
                )
            return found

        people = self.db.write(work)
        return sorted(people, key=lambda p: (sort_key(p.name), p.number))

    def _resolve(self, session: Session, who: str, key: str | None = None) -> Person:
        """One person by the number `find` shows (``#12``) or by their exact ID number;
        with ``key``, only if they are still the person listed (``PersonSummary.key``)."""
        choice = normalise_text(who).replace(" ", "")
        person: Person | None = None
        number = choice[1:]
        if choice.startswith("#") and number.isascii() and number.isdigit():
            # A number past any row's (the column's 64-bit range) names nobody.
            person = session.get(Person, int(number)) if len(number) <= _MAX_DIGITS else None
        elif choice:
            matches = list(
                session.scalars(
                    select(Person).where(
                        or_(
                            Person.id_number.in_(sorted({choice, choice.upper()})),
                            Person.person_key == choice,
                        )
                    )
                )
            )
            if len(matches) > 1:
                raise PersonError(t("person.ambiguous", count=len(matches)))
            person = matches[0] if matches else None
        if person is None:
            raise PersonError(t("person.not_found", who=who))
        if key is not None and person.person_key != key:
            raise PersonError(t("person.changed", who=who))
        return person

    def summary(self, who: str, *, key: str | None = None) -> PersonSummary:
        """The person a command is about, for the confirmation question (masked ID)."""

        def work(session: Session) -> PersonSummary:
            person = self._resolve(session, who, key)
            count = session.scalar(
                select(func.count()).select_from(Visit).where(Visit.person_id == person.id)
            )
            last = session.scalar(
                select(func.max(Visit.entry_at)).where(Visit.person_id == person.id)
            )
            return PersonSummary(
                person.id,
                person.name,
                person.id_number,
                person.birth_date,
                count or 0,
                _aware(last),
                person.person_key,
            )

        return self.db.read(work)

    # ----- showing and exporting ---------------------------------------------------------
    def record(
        self, who: str, *, action: str = "person_show", key: str | None = None
    ) -> PersonRecord:
        """Everything held about one person: the person, visits, scans, kept report e-mails
        with a row of theirs and the audit records about them (this one included); audited
        (full ID shown) before it is returned."""

        def work(session: Session) -> PersonRecord:
            person = self._resolve(session, who, key)
            self._audit(session, action, {"person": person.id}, query=who)
            result = PersonRecord(
                person={
                    "number": person.id,
                    "name": person.name,
                    "id_number": person.id_number,
                    "person_key": person.person_key,
                    "birth_date": _iso(person.birth_date),
                    "sex": person.sex,
                    "phone": person.phone,
                    "organisation": person.organisation,
                    "first_seen": _iso(person.created_at),
                    "updated": _iso(person.updated_at),
                }
            )
            for v in session.scalars(
                select(Visit).where(Visit.person_id == person.id).order_by(Visit.entry_at)
            ):
                result.visits.append(
                    {
                        "visit": v.id,
                        "entry_at": _iso(v.entry_at),
                        "exit_at": _iso(v.exit_at),
                        "exit_auto": v.exit_auto,
                        "entry_method": v.entry_method,
                        "exit_method": v.exit_method,
                        "kind": v.code_kind,
                        "desk": v.desk,
                        "checkpoint": v.checkpoint,
                        "purpose": v.purpose,
                        "host": v.host,
                        "warnings": v.warnings.split(),
                    }
                )
            for e in session.scalars(
                select(ScanEvent).where(self._events_of(session, person)).order_by(ScanEvent.at)
            ):
                result.scan_events.append(
                    {
                        "at": _iso(e.at),
                        "outcome": e.outcome,
                        "method": e.method,
                        "kind": e.code_kind,
                        "desk": e.desk,
                        "reason": e.reason,
                        "text": e.text_head,
                    }
                )
            from desk_app.reports.redact import Who

            who_is = Who(person.name, person.id_number)
            result.reports = mentions.report_mentions(session, who_is)
            result.audit = mentions.audit_mentions(
                session, person.id, who_is, first_seen=person.created_at
            )
            return result

        return self.db.write(work)

    @staticmethod
    def _events_of(session: Session, person: Person) -> Any:
        """Scan events of a person: theirs by link, and rejected samples that hold their
        number (in full as an earlier version kept it, or masked as kept now) or their name
        in any case, with or without diacritics (as a health-app code writes it)."""
        return or_(
            ScanEvent.person_id == person.id,
            ScanEvent.id.in_(sample_ids(session, person.name, person.id_number, person.person_key)),
        )

    # ----- correcting ------------------------------------------------------------------
    def correct(self, who: str, changes: dict[str, Any], *, key: str | None = None) -> list[str]:
        """Change name, birth date, sex, phone or organisation; returns the changed fields.

        The command line and the window's person dialog both come here: the values are
        checked once (an empty name, a birth date in the future, a sex other than Nam/Nữ, a
        text longer than its column are refused with a message) and the change is audited
        in the same transaction."""
        unknown = set(changes) - set(CORRECTABLE)
        if unknown:
            raise PersonError(t("person.bad_field", field=", ".join(sorted(unknown))))
        values = {k: correction_value(k, changes[k]) for k in CORRECTABLE if k in changes}

        def work(session: Session) -> list[str]:
            person = self._resolve(session, who, key)
            changed = []
            for name, value in values.items():
                if getattr(person, name) != value:
                    setattr(person, name, value)
                    changed.append(name)
            if "name" in changed:
                person.name_folded = fold(person.name)
            if changed:
                person.updated_at = utc_now()
            self._audit(
                session, "person_correct", {"person": person.id, "fields": changed}, query=who
            )
            return changed

        return self.db.write(work)

    # ----- deleting --------------------------------------------------------------------
    def delete(self, who: str, *, key: str | None = None) -> Deletion:
        """Delete one person and everything held about them, in one transaction; with
        ``key``, only if ``who`` is still the person confirmed (see ``PersonSummary.key``)."""
        from desk_app.reports.redact import Who, redact_message

        person_number = 0

        def work(session: Session) -> Deletion:
            nonlocal person_number
            secure_delete(session)
            person = self._resolve(session, who, key)
            person_number = person.id
            target = Who(person.name, person.id_number)
            events = count_of(
                session.execute(delete(ScanEvent).where(self._events_of(session, person)))
            )
            visits = count_of(session.execute(delete(Visit).where(Visit.person_id == person.id)))
            rebuilt = 0
            for row in session.scalars(select(OutboxMessage)):
                redacted = redact_message(row.message, target)
                if redacted is not None:
                    row.message = redacted
                    rebuilt += 1
            needles = [person.id_number or "", person.person_key]
            person_id = person.id
            session.delete(person)
            session.flush()
            erased = audit.erase_mentions(session, needles, name=person.name)
            self._audit(
                session,
                audit.PERSON_DELETED,
                {
                    "person": person_id,
                    "visits": visits,
                    "scan_events": events,
                    "outbox": rebuilt,
                    "erased_audit": erased,
                },
            )
            return Deletion(visits, events, rebuilt)

        result = self.db.write(work)
        compact(self.db)
        return replace(result, files=retention.remove_exports_of(person_number))


def _aware(value: Any) -> datetime | None:
    """A MAX() over a UTC column: text on SQLite, naive UTC on PostgreSQL."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def mask_digit_runs(sample: str, keep: int = 3) -> str:
    """A rejected code's stored sample with ID-like digit runs (9 digits or more) masked:
    the operator still sees what kind of text it was, not whose number."""

    def mask(match: re.Match[str]) -> str:
        run = match.group(0)
        return run[:keep] + "*" * (len(run) - 2 * keep) + run[-keep:]

    return _DIGIT_RUN.sub(mask, sample)


def sample_ids(session: Session, name: str, *numbers: str | None) -> list[int]:
    """Rejected scans without a person whose stored sample names this person: one of their
    numbers in full or masked as samples are masked (``mask_digit_runs``), or their name
    folded for case and diacritics (a name shorter than 5 letters is too common to say)."""
    needles = set()
    for number in numbers:
        if number and len(number) >= 6 and any(c.isdigit() for c in number):
            needles.update({number, mask_digit_runs(number)})
    long_name = len(fold(name or "")) >= 5
    rows = session.execute(
        select(ScanEvent.id, ScanEvent.text_head).where(
            ScanEvent.person_id.is_(None), ScanEvent.text_head != ""
        )
    )
    found = []
    for event_id, sample in rows:
        if any(n in sample for n in needles) or (long_name and holds_name(sample, name)):
            found.append(int(event_id))
    return found
