"""Staff cards: ID-1 cards ten to an A4 sheet with crop marks, and the staff list import."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desk_app.context import AppContext
from desk_app.domain.own_codes import encode_staff
from desk_app.i18n import t
from desk_app.printing.layout import (
    ACCENT,
    BLACK,
    ECC_MEDIUM,
    GREY,
    Align,
    Canvas,
    cut_marks,
)
from desk_app.printing.output import Document, PrintError
from desk_app.printing.poster import UnitDetails
from desk_app.timeutil import format_date, local_today

CARD_W, CARD_H = 85.6, 54.0  # ISO/IEC 7810 ID-1
SHEET_W, SHEET_H = 210.0, 297.0
COLUMNS, ROWS = 2, 5
PER_SHEET = COLUMNS * ROWS
# Cards abut, so one cut separates two; the sheet's margins hold the crop marks.
LEFT = (SHEET_W - COLUMNS * CARD_W) / 2
TOP = (SHEET_H - ROWS * CARD_H) / 2
SAFE = 4.0  # nothing printed closer to a cut than this: guillotines wander
QR_BOX = 40.0
# The code carries the title only this far (the card prints all of it): every extra letter
# shrinks the modules, and a 0.5 mm module defeats a cheap webcam.
CODE_TITLE_CHARS = 32

# --------------------------------------------------------------------------- the cards


@dataclass(frozen=True)
class StaffCard:
    staff_id: str
    name: str
    title: str
    department: str
    payload: str


def staff_cards(ctx: AppContext, staff_ids: Iterable[str] | None = None) -> list[StaffCard]:
    """Cards of the valid (not revoked) staff, all of them or those listed."""
    wanted = set(staff_ids) if staff_ids is not None else None
    secret, unit_id = ctx.settings.unit_secret(), ctx.settings.unit_id()
    return [
        StaffCard(
            m.staff_id,
            m.name,
            m.title,
            m.department,
            encode_staff(secret, unit_id, m.staff_id, m.name, m.title[:CODE_TITLE_CHARS].strip()),
        )
        for m in ctx.log.staff()
        if wanted is None or m.staff_id in wanted
    ]


def cards_document(cards: Sequence[StaffCard], unit: UnitDetails) -> Document:
    if not cards:
        raise PrintError(t("cards.none"))
    pages = (len(cards) + PER_SHEET - 1) // PER_SHEET
    printed = format_date(local_today())

    def paint(canvas: Canvas, index: int) -> None:
        sheet = cards[index * PER_SHEET : (index + 1) * PER_SHEET]
        paint_sheet(canvas, sheet, unit)
        label = f"{t('card.heading', lang='vi')} · {unit.name} · {index + 1}/{pages} · {printed}"
        # Under the first column's crop mark, clear of the middle one.
        canvas.text(
            LEFT + 6,
            SHEET_H - TOP + 8.5,
            CARD_W - 12,
            label,
            5.5,
            color=GREY,
            align=Align.LEFT,
            wrap=False,
            max_h=3,
        )

    return Document(
        title=f"{unit.name} - {t('card.heading', lang='vi')}",
        width_mm=SHEET_W,
        height_mm=SHEET_H,
        page_count=pages,
        paint=paint,
    )


def card_origin(slot: int) -> tuple[float, float]:
    return LEFT + (slot % COLUMNS) * CARD_W, TOP + (slot // COLUMNS) * CARD_H


def paint_sheet(canvas: Canvas, cards: Sequence[StaffCard], unit: UnitDetails) -> None:
    for slot, card in enumerate(cards):
        paint_card(canvas, *card_origin(slot), card, unit)
    rows = (len(cards) + COLUMNS - 1) // COLUMNS
    columns = min(len(cards), COLUMNS)
    cut_marks(
        canvas,
        [LEFT + i * CARD_W for i in range(columns + 1)],
        [TOP + i * CARD_H for i in range(rows + 1)],
    )


def paint_card(canvas: Canvas, x: float, y: float, card: StaffCard, unit: UnitDetails) -> None:
    # The code's quiet zone is blank and may reach past the safe line; its dark modules stay
    # inside it.
    qr_x = x + CARD_W - QR_BOX - 0.8
    canvas.qr(card.payload, qr_x, y + (CARD_H - QR_BOX) / 2, QR_BOX, ecc=ECC_MEDIUM)
    left = x + SAFE
    w = qr_x - left - 1.0  # clear of the quiet zone, not just touching it
    top = y + SAFE
    if unit.agency:
        top += canvas.text(
            left, top, w, unit.agency.upper(), 5.0, align=Align.LEFT, max_h=4.2, min_size=4.2
        )
    top += canvas.text(
        left, top, w, unit.name.upper(), 6.0, bold=True, align=Align.LEFT, max_h=5.2, min_size=4.5
    )
    top += 1.5
    top += canvas.text(
        left,
        top,
        w,
        t("card.heading", lang="vi"),
        8.0,
        bold=True,
        color=ACCENT,
        align=Align.LEFT,
        wrap=False,
        max_h=4.0,
    )
    bottom = y + CARD_H - SAFE
    id_line = t("card.staff_id", lang="vi", staff_id=card.staff_id)
    id_h = canvas.measure(id_line, w, 6.5, wrap=False)[1]
    canvas.text(
        left, bottom - id_h, w, id_line, 6.5, align=Align.LEFT, wrap=False, max_h=id_h, min_size=5.0
    )
    bottom -= id_h + 0.8
    top += 2.0
    top += canvas.text(
        left,
        top,
        w,
        card.name,
        10.0,
        bold=True,
        align=Align.LEFT,
        max_h=min(9.0, bottom - top),
        min_size=7.0,
    )
    for text, size, color in ((card.title, 7.0, BLACK), (card.department, 6.5, GREY)):
        if text and bottom - top > 2.5:
            top += 0.5 + canvas.text(
                left,
                top + 0.5,
                w,
                text,
                size,
                align=Align.LEFT,
                color=color,
                max_h=min(6.0, bottom - top - 0.5),
                min_size=5.0,
            )
