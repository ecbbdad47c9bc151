"""A roll-up run again: unchanged files are known without being read, the outputs without
being drawn, and whatever did change is read and drawn again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desk_app.domain.week import parse_week
from desk_app.rollup import outputs
from desk_app.rollup.province import roll_up
from desk_app.rollup.register import read_register
from desk_app.storage.database import Database
from tests.unit import province_fixture as pf

HOUR_NS = 3600 * 10**9


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> pf.Province:
    return pf.build(tmp_path_factory.mktemp("province"))


def _inbox(province: pf.Province, tmp_path: Path) -> Path:
    """A copy of week 41's files, written (as far as their times say) an hour ago."""
    inbox = tmp_path / "inbox"
    shutil.copytree(province.inbox[pf.W41], inbox)
    for path in inbox.rglob("*"):
        _age(path)
    return inbox


def _age(path: Path, hours: int = 1) -> None:
    stamp = path.stat().st_mtime_ns - hours * HOUR_NS
    os.utime(path, ns=(stamp, stamp))


def _refuse_reading(monkeypatch: pytest.MonkeyPatch, inbox: Path) -> list[Path]:
    """Reading any file of ``inbox`` fails (and is noted): what is known must not be read."""
    tried: list[Path] = []
    read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if inbox in self.parents:
            tried.append(self)
            raise PermissionError(13, "Permission denied")
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    return tried


def test_unchanged_files_are_not_read_again(
    province: pf.Province, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = _inbox(province, tmp_path)
    db = Database(db_url)
    register, week = read_register(province.register), parse_week(pf.W41)
    first = roll_up(db, register, week, [inbox])
    assert first.files_new == 8

    tried = _refuse_reading(monkeypatch, inbox)
    again = roll_up(db, register, week, [inbox])
    assert tried == []
    assert again.to_json() | {"files": None} == first.to_json() | {"files": None}
    assert again.files_new == 0 and again.reports_kept == 0
    monkeypatch.undo()

    # A report saved again over the same file is read again (it is another size).
    target = inbox / "BKN-002.xlsx"
    shutil.copyfile(inbox / "xa-an-thi" / "bao-cao.xlsx", target)  # BKN-001's report
    _age(target)
    tried = _refuse_reading(monkeypatch, inbox)
    with_change = roll_up(db, register, week, [inbox])
    assert tried == [target]  # only the changed file was opened, and it could not be
    reasons = {Path(n.path).name: n.reason for n in with_change.unmatched}
    assert reasons["BKN-002.xlsx"] == "cannot_read"
    monkeypatch.undo()
    read = roll_up(db, register, week, [inbox])
    assert read.files_new == 0  # its content was known: the same as bao-cao.xlsx
    db.dispose()


def test_a_file_just_written_is_read_again(
    province: pf.Province, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file read in the moment it was written may be written again at the same size and
    time (coarse file-system clocks): its size and times alone do not vouch for it."""
    inbox = tmp_path / "inbox"
    shutil.copytree(province.inbox[pf.W41], inbox)
    for path in inbox.rglob("*"):
        os.utime(path)  # written now
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    register, week = read_register(province.register), parse_week(pf.W41)
    roll_up(db, register, week, [inbox])
    tried = _refuse_reading(monkeypatch, inbox)
    roll_up(db, register, week, [inbox])
    assert len(tried) == 8  # every file, the PDF aside, is hashed again
    db.dispose()


def test_outputs_drawn_once_for_the_same_figures(
    province: pf.Province, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = _inbox(province, tmp_path)
    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    register, week = read_register(province.register), parse_week(pf.W41)
    result = roll_up(db, register, week, [inbox / "BKN-002.xlsx"])
    out, letter = tmp_path / "tinh.xlsx", tmp_path / "cong-van.docx"
    outputs.write_output(db, out, "xlsx", result, lang="vi")
    outputs.write_output(db, letter, "docx", result, lang="vi")
    workbook, draft = out.read_bytes(), letter.read_bytes()

    from desk_app.rollup import letter as letter_module
    from desk_app.rollup import workbook as workbook_module

    drawn: list[str] = []

    def refuse(kind: str):  # type: ignore[no-untyped-def]
        def draw(*_args: object, **_kwargs: object) -> bytes:
            drawn.append(kind)
            raise AssertionError(f"{kind} drawn again")

        return draw

    monkeypatch.setattr(workbook_module, "build_province_workbook", refuse("xlsx"))
    monkeypatch.setattr(letter_module, "build_letter", refuse("docx"))
    # Nothing new: the same bytes are written again, even over a deleted or edited file.
    again = roll_up(db, register, week, [inbox / "BKN-002.xlsx"])
    out.unlink()
    letter.write_bytes(b"edited")
    outputs.write_output(db, out, "xlsx", again, lang="vi")
    outputs.write_output(db, letter, "docx", again, lang="vi")
    assert (out.read_bytes(), letter.read_bytes()) == (workbook, draft)
    assert drawn == []

    # Another figure, another language: drawn again.
    more = roll_up(db, register, week, [inbox])
    with pytest.raises(AssertionError, match="xlsx drawn again"):
        outputs.write_output(db, out, "xlsx", more, lang="vi")
    with pytest.raises(AssertionError, match="docx drawn again"):
        outputs.write_output(db, letter, "docx", again, lang="en")
    monkeypatch.undo()
    assert outputs.output_bytes(db, "xlsx", more, lang="vi") != workbook
    db.dispose()


def test_command_line_second_run_writes_the_same_outputs(
    province: pf.Province, tmp_path: Path
) -> None:
    from desk_app.cli import main

    inbox = _inbox(province, tmp_path)
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    out, letter = tmp_path / "tinh.xlsx", tmp_path / "cong-van.docx"
    args = ["--db", url, "rollup", "--register", str(province.register), "--week", pf.W41]
    args += ["--out", str(out), "--letter", str(letter), str(inbox)]
    assert main(args) == 0
    first = out.read_bytes(), letter.read_bytes()
    out.unlink()
    letter.unlink()
    assert main(args) == 0
    assert (out.read_bytes(), letter.read_bytes()) == first


def test_an_output_not_kept_is_still_made(
    province: pf.Province, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two department desks keeping their copy at the same moment: one loses only the
    saving for next time."""
    from desk_app.storage.database import DatabaseError
    from desk_app.storage.province_reports import ProvinceReports

    db = Database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    register, week = read_register(province.register), parse_week(pf.W41)
    result = roll_up(db, register, week, [province.inbox[pf.W41] / "BKN-002.xlsx"])

    def raced(*_args: object) -> None:
        raise DatabaseError("UNIQUE constraint failed: province_outputs.kind")

    monkeypatch.setattr(ProvinceReports, "keep_output", raced)
    out = outputs.write_output(db, tmp_path / "tinh.xlsx", "xlsx", result, lang="vi")
    assert out.read_bytes().startswith(b"PK")
    monkeypatch.undo()
    key = outputs.fingerprint("xlsx", result, None, "vi", outputs.local_today())
    assert ProvinceReports(db).output("xlsx", key) is None
    db.dispose()
