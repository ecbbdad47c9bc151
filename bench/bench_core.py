"""Core speed: recording one scan on SQLite, and the desk's queries on a year of visits.

    .venv/bin/python -m bench.bench_core [--visits 500000]

Figures go to bench/results/core.txt.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.seed import seed
from desk_app.context import AppContext
from desk_app.timeutil import local_today

RESULTS = Path(__file__).with_name("results")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def timed(fn, repeat: int = 20) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), percentile(times, 0.95)


def bench_record(folder: Path, scans: int) -> list[str]:
    lines = []
    for sync in ("NORMAL", "FULL"):
        os.environ["DESK_APP_SQLITE_SYNC"] = sync
        ctx = AppContext.open(f"sqlite:///{folder / f'record-{sync}.sqlite3'}")
        times = []
        base = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
        for i in range(scans):
            text = f"0010{90:02d}{i:06d}||Người Thử {i}|01011990|Nam|Hà Nội|01012021"
            t0 = time.perf_counter()
            ctx.log.record_scan(ctx.parse(text), at=base + timedelta(seconds=i))
            times.append((time.perf_counter() - t0) * 1000)
        ctx.close()
        lines.append(
            f"record one scan (parse+decide+commit, SQLite WAL, synchronous={sync}), "
            f"{scans} scans: median {statistics.median(times):.2f} ms, "
            f"p95 {percentile(times, 0.95):.2f} ms"
        )
    os.environ.pop("DESK_APP_SQLITE_SYNC")
    return lines


def bench_queries(folder: Path, visits: int) -> list[str]:
    db_file = folder / "year.sqlite3"
    ctx = AppContext.open(f"sqlite:///{db_file}")
    end = datetime.now(UTC)
    t0 = time.perf_counter()
    seed(ctx.db, visits, end=end, days=365)
    seeded = time.perf_counter() - t0
    with ctx.db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    key = ctx.log.inside()[0].person_key
    lines = [
        f"log of {visits} visits over 365 days (seeded in {seeded:.1f} s); "
        f"file size {os.path.getsize(db_file) / 1e6:.1f} MB"
    ]
    for label, fn in (
        ("who is inside", ctx.log.inside),
        ("today's visits", lambda: ctx.log.visits_on(local_today())),
        ("today's counters", lambda: ctx.log.day_counts(local_today())),
        ("one person's history", lambda: ctx.log.history(key)),
    ):
        median, p95 = timed(fn)
        lines.append(f"  {label}: median {median:.1f} ms, p95 {p95:.1f} ms")
    ctx.close()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=500_000)
    parser.add_argument("--scans", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DESK_APP_HOME"] = tmp
        lines = bench_record(Path(tmp), args.scans) + bench_queries(Path(tmp), args.visits)
    text = "\n".join(lines)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "core.txt").write_text(
        f"$ python -m bench.bench_core --visits {args.visits}\n{text}\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
