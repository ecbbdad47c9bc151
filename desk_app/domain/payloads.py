"""Parse a decoded QR text into a typed identity (ID cards, health app, insurance, own codes).

The formats themselves live beside this module: ``id_cards`` (CCCD, căn cước, copied text),
``health_codes`` (PC-Covid, BHYT) and ``own_codes`` (the unit's signed codes); ``identity``
holds the result type and the shape checks they share.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import replace
from datetime import date

from desk_app.domain import own_codes
from desk_app.domain.health_codes import (
    PARENT_FIELD,
    looks_like_bhyt,
    looks_like_pccovid,
    parse_bhyt,
    parse_pccovid,
)
from desk_app.domain.id_cards import holder_span, is_relatives_number, parse_id_card
from desk_app.domain.identity import (
    CUTOVER_CANCUOC,
    ID12,
    REASONS,
    WARNINGS,
    CodeKind,
    Identity,
    Reject,
    check_id_number,
    clean_field,
    tidy,
    visible,
)
from desk_app.domain.limits import limit, too_long
from desk_app.domain.names import undo_mojibake
from desk_app.timeutil import local_today

__all__ = [
    "CUTOVER_CANCUOC",
    "MAX_LENGTH",
    "REASONS",
    "WARNINGS",
    "CodeKind",
    "Identity",
    "check_id_number",
    "keepable",
    "parse",
    "redacted",
]

_log = logging.getLogger(__name__)

MAX_LENGTH = 4096
# Longest raw text kept on an identity; the log of unrecognised codes needs a sample, not megabytes.
_RAW_KEEP = MAX_LENGTH
# The longest known payload has seventeen fields; more is not a card and not worth splitting fully.
_MAX_FIELDS = 40
# The health app's personal QR: DocumentNo|Name|Birth|T|QID|EXT.
_PCCOVID_FIELDS = 6
# Full-width forms (an East Asian input method or keyboard layout types ０-９, ｜, ／) and the
# ideographic space, as the plain characters they stand for.
_WIDE = re.compile("[\u3000\uff01-\uff5e]")
_NARROW = {0x3000: " ", **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}}
# The symbology identifier a scanner set to send one (AIM "]Q1".."]Q6" for a QR code) comes
# before the code's own text; no code begins with it.
_SYMBOLOGY = re.compile(r"\]Q[0-6]", re.ASCII)


def without_symbology(text: str) -> str:
    """``text`` without a scanner's leading QR symbology identifier (``]Q1``...)."""
    found = _SYMBOLOGY.match(text)
    return text[found.end() :].lstrip() if found else text


# --------------------------------------------------------------------------- own codes


_OWN_KINDS = {
    own_codes.KIND_STAFF: CodeKind.STAFF,
    own_codes.KIND_VISITOR_PASS: CodeKind.VISITOR_PASS,
    own_codes.KIND_CHECKPOINT: CodeKind.CHECKPOINT,
}


def _safe_fields(fields: dict[str, str]) -> dict[str, str]:
    return {key: visible(value) for key, value in fields.items()}


def _parse_own(raw: str, secret: bytes | None, unit_id: str | None) -> Identity:
    if not raw.isascii():
        # The unit's codes are ASCII by construction: anything else was typed or edited.
        return Identity(CodeKind.UNRECOGNISED, raw=raw, reason="malformed")
    try:
        if not secret:
            if unit_id is not None and own_codes.peek_unit_id(raw) != unit_id:
                raise own_codes.OwnCodeError("other_unit")
            return Identity(CodeKind.UNRECOGNISED, raw=raw, reason="unit_code_unverifiable")
        code = own_codes.decode(raw, secret, unit_id)
    except own_codes.OwnCodeError as exc:
        extra: dict[str, str] = {}
        if exc.reason == "other_unit":
            # Tell the operator whose code it is; the claim is unverified but harmless.
            try:
                extra["unit_id"] = visible(own_codes.peek_unit_id(raw))
            except own_codes.OwnCodeError:
                pass
        return Identity(CodeKind.UNRECOGNISED, raw=raw, reason=exc.reason, extra=extra)
    fields = _safe_fields(
        {**code.fields, "unit_id": code.unit_id, "code_version": str(code.version)}
    )
    kind = _OWN_KINDS[code.kind]
    if kind is CodeKind.STAFF:
        return Identity(
            kind=kind,
            raw=raw,
            id_number=fields["staff_id"] or None,
            name=tidy(unicodedata.normalize("NFC", code.fields["name"])),
            extra=fields,
        )
    return Identity(kind=kind, raw=raw, extra=fields)


