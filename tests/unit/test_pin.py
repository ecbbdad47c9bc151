"""The manager PIN: hashing, rules, and the wait after wrong PINs."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

import pytest

from desk_app.domain import pin as pin_mod
from desk_app.domain.pin import (
    FIRST_WAIT_SECONDS,
    MAX_WAIT_SECONDS,
    MemoryLockStore,
    PinCheck,
    PinError,
    PinGuard,
    hash_pin,
    pin_problem,
    set_manager_pin,
    verify_pin,
    wait_after,
)
from desk_app.settings import Settings


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def memory_settings() -> tuple[Settings, dict[str, str]]:
    table: dict[str, str] = {}
    return Settings(lambda: dict(table), table.__setitem__), table


@pytest.mark.parametrize("pin", ["123400", "00000000", "987654"])
def test_valid_pins_hash_and_verify(pin: str) -> None:
    stored = hash_pin(pin)
    assert verify_pin(pin, stored)
    assert pin not in stored
    assert not verify_pin("111100" if pin != "111100" else "222200", stored)


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12a4", " 1234", "１２３４", "١٢٣٤"])
def test_pin_rules(pin: str) -> None:
    assert pin_problem(pin) is not None
    with pytest.raises(PinError):
        hash_pin(pin)


def test_same_pin_gets_a_different_salt_each_time() -> None:
    first, second = hash_pin("246800"), hash_pin("246800")
    assert first != second
    assert first.startswith("scrypt$")
    assert verify_pin("246800", first) and verify_pin("246800", second)


def test_pbkdf2_hashes_are_accepted() -> None:
    salt = b"0123456789abcdef"
    digest = hashlib.pbkdf2_hmac("sha256", b"432100", salt, 1000, 32)
    stored = (
        "pbkdf2_sha256$1000$"
        + base64.b64encode(salt).decode()
        + "$"
        + base64.b64encode(digest).decode()
    )
    assert verify_pin("432100", stored)
    assert not verify_pin("432200", stored)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "scrypt$",
        "scrypt$x$8$1$AAAA$AAAA",
        "md5$abc",
        "scrypt$16384$8$1$!!!$!!!",
        "scrypt$16384$8$1$AAAA$",
    ],
)
def test_damaged_hash_matches_nothing(stored: str) -> None:
    assert not verify_pin("123400", stored)


def test_hash_without_scrypt_falls_back_to_pbkdf2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(hashlib, "scrypt")
    monkeypatch.setattr(pin_mod, "_PBKDF2_ITERATIONS", 1000)
    stored = hash_pin("555500")
    assert stored.startswith("pbkdf2_sha256$1000$")
    assert verify_pin("555500", stored)


def test_wait_grows_and_is_capped() -> None:
    assert [wait_after(n) for n in range(6)] == [0, 0, 0, 30, 60, 120]
    assert wait_after(100) == MAX_WAIT_SECONDS


def guard_with(pin: str, clock: Clock) -> PinGuard:
    stored = hash_pin(pin)
    return PinGuard(lambda: stored, MemoryLockStore(), clock)


def test_three_wrong_pins_start_a_wait_that_doubles() -> None:
    clock = Clock()
    guard = guard_with("135700", clock)
    first = guard.check("000000")
    assert first.result is PinCheck.WRONG and first.tries_before_wait == 2
    assert guard.check("000100").tries_before_wait == 1
    third = guard.check("000200")
    assert third.result is PinCheck.LOCKED and third.wait_seconds == FIRST_WAIT_SECONDS

    # While waiting even the right PIN is not checked.
    clock.now += FIRST_WAIT_SECONDS - 1
    assert guard.check("135700").result is PinCheck.LOCKED
    assert guard.wait_seconds() == 1

    clock.now += 1
    assert guard.wait_seconds() == 0
    fourth = guard.check("000300")
    assert fourth.result is PinCheck.LOCKED and fourth.wait_seconds == 2 * FIRST_WAIT_SECONDS

    clock.now += 2 * FIRST_WAIT_SECONDS
    assert guard.check("135700").ok
    # A right PIN clears the count: three free tries again.
    assert guard.check("999900").tries_before_wait == 2


def test_clock_set_backwards_does_not_lengthen_the_wait() -> None:
    clock = Clock()
    guard = guard_with("135700", clock)
    for wrong in ("1", "2", "3"):
        guard.check(wrong * 4)
    clock.now -= 10 * 24 * 3600
    assert guard.wait_seconds() == FIRST_WAIT_SECONDS


def test_no_pin_set() -> None:
    guard = PinGuard(lambda: "", MemoryLockStore(), Clock())
    assert not guard.has_pin()
    assert guard.check("123400").result is PinCheck.NO_PIN


def test_count_survives_a_restart_in_the_settings_table() -> None:
    settings, table = memory_settings()
    set_manager_pin(settings, "864200")
    clock = Clock()
    guard = PinGuard.for_settings(settings, clock)
    for wrong in ("111100", "222200", "333300"):
        guard.check(wrong)

    # A new process reads the same table.
    reopened = Settings(lambda: dict(table), table.__setitem__)
    again = PinGuard.for_settings(reopened, clock)
    assert again.check("864200").result is PinCheck.LOCKED
    assert json.loads(table["manager.pin_failures"]) == 3

    clock.now += FIRST_WAIT_SECONDS + 1
    assert again.check("864200").ok
    assert json.loads(table["manager.pin_failures"]) == 0


def test_setting_a_new_pin_clears_the_wait() -> None:
    settings, _ = memory_settings()
    set_manager_pin(settings, "111100")
    clock = Clock()
    guard = PinGuard.for_settings(settings, clock)
    for wrong in ("222200", "333300", "444400"):
        guard.check(wrong)
    assert guard.wait_seconds() > 0
    set_manager_pin(settings, "567800")
    assert guard.wait_seconds() == 0
    assert guard.check("567800").ok
    assert not guard.check("111100").ok


def test_pin_hash_cannot_be_set_by_hand() -> None:
    from desk_app.settings import SettingError

    settings: Any
    settings, _ = memory_settings()
    with pytest.raises(SettingError):
        settings.set_from_user("manager.pin_hash", "anything")
    with pytest.raises(SettingError):
        settings.set_from_user("manager.pin_failures", "0")
