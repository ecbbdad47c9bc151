"""House rules that a test can check: the Qt-free rooms import no Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "desk_app"
QT_FREE = [
    "domain",
    "storage",
    "reports/weekly.py",
    "reports/workbook.py",
    "reports/mail.py",
    "scanning/decoder.py",
    "scanning/imaging.py",
    "scanning/sources.py",
    "scanning/code_shape.py",
    "scanning/serial_scanner.py",
    "settings.py",
    "i18n",
    "context.py",
    "reports/cells.py",
    "reports/detail_sheet.py",
    "reports/report_data.py",
    "rollup",
]


def _modules(entry: str) -> list[Path]:
    path = PACKAGE / entry
    if path.is_dir():
        return sorted(path.rglob("*.py"))
    return [path] if path.exists() else []


@pytest.mark.parametrize("entry", QT_FREE)
def test_qt_free_rooms_import_no_qt(entry: str) -> None:
    files = _modules(entry)
    assert files, f"{entry} is missing"
    for file in files:
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("PySide6", "shiboken6")), f"{file} imports {name}"
                assert not name.startswith("desk_app.ui"), f"{file} imports {name}"


def test_housekeeping_purges_and_checks_out(sqlite_url: str) -> None:
    from datetime import UTC, datetime, timedelta

    from desk_app.context import AppContext

    ctx = AppContext.open(sqlite_url)
    t0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    old = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
    ctx.log.record_scan(ctx.parse(old), at=t0 - timedelta(days=60))
    ctx.log.record_scan(ctx.parse(old), at=t0 - timedelta(days=60, hours=-1))
    today = "079195012345||Trần Thị Bình|15051995|Nữ|HCM|10102022"
    ctx.log.record_scan(ctx.parse(today), at=t0)
    assert ctx.housekeeping(now=t0 + timedelta(hours=12)) == {"checked_out": 0, "purged": 1}
    ctx.settings.set("visits.auto_checkout", True)
    assert ctx.housekeeping(now=t0 + timedelta(hours=12)) == {"checked_out": 1, "purged": 0}
    assert ctx.log.inside() == []
    ctx.close()


def test_migrations_have_one_head() -> None:
    """Two migrations written at the same time on the same parent leave two heads: the
    program could then upgrade no database."""
    from alembic.script import ScriptDirectory

    from desk_app.storage.migrate import alembic_config

    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1
