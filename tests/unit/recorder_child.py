"""A child process that records a stream of scans and reports each one after its commit."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

from desk_app.context import AppContext


def fake_cccd(i: int, prefix: str) -> str:
    number = f"{prefix}0{90:02d}{i:06d}"  # province prefix, male 19xx, born 1990
    return f"{number}||Người Thử {i}|01011990|Nam|Hà Nội|01012021"


def main() -> None:
    url, prefix, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    ctx = AppContext.open(url)
    start = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    for i in range(count):
        result = ctx.log.record_scan(
            ctx.parse(fake_cccd(i, prefix)),
            at=start + timedelta(milliseconds=i),
            debounce_seconds=0,
        )
        print(f"recorded {result.visit_id} {result.outcome.value}", flush=True)


if __name__ == "__main__":
    main()
