"""Hostile command-line input: bytes that are not UTF-8, numbers and dates out of range."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app.cli import main

REPO = Path(__file__).resolve().parents[2]
CCCD = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own refusals
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _escaped(raw: bytes) -> str:
    """What Python makes of these bytes in argv on POSIX."""
    return raw.decode("utf-8", "surrogateescape")


def test_invalid_utf8_is_a_rejected_scan_with_its_reason(
    capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    text = _escaped(b"001090123456||Nguy\xff\xfe|01011990|Nam|H|01012021")
    code, out, err = run(capsys, "--db", sqlite_url, "record", text, "--json")
    assert code == 2, err
    result = json.loads(out)
    assert result["outcome"] == "rejected" and result["reason"] == "not_utf8"
    code, out, _ = run(capsys, "--db", sqlite_url, "parse", _escaped(b"\xff\xfe"), "--json")
    assert code == 2 and json.loads(out)["reason"] == "not_utf8"
    with sqlite3.connect(sqlite_url.split("///", 1)[1]) as conn:
        stored = conn.execute("SELECT outcome, reason, text_head FROM scan_events").fetchall()
    assert stored == [
        ("rejected", "not_utf8", "001******456||Nguy\ufffd\ufffd|01011990|Nam|H|01012021")
    ]


def test_a_rejected_scan_without_a_person_reads_as_one_line(
    capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    code, out, _ = run(capsys, "--db", sqlite_url, "--lang", "en", "record", "garbage")
    assert code == 2
    line = out.strip().splitlines()[-1]
    assert line.startswith("Rejected: ") and "  " not in line
    assert line.endswith("(Unknown kind of code)")


def test_invalid_utf8_through_a_real_argv(tmp_path: Path, sqlite_url: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO), DESK_APP_LANG="en", LC_ALL="C.UTF-8")
    done = subprocess.run(
        [sys.executable, "-m", "desk_app", "--db", sqlite_url, "record", b"\xff\xfe\x41\x7c"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert b"not UTF-8" in done.stdout and b"Unexpected" not in done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "desk_app", "--db", sqlite_url, "record", CCCD, "--desk", b"\xff"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1 and b"not UTF-8" in done.stderr


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["purge", "--older-than", "99999999999"], "0 to 36500"),
        (["purge", "--older-than", "-1"], "0 to 36500"),
        (["record", CCCD, "--at", "0001-01-01T00:00"], "outside what a log can hold"),
        (["record", CCCD, "--at", "9999-12-31T23:59"], "outside what a log can hold"),
        (["record", CCCD, "--at", "2099-01-01T08:00"], "in the future"),
        (["log", "--from", "01/01/0001"], "outside what a log can hold"),
        (["report", "--week", "0001-W01", "--out", "r.xlsx"], "outside what a log can hold"),
        (["report", "--week", "9999-W52", "--out", "r.xlsx"], "Invalid week"),
        (["pass", "99999999999999999999", "--out", "p.pdf"], "Invalid number"),
        (["outbox", "save", "99999999999999999999", "x.eml"], "Invalid number"),
        (["outbox", "retry", "--id", "0"], "Invalid number"),
        (["scanner", "listen", "--port", "/dev/null", "--baud", "-1"], "1200 to 921600"),
        (["scanner", "listen", "--port", "/dev/null", "--baud", "10**9"], "1200 to 921600"),
        (["scanner", "listen", "--port", "/dev/null", "--count", "-5"], "Invalid number"),
    ],
)
def test_out_of_range_values_get_a_clear_error(
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    words: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--lang", "en", "--db", sqlite_url, *argv)
    assert code in (1, 2)
    assert words in err and "Unexpected" not in err
    assert len(err.strip().splitlines()) <= 3  # one line, or argparse's usage and one line


@pytest.mark.parametrize(
    "argv",
    [
        ["record", CCCD, "--desk", "Bàn\x1b[2J\x07"],
        ["log", "--from", "01/12/2026\r\n"],
        ["config", "set", "desk.name", "Bàn 1\x1b[31m"],
        ["config", "set", "unit.name", "Sở\r\nBcc: x@y.vn"],
        ["config", "set", "mail.recipients", "a@b.vn\r\nBcc: x@y.vn"],
    ],
)
def test_control_characters_in_an_argument_are_refused_on_one_line(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, argv: list[str]
) -> None:
    code, _, err = run(capsys, "--lang", "en", "--db", sqlite_url, *argv)
    assert code == 1 and "control characters" in err, err
    assert len(err.strip().splitlines()) == 1 and "\x1b" not in err and "\r" not in err
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()  # refused before opening


def test_control_characters_never_reach_a_stored_field(sqlite_url: str) -> None:
    from desk_app.context import AppContext

    ctx = AppContext.open(sqlite_url)
    ctx.log.desk = "Bàn\x1b[2J 1\u202e"  # a desk name set through the window or a script
    ctx.log.record_scan(ctx.parse(CCCD), method="camera")
    ctx.close()
    with sqlite3.connect(sqlite_url.removeprefix("sqlite:///")) as conn:
        desks = conn.execute("SELECT desk FROM visits UNION SELECT desk FROM scan_events")
        assert {row[0] for row in desks} == {"Bàn [2J 1"}


def test_a_server_answer_over_two_lines_is_said_on_one(capsys: pytest.CaptureFixture[str]) -> None:
    # PostgreSQL's "connection refused" carries a line break and a tab.
    url = "postgresql+psycopg://postgres@127.0.0.1:1/none"
    code, _, err = run(capsys, "--lang", "en", "--db", url, "log")
    assert code == 1 and "Cannot reach the database server 127.0.0.1:1" in err
    assert len(err.strip().splitlines()) == 1


def test_a_scan_time_ahead_of_the_clock_is_refused_beyond_a_little_slack(
    capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    from datetime import datetime, timedelta

    soon = (datetime.now() + timedelta(minutes=3)).isoformat(timespec="seconds")
    code, out, err = run(capsys, "--db", sqlite_url, "record", CCCD, "--at", soon, "--json")
    assert code == 0, err
    assert json.loads(out)["outcome"] == "entry"
    later = (datetime.now() + timedelta(days=365)).isoformat(timespec="seconds")
    code, _, err = run(capsys, "--lang", "en", "--db", sqlite_url, "record", CCCD, "--at", later)
    assert code == 1 and "in the future" in err
    code, out, _ = run(capsys, "--db", sqlite_url, "log", "--json")
    assert len(json.loads(out)) == 1  # the refused time left nothing in the log
