"""What the command line shows a person: labels in Vietnamese unless told, DD/MM/YYYY dates;
the machine outputs keep English names and ISO dates."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app import i18n
from desk_app.cli import main

CCCD = "001090123456|123456789|Nguyễn Văn An|01021990|Nam|Hà Nội|15032021"
REPO = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def default_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """The language a desk gets when nobody chose one."""
    monkeypatch.delenv("DESK_APP_LANG", raising=False)
    i18n.set_language(os.environ.get("DESK_APP_LANG") or "vi")


def test_parse_speaks_vietnamese_by_default_with_dd_mm_yyyy(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DESK_APP_LANG"}
    env["PYTHONPATH"] = str(REPO)
    proc = subprocess.run(
        [sys.executable, "-m", "desk_app", "parse", CCCD],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert "Loại mã: CCCD gắn chip (cccd)" in lines
    assert "Họ và tên: Nguyễn Văn An" in lines
    assert "Ngày sinh: 01/02/1990" in lines and "Ngày cấp: 15/03/2021" in lines
    assert "Giới tính: Nam" in lines and "Số CMND cũ: 123456789" in lines
    assert "1990-02-01" not in proc.stdout and "birth_date" not in proc.stdout


def test_parse_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "en", "parse", CCCD)
    lines = out.splitlines()
    assert code == 0
    assert "Kind of code: Chip citizen ID card (cccd)" in lines
    assert "Date of birth: 01/02/1990" in lines and "Issue date: 15/03/2021" in lines
    assert "Sex: Male" in lines and "Full name: Nguyễn Văn An" in lines


def test_parse_reason_is_labelled(
    capsys: pytest.CaptureFixture[str], default_language: None
) -> None:
    code, out, _ = run(capsys, "parse", "not a code")
    assert code == 2
    assert "Lý do: Không nhận ra loại mã (unknown_format)" in out.splitlines()


def test_parse_json_keeps_iso_dates_and_says_so(
    capsys: pytest.CaptureFixture[str], default_language: None
) -> None:
    code, out, _ = run(capsys, "parse", CCCD, "--json")
    data = json.loads(out)
    assert code == 0 and data["birth_date"] == "1990-02-01" and data["issue_date"] == "2021-03-15"
    with pytest.raises(SystemExit):
        main(["--lang", "en", "parse", "--help"])
    assert "ISO 8601" in capsys.readouterr().out


@pytest.fixture
def recorded(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> str:
    """A log with one visit: in at 08:00, out at 09:30 on 23/11/2026."""
    for at in ("2026-11-23T08:00", "2026-11-23T09:30"):
        assert main(["--db", sqlite_url, "record", CCCD, "--at", at]) == 0
    capsys.readouterr()
    return sqlite_url


def test_person_show_in_vietnamese_by_default(
    capsys: pytest.CaptureFixture[str], recorded: str, default_language: None
) -> None:
    code, out, _ = run(capsys, "--db", recorded, "person", "show", "001090123456")
    lines = out.splitlines()
    assert code == 0
    assert "Họ và tên: Nguyễn Văn An" in lines and "Ngày sinh: 01/02/1990" in lines
    assert "Giới tính: Nam" in lines and "Lần đầu ghi nhận: 23/11/2026 08:00:00" in lines
    assert any(
        line.startswith("  23/11/2026 08:00:00  23/11/2026 09:30:00  CCCD gắn chip")
        for line in lines
    )
    assert any(line.startswith("  23/11/2026 09:30:00  RA  Camera") for line in lines)
    assert any("Xem hồ sơ người (person_show)" in line for line in lines)
    assert "2026-11-23" not in out and "1990-02-01" not in out and "birth_date" not in out


def test_person_show_in_english(capsys: pytest.CaptureFixture[str], recorded: str) -> None:
    code, out, _ = run(capsys, "--db", recorded, "--lang", "en", "person", "show", "#1")
    lines = out.splitlines()
    assert code == 0
    assert "Full name: Nguyễn Văn An" in lines and "Date of birth: 01/02/1990" in lines
    assert "Sex: Male" in lines
    assert any(line.startswith("  23/11/2026 08:00:00  IN  Camera") for line in lines)
    assert any("Person record viewed (person_show)" in line for line in lines)
    # The machine output keeps ISO dates and English keys.
    code, out, _ = run(capsys, "--db", recorded, "person", "show", "#1", "--json")
    data = json.loads(out)
    assert data["person"]["birth_date"] == "1990-02-01"
    assert data["visits"][0]["entry_at"].startswith("2026-11-23T08:00:00")


@pytest.mark.parametrize(
    ("lang", "words"),
    [("vi", "Xem hồ sơ người (person_show)"), ("en", "Person record viewed (person_show)")],
)
def test_audit_list_names_the_action(
    capsys: pytest.CaptureFixture[str], recorded: str, lang: str, words: str
) -> None:
    assert main(["--db", recorded, "person", "show", "#1"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "--db", recorded, "--lang", lang, "audit", "list")
    assert code == 0 and words in out
    from desk_app.timeutil import format_date, local_today

    assert f" {format_date(local_today())} " in out
    code, out, _ = run(capsys, "--db", recorded, "audit", "list", "--json")
    assert json.loads(out)[-1]["action"] == "person_show"


@pytest.mark.parametrize(
    ("lang", "words"), [("vi", "Camera  Vào  Nguyễn Văn An"), ("en", "Camera  In  Nguyễn Văn An")]
)
def test_journal_list_speaks_the_chosen_language(
    capsys: pytest.CaptureFixture[str], lang: str, words: str
) -> None:
    from datetime import UTC, datetime

    from desk_app.storage.journal import Journal

    Journal().add(
        CCCD,
        at=datetime(2026, 11, 23, 1, 0, tzinfo=UTC),
        method="camera",
        direction="in",
        desk="Cổng 1",
        checkpoint="",
        debounce_seconds=-1,
    )
    code, out, _ = run(capsys, "--lang", lang, "journal", "list")
    assert code == 0
    assert "23/11/2026 08:00:00  Cổng 1  " in out and words in out


@pytest.mark.parametrize(
    ("lang", "start"),
    [
        ("vi", "Tuần từ 11 đến 17/10/2021: 6 điểm, 4 điểm có báo cáo"),
        ("en", "Week of 11 to 17/10/2021: 6 points, 4 reported"),
    ],
)
def test_rollup_summary_names_the_week_by_its_days(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str, start: str
) -> None:
    from tests.unit import province_fixture as pf

    province = pf.build(tmp_path / "province")
    url = f"sqlite:///{tmp_path / 'rollup.sqlite3'}"
    args = ["--db", url, "--lang", lang, "rollup", "--register", str(province.register)]
    code, out, _ = run(capsys, *args, "--week", pf.W41, str(province.inbox[pf.W41]))
    assert code == 0
    assert out.splitlines()[0].startswith(start), out
    assert "2021-W41" not in out


@pytest.mark.parametrize(
    ("lang", "data", "check"),
    [
        ("vi", "Thư mục dữ liệu (data_dir): ", "Kiểm tra cơ sở dữ liệu: Cơ sở dữ liệu nguyên vẹn"),
        ("en", "Data folder (data_dir): ", "Database check: The database is sound"),
    ],
)
def test_diag_labels_speak_the_chosen_language(
    capsys: pytest.CaptureFixture[str], recorded: str, lang: str, data: str, check: str
) -> None:
    code, out, _ = run(capsys, "--db", recorded, "--lang", lang, "diag")
    lines = out.splitlines()
    assert code == 0
    assert any(line.startswith(data) for line in lines) and check in lines
    code, out, _ = run(capsys, "--db", recorded, "diag", "--json")
    assert json.loads(out)["database_check"]["status"] == "ok"


@pytest.mark.parametrize(
    ("lang", "period", "status"),
    [("vi", "Tuần từ 16 đến 22/11/2026", "chờ gửi"), ("en", "Week of 16 to 22/11/2026", "pending")],
)
def test_outbox_and_person_show_name_the_report_week_by_its_days(
    capsys: pytest.CaptureFixture[str], recorded: str, lang: str, period: str, status: str
) -> None:
    from desk_app.storage import outbox
    from desk_app.storage.database import Database
    from desk_app.timeutil import format_date, local_today
    from tests.unit.test_privacy import _report_message

    body = _report_message([("Nguyễn Văn An", "001******456")])
    db = Database(recorded)
    try:
        outbox.queue(db, body, period="2026-W47", subject="Báo cáo tuần 47", recipients="r")
    finally:
        db.dispose()
    code, out, _ = run(capsys, "--db", recorded, "--lang", lang, "outbox", "list")
    assert code == 0 and period in out and status in out, out
    assert f"  {format_date(local_today())} " in out and "2026-W47" not in out
    code, out, _ = run(capsys, "--db", recorded, "--lang", lang, "person", "show", "#1")
    assert code == 0
    assert f"{period}  {status}  Báo cáo tuần 47" in out, out  # the message names him
