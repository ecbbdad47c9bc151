"""A database server that refuses: said in the user's words, naming what to check."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url, text

from desk_app.cli import main


def _run(capsys: pytest.CaptureFixture[str], url: str, lang: str = "en") -> str:
    code = main(["--lang", lang, "--db", url, "log"])
    out, err = capsys.readouterr()
    assert code == 1 and not out
    assert "Traceback" not in err and "\\n" not in err and "FATAL" not in err
    return err


def test_a_port_where_no_server_listens(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://desk:secret@127.0.0.1:{port}/log"
    err = _run(capsys, url)
    assert f"Cannot reach the database server 127.0.0.1:{port}" in err
    assert "secret" not in err
    err = _run(capsys, url, "vi")
    assert f"Không kết nối được máy chủ cơ sở dữ liệu 127.0.0.1:{port}" in err


def test_an_unknown_login(capsys: pytest.CaptureFixture[str], pg_url: str) -> None:
    url = make_url(pg_url).set(username="nobody_here", password="pw")
    err = _run(capsys, url.render_as_string(hide_password=False))
    assert "refused the login nobody_here" in err and "pw" not in err.split(":", 1)[1]


def test_a_database_the_server_does_not_have(
    capsys: pytest.CaptureFixture[str], pg_url: str
) -> None:
    url = make_url(pg_url).set(database="no_such_log_here")
    err = _run(capsys, url.render_as_string(hide_password=False))
    assert "has no database no_such_log_here" in err


@pytest.fixture
def bare_login(pg_url: str) -> Iterator[str]:
    """A login that may connect but was granted nothing."""
    name = f"desk_bare_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE {name} LOGIN"))
    try:
        yield make_url(pg_url).set(username=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP OWNED BY {name}"))
            conn.execute(text(f"DROP ROLE {name}"))
        admin.dispose()


def test_a_login_without_rights(capsys: pytest.CaptureFixture[str], bare_login: str) -> None:
    err = _run(capsys, bare_login)
    name = make_url(bare_login).username
    assert f"The login {name} lacks rights on the database" in err


def test_a_login_that_may_use_the_schema_but_not_create_in_it(
    capsys: pytest.CaptureFixture[str], pg_url: str, bare_login: str
) -> None:
    name = make_url(bare_login).username
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {name}"))
    admin.dispose()
    err = _run(capsys, bare_login)
    assert f"The login {name} lacks rights on the database desk_test" in err


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "PostgreSQL"])
def test_a_server_url_written_as_libpq_writes_it(
    capsys: pytest.CaptureFixture[str], pg_url: str, scheme: str
) -> None:
    url = scheme + "://" + pg_url.split("://", 1)[1]
    card = "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Số 1, Hà Nội|15082021"
    assert main(["--db", url, "record", card]) == 0
    assert main(["--db", url, "log", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "Nguyễn Văn An" in out and "plugin" not in err
