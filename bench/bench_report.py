"""Report speed: the weekly figures on a log of 500,000 visits, a 20,000-visit week's workbook.

    .venv/bin/python -m bench.bench_report [--visits 500000] [--week-visits 20000]
        [--keep /tmp/report-bench.sqlite3]

The log is seeded with bulk inserts (SQLAlchemy Core executemany), not the recording path:
a year of visits whose last week (2026-W47) is a busy one. Each timing is the median of
several runs; the baseline is a full count of the scan events, timed in the same run, so
the ratios survive a noisy machine. Figures go to bench/results/report.txt.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from desk_app.context import AppContext
from desk_app.domain.week import parse_week
from desk_app.reports.weekly import compute, visit_rows
from desk_app.reports.workbook import build_workbook, export_report, unit_info
from desk_app.storage.schema import Person, ScanEvent, Visit

RESULTS = Path(__file__).with_name("results")
WEEK = "2026-W47"  # 16 to 22/11/2026
KINDS = ["cccd"] * 5 + ["cancuoc"] * 3 + ["pccovid", "bhyt", "staff", "visitor_pass"]
METHODS = ["camera"] * 6 + ["scanner"] * 3


def _visits(
    rng: random.Random, count: int, start: datetime, days: int, first_id: int, people: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    visits: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    # A real log is written in time order, so a week's rows sit together in the file.
    entries = sorted(
        start + timedelta(days=rng.randrange(days), hours=rng.uniform(0.5, 11.5))
        for _ in range(count)
    )  # 07:30-18:30 local (UTC+7)
    for n, entry in enumerate(entries):
        vid = first_id + n
        manual = rng.random() < 0.12
        method = "manual" if manual else rng.choice(METHODS)
        kind = "manual" if manual else rng.choice(KINDS)
        auto = rng.random() < 0.03
        leave = entry + timedelta(minutes=rng.randint(5, 240))
        person = rng.randint(1, people)
        visits.append(
            {
                "id": vid,
                "person_id": person,
                "entry_at": entry,
                "exit_at": leave,
                "exit_auto": auto,
                "entry_method": method,
                "exit_method": "auto" if auto else method,
                "code_kind": kind,
                "desk": "desk-1",
                "checkpoint": "Cổng chính",
                "purpose": "Làm việc",
                "host": "Phòng Hành chính",
                "warnings": "masked_code" if rng.random() < 0.01 else "",
            }
        )
        common = {
            "method": method,
            "code_kind": kind,
            "person_id": person,
            "visit_id": vid,
            "desk": "desk-1",
            "reason": "",
            "text_head": "",
        }
        events.append({"at": entry, "outcome": "entry", **common})
        if not auto:
            events.append({"at": leave, "outcome": "exit", **common})
        if rng.random() < 0.05:
            events.append({"at": entry + timedelta(seconds=3), "outcome": "repeat", **common})
        if rng.random() < 0.01:
            events.append(
                {
                    "at": entry - timedelta(seconds=20),
                    "outcome": "rejected",
                    **common,
                    "person_id": None,
                    "visit_id": None,
                    "code_kind": "unrecognised",
                    "reason": "unknown_format",
                }
            )
    events.sort(key=lambda event: event["at"])
    return visits, events


def seed(ctx: AppContext, total: int, week_visits: int) -> float:
    t0 = time.perf_counter()
    rng = random.Random(6)
    people = max(total // 10, 1)
    week = parse_week(WEEK)
    week_start = week.bounds()[0]
    year_start = week_start - timedelta(days=51 * 7)
    now = datetime.now(UTC)
    person_rows = [
        {
            "id": i + 1,
            "person_key": f"{100000000000 + i:012d}",
            "id_number": f"{100000000000 + i:012d}",
            "name": f"Người Thử {i}",
            "created_at": now,
            "updated_at": now,
        }
        for i in range(people)
    ]
    rest = total - week_visits
    old_visits, old_events = _visits(rng, rest, year_start, 51 * 7, 1, people)
    new_visits, new_events = _visits(rng, week_visits, week_start, 7, rest + 1, people)
    with ctx.db.engine.begin() as conn:
        for table, rows in (
            (Person, person_rows),
            (Visit, old_visits + new_visits),
            (ScanEvent, old_events + new_events),
        ):
            for k in range(0, len(rows), 20000):
                conn.execute(insert(table), rows[k : k + 20000])
    return time.perf_counter() - t0


def timed(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=500_000)
    parser.add_argument("--week-visits", type=int, default=20_000)
    parser.add_argument("--keep", metavar="FILE", help="reuse (or make) this SQLite file")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="report-bench-"))
    path = Path(args.keep) if args.keep else folder / "log.sqlite3"
    fresh = not path.exists()
    ctx = AppContext.open(f"sqlite:///{path}")
    seeded = seed(ctx, args.visits, args.week_visits) if fresh else 0.0
    visits = ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(Visit)))
    events = ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(ScanEvent)))
    week = parse_week(WEEK)
    quiet = parse_week("2026-W30")
    r = args.repeat

    baseline = timed(
        lambda: ctx.db.read(lambda s: s.scalar(select(func.count()).select_from(ScanEvent))), r
    )
    busy_figures = timed(lambda: compute(ctx.db, week), r)
    quiet_figures = timed(lambda: compute(ctx.db, quiet), r)
    rows = visit_rows(ctx.db, week)
    figures = compute(ctx.db, week)
    load_rows = timed(lambda: visit_rows(ctx.db, week), r)
    orm_rows = timed(lambda: ctx.log.visits_between(*week.bounds()), r)
    unit = unit_info(ctx.settings)
    build = timed(lambda: build_workbook(figures, rows, unit, lang="vi"), r)
    whole = timed(lambda: export_report(ctx, week, lang="vi"), r)
    size = len(export_report(ctx, week, lang="vi").content)
    ctx.close()

    lines = [
        "$ .venv/bin/python -m bench.bench_report"
        + (f" --visits {args.visits}" if args.visits != 500_000 else ""),
        f"SQLite log: {visits} visits, {events} scan events"
        + (f" (seeded in {seeded:.1f} s)" if fresh else " (reused)")
        + f"; file {path.stat().st_size / 1e6:.1f} MB",
        f"week {WEEK}: {figures.entries} entries, {figures.scans} scans, {len(rows)} visits",
        f"baseline, count(*) of all scan events: {baseline * 1000:.1f} ms",
        f"weekly figures (with the previous week), busy week: {busy_figures * 1000:.1f} ms "
        f"({busy_figures / baseline:.1f} x baseline; limit 1 s)",
        f"weekly figures (with the previous week), ordinary week {quiet.label}: "
        f"{quiet_figures * 1000:.1f} ms ({quiet_figures / baseline:.1f} x baseline)",
        f"Detail rows of the week ({len(rows)}), plain tuples: {load_rows * 1000:.0f} ms; "
        f"through VisitLog.visits_between (ORM): {orm_rows * 1000:.0f} ms",
        f"workbook from figures and rows: {build:.2f} s",
        f"whole export (figures + rows + workbook) of {len(rows)} visits: {whole:.2f} s "
        f"(limit 3 s); file {size / 1e6:.2f} MB",
        f"(median of {r} runs each; load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores: other work shared the machine)",
    ]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "report.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
