"""The checkpoint poster: the unit's signed checkpoint code (or an issued location code)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desk_app.context import AppContext
from desk_app.domain.own_codes import encode_checkpoint
from desk_app.i18n import t
from desk_app.i18n.official import place_and_date
from desk_app.printing.layout import (
    ACCENT,
    ECC_MEDIUM,
    ECC_QUARTILE,
    GREY,
    LIGHT,
    Align,
    Canvas,
    CodeTooLongError,
    Placed,
    official_header,
    qr_matrix,
)
from desk_app.printing.output import Document, PrintError, write_file
from desk_app.settings import Settings
from desk_app.storage import posters
from desk_app.timeutil import format_date, local_today

SIZES: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A5": (148.0, 210.0)}
# Beyond this a location code needs modules under 1 mm even on A4: phones struggle.
MAX_PAYLOAD = 1000
# The dark modules' side at least (mm): 150 asked for a location code on A4, plus room for
# snapping modules to a coarse printer's dots.
MIN_CODE_MM = {"A4": 152.0}
# The quiet zone is four modules whatever the version: a short text in a small version would
# spend a quarter of the square on it. From version 5 on the dark part is over 80 %.
MIN_VERSION = 5


@dataclass(frozen=True)
class UnitDetails:
    """What the unit prints about itself; any change makes a new poster version."""

    name: str
    agency: str
    address: str
    contact: str
    place: str
    retention_days: int
    code: str = ""  # the code the province gave the point

    @classmethod
    def from_settings(cls, settings: Settings) -> UnitDetails:
        details = cls(
            name=settings.text("unit.name").strip(),
            agency=settings.text("unit.agency").strip(),
            address=settings.text("unit.address").strip(),
            contact=settings.text("unit.contact").strip(),
            place=settings.text("unit.place").strip(),
            retention_days=settings.number("retention.days"),
            code=settings.text("unit.code").strip(),
        )
        if not details.name:
            raise PrintError(t("print.unit_not_set"))
        return details


@dataclass(frozen=True)
class PosterPlan:
    """One checkpoint's poster as it would be printed now."""

    checkpoint: str
    version: int
    payload: str
    external: bool
    fingerprint: str
    unit: UnitDetails
    printed_on: date
    previous_version: int | None

    @property
    def changed(self) -> bool:
        return self.previous_version is not None and self.version != self.previous_version


def clean_payload(text: str) -> str:
    """A pasted location code: surrounding blanks (a pasted line break) go, nothing else."""
    payload = text.strip()
    if not payload:
        raise PrintError(t("print.payload_empty"))
    if len(payload) > MAX_PAYLOAD:
        raise PrintError(t("print.payload_too_long", length=len(payload), limit=MAX_PAYLOAD))
    try:
        qr_matrix(payload)
    except CodeTooLongError:
        raise PrintError(
            t("print.payload_too_long", length=len(payload), limit=MAX_PAYLOAD)
        ) from None
    return payload


def choose_checkpoint(settings: Settings, checkpoint: str | None) -> str:
    known = [str(c) for c in settings.names("unit.checkpoints")]
    name = (checkpoint or settings.text("desk.checkpoint") or "").strip()
    if known and name not in known:
        raise PrintError(t("print.unknown_checkpoint", name=name, known=", ".join(known)))
    if not name:
        raise PrintError(t("print.unknown_checkpoint", name=name, known=", ".join(known)))
    return name


