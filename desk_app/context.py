"""What the window and the command line open first: the database, settings and the log."""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.domain.payloads import Identity, parse
from desk_app.settings import Settings
from desk_app.storage.database import Database
from desk_app.storage.visit_log import VisitLog, settings_for


@dataclass
class AppContext:
    db: Database
    settings: Settings
    log: VisitLog

    @classmethod
    def open(cls, url: str | None = None) -> AppContext:
        db = Database(url)
        settings = settings_for(db)
        settings.unit_secret()  # made once, when the unit's database is first opened
        settings.unit_id()
        log = VisitLog(
            db, desk=settings.get("desk.name"), checkpoint=settings.get("desk.checkpoint")
        )
        return cls(db=db, settings=settings, log=log)

    def parse(self, text: str | bytes) -> Identity:
        """Parse a decoded text, verifying the unit's own codes with its secret."""
        return parse(text, unit_secret=self.settings.unit_secret(), unit_id=self.settings.unit_id())

    def close(self) -> None:
        self.db.dispose()
