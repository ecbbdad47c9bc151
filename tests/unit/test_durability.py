"""Nothing reported as recorded is lost: a killed process, two processes on one file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app.context import AppContext

CHILD = Path(__file__).with_name("recorder_child.py")
REPO = Path(__file__).resolve().parents[2]


def _spawn(url: str, prefix: str, count: int) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, str(CHILD), url, prefix, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_sigkill_while_recording_loses_no_reported_scan(tmp_path: Path) -> None:
    db_file = tmp_path / "log.sqlite3"
    url = f"sqlite:///{db_file}"
    AppContext.open(url).close()  # migrate first, so the child starts recording at once
    child = _spawn(url, "001", 100_000)
    reported: list[int] = []
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("recorded "):
            reported.append(int(line.split()[1]))
        if len(reported) >= 150:
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    conn = sqlite3.connect(db_file)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in conn.execute("SELECT id FROM visits")}
    finally:
        conn.close()
    assert set(reported) <= stored
    assert len(reported) >= 150


def test_two_processes_recording_into_one_file_lose_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    AppContext.open(url).close()
    count = 150
    children = [_spawn(url, "001", count), _spawn(url, "079", count)]
    outputs = [child.communicate(timeout=300) for child in children]
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert "locked" not in err.lower() and "locked" not in out.lower()
        assert out.count("recorded ") == count
    ctx = AppContext.open(url)
    with ctx.db.engine.connect() as conn:
        from sqlalchemy import text

        assert conn.execute(text("SELECT count(*) FROM visits")).scalar() == 2 * count
        assert conn.execute(text("SELECT count(DISTINCT person_id) FROM visits")).scalar() == (
            2 * count
        )
    ctx.close()


def test_a_locked_database_is_explained_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desk_app.storage import database
    from desk_app.storage.database import DatabaseError

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    db_file = tmp_path / "locked.sqlite3"
    ctx = AppContext.open(f"sqlite:///{db_file}")
    payload = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
    other = sqlite3.connect(db_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(DatabaseError) as caught:
            ctx.log.record_scan(ctx.parse(payload))
        assert "busy" in str(caught.value).lower()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert ctx.log.record_scan(ctx.parse(payload)).outcome.value == "entry"
    assert len(ctx.log.inside()) == 1
    ctx.close()
