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
    clean_field,
    could_be_name,
    date_warnings,
    hex_or_plain,
    hex_text,
    id_checks,
    is_date_shaped,
    is_name_like,
    make_date,
    sex_word,
    tidy,
    unique,
)

# --------------------------------------------------------------------------- PC-Covid

# YYYY-MM-DD as the decision writes it; some apps drop the leading zeros; "*" where masked.
ISO_DATE = re.compile(r"([\d*]{4})-([\d*]{1,2})-([\d*]{1,2})", re.ASCII)
_LOOSE_ISO = re.compile(r"([\d*]{4})[/.]([\d*]{1,2})[/.]([\d*]{1,2})", re.ASCII)
# CCCD, old ID, passport; "*" where the app masked it.
_DOCUMENT = re.compile(r"[A-Za-z0-9*]{5,20}", re.ASCII)
_PHONE = re.compile(r"\+?\d{8,15}", re.ASCII)
_INSURANCE = re.compile(r"[A-Za-z]{2}\d{13}|\d{10}", re.ASCII)
_QID = re.compile(r"[A-Za-z0-9._-]{1,64}", re.ASCII)
# Decision 1405/QĐ-BTTTT: 0 not given, 1 male, 2 female.
_PCCOVID_SEX = {"0": None, "1": "male", "2": "female"}
_DIGITS = "0123456789"
_PCCOVID_FIELDS = 6  # DocumentNo|Name|Birth|T|QID|EXT


def looks_like_pccovid(fields: list[str]) -> bool:
    """The health app's shape: a year-first date third; or, with the date written otherwise
    or missing, its EXT field (``<``) sixth or its T field (0/1) fourth. No ID card has 0 or
    1 fourth (a date or a sex word stands there), and the insurance card, whose sex is fourth,
    has its code first, its name in hex and no ``<``."""
    if len(fields) < 3:
        return False
    if ISO_DATE.fullmatch(fields[2]):
        return True
    if len(fields) < 4:
        return False
    if len(fields) >= 6 and "<" in fields[5] and fields[3] in ("", "0", "1"):
        return True
    return (
        fields[3] in ("0", "1")
        and len(fields) <= 7
        and fields[-1] != "$"
        # A name, which the health app writes without diacritics; not an old ID, not hex.
        and fields[1].isascii()
        and any(ch.isalpha() for ch in fields[1])
        and not HEX.fullmatch(fields[1])
        and not _BHYT_CODE.fullmatch(fields[0])
    )


def _ext_fields(ext: str) -> tuple[str, str, list[str], int]:
    """(helper QID, sex code, the rest, sub-fields with no place) of EXT, with or without its
    leading ``<``.

    The sex is found by its shape, a lone digit among the first sub-fields, so an EXT
    published without its empty helper field (``1<...``) reads the same as ``<1<...``; a
    digit other than 0, 1 or 2 still stands in the sex's place (the caller warns of it)."""
    parts = [clean_field(p) for p in ext.split("<")]
    for index, part in enumerate(parts[:3]):
        if len(part) == 1 and part in _DIGITS:
            before = [p for p in parts[:index] if p]
            helper = before[0] if len(before) == 1 else ""
            return helper, part, parts[index + 1 :], len(before) - bool(helper)
    if ext.startswith("<"):
        return "", parts[1] if len(parts) > 1 else "", parts[2:], 0
    return parts[0], parts[1] if len(parts) > 1 else "", parts[2:], 0


def _pccovid_birth(value: str) -> tuple[date | None, int | None, bool, bool]:
    """(birth date, birth year, masked, understood) of the health app's birth field."""
    if not value:
        return None, None, False, True
    if YEAR.fullmatch(value):
        # Some people's papers know only the year of birth (as on the cards).
        return None, int(value), False, True
    match = ISO_DATE.fullmatch(value) or _LOOSE_ISO.fullmatch(value)
    if match is None:
        if not is_date_shaped(value):
            return None, None, False, False
        # Copied through another app, the date may come day first.
        birth = card_date(value)
        return birth, birth.year if birth else None, False, True
    year, month, day = match.groups()
    if "*" in value:
        return None, int(year) if year.isdigit() else None, True, True
    birth = make_date(year, month, day)
    return birth, birth.year, False, True


def _pccovid_name(value: str) -> tuple[str | None, bool]:
    """(name, understood): letters, never digits, commas or slashes (a phone number, a date
    or an address in the name's place is no name); a sex word alone may still be one."""
    if not value:
        return None, True
    if could_be_name(value) or sex_word(value) is not None:
        return tidy(value), True
    return None, False


def _insurance_and_phone(rest: list[str]) -> tuple[dict[str, str], bool]:
    """(insurance number and phone, a value in their places fits neither): by position where
    the shape fits, else by shape alone. What follows them is the signature, of any shape."""
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
    placed = set(found.values())
    return found, any(value and value not in placed for value in rest[: len(slots)])


