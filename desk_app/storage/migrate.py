"""Alembic migrations run at start: an older database is upgraded, a newer one refused.

Several desks may open a new database, or one that needs an upgrade, at the same moment.
Only one of them migrates: PostgreSQL desks take an advisory lock on a fixed key, SQLite
desks a lock file beside the database file; the others wait, see the finished schema and go
on.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from desk_app.i18n import t

from .database import (
    MIGRATIONS_DIR,
    DatabaseError,
    _safe_url,
    is_unreachable,
    unversioned_contents,
)

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# Writes lock key 7140 and persons' keys (storage/database.py); migrations their own key.
MIGRATION_LOCK_KEY = 7141
# How long a desk waits for another desk's migration before giving up.
MIGRATION_WAIT_SECONDS = 300


# ``revision = "0007"`` and ``down_revision = "0006"`` in a migration file.
_REVISION_LINE = re.compile(r"""^(down_revision|revision)\s*=\s*['"]([^'"]+)['"]""", re.M)


def alembic_config() -> Config:
    # Alembic is loaded when a database is to be migrated (or a tool asks), not at each
    # start: it costs more than everything else a short command does.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def head_in_files() -> str | None:
    """The newest revision, read from the migration files themselves: the one no other
    revises. None when that is not one clear revision (alembic then decides)."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
        if "down_revision" in found:
            revised.add(found["down_revision"])
    heads = revisions - revised
    return heads.pop() if len(heads) == 1 else None


def revisions_in_files() -> set[str]:
    """Every revision the migration files define, read from the files themselves."""
    found: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        revision = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8"))).get("revision")
        if revision:
            found.add(revision)
    return found


def stored_revision(engine: Engine) -> str | None:
    """The revision the database says it is at, read without alembic (None when unknown)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError as exc:
        if exc.connection_invalidated or is_unreachable(exc):
            raise  # a server out of reach is no new database (nor worth a second try)
        return None  # no version table yet: a new database
    return str(rows[0][0]) if len(rows) == 1 else None


def sqlite_lock_path(engine: Engine) -> Path | None:
    """The lock file beside a SQLite database file (None for an in-memory database)."""
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database).expanduser()
    return path.with_name(path.name + ".migrate.lock")


# A migration of a large log may take minutes on the server (new indexes, rewritten tables).
MIGRATION_SECONDS = 600


@contextmanager
def patient(dbapi_connection: Any, seconds: float) -> Iterator[None]:
    """A server connection waits up to ``seconds`` for each reply meanwhile (a SQLite
    connection has no such bound; psycopg is loaded only for a server log)."""
    if type(dbapi_connection).__module__ != "desk_app.storage.server_wait":
        yield
        return
    from desk_app.storage.server_wait import patient as wait_longer

    with wait_longer(dbapi_connection, seconds):
        yield


@contextmanager
def migration_lock(engine: Engine) -> Iterator[None]:
    """Held by one desk at a time while it migrates; the others wait here."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f"SET lock_timeout = '{MIGRATION_WAIT_SECONDS}s'"))
            # The server answers once the other desk is done: the desk waits as long.
            with patient(conn.connection.dbapi_connection, MIGRATION_WAIT_SECONDS + 10):
                conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
        return
    path = sqlite_lock_path(engine) if engine.dialect.name == "sqlite" else None
    if path is None:
        yield
        return
    from filelock import FileLock, Timeout

    lock = FileLock(str(path), timeout=MIGRATION_WAIT_SECONDS)
    try:
        lock.acquire()
    except Timeout:
        raise DatabaseError(t("db.locked")) from None
    except OSError as exc:
        # A folder where no lock file can be made (read-only media): the migration below
        # meets the same wall and says so in its own words.
        log.info("no migration lock beside %s: %s", path, exc)
        yield
        return
    try:
        yield
    finally:
        lock.release()


def _refuse_unversioned(conn: Connection, engine: Engine) -> None:
    """A database with no schema version that is not empty is not made into a log."""
    from sqlalchemy import inspect

    contents = unversioned_contents(set(inspect(conn).get_table_names()))
    if contents is None:
        return
    where = engine.url.database if engine.dialect.name == "sqlite" else None
    shown = str(Path(where).expanduser()) if where else _safe_url(str(engine.url))
    if contents == "damaged":
        raise DatabaseError(t("db.damaged", path=shown))
    if engine.dialect.name == "sqlite":  # a server's database may be shared with others
        raise DatabaseError(t("db.not_database", path=shown))


def upgrade(engine: Engine) -> None:
    head = head_in_files()
    if head is not None and stored_revision(engine) == head:  # the everyday start
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    if current_revision(engine) == head:  # the everyday start: no lock, no wait
        return
    with migration_lock(engine):
        current = current_revision(engine)  # another desk may have finished meanwhile
        if current == head:
            return
        known = {rev.revision for rev in script.walk_revisions()}
        if current is not None and current not in known:
            raise DatabaseError(t("db.newer", url=_safe_url(str(engine.url)), revision=current))
        # On SQLite the migration takes the write lock from its first statement, so no
        # reader in between can make it fail half-way with "busy".
        with (
            engine.execution_options(write=True).begin() as conn,
            patient(conn.connection.dbapi_connection, MIGRATION_SECONDS),
        ):
            if current is None:
                _refuse_unversioned(conn, engine)
                # A log made from nothing where an earlier one was (its file deleted, its
                # database made anew): that log's audit head, left behind, is not this one's.
                from desk_app.storage.audit import forget_head

                forget_head(engine.url.render_as_string(hide_password=False))
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
