"""The command-line contract: JSON keys, exit codes, masking, clear one-line errors."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app.cli import main

CCCD = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_json_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", CCCD, "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) >= {
        "kind",
        "id_number",
        "old_id_number",
        "name",
        "birth_date",
        "sex",
        "address",
        "issue_date",
        "warnings",
        "reason",
    }
    assert data["kind"] == "cccd" and data["birth_date"] == "1990-01-01"
    assert data["sex"] == "male" and data["old_id_number"] is None
    code, out, _ = run(capsys, "parse", "not a code", "--json")
    assert code == 2 and json.loads(out)["kind"] == "unrecognised"
    assert json.loads(out)["reason"]


def test_record_exit_codes_and_log(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    base = ["--db", sqlite_url]
    code, out, _ = run(capsys, *base, "record", CCCD, "--at", "2026-11-23T08:00", "--json")
    entry = json.loads(out)
    assert code == 0 and entry["outcome"] == "entry"
    assert entry["person"]["id_number"] == "001******456"
    code, out, _ = run(capsys, *base, "record", CCCD, "--at", "2026-11-23T08:00:05", "--json")
    assert code == 3 and json.loads(out)["outcome"] == "repeat"
    code, out, _ = run(
        capsys,
        *base,
        "record",
        CCCD,
        "--at",
        "2026-11-23T09:00",
        "--json",
        "--method",
        "scanner",
        "--desk",
        "Cổng 2",
    )
    assert code == 0 and json.loads(out)["outcome"] == "exit"
    code, out, _ = run(capsys, *base, "record", "xyz", "--json")
    assert code == 2 and json.loads(out)["outcome"] == "rejected"

    code, out, _ = run(capsys, *base, "log", "--from", "23/11/2026", "--to", "2026-11-23", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 1
    assert rows[0]["id_number"] == "001******456"
    # A range given back to front is said, not answered with an empty list.
    code, out, err = run(capsys, *base, "log", "--from", "24/11/2026", "--to", "23/11/2026")
    assert code == 1 and out == "" and "--from" in err and "24/11/2026" in err
    code, out, err = run(
        capsys, *base, "audit", "list", "--from", "2026-11-24", "--to", "2026-11-01"
    )
    assert code == 1 and "--to" in err and "Traceback" not in err
    assert rows[0]["exit_method"] == "scanner"
    assert rows[0]["entry_at"].startswith("2026-11-23T08:00:00+07:00")
    code, out, _ = run(capsys, *base, "log", "--full-ids", "--csv")
    assert "001090123456" in out and out.splitlines()[0].startswith("\ufeffvisit_id,")
    code, out, _ = run(capsys, *base, "log", "--inside", "--json")
    assert json.loads(out) == []
    code, _, err = run(capsys, *base, "log", "--from", "31/02/2026")
    assert code == 1 and "31/02/2026" in err and "Traceback" not in err


def test_config_and_purge(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    base = ["--db", sqlite_url]
    code, out, _ = run(capsys, *base, "config", "set", "unit.name", "UBND xã Thử")
    assert code == 0
    code, out, _ = run(capsys, *base, "config", "get", "unit.name")
    assert out.strip() == "UBND xã Thử"
    code, out, _ = run(capsys, *base, "config", "list")
    assert "retention.days = 30" in out and "unit.secret = ******" in out
    code, _, err = run(capsys, *base, "config", "set", "retention.days", "zero")
    assert code == 1 and "retention.days" in err
    code, _, err = run(capsys, *base, "config", "get", "unit.secret")
    assert code == 1
    run(capsys, *base, "record", CCCD, "--at", "2020-01-01T08:00")
    run(capsys, *base, "record", CCCD, "--at", "2020-01-01T09:00")
    code, out, _ = run(capsys, *base, "purge", "--older-than", "30")
    assert code == 0 and "1" in out
    code, out, _ = run(capsys, *base, "log", "--json")
    assert json.loads(out) == []


def test_vietnamese_messages_by_default(
    capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    code, _, err = run(capsys, "--lang", "vi", "--db", sqlite_url, "config", "get", "nope")
    assert code == 1 and err.startswith("Nhật ký mới, trống tại")  # a new file: said once
    code, _, err = run(capsys, "--lang", "vi", "--db", sqlite_url, "config", "get", "nope")
    assert code == 1 and err.startswith("Lỗi:") and "nope" in err


def test_bad_database_url_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", "nosuchdriver://x/y", "log")
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_newer_database_is_refused_and_unchanged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db_file = tmp_path / "newer.sqlite3"
    run(capsys, "--db", f"sqlite:///{db_file}", "log")
    conn = sqlite3.connect(db_file)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--db", f"sqlite:///{db_file}", "log")
    assert code == 1 and "9999_future" in err and "newer" in err
    conn = sqlite3.connect(db_file)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999_future",)
    conn.close()


def test_older_database_is_upgraded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_file = tmp_path / "old.sqlite3"
    sqlite3.connect(db_file).close()  # an empty database from before any migration
    code, _, _ = run(capsys, "--db", f"sqlite:///{db_file}", "record", CCCD)
    assert code == 0
    conn = sqlite3.connect(db_file)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM visits").fetchone() == (1,)
    conn.close()


def test_full_disk_is_explained_and_nothing_half_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_file = tmp_path / "full.sqlite3"
    url = f"sqlite:///{db_file}"
    run(capsys, "--db", url, "record", CCCD, "--at", "2026-11-23T08:00")
    conn = sqlite3.connect(db_file)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    from desk_app.storage import database

    original = database._sqlite_pragmas

    def tiny(dbapi_conn, record):  # type: ignore[no-untyped-def]
        original(dbapi_conn, record)
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(database, "_sqlite_pragmas", tiny)
    # Names are cut to their limit, so the disk fills with new people, not long names.
    big = "|" + "Trần Thị Bình" * 300 + "|15051995|Nữ|HCM|10102022"
    codes = []
    for i in range(400):
        code, _, err = run(capsys, "--db", url, "record", f"0791950{i:05d}" + big)
        codes.append(code)
        if code == 1:
            break
    assert codes[-1] == 1
    assert "full" in err.lower() and "Traceback" not in err
    monkeypatch.setattr(database, "_sqlite_pragmas", original)
    conn = sqlite3.connect(db_file)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM visits").fetchone()[0] >= 1
    conn.close()


def test_module_entry_point_runs_without_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "desk_app",
            "--db",
            f"sqlite:///{tmp_path}/x.sqlite3",
            "parse",
            CCCD,
            "--json",
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id_number"] == "001090123456"


@pytest.mark.parametrize(
    ("lang", "words"), [("vi", "không khớp trường nào"), ("en", "fits no field")]
)
def test_parse_shows_the_unplaced_value_warning(
    capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    text = "001090123456|12345678|Nguyễn Văn An|15031990|Nam|Hà Nội|20042021"
    code, out, _ = run(capsys, "--lang", lang, "parse", text)
    assert code == 0
    assert words in out and "(unplaced_field)" in out
    assert "Old ID number" not in out and "Số CMND cũ" not in out


@pytest.mark.parametrize(
    ("lang", "words"), [("vi", "không theo thứ tự chuẩn"), ("en", "not in the usual order")]
)
def test_parse_shows_a_card_read_by_shape(
    capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    text = "001191123456|123456789|Trần Thị Bình|02021991|Huế|03032022"
    code, out, _ = run(capsys, "--lang", lang, "parse", text)
    assert code == 0
    assert words in out and "(read_by_shape)" in out
    address, name = ("Địa chỉ", "Họ và tên") if lang == "vi" else ("Address", "Full name")
    assert f"{address}: Huế" in out and f"{name}: Trần Thị Bình" in out


def test_config_list_hides_a_stream_password(
    capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    url = "rtsp://admin:s3cret@10.0.0.5:554/live"
    assert run(capsys, "--db", sqlite_url, "config", "set", "scan.camera", url)[0] == 0
    code, out, _ = run(capsys, "--db", sqlite_url, "config", "list")
    assert code == 0
    assert "s3cret" not in out and "rtsp://admin:***@10.0.0.5:554/live" in out


def test_parse_shows_a_birth_year_alone_and_the_issuing_place(
    capsys: pytest.CaptureFixture[str],
) -> None:
    fields = ["0123456789", "48c3a02056c4836e2043", "1950", "1", "-", "01 - C54"]
    fields += ["01/01/2024", "-", "15/12/2023", "-", "-", "4", "-", "-", "4"]
    fields += ["424858482042e1baaf63204be1baa16e", "$"]
    code, out, _ = run(capsys, "--lang", "en", "parse", "|".join(fields))
    assert code == 0
    assert "Year of birth: 1950" in out
    assert "Valid from: 01/01/2024" in out
    assert "Issued by: BHXH Bắc Kạn" in out
    assert "Registered clinic: 01 - C54" in out and "Issue date: 15/12/2023" in out
