"""The national health app's personal QR (PC-Covid) and the health insurance card (BHYT)."""

from __future__ import annotations

import re
from datetime import date

from desk_app.domain.identity import (
    HEX,
    ID12,
    YEAR,
    CodeKind,
    Identity,
    Reject,
    card_date,
    date_warnings,
    hex_text,
    id_checks,
    is_date_shaped,
    make_date,
    tidy,
    unique,
)

# --------------------------------------------------------------------------- PC-Covid

ISO_DATE = re.compile(r"[\d*]{4}-[\d*]{2}-[\d*]{2}", re.ASCII)
# CCCD, old ID, passport; "*" where the app masked it.
_DOCUMENT = re.compile(r"[A-Za-z0-9*]{5,20}", re.ASCII)
_PHONE = re.compile(r"\+?\d{8,15}", re.ASCII)
_INSURANCE = re.compile(r"[A-Za-z]{2}\d{13}|\d{10}", re.ASCII)
_QID = re.compile(r"[A-Za-z0-9._-]{1,64}", re.ASCII)
# Decision 1405/QĐ-BTTTT: 0 not given, 1 male, 2 female.
_PCCOVID_SEX = {"0": None, "1": "male", "2": "female"}


def _ext_fields(ext: str) -> tuple[str, str, list[str]]:
    """(helper QID, sex code, the rest) of EXT, with or without its leading ``<``."""
    parts = [p.strip() for p in ext.split("<")]
    if ext.startswith("<"):
        return "", parts[1] if len(parts) > 1 else "", parts[2:]
    if parts[0] in _PCCOVID_SEX:
        # Published without the empty helper field: the sex digit comes first.
        return "", parts[0], parts[1:]
    return parts[0], parts[1] if len(parts) > 1 else "", parts[2:]


def _insurance_and_phone(rest: list[str]) -> dict[str, str]:
    """Insurance number and phone by position where the shape fits, else by shape alone."""
    found: dict[str, str] = {}
    slots = (("insurance_number", _INSURANCE), ("phone", _PHONE))
    for (key, shape), value in zip(slots, rest, strict=False):
        if value and shape.fullmatch(value):
            found[key] = value
    for value in rest[:3]:
        for key, shape in slots:
            if (
                key not in found
                and value
                and value not in found.values()
                and shape.fullmatch(value)
            ):
                found[key] = value
    return found


def parse_pccovid(raw: str, fields: list[str], today: date) -> Identity:
    document, name, birth_s = fields[0], fields[1], fields[2]
    if not _DOCUMENT.fullmatch(document):
        raise Reject("bad_id_number")
    if not document.strip("*"):
        raise Reject("fully_masked")
    extra: dict[str, str] = {}
    warnings: list[str] = []
    birth: date | None = None
    birth_year: int | None = None
    if "*" in birth_s:
        if YEAR.fullmatch(birth_s[:4]):
            birth_year = int(birth_s[:4])
            extra["birth_year"] = birth_s[:4]
    else:
        birth = make_date(birth_s[:4], birth_s[5:7], birth_s[8:10])
        birth_year = birth.year
    if "*" in document or "*" in birth_s:
        warnings.append("masked_code")
    if len(fields) > 3 and fields[3] in ("0", "1"):
        extra["declared_for_other"] = fields[3]
    if len(fields) > 4 and _QID.fullmatch(fields[4]):
        extra["qid"] = fields[4]
    sex: str | None = None
    if len(fields) > 5 and fields[5]:
        helper, sex_code, rest = _ext_fields(fields[5])
        if helper and _QID.fullmatch(helper):
            extra["helper_qid"] = helper
        if sex_code in _PCCOVID_SEX:
            extra["sex_code"] = sex_code
            sex = _PCCOVID_SEX[sex_code]
        extra.update(_insurance_and_phone(rest))
    if ID12.fullmatch(document):
        if sex is None:
            sex = "male" if int(document[3]) % 2 == 0 else "female"
        warnings.extend(id_checks(document, birth_year, sex))
    warnings.extend(date_warnings(birth, None, today))
    return Identity(
        kind=CodeKind.PCCOVID,
        raw=raw,
        id_number=document,
        name=tidy(name),
        birth_date=birth,
        sex=sex,
        warnings=unique(warnings),
        extra=extra,
    )


