"""The unit's settings table behind the typed settings (the desk's own are in its file).

For a log on a server, each read is also kept on the desk (storage/unit_cache.py), and read
from there while the server cannot be reached."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desk_app.settings import DeskFile, Settings
from desk_app.storage.database import Database, DatabaseError, is_unreachable
from desk_app.storage.schema import SettingRow
from desk_app.storage.unit_cache import UnitCache


def settings_for(db: Database, desk: DeskFile | None = None) -> Settings:
    """The typed settings: the unit's stored in this database, the desk's in its own file."""

    cache = None if db.is_sqlite else UnitCache(db.url)

    def load() -> dict[str, str]:
        try:
            raw = db.read(lambda s: {r.key: r.value for r in s.scalars(select(SettingRow))})
        except DatabaseError as exc:
            kept = cache.load() if cache is not None and is_unreachable(exc) else None
            if kept is None:
                raise
            return kept
        if cache is not None:
            cache.save(raw)
        return raw

    def store(key: str, value: str) -> None:
        def work(session: Session) -> None:
            row = session.get(SettingRow, key)
            if row is None:
                session.add(SettingRow(key=key, value=value))
            else:
                row.value = value

        db.write(work)
        if cache is not None:
            cache.store(key, value)

    def store_if_absent(key: str, value: str) -> str:
        def work(session: Session) -> str:
            row = session.get(SettingRow, key)
            if row is None or row.value in ("", '""'):
                if row is None:
                    session.add(SettingRow(key=key, value=value))
                else:
                    row.value = value
                return value
            return row.value

        stored = db.write(work)
        if cache is not None:
            cache.store(key, stored)
        return stored

    def remove(keys: Iterable[str]) -> None:
        chosen = list(keys)
        db.write(lambda s: s.execute(delete(SettingRow).where(SettingRow.key.in_(chosen))))

    return Settings(load, store, store_if_absent, desk=desk or DeskFile(), remove=remove)
