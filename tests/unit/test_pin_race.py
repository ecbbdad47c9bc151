"""Sixteen wrong PINs at once on a shared database: each counted, the wait holds."""

from __future__ import annotations

import threading

from desk_app.context import AppContext
from desk_app.domain.pin import FREE_TRIES, PinCheck, PinGuard, pin_problem, set_manager_pin
from desk_app.storage.pin_store import DatabaseLockStore

TRIES = 16


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
