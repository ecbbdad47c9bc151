"""Several desks opening a new database, or one that needs an upgrade, at the same moment."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import pytest
from alembic import command
from sqlalchemy import create_engine

from desk_app.storage.database import Database
from desk_app.storage.migrate import alembic_config, current_revision, head_revision
from tests.unit.desk_children import open_together

DESKS = 8


def _open_at_once(url: str) -> list[str]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Manager().Barrier(DESKS)
    with ProcessPoolExecutor(DESKS, mp_context=context) as pool:
        futures = [pool.submit(open_together, url, barrier, n) for n in range(DESKS)]
        return [f.result(timeout=300) for f in futures]


@pytest.mark.slow
def test_desks_open_a_new_database_at_once(db_url: str) -> None:
    outcomes = _open_at_once(db_url)
    assert outcomes == ["entry"] * DESKS, "\n".join(o for o in outcomes if o != "entry")
    db = Database(db_url)
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.dispose()


@pytest.mark.slow
def test_desks_open_a_database_needing_an_upgrade_at_once(db_url: str) -> None:
    first = "0001"
    if head_revision() == first:
        pytest.skip("one schema version only: nothing to upgrade from")
    engine = create_engine(db_url)
    if engine.dialect.name == "sqlite":  # as the app leaves every log it made
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode = WAL")
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, first)
    engine.dispose()
    outcomes = _open_at_once(db_url)
    assert outcomes == ["entry"] * DESKS, "\n".join(o for o in outcomes if o != "entry")


def test_the_everyday_start_reads_the_revision_without_alembic(sqlite_url: str) -> None:
    """A start that finds the schema current reads the revision with one query and the
    newest one from the migration files; both agree with alembic's own answers."""
    from desk_app.storage.migrate import head_in_files, stored_revision

    assert head_in_files() == head_revision()
    fresh = create_engine(sqlite_url)
    assert stored_revision(fresh) is None  # no version table yet
    fresh.dispose()
    db = Database(sqlite_url)
    try:
        assert stored_revision(db.engine) == current_revision(db.engine) == head_in_files()
        with db.engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, "0005")
        assert stored_revision(db.engine) == "0005"
    finally:
        db.dispose()
    db = Database(sqlite_url)  # an older schema is still brought up to date
    try:
        assert stored_revision(db.engine) == head_revision()
    finally:
        db.dispose()
