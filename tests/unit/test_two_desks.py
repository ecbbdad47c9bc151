"""Two desks scanning the same person at the same moment make one entry and one repeat:
the database decides (a lock per write and a unique open visit per person), not timing."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text

from desk_app.context import AppContext
from desk_app.domain.rules import ScanFacts
from desk_app.domain.visits import Outcome, person_key
from desk_app.storage.database import PERSON_LOCK_CLASS, WRITE_LOCK, person_lock_key
from desk_app.storage.recorder import Recorder

CHILD = Path(__file__).with_name("same_people_child.py")
REPO = Path(__file__).resolve().parents[2]
CARD = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def test_two_desk_processes_scanning_the_same_people_make_one_entry_each(
    db_url: str, tmp_path: Path
) -> None:
    AppContext.open(db_url).close()  # migrated before the desks start
    go = tmp_path / "go"
    count = 60
    env = dict(os.environ, PYTHONPATH=str(REPO))
    desks = [
        subprocess.Popen(
            [sys.executable, str(CHILD), db_url, str(go), str(count), str(n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(2)
    ]
    readies = [go.with_suffix(f".ready{n}") for n in range(2)]
    try:
        while not all(path.exists() for path in readies):
            for desk in desks:
                assert desk.poll() is None, desk.communicate()[1]
        go.touch()
        outputs = [desk.communicate(timeout=300) for desk in desks]
    finally:
        for desk in desks:
            if desk.poll() is None:
                desk.kill()
    outcomes: dict[int, list[str]] = {i: [] for i in range(count)}
    for desk, (out, err) in zip(desks, outputs, strict=True):
        assert desk.returncode == 0, err
        for line in out.splitlines():
            number, outcome, _visit = line.split()
            outcomes[int(number)].append(outcome)
    assert all(sorted(pair) == ["entry", "repeat"] for pair in outcomes.values()), outcomes
    ctx = AppContext.open(db_url)
    try:
        per_person = ctx.db.read(
            lambda s: s.execute(
                text("SELECT person_id, count(*) FROM visits GROUP BY person_id")
            ).all()
        )
        assert len(per_person) == count
        assert Counter(n for _person, n in per_person) == {1: count}
    finally:
        ctx.close()


def test_an_entry_decided_on_a_stale_read_becomes_a_repeat(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even when a desk's read missed the other desk's entry, the unique open visit per
    person refuses the second entry; the scan is decided again on fresh facts."""
    ctx = AppContext.open(db_url)
    try:
        first = ctx.log.record_scan(ctx.parse(CARD), at=T0)
        assert first.outcome is Outcome.ENTRY
        real = Recorder._person_facts
        stale = {"left": 1}

        def facts(self: Recorder, session: object, person_id: int) -> ScanFacts:
            if stale["left"]:
                stale["left"] -= 1
                return ScanFacts()  # as if nobody were inside and never seen
            return real(self, session, person_id)  # type: ignore[arg-type]

        monkeypatch.setattr(Recorder, "_person_facts", facts)
        second = ctx.log.record_scan(ctx.parse(CARD), at=T0 + timedelta(seconds=1))
        assert stale["left"] == 0
        assert (second.outcome, second.visit_id) == (Outcome.REPEAT, first.visit_id)
        assert [v.id for v in ctx.log.inside()] == [first.visit_id]
    finally:
        ctx.close()


OTHER = "001090654321||Trần Thị Bình|02021991|Nữ|Hà Nội|01012021"


