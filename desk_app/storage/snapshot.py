"""Every table's rows as plain JSON values, and back into an empty database.

What a portable backup (``desk_app/backup.py``) carries: rows rather than a copy of the
database file, so a SQLite log restores into PostgreSQL and back.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, LargeBinary, Table, delete, func, insert, select, text
from sqlalchemy.orm import Session

from desk_app.storage import audit
from desk_app.storage.database import Database
from desk_app.storage.schema import AuditRecord, Base, SettingRow, StoredDate, UtcDateTime


class NotEmptyError(Exception):
    """The database to restore into already holds rows (``table`` names the first)."""

    def __init__(self, table: str) -> None:
        super().__init__(table)
        self.table = table


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _value(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(kind, UtcDateTime | DateTime):
        moment = datetime.fromisoformat(value)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if isinstance(kind, Date | StoredDate):
        return date.fromisoformat(value)
    if isinstance(kind, LargeBinary):
        return base64.b64decode(value)
    return value


def _typed(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    # A column of a newer version that this one does not have is left out.
    return {name: _value(table.c[name].type, v) for name, v in row.items() if name in table.c}


def dump(db: Database) -> tuple[str | None, dict[str, list[dict[str, Any]]]]:
    """The schema revision and every table's rows, in one read transaction."""

    def work(session: Session) -> tuple[str | None, dict[str, list[dict[str, Any]]]]:
        conn = session.connection()
        tables = {}
        for table in _tables():
            order = list(table.primary_key.columns)
            rows = conn.execute(select(table).order_by(*order)).mappings()
            tables[table.name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return revision, tables

    return db.read(work)


def load_into_empty(
    db: Database, rows_by_table: dict[str, list[dict[str, Any]]], *, file_name: str, desk: str
) -> int:
    """Load the rows into an empty database (its settings table may hold only what a first
    start made) and record the restore in the audit trail; returns how many rows.
    Raises NotEmptyError."""

    def work(session: Session) -> int:
        conn = session.connection()
        if conn.dialect.name == "postgresql":
            # A large log is typed row by row between the inserts: this one transaction may
            # rest longer than the server allows an everyday desk's (IDLE_IN_WRITE_MS).
            conn.execute(text("SET LOCAL idle_in_transaction_session_timeout = 0"))
        for table in _tables():
            if table.name == SettingRow.__tablename__:
                continue
            if conn.execute(select(func.count()).select_from(table)).scalar():
                raise NotEmptyError(table.name)
        conn.execute(delete(SettingRow))
        count = 0
        for table in _tables():
            rows = [_typed(table, row) for row in rows_by_table.get(table.name, [])]
            if rows:
                conn.execute(insert(table), rows)
                count += len(rows)
        if conn.dialect.name == "postgresql":
            for table in _tables():
                if "id" in table.c and table.c.id.primary_key:
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                        )
                    )
        detail = json.dumps({"file": file_name, "rows": count})
        audit.append(session, "restore", detail, desk=desk)
        return count

    return db.write(work)


def first_record_at(db: Database) -> datetime | None:
    """When the log began: its oldest audit record (the set-up, or the first visit's day)."""
    return db.read(lambda s: s.scalar(select(func.min(AuditRecord.at))))


def last_action_at(db: Database, action: str) -> datetime | None:
    """When the audit trail last recorded ``action`` (a backup, say)."""
    return db.read(
        lambda s: s.scalar(select(func.max(AuditRecord.at)).where(AuditRecord.action == action))
    )
