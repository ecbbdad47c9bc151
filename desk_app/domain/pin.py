"""The manager PIN: salted hashing, checking, and the growing wait after wrong PINs.

Policy (the unit's manager PIN guards the settings and showing full ID numbers):

- A new PIN is 6 to 8 ASCII digits (a 4- or 5-digit PIN set before still works until it is
  changed); it is stored only as ``scrypt$n$r$p$salt$hash``
  (base64, 16-byte random salt). ``pbkdf2_sha256$iterations$salt$hash`` is accepted too, for
  Python builds without ``hashlib.scrypt``.
- Three wrong PINs in a row are free; the third starts a 30-second wait, and every further
  wrong PIN doubles it, up to 15 minutes. A right PIN clears the count.
- While a wait runs, no PIN is even checked, so guessing gains nothing.
- The count and the end of the wait are kept in the settings table (wall-clock seconds),
  not in memory: closing and reopening the program does not clear them, and desks sharing
  one database share the count, as they share the PIN. A clock set backwards cannot make a
  wait longer than the current step.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from desk_app.i18n import t

PIN_MIN_DIGITS = 6
PIN_MAX_DIGITS = 8
OLD_PIN_MIN_DIGITS = 4  # PINs set before the minimum rose to 6 still open the desk
_PIN_RE = re.compile(rf"[0-9]{{{PIN_MIN_DIGITS},{PIN_MAX_DIGITS}}}")
_ANY_PIN_RE = re.compile(rf"[0-9]{{{OLD_PIN_MIN_DIGITS},{PIN_MAX_DIGITS}}}")

FREE_TRIES = 3
FIRST_WAIT_SECONDS = 30.0
MAX_WAIT_SECONDS = 15 * 60.0

# scrypt cost: about 0.1 s on a desk PC, 16 MiB of memory.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
_PBKDF2_ITERATIONS = 600_000
_SALT_BYTES = 16
_HASH_BYTES = 32

KEY_HASH = "manager.pin_hash"
KEY_FAILURES = "manager.pin_failures"
KEY_LOCKED_UNTIL = "manager.pin_locked_until"


class PinError(ValueError):
    """A PIN that breaks the rules; the message is for users."""


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a manager PIN (a translated sentence), or None if it can."""
    if not _PIN_RE.fullmatch(pin):
        return t("setup.pin_format", min=PIN_MIN_DIGITS, max=PIN_MAX_DIGITS)
    return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """The stored form of a valid PIN. Raises PinError for an invalid one."""
    problem = pin_problem(pin)
    if problem:
        raise PinError(problem)
    salt = salt if salt is not None else secrets.token_bytes(_SALT_BYTES)
    if hasattr(hashlib, "scrypt"):
        digest = hashlib.scrypt(
            pin.encode("ascii"),
            salt=salt,
            n=_SCRYPT_N,
            r=_SCRYPT_R,
            p=_SCRYPT_P,
            dklen=_HASH_BYTES,
        )
        return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${_b64(salt)}${_b64(digest)}"
    digest = hashlib.pbkdf2_hmac(
        "sha256", pin.encode("ascii"), salt, _PBKDF2_ITERATIONS, _HASH_BYTES
    )
    return f"pbkdf2_sha256${_PBKDF2_ITERATIONS}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches the stored hash; a damaged or empty hash matches nothing."""
    if not stored or not _ANY_PIN_RE.fullmatch(pin):
        return False
    parts = stored.split("$")
    try:
        if parts[0] == "scrypt" and len(parts) == 6:
            n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
            salt, expected = base64.b64decode(parts[4]), base64.b64decode(parts[5])
            digest = hashlib.scrypt(
                pin.encode("ascii"),
                salt=salt,
                n=n,
                r=r,
                p=p,
                dklen=len(expected),
                maxmem=256 * 1024 * 1024,
            )
        elif parts[0] == "pbkdf2_sha256" and len(parts) == 4:
            iterations = int(parts[1])
            salt, expected = base64.b64decode(parts[2]), base64.b64decode(parts[3])
            digest = hashlib.pbkdf2_hmac(
                "sha256", pin.encode("ascii"), salt, iterations, len(expected)
            )
        else:
            return False
    except (ValueError, binascii.Error, MemoryError):
        return False
    return bool(expected) and hmac.compare_digest(digest, expected)


