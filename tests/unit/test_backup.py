"""Encrypted backups: SQLite to PostgreSQL and back, old staff cards still verifying."""

from __future__ import annotations

import io
import json
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desk_app import backup
from desk_app.cli import main
from desk_app.context import AppContext
from desk_app.domain import own_codes
from desk_app.storage import audit, snapshot
from desk_app.storage.schema import OutboxMessage

MINH = "001090123456||Nguyễn Văn Minh|01011990|Nam|Hà Nội|01012021"
NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
PASS = "mật khẩu dài đủ"


def _postgres() -> str:
    from tests.conftest import _fresh_postgres

    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip("TEST_DATABASE_URL not set (no PostgreSQL server for this run)")
    return _fresh_postgres(url)


def _fill(ctx: AppContext) -> str:
    ctx.settings.set("unit.name", "UBND xã Thử")
    ctx.log.upsert_staff("CB-1", "Hoàng Thị Nguyệt")
    ctx.log.record_scan(ctx.parse(MINH), at=NOW)
    ctx.log.record_scan(ctx.parse(MINH), at=NOW + timedelta(hours=1))
    ctx.db.write(
        lambda s: s.add(
            OutboxMessage(created_at=NOW, subject="s", recipients="r", message=b"\x00\xffraw",
                          status="pending", attempts=0, last_error="")
        )
    )  # fmt: skip
    ctx.log.audit("full_id_shown", "visit 1", query="minh")
    return own_codes.encode_staff(
        ctx.settings.unit_secret(), ctx.settings.unit_id(), "CB-1", "Hoàng Thị Nguyệt"
    )


def _printed_before(ctx: AppContext) -> list[str]:
    """A checkpoint poster and a visitor pass printed before the backup."""
    secret, unit = ctx.settings.unit_secret(), ctx.settings.unit_id()
    return [
        own_codes.encode_checkpoint(secret, unit, "Cổng chính", 1),
        own_codes.encode_visitor_pass(secret, unit, own_codes.new_pass_token(), date(2030, 1, 1)),
    ]


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text + "\n"))


def _content(ctx: AppContext) -> dict[str, object]:
    tables = backup.dump(ctx.db)["tables"]
    tables.pop("audit")  # the restore adds its own record
    return tables


def test_sqlite_to_postgresql_and_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = f"sqlite:///{tmp_path / 'first.sqlite3'}"
    ctx = AppContext.open(first)
    card = _fill(ctx)
    printed = _printed_before(ctx)
    before = _content(ctx)
    archive = tmp_path / "unit.deskbackup"
    _stdin(monkeypatch, PASS)
    assert main(["--db", first, "backup", str(archive), "--passphrase-stdin"]) == 0
    assert b"Minh" not in archive.read_bytes() and b"CB-1" not in archive.read_bytes()
    ctx.close()

    pg = _postgres()
    _stdin(monkeypatch, PASS)
    assert main(["--db", pg, "restore", str(archive), "--passphrase-stdin"]) == 0
    ctx = AppContext.open(pg)
    assert ctx.parse(card).recognised, "a staff card printed before verifies"
    assert all(ctx.parse(code).recognised for code in printed)
    assert _content(ctx) == before
    assert audit.verify(ctx.db, ctx.settings.unit_secret()).ok
    ctx.log.record_scan(ctx.parse(MINH), at=NOW + timedelta(hours=3))  # ids go on
    second_archive = tmp_path / "from-pg.deskbackup"
    backup.write_backup(ctx.db, second_archive, PASS)
    moved = _content(ctx)
    ctx.close()

    last = f"sqlite:///{tmp_path / 'last.sqlite3'}"
    _stdin(monkeypatch, PASS)
    assert main(["--db", last, "restore", str(second_archive), "--passphrase-stdin"]) == 0
    ctx = AppContext.open(last)
    assert ctx.parse(card).recognised
    assert all(ctx.parse(code).recognised for code in printed)
    forged = own_codes.encode_staff(b"another unit's secret", ctx.settings.unit_id(), "CB-1",
                                    "Hoàng Thị Nguyệt")  # fmt: skip
    assert not ctx.parse(forged).recognised  # the same card signed with another secret
    assert _content(ctx) == moved
    assert [r.action for r in ctx.log.audit_records()][-2:] == ["backup", "restore"]
    ctx.close()


