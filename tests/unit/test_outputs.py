"""Output files: written whole or not at all, never over the log, never with a wrong extension;
the CSV export holds no formula and reads the same on any console."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.outputs import OutputError, write_bytes, write_with

REPO = Path(__file__).resolve().parents[2]
CCCD = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
HOSTILE = ['=HYPERLINK("http://x","y")', "=9+12", "+1", "-2", "@SUM(A1)", "\tx", "\rx"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _record_hostile(db: str) -> None:
    from desk_app.context import AppContext

    ctx = AppContext.open(db)
    for i, text in enumerate(HOSTILE):
        # The desk name is free text kept as typed, as a purpose or an organisation is.
        ctx.log.desk = text
        identity = ctx.parse(f"0010901234{i:02d}||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021")
        ctx.log.record_scan(identity, method="camera")
    ctx.close()


def test_csv_cells_never_start_a_formula_and_file_has_bom(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    _record_hostile(sqlite_url)
    out = tmp_path / "visits.csv"
    code, stdout, err = run(capsys, "--db", sqlite_url, "log", "--csv", "--out", str(out))
    assert code == 0, err
    assert str(out) in stdout
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(HOSTILE)
    desks = sorted(row["desk"] for row in rows)
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert "'=9+12" in desks and '\'=HYPERLINK("http://x","y")' in desks


@pytest.mark.parametrize(("separator", "char"), [(";", ";"), ("tab", "\t"), (",", ",")])
def test_csv_with_the_separator_asked_for(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    separator: str,
    char: str,
) -> None:
    from desk_app.context import AppContext

    ctx = AppContext.open(sqlite_url)
    ctx.log.desk = "Cổng 1; Cổng 2, tầng 1"  # a separator inside one cell (a tab never is stored)
    ctx.log.record_scan(ctx.parse(CCCD), method="camera")
    ctx.close()
    out = tmp_path / "visits.csv"
    argv = ["--db", sqlite_url, "log", "--csv", "--separator", separator, "--out", str(out)]
    code, _, err = run(capsys, *argv)
    assert code == 0, err
    text = out.read_bytes().decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(text, newline=""), delimiter=char))
    assert header[:3] == ["visit_id", "name", "id_number"] and len(row) == len(header)
    assert dict(zip(header, row, strict=True))["desk"] == "Cổng 1; Cổng 2, tầng 1"
    assert text.splitlines()[0].count(char) == len(header) - 1


def test_a_separator_without_csv_is_refused(
    capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    code, out, err = run(capsys, "--db", sqlite_url, "log", "--separator", ";")
    assert code == 1 and out == "" and "--csv" in err


# Formulas hidden from a plain "starts with =" check: behind spaces that an import trims, or
# written with the full-width signs of an East Asian keyboard.
DISGUISED = [" =9+12", "  @SUM(1)", "\u3000=1+1", "\u00a0-1+1", "＝1+1", "＋1", "－1", "＠SUM(1)"]


def _lo_formulas(
    soffice: str,
    source: Path,
    folder: Path,
    infilter: str = "CSV:44,34,76,1,,0,false,true,false,false,true,false,true",
) -> list[str]:
    """The cells LibreOffice Calc takes for formulas when it imports ``source`` as UTF-8 CSV
    with "trim spaces" and "evaluate formulas" on."""
    from openpyxl import load_workbook

    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'lo-profile'}",
            "--headless",
            f"--infilter={infilter}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(folder / (source.stem + ".xlsx")).active
    assert sheet is not None
    return [str(c.value) for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def _csv_of_desks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str, desks: list[str]
) -> Path:
    """One scan recorded at each desk name given, then the log exported as CSV."""
    from desk_app.context import AppContext

    ctx = AppContext.open(url)
    for i, text in enumerate(desks):
        ctx.log.desk = text
        ctx.log.record_scan(
            ctx.parse(f"0010901234{i:02d}||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"),
            method="camera",
        )
    ctx.close()
    out = tmp_path / "visits.csv"
    code, _, err = run(capsys, "--db", url, "log", "--csv", "--out", str(out))
    assert code == 0, err
    return out


def test_disguised_formulas_are_text_in_the_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    out = _csv_of_desks(tmp_path, capsys, sqlite_url, DISGUISED)
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert sorted(row["desk"] for row in rows) == sorted("'" + d for d in DISGUISED)
    from tests.office import soffice_with

    soffice = soffice_with("libsclo")
    if soffice is not None:
        # The disguise that works today: LibreOffice trims " =9+12" into a live formula.
        plain = tmp_path / "plain.csv"
        plain.write_text("desk\r\n =9+12\r\n", encoding="utf-8-sig")
        assert _lo_formulas(soffice, plain, tmp_path) == ["=9+12"]
        assert _lo_formulas(soffice, out, tmp_path) == []


# Free text holding a ";": Excel in Vietnamese (and LibreOffice asked to) splits a CSV at
# semicolons, so what follows one starts a cell of its own.
BEHIND_SEMICOLONS = ["x;=9+12", "x; =9+12", "x;@SUM(1+1)", "a;b;+1+1", "x;＝1+1"]


def test_formulas_behind_a_semicolon_stay_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    out = _csv_of_desks(tmp_path, capsys, sqlite_url, BEHIND_SEMICOLONS)
    text = out.read_bytes().decode("utf-8-sig")
    for line in text.splitlines()[1:]:
        for piece in line.split(";")[1:]:
            assert not piece.lstrip(" \u3000").startswith(("=", "+", "-", "@", "＝")), line
    desks = sorted(row["desk"] for row in csv.DictReader(io.StringIO(text, newline="")))
    assert desks == sorted(["x;'=9+12", "x;' =9+12", "x;'@SUM(1+1)", "a;b;'+1+1", "x;'＝1+1"])
    from tests.office import soffice_with

    soffice = soffice_with("libsclo")
    if soffice is not None:
        semicolons = "CSV:59,34,76,1,,0,false,true,false,false,true,false,true"
        plain = tmp_path / "plain.csv"
        plain.write_text("desk,checkpoint\r\nx;=9+12,Cổng\r\n", encoding="utf-8-sig")
        assert _lo_formulas(soffice, plain, tmp_path, semicolons) != []  # the split happens
        assert _lo_formulas(soffice, out, tmp_path, semicolons) == []


# A file written with ";" or tab between its columns, opened where the list separator is a
# comma (Excel under English regional settings, LibreOffice asked for commas): each comma
# inside a cell starts a cell of its own there, unquoted.
BEHIND_COMMAS = ["x,=9+12", "x, =9+12", "a,b,@SUM(1+1)", "x,＝1+1"]


@pytest.mark.parametrize(("separator", "char"), [(";", ";"), ("tab", "\t")])
def test_formulas_behind_a_comma_stay_text_when_commas_do_not_separate(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    sqlite_url: str,
    separator: str,
    char: str,
) -> None:
    from desk_app.context import AppContext

    ctx = AppContext.open(sqlite_url)
    for i, text in enumerate(BEHIND_COMMAS):
        ctx.log.desk = text
        ctx.log.record_scan(ctx.parse(CCCD.replace("456|", f"4{i:02d}|", 1)), method="camera")
    ctx.close()
    out = tmp_path / "visits.csv"
    argv = ["--db", sqlite_url, "log", "--csv", "--separator", separator, "--out", str(out)]
    code, _, err = run(capsys, *argv)
    assert code == 0, err
    text = out.read_bytes().decode("utf-8-sig")
    for line in text.splitlines()[1:]:
        for piece in line.split(","):
            assert not piece.lstrip(" ").startswith(("=", "+", "-", "@", "＝")), line
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=char)
    assert sorted(row["desk"] for row in rows) == sorted(
        ["x,'=9+12", "x,' =9+12", "a,b,'@SUM(1+1)", "x,'＝1+1"]
    )
    from tests.office import soffice_with

    soffice = soffice_with("libsclo")
    if soffice is not None:
        assert _lo_formulas(soffice, out, tmp_path) == []


def test_csv_on_stdout_is_utf8_whatever_the_console(tmp_path: Path, sqlite_url: str) -> None:
    from desk_app.context import AppContext

    ctx = AppContext.open(sqlite_url)
    ctx.log.record_scan(ctx.parse(CCCD), method="camera")
    ctx.close()
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONIOENCODING="cp1252", DESK_APP_LANG="en")
    done = subprocess.run(
        [sys.executable, "-m", "desk_app", "--db", sqlite_url, "log", "--csv"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"\xef\xbb\xbf")
    assert "Nguyễn Văn An" in done.stdout.decode("utf-8-sig")


def test_out_needs_csv_and_a_csv_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    code, _, err = run(capsys, "--db", sqlite_url, "log", "--out", str(tmp_path / "a.csv"))
    assert code == 1 and "--csv" in err
    code, _, err = run(
        capsys, "--db", sqlite_url, "log", "--csv", "--out", str(tmp_path / "a.xlsx")
    )
    assert code == 1 and ".csv" in err and not (tmp_path / "a.xlsx").exists()
    # An empty log has the same header as a full one (a script reading weekly files).
    empty = tmp_path / "empty.csv"
    code, _, err = run(capsys, "--db", sqlite_url, "log", "--csv", "--out", str(empty))
    assert code == 0, err
    header = empty.read_bytes().decode("utf-8-sig").splitlines()[0]
    assert header.startswith("visit_id,name,id_number,") and header.endswith(",warnings")
    # An empty name (a script's variable left unset) is refused, not taken for the console.
    code, out, err = run(capsys, "--db", sqlite_url, "log", "--csv", "--out", "")
    assert code == 1 and out == "" and ".csv" in err


def test_a_failed_write_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"previous good report")

    def half_then_fail(temporary: Path) -> None:
        temporary.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="disk full"):
        write_with(target, "xlsx", half_then_fail)
    assert target.read_bytes() == b"previous good report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]
    write_bytes(target, "xlsx", b"new report")
    assert target.read_bytes() == b"new report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.xlsx"]


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (36864, 36864))


@pytest.mark.skipif(sys.platform == "win32", reason="file size limit is POSIX")
def test_a_real_short_write_keeps_the_old_csv(tmp_path: Path, sqlite_url: str) -> None:
    from desk_app.context import AppContext

    ctx = AppContext.open(sqlite_url)
    for i in range(400):  # a CSV of about 43 KB, more than the limit below
        text = f"001090123{i:03d}||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
        ctx.log.record_scan(ctx.parse(text), method="camera")
    ctx.close()
    out = tmp_path / "visits.csv"
    out.write_bytes(b"old,good\r\n")
    env = dict(os.environ, PYTHONPATH=str(REPO), DESK_APP_LANG="en")
    done = subprocess.run(
        [sys.executable, "-m", "desk_app", "--db", sqlite_url, "log", "--csv", "--out", str(out)],
        capture_output=True,
        env=env,
        preexec_fn=_limit_file_size,  # noqa: PLW1509 - only sets a limit, no threads yet
        check=False,
    )
    assert done.returncode == 1
    assert b"disk full" in done.stderr and b"Traceback" not in done.stderr
    assert out.read_bytes() == b"old,good\r\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".visits")] == []


_PRINT_ON_A_FULL_DISK = """
import random, sys
from pathlib import Path
from PySide6.QtGui import QColor
from desk_app.outputs import OutputError
from desk_app.printing.output import Document, PrintError, ensure_gui_application, write_file

