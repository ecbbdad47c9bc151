"""The engine: URL choice, SQLite pragmas, migrations at start, and database errors in words."""

from __future__ import annotations

import atexit
import hashlib
import logging
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, unquote

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.i18n.system import os_error_text
from desk_app.paths import default_database_path, default_database_url, sqlite_url
from desk_app.storage.schema import DamagedValue

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# A scan waits at most a few seconds for another desk or program holding the file: the
# window records in its own thread, so a long wait would freeze the desk.
BUSY_TIMEOUT_MS = 3_000
CONNECT_TIMEOUT_S = 5
# A connection to a server behind a network that went dead (a cable pulled, Wi-Fi lost)
# gets no answer and no error either: without these a scan waited for the system's TCP
# give-up (a quarter of an hour on Linux) and the live view listened to nothing forever.
# An idle connection is probed after 5 s of silence, every 2 s, and given up after 3
# unanswered probes; data the server has not acknowledged for 10 s ends it (Linux).
SERVER_TCP_ARGS: dict[str, int] = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}


# A desk stopped half-way through a write (its PC frozen, its network gone) holds the
# person's lock, or the whole log's, until the server ends its transaction: every other
# desk's scan of that person, and behind a unit-wide write every scan, would wait for it.
# The server ends a transaction left idle this long; the stalled desk keeps its scan.
IDLE_IN_WRITE_MS = 15_000


def server_connect_args(url: str) -> dict[str, int | str]:
    """libpq options for a connection to the log's server: give up on a dead network in
    seconds (the desk keeps the scan) rather than after the system's TCP timeouts, and let
    the server end a transaction its desk left hanging. Options the URL sets itself are
    left as it says (``options`` is added to)."""
    wanted: dict[str, int | str] = {"connect_timeout": CONNECT_TIMEOUT_S, **SERVER_TCP_ARGS}
    args = {key: value for key, value in wanted.items() if f"{key}=" not in url}
    try:
        from sqlalchemy.engine import make_url

        given = make_url(url).query.get("options", "")
    except Exception:  # an unparsable URL is refused by the engine, in words
        given = ""
    given = given if isinstance(given, str) else " ".join(given)
    if "idle_in_transaction_session_timeout" not in given:
        idle = f"-c idle_in_transaction_session_timeout={IDLE_IN_WRITE_MS}"
        args["options"] = f"{given} {idle}".strip()
    return args


T = TypeVar("T")

# PostgreSQL advisory locks of the log's writes. A write about one person's visits (a scan,
# a manual entry, a check-out) takes the shared side of WRITE_LOCK and that person's own
# lock (PERSON_LOCK_CLASS, hash of the person's key): desks scanning different people go
# side by side, two desks scanning the same person one after the other. Every other write
# (settings, PIN tries, automatic check-out, purge) takes WRITE_LOCK whole, as all writes
# once did. Migrations wait on their own key (storage/migrate.py).
WRITE_LOCK = 7140
PERSON_LOCK_CLASS = 7142
_WHOLE_LOCK = text(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
_SHARED_LOCK = text(f"SELECT pg_advisory_xact_lock_shared({WRITE_LOCK})")
_PERSON_LOCK = text(f"SELECT pg_advisory_xact_lock({PERSON_LOCK_CLASS}, CAST(:key AS integer))")


class DatabaseError(UserError):
    """A database failure explained for the user (locked, full, newer, unreachable)."""


class DiskFull(DatabaseError):
    """The log's disk has no room left for SQLite to write (or to make its shared memory)."""


class ServerUnreachable(DatabaseError):
    """The log's server was out of reach when the desk started, and has not been reached
    since (``Database.reconnect``): nothing is sent to it meanwhile."""


SQLITE_MAGIC = b"SQLite format 3\x00"
# Told about each new SQLite file made at open (the command line prints a line, the window
# shows it): a mistyped path must not pass unseen as an empty log.
new_file_listeners: list[Callable[[Path], None]] = []


@dataclass(frozen=True)
class SqliteFile:
    """A SQLite log file as found before opening it."""

    path: Path
    created: bool  # no file was there: a new, empty log
    read_only: bool  # a read-only file, folder or medium: opened for reading only
    # Opened for reading only because its disk was full (``Database``): writes say so, and
    # are tried again once there is room.
    disk_full: bool = False


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases, memory and URI forms)."""
    if not url.startswith("sqlite"):
        return None
    path = url.split("///", 1)[1] if "///" in url else ""
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    # Decoded as the engine decodes it: "%20" in the URL is a space in the file's name.
    return Path(unquote(path.split("?", 1)[0])).expanduser()


def _file_id(path: Path) -> tuple[int, int] | None:
    """The file at ``path`` (device and inode); None when there is none."""
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def unversioned_contents(tables: set[str]) -> str | None:
    """What a database without a schema version holds: None when it is empty (a new log is
    made in it), "damaged" when it holds this program's tables (its version row is gone),
    "foreign" when it holds another program's tables only (a mistyped ``--db`` naming some
    other program's SQLite file: nothing is to be added to it)."""
    from desk_app.storage.schema import Base

    own = set(Base.metadata.tables) | {"alembic_version"}
    found = {name for name in tables if not name.startswith("sqlite_")}
    if not found:
        return None
    return "damaged" if found & own else "foreign"


