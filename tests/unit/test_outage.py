"""Working through outages: scans kept on the desk while the server is away, sent once after.

These tests run a PostgreSQL server of their own (stopped and started at will), never the
shared one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from desk_app.context import AppContext
from desk_app.domain.visits import ManualEntry
from desk_app.storage.journal import (
    CHECK_OUT,
    CONFLICT,
    MANUAL,
    Journal,
    check_out_data,
    manual_data,
    replay,
)
from desk_app.storage.schema import ScanEvent, Visit
from desk_app.storage.visit_log import VisitLog
from tests.own_postgres import OwnPostgres

REPO = Path(__file__).resolve().parents[2]


NAMES = ("An", "Bình", "Cường", "Dung", "Em", "Giang", "Hải", "Lan")


def person(i: int) -> str:
    return f"0010900{i:05d}||Nguyễn Văn {NAMES[i]}|01011990|Nam|Hà Nội|01012021"


@pytest.fixture(scope="module")
def server() -> Iterator[OwnPostgres]:
    try:
        pg = OwnPostgres()
    except (RuntimeError, subprocess.CalledProcessError, OSError) as exc:
        pytest.skip(f"no PostgreSQL server of the test's own: {exc}")
    pg.start()
    yield pg
    pg.remove()


@pytest.fixture
def url(server: OwnPostgres, request: pytest.FixtureRequest) -> str:
    """A new database on the test's own server, which is running."""
    try:
        server.start()
    except subprocess.CalledProcessError:
        pass  # already running
    name = "desk_" + request.node.name.replace("[", "_").replace("]", "").lower()[:40]
    engine = create_engine(server.url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server.url.rsplit("/", 1)[0] + "/" + name


def desk_env(tmp_path: Path, desk: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DESK_APP_HOME=str(tmp_path / desk / "data"),
        XDG_CONFIG_HOME=str(tmp_path / desk / "config"),
        DESK_APP_LANG="en",
        PYTHONPATH=str(REPO),
    )
    return env


def cli(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desk_app", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def events(url: str) -> list[tuple[str, str, str | None, str]]:
    """(person name or '', outcome, journal id, reason) of every scan event, in time order."""
    ctx = AppContext.open(url, flush=False)
    try:
        rows = ctx.db.read(
            lambda s: s.execute(
                text(
                    "SELECT coalesce(p.name, ''), e.outcome, e.journal_id, e.reason "
                    "FROM scan_events e LEFT JOIN people p ON p.id = e.person_id "
                    "ORDER BY e.at, e.id"
                )
            ).all()
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]
    finally:
        ctx.close()


@pytest.mark.slow
def test_server_stopped_mid_stream_then_the_journal_drains_once(
    server: OwnPostgres, url: str, tmp_path: Path
) -> None:
    env = desk_env(tmp_path, "gate")
    child = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "unit" / "stream_child.py"), url],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    plan = [(0, "08:00"), (1, "08:01"), (2, "08:02"), (3, "08:03"), (0, "08:04"), (4, "08:05")]
    answers = []
    try:
        for number, (who, clock) in enumerate(plan):
            if number == 3:
                server.stop()  # mid-stream: the next scans cannot reach the server
            child.stdin.write(f"{person(who)}\t2026-11-23T{clock}\n")
            child.stdin.flush()
            answers.append(child.stdout.readline().rstrip("\n").split("\t"))
    finally:
        child.kill()  # the desk is closed (killed) while the scans are still kept
        child.wait(timeout=30)
    assert [code for code, _ in answers] == ["0"] * 6
    assert all("kept on this desk" in line for _, line in answers[3:]), answers
    assert "(3 waiting" in answers[-1][1]
    listed = cli(env, "journal", "list")
    assert listed.returncode == 0 and "3 scans waiting" in listed.stdout
    assert "Nguyễn Văn Dung" in listed.stdout

    server.start()
    # A desk killed half-way through a flush: the first kept scan reached the log, but the
    # desk never struck it from its journal.
    journal = Journal(tmp_path / "gate" / "data" / "journal.sqlite3")
    first = journal.entries()[0]
    ctx = AppContext.open(url, flush=False)
    replay(VisitLog(ctx.db), first, ctx.parse(first.text))
    ctx.close()

    flushed = cli(env, "--db", url, "journal", "flush")
    assert flushed.returncode == 0, flushed.stderr
    assert "Sent 2 scans (0 conflicts, 1 sent before)" in flushed.stdout
    assert journal.count() == 0

    got = events(url)
    assert [(name, outcome) for name, outcome, _, _ in got] == [
        ("Nguyễn Văn An", "entry"),
        ("Nguyễn Văn Bình", "entry"),
        ("Nguyễn Văn Cường", "entry"),
        ("Nguyễn Văn Dung", "entry"),
        ("Nguyễn Văn An", "exit"),
        ("Nguyễn Văn Em", "entry"),
    ]
    journal_ids = [jid for _, _, jid, _ in got]
    assert journal_ids[:3] == [None] * 3 and len(set(journal_ids[3:])) == 3
    assert None not in journal_ids[3:]

    # Nothing left: a second flush sends nothing.
    again = cli(env, "--db", url, "journal", "flush")
    assert "Sent 0 scans (0 conflicts, 0 sent before)" in again.stdout