ensure_gui_application()
noise = random.Random(7)

def paint(canvas, index):
    # Many small shapes of many colours: a PDF and a PNG far larger than the limit.
    for _ in range(3000):
        canvas.painter.fillRect(noise.randrange(2400), noise.randrange(3400), 9, 9,
                                QColor(noise.randrange(1 << 24)))

document = Document("Noise", 210.0, 297.0, 2, paint)
for name in sys.argv[1:]:
    try:
        write_file(document, Path(name))
        print("written", name)
    except (OutputError, PrintError) as exc:
        print("refused", name, exc)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="file size limit is POSIX")
def test_a_pdf_or_png_cut_short_by_a_full_disk_keeps_the_old_file(tmp_path: Path) -> None:
    targets = [tmp_path / "poster.pdf", tmp_path / "poster.png"]
    for target in targets:
        target.write_bytes(b"previous good file")
    env = dict(os.environ, PYTHONPATH=str(REPO), DESK_APP_LANG="en", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _PRINT_ON_A_FULL_DISK, *map(str, targets)],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=_limit_file_size,  # noqa: PLW1509 - only sets a limit, no threads yet
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["refused", "refused"], done.stdout
    assert all("disk full" in line for line in lines), done.stdout
    for target in targets:
        assert target.read_bytes() == b"previous good file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["poster.pdf", "poster.png"]


