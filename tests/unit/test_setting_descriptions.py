"""Every setting says what it is for in Vietnamese and English; ``config list`` speaks the
language asked for, Vietnamese when none is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.i18n import CATALOGUE
from desk_app.settings import SETTINGS

REPO = Path(__file__).resolve().parents[2]


def test_every_setting_is_described_in_both_languages() -> None:
    for spec in SETTINGS:
        entry = CATALOGUE.get(f"setting.{spec.key}")
        assert entry is not None, spec.key
        vi, en = entry.get("vi", "").strip(), entry.get("en", "").strip()
        assert vi and en, spec.key
        assert vi != en, spec.key
        assert not vi.isascii(), f"{spec.key}: {vi!r} has no Vietnamese letter"


def test_no_description_for_a_setting_that_does_not_exist() -> None:
    declared = {f"setting.{spec.key}" for spec in SETTINGS}
    described = {key for key in CATALOGUE if key.startswith("setting.")}
    assert described == declared


def _described_lines(out: str) -> dict[str, str]:
    """key -> description, from ``config list``'s ``scope  key = value    # description``."""
    lines: dict[str, str] = {}
    for line in out.splitlines():
        head, _, description = line.partition("    # ")
        key = head.partition(" = ")[0].split()[-1]
        lines[key] = description
    return lines


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_config_list_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, lang: str
) -> None:
    assert main(["--lang", lang, "--db", sqlite_url, "config", "list"]) == 0
    lines = _described_lines(capsys.readouterr().out)
    assert list(lines) == [spec.key for spec in SETTINGS]
    for spec in SETTINGS:
        assert lines[spec.key] == CATALOGUE[f"setting.{spec.key}"][lang]


def test_config_list_is_vietnamese_when_no_language_is_asked_for(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DESK_APP_LANG"}
    proc = subprocess.run(
        [sys.executable, "-m", "desk_app", "--db", f"sqlite:///{tmp_path}/x.sqlite3"]
        + ["config", "list"],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=REPO,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    lines = _described_lines(proc.stdout)
    assert lines["retention.days"] == "Xóa các lượt ra vào cũ hơn số ngày này"
    assert lines["ui.language"] == "Ngôn ngữ giao diện"
    assert proc.stdout.startswith(("bàn", "đơn vị"))  # the scope column too
