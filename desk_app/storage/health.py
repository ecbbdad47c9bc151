"""The database's health for ``desk-app diag``: SQLite's full integrity check and the schema
version, without creating, migrating or changing anything."""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from typing import Any

from desk_app.storage.database import (
    SQLITE_MAGIC,
    read_only_uri,
    resolve_url,
    sqlite_path,
    unversioned_contents,
)

log = logging.getLogger(__name__)

OK = "ok"
MISSING = "missing"
NOT_DATABASE = "not_database"
DAMAGED = "damaged"
NEWER = "newer"
OLDER = "older"
UNREACHABLE = "unreachable"
# States after which diag exits non-zero.
PROBLEMS = (NOT_DATABASE, DAMAGED, NEWER, UNREACHABLE)


@dataclass(frozen=True)
class Health:
    status: str
    detail: str = ""
    revision: str | None = None

    @property
    def sound(self) -> bool:
        return self.status not in PROBLEMS


def _revision_state(revision: str | None) -> str:
    from alembic.script import ScriptDirectory

    from desk_app.storage.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    if revision == script.get_current_head():
        return OK
    known = {rev.revision for rev in script.walk_revisions()}
    return OLDER if revision is None or revision in known else NEWER


# A stored time or date as SQLite keeps it: text beginning YYYY-MM-DD.
_TIME_SHAPE = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*"
_DATE_SHAPE = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]"


def _column_damage(column: Any) -> tuple[str, tuple[str, ...]] | None:
    """The SQL condition true for a value of ``column`` that cannot be read back, and its
    parameters; None for a column whose every value reads."""
    from sqlalchemy import Boolean, Integer, LargeBinary, String

    from desk_app.storage.schema import StoredDate, StoredTime, UtcDateTime

    name = f'"{column.name}"'
    kind = column.type
    if isinstance(kind, UtcDateTime | StoredTime):
        return f"(typeof({name}) != 'text' OR {name} NOT GLOB ?)", (_TIME_SHAPE,)
    if isinstance(kind, StoredDate):
        return f"(typeof({name}) != 'text' OR {name} NOT GLOB ?)", (_DATE_SHAPE,)
    if isinstance(kind, Boolean):
        return f"{name} NOT IN (0, 1)", ()
    if isinstance(kind, Integer):
        return f"typeof({name}) != 'integer'", ()
    if isinstance(kind, LargeBinary):
        return None
    if isinstance(getattr(kind, "impl_instance", kind), String):  # Text is a String too
        return f"typeof({name}) != 'text'", ()
    return None


def _damaged_values(conn: sqlite3.Connection) -> str:
    """What the page check cannot see: a value that is not of its column's type (a time
    that is not a time drops out of every date range, and a purge takes it for old), a row
    whose person is gone, or the unit's secret no longer readable."""
    from desk_app.storage.schema import Base

    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table in Base.metadata.sorted_tables:
        if table.name not in tables:
            continue
        present = {row[1] for row in conn.execute(f'PRAGMA table_info("{table.name}")')}
        for column in table.columns:
            damage = _column_damage(column) if column.name in present else None
            if damage is None:
                continue
            condition, parameters = damage
            bad = conn.execute(
                f'SELECT count(*) FROM "{table.name}" WHERE "{column.name}" IS NOT NULL '
                f"AND {condition}",
                parameters,
            ).fetchone()[0]
            if bad:
                return f"{bad} unreadable value(s) in {table.name}.{column.name}"
    orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
    if orphans:
        return f"{len(orphans)} row(s) pointing to nothing, first in {orphans[0][0]}"
    if "settings" in tables:
        from desk_app.settings import SECRET_SHAPE, UNIT_ID_SHAPE

        shapes = {"unit.secret": SECRET_SHAPE, "unit.id": UNIT_ID_SHAPE}
        for key, text in conn.execute("SELECT key, value FROM settings"):
            try:
                value = json.loads(text)
            except (TypeError, ValueError):
                return f"unreadable setting {key}"
            shape = shapes.get(key)
            if (
                shape is not None
                and value != ""
                and not (isinstance(value, str) and shape.fullmatch(value))
            ):
                return f"unreadable setting {key}"
    return ""


def check(url: str | None = None) -> Health:
    """Integrity (SQLite: ``PRAGMA integrity_check``) and schema version of the log."""
    url = resolve_url(url)
    path = sqlite_path(url)
    if path is None:
        return _check_server(url)
    if not path.exists():
        return Health(MISSING, str(path))
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        return Health(UNREACHABLE, str(exc))
    if head != SQLITE_MAGIC:
        return Health(NOT_DATABASE if head else MISSING, str(path))
    # Read-only and creating nothing: diag must not change what it examines.
    uri = read_only_uri(path)
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if rows != ["ok"]:
                log.info("integrity check of %s: %s", path, str(rows[0])[:500])
                return Health(DAMAGED, str(path))
            damage = _damaged_values(conn)
            if damage:
                log.info("value check of %s: %s", path, damage)
                return Health(DAMAGED, str(path))
            tables = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        log.info("integrity check of %s: %s", path, exc)
        return Health(NOT_DATABASE if "not a database" in str(exc) else DAMAGED, str(path))
    current = revision[0] if revision else None
    if current is None:
        # Another program's database, or this program's without its version: neither is
        # a log to upgrade.
        contents = unversioned_contents(tables - {"alembic_version"})
        if contents is not None:
            log.info("%s holds tables but no schema version: %s", path, sorted(tables))
            return Health(NOT_DATABASE if contents == "foreign" else DAMAGED, str(path))
    state = _revision_state(current)
    if state == OK:
        from desk_app.storage.schema import Base

        missing = set(Base.metadata.tables) - tables
        if missing:
            log.info("%s lacks the tables %s", path, sorted(missing))
            return Health(DAMAGED, str(path), current)
    return Health(state, str(path), current)


def _check_server(url: str) -> Health:
    from desk_app.storage.database import make_engine
    from desk_app.storage.migrate import current_revision

    try:
        # The desk's own engine: a server that never answers is given up in seconds.
        engine = make_engine(url, migrate=False)
        try:
            revision = current_revision(engine)
        finally:
            engine.dispose()
    except Exception as exc:  # noqa: BLE001 - unreachable server, bad URL, missing driver
        from desk_app.storage.database import explain

        return Health(UNREACHABLE, str(explain(exc, url)))
    return Health(_revision_state(revision), "", revision)
