"""A desk process that scans the same people as another desk, at the same moments."""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desk_app.context import AppContext


def card(i: int) -> str:
    return f"0010900{i:05d}||Người Thử {i}|01011990|Nam|Hà Nội|01012021"


def main() -> None:
    url, go_file, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    ctx = AppContext.open(url)
    ready = go_file.with_suffix(f".ready{sys.argv[4]}")
    ready.touch()
    while not go_file.exists():  # both desks start scanning together
        time.sleep(0.001)
    start = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    for i in range(count):
        # Both desks see person i at the same moment (a card shown to two readers at once).
        result = ctx.log.record_scan(ctx.parse(card(i)), at=start + timedelta(minutes=i))
        print(f"{i} {result.outcome.value} {result.visit_id}", flush=True)
    ctx.close()


if __name__ == "__main__":
    main()