def _file_contents(path: Path) -> str | None:
    """``unversioned_contents`` of an existing SQLite file, looked at read-only before any
    connection sets its journal mode: a file of another program is left exactly as it was.
    None also when the file cannot be read here (the quick check then says why)."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if (
                "alembic_version" in tables
                and conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0]
            ):
                return None
        finally:
            conn.close()
    except (sqlite3.Error, DatabaseError) as exc:
        log.info("contents of %s not read: %s", path, exc)
        return None
    tables = {name for name in tables if name != "alembic_version"}
    return unversioned_contents(tables)


def examine_sqlite(path: Path, *, make_folder: bool) -> SqliteFile:
    """What is at ``path``: refused when it is not a database, or when its folder is missing
    and is not the default data folder (a mistyped ``--db`` creates nothing)."""
    folder = path.parent
    if not folder.is_dir():
        if not make_folder:
            raise DatabaseError(t("db.no_folder", path=path, folder=folder))
        folder.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise DatabaseError(t("db.not_database", path=path))
    if not path.exists():
        if not _writable(folder):
            raise DatabaseError(t("db.readonly_new", path=path, folder=folder))
        return SqliteFile(path, created=True, read_only=False)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(t("db.cannot_open", url=path, message=os_error_text(exc))) from None
    if head and head != SQLITE_MAGIC:
        raise DatabaseError(t("db.not_database", path=path))
    contents = _file_contents(path) if head else None
    if contents == "foreign":
        raise DatabaseError(t("db.not_database", path=path))
    if contents == "damaged":
        raise DatabaseError(t("db.damaged", path=path))
    # Writing needs the file and, for the write-ahead files beside it, the folder.
    read_only = not (_writable(path) and _writable(folder))
    return SqliteFile(path, created=not head, read_only=read_only)


def _refuse_folder_path(given: str) -> None:
    """A plain ``--db`` path written as a folder (``D:\\desk\\`` or ``typo/``) names no file:
    it must not become a new log file named after the folder."""
    if "://" in given or not given.endswith(("/", os.sep)) or given in ("/", os.sep):
        return
    folder = Path(given).expanduser().absolute()
    if folder.is_dir():
        raise DatabaseError(t("db.not_database", path=folder))
    raise DatabaseError(t("db.no_folder", path=folder, folder=folder))


def read_only_uri(path: Path) -> str:
    """A read-only SQLite URI that creates nothing beside the file. ``immutable`` needs no
    shared-memory file (a read-only medium cannot hold one); when write-ahead content was
    left beside the file, plain read-only mode reads it too, given a folder where SQLite can
    make its shared-memory file. On a read-only folder or medium the file and its
    write-ahead content are read from a copy in a temporary folder instead."""
    wal = path.with_name(path.name + "-wal")
    left_over = wal.exists() and wal.stat().st_size > 0
    if left_over and not _writable(path.parent):
        path = _merged_copy(path, wal)
        left_over = False
    query = "mode=ro" if left_over else "mode=ro&immutable=1"
    return f"file:{quote(str(path.resolve()))}?{query}"


def _merged_copy(path: Path, wal: Path) -> Path:
    """A copy of the log with its write-ahead content merged, in a temporary folder removed
    at exit: what the last program wrote but did not fold into the file is still read."""
    folder = Path(tempfile.mkdtemp(prefix="desk-app-readonly-"))
    atexit.register(shutil.rmtree, folder, True)
    copy = folder / path.name
    try:
        shutil.copyfile(path, copy)
        shutil.copyfile(wal, folder / wal.name)
        conn = sqlite3.connect(copy)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(t("db.cannot_open", url=path, message=exc)) from exc
    log.info("read-only log %s read through a copy with its write-ahead content", path)
    return copy


def _read_only_url(path: Path) -> str:
    return f"sqlite:///{read_only_uri(path)}&uri=true"


def quick_check(engine: Engine, path: Path) -> None:
    """SQLite's quick check of every page; a damaged file is refused with its path."""
    try:
        with engine.connect() as conn:
            rows = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    except (OperationalError, DBAPIError, sqlite3.Error) as exc:
        raise explain(exc, str(path)) from exc
    if rows != ["ok"]:
        log.info("quick check of %s: %s", path, str(rows[0])[:300])
        raise DatabaseError(t("db.damaged", path=path))


