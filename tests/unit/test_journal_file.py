"""The desk's journal file damaged or held by another program: the desk still works, and
says what happened to the file and to the scan."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
from pathlib import Path

from tests.unit.test_outage import cli

REPO = Path(__file__).resolve().parents[2]
CARD = "001090000071||Nguyễn Văn Bảy|01011990|Nam|Hà Nội|01012021"
OTHER = "001090000072||Trần Thị Tám|01011990|Nữ|Hà Nội|01012021"


def _dead_server() -> str:
    """A server URL nothing listens on: every connection is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/desk"


def _cli(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        DESK_APP_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        DESK_APP_LANG="en",
        PYTHONPATH=str(REPO),
    )
    return cli(env, *argv)


def test_a_damaged_journal_is_set_aside_and_the_desk_goes_on(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    damaged = os.urandom(3000)
    (data / "journal.sqlite3").write_bytes(damaged)
    server = _dead_server()
    offline = _cli(tmp_path, "--db", server, "record", CARD)
    assert offline.returncode == 0, offline.stderr
    assert "kept on this desk (1 waiting" in offline.stdout
    aside = [p for p in data.iterdir() if p.name.startswith("journal.damaged-")]
    assert [p.read_bytes() for p in aside] == [damaged]  # kept for whoever can recover it
    listed = _cli(tmp_path, "--db", server, "journal", "list")
    assert listed.returncode == 0, listed.stderr
    assert "Nguyễn Văn Bảy" in listed.stdout
    assert str(aside[0]) in listed.stdout  # the operator is told where the old one went

    # Damaged again: a command that reaches the log is not stopped by it.
    (data / "journal.sqlite3").write_bytes(os.urandom(3000))
    log = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    online = _cli(tmp_path, "--db", log, "record", OTHER)
    assert online.returncode == 0, online.stderr
    assert "IN: Trần Thị Tám" in online.stdout
    assert len([p for p in data.iterdir() if p.name.startswith("journal.damaged-")]) == 2


def test_a_journal_held_by_another_program_is_said_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "journal.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode = WAL")
        holder.execute("CREATE TABLE held (x)")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO held VALUES (1)")
        offline = _cli(tmp_path, "--db", _dead_server(), "record", CARD)
    finally:
        holder.close()
    assert offline.returncode == 1
    assert "Unexpected error" not in offline.stderr
    assert str(path) in offline.stderr
    assert "a scan to keep was not kept" in offline.stderr
    assert _cli(tmp_path, "journal", "list").stdout.strip() == "0 scans waiting to be sent"


def test_a_kept_scan_waits_for_its_own_log(tmp_path: Path) -> None:
    """A scan kept for the shared log is not sent into another log the desk opens meanwhile
    (an old single-desk file looked at, a backup restored into a new file): it waits for the
    log it was meant for, and the journal says which one."""
    server = _dead_server()
    offline = _cli(tmp_path, "--db", server, "record", CARD)
    assert offline.returncode == 0, offline.stderr
    other = f"sqlite:///{tmp_path / 'old-desk.sqlite3'}"
    looked = _cli(tmp_path, "--db", other, "log")
    assert looked.returncode == 0, looked.stderr
    assert looked.stdout.strip().endswith("0 visits")
    flushed = _cli(tmp_path, "--db", other, "journal", "flush")
    assert "Sent 0 scans" in flushed.stdout and "1 kept for another log" in flushed.stdout
    listed = _cli(tmp_path, "--db", other, "journal", "list")
    assert "Nguyễn Văn Bảy" in listed.stdout
    assert "1 kept for another log" in listed.stdout and "127.0.0.1" in listed.stdout
    listed = _cli(tmp_path, "--db", server, "journal", "list")
    assert "Nguyễn Văn Bảy" in listed.stdout and "1 scans waiting" in listed.stdout


def test_the_journal_sends_each_entry_to_its_own_log(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from desk_app.context import AppContext
    from desk_app.storage.database import log_key
    from desk_app.storage.journal import Journal

    gate, side = (f"sqlite:///{tmp_path / name}.sqlite3" for name in ("gate", "side"))
    path = tmp_path / "journal.sqlite3"
    at = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    for url, card in ((gate, CARD), (side, OTHER)):
        Journal(path, log=log_key(url)).add(
            card, at=at, method="scanner", direction="auto", desk="Cổng", checkpoint="",
            debounce_seconds=10,
        )  # fmt: skip
    for url, name in ((gate, "Nguyễn Văn Bảy"), (side, "Trần Thị Tám")):
        ctx = AppContext.open(url, flush=False)
        ctx.journal = Journal(path, log=log_key(url))
        try:
            sent = ctx.flush_journal()
            assert [r.name for _, r in sent if r is not None] == [name]
            assert [v.name for v in ctx.log.inside()] == [name]
        finally:
            ctx.close()
    assert Journal(path).count() == 0


def test_a_checkpoint_the_log_cannot_keep_is_not_kept_offline(tmp_path: Path) -> None:
    """A desk file edited by hand into a checkpoint longer than the log keeps: the desk
    online ignores it (the unit's first checkpoint), and so does a scan kept offline."""
    import json

    from desk_app.storage.journal import Journal

    config = tmp_path / "config" / "desk-app"
    config.mkdir(parents=True)
    (config / "desk.json").write_text(json.dumps({"desk.checkpoint": "C" * 150}), "utf-8")
    offline = _cli(tmp_path, "--db", _dead_server(), "record", CARD)
    assert offline.returncode == 0, offline.stderr
    assert [e.checkpoint for e in Journal(tmp_path / "data" / "journal.sqlite3").entries()] == [""]


def test_a_data_folder_that_cannot_be_made_is_said_in_words(tmp_path: Path) -> None:
    """The desk's data folder (its journal, its log) cannot be made: a file stands in its
    place. With the server away too, the scan cannot be kept, and the desk says why."""
    (tmp_path / "data").write_text("not a folder", encoding="utf-8")
    for argv in (
        ("--db", _dead_server(), "record", CARD),
        ("log",),
        ("journal", "list"),
    ):
        done = _cli(tmp_path, *argv)
        assert done.returncode == 1, (argv, done)
        assert "Traceback" not in done.stderr
        assert f"data folder {tmp_path / 'data'} cannot be used" in done.stderr, done.stderr


def test_record_json_says_kept_in_json(tmp_path: Path) -> None:
    """A script reading ``record --json`` reads JSON during an outage too."""
    import json

    done = _cli(tmp_path, "--db", _dead_server(), "record", CARD, "--json")
    assert done.returncode == 0, done.stderr
    kept = json.loads(done.stdout)
    assert kept["outcome"] == "kept" and kept["waiting"] == 1 and kept["visit_id"] is None
    assert kept["method"] == "camera" and kept["at"]
