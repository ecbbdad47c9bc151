"""The live view's source: a visit recorded by another process is announced by its id."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desk_app.context import AppContext
from desk_app.storage.live import ChangeWatcher

REPO = Path(__file__).resolve().parents[2]
CCCD = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"


def record_elsewhere(url: str, *argv: str) -> int:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-m", "desk_app", "--db", url, "record", CCCD, "--json", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return int(json.loads(done.stdout)["visit_id"])


def wait_for(watcher: ChangeWatcher, visit_id: int) -> list[int]:
    seen: list[int] = []
    for _ in range(40):  # a bound, not a timing: each wait returns as soon as news arrives
        seen += watcher.wait(0.5)
        if visit_id in seen:
            break
    return seen


def test_another_process_s_visit_is_announced(db_url: str) -> None:
    AppContext.open(db_url).close()
    watcher = ChangeWatcher(db_url)
    try:
        assert watcher.wait(0.1) == []
        entered = record_elsewhere(db_url, "--at", "2026-11-23T08:00")
        assert entered in wait_for(watcher, entered)
        left = record_elsewhere(db_url, "--at", "2026-11-23T09:00")
        assert left == entered
        assert left in wait_for(watcher, left)  # the exit updates the same visit
        assert watcher.wait(0.1) == []
    finally:
        watcher.close()


def test_a_log_in_a_folder_named_with_url_signs_is_watched(tmp_path: Path) -> None:
    """A folder named "Cổng #2" or "100%": the watcher reads that very file (a "#" in an
    unquoted file URI cut the path there and opened another, new file)."""
    folder = tmp_path / "Cổng #2 100%"
    folder.mkdir()
    url = f"sqlite:///{folder / 'log.sqlite3'}"
    AppContext.open(url).close()
    watcher = ChangeWatcher(url)
    try:
        entered = record_elsewhere(url, "--at", "2026-11-23T08:00")
        assert entered in wait_for(watcher, entered)
    finally:
        watcher.close()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("Cổng ") and p != folder]
