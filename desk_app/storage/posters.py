"""The posters table: which version of each checkpoint's poster was printed last."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desk_app.storage.database import Database
from desk_app.storage.schema import Poster
from desk_app.timeutil import utc_now


@dataclass(frozen=True)
class PrintedPoster:
    version: int
    fingerprint: str


def last_printed(db: Database, checkpoint: str) -> PrintedPoster | None:
    def work(session: Session) -> PrintedPoster | None:
        row = session.get(Poster, checkpoint)
        return None if row is None else PrintedPoster(row.version, row.fingerprint)

    return db.read(work)


def record_printed(
    db: Database, checkpoint: str, version: int, payload: str, fingerprint: str
) -> None:
    """Remember what was printed, so that the next print knows whether to bump."""

    def work(session: Session) -> None:
        row = session.get(Poster, checkpoint)
        if row is None:
            session.add(
                Poster(
                    checkpoint=checkpoint,
                    version=version,
                    payload=payload,
                    fingerprint=fingerprint,
                    printed_at=utc_now(),
                )
            )
        else:
            row.version = max(row.version, version)
            row.payload, row.fingerprint = payload, fingerprint
            row.printed_at = utc_now()

    db.write(work)
