"""Every user setting, declared once with its type and default, and where it is kept.

The unit's settings live in the log's database (``settings`` table) so that several desks
sharing one PostgreSQL log share the unit's set-up. A desk's own settings (its name,
checkpoint, camera, scanner, sound and language: ``desk=True``) live in a file in the
user's config folder (``DeskFile``), so two desks on one log do not overwrite each other.
Window geometry is not a setting: the window keeps it in QSettings. The mail password is
not a setting either: it lives in the OS keyring.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import socket
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk_app.domain.limits import max_length, too_long
from desk_app.errors import DamagedValue
from desk_app.i18n import t

# What the unit's secret and identifier look like when made (hex; a secret of 16 bytes or
# more). Anything else stored under their keys is damage.
SECRET_SHAPE = re.compile(r"(?:[0-9a-fA-F]{2}){16,}")
UNIT_ID_SHAPE = re.compile(r"[^\x00-\x1f\x7f]{1,100}")


class SettingError(ValueError):
    """A key that does not exist or a value that does not fit; the message is for users."""


@dataclass(frozen=True)
class Setting:
    key: str
    kind: str  # "str", "int", "bool", "time", "list", "choice", "code"
    default: Any
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    secret: bool = False  # never printed, never set by hand
    field: str = ""  # its text's limit in desk_app.domain.limits, when it is stored in the log
    desk: bool = False  # kept on this desk (DeskFile), not in the shared database
    email: bool = False  # an e-mail address (each item of a list), checked when set

    @property
    def description(self) -> str:
        """What the setting is for, in the current language (``setting.<key>`` in
        ``desk_app/i18n/messages/settings.py``)."""
        return t(f"setting.{self.key}")

    @property
    def scope(self) -> str:
        """Where the setting is kept: "desk" (this desk's file) or "unit" (the database)."""
        return "desk" if self.desk or self.key.startswith(DESK_PREFIXES) else "unit"


# Settings of the desk's own hardware, whatever their name (e.g. ``scanner.port``).
DESK_PREFIXES = ("desk.", "scanner.")
log = logging.getLogger(__name__)


def _hostname() -> str:
    try:
        return socket.gethostname() or "desk-1"
    except OSError:
        return "desk-1"


_TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
# A point code as the province gives it: letters, digits and . _ / -, at most 32.
CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9._/-]{0,31}$")
# One plain address (local@domain.tld) as an SMTP server takes it without extensions: an
# ASCII dot-atom before the @ (no display name, no quotes, no list separators, no "..") and
# host name labels after it (letters, digits, inner hyphens; a Vietnamese domain in its
# xn-- form).
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL_RE = re.compile(
    rf"^{_ATEXT}(?:\.{_ATEXT})*@(?:{_LABEL}\.)+(?:[A-Za-z]{{2,63}}|xn--[A-Za-z0-9-]{{1,59}})$",
    re.ASCII,
)


MAX_ADDRESS, MAX_LOCAL_PART = 254, 64  # RFC 5321


def is_email(text: str) -> bool:
    local = text.partition("@")[0]
    return (
        len(text) <= MAX_ADDRESS and len(local) <= MAX_LOCAL_PART and bool(EMAIL_RE.fullmatch(text))
    )