def test_restore_refuses_a_database_with_data_and_a_wrong_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    ctx = AppContext.open(url)
    _fill(ctx)
    archive = tmp_path / "a.deskbackup"
    backup.write_backup(ctx.db, archive, PASS)
    ctx.close()
    _stdin(monkeypatch, PASS)
    assert main(["--db", url, "restore", str(archive), "--passphrase-stdin"]) == 1
    assert "empty" in capsys.readouterr().err
    other = f"sqlite:///{tmp_path / 'b.sqlite3'}"
    _stdin(monkeypatch, "wrong passphrase")
    assert main(["--db", other, "restore", str(archive), "--passphrase-stdin"]) == 1
    err = capsys.readouterr().err
    assert "passphrase" in err and "Traceback" not in err
    damaged = tmp_path / "damaged.deskbackup"
    data = bytearray(archive.read_bytes())
    data[-5] ^= 1
    damaged.write_bytes(bytes(data))
    with pytest.raises(backup.BackupError):
        backup.decrypt(bytes(data), PASS)
    _stdin(monkeypatch, "short")
    assert main(["--db", other, "backup", str(tmp_path / "x"), "--passphrase-stdin"]) == 1


def test_daily_backup_keeps_the_last_n_and_the_reminder(sqlite_url: str, tmp_path: Path) -> None:
    ctx = AppContext.open(sqlite_url)
    assert not backup.reminder_due(ctx)  # an empty log: nothing to keep yet
    ctx.log.audit("full_id_shown", "visit 1")  # the log's first record
    begun = snapshot.first_record_at(ctx.db)
    assert begun is not None
    begun = begun if begun.tzinfo else begun.replace(tzinfo=UTC)
    assert not backup.reminder_due(ctx)  # set up today: nothing to remind yet
    assert not backup.reminder_due(ctx, now=begun + timedelta(days=7))
    assert backup.reminder_due(ctx, now=begun + timedelta(days=7, minutes=1))
    ctx.settings.set("backup.auto", True)
    ctx.settings.set("backup.folder", str(tmp_path / "daily"))
    ctx.settings.set("backup.keep", 2)
    made = []
    for day in range(3):
        (tmp_path / "daily").mkdir(exist_ok=True)
        path = backup.auto_backup(ctx, PASS, now=datetime.now(UTC) + timedelta(days=day))
        assert path is not None
        made.append(path)
    assert backup.auto_backup(ctx, PASS) is None  # made today already
    assert sorted((tmp_path / "daily").iterdir()) == made[1:]
    assert not backup.reminder_due(ctx)
    last = backup.last_backup_at(ctx.db)
    assert last is not None
    last = last if last.tzinfo else last.replace(tzinfo=UTC)
    assert not backup.reminder_due(ctx, now=last + timedelta(days=7))  # 7 days: not yet
    assert backup.reminder_due(ctx, now=last + timedelta(days=7, minutes=1))
    assert backup.reminder_due(ctx, now=datetime.now(UTC) + timedelta(days=8))
    assert backup.auto_backup(ctx, None) is None
    assert json.loads(ctx.log.audit_records()[-1].detail)["file"] == made[-1].name
    ctx.close()


def test_a_backup_never_overwrites_the_log_or_a_foreign_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = tmp_path / "log.sqlite3"
    url = f"sqlite:///{db_file}"
    ctx = AppContext.open(url)
    _fill(ctx)
    ctx.close()
    link = tmp_path / "link.deskbackup"
    link.symlink_to(db_file)  # the log under a backup's name
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me", encoding="utf-8")
    before = db_file.read_bytes()
    for target, words in ((db_file, ".deskbackup"), (link, "database"), (notes, ".deskbackup")):
        _stdin(monkeypatch, PASS)
        assert main(["--db", url, "backup", str(target), "--passphrase-stdin"]) == 1
        assert words in capsys.readouterr().err
    assert db_file.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
    assert notes.read_text(encoding="utf-8") == "keep me"
    assert link.is_symlink()
