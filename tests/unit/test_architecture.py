"""House rules that a test can check: the Qt-free rooms load no Qt, only storage touches
tables, and the command line's staff import runs without Qt."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "desk_app"
QT_FREE = [
    "domain",
    "storage",
    "i18n",
    "cli",
    "reports",
    "rollup",
    "scanning/decoder.py",
    "scanning/imaging.py",
    "scanning/image_size.py",
    "scanning/sources.py",
    "scanning/code_shape.py",
    "scanning/serial_scanner.py",
    "settings.py",
    "context.py",
    "timeutil.py",
    "errors.py",
    "paths.py",
    "outputs.py",
    "staff_list.py",
    "backup.py",
    "mail_password.py",
    "privacy_notice.py",
    "native.py",
]
QT_PACKAGES = ("PySide6", "shiboken6")
TABLE_PACKAGES = ("sqlalchemy", "alembic")


def _files(entry: str) -> list[Path]:
    path = PACKAGE / entry
    if path.is_dir():
        return sorted(p for p in path.rglob("*.py") if "migrations" not in p.parts)
    return [path] if path.exists() else []


def _module(file: Path) -> str:
    parts = list(file.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(file: Path, *, nested: bool = True) -> list[str]:
    """What ``file`` imports; only at module level when not ``nested``."""
    tree = ast.parse(file.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree) if nested else tree.body:
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
            # ``from desk_app.storage import schema`` imports desk_app.storage.schema
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


# Imports each module in turn in one fresh interpreter and names the first one after whose
# import Qt is loaded: the modules imported before it did not load Qt, so it is the culprit.
_FIRST_QT_LOADER = """
import importlib, json, sys
for name in json.loads(sys.argv[1]):
    importlib.import_module(name)
    if any(m.split(".")[0] in ("PySide6", "shiboken6") for m in sys.modules):
        print(name)
        break
"""


def test_qt_free_rooms_load_no_qt_in_a_fresh_interpreter() -> None:
    modules = [_module(f) for entry in QT_FREE for f in _files(entry)]
    assert len(modules) > 40
    done = _run(_FIRST_QT_LOADER, json.dumps(modules))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"{done.stdout.strip()} loads Qt"


def test_the_fresh_interpreter_check_can_fail() -> None:
    done = _run(
        _FIRST_QT_LOADER, json.dumps(["desk_app.domain.visits", "desk_app.ui.desk.result_banner"])
    )
    assert done.stdout.strip() == "desk_app.ui.desk.result_banner", done.stderr


@pytest.mark.parametrize("entry", QT_FREE)
def test_qt_free_rooms_import_neither_qt_nor_the_window(entry: str) -> None:
    files = _files(entry)
    assert files, f"{entry} is missing"
    # The command line opens the window and reports Qt's version on demand, inside a command.
    nested = entry != "cli"
    for file in files:
        for name in _imports(file, nested=nested):
            assert not name.startswith(QT_PACKAGES), f"{file} imports {name}"
            assert not name.startswith("desk_app.ui"), f"{file} imports {name}"
            assert not name.startswith("desk_app.printing"), f"{file} imports {name}"


def test_only_storage_touches_tables() -> None:
    storage = PACKAGE / "storage"
    offenders = [
        f"{file.relative_to(REPO)} imports {name}"
        for file in sorted(PACKAGE.rglob("*.py"))
        if storage not in file.parents
        for name in _imports(file)
        if name.split(".")[0] in TABLE_PACKAGES or name == "desk_app.storage.schema"
    ]
    assert offenders == []


def test_staff_import_from_the_command_line_loads_no_qt(tmp_path: Path) -> None:
    staff = tmp_path / "staff.csv"
    staff.write_text("Mã nhân viên,Họ và tên\nNV01,Đỗ Thị Hà\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from desk_app.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6')\n"
        "print('qt:', loaded)\n"
        "sys.exit(status)\n"
    )
    db = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    done = _run(code, "--db", db, "--lang", "en", "staff", "import", str(staff))
    assert done.returncode == 0, done.stderr
    assert "1" in done.stdout.splitlines()[0]
    assert "qt: []" in done.stdout, done.stdout


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


_RESOURCES_PROBE = """
import importlib.abc, importlib.machinery, json, sys, types
from pathlib import Path

class OtherCopy(importlib.abc.MetaPathFinder):
    # What an editable install of a second checkout does: it answers for desk_app.resources.
    def find_spec(self, name, path=None, target=None):
        if name == "desk_app.resources":
            spec = importlib.machinery.ModuleSpec(name, None, is_package=True)
            spec.submodule_search_locations = [sys.argv[1]]
            return spec
        return None

sys.meta_path.insert(0, OtherCopy())
import desk_app
from desk_app.paths import resources_dir
print(json.dumps([str(resources_dir()), str(Path(desk_app.__file__).parent.parent)]))
"""


def test_a_checkout_uses_its_own_resources(tmp_path: Path) -> None:
    """Another copy of the project installed in the same Python never lends its files."""
    other = tmp_path / "other" / "resources"
    (other / "sounds").mkdir(parents=True)
    done = _run(_RESOURCES_PROBE, str(other))
    assert done.returncode == 0, done.stderr
    found, checkout = json.loads(done.stdout)
    assert Path(found) == Path(checkout) / "resources"
