"""Per-desk settings stay on the desk; the unit's settings are shared through the database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from desk_app.cli import main
from desk_app.context import AppContext
from desk_app.settings import SETTINGS, DeskFile, is_desk_key
from desk_app.storage.schema import SettingRow

CCCD = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"


def _at_desk(
    monkeypatch: pytest.MonkeyPatch, folder: Path, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _db_keys(url: str) -> set[str]:
    ctx = AppContext.open(url)
    try:
        return set(ctx.db.read(lambda s: list(s.scalars(select(SettingRow.key)))))
    finally:
        ctx.close()


def test_which_settings_are_the_desks() -> None:
    desk = {spec.key for spec in SETTINGS if spec.scope == "desk"}
    assert desk == {"desk.name", "desk.checkpoint", "scan.camera", "scan.sound", "ui.language"} | {
        spec.key for spec in SETTINGS if spec.key.startswith("scanner.")
    }
    assert is_desk_key("scanner.port")
    for key in ("unit.name", "unit.secret", "mail.host", "retention.days", "manager.pin_hash"):
        assert not is_desk_key(key)


def test_two_desks_on_one_database(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    gate_a, gate_b = tmp_path / "a", tmp_path / "b"
    db = ["--db", db_url]
    assert (
        _at_desk(monkeypatch, gate_a, capsys, *db, "config", "set", "desk.name", "Cổng A")[0] == 0
    )
    assert _at_desk(monkeypatch, gate_a, capsys, *db, "config", "set", "scan.camera", "1")[0] == 0
    assert (
        _at_desk(monkeypatch, gate_b, capsys, *db, "config", "set", "desk.name", "Cổng B")[0] == 0
    )
    code, out, _ = _at_desk(monkeypatch, gate_a, capsys, *db, "config", "set", "unit.name", "UBND")
    assert code == 0 and "(unit)" in out

    assert _at_desk(monkeypatch, gate_a, capsys, *db, "config", "get", "desk.name")[1] == "Cổng A\n"
    assert _at_desk(monkeypatch, gate_b, capsys, *db, "config", "get", "desk.name")[1] == "Cổng B\n"
    assert _at_desk(monkeypatch, gate_b, capsys, *db, "config", "get", "scan.camera")[1] == "0\n"
    assert _at_desk(monkeypatch, gate_b, capsys, *db, "config", "get", "unit.name")[1] == "UBND\n"

    stored = json.loads((gate_a / "desk-app" / "desk.json").read_text(encoding="utf-8"))
    assert stored == {"desk.name": "Cổng A", "scan.camera": "1"}
    assert not {key for key in _db_keys(db_url) if is_desk_key(key)}

    # Each desk records under its own name.
    _at_desk(monkeypatch, gate_b, capsys, *db, "record", CCCD, "--at", "2026-11-23T08:00")
    code, out, _ = _at_desk(monkeypatch, gate_a, capsys, *db, "log", "--json")
    assert [visit["desk"] for visit in json.loads(out)] == ["Cổng B"]

    code, out, _ = _at_desk(monkeypatch, gate_a, capsys, *db, "config", "list")
    lines = {line.split()[1]: line.split()[0] for line in out.splitlines()}
    assert lines["desk.name"] == "desk" and lines["ui.language"] == "desk"
    assert lines["unit.name"] == "unit" and lines["retention.days"] == "unit"


def test_an_older_database_gives_its_desk_keys_to_the_first_desk(
    db_url: str, tmp_path: Path
) -> None:
    ctx = AppContext.open(db_url)

    def older_version(session):  # type: ignore[no-untyped-def]
        for key, value in (
            ("desk.name", "Bàn cũ"),
            ("scan.camera", "2"),
            ("ui.language", "en"),
            ("unit.name", "UBND"),
        ):
            session.merge(SettingRow(key=key, value=json.dumps(value, ensure_ascii=False)))

    ctx.db.write(older_version)
    ctx.close()
    desk = DeskFile()
    desk.save({"ui.language": "vi"})  # this desk already chose its language: it stays

    ctx = AppContext.open(db_url)
    try:
        assert ctx.settings.get("desk.name") == "Bàn cũ"
        assert ctx.settings.get("scan.camera") == "2"
        assert ctx.settings.get("ui.language") == "vi"
        assert ctx.settings.get("unit.name") == "UBND"
    finally:
        ctx.close()
    assert desk.load() == {"desk.name": "Bàn cũ", "scan.camera": "2", "ui.language": "vi"}
    assert _db_keys(db_url) >= {"unit.name"}
    assert not {key for key in _db_keys(db_url) if is_desk_key(key)}


def test_a_damaged_desk_file_gives_the_defaults(sqlite_url: str) -> None:
    desk = DeskFile()
    desk.path.parent.mkdir(parents=True)
    desk.path.write_text("{not json", encoding="utf-8")
    ctx = AppContext.open(sqlite_url)
    try:
        assert ctx.settings.get("scan.camera") == "0"
        ctx.settings.set("scan.camera", "3")
        assert json.loads(desk.path.read_text(encoding="utf-8")) == {"scan.camera": "3"}
    finally:
        ctx.close()


def test_a_desk_setting_that_cannot_be_written_says_so(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """A config folder that cannot be made (a file in its place, a read-only profile) is an
    error the operator can act on, in one line, not an unexpected failure."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    code, out, err = _at_desk(
        monkeypatch, blocked, capsys, "--db", sqlite_url, "config", "set", "desk.name", "Cổng B"
    )
    assert code == 1 and out == ""
    assert "desk.name" in err and str(blocked / "desk-app") in err
    assert "Unexpected" not in err and "Traceback" not in err
    assert not (tmp_path / "desk-home" / "desk-app.log").exists()


def _dead_server() -> str:
    """A server URL nothing listens on: every connection is refused at once."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/desk"


def test_a_desk_setting_is_set_and_read_while_the_server_is_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A desk's own settings live in its file: they are set and read with the server out of
    reach (a desk set up before its server, or during an outage), by the same rules; the
    unit's settings still need the server."""
    folder, dead = tmp_path / "gate-2", _dead_server()
    code, out, err = _at_desk(
        monkeypatch, folder, capsys, "--db", dead, "config", "set", "desk.checkpoint", "Cổng phụ"
    )
    assert (code, err) == (0, ""), err
    assert out.startswith('desk.checkpoint = "Cổng phụ"')
    assert json.loads((folder / "desk-app" / "desk.json").read_text(encoding="utf-8")) == {
        "desk.checkpoint": "Cổng phụ"
    }
    code, out, err = _at_desk(
        monkeypatch, folder, capsys, "--db", dead, "config", "get", "desk.checkpoint"
    )
    assert (code, out) == (0, "Cổng phụ\n"), err
    code, out, err = _at_desk(
        monkeypatch, folder, capsys, "--db", dead, "config", "set", "desk.name", "B" * 101
    )
    assert code == 1 and "at most 100" in err
    code, out, err = _at_desk(
        monkeypatch, folder, capsys, "--db", dead, "config", "set", "retention.days", "20"
    )
    assert code == 1 and "Cannot reach the database server" in err
    assert "retention.days" not in (folder / "desk-app" / "desk.json").read_text(encoding="utf-8")
