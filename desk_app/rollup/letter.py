"""The draft letter to the units (python-docx), in the house style of an official document:
issuing body left, national motto right, place and date, the week's sentences, signature."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from desk_app.domain.week import describe
from desk_app.i18n import language, t
from desk_app.i18n.official import motto, place_and_date
from desk_app.rollup.province import MISSING, ZERO, Rollup
from desk_app.rollup.workbook import issuer_of
from desk_app.settings import Settings
from desk_app.timeutil import local_today

FONT = "Times New Roman"


def vn_number(number: int) -> str:
    """6019 -> "6.019" (Vietnamese thousands separator)."""
    return f"{number:,}".replace(",", ".")


def number_text(number: int, lang: str | None = None) -> str:
    """A count as the letter's language writes it: "6.019" in Vietnamese, "6,019" in English."""
    return vn_number(number) if (lang or language()) == "vi" else f"{number:,}"


def week_sentence(r: Rollup, lang: str | None = None) -> str:
    """The directive's sentence: "Tuần từ 11 đến 17/10/2021 có N điểm quét mã ... bằng 0;
    M điểm ... không có số liệu báo cáo. Giảm K lượt quét mã ... so với tuần trước đó." """
    if r.change < 0:
        change = t("rollup.letter.down", lang, count=number_text(-r.change, lang))
    elif r.change > 0:
        change = t("rollup.letter.up", lang, count=number_text(r.change, lang))
    else:
        change = t("rollup.letter.same", lang)
    return t(
        "rollup.letter.week",
        lang,
        week=describe(r.period, lang),
        zero=number_text(r.zero, lang),
        missing=number_text(r.missing, lang),
        change=change,
    )


def _paragraph(
    cell_or_doc: _Cell | DocxDocument,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float = 13,
    align: WD_ALIGN_PARAGRAPH | None = WD_ALIGN_PARAGRAPH.CENTER,
    first: bool = False,
) -> Paragraph:
    paragraph = (
        cell_or_doc.paragraphs[0]
        if first and isinstance(cell_or_doc, _Cell)
        else cell_or_doc.add_paragraph()
    )
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    # Only what differs from the Normal style (Times New Roman 13): each property set is an
    # element, and the annex of a large province has thousands of runs.
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if underline:
        run.underline = True
    if size != 13:
        run.font.size = Pt(size)
    return paragraph


def _widths(table: Table, *centimetres: float) -> None:
    """Fixed column widths, in the grid and in the first row's cells: Writer lays a table
    out by its grid, Word (fixed layout) by its first row; without them, each column gets
    an equal share of the page."""
    table.autofit = False
    first_row = table.rows[0].cells
    for index, width in enumerate(centimetres):
        table.columns[index].width = Cm(width)
        first_row[index].width = Cm(width)


def build_letter(
    r: Rollup,
    settings: Settings | None = None,
    *,
    lang: str | None = None,
    today: date | None = None,
) -> bytes:
    """The .docx bytes of the draft letter for the week."""
    lang = lang or language()
    today = today or local_today()
    issuer = issuer_of(settings)
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)

    header = doc.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(header, 5.5, 10.5)  # the motto on one line
    left, right = header.rows[0].cells
    _paragraph(left, (issuer.agency or "").upper(), size=12, first=True)
    _paragraph(left, (issuer.name or "........").upper(), bold=True, size=12)
    _paragraph(left, "________", size=10)
    _paragraph(left, t("rollup.letter.number", lang), size=12)
    nation, words = motto(lang)
    _paragraph(right, nation, bold=True, size=12, first=True)
    _paragraph(right, words, bold=True, underline=True, size=13)
    place_date = place_and_date(issuer.place or "........", today, lang)
    _paragraph(right, "", size=6)
    _paragraph(right, place_date, italic=True, size=13)

    _paragraph(doc, "", size=6)
    week = describe(r.period, lang)
    _paragraph(doc, t("rollup.letter.title", lang, week=week.lower() if lang == "vi" else week))
    _paragraph(doc, "", size=6)
    body = [
        t("rollup.letter.opening", lang, agency=issuer.name or "........"),
        t(
            "rollup.letter.points",
            lang,
            points=number_text(r.points, lang),
            reported=number_text(r.reported, lang),
            scans=number_text(r.scans, lang),
            previous=number_text(r.previous_scans, lang),
        ),
        week_sentence(r, lang),
        t("rollup.letter.request", lang),
    ]
    for text in body:
        paragraph = _paragraph(doc, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.paragraph_format.space_after = Pt(6)

    closing = doc.add_table(rows=1, cols=2)
    _widths(closing, 8.0, 8.0)
    left, right = closing.rows[0].cells
    _paragraph(
        left,
        t("rollup.letter.recipients", lang),
        bold=True,
        italic=True,
        size=12,
        align=WD_ALIGN_PARAGRAPH.LEFT,
        first=True,
    )
    for line in t("rollup.letter.recipients_list", lang).splitlines():
        _paragraph(left, line, size=11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(right, t("rollup.letter.signer", lang), bold=True, size=13, first=True)

    doc.add_page_break()  # type: ignore[no-untyped-call]
    _paragraph(doc, t("rollup.letter.annex", lang), bold=True)
    _paragraph(doc, f"({week})", italic=True)
    for status in (ZERO, MISSING):
        rows = r.with_status(status)
        _paragraph(doc, "", size=6)
        _paragraph(
            doc,
            f"{t(f'rollup.status.{status}', lang)}: {number_text(len(rows), lang)}",
            bold=True,
            align=WD_ALIGN_PARAGRAPH.LEFT,
        )
        if not rows:
            continue
        table = doc.add_table(rows=len(rows) + 1, cols=4)
        table.style = "Table Grid"
        _widths(table, 1.4, 3.0, 7.1, 4.5)
        # All cells at once: a row's cells looked up one row at a time is quadratic.
        cells = table._cells
        heads = ("no", "code", "name", "district")
        for cell, head in zip(cells[:4], heads, strict=True):
            _paragraph(cell, t(f"rollup.col.{head}", lang), bold=True, size=11, first=True)
        for number, row in enumerate(rows, start=1):
            values = (str(number), row.point.code, row.point.name, row.point.district)
            for cell, value in zip(cells[4 * number : 4 * number + 4], values, strict=True):
                _paragraph(cell, value, size=11, align=WD_ALIGN_PARAGRAPH.LEFT, first=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