@pytest.mark.slow
def test_a_kept_scan_overtaken_at_another_desk_is_a_recorded_conflict(
    server: OwnPostgres, url: str, tmp_path: Path
) -> None:
    side, main_gate = desk_env(tmp_path, "side"), desk_env(tmp_path, "main")
    assert cli(side, "--db", url, "config", "set", "desk.name", "Cổng phụ").returncode == 0
    entered = cli(main_gate, "--db", url, "record", person(7), "--at", "2026-11-23T08:00")
    assert entered.returncode == 0, entered.stderr

    server.stop()  # the side gate's network is down
    kept = cli(side, "--db", url, "record", person(7), "--at", "2026-11-23T09:00")
    assert kept.returncode == 0 and "kept on this desk" in kept.stdout, kept.stderr
    server.start()
    # Meanwhile the person left through the main gate, later than the side gate's scan.
    left = cli(main_gate, "--db", url, "record", person(7), "--at", "2026-11-23T09:30")
    assert left.returncode == 0 and left.stdout.startswith("OUT"), left.stdout

    # Any command of the side desk that reaches the server sends its journal first.
    listed = cli(side, "--db", url, "log", "--json")
    assert listed.returncode == 0, listed.stderr
    assert Journal(tmp_path / "side" / "data" / "journal.sqlite3").count() == 0
    got = events(url)
    assert [(outcome, reason) for _, outcome, _, reason in got] == [
        ("entry", ""),
        ("rejected", CONFLICT),
        ("exit", ""),
    ]
    assert got[1][2] is not None  # the kept scan's id travels with it
    ctx = AppContext.open(url, flush=False)
    try:
        visits = ctx.db.read(lambda s: s.execute(select(Visit.exit_at)).all())
        desks = ctx.db.read(lambda s: s.scalars(select(ScanEvent.desk)).all())
    finally:
        ctx.close()
    assert visits == [(datetime(2026, 11, 23, 2, 30, tzinfo=UTC),)]
    assert "Cổng phụ" in desks


def kept(journal: Journal, kind: str, data: str, clock: str, direction: str = "in") -> None:
    """What the desk's controller keeps for a manual entry or a check-out during an outage."""
    journal.add(
        "",
        at=datetime.fromisoformat(f"2026-11-23T{clock}+07:00"),
        method="manual",
        direction=direction,
        desk="Cổng phụ",
        checkpoint="Cổng phụ",
        debounce_seconds=10,
        kind=kind,
        data=data,
    )


@pytest.mark.slow
def journal_listing(capsys: pytest.CaptureFixture[str]) -> str:
    from desk_app.cli.desks import cmd_journal_list

    assert cmd_journal_list(argparse.Namespace(db=None)) == 0
    return capsys.readouterr().out