# --------------------------------------------------------------------------- entry point


class _TooLong(Exception):
    def __init__(self, sample: str) -> None:
        super().__init__("too long")
        self.sample = sample


def _to_text(data: object) -> str:
    if isinstance(data, str):
        return data
    if isinstance(data, bytes | bytearray | memoryview):
        # Readers with fixed buffers pad with NULs: cut before judging the length.
        blob = bytes(data)
        if blob.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # Windows tools save "Unicode" text as UTF-16 with its byte-order mark.
            return blob[: MAX_LENGTH * 8].decode("utf-16", "replace")
        blob = blob.split(b"\x00", 1)[0]
        if len(blob) > MAX_LENGTH * 4:
            raise _TooLong(blob[:_RAW_KEEP].decode("utf-8", "replace"))
        # Readers hand back UTF-8 almost always; an old Windows reader may give the Vietnamese
        # code page. Anything else is kept readable enough for the log.
        for encoding in ("utf-8-sig", "cp1258"):
            try:
                return blob.decode(encoding)
            except UnicodeDecodeError:
                continue
        return blob.decode("utf-8", "replace")
    return "" if data is None else str(data)


def redacted(text: str) -> str:
    """``text`` without the data of people other than the holder, for keeping in the log.

    The identity card's trailing fields (a cancelled ID, parents, spouse, children) and a
    child's insurance card's parent field are blanked, whatever the card turns out to be.
    A card that lost a field, or has something before it, keeps no relative either.
    """
    parts = text.split("|")
    fields = [clean_field(p) for p in parts]
    if len(parts) > _PCCOVID_FIELDS and looks_like_pccovid(fields):
        # The health app's code has six fields: what follows is none of its.
        return "|".join(parts[:_PCCOVID_FIELDS] + [""] * (len(parts) - _PCCOVID_FIELDS))
    start = 0
    while start < len(parts) - 1 and not fields[start]:
        start += 1  # separators (or "-") before the card's first field
    body = fields[start:]
    card = bool(ID12.fullmatch(body[0]))
    for first in dict.fromkeys((0, start)):  # a damaged code ("-"), or separators before it
        if not card and len(parts) > first + PARENT_FIELD - 1 and looks_like_bhyt(fields[first:]):
            # The parent's place, and its neighbours: a card that lost a field or carries one
            # too many has the parent one place off (they hold nothing else the log needs).
            for index in range(first + PARENT_FIELD - 1, first + PARENT_FIELD + 2):
                if index < len(parts) and fields[index] != "$":
                    parts[index] = ""
            return "|".join(parts)
    if card or any(ID12.fullmatch(value) for value in body[1:3]):
        keep = start + holder_span(body)
        return "|".join(
            part if index < keep and not is_relatives_number(index - start, field, body) else ""
            for index, (part, field) in enumerate(zip(parts, fields, strict=True))
        )
    return text


def _unmangled(text: str) -> str:
    """``text`` with each field that is UTF-8 read as Windows-1252 or Latin-1 read back
    ('Nguyá»…n' -> 'Nguyễn'), before its control characters are dropped and its no-break
    spaces folded: after that the bytes of 'Đ' or 'à' could no longer be told."""
    if text.isascii():
        return text
    fields = text.split("|")
    fixed = [undo_mojibake(field) for field in fields]
    if not any(fixed):
        return text
    joined = "|".join(new or old for new, old in zip(fixed, fields, strict=True))
    return unicodedata.normalize("NFC", joined)


def _before_nul(text: str) -> str:
    nul = text.find("\x00")
    return text[:nul] if nul >= 0 else text


def _cleaned(text: str) -> tuple[str, bool]:
    """(``text`` as the fields are read from, whether it held full-width characters)."""
    # A byte-order mark, CR/LF and spaces come with copied text; control characters never
    # belong in a field (they would reach the log, the window and the workbook).
    text = visible(_unmangled(unicodedata.normalize("NFC", text)).replace("\ufeff", "")).strip()
    text = without_symbology(text)
    wide = bool(_WIDE.search(text))
    if wide:
        text = text.translate(_NARROW)
    return text, wide


