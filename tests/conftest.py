"""Shared fixtures: Qt offscreen, a throw-away data folder and database per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DESK_APP_TZ"] = "Asia/Ho_Chi_Minh"
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLES_QR = REPO_ROOT.parent / "shared" / "samples" / "qr"


@pytest.fixture(autouse=True)
def _data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder; nothing touches the user's real one."""
    home = tmp_path / "desk-home"
    monkeypatch.setenv("DESK_APP_HOME", str(home))
    # This desk's own settings file (platformdirs' user config folder on Linux).
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "desk-config"))
    monkeypatch.delenv("DESK_APP_DB", raising=False)
    monkeypatch.setenv("DESK_APP_LANG", "en")
    from desk_app import i18n

    i18n.set_language("en")
    return home


def _postgres_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


def _fresh_postgres(url: str) -> str:
    """A fresh schema-free database on the test server, dropped tables from earlier tests."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A throw-away database: a SQLite file, and the test PostgreSQL when there is one."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'log.sqlite3'}"
        return
    url = _postgres_url()
    if url is None:
        if os.environ.get("CI"):
            pytest.fail("TEST_DATABASE_URL is not set in CI: the PostgreSQL suite must run")
        pytest.skip("TEST_DATABASE_URL not set (no PostgreSQL server for this run)")
    yield _fresh_postgres(url)


@pytest.fixture
def pg_url() -> str:
    """The test PostgreSQL alone, for what only a server does (several writers at once)."""
    url = _postgres_url()
    if url is None:
        if os.environ.get("CI"):
            pytest.fail("TEST_DATABASE_URL is not set in CI: the PostgreSQL suite must run")
        pytest.skip("TEST_DATABASE_URL not set (no PostgreSQL server for this run)")
    return _fresh_postgres(url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'log.sqlite3'}"


@pytest.fixture(scope="session")
def translations_built() -> Path:
    """The window's ``.qm`` files, compiled once per run when missing or older than the ``.ts``."""
    from desk_app.ui.i18n_qt import ensure_qm, translations_dir

    ensure_qm()
    return translations_dir()
