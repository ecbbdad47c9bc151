"""The mail password, kept in the operating system's password store (``keyring``).

Service ``desk-app``, user name = the ``mail.user`` setting. The password never goes to the
database, the settings, the command line output or the logs.
"""

from __future__ import annotations

import logging

import keyring
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend
from keyring.errors import KeyringError

SERVICE = "desk-app"

log = logging.getLogger(__name__)


class SecretStoreError(Exception):
    """The password store is missing or refused the request."""


def available() -> bool:
    """Whether a real password store is usable on this computer."""
    try:
        backend = keyring.get_keyring()
    except KeyringError:
        return False
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    return not (isinstance(backend, ChainerBackend) and not backend.backends)


def get(user: str) -> str | None:
    if not user or not available():
        return None
    try:
        return keyring.get_password(SERVICE, user)
    except KeyringError as exc:
        log.warning("Password store: %s", type(exc).__name__)
        return None


def has_password(user: str) -> bool:
    return bool(get(user))


def store(user: str, password: str) -> None:
    if not available():
        raise SecretStoreError("no password store")
    try:
        keyring.set_password(SERVICE, user, password)
    except KeyringError as exc:
        raise SecretStoreError(type(exc).__name__) from None


def delete(user: str) -> None:
    if not user or not available():
        return
    try:
        keyring.delete_password(SERVICE, user)
    except KeyringError:
        pass  # nothing stored under that name


def move(old_user: str, new_user: str) -> None:
    """Keep the saved password when only the user name changes."""
    password = get(old_user)
    if not password or old_user == new_user:
        return
    if new_user:
        store(new_user, password)
    delete(old_user)
