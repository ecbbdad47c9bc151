"""Bounded waits on a log's server: a server that takes the connection and then answers
nothing (hung, stopped, a dead process behind a live port) is given up on in seconds.

The operating system answers TCP keep-alives and acknowledges data for a stopped server, so
neither ``tcp_user_timeout`` nor keep-alives notice it, and a stopped server enforces no
``statement_timeout`` either: only the desk's own clock can. Every wait of a connection for
the server's reply is bounded here (psycopg's ``Connection.wait``); once the bound passes,
the connection is closed, which SQLAlchemy takes for a lost connection, and the desk keeps
its scan in the journal as for any outage.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from sqlalchemy import Engine, event

# How long a desk waits for any one reply of the server. A statement that waits for a lock
# is answered once the holder commits, or once the server ends a holder left idle
# (``IDLE_IN_WRITE_MS``, 15 s): this is longer, so that a desk behind a stalled desk still
# records, and short enough that a desk behind a hung server keeps its scans soon.
REPLY_SECONDS = 25.0
# How long a connection taken from the pool may take to answer its check (``SELECT 1``)
# before it is used: a server that does not answer that is hung, and the desk says so at
# once instead of sending it a scan.
PING_SECONDS = 3.0

_WAIT_TIMEOUT: type[BaseException] = getattr(pg_errors, "_WaitTimeout", pg_errors.OperationalError)


class ServerSilent(pg_errors.OperationalError):
    """The server took the connection but did not answer within the bound."""


class BoundedConnection(psycopg.Connection[Any]):
    """A psycopg connection whose every wait for the server ends after ``reply_seconds``."""

    reply_seconds: float = REPLY_SECONDS

    def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
        if timeout is not None:  # the caller bounds it itself (notifications, cancel)
            return super().wait(gen, interval=interval, timeout=timeout)
        bound = self.reply_seconds
        try:
            return super().wait(gen, interval=interval, timeout=bound)
        except _WAIT_TIMEOUT:
            # The connection is half-way through an exchange nobody will finish: close it.
            self.pgconn.finish()
            raise ServerSilent(
                f"the database server did not answer within {bound:g} s (server silent)"
            ) from None


@contextmanager
def patient(dbapi_connection: Any, seconds: float) -> Iterator[None]:
    """Let the connection wait up to ``seconds`` for each reply meanwhile (a migration
    waiting for another desk's)."""
    if not isinstance(dbapi_connection, BoundedConnection):
        yield
        return
    before = dbapi_connection.reply_seconds
    dbapi_connection.reply_seconds = max(before, seconds)
    try:
        yield
    finally:
        dbapi_connection.reply_seconds = before


def bound_waits(engine: Engine) -> None:
    """Make the engine's connections ``BoundedConnection``s: replies bounded by
    ``REPLY_SECONDS``, the pool's check before each use by ``PING_SECONDS``."""

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        return BoundedConnection.connect(*cargs, **cparams)

    # A connection back in the pool is checked (``pool_pre_ping``) before its next use.
    @event.listens_for(engine, "checkin")
    def _checkin(dbapi_connection: Any, _record: Any) -> None:
        if isinstance(dbapi_connection, BoundedConnection):
            dbapi_connection.reply_seconds = PING_SECONDS

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if isinstance(dbapi_connection, BoundedConnection):
            dbapi_connection.reply_seconds = REPLY_SECONDS
