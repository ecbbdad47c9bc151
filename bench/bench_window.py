"""Desk window speed and memory: start to live preview, 5,000 visits in a day, a long feed.

    .venv/bin/python -m bench.bench_window [--visits 5000] [--feed-seconds 120] [--runs 3]

Runs offscreen (QT_QPA_PLATFORM=offscreen unless set). Figures go to
bench/results/window.json and are printed. ``--feed-seconds 1800`` is the 30-minute run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RESULTS = Path(__file__).with_name("results")
ROOT = Path(__file__).resolve().parents[1]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def rss_mb() -> float:
    """Resident memory of this process (Linux /proc; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


# ----- start to live preview (a fresh process each run) --------------------------------------
def child_start(db_url: str) -> None:
    """In a fresh process: window up, demo feed opened; prints seconds to the first frame."""
    started = float(os.environ["BENCH_T0"])
    from PySide6.QtWidgets import QApplication

    from desk_app.context import AppContext
    from desk_app.ui.desk.sound import SoundPlayer
    from desk_app.ui.desk.sources import demo_feed_path
    from desk_app.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    ctx = AppContext.open(db_url)
    window = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    window.show()
    shown = time.time()

    def first_frame(_image: object) -> None:
        print(json.dumps({"to_window": shown - started, "to_live": time.time() - started}))
        window.close()

    window.feed.frame_ready.connect(first_frame)
    window.start_source(demo_feed_path())
    app.exec()
    ctx.close()


def bench_start(folder: Path, runs: int) -> dict[str, Any]:
    """The first run opens a new database (migrations); the others the same one, as a desk
    does every morning."""
    results = []
    for _run in range(runs + 1):
        env = dict(os.environ, DESK_APP_HOME=str(folder / "home"))
        env["BENCH_T0"] = repr(time.time())
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.bench_window",
                "--child-start",
                f"sqlite:///{folder / 'start.sqlite3'}",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    baseline = []
    for _ in range(runs):  # the same interpreter importing Qt and doing nothing: the floor
        t0 = time.time()
        subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets"], check=True)
        baseline.append(time.time() - t0)
    first, everyday = results[0], results[1:]
    live = [r["to_live"] for r in everyday]
    return {
        "runs": runs,
        "start_to_live_s_median": round(statistics.median(live), 3),
        "start_to_live_s_max": round(max(live), 3),
        "start_to_window_s_median": round(statistics.median(r["to_window"] for r in everyday), 3),
        "first_start_new_database_to_live_s": round(first["to_live"], 3),
        "baseline_python_and_qt_import_s": round(statistics.median(baseline), 3),
    }


# ----- 5,000 visits in one day ---------------------------------------------------------------
def bench_day(folder: Path, visits: int) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from bench.seed import seed
    from desk_app.context import AppContext
    from desk_app.domain.visits import Method
    from desk_app.timeutil import local_day_bounds, local_today
    from desk_app.ui.desk.sound import SoundPlayer
    from desk_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ctx = AppContext.open(f"sqlite:///{folder / 'day.sqlite3'}")
    start, _end = local_day_bounds(local_today())
    now = datetime.now(UTC)
    span_days = max((now - start).total_seconds() / 86400, 0.01)
    seed(ctx.db, visits, end=now - timedelta(seconds=5), days=span_days)

    t0 = time.perf_counter()
    window = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    open_ms = (time.perf_counter() - t0) * 1000
    rows = window.visits.model.rowCount()

    def settle() -> None:
        QCoreApplication.processEvents()
        window.visits.table.viewport().repaint()

    def timed(action: Any) -> float:
        t = time.perf_counter()
        action()
        settle()
        return (time.perf_counter() - t) * 1000

    baseline = [timed(lambda: None) for _ in range(20)]  # a repaint of the unfiltered table
    # A keystroke (the field repaints; the filter waits for a pause in typing), then the
    # filter pass that follows the pause, for every prefix of a few queries.
    keystrokes, passes = [], []
    panel = window.visits
    for query in ("nguoi 123", "người 4", "001000", "zzzz"):
        panel.search.clear()
        settle()
        for i in range(1, len(query) + 1):
            keystrokes.append(timed(lambda i=i, q=query: panel.search.setText(q[:i])))
            passes.append(timed(panel.apply_filter))
        passes.append(timed(panel.search.clear))
    scroll_bar = window.visits.table.verticalScrollBar()
    scrolls = []
    for step in range(0, scroll_bar.maximum() + 1, max(1, scroll_bar.maximum() // 200)):
        scrolls.append(timed(lambda s=step: scroll_bar.setValue(s)))
    reload_ms = [timed(window.today.reload) for _ in range(5)]
    # A new scan with 5,000 rows on screen: log write + table + inside list + counters.
    codes = [
        f"0010{90 + i % 10:02d}{i:06d}||Khách {i}|01011990|Nam|Hà Nội|01012021" for i in range(300)
    ]
    scan_ms = [timed(lambda c=c: window.controller.submit_text(c, Method.SCANNER)) for c in codes]
    write_ms = list(window.controller.write_ms)
    window.close()
    ctx.close()
    return {
        "visits_today": rows,
        "open_window_ms": round(open_ms, 1),
        "baseline_repaint_ms_median": round(statistics.median(baseline), 2),
        "keystroke_ms_median": round(statistics.median(keystrokes), 2),
        "keystroke_ms_slowest": round(max(keystrokes), 2),
        "filter_pass_ms_median": round(statistics.median(passes), 2),
        "filter_pass_ms_slowest": round(max(passes), 2),
        "filter_passes": len(passes),
        "scroll_step_ms_median": round(statistics.median(scrolls), 2),
        "scroll_step_ms_slowest": round(max(scrolls), 2),
        "reload_day_ms_median": round(statistics.median(reload_ms), 1),
        "scan_handled_ms_median": round(statistics.median(scan_ms), 2),
        "scan_handled_ms_p95": round(percentile(scan_ms, 0.95), 2),
        "db_write_ms_median": round(statistics.median(write_ms), 2),
        "db_write_ms_p95": round(percentile(write_ms, 0.95), 2),
    }


# ----- memory over a long feed ---------------------------------------------------------------
def bench_feed(folder: Path, seconds: float) -> dict[str, Any]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desk_app.context import AppContext
    from desk_app.ui.desk.sound import SoundPlayer
    from desk_app.ui.desk.sources import demo_feed_path
    from desk_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ctx = AppContext.open(f"sqlite:///{folder / 'feed.sqlite3'}")
    ctx.settings.set("scan.debounce_seconds", 10)
    window = MainWindow(ctx, sound=SoundPlayer(enabled=False))
    window.show()
    samples: list[tuple[float, float]] = []
    t0 = time.monotonic()
    first: dict[str, float] = {}

    def sample() -> None:
        elapsed = time.monotonic() - t0
        if window.camera_panel.preview.frames_shown and "t" not in first:
            first["t"] = elapsed
        samples.append((round(elapsed, 1), round(rss_mb(), 1)))
        if elapsed >= seconds:
            window.close()

    timer = QTimer()
    timer.timeout.connect(sample)
    timer.start(5000)
    window.start_source(demo_feed_path())  # loops at its own frame rate
    sample()
    app.exec()
    frames = window.camera_panel.preview.frames_shown
    recorded = len(ctx.log.visits_on(window.today.day))
    ctx.close()
    after_first = [s for s in samples if s[0] >= 10] or samples
    return {
        "feed_seconds": seconds,
        "frames_shown": frames,
        "preview_fps": round(frames / max(samples[-1][0], 1), 1),
        "visits_recorded": recorded,
        "rss_mb_start_live": after_first[0][1],
        "rss_mb_end": samples[-1][1],
        "rss_mb_max": max(s[1] for s in samples),
        "rss_samples": samples,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=5000)
    parser.add_argument("--feed-seconds", type=float, default=120)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip", action="append", default=[], choices=["start", "day", "feed"])
    parser.add_argument("--child-start", metavar="DB_URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_start:
        child_start(args.child_start)
        return
    out = RESULTS / "window.json"
    # Sections not run this time keep their last figures.
    figures: dict[str, Any] = json.loads(out.read_text()) if out.exists() else {}
    figures["machine"] = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    figures["load_average_at_start"] = round(os.getloadavg()[0], 2)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["DESK_APP_HOME"] = str(folder / "home")
        if "start" not in args.skip:
            figures["start"] = bench_start(folder, args.runs)
            print(json.dumps(figures["start"]))
        if "day" not in args.skip:
            figures["day"] = bench_day(folder, args.visits)
            print(json.dumps(figures["day"]))
        if "feed" not in args.skip:
            figures["feed"] = bench_feed(folder, args.feed_seconds)
            print(json.dumps({k: v for k, v in figures["feed"].items() if k != "rss_samples"}))
    RESULTS.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
