"""The tables of the log. Times are stored as naive UTC (``UtcDateTime`` makes them aware)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desk_app.domain.identity import visible
from desk_app.domain.limits import limit, max_length
from desk_app.domain.names import fold
from desk_app.errors import DamagedValue

__all__ = ["DamagedValue"]  # storage's name for it (the class lives in desk_app.errors)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, naive UTC in the database, aware UTC out."""

    impl = DateTime
    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        inner = super().result_processor(dialect, coltype)
        if inner is None:
            return None

        def process(value: Any) -> Any:
            try:
                return inner(value)
            except (ValueError, TypeError, AttributeError) as exc:
                raise DamagedValue(f"unreadable time {value!r:.40}") from exc

        return process

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # raw SQL on SQLite
            value = datetime.fromisoformat(value)
        if not isinstance(value, datetime):
            raise DamagedValue(f"unreadable time {value!r:.40}")
        return value.replace(tzinfo=UTC)


class Limited(TypeDecorator[str]):
    """A text column as long as its field's limit (``desk_app.domain.limits``); a longer value
    is cut to the limit when written, so PostgreSQL and SQLite keep the same text."""

    impl = String
    cache_ok = True

    def __init__(self, field: str) -> None:
        super().__init__(max_length(field))
        self.field = field
        self.length = max_length(field)

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        # Control and format characters never reach a stored field, whichever door the text
        # came through (a code, a typed desk name, a pasted purpose).
        return limit(self.field, visible(value)) if isinstance(value, str) else value

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if value is None or isinstance(value, str):
            return value
        raise DamagedValue(f"unreadable text {value!r:.40}")


def _checked(inner: Any, kind: type, what: str) -> Any:
    """A result processor that hands back ``kind`` (or None) and calls anything else damage."""

    def process(value: Any) -> Any:
        try:
            value = inner(value) if inner is not None else value
        except (ValueError, TypeError, AttributeError) as exc:
            raise DamagedValue(f"unreadable {what} {value!r:.40}") from exc
        if value is not None and not isinstance(value, kind):
            raise DamagedValue(f"unreadable {what} {value!r:.40}")
        return value

    return process


class StoredTime(TypeDecorator[datetime]):
    """A stored time read as naive UTC (no time zone object per value, for big reads); a
    value that is not a time is damage, as in ``UtcDateTime``."""

    impl = DateTime
    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        return _checked(super().result_processor(dialect, coltype), datetime, "time")


class StoredDate(TypeDecorator[date]):
    """A calendar date; a stored value that is not one is damage, as in ``UtcDateTime``."""

    impl = Date
    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        return _checked(super().result_processor(dialect, coltype), date, "date")


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise DamagedValue(f"unreadable text {value!r:.40}")


class StoredText(TypeDecorator[str]):
    """Text; a stored value that is not text (bytes, a number) is damage, as in ``Limited``."""

    impl = Text
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return _text(value)