def parse_pccovid(raw: str, fields: list[str], today: date) -> Identity:
    document, name, birth_s = fields[0], fields[1], fields[2]
    if not _DOCUMENT.fullmatch(document):
        raise Reject("bad_id_number")
    if not document.strip("*"):
        raise Reject("fully_masked")
    extra: dict[str, str] = {}
    warnings: list[str] = []
    birth, birth_year, masked_birth, understood = _pccovid_birth(birth_s)
    if not understood:
        warnings.append("unplaced_field")
    if birth is None and birth_year is not None:
        extra["birth_year"] = str(birth_year)
    if "*" in document or masked_birth:
        warnings.append("masked_code")
    # A value that fits no field is left out, and the operator is told.
    unplaced = any(fields[_PCCOVID_FIELDS:])
    if len(fields) > 3 and fields[3] in ("0", "1"):
        extra["declared_for_other"] = fields[3]
    elif len(fields) > 3 and fields[3]:
        unplaced = True
    holder, name_understood = _pccovid_name(name)
    unplaced = unplaced or not name_understood
    if len(fields) > 4 and _QID.fullmatch(fields[4]):
        extra["qid"] = fields[4]
    elif len(fields) > 4 and fields[4]:
        unplaced = True
    sex: str | None = None
    if len(fields) > 5 and fields[5]:
        helper, sex_code, rest, left_out = _ext_fields(fields[5])
        unplaced = unplaced or left_out > 0
        if helper and _QID.fullmatch(helper):
            extra["helper_qid"] = helper
        if sex_code in _PCCOVID_SEX:
            extra["sex_code"] = sex_code
            sex = _PCCOVID_SEX[sex_code]
        elif sex_code:
            unplaced = True
        found, misfit = _insurance_and_phone(rest)
        extra.update(found)
        unplaced = unplaced or misfit
    if unplaced:
        warnings.append("unplaced_field")
    if ID12.fullmatch(document):
        # The sex is the one the code gives: 0 (or none) says nothing, whatever the number's
        # digit says; the number is only checked against it.
        warnings.extend(id_checks(document, birth_year, sex))
    warnings.extend(date_warnings(birth, None, today))
    return Identity(
        kind=CodeKind.PCCOVID,
        raw=raw,
        id_number=document,
        name=holder,
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
# Places where the layout never puts a date: the address, the clinic, the management code and
# the '4' of field 11 (its neighbours 8 and 12 are dates). A date there means the card lost a
# field or carries one too many, and every value after the gap stands one place off.
_NEVER_A_DATE = (_ADDRESS, _CLINIC, 9, 11)


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


def _bhyt_name(value: str) -> str | None:
    """The holder's name: hex-encoded UTF-8 on the card; an app that shows the card may hand
    it over decoded already. Anything else is not a name."""
    if not value:
        return None
    if HEX.fullmatch(value):
        decoded = hex_text(value)
        if decoded is None:
            raise Reject("bad_name")
        return tidy(decoded)
    if is_name_like(value):
        return tidy(value)
    raise Reject("bad_name")


def _bhyt_sex(value: str) -> tuple[str | None, bool]:
    """(sex, understood): 1 male, 2 female; 0 or empty says nothing; Nam/Nữ read as well."""
    if value in ("", "0"):
        return None, True
    sex = _BHYT_SEX.get(value) or sex_word(value)
    return sex, sex is not None


def parse_bhyt(raw: str, fields: list[str], today: date) -> Identity:
    code = fields[0]
    if not _BHYT_CODE.fullmatch(code):
        raise Reject("bad_id_number")
    if "$" in fields:
        # The end marker closes the card: a field after it is none of the card's.
        fields = fields[: len(fields) - fields[::-1].index("$") - 1]
    fields = fields + [""] * (16 - len(fields))
    name = _bhyt_name(fields[_NAME])
    extra: dict[str, str] = {}
    warnings: list[str] = []
    sex, sex_understood = _bhyt_sex(fields[_SEX])
    if not sex_understood:
        warnings.append("unplaced_field")
    birth: date | None = None
    birth_s = fields[_BIRTH]
    if YEAR.fullmatch(birth_s):
        # Some cards only know the year of birth.
        extra["birth_year"] = birth_s
        if int(birth_s) > today.year:
            warnings.append("birth_date_in_future")
    elif birth_s:
        birth = card_date(birth_s)
    if any(is_date_shaped(fields[index]) for index in _NEVER_A_DATE):
        # Out of step: the fields from the address on are left out rather than read one
        # place off; the code, name, birth and sex before them are the holder's.
        fields = fields[:_ADDRESS] + [""] * (len(fields) - _ADDRESS)
        warnings.append("unplaced_field")
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
        place = hex_or_plain(fields[_ISSUING_PLACE])
        if place and any(ch.isalpha() for ch in place):
            extra["issuing_place"] = place
        else:
            warnings.append("unplaced_field")  # a number ('4' one place on) names no office
    warnings.extend(date_warnings(birth, dates[_ISSUED], today))
    return Identity(
        kind=CodeKind.BHYT,
        raw=raw,
        id_number=code.upper(),
        name=name,
        birth_date=birth,
        sex=sex,
        address=hex_or_plain(fields[_ADDRESS]) if fields[_ADDRESS] else None,
        issue_date=dates[_ISSUED],
        valid_to=dates[_VALID_TO],
        clinic=hex_or_plain(fields[_CLINIC]) if fields[_CLINIC] else None,
        warnings=unique(warnings),
        extra=extra,
    )
