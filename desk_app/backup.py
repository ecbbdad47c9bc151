"""Portable encrypted backups of the whole log, the unit's settings and its signing secret.

The archive holds the rows of every table as JSON (not a copy of the database file), so a
SQLite log restores into PostgreSQL and back. It is compressed and encrypted with AES-GCM
under a key made from a passphrase by scrypt; the header (format, KDF parameters, salt,
nonce) is authenticated too. Restoring goes into an empty database only, and the unit's
secret comes back with it: staff cards and posters printed before still verify.
"""

from __future__ import annotations

import base64
import gzip
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desk_app import outputs
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.i18n.system import os_error_text
from desk_app.storage import audit, snapshot
from desk_app.storage.database import Database
from desk_app.timeutil import utc_now

log = logging.getLogger(__name__)

MAGIC = b"DESK-APP-BACKUP 1\n"
FORMAT = 1
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}
MIN_PASSPHRASE = 8
BACKUP_ACTION = "backup"
REMIND_AFTER = timedelta(days=7)
SUFFIX = ".deskbackup"
KEYRING_USER = "backup-passphrase"  # the daily backup's passphrase in the password store


class BackupError(UserError):
    """A backup or restore that cannot be done; the message is for users."""


@dataclass(frozen=True)
class Summary:
    tables: int
    rows: int


def _key(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=params["n"], r=params["r"], p=params["p"])
    return kdf.derive(passphrase.encode("utf-8"))


def dump(db: Database) -> dict[str, Any]:
    """Every table's rows, in one read transaction."""
    revision, tables = snapshot.dump(db)
    return {"format": FORMAT, "revision": revision, "made": utc_now().isoformat(),
            "tables": tables}  # fmt: skip


def encrypt(payload: dict[str, Any], passphrase: str) -> bytes:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = json.dumps(
        {"kdf": "scrypt", **_SCRYPT, "salt": base64.b64encode(salt).decode(),
         "nonce": base64.b64encode(nonce).decode(), "cipher": "AES-256-GCM"},
        sort_keys=True,
    ).encode() + b"\n"  # fmt: skip
    body = gzip.compress(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    sealed = AESGCM(_key(passphrase, salt, _SCRYPT)).encrypt(nonce, body, MAGIC + header)
    return MAGIC + header + sealed


def decrypt(data: bytes, passphrase: str) -> dict[str, Any]:
    if not data.startswith(MAGIC):
        raise BackupError(t("backup.not_a_backup"))
    try:
        header_line, sealed = data[len(MAGIC) :].split(b"\n", 1)
        header = json.loads(header_line)
        salt = base64.b64decode(header["salt"])
        nonce = base64.b64decode(header["nonce"])
        params = {k: int(header[k]) for k in ("n", "r", "p")}
    except (ValueError, KeyError, TypeError):
        raise BackupError(t("backup.damaged")) from None
    try:
        body = AESGCM(_key(passphrase, salt, params)).decrypt(
            nonce, sealed, MAGIC + header_line + b"\n"
        )
    except InvalidTag:
        raise BackupError(t("backup.wrong_passphrase")) from None
    payload = json.loads(gzip.decompress(body).decode("utf-8"))
    if payload.get("format") != FORMAT:
        raise BackupError(t("backup.damaged"))
    return dict(payload)


def write_backup(db: Database, path: Path, passphrase: str, *, desk: str = "") -> Summary:
    """Audit the backup, then write the archive whole (a temporary file renamed)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise BackupError(t("backup.passphrase_short", min=MIN_PASSPHRASE))
    # The same rules as every output: never over the log itself, never a foreign extension.
    outputs.check_target(path, "backup")
    db.write(lambda s: audit.append(s, BACKUP_ACTION, json.dumps({"file": path.name}),
                                    desk=desk))  # fmt: skip
    payload = dump(db)
    data = encrypt(payload, passphrase)
    outputs.write_bytes(path, "backup", data)
    tables = payload["tables"]
    return Summary(len(tables), sum(len(rows) for rows in tables.values()))


def read_archive(path: Path, passphrase: str) -> dict[str, Any]:
    """The archive's content, decrypted: read before any database is touched, so that a
    missing file or a wrong passphrase leaves nothing behind."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BackupError(t("backup.cannot_read", path=path, message=os_error_text(exc))) from None
    return decrypt(data, passphrase)


def restore(
    db: Database,
    path: Path,
    passphrase: str,
    *,
    desk: str = "",
    payload: dict[str, Any] | None = None,
) -> Summary:
    """Load an archive into an empty database (its settings table may hold only what a
    first start made), then record the restore in the audit trail. ``payload`` is the
    archive already read with ``read_archive``."""
    if payload is None:
        payload = read_archive(path, passphrase)
    try:
        count = snapshot.load_into_empty(db, payload["tables"], file_name=path.name, desk=desk)
    except snapshot.NotEmptyError as exc:
        raise BackupError(t("backup.not_empty", table=exc.table)) from None
    return Summary(len(payload["tables"]), count)


# ----- automatic backups --------------------------------------------------------------------
def last_backup_at(db: Database) -> datetime | None:
    return snapshot.last_action_at(db, BACKUP_ACTION)


def _aware(moment: datetime | str | None) -> datetime | None:
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def reminder_due(ctx: Any, now: datetime | None = None) -> bool:
    """No backup for 7 days; a log never backed up counts from its first record, so a desk
    set up today is not told off on its first morning."""
    last = _aware(last_backup_at(ctx.db)) or _aware(snapshot.first_record_at(ctx.db))
    now = now or utc_now()
    return last is not None and now - last > REMIND_AFTER


def backup_folder(settings: Any) -> Path:
    from desk_app.paths import data_dir

    folder = str(settings.text("backup.folder") or "")
    return Path(folder).expanduser() if folder else data_dir() / "backups"


def auto_backup(ctx: Any, passphrase: str | None, now: datetime | None = None) -> Path | None:
    """The daily backup into the backup folder, keeping the last N; None when not due (made
    today already), when turned off, or without a remembered passphrase."""
    if not ctx.settings.flag("backup.auto") or not passphrase:
        return None
    now = now or utc_now()
    last = last_backup_at(ctx.db)
    if isinstance(last, str):
        last = datetime.fromisoformat(last)
    if last is not None and (last if last.tzinfo else last.replace(tzinfo=UTC)) > now - timedelta(
        hours=23
    ):
        return None
    folder = backup_folder(ctx.settings)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            t("backup.cannot_write", path=folder, message=os_error_text(exc))
        ) from None
    path = folder / f"desk-{now:%Y%m%d-%H%M%S}{SUFFIX}"
    write_backup(ctx.db, path, passphrase, desk=ctx.log.desk)
    keep = ctx.settings.number("backup.keep")
    old = sorted(folder.glob(f"desk-*{SUFFIX}"))[:-keep]
    for stale in old:
        try:
            stale.unlink()
        except OSError as exc:
            log.warning("old backup %s not removed: %s", stale, exc)
    return path


def daily_backup(ctx: Any) -> Path | None:
    """The daily backup with the passphrase remembered in the password store, if due."""
    if not ctx.settings.flag("backup.auto"):
        return None
    from desk_app import mail_password

    return auto_backup(ctx, mail_password.get(KEYRING_USER))