class StoredString(TypeDecorator[str]):
    """``StoredText`` with a length (``StoredString(64)`` is a ``String(64)``)."""

    impl = String
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return _text(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SettingRow(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(max_length("setting_key")), primary_key=True)
    value: Mapped[str] = mapped_column(StoredText())


def _folded_name(context: Any) -> str:
    """``name_folded`` of a row inserted without one (every insert path gets it)."""
    return fold(context.get_current_parameters().get("name") or "")


class Person(Base):
    """One person, keyed by their document number (the 12-digit ID when there is one)."""

    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_key: Mapped[str] = mapped_column(Limited("person_key"), unique=True)
    id_number: Mapped[str | None] = mapped_column(Limited("id_number"))
    name: Mapped[str] = mapped_column(Limited("name"), default="")
    # The name as searches compare it (``domain.names.fold``); kept with every name change.
    name_folded: Mapped[str] = mapped_column(
        Limited("name"), default=_folded_name, server_default="", index=True
    )
    birth_date: Mapped[date | None] = mapped_column(StoredDate)
    sex: Mapped[str | None] = mapped_column(Limited("sex"))
    phone: Mapped[str | None] = mapped_column(Limited("phone"))
    organisation: Mapped[str | None] = mapped_column(Limited("organisation"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Visit(Base):
    """A stay: entry (and, once they leave, exit) of one person."""

    __tablename__ = "visits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    entry_at: Mapped[datetime] = mapped_column(UtcDateTime)
    exit_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    exit_auto: Mapped[bool] = mapped_column(Boolean, default=False)
    entry_method: Mapped[str] = mapped_column(Limited("method"))  # camera / scanner / manual
    exit_method: Mapped[str | None] = mapped_column(Limited("method"))  # ... / auto / checkout
    code_kind: Mapped[str] = mapped_column(Limited("code_kind"))  # cccd ... / manual
    desk: Mapped[str] = mapped_column(Limited("desk"), default="")
    checkpoint: Mapped[str] = mapped_column(Limited("checkpoint"), default="")
    purpose: Mapped[str] = mapped_column(Limited("purpose"), default="")
    host: Mapped[str] = mapped_column(Limited("host"), default="")
    warnings: Mapped[str] = mapped_column(StoredText(), default="")  # space-separated warning codes
    # The random token a printed visitor pass carries (set when the first pass is printed).
    pass_token: Mapped[str | None] = mapped_column(StoredString(32), default=None)
    # The open visit of a person is unique: a partial index on SQLite and PostgreSQL.
    __table_args__ = (
        Index("ix_visits_entry_at", "entry_at"),
        Index("ix_visits_exit_at", "exit_at"),
        Index("ix_visits_person_entry", "person_id", "entry_at"),
        Index(
            "uq_visits_open_person",
            "person_id",
            unique=True,
            sqlite_where=text("exit_at IS NULL"),
            postgresql_where=text("exit_at IS NULL"),
        ),
        Index("uq_visits_pass_token", "pass_token", unique=True),
    )


class ScanEvent(Base):
    """Every scan the desk saw: entries, exits, repeats and rejected codes."""

    __tablename__ = "scan_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    outcome: Mapped[str] = mapped_column(Limited("outcome"))  # entry / exit / repeat / rejected
    method: Mapped[str] = mapped_column(Limited("method"))
    code_kind: Mapped[str] = mapped_column(Limited("code_kind"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    desk: Mapped[str] = mapped_column(Limited("desk"), default="")
    reason: Mapped[str] = mapped_column(Limited("reason"), default="")
    # The start of an unrecognised code's text, so the operator can see what was shown.
    text_head: Mapped[str] = mapped_column(Limited("text_head"), default="")
    # A scan kept in a desk's local journal during an outage, once sent: never sent twice.
    journal_id: Mapped[str | None] = mapped_column(Limited("journal_id"))
    __table_args__ = (
        Index("ix_scan_events_at", "at"),
        Index("uq_scan_events_journal_id", "journal_id", unique=True),
    )


class StaffMember(Base):
    """A staff card the unit printed; a revoked card is rejected at the desk."""

    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[str] = mapped_column(Limited("staff_id"), unique=True)
    name: Mapped[str] = mapped_column(Limited("name"))
    title: Mapped[str] = mapped_column(Limited("title"), default="")
    department: Mapped[str] = mapped_column(Limited("department"), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_reason: Mapped[str] = mapped_column(Limited("revoked_reason"), default="")


class Poster(Base):
    """The printed checkpoint poster of each checkpoint; reprinting after a change bumps it."""

    __tablename__ = "posters"
    checkpoint: Mapped[str] = mapped_column(Limited("checkpoint"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(StoredText())
    fingerprint: Mapped[str] = mapped_column(StoredString(64))
    printed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class AuditRecord(Base):
    """Actions on personal data: full ID shown, export, purge, one person deleted, ...

    Records form a hash chain (``storage/audit.py``): ``record_hash`` covers the previous
    record's hash and this record's fields, with ``detail`` and ``query`` through
    ``content_digest`` so that a person's name can be erased from an old query without
    breaking the chain.
    """

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    action: Mapped[str] = mapped_column(Limited("audit_action"))
    detail: Mapped[str] = mapped_column(StoredText(), default="")
    desk: Mapped[str] = mapped_column(Limited("desk"), default="")
    query: Mapped[str] = mapped_column(StoredText(), default="", server_default="")
    os_user: Mapped[str] = mapped_column(StoredString(100), default="", server_default="")
    content_digest: Mapped[str] = mapped_column(StoredString(64), default="", server_default="")
    erased: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    prev_hash: Mapped[str] = mapped_column(StoredString(64), default="", server_default="")
    record_hash: Mapped[str] = mapped_column(StoredString(64), default="", server_default="")


class OutboxMessage(Base):
    """A report e-mail waiting to be sent (or sent): nothing is lost when the server refuses."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    period: Mapped[str] = mapped_column(StoredString(40), default="")  # e.g. 2026-W48
    subject: Mapped[str] = mapped_column(Limited("subject"))
    recipients: Mapped[str] = mapped_column(StoredText())
    message: Mapped[bytes] = mapped_column(LargeBinary)  # the whole RFC 5322 message
    status: Mapped[str] = mapped_column(StoredString(20), default="pending")  # pending / sent
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(StoredText(), default="")
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ProvinceReport(Base):
    """A unit's weekly figures as the province received them: one per point and week.

    Kept so that next week's roll-up finds this week's figures; a re-sent report (made
    later) replaces the earlier one.
    """

    __tablename__ = "province_reports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_code: Mapped[str] = mapped_column(StoredString(32))
    week: Mapped[str] = mapped_column(StoredString(32))  # e.g. 2021-W41
    unit_name: Mapped[str] = mapped_column(Limited("unit_name"), default="")
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)
    scans: Mapped[int] = mapped_column(Integer, default=0)
    scans_by_code: Mapped[int] = mapped_column(Integer, default=0)
    scans_by_hand: Mapped[int] = mapped_column(Integer, default=0)
    previous_scans: Mapped[int | None] = mapped_column(Integer)
    days: Mapped[str] = mapped_column(StoredText(), default="{}")  # JSON: ISO date -> scans
    content_hash: Mapped[str] = mapped_column(StoredString(64))
    source: Mapped[str] = mapped_column(StoredText(), default="")  # file it came from
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    __table_args__ = (
        Index("uq_province_reports_point_week", "unit_code", "week", unique=True),
        Index("ix_province_reports_week", "week"),
    )


class ProvinceFile(Base):
    """A file the roll-up has read, by content: the same file again is not read twice."""

    __tablename__ = "province_files"
    content_hash: Mapped[str] = mapped_column(StoredString(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(StoredString(32), default="")
    week: Mapped[str] = mapped_column(StoredString(32), default="")
    made_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    error: Mapped[str] = mapped_column(StoredString(40), default="")  # why it could not be read
    detail: Mapped[str] = mapped_column(StoredText(), default="")
    read_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The unit's own name in its report: two units that give one code are told apart.
    unit_name: Mapped[str] = mapped_column(StoredText(), default="", server_default="")


class ProvincePath(Base):
    """Where a file read by the roll-up lies, with its size and times when it was read: a
    file that has not changed since is known without reading it again."""

    __tablename__ = "province_paths"
    path: Mapped[str] = mapped_column(StoredText(), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    mtime_ns: Mapped[int] = mapped_column(BigInteger)
    inode: Mapped[int] = mapped_column(BigInteger)
    checked_ns: Mapped[int] = mapped_column(BigInteger)  # the clock when it was read
    content_hash: Mapped[str] = mapped_column(StoredString(64))


class ProvinceOutput(Base):
    """The last province workbook and letter made, with what they were made from: the same
    figures again are written from here instead of being drawn again."""

    __tablename__ = "province_outputs"
    kind: Mapped[str] = mapped_column(StoredString(16), primary_key=True)  # xlsx / docx
    fingerprint: Mapped[str] = mapped_column(StoredString(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    made_at: Mapped[datetime] = mapped_column(UtcDateTime)
