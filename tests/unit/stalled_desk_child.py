"""A desk that stops half-way through recording a person (its PC frozen, its network gone):
it takes the person's lock, says so, and stops itself without ending the transaction."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from sqlalchemy.orm import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desk_app.context import AppContext  # noqa: E402
from desk_app.domain.visits import person_key  # noqa: E402
from desk_app.storage.database import lock_person  # noqa: E402


def main() -> None:
    ctx = AppContext.open(sys.argv[1])
    key = person_key(ctx.parse(sys.argv[2]))
    assert key is not None

    def work(session: Session) -> None:
        lock_person(session, key)
        print("holding", flush=True)
        os.kill(os.getpid(), signal.SIGSTOP)

    ctx.db.write(work, per_person=True)


if __name__ == "__main__":
    main()