# What each one is for is said in both languages in desk_app/i18n/messages/settings.py.
SETTINGS: tuple[Setting, ...] = (
    # The unit (first-run set-up)
    Setting("unit.name", "str", "", field="unit_name"),
    Setting("unit.agency", "str", ""),
    Setting("unit.address", "str", ""),
    Setting("unit.contact", "str", ""),
    Setting("unit.place", "str", ""),
    Setting("unit.code", "code", ""),
    Setting("unit.id", "str", ""),
    Setting("unit.secret", "str", "", secret=True),
    Setting("unit.setup_done", "bool", False),
    Setting("unit.checkpoints", "list", ["Cổng chính"], field="checkpoint"),
    # This desk
    Setting("desk.name", "str", "", field="desk"),
    Setting("desk.checkpoint", "str", "", field="checkpoint"),
    Setting("scan.camera", "str", "0", desk=True),
    Setting("scan.debounce_seconds", "int", 10, minimum=0, maximum=3600),
    Setting("scan.sound", "bool", True, desk=True),
    # A handheld scanner in serial mode (USB-COM / CDC); one in keyboard mode needs nothing.
    Setting("scanner.port", "str", ""),
    Setting("scanner.baud", "int", 9600, minimum=1200, maximum=921600),
    # Visits
    Setting("visits.auto_checkout", "bool", False),
    Setting("visits.closing_time", "time", "18:00"),
    Setting("retention.days", "int", 30, minimum=1, maximum=3650),
    Setting("retention.auto_purge", "bool", True),
    Setting("backup.auto", "bool", False),
    Setting("backup.folder", "str", ""),
    Setting("backup.keep", "int", 7, minimum=1, maximum=365),
    Setting("audit.keep_days", "int", 365, minimum=30, maximum=3650),
    # UI
    Setting("ui.language", "choice", "vi", choices=("vi", "en"), desk=True),
    Setting("manager.pin_hash", "str", "", secret=True),
    Setting("manager.pin_failures", "int", 0, minimum=0, secret=True),
    Setting("manager.pin_locked_until", "int", 0, minimum=0, secret=True),
    # Mail (the password lives in the OS keyring)
    Setting("mail.host", "str", ""),
    Setting("mail.port", "int", 587, minimum=1, maximum=65535),
    Setting("mail.security", "choice", "starttls", choices=("ssl", "starttls", "none")),
    Setting("mail.user", "str", ""),
    Setting("mail.sender", "str", "", email=True),
    Setting("mail.recipients", "list", [], email=True),
    Setting("mail.timeout_seconds", "int", 30, minimum=1, maximum=600),
    Setting("report.reminder_weekday", "int", 4, minimum=0, maximum=6),
    Setting("report.reminder_time", "time", "14:00"),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


def setting(key: str) -> Setting:
    try:
        return BY_KEY[key]
    except KeyError:
        raise SettingError(t("settings.unknown_key", key=key)) from None


def _bad(spec: Setting, value: object, expected: str) -> SettingError:
    return SettingError(t("settings.bad_value", key=spec.key, value=value, expected=expected))


def has_control_characters(text: str) -> bool:
    """True when ``text`` holds a control or format character (a line break, a tab, an
    escape sequence, a direction override): no setting is ever meant to hold one."""
    return not text.isprintable() and any(
        unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in text
    )


def _fits(spec: Setting, text: str) -> str:
    if has_control_characters(text):
        raise SettingError(t("settings.control_characters", key=spec.key))
    if spec.field and too_long(spec.field, text):
        raise SettingError(
            t("settings.too_long", key=spec.key, limit=max_length(spec.field), length=len(text))
        )
    return text


def _addresses(spec: Setting, items: list[str]) -> list[str]:
    unique: dict[str, str] = {}  # one address given twice would get the report twice
    for item in items:
        if not is_email(item):
            raise _bad(spec, item, t("settings.email_expected"))
        unique.setdefault(item.lower(), item)
    return list(unique.values())


def coerce(spec: Setting, value: Any) -> Any:
    """A value of the setting's type, from a Python value or from text typed by a user."""
    if spec.kind == "str":
        text = _fits(spec, str(value).strip())
        if spec.email and text and not is_email(text):
            raise _bad(spec, value, t("settings.email_expected"))
        return text
    if spec.kind == "int":
        try:
            number = int(str(value).strip())
        except ValueError:
            raise _bad(spec, value, "integer") from None
        if spec.minimum is not None and number < spec.minimum:
            raise _bad(spec, value, f">= {spec.minimum}")
        if spec.maximum is not None and number > spec.maximum:
            raise _bad(spec, value, f"<= {spec.maximum}")
        return number
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on", "có", "bật"):
            return True
        if text in ("0", "false", "no", "off", "không", "tắt"):
            return False
        raise _bad(spec, value, "true/false")
    if spec.kind == "time":
        text = str(value).strip()
        match = _TIME_RE.match(text)
        if not match:
            raise _bad(spec, value, "HH:MM")
        return f"{int(match.group(1)):02d}:{match.group(2)}"
    if spec.kind == "code":
        text = str(value).strip().upper()
        if text and not CODE_RE.match(text):
            raise _bad(spec, value, t("settings.code_expected"))
        return text
    if spec.kind == "choice":
        text = str(value).strip()
        if text not in spec.choices:
            raise _bad(spec, value, "/".join(spec.choices))
        return text
    if spec.kind == "list":
        if isinstance(value, list | tuple):
            items = [str(v).strip() for v in value]
        else:
            text = str(value).strip()
            if text.startswith("["):
                try:
                    loaded = json.loads(text)
                except json.JSONDecodeError:
                    raise _bad(spec, value, "JSON list or comma-separated") from None
                items = [str(v).strip() for v in loaded]
            else:
                items = [part.strip() for part in re.split(r"[,;]", text)]
        items = [_fits(spec, item) for item in items if item]
        return _addresses(spec, items) if spec.email else items
    raise AssertionError(spec.kind)


# The JSON type each kind of setting is stored as.
_STORED_TYPES: dict[str, type | tuple[type, ...]] = {
    "str": str,
    "time": str,
    "code": str,
    "choice": str,
    "int": int,
    "bool": bool,
    "list": list,
}


def _stored(spec: Setting, value: Any) -> Any:
    """A value read back from the database, checked as a typed one is: a value of another
    JSON type, or out of range, is a SettingError."""
    wanted = _STORED_TYPES[spec.kind]
    if not isinstance(value, wanted) or (spec.kind == "int" and isinstance(value, bool)):
        raise _bad(spec, value, spec.kind)
    return coerce(spec, value)


def is_desk_key(key: str) -> bool:
    spec = BY_KEY.get(key)
    return spec.scope == "desk" if spec else key.startswith(DESK_PREFIXES)


class DeskFile:
    """This desk's own settings: a small JSON file in the user's config folder."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from desk_app.paths import desk_settings_path

            path = desk_settings_path()
        self.path = path

    def load(self) -> dict[str, Any]:
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:  # unreadable or damaged: defaults, said in the log
            log.warning("desk settings %s not read: %s", self.path, exc)
            return {}
        return loaded if isinstance(loaded, dict) else {}

    def save(self, values: dict[str, Any]) -> None:
        """Write the whole file at once (a crash leaves the old file or the new one)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".desk-", suffix=".json", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(values, out, ensure_ascii=False, indent=1, sort_keys=True)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def store(self, key: str, value: Any) -> None:
        values = self.load()
        values[key] = value
        try:
            self.save(values)
        except OSError as exc:  # a file in the folder's place, a read-only profile
            raise SettingError(
                t(
                    "settings.desk_not_written",
                    key=key,
                    path=self.path.parent,
                    message=exc.strerror or exc,
                )
            ) from None


class Settings:
    """Typed access to the settings: the unit's in the database, the desk's in its file.

    ``load``/``store`` are the storage functions (key -> JSON text), so that this room
    does not depend on how the database is reached. Without a ``desk`` file every setting
    is kept in the database (tests of the unit's settings alone).
    """

    def __init__(
        self,
        load: Callable[[], dict[str, str]],
        store: Callable[[str, str], None],
        store_if_absent: Callable[[str, str], str] | None = None,
        *,
        desk: DeskFile | None = None,
        remove: Callable[[Iterable[str]], None] | None = None,
    ) -> None:
        self._load = load
        self._store = store
        self._store_if_absent = store_if_absent
        self._desk = desk
        self._remove = remove
        self._cache: dict[str, Any] | None = None

    def _kept_on_desk(self, key: str) -> bool:
        return self._desk is not None and is_desk_key(key)

    def _values(self) -> dict[str, Any]:
        if self._cache is None:
            raw = self._load()
            values: dict[str, Any] = {}
            for key, text in raw.items():
                if key in BY_KEY and not self._kept_on_desk(key):
                    try:
                        values[key] = _stored(BY_KEY[key], json.loads(text))
                    except (json.JSONDecodeError, SettingError) as exc:
                        # Damaged, or out of its range (a retention of -5 days would purge
                        # today's visits): the default, as for a desk file edited into
                        # nonsense, and said in the log. The unit's secret and identifier
                        # are checked where they are made (``_made_once``).
                        log.info("setting %s not read: %s", key, exc)
                        continue
            if self._desk is not None:
                for key, value in self._desk.load().items():
                    if key in BY_KEY and is_desk_key(key):
                        try:
                            values[key] = coerce(BY_KEY[key], value)
                        except SettingError:  # edited by hand into nonsense: the default
                            continue
            self._cache = values
        return self._cache

    def adopt_desk_keys(self) -> list[str]:
        """Move desk settings an older version kept in the shared database to this desk's
        file (a value already in the file wins) and remove them from the database.

        Returns the keys moved. Nothing is removed when the file cannot be written.
        """
        if self._desk is None or self._remove is None:
            return []
        raw = self._load()
        found = [key for key in raw if is_desk_key(key)]
        if not found:
            return []
        mine = self._desk.load()
        for key in found:
            if key not in mine:
                try:
                    mine[key] = json.loads(raw[key])
                except json.JSONDecodeError:
                    continue
        try:
            self._desk.save(mine)
        except OSError as exc:
            log.warning("desk settings not moved to %s: %s", self._desk.path, exc)
            return []
        self._remove(found)
        self.reload()
        return found

    def reload(self) -> None:
        self._cache = None

    def get(self, key: str) -> Any:
        spec = setting(key)
        value = self._values().get(key, spec.default)
        if key == "desk.name" and not value:
            return _hostname()
        if key == "desk.checkpoint" and not value:
            checkpoints = self.get("unit.checkpoints")
            return checkpoints[0] if checkpoints else ""
        return value

    # Typed reads: the declared kind is checked once here, not cast at every call.
    def _typed(self, key: str, kinds: tuple[str, ...]) -> Any:
        spec = setting(key)
        if spec.kind not in kinds:
            raise TypeError(f"setting {key} is a {spec.kind}, not one of {kinds}")
        return self.get(key)

    def text(self, key: str) -> str:
        """A text setting (str, time, choice, code)."""
        value = self._typed(key, ("str", "time", "choice", "code"))
        return "" if value is None else str(value)

    def number(self, key: str) -> int:
        return int(self._typed(key, ("int",)))

    def flag(self, key: str) -> bool:
        return bool(self._typed(key, ("bool",)))

    def names(self, key: str) -> list[str]:
        """A list setting, as strings."""
        return [str(item) for item in self._typed(key, ("list",)) or []]

    def set(self, key: str, value: Any) -> Any:
        spec = setting(key)
        coerced = coerce(spec, value)
        if self._desk is not None and self._kept_on_desk(key):
            self._desk.store(key, coerced)
        else:
            self._store(key, json.dumps(coerced, ensure_ascii=False))
        self._values()[key] = coerced
        return coerced

    def set_from_user(self, key: str, text: str) -> Any:
        """``config set``: secrets cannot be set by hand."""
        if setting(key).secret:
            raise SettingError(t("settings.secret", key=key))
        return self.set(key, text)

    def items(self) -> list[tuple[Setting, Any]]:
        return [(spec, self.get(spec.key)) for spec in SETTINGS]

    def _made_once(self, key: str, make: Callable[[], str], shape: re.Pattern[str]) -> str:
        """A value created once for the unit; two desks creating it at once agree on one.

        A stored value of another ``shape`` is damage (DamagedValue): making a new one over
        it would void every code the unit has printed."""
        value = self._values().get(key)
        if isinstance(value, str) and shape.fullmatch(value):
            return value
        candidate = json.dumps(make())
        text = self._store_if_absent(key, candidate) if self._store_if_absent else None
        if text is None:
            self._store(key, candidate)
            text = candidate
        try:
            stored = json.loads(text)
        except json.JSONDecodeError:
            stored = None
        if not (isinstance(stored, str) and shape.fullmatch(stored)):
            raise DamagedValue(f"unreadable setting {key}")
        self._values()[key] = stored
        return stored

    def unit_secret(self) -> bytes:
        """The unit's signing secret, made at set-up (first use) and then never changed."""
        return bytes.fromhex(
            self._made_once("unit.secret", lambda: secrets.token_hex(32), SECRET_SHAPE)
        )

    def unit_id(self) -> str:
        """Short identifier of the unit inside its codes, made at set-up (first use)."""
        return self._made_once("unit.id", lambda: secrets.token_hex(4).upper(), UNIT_ID_SHAPE)