def wait_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong PINs in a row."""
    if failures < FREE_TRIES:
        return 0.0
    return float(min(FIRST_WAIT_SECONDS * 2 ** (failures - FREE_TRIES), MAX_WAIT_SECONDS))


class SettingsLike(Protocol):
    def get(self, key: str) -> Any: ...

    def set(self, key: str, value: Any) -> Any: ...


@dataclass
class LockState:
    failures: int = 0
    locked_until: float = 0.0  # wall-clock seconds (Unix time)


class LockStore(Protocol):
    def load(self) -> LockState: ...

    def save(self, state: LockState) -> None: ...

    def reserve(self, now: float) -> LockState | None:
        """Count one more try before it is checked, in one step with the test for a wait:
        the new state, or None while a wait runs (nothing changed)."""
        ...


def locked_for(state: LockState, now: float) -> float:
    """Seconds of wait left; a clock set backwards cannot make it longer than the step."""
    return max(0.0, min(state.locked_until - now, wait_after(state.failures)))


def next_state(state: LockState, now: float) -> LockState | None:
    """The state once one more try is counted, or None while a wait runs."""
    if locked_for(state, now) > 0:
        return None
    failures = state.failures + 1
    wait = wait_after(failures)
    return LockState(failures, now + wait if wait else 0.0)


def _reserve(store: LockStore, now: float) -> LockState | None:
    # For stores used by one process at a time; the database's store does this atomically.
    state = next_state(store.load(), now)
    if state is not None:
        store.save(state)
    return state


class MemoryLockStore:
    """Keeps the count for this process only (tests, or a guard with no database)."""

    def __init__(self) -> None:
        self.state = LockState()

    def load(self) -> LockState:
        return LockState(self.state.failures, self.state.locked_until)

    def save(self, state: LockState) -> None:
        self.state = LockState(state.failures, state.locked_until)

    def reserve(self, now: float) -> LockState | None:
        return _reserve(self, now)


class SettingsLockStore:
    """Keeps the count in the settings table, so a restart does not clear it."""

    def __init__(self, settings: SettingsLike) -> None:
        self._settings = settings

    def load(self) -> LockState:
        return LockState(
            int(self._settings.get(KEY_FAILURES) or 0),
            float(self._settings.get(KEY_LOCKED_UNTIL) or 0),
        )

    def save(self, state: LockState) -> None:
        self._settings.set(KEY_FAILURES, state.failures)
        # Whole seconds, rounded up, so a stored wait is never shorter than the real one.
        self._settings.set(KEY_LOCKED_UNTIL, int(-(-state.locked_until // 1)))

    def reserve(self, now: float) -> LockState | None:
        return _reserve(self, now)


class PinCheck(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"
    NO_PIN = "no_pin"


@dataclass(frozen=True)
class Attempt:
    result: PinCheck
    wait_seconds: float = 0.0  # before the next PIN will be checked
    tries_before_wait: int = FREE_TRIES  # wrong PINs still allowed before a wait starts

    @property
    def ok(self) -> bool:
        return self.result is PinCheck.OK


class PinGuard:
    """Checks PINs against the stored hash and applies the wait after wrong ones."""

    def __init__(
        self,
        stored_hash: Callable[[], str],
        store: LockStore,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._stored_hash = stored_hash
        self._store = store
        self._clock = clock

    @classmethod
    def for_settings(
        cls,
        settings: SettingsLike,
        clock: Callable[[], float] = time.time,
        store: LockStore | None = None,
    ) -> PinGuard:
        """The unit's guard; ``store`` is the database's atomic one at the desk."""
        return cls(
            lambda: str(settings.get(KEY_HASH) or ""), store or SettingsLockStore(settings), clock
        )

    def has_pin(self) -> bool:
        return bool(self._stored_hash())

    def wait_seconds(self) -> float:
        """Seconds until a PIN will be checked again (0 when it will be now)."""
        return locked_for(self._store.load(), self._clock())

    def tries_before_wait(self) -> int:
        failures = self._store.load().failures
        return FREE_TRIES - failures if failures < FREE_TRIES else 1

    def check(self, pin: str) -> Attempt:
        if not self.has_pin():
            return Attempt(PinCheck.NO_PIN)
        # The try is counted before the PIN is checked, in one step with the test for a wait:
        # many tries at once (several desks, a script) each take their own turn, and those
        # past the free ones meet the wait instead of all being checked.
        state = self._store.reserve(self._clock())
        if state is None:
            return Attempt(PinCheck.LOCKED, self.wait_seconds(), 0)
        if verify_pin(pin, self._stored_hash()):
            self._store.save(LockState())
            return Attempt(PinCheck.OK)
        failures = state.failures
        wait = wait_after(failures)
        tries = FREE_TRIES - failures if failures < FREE_TRIES else 1
        return Attempt(PinCheck.LOCKED if wait else PinCheck.WRONG, wait, 0 if wait else tries)


def has_manager_pin(settings: SettingsLike) -> bool:
    return bool(settings.get(KEY_HASH))


def set_manager_pin(settings: SettingsLike, pin: str) -> None:
    """Store a new manager PIN (hashed) and clear any wait. Raises PinError."""
    settings.set(KEY_HASH, hash_pin(pin))
    SettingsLockStore(settings).save(LockState())
