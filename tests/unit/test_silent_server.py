"""A server that takes the connection and then answers nothing (hung, or stopped with
SIGSTOP): the desk gives up on it in seconds and keeps the scan, as for any outage.

The stopped server is one of the test's own, never the shared one.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desk_app.context import AppContext
from desk_app.domain.visits import Outcome
from desk_app.storage import server_wait
from desk_app.storage.database import is_unreachable
from desk_app.storage.journal import Journal
from tests.own_postgres import OwnPostgres
from tests.unit.test_outage import cli, desk_env, person

# Far below the system's own TCP give-up (minutes), and below what a desk waits for a lock
# held by a stalled desk: connect (5 s) and the pool's check (3 s), with room for a slow
# machine.
QUICK_SECONDS = 20.0


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port whose listener accepts every connection and never sends a byte."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    taken: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                taken.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(listener.getsockname()[1])
    stop.set()
    thread.join(5)
    for conn in taken:
        conn.close()
    listener.close()


@pytest.mark.slow
def test_record_against_a_server_that_never_answers_keeps_the_scan(
    silent_port: int, tmp_path: Path
) -> None:
    env = desk_env(tmp_path, "gate")
    url = f"postgresql+psycopg://postgres@127.0.0.1:{silent_port}/desk"
    start = time.monotonic()
    run = cli(env, "--db", url, "record", person(0))
    took = time.monotonic() - start
    assert run.returncode == 0, run.stderr
    assert "kept on this desk (1 waiting" in run.stdout
    assert took < QUICK_SECONDS, took
    listed = cli(env, "--db", url, "journal", "list")
    assert listed.returncode == 0 and "Nguyễn Văn An" in listed.stdout
    start = time.monotonic()
    flushed = cli(env, "--db", url, "journal", "flush")
    assert flushed.returncode != 0 and "still cannot be reached" in flushed.stderr, flushed
    assert "Traceback" not in flushed.stderr
    assert time.monotonic() - start < QUICK_SECONDS
    assert Journal(tmp_path / "gate" / "data" / "journal.sqlite3").count() == 1


@pytest.fixture
def own_server() -> Iterator[OwnPostgres]:
    try:
        pg = OwnPostgres()
    except (RuntimeError, subprocess.CalledProcessError, OSError) as exc:
        pytest.skip(f"no PostgreSQL server of the test's own: {exc}")
    pg.start()
    stopped: list[int] = []
    pg.stopped = stopped  # type: ignore[attr-defined]
    try:
        yield pg
    finally:
        for pid in stopped:  # never leave a stopped process behind
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
        pg.remove()


def _server_processes(pg: OwnPostgres, *, postmaster: bool) -> list[int]:
    main = int((pg.dir / "data" / "postmaster.pid").read_text().split()[0])
    children = subprocess.run(
        ["pgrep", "-P", str(main)], capture_output=True, text=True, check=False
    ).stdout.split()
    return ([main] if postmaster else []) + [int(pid) for pid in children]


def _stop(pg: OwnPostgres, pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGSTOP)
        except ProcessLookupError:  # a backend whose connection closed since it was listed
            continue
        pg.stopped.append(pid)  # type: ignore[attr-defined]


def _resume(pg: OwnPostgres) -> None:
    for pid in pg.stopped:  # type: ignore[attr-defined]
        try:
            os.kill(pid, signal.SIGCONT)
        except ProcessLookupError:
            pass
    pg.stopped.clear()  # type: ignore[attr-defined]


def _record_timed(ctx: AppContext, card: str) -> tuple[Any, float]:
    """(outcome value, 'unreachable' or the error) and seconds taken, in a thread so that
    a hang fails the test instead of stopping it."""
    seen: dict[str, Any] = {}
    start = time.monotonic()

    def record() -> None:
        try:
            seen["result"] = ctx.log.record_scan(ctx.parse(card)).outcome
        except Exception as exc:  # noqa: BLE001 - what the desk would see
            seen["result"] = "unreachable" if is_unreachable(exc) else repr(exc)
        seen["seconds"] = time.monotonic() - start

    thread = threading.Thread(target=record, daemon=True)
    thread.start()
    thread.join(90)
    return seen.get("result", "hung"), seen.get("seconds", 90.0)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="SIGSTOP")
def test_a_stopped_server_is_given_up_in_seconds_and_the_scan_kept(
    own_server: OwnPostgres, tmp_path: Path
) -> None:
    ctx = AppContext.open(own_server.url)
    try:
        assert ctx.log.record_scan(ctx.parse(person(0))).outcome is Outcome.ENTRY
        _stop(own_server, _server_processes(own_server, postmaster=True))
        result, seconds = _record_timed(ctx, person(1))
        assert result == "unreachable", result
        assert seconds < QUICK_SECONDS, seconds
    finally:
        _resume(own_server)
        ctx.close()

    # The command line as the desk would run it: kept, then sent once the server is back.
    env = desk_env(tmp_path, "gate")
    _stop(own_server, _server_processes(own_server, postmaster=True))
    start = time.monotonic()
    run = cli(env, "--db", own_server.url, "record", person(2))
    assert run.returncode == 0 and "kept on this desk (1 waiting" in run.stdout, run
    assert time.monotonic() - start < QUICK_SECONDS
    _resume(own_server)
    flushed = cli(env, "--db", own_server.url, "journal", "flush")
    assert flushed.returncode == 0 and "Sent 1 scan" in flushed.stdout, flushed
    ctx = AppContext.open(own_server.url)
    try:
        names = ctx.db.read(
            lambda s: (
                s.execute(text("SELECT p.name FROM visits v JOIN people p ON p.id = v.person_id"))
                .scalars()
                .all()
            )
        )
    finally:
        ctx.close()
    assert sorted(names) == ["Nguyễn Văn An", "Nguyễn Văn Cường"]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="SIGSTOP")
def test_a_stopped_backend_is_left_for_a_new_connection(own_server: OwnPostgres) -> None:
    """The desk's own server process stopped, the server itself still answering: the
    scan goes to the log through a new connection, in seconds."""
    ctx = AppContext.open(own_server.url)
    try:
        assert ctx.log.record_scan(ctx.parse(person(0))).outcome is Outcome.ENTRY
        _stop(own_server, _server_processes(own_server, postmaster=False))
        result, seconds = _record_timed(ctx, person(1))
        assert result is Outcome.ENTRY, result
        assert seconds < QUICK_SECONDS, seconds
    finally:
        _resume(own_server)
        ctx.close()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="SIGSTOP")
def test_a_server_stopped_in_the_middle_of_a_write_is_given_up(
    own_server: OwnPostgres, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped after the desk began its transaction (past the pool's check): the wait for
    the next reply is bounded too, and nothing half-written stays."""
    monkeypatch.setattr(server_wait, "REPLY_SECONDS", 4.0)
    ctx = AppContext.open(own_server.url)
    seen: dict[str, Any] = {}

    def work(session: Any) -> None:
        session.execute(text("SELECT 1"))
        _stop(own_server, _server_processes(own_server, postmaster=True))
        session.execute(text("SELECT 2"))

    def write() -> None:
        start = time.monotonic()
        try:
            ctx.db.write(work, attempts=1)
            seen["result"] = "written"
        except Exception as exc:  # noqa: BLE001 - what the desk would see
            seen["result"] = "unreachable" if is_unreachable(exc) else repr(exc)
        seen["seconds"] = time.monotonic() - start

    try:
        thread = threading.Thread(target=write, daemon=True)
        thread.start()
        thread.join(90)
        assert seen.get("result") == "unreachable", seen
        assert seen["seconds"] < QUICK_SECONDS, seen
    finally:
        _resume(own_server)
        ctx.close()


@pytest.mark.slow
def test_diag_and_the_live_view_give_up_on_a_server_that_never_answers(
    silent_port: int, tmp_path: Path
) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{silent_port}/desk"
    start = time.monotonic()
    run = cli(desk_env(tmp_path, "gate"), "--db", url, "diag")
    assert "unreachable" in run.stdout, run
    assert time.monotonic() - start < QUICK_SECONDS * 2

    from desk_app.storage.live import ChangeWatcher

    seen: dict[str, Any] = {}

    def listen() -> None:
        try:
            ChangeWatcher(url)
            seen["result"] = "listening"
        except Exception as exc:  # noqa: BLE001 - the live view tries again later
            seen["result"] = "unreachable" if is_unreachable(exc) else repr(exc)

    start = time.monotonic()
    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    thread.join(60)
    assert seen.get("result") == "unreachable", seen
    assert time.monotonic() - start < QUICK_SECONDS
