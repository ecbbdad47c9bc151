"""A damaged, foreign, newer, read-only or mistyped database: a clear sentence, nothing made
or changed that should not be."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_app.cli import main

REPO = Path(__file__).resolve().parents[2]
CCCD = "0010901234{:02d}||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _log_with_visits(capsys: pytest.CaptureFixture[str], path: Path, count: int = 40) -> str:
    url = f"sqlite:///{path}"
    for i in range(count):
        assert run(capsys, "--db", url, "record", CCCD.format(i))[0] == 0
    return url


def _root_page(path: Path, table: str) -> tuple[int, int]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type='table' AND name=?", (table,)
        ).fetchone()[0]
    return root, page_size


def _checkpoint(path: Path) -> None:
    """Every page in the main file (the write-ahead file emptied)."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _damage_page(path: Path, table: str) -> None:
    _checkpoint(path)
    root, page_size = _root_page(path, table)
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page_size + 200)
        fh.write(b"\xa5" * (page_size - 400))


def test_damaged_pages_are_found_at_start_and_by_diag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "log.sqlite3"
    url = _log_with_visits(capsys, db)
    code, out, err = run(capsys, "--db", url, "diag", "--json")
    assert code == 0 and json.loads(out)["database_check"]["status"] == "ok"
    _damage_page(db, "visits")
    before = db.read_bytes()
    for argv in (
        ["log"],
        ["record", CCCD.format(99)],
        ["report", "--out", str(tmp_path / "r.xlsx")],
    ):
        code, _, err = run(capsys, "--db", url, *argv)
        assert code == 1
        assert err.strip() == f"Error: Database damaged: restore a backup ({db})."
    code, out, err = run(capsys, "--db", url, "diag", "--json")
    assert code == 1 and json.loads(out)["database_check"]["status"] == "damaged"
    assert "restore a backup" in err
    assert db.read_bytes() == before


def test_a_damaged_value_is_a_damaged_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "log.sqlite3"
    url = _log_with_visits(capsys, db, 3)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("UPDATE visits SET entry_at = 'garbage' WHERE id = 2")
        conn.commit()
    for argv in (["record", CCCD.format(1)], ["report", "--week", "current", "--out", "r.xlsx"]):
        code, _, err = run(capsys, "--db", url, *argv)
        assert code == 1 and "Database damaged: restore a backup" in err, err
        assert str(db) in err


@pytest.mark.parametrize(
    ("damage", "reader"),
    [
        # a name that is bytes, not text
        ("UPDATE people SET name = x'fffe' WHERE id = 2", ["person", "find", "Nguyễn"]),
        # a time that is a number
        ("UPDATE visits SET exit_at = 12345 WHERE id = 2", ["log"]),
    ],
)
def test_a_value_of_the_wrong_type_is_a_damaged_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str, reader: list[str]
) -> None:
    db = tmp_path / "log.sqlite3"
    url = _log_with_visits(capsys, db, 3)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute(damage)
        conn.commit()
    for argv in (["report", "--week", "current", "--out", str(tmp_path / "r.xlsx")], reader):
        code, _, err = run(capsys, "--db", url, *argv)
        assert code == 1 and "Database damaged: restore a backup" in err, (argv, err)
        assert "Unexpected error" not in err


def test_diag_exits_non_zero_on_a_newer_schema_and_a_foreign_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "log.sqlite3"
    url = _log_with_visits(capsys, db, 1)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
        conn.commit()
    code, out, _ = run(capsys, "--db", url, "diag", "--json")
    assert code == 1 and json.loads(out)["database_check"]["status"] == "newer"
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", f"sqlite:///{text}", "diag", "--json")
    assert code == 1 and json.loads(out)["database_check"]["status"] == "not_database"
    code, _, err = run(capsys, "--db", f"sqlite:///{text}", "log")
    assert code == 1 and err.strip() == f"Error: {text} is not a desk_app database file."
    assert text.read_text(encoding="utf-8") == "not a database at all\n"
    # diag looks without making anything
    missing = tmp_path / "none.sqlite3"
    code, out, _ = run(capsys, "--db", f"sqlite:///{missing}", "diag", "--json")
    assert code == 0 and json.loads(out)["database_check"]["status"] == "missing"
    assert not missing.exists()


