"""Which visits other desks changed, as soon as they change, without re-reading the day.

On PostgreSQL a trigger on ``visits`` notifies channel ``desk_visits`` with the visit id at
each commit, and ``ChangeWatcher`` LISTENs on its own connection. A SQLite file shared by
two programs on one PC has no notifications: the watcher asks the file, twice a second,
whether anything was committed (``PRAGMA data_version``, which costs nothing) and then reads
only the scan events after the last one it saw.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

CHANNEL = "desk_visits"
POLL_SECONDS = 0.5


class ChangeWatcher:
    """``wait(timeout)`` returns the ids of visits changed since the last call (maybe none)."""

    def __init__(self, url: str) -> None:
        self.url = url
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        self._pg: Any = None
        self._sqlite: sqlite3.Connection | None = None
        self._data_version = -1
        self._last_event = 0
        if self.dialect == "postgresql":
            import psycopg

            from desk_app.storage.database import server_connect_args
            from desk_app.storage.server_wait import BoundedConnection

            conninfo = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
            # A listening connection sends nothing: only its keep-alive probes notice that
            # the network went dead, so that the live view listens again once it is back.
            conninfo = psycopg.conninfo.make_conninfo(conninfo, **server_connect_args(url))
            # LISTEN on a server that took the connection and answers nothing ends in seconds.
            self._pg = BoundedConnection.connect(conninfo, autocommit=True)
            self._pg.execute(f"LISTEN {CHANNEL}")
        elif self.dialect == "sqlite" and parsed.database not in (None, "", ":memory:"):
            # Quoted: a folder named "Cổng #2" or "50% off" is a path, not a URI's parts.
            path = quote(str(Path(parsed.database).expanduser().absolute()))
            self._sqlite = sqlite3.connect(
                f"file:{path}?mode=ro", uri=True, timeout=1, check_same_thread=False
            )
            self._data_version = self._version()
            row = self._sqlite.execute("SELECT max(id) FROM scan_events").fetchone()
            self._last_event = int(row[0] or 0)
        else:
            raise ValueError(f"no change watcher for {parsed.get_backend_name()}")

    def _version(self) -> int:
        assert self._sqlite is not None
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def wait(self, timeout: float = POLL_SECONDS) -> list[int]:
        if self._pg is not None:
            ids = [n.payload for n in self._pg.notifies(timeout=timeout, stop_after=1)]
            if ids:  # whatever else arrived with it, without waiting again
                ids += [n.payload for n in self._pg.notifies(timeout=0.01)]
            return _unique(int(payload) for payload in ids if payload.isdigit())
        import time

        time.sleep(timeout)  # the poll's own pace: this runs in the watcher's thread
        version = self._version()
        if version == self._data_version:
            return []
        self._data_version = version
        assert self._sqlite is not None
        rows = self._sqlite.execute(
            "SELECT id, visit_id FROM scan_events WHERE id > ? ORDER BY id", (self._last_event,)
        ).fetchall()
        if rows:
            self._last_event = int(rows[-1][0])
        return _unique(int(visit) for _, visit in rows if visit is not None)

    def close(self) -> None:
        if self._pg is not None:
            self._pg.close()
            self._pg = None
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None


def _unique(ids: Any) -> list[int]:
    return list(dict.fromkeys(ids))