def resolve_url(url: str | None = None) -> str:
    """``--db`` first, then ``DESK_APP_DB``, then the SQLite file in the per-user data folder.

    A plain path (no ``scheme://``) names a SQLite file: ``--db D:\\desk\\log.sqlite3``.
    """
    chosen = url or os.environ.get("DESK_APP_DB") or default_database_url()
    if "://" not in chosen:
        return sqlite_url(Path(chosen).expanduser().absolute())
    if chosen.startswith("sqlite:///~"):  # the engine would look for a folder named "~"
        return f"sqlite:///{Path(chosen.removeprefix('sqlite:///')).expanduser()}"
    return _with_server_driver(chosen)


def _with_server_driver(url: str) -> str:
    """A server URL as libpq and most tools write it (``postgres://`` or ``postgresql://``)
    names the driver the program carries (psycopg 3); without it SQLAlchemy looks for
    psycopg2, which is not installed, and says only "Can't load plugin"."""
    scheme, sep, rest = url.partition("://")
    if scheme.lower() in ("postgres", "postgresql"):
        return f"postgresql+psycopg{sep}{rest}"
    return url


def is_memory_url(url: str) -> bool:
    """A SQLite log in memory: everything in it is gone when the program closes."""
    if not url.startswith("sqlite"):
        return False
    rest = url.split("://", 1)[1] if "://" in url else ""
    return rest in ("", "/", "/:memory:") or "mode=memory" in rest


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # The driver's own transaction handling is off (isolation_level=None): SQLAlchemy's
    # "begin" event issues BEGIN IMMEDIATE so that the read-decide-write of a scan holds the
    # write lock from the start and two desks never deadlock on a lock upgrade.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    # FULL: a scan reported as recorded survives a power cut, not only a killed program
    # (one fsync per scan, 1-4 ms). NORMAL in WAL mode still survives a killed program and
    # never corrupts the file, for desks on very slow disks.
    sync = "NORMAL" if os.environ.get("DESK_APP_SQLITE_SYNC", "").upper() == "NORMAL" else "FULL"
    cur.execute(f"PRAGMA synchronous = {sync}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _sqlite_readonly_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA query_only = ON")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    if conn.get_execution_options().get("write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(
    url: str | None = None,
    *,
    migrate: bool = True,
    found: SqliteFile | None = None,
    check: bool = True,
) -> Engine:
    """An engine on ``url`` (see ``resolve_url``), migrated to the current schema.

    ``found`` (from ``examine_sqlite``) opens a read-only log read-only and checks every
    page of an existing file first."""
    url = resolve_url(url)
    try:
        if url.startswith("sqlite"):
            timeout = {"timeout": BUSY_TIMEOUT_MS / 1000}
            if found is not None and found.read_only:
                engine = create_engine(_read_only_url(found.path), connect_args=timeout)
                event.listen(engine, "connect", _sqlite_readonly_pragmas)
            else:
                engine = create_engine(url, connect_args=timeout)
                event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            if check and found is not None and not found.created:
                quick_check(engine, found.path)
        else:
            # A server behind a dead network answers nothing: give up after seconds (the desk
            # keeps the scan) rather than after the system's TCP timeout of minutes.
            connect = server_connect_args(url)
            engine = create_engine(url, pool_pre_ping=True, connect_args=connect)
            if engine.dialect.driver == "psycopg":
                # A server that takes the connection and answers nothing: no TCP setting
                # notices it, the desk's own clock does (storage/server_wait.py).
                from desk_app.storage.server_wait import bound_waits

                bound_waits(engine)
        if migrate:
            from desk_app.storage.migrate import upgrade

            with translate_errors(url):
                if found is not None and found.read_only and not found.disk_full:
                    _refuse_older_read_only(engine, found.path)
                upgrade(engine)
    except DatabaseError:
        raise
    except Exception as exc:  # bad URL, missing driver, unreachable server
        raise DatabaseError(t("db.cannot_open", url=_safe_url(url), message=exc)) from exc
    return engine


