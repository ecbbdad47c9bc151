"""The manager PIN's wrong-try count in the settings table, counted atomically.

Each try is counted in its own write transaction, which holds the database's write lock
(``BEGIN IMMEDIATE`` on SQLite, the log's write lock taken whole on PostgreSQL): the read of
the count, the test for a running wait and the new count are one step, so sixteen tries at
once are counted sixteen times and those past the free ones meet the wait.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.domain.pin import KEY_FAILURES, KEY_LOCKED_UNTIL, LockState, next_state
from desk_app.storage.database import Database
from desk_app.storage.schema import SettingRow


def _number(text: str | None) -> float:
    try:
        return float(json.loads(text)) if text else 0.0
    except (ValueError, TypeError):
        return 0.0


class DatabaseLockStore:
    def __init__(self, db: Database, settings: Any | None = None) -> None:
        self.db = db
        self._settings = settings  # its cache is dropped after each change

    @staticmethod
    def _read(session: Session) -> LockState:
        rows = dict(
            session.execute(
                select(SettingRow.key, SettingRow.value).where(
                    SettingRow.key.in_((KEY_FAILURES, KEY_LOCKED_UNTIL))
                )
            ).all()
        )
        return LockState(int(_number(rows.get(KEY_FAILURES))), _number(rows.get(KEY_LOCKED_UNTIL)))

    @staticmethod
    def _write(session: Session, state: LockState) -> None:
        values = {
            KEY_FAILURES: json.dumps(state.failures),
            # Whole seconds, rounded up, so a stored wait is never shorter than the real one.
            KEY_LOCKED_UNTIL: json.dumps(int(-(-state.locked_until // 1))),
        }
        for key, value in values.items():
            row = session.get(SettingRow, key)
            if row is None:
                session.add(SettingRow(key=key, value=value))
            else:
                row.value = value

    def _changed(self) -> None:
        if self._settings is not None:
            self._settings.reload()

    def load(self) -> LockState:
        return self.db.read(self._read)

    def save(self, state: LockState) -> None:
        self.db.write(lambda s: self._write(s, state))
        self._changed()

    def reserve(self, now: float) -> LockState | None:
        def work(session: Session) -> LockState | None:
            state = next_state(self._read(session), now)
            if state is not None:
                self._write(session, state)
            return state

        result = self.db.write(work)
        self._changed()
        return result
