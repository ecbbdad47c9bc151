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


def overlapping_words(pdf: Path, page: int = 1) -> list[tuple[str, str]]:
    """Pairs of words drawn over each other on ``page`` (pdftotext's word boxes): text
    printed on top of other text."""
    import html
    import re

    if shutil.which("pdftotext") is None:
        raise FileNotFoundError("pdftotext")
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.decode("utf-8")
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    words = [
        (float(a), float(b), float(c), float(d), html.unescape(text))
        for a, b, c, d, text in re.findall(pattern, out)
    ]
    pairs = []
    for i, (ax0, ay0, ax1, ay1, a) in enumerate(words):
        for bx0, by0, bx1, by1, b in words[i + 1 :]:
            dx = min(ax1, bx1) - max(ax0, bx0)
            dy = min(ay1, by1) - max(ay0, by0)
            smaller = min((ax1 - ax0) * (ay1 - ay0), (bx1 - bx0) * (by1 - by0))
            # Neighbours on a line may touch; a word over another covers a good part of it.
            if dx > 0 and dy > 0 and dx * dy > 0.25 * smaller:
                pairs.append((a, b))
    return pairs
