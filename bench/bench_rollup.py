"""Roll-up speed: the province's 856 scan points (the directive's count) rolled up for a week.

    .venv/bin/python -m bench.bench_rollup [--points 856] [--cache DIR]

The units' workbooks are made once with the real report code and kept in a cache folder
(``DIR``, by default in the temporary folder): a few unit databases are filled through the
recording path with different weeks (busy, quiet, zero), and each point's workbook is built
from one of them under its own code. 120 points send nothing (as in the directive), a few
files do not count (unknown code, another week, broken). Then, on a fresh province database:
the first roll-up of all files with the province workbook and the letter, and a second
run with nothing new (every file known by its size and times, the outputs by what they
were drawn from). The same two runs again as the user makes them, ``desk-app rollup ...``
in a new process on a new province database, with the workbook and the letter written.
Baselines, timed in the same run: reading every file's bytes, and ``desk-app --version``
(the interpreter and the command line's imports). ``--compare DIR`` times the commands of
another checkout too (e.g. an earlier revision, ``git archive REV | tar -x -C DIR``), on
the same files, taking turns with this one.
Figures go to bench/results/rollup.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desk_app import __version__
from desk_app.context import AppContext
from desk_app.domain.week import parse_week
from desk_app.reports.weekly import compute, visit_rows
from desk_app.reports.workbook import UnitInfo, build_workbook
from desk_app.rollup.outputs import output_bytes
from desk_app.rollup.province import roll_up
from desk_app.rollup.register import read_register
from desk_app.storage.database import Database

RESULTS = Path(__file__).with_name("results")
ROOT = Path(__file__).resolve().parent.parent
# The units' workbooks are remade when the code that writes them changes.
WRITERS = ("reports/workbook.py", "reports/report_data.py", "reports/weekly.py")
WEEK = "2021-W41"
MONDAY = datetime(2021, 10, 11, 0, 30, tzinfo=UTC)  # 07:30 in Vietnam
DISTRICTS = [
    "Ba Bể",
    "Bạch Thông",
    "Chợ Đồn",
    "Chợ Mới",
    "Na Rì",
    "Ngân Sơn",
    "Pác Nặm",
    "TP Bắc Kạn",
]
MISSING = 120
# Visits per unit database, this week and the week before.
PROFILES = [(0, 5), (0, 0), (3, 8), (12, 10), (25, 30), (60, 40), (120, 150), (8, 2)]


def _card(serial: int) -> str:
    return f"00109{serial:07d}||Người Thử {serial}|01011990|Nam|Bắc Kạn|01012021"


def _unit_figures(folder: Path) -> list[tuple[object, list[object]]]:
    """(figures, detail rows) of each profile, recorded through the real recording path."""
    out: list[tuple[object, list[object]]] = []
    serial = 0
    for index, (this_week, last_week) in enumerate(PROFILES):
        ctx = AppContext.open(f"sqlite:///{folder / f'unit-{index}.sqlite3'}")
        rng = random.Random(index)
        for week_start, count in ((MONDAY - timedelta(days=7), last_week), (MONDAY, this_week)):
            for _ in range(count):
                serial += 1
                start = week_start + timedelta(days=rng.randrange(7), hours=rng.uniform(0, 9))
                manual = rng.random() < 0.15
                identity = ctx.parse(_card(serial))
                ctx.log.record_scan(identity, method="manual" if manual else "camera", at=start)
                ctx.log.record_scan(identity, at=start + timedelta(minutes=rng.randint(5, 90)))
        period = parse_week(WEEK)
        out.append((compute(ctx.db, period), list(visit_rows(ctx.db, period))))
        ctx.close()
    return out


def prepare(cache: Path, points: int) -> tuple[Path, Path]:
    """The register and the folder of reports, made once per size and version."""
    writers = hashlib.sha256()
    for name in WRITERS:
        writers.update((ROOT / "desk_app" / name).read_bytes())
    root = cache / f"{__version__}-{writers.hexdigest()[:10]}-{points}"
    register, inbox = root / "register.csv", root / "inbox"
    if (root / "done").exists():
        return register, inbox
    inbox.mkdir(parents=True, exist_ok=True)
    rng = random.Random(856)
    made = _unit_figures(root)
    lines = ["Mã điểm;Tên điểm;Huyện;Loại"]
    senders = set(rng.sample(range(points), points - MISSING))
    made_at = datetime(2021, 10, 15, 8, 0, tzinfo=UTC)
    for n in range(points):
        code = f"BKN-{n + 1:04d}"
        district = DISTRICTS[n % len(DISTRICTS)]
        name = f"Điểm quét mã số {n + 1}"
        lines.append(f"{code};{name};{district};cơ quan")
        if n not in senders:
            continue
        figures, rows = made[rng.randrange(len(made))]
        content = build_workbook(
            figures,  # type: ignore[arg-type]
            rows,  # type: ignore[arg-type]
            UnitInfo(agency="UBND huyện", name=name, place="Bắc Kạn", code=code),
            made_at=made_at,
        )
        (inbox / district / f"{code}.xlsx").parent.mkdir(exist_ok=True)
        (inbox / district / f"{code}.xlsx").write_bytes(content)
    figures, rows = made[3]
    stranger = UnitInfo(name="Điểm lạ", code="XYZ-1")
    (inbox / "la.xlsx").write_bytes(build_workbook(figures, rows, stranger, made_at=made_at))  # type: ignore[arg-type]
    (inbox / "hong.xlsx").write_bytes(b"PK\x03\x04 broken")
    register.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "done").write_text("ok")
    return register, inbox


def _command(checkout: Path, args: list[str]) -> float:
    """Seconds for ``desk-app ARGS`` in a new process, from ``checkout``'s code."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "desk_app", *args],
        env=env,
        cwd=checkout,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - t0


