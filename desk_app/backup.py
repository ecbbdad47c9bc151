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
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import Date, DateTime, LargeBinary, Table, delete, func, insert, select, text
from sqlalchemy.orm import Session

from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.storage import audit
from desk_app.storage.database import Database
from desk_app.storage.schema import Base, SettingRow, UtcDateTime
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


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _value(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(kind, UtcDateTime | DateTime):
        moment = datetime.fromisoformat(value)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, LargeBinary):
        return base64.b64decode(value)
    return value


def _typed(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    # A column of a newer version that this one does not have is left out.
    return {name: _value(table.c[name].type, v) for name, v in row.items() if name in table.c}


def dump(db: Database) -> dict[str, Any]:
    """Every table's rows, in one read transaction."""

    def work(session: Session) -> dict[str, Any]:
        conn = session.connection()
        tables = {}
        for table in _tables():
            order = list(table.primary_key.columns)
            rows = conn.execute(select(table).order_by(*order)).mappings()
            tables[table.name] = [{k: _plain(v) for k, v in row.items()} for row in rows]
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return {"format": FORMAT, "revision": revision, "made": utc_now().isoformat(),
                "tables": tables}  # fmt: skip

    return db.read(work)


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
    db.write(lambda s: audit.append(s, BACKUP_ACTION, json.dumps({"file": path.name}),
                                    desk=desk))  # fmt: skip
    payload = dump(db)
    data = encrypt(payload, passphrase)
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise BackupError(t("backup.cannot_write", path=path, message=exc.strerror)) from None
    tables = payload["tables"]
    return Summary(len(tables), sum(len(rows) for rows in tables.values()))


def restore(db: Database, path: Path, passphrase: str, *, desk: str = "") -> Summary:
    """Load an archive into an empty database (its settings table may hold only what a
    first start made), then record the restore in the audit trail."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BackupError(t("backup.cannot_read", path=path, message=exc.strerror)) from None
    payload = decrypt(data, passphrase)
    tables = {table.name: table for table in _tables()}

    def work(session: Session) -> Summary:
        conn = session.connection()
        for table in tables.values():
            if table.name == SettingRow.__tablename__:
                continue
            if conn.execute(select(func.count()).select_from(table)).scalar():
                raise BackupError(t("backup.not_empty", table=table.name))
        conn.execute(delete(SettingRow))
        count = 0
        for table in _tables():
            rows = [_typed(table, row) for row in payload["tables"].get(table.name, [])]
            if rows:
                conn.execute(insert(table), rows)
                count += len(rows)
        if conn.dialect.name == "postgresql":
            for table in _tables():
                if "id" in table.c and table.c.id.primary_key:
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                        )
                    )
        audit.append(session, "restore", json.dumps({"file": path.name, "rows": count}),
                     desk=desk)  # fmt: skip
        return Summary(len(payload["tables"]), count)

    return db.write(work)


# ----- automatic backups --------------------------------------------------------------------
def last_backup_at(db: Database) -> datetime | None:
    from desk_app.storage.schema import AuditRecord

    return db.read(
        lambda s: s.scalar(
            select(func.max(AuditRecord.at)).where(AuditRecord.action == BACKUP_ACTION)
        )
    )


def reminder_due(ctx: Any, now: datetime | None = None) -> bool:
    """No backup for 7 days (and the log holds something worth keeping)."""
    last = last_backup_at(ctx.db)
    if isinstance(last, str):
        last = datetime.fromisoformat(last)
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=UTC)
    now = now or utc_now()
    return last is None or now - last > REMIND_AFTER


def backup_folder(settings: Any) -> Path:
    from desk_app.paths import data_dir

    folder = str(settings.get("backup.folder") or "")
    return Path(folder).expanduser() if folder else data_dir() / "backups"


def auto_backup(ctx: Any, passphrase: str | None, now: datetime | None = None) -> Path | None:
    """The daily backup into the backup folder, keeping the last N; None when not due (made
    today already), when turned off, or without a remembered passphrase."""
    if not ctx.settings.get("backup.auto") or not passphrase:
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
    path = folder / f"desk-{now:%Y%m%d-%H%M%S}{SUFFIX}"
    write_backup(ctx.db, path, passphrase, desk=ctx.log.desk)
    keep = int(ctx.settings.get("backup.keep"))
    old = sorted(folder.glob(f"desk-*{SUFFIX}"))[:-keep]
    for stale in old:
        try:
            stale.unlink()
        except OSError as exc:
            log.warning("old backup %s not removed: %s", stale, exc)
    return path


def daily_backup(ctx: Any) -> Path | None:
    """The daily backup with the passphrase remembered in the password store, if due."""
    if not ctx.settings.get("backup.auto"):
        return None
    from desk_app import mail_password

    return auto_backup(ctx, mail_password.get(KEYRING_USER))
