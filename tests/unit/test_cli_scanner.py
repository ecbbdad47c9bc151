"""``desk-app scanner``: the ports, and a serial scanner read from the command line (real pty)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desk_app.cli import main
from tests.conftest import REPO_ROOT
from tests.serial_pty import PtyScanner

CCCD = "001090012345||Nguyễn Văn An|14031990|Nam|Số 12 phố Hoa Sữa, Hà Nội|15082021"


def test_ports_as_json(capsys) -> None:
    assert main(["scanner", "ports", "--json"]) == 0
    ports = json.loads(capsys.readouterr().out)
    assert isinstance(ports, list)
    assert all(set(p) == {"port", "description"} for p in ports)


def test_listen_without_a_port_says_how_to_set_one(capsys, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    assert main(["--db", db, "--lang", "en", "scanner", "listen"]) == 1
    assert "desk-app config set scanner.port" in capsys.readouterr().err


def test_listen_prints_each_code_and_refuses_bad_bytes(tmp_path: Path) -> None:
    port = PtyScanner(tmp_path / "ttyACM0")
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "DESK_APP_LANG": "en"}
    command = [sys.executable, "-m", "desk_app", "--db", f"sqlite:///{tmp_path / 'l.sqlite3'}"]
    command += ["scanner", "listen", "--port", str(port.path), "--count", "3", "--json"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path
    )
    try:
        assert process.stderr is not None
        for line in process.stderr:  # wait until the port is open: bytes before are dropped
            if b"connected" in line and b"dis" not in line:
                break
        port.write(CCCD.encode()[:25])
        port.write(CCCD.encode()[25:] + b"\r\n")
        port.write(b"\xff\xfe\r\n")
        port.write(b"079193004321|TRAN THI BICH NGOC|1993-04-23|0|QID|<1<<\n")
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        port.close()
    assert process.returncode == 0
    rows = [json.loads(line) for line in out.decode().splitlines()]
    assert rows[0] == {"text": CCCD, "kind": "cccd", "reason": None}
    assert rows[1]["text"] is None and rows[1]["reason"] == "not_utf8"
    assert rows[2]["kind"] == "pccovid"
    assert "not UTF-8" in err.decode()


def test_listen_shows_no_relative_and_stops_at_its_count(tmp_path: Path) -> None:
    """An identity card's trailing fields (its holder's relatives) are blanked in what
    ``listen`` prints, as everywhere else; two codes in one read still stop at ``--count``."""
    card = (
        "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|20082024"
        "|001080999888|Nguyễn Văn Bố|Trần Thị Mẹ|Lê Thị Vợ"
    )
    holder = "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|20082024||||"
    for as_json in (False, True):
        port = PtyScanner(tmp_path / f"ttyACM{int(as_json)}")
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "DESK_APP_LANG": "en"}
        command = [sys.executable, "-m", "desk_app", "--db", f"sqlite:///{tmp_path / 'l.db'}"]
        command += ["scanner", "listen", "--port", str(port.path), "--count", "1"]
        command += ["--json"] if as_json else []
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path
        )
        try:
            assert process.stderr is not None
            for line in process.stderr:
                if b"connected" in line and b"dis" not in line:
                    break
            port.write(card.encode() + b"\r\n" + CCCD.encode() + b"\r\n")
            out, err = process.communicate(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
            port.close()
        assert process.returncode == 0
        lines = out.decode().splitlines()
        if as_json:
            assert [json.loads(line) for line in lines] == [
                {"text": holder, "kind": "cancuoc", "reason": None}
            ]
        else:
            assert lines == [holder]
        for relative in ("001080999888", "Nguyễn Văn Bố", "Trần Thị Mẹ", "Lê Thị Vợ"):
            assert relative not in out.decode() + err.decode()