def fingerprint(unit: UnitDetails, unit_id: str, checkpoint: str, external: str | None) -> str:
    """What the poster says, except its version and date: equal fingerprints, same poster."""
    source = ["external", external] if external is not None else ["own", unit_id]
    blob = json.dumps(
        [
            checkpoint,
            source,
            unit.name,
            unit.agency,
            unit.address,
            unit.contact,
            unit.place,
            unit.retention_days,
            # Only a set code joins: posters printed before codes existed keep their version.
            *([unit.code] if unit.code else []),
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def plan_poster(
    ctx: AppContext,
    checkpoint: str | None = None,
    payload: str | None = None,
    today: date | None = None,
) -> PosterPlan:
    """The poster of ``checkpoint`` (default: this desk's) with the own code or ``payload``.

    The version is the last printed one when nothing changed, one more when something did.
    """
    name = choose_checkpoint(ctx.settings, checkpoint)
    unit = UnitDetails.from_settings(ctx.settings)
    external = clean_payload(payload) if payload is not None else None
    unit_id = ctx.settings.unit_id()
    print_fp = fingerprint(unit, unit_id, name, external)
    last = posters.last_printed(ctx.db, name)
    if last is None:
        version, previous = 1, None
    else:
        previous = last.version
        version = previous if last.fingerprint == print_fp else previous + 1
    code = (
        external
        if external is not None
        else encode_checkpoint(ctx.settings.unit_secret(), unit_id, name, version)
    )
    return PosterPlan(
        checkpoint=name,
        version=version,
        payload=code,
        external=external is not None,
        fingerprint=print_fp,
        unit=unit,
        printed_on=today or local_today(),
        previous_version=previous,
    )


def record_printed(ctx: AppContext, plan: PosterPlan) -> None:
    """Remember what was printed, so that the next print knows whether to bump."""
    posters.record_printed(ctx.db, plan.checkpoint, plan.version, plan.payload, plan.fingerprint)


def save_poster(ctx: AppContext, plan: PosterPlan, size: str, out: Path) -> list[Path]:
    paths = write_file(poster_document(plan, size), out)
    record_printed(ctx, plan)
    return paths


# --------------------------------------------------------------------------- the page


def poster_document(plan: PosterPlan, size: str = "A4") -> Document:
    size = size.upper()
    width, height = SIZES[size]
    return Document(
        title=f"{plan.unit.name} - {plan.checkpoint} (v{plan.version})",
        width_mm=width,
        height_mm=height,
        page_count=1,
        paint=lambda canvas, _index: paint_poster(canvas, plan, size),
    )


def paint_poster(canvas: Canvas, plan: PosterPlan, size: str) -> Placed:
    """Paint the poster; on A4 the text gives way until the code is large enough."""
    width, height = SIZES[size]
    need = MIN_CODE_MM.get(size, 0.0)
    text_scale = 1.0
    canvas.dry = True
    try:
        while text_scale > 0.6 and _paint(canvas, plan, width, height, text_scale).size < need:
            text_scale -= 0.05
    finally:
        canvas.dry = False
    return _paint(canvas, plan, width, height, text_scale)


def _paint(
    canvas: Canvas, plan: PosterPlan, width: float, height: float, text_scale: float
) -> Placed:
    unit = plan.unit
    s = width / 210.0  # the layout scales with the sheet: A5 is A4 at 0.7
    ts = s * text_scale
    margin = 10.0 * s
    w = width - 2 * margin
    x = margin
    y = margin
    # The QR's quiet zone is blank paper, so its square may reach into the margin; only the
    # dark modules need to stay inside the printable area.
    qr_side_limit = width - 2 * 6.0 * s

    y += official_header(
        canvas,
        x,
        y,
        w,
        unit.agency,
        unit.name,
        place_and_date(unit.place, plan.printed_on, "vi"),
        size=max(6.5, 10 * ts),
    )
    y += 4 * ts
    y += canvas.text(
        x,
        y,
        w,
        t("poster.heading", lang="vi"),
        24 * ts,
        bold=True,
        color=ACCENT,
        max_h=12 * ts,
        wrap=False,
    )
    y += 1.5 * ts
    y += canvas.text(x, y, w, unit.name, 16 * ts, bold=True, max_h=15 * ts, min_size=10 * ts)
    checkpoint_line = t("poster.checkpoint", lang="vi", name=plan.checkpoint)
    if unit.code:
        checkpoint_line += "  ·  " + t("report.unit_code", lang="vi", code=unit.code)
    y += canvas.text(
        x,
        y,
        w,
        checkpoint_line,
        14 * ts,
        max_h=7 * ts,
        min_size=9 * ts,
        wrap=False,
    )
    top = y + 1 * s

    # The blocks under the code are laid out from the bottom up, so the code gets the rest.
    bottom = height - margin
    footer_size = max(5.0, 6.5 * ts)
    footer_key = "poster.footer.external" if plan.external else "poster.footer.own"
    footer = t(footer_key, lang="vi", version=plan.version, date=format_date(plan.printed_on))
    footer_h = canvas.measure(footer, w, footer_size, wrap=False)[1]
    bottom -= footer_h
    canvas.text(x, bottom, w, footer, footer_size, color=GREY, align=Align.LEFT, wrap=False)

    contact_line = "  ·  ".join(
        part
        for part in (
            t("poster.address", lang="vi", address=unit.address) if unit.address else "",
            t("poster.contact", lang="vi", contact=unit.contact) if unit.contact else "",
        )
        if part
    )
    if contact_line:
        contact_size = max(6.0, 8.5 * ts)
        contact_h = min(canvas.measure(contact_line, w, contact_size)[1], contact_size * 0.9)
        bottom -= contact_h + 1 * s
        canvas.text(
            x, bottom, w, contact_line, contact_size, max_h=contact_h, min_size=contact_size * 0.75
        )

    bottom -= _notice_box(canvas, plan, x, bottom - 1.5 * s, w, ts) + 1.5 * s

    key = "poster.instructions.external" if plan.external else "poster.instructions.own"
    vi_text, en_text = t(key, lang="vi"), t(key, lang="en")
    en_size, vi_size = max(6.0, 9 * ts), max(7.0, 12 * ts)
    en_h = min(canvas.measure(en_text, w, en_size)[1], en_size)
    bottom -= en_h
    canvas.text(x, bottom, w, en_text, en_size, color=GREY, max_h=en_h, min_size=en_size * 0.8)
    vi_h = min(canvas.measure(vi_text, w, vi_size, bold=True)[1], vi_size)
    bottom -= vi_h + 0.5 * s
    canvas.text(x, bottom, w, vi_text, vi_size, bold=True, max_h=vi_h, min_size=vi_size * 0.75)

    side = min(qr_side_limit, bottom - top)
    ecc = ECC_MEDIUM if plan.external else ECC_QUARTILE
    return canvas.qr(plan.payload, (width - side) / 2, top, side, ecc=ecc, min_version=MIN_VERSION)


def _notice_box(
    canvas: Canvas, plan: PosterPlan, x: float, bottom: float, w: float, ts: float
) -> float:
    """The personal-data notice in a thin frame ending at ``bottom``; returns its height."""
    unit = plan.unit
    pad = 2.0 * ts
    inner = w - 2 * pad
    vi_contact = unit.contact or t("poster.notice.desk", lang="vi")
    en_contact = unit.contact or t("poster.notice.desk", lang="en")
    title = t("poster.notice.title", lang="vi")
    vi_text = t(
        "poster.notice", lang="vi", unit=unit.name, days=unit.retention_days, contact=vi_contact
    )
    en_text = t(
        "poster.notice", lang="en", unit=unit.name, days=unit.retention_days, contact=en_contact
    )
    # The notice keeps a legible size on A5 and on a crowded A4: the code gives way instead.
    title_size, vi_size, en_size = max(6.0, 7.5 * ts), max(6.0, 7.0 * ts), max(5.5, 6.3 * ts)
    title_h = canvas.measure(title, inner, title_size, bold=True)[1]
    vi_h = canvas.measure(vi_text, inner, vi_size)[1]
    en_h = canvas.measure(en_text, inner, en_size)[1]
    total = pad + title_h + 0.5 * ts + vi_h + 0.8 * ts + en_h + pad
    top = bottom - total
    canvas.frame(x, top, w, total, width=0.3, color=LIGHT)
    y = top + pad
    y += canvas.text(x + pad, y, inner, title, title_size, bold=True, align=Align.LEFT)
    y += 0.5 * ts
    y += canvas.text(x + pad, y, inner, vi_text, vi_size, align=Align.LEFT)
    y += 0.8 * ts
    canvas.text(x + pad, y, inner, en_text, en_size, align=Align.LEFT, color=GREY)
    return total


# --------------------------------------------------------------------------- an old poster


def read_code_from_image(path: Path) -> str:
    """The text of the QR code in a photo of an old poster (the largest one if several)."""
    from desk_app.scanning.sources import ImageTooLarge, read_image

    try:
        # The size in the header is checked first: a small file can hold a huge picture.
        image = read_image(path)
    except ImageTooLarge as exc:
        raise PrintError(str(exc)) from exc
    if image is None:
        raise PrintError(t("print.cannot_read", path=path))
    texts = _decode(image)
    if not texts:
        raise PrintError(t("print.no_code_in_image", path=path))
    return texts[0]


def _decode(image: object) -> list[str]:
    from desk_app.scanning.decoder import Decoder

    def width(points: tuple[tuple[float, float], ...]) -> float:
        xs = [p[0] for p in points]
        return max(xs) - min(xs) if xs else 0.0

    decoded = sorted(Decoder().decode(image), key=lambda d: -width(d.points))
    return [d.text for d in decoded]