def _refuse_older_read_only(engine: Engine, path: Path) -> None:
    """A log of an older version is upgraded before anything reads it; on a read-only folder
    or medium it cannot be, so it cannot be read there either: say so, and what to do."""
    from desk_app.storage.migrate import head_in_files, revisions_in_files, stored_revision

    revision = stored_revision(engine)
    head = head_in_files()
    if revision is None or head is None or revision == head:
        return
    if revision in revisions_in_files():
        raise DatabaseError(t("db.readonly_older", path=path))


def _safe_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return url_without_password(url, url)


def log_key(url: str) -> str:
    """Which log a URL names, as the desk's journal keeps it: the resolved URL without its
    password (a password changed on the server is still the same log)."""
    return _safe_url(resolve_url(url))


def url_without_password(url: str, unparsable: str = "?") -> str:
    """The URL with its password hidden; ``unparsable`` when it is no URL at all."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is reported as such, not as a crash
        return unparsable


# Below this, a write error on the log's disk is taken for a full disk.
LOW_SPACE_BYTES = 1 << 20


def _disk_full(orig: BaseException, message: str, path: Path | None) -> bool:
    """A full disk, also when SQLite names it as an I/O error: the shared-memory file beside
    a write-ahead log cannot grow (SQLITE_IOERR_SHMSIZE), or a write fails on a disk with no
    room left."""
    if "disk is full" in message or "no space" in message:
        return True
    name = str(getattr(orig, "sqlite_errorname", "") or "")
    if name in ("SQLITE_FULL", "SQLITE_IOERR_SHMSIZE"):
        return True
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in message:
        folder = path.parent if path is not None else None
        try:
            return folder is not None and shutil.disk_usage(folder).free < LOW_SPACE_BYTES
        except OSError:
            return False
    return False


def explain(exc: BaseException, url: str = "") -> DatabaseError:
    """A user-facing error for a database exception."""
    orig = getattr(exc, "orig", exc)
    message = str(orig).lower()
    where = sqlite_path(url) or _safe_url(url)
    # A table or column gone from a SQLite log whose version said it was there is damage too.
    gone = isinstance(orig, sqlite3.Error) and any(
        words in message for words in ("no such table", "no such column")
    )
    if gone or any(
        words in message for words in ("malformed", "could not decode", "database corrupt")
    ):
        return DatabaseError(t("db.damaged", path=where))
    if "not a database" in message:
        return DatabaseError(t("db.not_database", path=where))
    if "locked" in message or "busy" in message:
        return DatabaseError(t("db.locked"))
    if _disk_full(orig, message, sqlite_path(url)):
        return DiskFull(t("db.full"))
    if "readonly" in message or "read-only" in message or "query_only" in message:
        return DatabaseError(t("db.readonly", url=where))
    server = _server_refusal(orig, message, url)
    return DatabaseError(server or t("db.error", message=" ".join(str(orig).split())))


# What a database server or its driver says, by SQLSTATE where the server sent one and by the
# driver's words where the connection never got that far (libpq gives no code then).
_SERVER_STATES = {
    "28P01": "db.login_refused",
    "28000": "db.login_refused",
    "3D000": "db.no_such_database",
    "42501": "db.no_rights",
    "3F000": "db.no_rights",  # no schema it may use: nothing was granted on the schema
    "53300": "db.server_busy",
    "57P03": "db.server_starting",
}
_SERVER_WORDS = (
    (("password authentication failed", 'role "', "no password supplied"), "db.login_refused"),
    (("no pg_hba.conf entry",), "db.host_not_allowed"),
    (('database "',), "db.no_such_database"),
    (("permission denied", "must be owner", "no schema has been selected"), "db.no_rights"),
    (("too many clients", "too many connections"), "db.server_busy"),
    (("the database system is starting up", "shutting down"), "db.server_starting"),
    (
        ("failed to resolve host", "could not translate host name", "name or service not known"),
        "db.unknown_host",
    ),
    (
        (
            "connection refused",
            "could not connect",
            "connection timed out",
            "timeout expired",
            "no route to host",
            "network is unreachable",
            "server silent",
        ),
        "db.unreachable",
    ),
)


def _server_refusal(orig: BaseException, message: str, url: str) -> str | None:
    """The refusal of a database server in the user's words, or None when it is none of the
    known ones. The driver's own text (English, several lines) goes to the log only."""
    key = _SERVER_STATES.get(str(getattr(orig, "sqlstate", "") or ""))
    if key is None:
        key = next((key for words, key in _SERVER_WORDS if any(w in message for w in words)), None)
    if key is None:
        return None
    log.info("database server: %s", " ".join(str(orig).split()))
    try:
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        host, port = parsed.host or "localhost", str(parsed.port or 5432)
        user, name = parsed.username or "", parsed.database or ""
    except Exception:  # no URL at hand: the message names no server
        host, port, user, name = "?", "?", "?", "?"
    return t(key, server=f"{host}:{port}", host=host, user=user, database=name)


