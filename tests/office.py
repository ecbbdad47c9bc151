"""LibreOffice in tests: find it (with the module a file needs) and convert to PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def soffice_with(library: str) -> str | None:
    """soffice, when its program folder has ``library`` (Calc: libsclo, Writer: libswlo)."""
    found = shutil.which("soffice")
    if found is None:
        return None
    program = Path(found).resolve().parent
    return found if any(program.glob(f"{library}*.so")) else None


def to_pdf(soffice: str, source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = folder / (source.stem + ".pdf")
    assert pdf.exists(), done.stdout + done.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    return pdf


def page_texts(pdf: Path) -> list[str]:
    """The text of each page (pdftotext), or an empty list without poppler."""
    if shutil.which("pdftotext") is None:
        return []
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    return text.split("\f")