# --------------------------------------------------------------------------- BHYT

_BHYT_CODE = re.compile(r"[0-9]{10}|[A-Za-z0-9]{15}", re.ASCII)
_YEAR_OR_DATE = re.compile(r"\d{4}|\d{1,2}/\d{1,2}/\d{4}", re.ASCII)
_BHYT_SEX = {"1": "male", "2": "female"}
# Field positions (shared/DOMAIN.md). Field 10, a child's parent, is never read.
_NAME, _BIRTH, _SEX, _ADDRESS, _CLINIC = 1, 2, 3, 4, 5
_VALID_FROM, _VALID_TO, _ISSUED, _ISSUING_PLACE = 6, 7, 8, 15
PARENT_FIELD = 10


def looks_like_bhyt(fields: list[str]) -> bool:
    """The insurance card's shape: its code first and the ``$`` end, or hex name and birth."""
    if len(fields) < 4:
        return False
    name_and_birth = (not fields[1] or bool(HEX.fullmatch(fields[1]))) and (
        not fields[2] or bool(_YEAR_OR_DATE.fullmatch(fields[2]))
    )
    if _BHYT_CODE.fullmatch(fields[0]):
        return fields[-1] == "$" or name_and_birth
    # A damaged code on an otherwise clear card is a bad card number, not an unknown format.
    return bool(fields[1]) and bool(fields[2]) and name_and_birth


def _text(value: str) -> str | None:
    """Plain text, or hex-encoded text when it decodes to something readable."""
    decoded = hex_text(value)
    if decoded is not None and tidy(decoded) and any(ch.isalpha() for ch in decoded):
        return tidy(decoded)
    return tidy(value)


def parse_bhyt(raw: str, fields: list[str], today: date) -> Identity:
    code = fields[0]
    if not _BHYT_CODE.fullmatch(code):
        raise Reject("bad_id_number")
    fields = fields + [""] * (16 - len(fields))
    name: str | None = None
    if fields[_NAME]:
        decoded = hex_text(fields[_NAME])
        if decoded is None:
            raise Reject("bad_name")
        name = tidy(decoded)
    extra: dict[str, str] = {}
    warnings: list[str] = []
    birth: date | None = None
    birth_s = fields[_BIRTH]
    if YEAR.fullmatch(birth_s):
        # Some cards only know the year of birth.
        extra["birth_year"] = birth_s
        if int(birth_s) > today.year:
            warnings.append("birth_date_in_future")
    elif birth_s:
        birth = card_date(birth_s)
    dates: dict[int, date | None] = {}
    for index in (_VALID_FROM, _VALID_TO, _ISSUED):
        value = fields[index]
        try:
            dates[index] = card_date(value) if is_date_shaped(value) or not value else None
        except Reject:
            dates[index] = None
        if value and dates[index] is None:
            warnings.append("unplaced_field")
    for index, key in ((_VALID_FROM, "valid_from"), (_VALID_TO, "valid_to")):
        found = dates[index]
        if found is not None:
            extra[key] = found.isoformat()
    if fields[_ISSUING_PLACE]:
        place = _text(fields[_ISSUING_PLACE])
        if place:
            extra["issuing_place"] = place
    warnings.extend(date_warnings(birth, dates[_ISSUED], today))
    return Identity(
        kind=CodeKind.BHYT,
        raw=raw,
        id_number=code.upper(),
        name=name,
        birth_date=birth,
        sex=_BHYT_SEX.get(fields[_SEX]),
        address=_text(fields[_ADDRESS]) if fields[_ADDRESS] else None,
        issue_date=dates[_ISSUED],
        valid_to=dates[_VALID_TO],
        clinic=_text(fields[_CLINIC]) if fields[_CLINIC] else None,
        warnings=unique(warnings),
        extra=extra,
    )
