"""A desk process that tries one wrong manager PIN when the test says go (a line on stdin)."""

from __future__ import annotations

import sys

from desk_app.context import AppContext
from desk_app.domain.pin import PinGuard
from desk_app.storage.pin_store import DatabaseLockStore


def main() -> None:
    url, pin = sys.argv[1], sys.argv[2]
    ctx = AppContext.open(url)
    guard = PinGuard.for_settings(ctx.settings, store=DatabaseLockStore(ctx.db, ctx.settings))
    guard.has_pin()  # everything loaded before the start line, so the tries really meet
    print("ready", flush=True)
    sys.stdin.readline()
    print(guard.check(pin).result.value, flush=True)
    ctx.close()


if __name__ == "__main__":
    main()