def commands(
    checkouts: dict[str, Path], register: Path, inbox: Path, work: Path, repeat: int
) -> dict[str, dict[str, object]]:
    """``desk-app rollup`` of each checkout on its own new database, with both outputs
    written: the first run, then the second run (nothing new) ``repeat`` times, the
    checkouts taking turns so that a busy moment of the machine falls on both; medians."""
    args: dict[str, list[str]] = {}
    for name in checkouts:
        folder = work / name
        folder.mkdir()
        url = f"sqlite:///{folder / 'province.sqlite3'}"
        args[name] = ["--db", url, "rollup", "--register", str(register), "--week", WEEK]
        args[name] += ["--out", str(folder / "tinh.xlsx"), "--letter", str(folder / "cv.docx")]
        args[name].append(str(inbox))
    first = {name: _command(checkout, args[name]) for name, checkout in checkouts.items()}
    seconds: dict[str, list[float]] = {name: [] for name in checkouts}
    versions: dict[str, list[float]] = {name: [] for name in checkouts}
    for _ in range(repeat):
        for name, checkout in checkouts.items():
            seconds[name].append(_command(checkout, args[name]))
            versions[name].append(_command(checkout, ["--version"]))
    return {
        name: {
            "first": round(first[name], 2),
            "second_median": round(statistics.median(seconds[name]), 2),
            "second_all": [round(x, 2) for x in seconds[name]],
            "version_command_median": round(statistics.median(versions[name]), 2),
        }
        for name in checkouts
    }


def run(points: int, cache: Path, compare: Path | None, repeat: int) -> dict[str, object]:
    started = time.perf_counter()
    register_path, inbox = prepare(cache, points)
    prepared = time.perf_counter() - started
    files = sorted(p for p in inbox.rglob("*.xlsx"))
    t0 = time.perf_counter()
    total_bytes = sum(len(p.read_bytes()) for p in files)
    read_all = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as work:
        db = Database(f"sqlite:///{Path(work) / 'province.sqlite3'}")
        register = read_register(register_path)
        period = parse_week(WEEK)
        t0 = time.perf_counter()
        first = roll_up(db, register, period, [inbox])
        rolled = time.perf_counter() - t0
        workbook = output_bytes(db, "xlsx", first)
        letter = output_bytes(db, "docx", first)
        first_total = time.perf_counter() - t0
        t0 = time.perf_counter()
        second = roll_up(db, register, period, [inbox])
        second_rolled = time.perf_counter() - t0
        assert output_bytes(db, "xlsx", second) == workbook
        assert output_bytes(db, "docx", second) == letter
        second_total = time.perf_counter() - t0
        db.dispose()
    checkouts = {"this": ROOT} | ({"compared": compare} if compare is not None else {})
    with tempfile.TemporaryDirectory() as work:
        command = commands(checkouts, register_path, inbox, Path(work), repeat)
    assert second.to_json()["scans"] == first.to_json()["scans"]
    return {
        "points": points,
        "files": len(files),
        "megabytes": round(total_bytes / 1e6, 1),
        "reported": first.reported,
        "zero": first.zero,
        "missing": first.missing,
        "unmatched": len(first.unmatched),
        "scans": first.scans,
        "prepare_seconds_first_time_only": round(prepared, 1),
        "baseline_read_all_files_seconds": round(read_all, 3),
        "first_run_seconds": round(first_total, 2),
        "first_run_roll_up_seconds": round(rolled, 2),
        "second_run_nothing_new_seconds": round(second_total, 2),
        "second_run_roll_up_seconds": round(second_rolled, 2),
        "second_run_over_reading_files": round(second_total / max(read_all, 1e-9), 1),
        "command": command["this"],
        "compared_command": (
            {"checkout": str(compare)} | command["compared"] if compare is not None else {}
        ),
        "province_workbook_kb": len(workbook) // 1024,
        "letter_kb": len(letter) // 1024,
        "targets": {"first_run_seconds": 20, "second_run_seconds": 2},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--points", type=int, default=856)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "desk_app_bench_rollup"
    )
    parser.add_argument(
        "--compare", type=Path, help="another checkout whose command is timed on the same files"
    )
    parser.add_argument("--repeat", type=int, default=5, help="second runs of each command")
    args = parser.parse_args()
    figures = run(args.points, args.cache, args.compare, args.repeat)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "rollup.json").write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n")
    print(json.dumps(figures, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