def _sample(text: str) -> str:
    """The start of a text too long (or too broken) to read, as the log may keep it: cleaned
    as a card is, and without the data of people other than the holder (``redacted``)."""
    return redacted(_cleaned(_before_nul(text)[:_RAW_KEEP])[0])


def keepable(text: str) -> str:
    """A scan's text as a desk may keep it until it is recorded (a desk cut off from its log):
    read later, it is the same code, but an identity card's relatives (and a child's
    insurance card's parent) are not in it. A text with no such data is kept as it came."""
    cleaned, _ = _cleaned(_before_nul(text))
    if len(cleaned) > MAX_LENGTH:
        return _sample(cleaned)  # refused as too long when it is read: its start will do
    kept = redacted(cleaned)
    return text if kept == cleaned else kept


def _parse_text(text: str, secret: bytes | None, unit_id: str | None, today: date) -> Identity:
    text = _before_nul(text)
    if len(text) > MAX_LENGTH * 2:
        return Identity(CodeKind.UNRECOGNISED, raw=_sample(text), reason="too_long")
    text, wide = _cleaned(text)
    if len(text) > MAX_LENGTH:
        return Identity(CodeKind.UNRECOGNISED, raw=_sample(text), reason="too_long")
    raw = redacted(text)
    try:
        if not text:
            raise Reject("empty")
        if own_codes.looks_like_own_code(text):
            if wide:
                # The unit's codes are ASCII by construction: one in full-width letters was
                # typed or edited, whatever it folds back to.
                return Identity(CodeKind.UNRECOGNISED, raw=raw, reason="malformed")
            return _parse_own(raw, secret, unit_id)
        if "|" not in text:
            raise Reject("unknown_format")
        return _parse_fields(raw, text.split("|", _MAX_FIELDS), today)
    except Reject as rejection:
        return Identity(CodeKind.UNRECOGNISED, raw=raw, reason=rejection.reason)


def _parse_fields(raw: str, parts: list[str], today: date) -> Identity:
    """The code of ``|``-separated ``parts``; raises ``Reject``."""
    fields = [clean_field(f) for f in parts]
    # A separator (or "-") before the first field, as some readers add, is no field of any
    # code; the health app's and the insurance card's shapes are looked for with it first, so
    # that a code whose first field is empty is still read as the code it is.
    lead = 0
    while lead < len(fields) - 1 and not fields[lead]:
        lead += 1
    for start in dict.fromkeys((0, lead)):
        if looks_like_pccovid(fields[start:]):
            return parse_pccovid(raw, fields[start:], today)
        if looks_like_bhyt(fields[start:]):
            return parse_bhyt(raw, fields[start:], today)
    identity = parse_id_card(raw, fields, today)
    if identity is None:
        raise Reject("unknown_format")
    return identity


def _within_limits(identity: Identity) -> Identity:
    """The name cut to what every database keeps (``domain/limits.py``), so that what the desk
    shows is what the log stores, on SQLite and PostgreSQL alike."""
    if identity.name and too_long("name", identity.name):
        return replace(identity, name=limit("name", identity.name))
    return identity


def parse(
    text: str | bytes,
    *,
    unit_secret: bytes | None = None,
    unit_id: str | None = None,
    today: date | None = None,
) -> Identity:
    """The identity a decoded text describes; never raises (unrecognised carries a reason).

    ``today`` is the desk's date, for the checks of dates in the future (default: local today).
    """
    raw = ""
    try:
        raw = _to_text(text)
        return _within_limits(_parse_text(raw, unit_secret, unit_id, today or local_today()))
    except _TooLong as too_long:
        return Identity(CodeKind.UNRECOGNISED, raw=_sample(too_long.sample), reason="too_long")
    except Exception:
        # A scan must never take the desk down, but a bug must not pass for a bad code either:
        # it is logged and has its own reason, which the tests look for.
        _log.exception("parsing a code failed")
        try:
            sample = _sample(raw)
        except Exception:  # the sample may be what failed: keep none rather than relatives
            sample = ""
        return Identity(CodeKind.UNRECOGNISED, raw=sample, reason="internal_error")