def test_kept_manual_entries_and_check_outs_are_decided_again_in_order(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Sent after the outage in the order they were made, each decided against the log as
    it is then; what the log has moved past meanwhile is a recorded conflict."""
    ctx = AppContext.open(url)
    try:
        at = datetime.fromisoformat
        an = ctx.log.record_scan(ctx.parse(person(0)), at=at("2026-11-23T08:00+07:00"))
        binh = ctx.log.record_scan(ctx.parse(person(1)), at=at("2026-11-23T08:05+07:00"))
        assert an.visit_id is not None and binh.visit_id is not None
        cuong = ManualEntry(name="Lê Văn Cường", id_number="001090000099", phone="0912 345 678")
        dung = ManualEntry(name="Phạm Thị Dung", id_number="B1234567")

        # Kept on the side desk while it could not reach the server:
        kept(ctx.journal, CHECK_OUT, check_out_data(an.visit_id), "09:00")
        kept(ctx.journal, MANUAL, manual_data(cuong.cleaned()), "09:10")
        kept(ctx.journal, CHECK_OUT, check_out_data(binh.visit_id), "09:15")
        kept(ctx.journal, MANUAL, manual_data(dung.cleaned()), "09:20", direction="out")
        listing = journal_listing(capsys)
        assert "Lê Văn Cường" in listing and "Phạm Thị Dung" in listing
        assert f"check-out (visit {an.visit_id})" in listing and "4 scans waiting" in listing
        # Meanwhile, at the main gate: An left later than the side desk's check-out.
        ctx.log.record_scan(ctx.parse(person(0)), at=at("2026-11-23T09:30+07:00"))

        done = ctx.flush_journal()
        assert ctx.journal.count() == 0
        results = [r for _, r in done]
        assert [(r.outcome.value, r.reason) for r in results if r] == [
            ("rejected", CONFLICT),  # An's check-out: the visit ended later, at the main gate
            ("entry", None),
            ("exit", None),
            ("exit", None),  # Dung let out though never seen coming in (with its warning)
        ]
        assert "exit_without_entry" in results[3].warnings  # type: ignore[union-attr]
        got = events(url)
        assert [(name, outcome, reason) for name, outcome, _, reason in got] == [
            ("Nguyễn Văn An", "entry", ""),
            ("Nguyễn Văn Bình", "entry", ""),
            ("Nguyễn Văn An", "rejected", CONFLICT),
            ("Lê Văn Cường", "entry", ""),
            ("Nguyễn Văn Bình", "exit", ""),
            ("Phạm Thị Dung", "exit", ""),
            ("Nguyễn Văn An", "exit", ""),
        ]
        assert all(jid for _, outcome, jid, _ in got[2:6])
        binh_visit = ctx.log.visit(binh.visit_id)
        assert binh_visit is not None and binh_visit.exit_method == "checkout"
        assert binh_visit.exit_at == at("2026-11-23T09:15+07:00")
        assert ctx.log.history("001090000099")[0].phone == "0912345678"
        # Nothing is left to send.
        assert ctx.flush_journal() == []
    finally:
        ctx.close()


def test_a_journal_kept_by_an_earlier_version_is_read_and_made_private(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "journal.sqlite3"
    with sqlite3.connect(path) as conn:  # scans only, no kind of entry, readable by all
        conn.execute(
            "CREATE TABLE journal (seq INTEGER PRIMARY KEY AUTOINCREMENT, journal_id TEXT NOT"
            " NULL UNIQUE, at TEXT NOT NULL, text TEXT NOT NULL, method TEXT NOT NULL,"
            " direction TEXT NOT NULL, desk TEXT NOT NULL, checkpoint TEXT NOT NULL,"
            " debounce_seconds REAL NOT NULL)"
        )
        conn.execute(
            "INSERT INTO journal VALUES (1, 'j1', '2026-11-23T01:00:00+00:00', ?, 'scanner',"
            " 'auto', 'Cổng', '', 10)",
            (person(2),),
        )
    conn.close()
    path.chmod(0o644)
    journal = Journal(path)
    assert [(e.kind, e.text) for e in journal.entries()] == [("scan", person(2))]
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_sent_scan_leaves_no_readable_trace_in_the_journal_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    connect = sqlite3.connect

    def built_without_secure_delete(*args: object, **kwargs: object) -> sqlite3.Connection:
        # Debian's SQLite overwrites deleted rows by default; Python's own builds do not.
        conn = connect(*args, **kwargs)  # type: ignore[arg-type]
        conn.execute("PRAGMA secure_delete = OFF")
        return conn

    monkeypatch.setattr(sqlite3, "connect", built_without_secure_delete)
    path = tmp_path / "journal.sqlite3"
    journal = Journal(path)
    at = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    for i in (3, 4):
        journal.add(
            person(i),
            at=at,
            method="scanner",
            direction="auto",
            desk="Cổng",
            checkpoint="",
            debounce_seconds=10,
        )
    sent, kept = journal.entries()
    journal.remove(sent.journal_id)

    files = [p for p in tmp_path.iterdir() if p.name.startswith("journal.sqlite3")]
    held = b"".join(p.read_bytes() for p in files)
    assert "Nguyễn Văn Em".encode() in held  # the scan still waiting is kept
    assert "Nguyễn Văn Dung".encode() not in held
    assert b"001090000003" not in held
    assert [e.journal_id for e in journal.entries()] == [kept.journal_id]


def test_a_kept_scan_in_conflict_names_its_person(db_url: str) -> None:
    """The conflict is the person's: it is in their record (and goes with their deletion),
    not an anonymous rejected line nobody can place."""
    ctx = AppContext.open(db_url)
    try:
        at = datetime.fromisoformat
        ctx.log.record_scan(ctx.parse(person(7)), at=at("2026-11-23T08:00+07:00"))
        ctx.journal.add(
            person(7),
            at=at("2026-11-23T09:00+07:00"),
            method="camera",
            direction="auto",
            desk="Cổng phụ",
            checkpoint="Cổng phụ",
            debounce_seconds=10,
        )
        ctx.log.record_scan(ctx.parse(person(7)), at=at("2026-11-23T09:30+07:00"))
        [(_, result)] = ctx.flush_journal()
        assert result is not None and result.reason == CONFLICT
        got = events(db_url)
        assert [(name, outcome, reason) for name, outcome, _, reason in got] == [
            ("Nguyễn Văn Lan", "entry", ""),
            ("Nguyễn Văn Lan", "rejected", CONFLICT),
            ("Nguyễn Văn Lan", "exit", ""),
        ]
        shown = ctx.log.people.record("001090000007")
        assert [e["reason"] for e in shown.scan_events] == ["", CONFLICT, ""]
    finally:
        ctx.close()
