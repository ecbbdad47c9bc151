"""What the window and the command line open first: the database, settings and the log."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, time

from desk_app.domain.payloads import Identity, parse
from desk_app.domain.visits import ScanResult
from desk_app.settings import Settings
from desk_app.storage.database import (
    Database,
    DatabaseError,
    is_unreachable,
    log_key,
    translate_errors,
)
from desk_app.storage.journal import SCAN, Journal, JournalEntry, replay
from desk_app.storage.settings_store import settings_for
from desk_app.storage.unit_cache import UnitCache
from desk_app.storage.visit_log import VisitLog


@dataclass
class AppContext:
    db: Database
    settings: Settings
    log: VisitLog
    journal: Journal = field(default_factory=Journal)
    # False while a server log has been out of reach since the desk started (``reconnect``).
    online: bool = True

    @classmethod
    def open(
        cls, url: str | None = None, *, flush: bool = True, offline_ok: bool = False
    ) -> AppContext:
        """Open the log; scans this desk kept during an outage are sent first.

        ``offline_ok``: a server log out of reach opens all the same, offline, when this
        desk kept the unit's settings the last time it reached it (storage/unit_cache.py);
        what the desk records then waits in its journal. Otherwise the error stands.
        """
        try:
            db = Database(url)
        except DatabaseError as exc:
            if not (offline_ok and is_unreachable(exc)):
                raise
            return cls._open_offline(url, exc)
        settings = settings_for(db)
        if not db.read_only:
            # An older version kept them in the shared database. A log that cannot be written
            # (read-only media, an archive, a full disk) keeps them: it is read, and this
            # desk's own settings are not taken from it.
            settings.adopt_desk_keys()
        with translate_errors(db.url):  # a damaged secret is a damaged log, said so
            settings.unit_secret()  # made once, when the unit's database is first opened
            settings.unit_id()
        log = VisitLog(
            db, desk=settings.text("desk.name"), checkpoint=settings.text("desk.checkpoint")
        )
        ctx = cls(db=db, settings=settings, log=log, journal=Journal(log=log_key(db.url)))
        if flush:
            ctx.flush_journal()
        return ctx

    @classmethod
    def _open_offline(cls, url: str | None, error: DatabaseError) -> AppContext:
        db = Database(url, reachable=False)
        if UnitCache(db.url).load() is None:
            raise error  # never reached from this desk: nothing to read the unit's codes by
        settings = settings_for(db)
        log = VisitLog(
            db, desk=settings.text("desk.name"), checkpoint=settings.text("desk.checkpoint")
        )
        journal = Journal(log=log_key(db.url))
        return cls(db=db, settings=settings, log=log, journal=journal, online=False)

    def reconnect(self) -> None:
        """Reach the server a desk started without (raises while it is still away); the
        unit's settings are read from it again. The journal is sent by ``flush_journal``."""
        if self.online:
            return
        self.db.reconnect()
        self.settings.reload()
        self.settings.adopt_desk_keys()
        self.log.desk = self.settings.text("desk.name")
        self.log.checkpoint = self.settings.text("desk.checkpoint")
        self.online = True

    def flush_journal(self) -> list[tuple[JournalEntry, ScanResult | None]]:
        """Send the desk's kept scans, manual entries and check-outs in order; (entry,
        result or None if sent before).

        Stops at the first failure (the server gone again): what is not sent stays kept.
        """
        done: list[tuple[JournalEntry, ScanResult | None]] = []
        entries = self.journal.entries()
        if not entries:
            return done
        recorder = VisitLog(self.db)
        for kept in entries:
            entry = kept
            if not entry.checkpoint:
                entry = replace(entry, checkpoint=self.settings.text("desk.checkpoint"))
            if entry.debounce_seconds < 0:  # kept before the unit's rule was known
                entry = replace(
                    entry, debounce_seconds=float(self.settings.number("scan.debounce_seconds"))
                )
            identity = self.parse(entry.text) if entry.kind == SCAN else None
            result = replay(recorder, entry, identity)
            self.journal.remove(entry.journal_id)
            done.append((entry, result))
        return done

    def parse(self, text: str | bytes) -> Identity:
        """Parse a decoded text, verifying the unit's own codes with its secret."""
        return parse(text, unit_secret=self.settings.unit_secret(), unit_id=self.settings.unit_id())

    def auto_checkout(self, now: datetime | None = None) -> int:
        """Automatic check-out at closing time, when the unit has turned it on."""
        if not self.settings.flag("visits.auto_checkout"):
            return 0
        closing = time.fromisoformat(self.settings.text("visits.closing_time"))
        return self.log.auto_checkout(closing, now=now)

    def housekeeping(self, now: datetime | None = None) -> dict[str, int]:
        """What runs at start and at each new day: automatic check-out and the retention
        purge (each when enabled), and old audit records folded into their signed summary.
        Returns what was done to visits."""
        done = {"checked_out": self.auto_checkout(now), "purged": 0}
        # What is old enough to delete or fold is decided by the server's clock in a shared
        # log: one desk's clock set ahead would otherwise take the whole unit's log for old.
        at = now or self.db.server_now()
        if self.settings.flag("retention.auto_purge"):
            done["purged"] = self.log.purge(self.settings.number("retention.days"), now=at)
        from desk_app.storage import audit

        audit.fold_older_than(
            self.db,
            self.settings.unit_secret(),
            self.settings.number("audit.keep_days"),
            now=at,
            desk=self.log.desk,
        )
        return done

    def close(self) -> None:
        self.db.dispose()
