"""Several desks on one PostgreSQL log: sustained scans, record latency, live-view delay.

    TEST_DATABASE_URL=postgresql+psycopg://... .venv/bin/python -m bench.bench_desks \
        [--desks 4] [--seconds 20]

Four desk processes record scans of their own visitors (entries, then exits) as fast as they
can for a fixed time, each through ``AppContext`` as the window does. A fifth process is
another desk watching the log (``ChangeWatcher``, LISTEN/NOTIFY) and reading the changed
visits (one query per batch), as the live view does. The database's schema is dropped
first: use a database of your own. Figures go to bench/results/desks.json.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from multiprocessing.synchronize import Barrier, Event
from pathlib import Path

RESULTS = Path(__file__).with_name("results")
NAMES = ("An", "Bình", "Cường", "Dung", "Giang", "Hải", "Lan", "Minh", "Nga", "Phúc")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _isolate(folder: str) -> None:
    os.environ["DESK_APP_HOME"] = os.path.join(folder, "data")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(folder, "config")


def desk(url: str, number: int, seconds: float, folder: str, start: Barrier, queue: object) -> None:
    """Record scans until time is up; report (visit id, commit time) of each entry."""
    _isolate(folder)
    from desk_app.context import AppContext

    ctx = AppContext.open(url)
    ctx.log.desk = f"Bàn {number + 1}"
    latencies: list[float] = []
    entries: list[tuple[int, float]] = []
    base = datetime.now(UTC) - timedelta(hours=2)
    people = 200
    start.wait()
    stop_at = time.monotonic() + seconds
    i = 0
    while time.monotonic() < stop_at:
        who = i % people
        name = f"{NAMES[who % 10]} {NAMES[(who // 10) % 10]}"
        text = f"0{number + 1:02d}190{who:06d}||Nguyễn {name}|01011990|Nam|Hà Nội|01012021"
        t0 = time.perf_counter()
        result = ctx.log.record_scan(
            ctx.parse(text), at=base + timedelta(seconds=i), debounce_seconds=0
        )
        latencies.append((time.perf_counter() - t0) * 1000)
        if result.outcome.value == "entry" and result.visit_id is not None:
            entries.append((result.visit_id, time.time()))
        i += 1
    ctx.close()
    queue.put(("desk", latencies, entries))  # type: ignore[attr-defined]


def watcher(url: str, folder: str, ready: Event, done: Event, queue: object) -> None:
    """Another desk: the first time each visit is seen (notified and its row read)."""
    _isolate(folder)
    from desk_app.context import AppContext
    from desk_app.storage.live import ChangeWatcher

    ctx = AppContext.open(url)
    watch = ChangeWatcher(url)
    seen: dict[int, float] = {}
    ready.set()
    while not done.is_set():
        changed = [v for v in watch.wait(0.2) if v not in seen]
        for row in ctx.log.visits(changed):  # one read per batch, as the live view does
            seen.setdefault(row.id, time.time())
    for visit_id in watch.wait(1.0):  # whatever was still on its way
        if visit_id not in seen:
            seen[visit_id] = time.time()
    watch.close()
    ctx.close()
    queue.put(("watcher", seen))  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=os.environ.get("TEST_DATABASE_URL"))
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    if not args.db or not args.db.startswith("postgresql"):
        sys.exit("a PostgreSQL URL is needed: --db or TEST_DATABASE_URL")

    from sqlalchemy import create_engine, text

    engine = create_engine(args.db, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()

    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    start = context.Barrier(args.desks)
    ready, done = context.Event(), context.Event()
    with tempfile.TemporaryDirectory() as folder:
        # The schema is made once, before the clock starts.
        _isolate(os.path.join(folder, "setup"))
        from desk_app.context import AppContext

        AppContext.open(args.db).close()
        observer = context.Process(
            target=watcher, args=(args.db, os.path.join(folder, "w"), ready, done, queue)
        )
        observer.start()
        ready.wait(60)
        desks = [
            context.Process(
                target=desk,
                args=(args.db, n, args.seconds, os.path.join(folder, f"d{n}"), start, queue),
            )
            for n in range(args.desks)
        ]
        began = time.monotonic()
        for process in desks:
            process.start()
        results = [queue.get(timeout=args.seconds + 120) for _ in desks]
        elapsed = time.monotonic() - began
        done.set()
        seen = queue.get(timeout=60)[1]
        for process in [*desks, observer]:
            process.join(30)

    latencies = [ms for _, lat, _ in results for ms in lat]
    entries = [entry for _, _, found in results for entry in found]
    delays = [(seen[v] - t) * 1000 for v, t in entries if v in seen]
    scans = len(latencies)
    figures = {
        "command": f"python -m bench.bench_desks --desks {args.desks} --seconds {args.seconds:g}",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared)",
        "desks": args.desks,
        "seconds": args.seconds,
        "scans": scans,
        "scans_per_second": round(scans / args.seconds, 1),
        "scans_per_second_incl_start": round(scans / elapsed, 1),
        "record_ms_median": round(statistics.median(latencies), 2),
        "record_ms_p95": round(percentile(latencies, 0.95), 2),
        "entries": len(entries),
        "entries_seen_by_another_desk": len(delays),
        "seen_delay_ms_median": round(statistics.median(delays), 1) if delays else None,
        "seen_delay_ms_p95": round(percentile(delays, 0.95), 1) if delays else None,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "desks.json").write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n")
    print(json.dumps(figures, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