def test_desks_scanning_different_people_do_not_wait_for_each_other(pg_url: str) -> None:
    """A desk in the middle of recording one person holds that person only: a scan of
    someone else goes through, a scan of the same person waits for it. (PostgreSQL only:
    a SQLite file has one writer at a time.)"""
    db_url = pg_url
    # A scan that waits for a lock gives up after 20 s (an error, not a hung test).
    desk_url = db_url + ("&" if "?" in db_url else "?") + "options=-c%20lock_timeout%3D20000"
    ctx = AppContext.open(desk_url)
    holder = create_engine(db_url)
    try:
        an = person_key(ctx.parse(CARD))
        assert an is not None
        with holder.connect() as held:
            # Another desk half-way through recording An: it holds An until it commits.
            held.execute(text("SELECT pg_advisory_xact_lock_shared(:w)"), {"w": WRITE_LOCK})
            held.execute(
                text("SELECT pg_advisory_xact_lock(:c, CAST(:k AS integer))"),
                {"c": PERSON_LOCK_CLASS, "k": person_lock_key(an)},
            )
            binh = ctx.log.record_scan(ctx.parse(OTHER), at=T0)
            assert binh.outcome is Outcome.ENTRY  # went through while An is held

            results: list[Any] = []
            waiting = threading.Thread(
                target=lambda: results.append(ctx.log.record_scan(ctx.parse(CARD), at=T0))
            )
            waiting.start()
            try:
                # The scan of An waits on An's lock (seen by the server), and only on it.
                while not _waits_for_person(holder, person_lock_key(an)):
                    assert waiting.is_alive() and not results, results
            finally:
                held.rollback()  # the other desk's transaction ends
                waiting.join()
        assert [r.outcome for r in results] == [Outcome.ENTRY]
        assert {v.name for v in ctx.log.inside()} == {"Nguyễn Văn An", "Trần Thị Bình"}
    finally:
        holder.dispose()
        ctx.close()


def _waits_for_person(engine: Engine, key: int) -> bool:
    """True while some transaction waits for the advisory lock of person ``key``."""
    with engine.connect() as conn:
        return bool(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                    " AND classid = :c AND objid = CAST(CAST(:k AS integer) AS oid)"
                    " AND objsubid = 2"
                ),
                {"c": PERSON_LOCK_CLASS, "k": key},
            ).scalar()
        )


def test_a_desk_whose_clock_is_a_year_ahead_purges_by_the_servers_clock(
    pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """One desk of a shared log with its clock set a year ahead would take every visit of
    the unit for older than the retention period: the server's clock decides what is old,
    for the purge at start and for the purge command."""
    from desk_app.cli import main
    from desk_app.storage import retention

    ctx = AppContext.open(pg_url)
    ctx.settings.set("retention.auto_purge", True)
    ctx.settings.set("retention.days", 30)
    ctx.log.record_scan(ctx.parse(CARD), method="camera")
    ahead = datetime.now(UTC) + timedelta(days=365)
    monkeypatch.setattr(retention, "utc_now", lambda: ahead)
    assert ctx.housekeeping()["purged"] == 0
    assert main(["--db", pg_url, "purge"]) == 0
    assert "0 visits" in capsys.readouterr().out
    assert len(ctx.log.inside()) == 1
    ctx.close()


STALLED = Path(__file__).with_name("stalled_desk_child.py")


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "kill") or os.name != "posix", reason="SIGSTOP")
def test_a_desk_stalled_half_way_does_not_stop_the_others(pg_url: str, tmp_path: Path) -> None:
    """A desk frozen in the middle of recording a person (its network gone, the PC asleep)
    holds that person's lock on the server. The other desks' scan of that person, and a
    change of the unit's settings that waits for every desk, go on within seconds; scans
    of everyone else queued behind that change go on too."""
    AppContext.open(pg_url).close()
    env = dict(
        os.environ,
        PYTHONPATH=str(REPO),
        DESK_APP_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        DESK_APP_LANG="en",
    )
    stalled = subprocess.Popen(
        [sys.executable, str(STALLED), pg_url, CARD], stdout=subprocess.PIPE, text=True, env=env
    )
    settings: subprocess.Popen[str] | None = None
    try:
        assert stalled.stdout is not None
        assert stalled.stdout.readline().strip() == "holding"
        cli = [sys.executable, "-m", "desk_app", "--db", pg_url]
        settings = subprocess.Popen(
            [*cli, "config", "set", "retention.days", "31"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        same, other = (
            subprocess.run(
                [*cli, "record", card],
                capture_output=True,
                text=True,
                env=env,
                timeout=120,
                check=False,
            )
            for card in (CARD, OTHER)
        )
        out, err = settings.communicate(timeout=120)
    finally:
        stalled.kill()
        stalled.wait()
        if settings is not None and settings.poll() is None:
            settings.kill()
            settings.wait()
    assert same.returncode == 0 and same.stdout.startswith("IN: Nguyễn Văn An"), same
    assert other.returncode == 0 and other.stdout.startswith("IN: Trần Thị Bình"), other
    assert settings.returncode == 0 and "retention.days = 31" in out, err
