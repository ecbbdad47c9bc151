"""A desk and its live view on a server whose network goes dead under them (run alone in a
network namespace of its own, whose loopback it takes down). Prints what each saw, as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desk_app.context import AppContext  # noqa: E402
from desk_app.storage.database import is_unreachable  # noqa: E402
from desk_app.storage.live import ChangeWatcher  # noqa: E402
from tests.own_postgres import OwnPostgres  # noqa: E402

CARD = "0010900000{}||Người Thử {}|01011990|Nam|Hà Nội|01012021"


def main() -> None:
    limit = float(sys.argv[1])
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    server = OwnPostgres()
    server.start()
    seen: dict[str, Any] = {}
    try:
        ctx = AppContext.open(server.url)
        watcher = ChangeWatcher(server.url)
        first = ctx.log.record_scan(ctx.parse(CARD.format(10, 10)))
        seen["before"] = [first.outcome.value, watcher.wait(2.0) == [first.visit_id]]
        subprocess.run(["ip", "link", "set", "lo", "down"], check=True)  # the cable pulled
        start = time.monotonic()

        def record() -> None:
            try:
                ctx.log.record_scan(ctx.parse(CARD.format(11, 11)))
                seen["record"] = "recorded"
            except Exception as exc:  # noqa: BLE001 - what the desk would see
                seen["record"] = "unreachable" if is_unreachable(exc) else repr(exc)
            seen["record_seconds"] = time.monotonic() - start

        def listen() -> None:
            try:
                while time.monotonic() - start < limit:
                    watcher.wait(0.5)
                seen["listen"] = "still waiting"
            except Exception:  # noqa: BLE001 - the live view listens again on it
                seen["listen"] = "lost"
            seen["listen_seconds"] = time.monotonic() - start

        threads = [threading.Thread(target=work, daemon=True) for work in (record, listen)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(limit + 5)
    finally:
        subprocess.run(["ip", "link", "set", "lo", "up"], check=False)
        server.remove()
    print(json.dumps(seen), flush=True)


if __name__ == "__main__":
    main()
