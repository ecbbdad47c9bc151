"""The operating system's reasons are told in the user's language, not the C library's English."""

from __future__ import annotations

import errno
import io
import sys
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.i18n.system import os_error_text


@pytest.mark.parametrize(
    ("code", "vi", "en"),
    [
        (errno.ENOENT, "không có tệp hoặc thư mục này", "no such file or folder"),
        (errno.EACCES, "không có quyền truy cập", "permission denied"),
        (errno.EROFS, "ổ đĩa chỉ cho đọc", "the disk is read-only"),
        (errno.ENOSPC, "ổ đĩa đầy", "disk full"),
        (errno.EISDIR, "đó là một thư mục", "it is a folder"),
    ],
)
def test_common_causes_have_words_in_both_languages(code: int, vi: str, en: str) -> None:
    exc = OSError(code, "system words")
    assert os_error_text(exc, "vi") == vi
    assert os_error_text(exc, "en") == en


def test_an_uncommon_cause_keeps_the_systems_text() -> None:
    assert os_error_text(OSError(errno.EXDEV, "Invalid cross-device link"), "vi") == (
        "Invalid cross-device link"
    )
    assert os_error_text(OSError("no number at all"), "en") == "no number at all"


def test_restoring_a_missing_archive_says_why_in_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("a long passphrase\n"))
    url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    missing = tmp_path / "gone.deskbackup"
    code = main(["--lang", "vi", "--db", url, "restore", str(missing), "--passphrase-stdin"])
    err = capsys.readouterr().err
    assert code == 1
    assert "không có tệp hoặc thư mục này" in err
    assert "No such file" not in err and "Traceback" not in err
    assert not (tmp_path / "log.sqlite3").exists()  # no new empty log for a restore that failed


def test_a_register_that_is_not_there_is_named_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'province.sqlite3'}"
    args = ["--lang", "en", "--db", url, "rollup", "--register", str(tmp_path / "none.csv")]
    code = main([*args, "--week", "2021-W41", "--out", str(tmp_path / "p.xlsx"), str(tmp_path)])
    err = capsys.readouterr().err
    assert code != 0
    assert "no such file or folder" in err and "Traceback" not in err