@contextmanager
def translate_errors(url: str = "") -> Iterator[None]:
    try:
        yield
    except (OperationalError, DBAPIError, sqlite3.Error) as exc:
        raise explain(exc, url) from exc
    except DamagedValue as exc:
        # A stored value that cannot be read back (a time that is not a time) is damage.
        raise DatabaseError(t("db.damaged", path=sqlite_path(url) or _safe_url(url))) from exc


# Words of a driver that could not reach the server (psycopg, libpq), as opposed to a server
# that answered with an error.
_UNREACHABLE = (
    "connection refused",
    "could not connect",
    "connection timed out",
    "timeout expired",
    "server closed the connection",
    "terminating connection",
    "connection is closed",
    "connection not open",
    "connection to server",
    "no route to host",
    "network is unreachable",
    "could not translate host name",
    "consuming input failed",
    "the connection is lost",
    "ssl syscall error",
    "server conn crashed",
    "server silent",  # storage/server_wait.py: connected, but no answer in time
)


def is_unreachable(exc: BaseException) -> bool:
    """True when ``exc`` (or what caused it) says the database server cannot be reached."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, ServerUnreachable):
            return True
        orig = getattr(seen, "orig", None) or seen
        if isinstance(seen, OperationalError | InterfaceError | DBAPIError) and getattr(
            seen, "connection_invalidated", False
        ):
            return True
        if isinstance(orig, sqlite3.Error):
            return False  # a local file: never an outage
        message = str(orig).lower()
        if any(words in message for words in _UNREACHABLE):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


# Unique rules two desks can race for: one open visit per person, one row per person. The
# loser's transaction is run again and, on fresh facts, decides a repeat instead.
_RACED_UNIQUES = (
    "uq_visits_open_person",  # PostgreSQL names the index
    "visits.person_id",  # SQLite names the columns
    "uq_people_person_key",
    "people.person_key",
    # The same kept scan sent by two programs of one desk at once: the second finds it sent.
    "uq_scan_events_journal_id",
    "scan_events.journal_id",
)


def is_retryable(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", exc)
    message = str(orig).lower()
    if "locked" in message or "busy" in message:
        return True
    if isinstance(exc, IntegrityError) and any(name in message for name in _RACED_UNIQUES):
        return True
    # PostgreSQL: serialization failure / deadlock
    return getattr(orig, "sqlstate", None) in ("40001", "40P01")


class Database:
    """An engine and its session factory; ``write`` runs a unit of work with retries."""

    def __init__(
        self, url: str | None = None, *, migrate: bool = True, reachable: bool = True
    ) -> None:
        """``reachable=False``: a server log that could not be reached at start; reads and
        writes fail at once (``ServerUnreachable``) until ``reconnect`` reaches it."""
        _refuse_folder_path(url or os.environ.get("DESK_APP_DB") or "")
        self.url = resolve_url(url)
        if is_memory_url(self.url):
            raise DatabaseError(t("db.memory"))
        self.reachable = reachable
        path = sqlite_path(self.url)
        self.file: SqliteFile | None = None
        if path is not None:
            # The default data folder is made as needed; a folder named by the user must exist.
            self.file = examine_sqlite(path, make_folder=path == default_database_path())
        self._migrate = migrate and reachable
        try:
            self.engine = make_engine(self.url, migrate=self._migrate, found=self.file)
        except DiskFull as full:
            if self.file is None or self.file.created or self.file.read_only:
                raise
            # Who is inside must still be listed on a full disk: read-only, as on read-only
            # media (nothing to make beside the file); a write says the disk is full.
            log.info("disk full: %s opened for reading only", self.file.path)
            self.file = replace(self.file, read_only=True, disk_full=True)
            try:
                self.engine = make_engine(self.url, migrate=self._migrate, found=self.file)
            except DatabaseError as exc:
                # A log of an older version must be upgraded before it is read, and that
                # needs room: the full disk is the cause to tell, not a read-only file.
                log.info("log not opened read-only on a full disk: %s", exc)
                raise full from exc
        if self.file is not None and self.file.created:
            for listener in list(new_file_listeners):
                listener(self.file.path)
        # Which file was opened: one moved, deleted or replaced while the desk runs would
        # take every write into a file nobody sees any more (gone when the program closes).
        # (absolute: SQLite named the file from the working folder of that moment)
        self._file_path = self.file.path.absolute() if self.file is not None else None
        self._file_id = _file_id(self._file_path) if self._file_path is not None else None
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            self.engine.execution_options(write=True), expire_on_commit=False
        )

    @property
    def read_only(self) -> bool:
        return self.file is not None and self.file.read_only

    @property
    def created(self) -> bool:
        """A new, empty SQLite file was made by this open."""
        return self.file is not None and self.file.created

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def _check_reachable(self) -> None:
        if not self.reachable:
            raise ServerUnreachable(t("db.offline", url=_safe_url(self.url)))

    def reconnect(self) -> None:
        """Reach a server that was out of reach at start (and upgrade its schema if a newer
        desk needs it); raises as opening it would."""
        if self.reachable:
            return
        from desk_app.storage.migrate import upgrade

        try:
            with translate_errors(self.url):
                upgrade(self.engine)
        except DatabaseError:
            raise
        except Exception as exc:  # the driver's own words for a server still away
            raise DatabaseError(t("db.cannot_open", url=_safe_url(self.url), message=exc)) from exc
        self.reachable = True

    def read(self, work: Callable[[Session], T]) -> T:
        self._check_reachable()
        with translate_errors(self.url), self.sessions() as session:
            return work(session)

    def write(
        self, work: Callable[[Session], T], *, attempts: int = 3, per_person: bool = False
    ) -> T:
        """Run ``work`` in one transaction; a busy database is retried, never shown raw.

        ``per_person``: ``work`` touches one person's visits and calls ``lock_person`` before
        it reads them; other such writes about other people run alongside.
        Returns only after the commit: a caller that reports success has a durable row.
        """
        self._check_reachable()
        self._check_same_file()
        if self.file is not None and self.file.disk_full:
            self._reopen_with_room()
        delay = 0.05
        for attempt in range(attempts):
            try:
                with self._write_sessions() as session, session.begin():
                    if not self.is_sqlite:
                        session.execute(_SHARED_LOCK if per_person else _WHOLE_LOCK)
                    return work(session)
            except DamagedValue as exc:
                raise DatabaseError(
                    t("db.damaged", path=self.file.path if self.file else "")
                ) from exc
            except (OperationalError, DBAPIError) as exc:
                if attempt + 1 < attempts and is_retryable(exc):
                    log.info("database busy or raced, retrying (%s)", exc)
                    time.sleep(delay)
                    delay = min(delay * 2, 1.0)
                    continue
                raise explain(exc, self.url) from exc
        raise DatabaseError(t("db.locked"))

    def _check_same_file(self) -> None:
        """The SQLite file is still the one opened, where it was opened; else nothing is
        written (a scan refused in words, not recorded into a file that is gone)."""
        if self._file_path is None or self._file_id is None:
            return
        if _file_id(self._file_path) != self._file_id:
            raise DatabaseError(t("db.file_gone", path=self._file_path))

    def server_now(self) -> datetime | None:
        """The database server's clock; None for a SQLite log, which has no clock but this
        desk's. A desk whose clock is wrong must not decide alone what is old in a log that
        other desks share."""
        if self.is_sqlite:
            return None
        moment = self.read(lambda s: s.execute(text("SELECT now()")).scalar_one())
        return moment if isinstance(moment, datetime) else None

    def _reopen_with_room(self) -> None:
        """A log opened read-only on a full disk is written again once there is room."""
        assert self.file is not None
        try:
            room = shutil.disk_usage(self.file.path.parent).free >= LOW_SPACE_BYTES
        except OSError:
            room = False
        if not room:
            raise DiskFull(t("db.full"))
        writable = replace(self.file, read_only=False, disk_full=False)
        engine = make_engine(self.url, migrate=self._migrate, found=writable, check=False)
        self.engine.dispose()
        self.engine, self.file = engine, writable
        self.sessions.configure(bind=engine)
        self._write_sessions.configure(bind=engine.execution_options(write=True))

    def dispose(self) -> None:
        self.engine.dispose()


def person_lock_key(key: str) -> int:
    """The 32-bit number a person's key is locked by (two keys may share one: they then
    wait for each other, which is slower but never wrong)."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


def lock_person(session: Session, key: str) -> None:
    """Hold the person known by ``key`` until the transaction ends, so that the read of
    their visits, the decision and its write are one step across desks. On SQLite the
    write transaction (``BEGIN IMMEDIATE``) holds the whole file already."""
    if session.get_bind().dialect.name != "sqlite":
        session.execute(_PERSON_LOCK, {"key": person_lock_key(key)})
