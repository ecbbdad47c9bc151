"""Sixteen wrong PINs at once on a shared database: each counted, the wait holds."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from desk_app.context import AppContext
from desk_app.domain.pin import (
    FIRST_WAIT_SECONDS,
    FREE_TRIES,
    PinCheck,
    PinGuard,
    pin_problem,
    set_manager_pin,
)
from desk_app.storage.pin_store import DatabaseLockStore

TRIES = 16
CHILD = Path(__file__).with_name("pin_child.py")
REPO = Path(__file__).resolve().parents[2]


def test_parallel_wrong_pins_are_counted_once_each(db_url: str) -> None:
    setup = AppContext.open(db_url)
    set_manager_pin(setup.settings, "246813")
    setup.close()
    contexts = [AppContext.open(db_url) for _ in range(TRIES)]  # one per desk
    barrier = threading.Barrier(TRIES)
    results: list[PinCheck] = []

    def attempt(ctx: AppContext, n: int) -> None:
        guard = PinGuard.for_settings(ctx.settings, store=DatabaseLockStore(ctx.db))
        barrier.wait()
        results.append(guard.check(f"{n:06d}").result)

    threads = [threading.Thread(target=attempt, args=(ctx, n)) for n, ctx in enumerate(contexts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == TRIES
    # Only the free tries and the one that starts the wait were checked at all.
    assert results.count(PinCheck.WRONG) == FREE_TRIES - 1
    assert results.count(PinCheck.LOCKED) == TRIES - FREE_TRIES + 1
    store = DatabaseLockStore(contexts[0].db)
    assert store.load().failures == FREE_TRIES
    guard = PinGuard.for_settings(contexts[0].settings, store=store)
    assert guard.check("246813").result is PinCheck.LOCKED  # even the right PIN waits
    for ctx in contexts:
        ctx.close()


def test_sixteen_desk_processes_trying_wrong_pins_at_once_meet_the_wait(db_url: str) -> None:
    """The case as it was seen: sixteen separate processes (desks, scripts) on one database,
    each with its own connection, released together. Every try is answered; only the free
    tries and the one that starts the wait are checked, and the count in the database says
    so; the wait then holds for every desk, even for the right PIN."""
    setup = AppContext.open(db_url)
    set_manager_pin(setup.settings, "246813")
    setup.close()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    desks = [
        subprocess.Popen(
            [sys.executable, str(CHILD), db_url, f"{n:06d}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(TRIES)
    ]
    try:
        for desk in desks:  # each has its connection and the stored hash before any starts
            assert desk.stdout is not None and desk.stdin is not None
            line = desk.stdout.readline()
            assert line == "ready\n", desk.communicate()[1]
        started = time.time()
        for desk in desks:
            desk.stdin.write("go\n")  # type: ignore[union-attr]
            desk.stdin.flush()  # type: ignore[union-attr]
        answers = [desk.communicate(timeout=300) for desk in desks]
    finally:
        for desk in desks:
            if desk.poll() is None:
                desk.kill()
                desk.wait()
    for desk, (_out, err) in zip(desks, answers, strict=True):
        assert desk.returncode == 0, err
        assert "Traceback" not in err
    results = [out.strip() for out, _err in answers]
    assert len(results) == TRIES and set(results) <= {"wrong", "locked"}, results
    assert results.count("wrong") == FREE_TRIES - 1, results
    assert results.count("locked") == TRIES - FREE_TRIES + 1, results
    ctx = AppContext.open(db_url)
    try:
        state = DatabaseLockStore(ctx.db).load()
        assert state.failures == FREE_TRIES
        assert state.locked_until >= started + FIRST_WAIT_SECONDS
        guard = PinGuard.for_settings(ctx.settings, store=DatabaseLockStore(ctx.db, ctx.settings))
        assert guard.check("246813").result is PinCheck.LOCKED
        assert DatabaseLockStore(ctx.db).load().failures == FREE_TRIES  # refused, not counted
    finally:
        ctx.close()


def test_new_pins_have_six_digits_and_old_short_ones_still_open() -> None:
    from desk_app.domain.pin import verify_pin

    assert pin_problem("12345") is not None and pin_problem("123456") is None
    old = "scrypt$16384$8$1$"  # a 4-digit PIN stored before the minimum rose
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(b"1234", salt=salt, n=16384, r=8, p=1, dklen=32)
    old += base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()
    assert verify_pin("1234", old) and not verify_pin("1235", old)
