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
