"""What the window and the command line open first: the database, settings and the log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

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
        settings.adopt_desk_keys()  # an older version kept them in the shared database
        settings.unit_secret()  # made once, when the unit's database is first opened
        settings.unit_id()
        log = VisitLog(
            db, desk=settings.get("desk.name"), checkpoint=settings.get("desk.checkpoint")
        )
        return cls(db=db, settings=settings, log=log)

    def parse(self, text: str | bytes) -> Identity:
        """Parse a decoded text, verifying the unit's own codes with its secret."""
        return parse(text, unit_secret=self.settings.unit_secret(), unit_id=self.settings.unit_id())

    def auto_checkout(self, now: datetime | None = None) -> int:
        """Automatic check-out at closing time, when the unit has turned it on."""
        if not self.settings.get("visits.auto_checkout"):
            return 0
        closing = time.fromisoformat(self.settings.get("visits.closing_time"))
        return self.log.auto_checkout(closing, now=now)

    def housekeeping(self, now: datetime | None = None) -> dict[str, int]:
        """What runs at start and at each new day: automatic check-out and the retention
        purge (each when enabled). Returns what was done."""
        done = {"checked_out": self.auto_checkout(now), "purged": 0}
        if self.settings.get("retention.auto_purge"):
            done["purged"] = self.log.purge(self.settings.get("retention.days"), now=now)
        return done

    def close(self) -> None:
        self.db.dispose()
