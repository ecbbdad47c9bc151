"""The unit's settings table behind the typed settings (the desk's own are in its file)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desk_app.settings import DeskFile, Settings
from desk_app.storage.database import Database
from desk_app.storage.schema import SettingRow


def settings_for(db: Database, desk: DeskFile | None = None) -> Settings:
    """The typed settings: the unit's stored in this database, the desk's in its own file."""

    def load() -> dict[str, str]:
        return db.read(lambda s: {r.key: r.value for r in s.scalars(select(SettingRow))})

    def store(key: str, value: str) -> None:
        def work(session: Session) -> None:
            row = session.get(SettingRow, key)
            if row is None:
                session.add(SettingRow(key=key, value=value))
            else:
                row.value = value

        db.write(work)

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

        return db.write(work)

    def remove(keys: Iterable[str]) -> None:
        chosen = list(keys)
        db.write(lambda s: s.execute(delete(SettingRow).where(SettingRow.key.in_(chosen))))

    return Settings(load, store, store_if_absent, desk=desk or DeskFile(), remove=remove)