def test_a_mistyped_folder_makes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "typo" / "deeper" / "log.sqlite3"
    code, _, err = run(capsys, "--db", f"sqlite:///{target}", "record", CCCD.format(1))
    assert code == 1
    assert str(tmp_path / "typo" / "deeper") in err and "does not exist" in err
    assert list(tmp_path.iterdir()) == [tmp_path / "desk-home"] or not (tmp_path / "typo").exists()
    assert not (tmp_path / "typo").exists()


def test_a_new_file_is_announced_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "new.sqlite3"
    code, _, err = run(capsys, "--db", f"sqlite:///{target}", "log")
    assert code == 0 and err.strip() == f"New empty log at {target}"
    code, _, err = run(capsys, "--db", f"sqlite:///{target}", "log")
    assert code == 0 and err == ""


def test_a_plain_path_names_a_sqlite_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--db", "desk.sqlite3", "record", CCCD.format(1))
    assert code == 0 and err.strip() == f"New empty log at {tmp_path / 'desk.sqlite3'}"
    code, out, _ = run(capsys, "--db", str(tmp_path / "desk.sqlite3"), "log")
    assert code == 0 and "Nguyễn Văn An" in out
    target = tmp_path / "typo" / "log.sqlite3"  # a mistyped folder still makes nothing
    code, _, err = run(capsys, "--db", str(target), "log")
    assert code == 1 and "does not exist" in err and not (tmp_path / "typo").exists()


def test_a_path_written_as_a_folder_makes_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "nhật ký"
    code, _, err = run(
        capsys, "--lang", "en", "--db", str(missing) + os.sep, "record", CCCD.format(1)
    )
    assert code == 1 and "does not exist" in err and str(missing) in err
    monkeypatch.setenv("DESK_APP_DB", "typo" + os.sep)
    code, _, err = run(capsys, "--lang", "en", "log")
    assert code == 1 and "does not exist" in err and str(tmp_path / "typo") in err
    monkeypatch.delenv("DESK_APP_DB")
    (tmp_path / "logs").mkdir()
    code, _, err = run(capsys, "--lang", "en", "--db", str(tmp_path / "logs") + os.sep, "log")
    assert code == 1 and "is not a desk_app database file" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "desk-home") == ["logs"]
    assert list((tmp_path / "logs").iterdir()) == []


def test_the_default_data_folder_is_still_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "fresh" / "home"
    monkeypatch.setenv("DESK_APP_HOME", str(home))
    code, _, err = run(capsys, "log")
    assert code == 0 and (home / "desk.sqlite3").exists()
    assert "New empty log" in err