@pytest.mark.parametrize("fmt_out", ["r.pdf", "r", "r.xlsx.txt"])
def test_report_refuses_a_mismatched_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sqlite_url: str, fmt_out: str
) -> None:
    code, _, err = run(capsys, "--db", sqlite_url, "report", "--out", str(tmp_path / fmt_out))
    assert code == 1 and "XLSX files must end in .xlsx" in err, err
    assert list(tmp_path.iterdir()) == [] or all(p.suffix == ".sqlite3" for p in tmp_path.iterdir())


def test_no_output_over_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "log.xlsx"  # a log whose name looks like a workbook
    url = f"sqlite:///{db}"
    assert run(capsys, "--db", url, "record", CCCD)[0] == 0
    code, _, err = run(capsys, "--db", url, "report", "--out", str(db))
    assert code == 1 and "database" in err
    with contextlib.closing(sqlite3.connect(db)) as conn:  # still the log, whole
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM visits").fetchone() == (1,)
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]
    code, _, err = run(capsys, "--db", url, "outbox", "save", "1", str(tmp_path / "x.pdf"))
    assert code == 1 and ".eml" in err


def test_report_and_eml_written_through_the_helper(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    out, eml = tmp_path / "r.xlsx", tmp_path / "r.eml"
    out.write_bytes(b"old")
    code, _, err = run(
        capsys, "--db", sqlite_url, "report", "--out", str(out), "--eml", str(eml), "--no-pdf"
    )
    assert code == 0, err
    assert out.read_bytes()[:2] == b"PK" and eml.read_bytes().startswith(b"X-Unsent: 1")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "log.sqlite3",
        "log.sqlite3-shm",
        "log.sqlite3-wal",
        "r.eml",
        "r.xlsx",
    ] or ({"r.eml", "r.xlsx"} <= {p.name for p in tmp_path.iterdir()})
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]


def test_person_export_holds_no_formula(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    from openpyxl import load_workbook

    from desk_app.context import AppContext

    ctx = AppContext.open(sqlite_url)
    ctx.log.desk = '=HYPERLINK("http://x","y")'
    ctx.log.record_scan(ctx.parse(CCCD), method="camera")
    ctx.close()
    code, _, err = run(
        capsys, "--db", sqlite_url, "person", "export", "001090123456", "--out",
        str(tmp_path / "an"),
    )  # fmt: skip
    assert code == 0, err
    wb = load_workbook(tmp_path / "an.xlsx")
    values = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    formulas = [c.value for c in values if c.data_type == "f"]
    assert formulas == []
    assert any(c.value == '=HYPERLINK("http://x","y")' for c in values)
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]