def test_window_status_says_new_or_read_only(tmp_path: Path) -> None:
    from desk_app.app import database_notice
    from desk_app.context import AppContext

    ctx = AppContext.open(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    assert database_notice(ctx) == f"New empty log at {tmp_path / 'w.sqlite3'}"
    ctx.close()
    ctx = AppContext.open(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    assert database_notice(ctx) == ""
    ctx.close()


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), DESK_APP_LANG="en")
    return subprocess.run(
        [sys.executable, "-m", "desk_app", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )


@contextlib.contextmanager
def _read_only_view(source: Path, view: Path) -> Iterator[Path]:
    """``source`` seen through a read-only bind mount at ``view`` (a read-only medium)."""
    view.mkdir()
    bind = ["mount", "--bind", str(source), str(view)]
    mounted = subprocess.run(bind, capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("no bind mounts here (needs root)")
    try:
        remount = ["mount", "-o", "remount,bind,ro", str(view)]
        if subprocess.run(remount, capture_output=True, check=False).returncode != 0:
            pytest.skip("no read-only remount here")
        yield view
    finally:
        subprocess.run(["umount", str(view)], check=True)


def test_a_log_on_read_only_media_can_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desk_app.context import AppContext

    source = tmp_path / "stick"
    source.mkdir()
    ctx = AppContext.open(f"sqlite:///{source / 'log.sqlite3'}")
    for i in range(3):
        ctx.log.record_scan(ctx.parse(CCCD.format(i)), method="camera")
    ctx.close()
    for extra in source.glob("log.sqlite3.*"):  # the migration's lock file
        extra.unlink()
    assert sorted(p.name for p in source.iterdir()) == ["log.sqlite3"]
    with _read_only_view(source, tmp_path / "ro") as view:
        # In child processes, so that no connection holds the mount when it goes.
        url = f"sqlite:///{view / 'log.sqlite3'}"
        done = _cli("--db", url, "log", "--json")
        assert done.returncode == 0, done.stderr
        assert len(json.loads(done.stdout)) == 3
        done = _cli("--db", url, "record", CCCD.format(7))
        assert done.returncode == 1
        assert "read-only" in done.stderr and "Nothing was written" in done.stderr
        done = _cli("--db", f"sqlite:///{view / 'other.sqlite3'}", "log")
        assert done.returncode == 1 and "read-only" in done.stderr
        done = _cli("--db", url, "diag", "--json")
        assert done.returncode == 0
        assert json.loads(done.stdout)["database_check"]["status"] == "ok"
    # nothing was made beside the file: no write-ahead or shared-memory files
    assert sorted(p.name for p in source.iterdir()) == ["log.sqlite3"]


def test_a_log_of_an_older_version_on_read_only_media_says_to_copy_it(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from desk_app.storage.migrate import alembic_config

    source = tmp_path / "cd"
    source.mkdir()
    engine = create_engine(f"sqlite:///{source / 'log.sqlite3'}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    engine.dispose()
    with _read_only_view(source, tmp_path / "ro") as view:
        done = _cli("--db", f"sqlite:///{view / 'log.sqlite3'}", "log")
        assert done.returncode == 1
        assert "older desk_app" in done.stderr and "copy it to a writable folder" in done.stderr
        assert "it can be read" not in done.stderr


def test_a_read_only_log_with_write_ahead_content_left_is_read_whole(tmp_path: Path) -> None:
    # A program that stopped without folding its write-ahead file into the log (a pulled
    # stick, a power cut), then the medium mounted read-only: SQLite cannot make its
    # shared-memory file there, and the last changes live in the write-ahead file only.
    from desk_app.context import AppContext

    source = tmp_path / "stick"
    source.mkdir()
    log_file = source / "log.sqlite3"
    ctx = AppContext.open(f"sqlite:///{log_file}")
    for i in range(3):
        ctx.log.record_scan(ctx.parse(CCCD.format(i)), method="camera")
    ctx.close()
    for extra in source.glob("log.sqlite3.*"):
        extra.unlink()
    writer = sqlite3.connect(log_file)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE people SET name = 'Lê Văn Cuối' WHERE id = 1")
    writer.commit()
    snapshot = {p.name: p.read_bytes() for p in source.iterdir() if p.suffix != ".sqlite3-shm"}
    writer.close()  # closing folds the write-ahead file in: put back what a crash leaves
    for name, data in snapshot.items():
        (source / name).write_bytes(data)
    for shm in source.glob("*-shm"):
        shm.unlink()
    assert (source / "log.sqlite3-wal").stat().st_size > 0
    with _read_only_view(source, tmp_path / "ro") as view:
        url = f"sqlite:///{view / 'log.sqlite3'}"
        done = _cli("--db", url, "log", "--json")
        assert done.returncode == 0, done.stderr
        assert "Lê Văn Cuối" in {v["name"] for v in json.loads(done.stdout)}
        done = _cli("--db", url, "diag", "--json")
        assert json.loads(done.stdout)["database_check"]["status"] == "ok", done.stdout


def _file_size_limit() -> None:
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))


def _on_a_full_disk(url: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """The command line on ``url`` in a process that can write no file past 16 KB."""
    return subprocess.run(
        [sys.executable, "-m", "desk_app", "--db", url, *argv],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO), DESK_APP_LANG="en"),
        preexec_fn=_file_size_limit,  # noqa: PLW1509 - only sets a limit, no threads yet
        check=False,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="file size limit is POSIX")
def test_a_disk_too_full_for_the_shared_memory_file_says_disk_full(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # SQLite names this "disk I/O error" (SQLITE_IOERR_SHMSIZE): the 32 KB shared-memory file
    # beside the log cannot grow. A full disk and a file size limit look the same to it.
    db = tmp_path / "log.sqlite3"
    url = _log_with_visits(capsys, db, 2)
    _checkpoint(db)
    for shm in tmp_path.glob("*-shm"):
        shm.unlink()
    done = _on_a_full_disk(url, "record", CCCD.format(9))
    assert done.returncode == 1
    assert "disk is full" in done.stderr and "I/O" not in done.stderr, done.stderr
    assert run(capsys, "--db", url, "log")[0] == 0  # with room again, the log is whole


@pytest.mark.skipif(sys.platform == "win32", reason="file size limit is POSIX")
def test_a_log_on_a_full_disk_can_still_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Who is inside must still be listed when the disk is full: the log opens read-only, as
    # on read-only media, and only a write says the disk is full.
    db = tmp_path / "log.sqlite3"
    url = _log_with_visits(capsys, db, 2)
    _checkpoint(db)
    for shm in tmp_path.glob("*-shm"):
        shm.unlink()
    before = db.read_bytes()

    def full(*argv: str) -> subprocess.CompletedProcess[str]:
        return _on_a_full_disk(url, *argv)

    listed = full("log", "--inside", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 2
    recorded = full("record", CCCD.format(9))
    assert recorded.returncode == 1
    assert "disk is full" in recorded.stderr and "read-only" not in recorded.stderr
    assert db.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="file size limit is POSIX")
def test_a_log_of_an_older_version_on_a_full_disk_says_disk_full(tmp_path: Path) -> None:
    # It cannot be read before it is upgraded, and cannot be upgraded without room.
    from alembic import command
    from sqlalchemy import create_engine

    from desk_app.storage.migrate import alembic_config, head_revision

    db = tmp_path / "log.sqlite3"
    engine = create_engine(f"sqlite:///{db}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    engine.dispose()
    with contextlib.closing(sqlite3.connect(db)) as plain:
        plain.execute("PRAGMA journal_mode = WAL")  # as every log is
    assert head_revision() != "0001"
    before = db.read_bytes()
    done = _on_a_full_disk(f"sqlite:///{db}", "log")
    assert done.returncode == 1
    assert "disk is full" in done.stderr and "read-only" not in done.stderr, done.stderr
    assert db.read_bytes() == before


_ROOM_AGAIN = """
import resource, signal, sys
from desk_app.app import database_notice
from desk_app.context import AppContext

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (16384, resource.RLIM_INFINITY))
ctx = AppContext.open(sys.argv[1])
print(ctx.db.read_only, database_notice(ctx))
try:
    ctx.log.record_scan(ctx.parse(sys.argv[2]), method="camera")
except Exception as exc:
    print(type(exc).__name__)
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
print(ctx.log.record_scan(ctx.parse(sys.argv[2]), method="camera").outcome.value)
print(ctx.db.read_only, repr(database_notice(ctx)))
ctx.close()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="file size limit is POSIX")
def test_a_desk_on_a_full_disk_says_so_and_records_again_once_there_is_room(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "log.sqlite3"
    url = _log_with_visits(capsys, db, 1)
    _checkpoint(db)
    for shm in tmp_path.glob("*-shm"):
        shm.unlink()
    env = dict(os.environ, PYTHONPATH=str(REPO), DESK_APP_LANG="en")
    done = subprocess.run(
        [sys.executable, "-c", _ROOM_AGAIN, url, CCCD.format(7)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"True The disk of the log {db} is full: it is open for reading only. "
        "Free some space to record scans.",
        "DiskFull",
        "entry",
        "False ''",
    ]
    listed = _cli("--db", url, "log", "--json")  # a fresh process: this one's view is stale
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 2, listed.stderr


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_a_log_in_memory_is_refused(capsys: pytest.CaptureFixture[str], url: str) -> None:
    # "Recorded" into memory, the scan would be gone when the command ends.
    code, _, err = run(capsys, "--lang", "en", "--db", url, "record", CCCD.format(1))
    assert code == 1 and "in memory keeps nothing" in err


def test_a_home_folder_in_the_url_is_the_home_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    code, _, err = run(capsys, "--lang", "en", "--db", "sqlite:///~/log.sqlite3", "log")
    assert code == 0, err
    assert (tmp_path / "log.sqlite3").exists()


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE visits SET entry_at = 'garbage' WHERE id = 2",  # drops out of every date range
        "UPDATE visits SET person_id = 999 WHERE id = 2",  # a visit of nobody
    ],
)
def test_diag_finds_damage_the_page_check_cannot_see(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    db = tmp_path / "log.sqlite3"
    url = _log_with_visits(capsys, db, 3)
    code, out, _ = run(capsys, "--db", url, "diag", "--json")
    assert code == 0 and json.loads(out)["database_check"]["status"] == "ok"
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(damage)
        conn.commit()
    code, out, _ = run(capsys, "--db", url, "diag", "--json")
    assert code == 1 and json.loads(out)["database_check"]["status"] == "damaged"


@pytest.mark.parametrize(
    ("damage", "readers"),
    [
        # a birth date that is not a date
        (
            "UPDATE people SET birth_date = 'notadate' WHERE id = 2",
            [["log"], ["person", "find", "Nguyễn"]],
        ),
        # the warnings of a visit that are bytes, not text
        (
            "UPDATE visits SET warnings = x'ff' WHERE id = 2",
            [["log", "--csv"], ["report", "--week", "current", "--out", "r.xlsx", "--no-pdf"]],
        ),
    ],
)
def test_a_damaged_date_or_text_is_a_damaged_database_and_diag_says_so(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    damage: str,
    readers: list[list[str]],
) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "log.sqlite3"
    url = _log_with_visits(capsys, db, 3)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute(damage)
        conn.commit()
    for argv in readers:
        code, _, err = run(capsys, "--db", url, *argv)
        assert code == 1 and err.strip() == f"Error: Database damaged: restore a backup ({db}).", (
            argv,
            err,
        )
    code, out, _ = run(capsys, "--db", url, "diag", "--json")
    assert code == 1 and json.loads(out)["database_check"]["status"] == "damaged"


@pytest.mark.parametrize(
    "stored",
    [
        "'{not json'",  # not JSON at all
        "'\"abc'",  # an unterminated text
        "'[1, 2]'",  # JSON, but not an identifier
    ],
)
def test_a_damaged_unit_identifier_is_a_damaged_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stored: str
) -> None:
    db = tmp_path / "log.sqlite3"
    _log_with_visits(capsys, db, 1)
    _checkpoint(db)
    for key in ("unit.id", "unit.secret"):
        copy = tmp_path / f"{key}.sqlite3"
        copy.write_bytes(db.read_bytes())
        with contextlib.closing(sqlite3.connect(copy)) as conn:
            conn.execute(f"UPDATE settings SET value = {stored} WHERE key = ?", (key,))
            conn.commit()
        before = copy.read_bytes()
        for argv in (["log"], ["record", CCCD.format(2)]):
            code, _, err = run(capsys, "--db", f"sqlite:///{copy}", *argv)
            assert code == 1, (key, argv, err)
            assert err.strip() == f"Error: Database damaged: restore a backup ({copy}).", err
        assert copy.read_bytes() == before  # no new secret made over the damaged one
        code, out, _ = run(capsys, "--db", f"sqlite:///{copy}", "diag", "--json")
        assert code == 1 and json.loads(out)["database_check"]["status"] == "damaged"


def test_a_stored_setting_out_of_its_range_counts_as_unset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A retention of -5 days would purge today's visits and more; a debounce that is a word
    would stop every scan. Each is read as its default, as a desk file edited into nonsense is."""
    db = tmp_path / "log.sqlite3"
    url = _log_with_visits(capsys, db, 2)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("INSERT INTO settings VALUES ('retention.days', '-5')")
        conn.execute("INSERT INTO settings VALUES ('scan.debounce_seconds', '\"ten\"')")
        conn.commit()
    code, out, err = run(capsys, "--db", url, "config", "get", "retention.days")
    assert code == 0 and out.strip() == "30", err
    code, out, err = run(capsys, "--db", url, "purge")
    assert code == 0, err
    assert "0 visits" in out
    code, out, err = run(capsys, "--db", url, "record", CCCD.format(5))
    assert code == 0, err
    code, out, _ = run(capsys, "--db", url, "log", "--json")
    assert len(json.loads(out)) == 3


def _foreign_sqlite(path: Path) -> bytes:
    """Another program's SQLite file (a browser's history, an accounting program's data)."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.vn')")
        conn.commit()
    return path.read_bytes()


def test_another_programs_sqlite_file_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A mistyped --db naming some other program's SQLite file: no tables, no write-ahead
    # mode and no files beside it are added to it.
    other = tmp_path / "places.sqlite"
    before = _foreign_sqlite(other)
    url = f"sqlite:///{other}"
    for argv in (["log"], ["record", CCCD.format(1)], ["config", "set", "unit.name", "X"]):
        code, _, err = run(capsys, "--lang", "en", "--db", url, *argv)
        assert code == 1 and err.strip() == f"Error: {other} is not a desk_app database file."
    code, out, _ = run(capsys, "--lang", "en", "--db", url, "diag", "--json")
    assert code == 1 and json.loads(out)["database_check"]["status"] == "not_database"
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "desk-home") == [other.name]


@pytest.mark.parametrize(
    "damage", ["DROP TABLE alembic_version", "DELETE FROM alembic_version", "DROP TABLE visits"]
)
def test_a_log_missing_its_version_or_a_table_is_damaged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    db = tmp_path / "log.sqlite3"
    url = _log_with_visits(capsys, db, 2)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute(damage)
        conn.commit()
    for argv in (["log"], ["record", CCCD.format(1)]):
        code, _, err = run(capsys, "--lang", "en", "--db", url, *argv)
        assert code == 1 and err.strip() == f"Error: Database damaged: restore a backup ({db}).", (
            err
        )
    code, out, _ = run(capsys, "--lang", "en", "--db", url, "diag", "--json")
    assert code == 1 and json.loads(out)["database_check"]["status"] == "damaged"


def test_a_log_of_an_older_version_on_read_only_media_can_be_read(tmp_path: Path) -> None:
    """An older version kept the desk's settings in the log. Read from a read-only medium
    (an archived log), they cannot be moved out of it: the log is read all the same, and
    this desk's own settings are not taken from an archive."""
    from desk_app.context import AppContext

    source = tmp_path / "stick"
    source.mkdir()
    ctx = AppContext.open(f"sqlite:///{source / 'log.sqlite3'}")
    ctx.log.record_scan(ctx.parse(CCCD.format(1)), method="camera")
    ctx.close()
    with sqlite3.connect(source / "log.sqlite3") as conn:
        conn.execute("""INSERT INTO settings(key, value) VALUES ('desk.name', '"Bàn cũ"')""")
    conn.close()
    for extra in source.glob("log.sqlite3.*"):
        extra.unlink()
    with _read_only_view(source, tmp_path / "ro") as view:
        url = f"sqlite:///{view / 'log.sqlite3'}"
        done = _cli("--db", url, "log", "--json")
        assert done.returncode == 0, done.stderr
        assert len(json.loads(done.stdout)) == 1
        done = _cli("--db", url, "config", "get", "desk.name")
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() != "Bàn cũ"


@pytest.mark.parametrize("name", ["desk%20log.sqlite3", "a?b.sqlite3", "100%.sqlite3"])
def test_a_file_name_with_url_signs_is_that_very_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """A log saved from a download ("desk%20log.sqlite3") is read, not a new empty
    "desk log.sqlite3" made beside it; a "?" in a name is no start of options."""
    kept = tmp_path / "kept.sqlite3"
    assert run(capsys, "--db", str(kept), "record", CCCD.format(1))[0] == 0
    for part in tmp_path.glob("kept.sqlite3*"):  # with its write-ahead files, if still there
        part.rename(tmp_path / part.name.replace("kept.sqlite3", name))
    code, out, err = run(capsys, "--db", str(tmp_path / name), "log")
    assert code == 0, err
    assert "1 visits" in out and "New empty log" not in err
    assert sorted(p.name for p in tmp_path.glob("*.sqlite3")) == [name]
    code, out, err = run(capsys, "--db", str(tmp_path / name), "record", CCCD.format(2))
    assert code == 0, err
    code, out, err = run(capsys, "--db", str(tmp_path / name), "log")
    assert "2 visits" in out
