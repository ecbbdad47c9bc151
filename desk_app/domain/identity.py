"""What a parsed code says about a person, and the shape checks every card format shares."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class CodeKind(StrEnum):
    CCCD = "cccd"
    CANCUOC = "cancuoc"
    PCCOVID = "pccovid"
    BHYT = "bhyt"
    STAFF = "staff"
    VISITOR_PASS = "visitor_pass"
    CHECKPOINT = "checkpoint"
    UNRECOGNISED = "unrecognised"


# Every warning and reason the parser gives; each has a text in both languages
# (``warning.<code>`` / ``reason.<code>`` in desk_app/i18n/messages/vocabulary.py).
WARNINGS = (
    "id_sex_mismatch",
    "id_birth_year_mismatch",
    "id_century_mismatch",
    "id_unknown_province",
    "masked_code",
    "unplaced_field",
    "read_by_shape",
    "birth_date_in_future",
    "issue_date_in_future",
    "issue_before_birth",
)
REASONS = (
    "empty",
    "unknown_format",
    "bad_date",
    "bad_id_number",
    "bad_name",
    "bad_signature",
    "other_unit",
    "unit_code_unverifiable",
    "unsupported_version",
    "malformed",
    "too_long",
    "fully_masked",
    "internal_error",
)

CUTOVER_CANCUOC = date(2024, 7, 1)


@dataclass(frozen=True)
class Identity:
    kind: CodeKind
    raw: str
    id_number: str | None = None
    old_id_number: str | None = None
    name: str | None = None
    birth_date: date | None = None
    sex: str | None = None
    address: str | None = None
    issue_date: date | None = None
    valid_to: date | None = None
    clinic: str | None = None
    warnings: tuple[str, ...] = ()
    reason: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict, hash=False)

    @property
    def recognised(self) -> bool:
        return self.kind is not CodeKind.UNRECOGNISED

    def to_json_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "id_number": self.id_number,
            "old_id_number": self.old_id_number,
            "name": self.name,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "sex": self.sex,
            "address": self.address,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "clinic": self.clinic,
            "warnings": list(self.warnings),
            "reason": self.reason,
        }


class Reject(Exception):
    """The text is of a known format but cannot be read; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------- shapes

ID12 = re.compile(r"\d{12}", re.ASCII)
OLD_ID = re.compile(r"\d{9,12}", re.ASCII)
_DATE8 = re.compile(r"(\d{2})(\d{2})(\d{4})", re.ASCII)
# Copied text writes DD/MM/YYYY; some apps drop the leading zeros or use dots or dashes.
_DATE_SEP = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", re.ASCII)
YEAR = re.compile(r"\d{4}", re.ASCII)
# Checked in C rather than character by character: every scan goes through them.
_LETTER = re.compile(r"[^\W\d_]")
_NOT_IN_A_NAME = re.compile(r"[\d,/;:|]")
_ADDRESS_MARK = re.compile(r"[^\W\d_]|[/,]")
# Anything written like a date, whatever the order or the length of its year.
_ANY_DATE = re.compile(r"\d{8}|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}", re.ASCII)
HEX = re.compile(r"(?:[0-9A-Fa-f]{2})+")
_SEX_WORDS = {
    "nam": "male",
    "nữ": "female",
    "nu": "female",
    "male": "male",
    "female": "female",
    # "Nữ" as a keyboard-type scanner or a wrong code page delivers it: "Nam" is plain ASCII
    # and always arrives whole, so a sex word that lost its letter can only be "Nữ".
    "n?": "female",
    "n\ufffd": "female",
    "ná»¯": "female",
}


def clean_field(value: str) -> str:
    """A field as the card meant it: spaces around it dropped, ``-`` meaning missing."""
    value = value.strip()
    return "" if value == "-" else value


def visible(text: str) -> str:
    """``text`` with control and format characters gone and line or paragraph separators
    made spaces (a stored field never needs them)."""
    if text.isprintable():  # the usual case, checked in C: nothing to remove
        return text
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Zl", "Zp"):  # a line break of any kind is a space in a field
            out.append(" ")
        elif category not in ("Cf", "Cs", "Co", "Cn"):
            out.append(ch)
    return "".join(out)


def tidy(value: str) -> str | None:
    """A free-text field for storing: visible characters, single spaces, None when empty."""
    return " ".join(visible(value).split()) or None


def is_date_shaped(value: str) -> bool:
    return bool(_DATE8.fullmatch(value) or _DATE_SEP.fullmatch(value))


def real_date(value: str) -> date | None:
    """The date a DDMMYYYY or DD/MM/YYYY value names, or None (another shape, or impossible)."""
    try:
        return card_date(value) if value else None
    except Reject:
        return None


def make_date(year: int | str, month: int | str, day: int | str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError as exc:
        raise Reject("bad_date") from exc


def card_date(value: str) -> date | None:
    """A card date written DDMMYYYY or DD/MM/YYYY; empty is None, another shape is bad_date."""
    if not value:
        return None
    match = _DATE8.fullmatch(value)
    if match:
        return make_date(match[3], match[2], match[1])
    match = _DATE_SEP.fullmatch(value)
    if match:
        return make_date(match[4], match[3], match[1])
    raise Reject("bad_date")


def sex_word(value: str) -> str | None:
    return _SEX_WORDS.get(value.casefold())


def is_name_like(value: str) -> bool:
    """Letters (any script), spaces and . ' - only: a person's name, not an address or number."""
    return any(ch.isalpha() for ch in value) and all(
        ch.isalpha() or ch in " .'-" or unicodedata.category(ch).startswith("M") for ch in value
    )


def could_be_name(value: str) -> bool:
    """A name as it may arrive from a keyboard-mode scanner: diacritics turned into ``?`` or
    mojibake (``Nguy?n``, ``Nguyá»…n``), but still letters and never digits, commas or slashes.

    The name slot takes it as it is; storage matches the person by ID number and keeps the
    better spelling."""
    return (
        _LETTER.search(value) is not None
        and _NOT_IN_A_NAME.search(value) is None
        and sex_word(value) is None
    )


def is_address_like(value: str) -> bool:
    """Free text that can be an address: place names (letters) or a house number with its
    slashes and commas (``131/9/2``); never a number, a date in any style or a sex word that
    lost its own slot."""
    return (
        _ADDRESS_MARK.search(value) is not None
        and not _ANY_DATE.fullmatch(value)
        and sex_word(value) is None
    )


def hex_text(value: str) -> str | None:
    """Hex-encoded UTF-8 decoded, or None when ``value`` is not that."""
    if not HEX.fullmatch(value):
        return None
    try:
        return unicodedata.normalize("NFC", bytes.fromhex(value).decode("utf-8"))
    except ValueError:
        return None


def hex_or_plain(value: str) -> str | None:
    """A free-text field that may be hex-encoded UTF-8 (the insurance card's address and
    issuing place): decoded when it is hex of readable text, else as written.

    Digits alone stay as written: ``0101`` is a clinic code, not two control characters."""
    if not value.isdigit():
        decoded = hex_text(value)
        if decoded and all(ch.isprintable() or ch in "\t\r\n" for ch in decoded):
            return tidy(decoded)
    return tidy(value)


# --------------------------------------------------------------------------- the number check


def id_checks(id_number: str, birth_year: int | None, sex: str | None) -> tuple[str, ...]:
    """Warnings for a 12-digit number whose province, digit 4 or digits 5-6 disagree."""
    if not (len(id_number) == 12 and id_number.isascii() and id_number.isdigit()):
        return ()
    digit4 = int(id_number[3])
    warnings: list[str] = []
    if id_number[:3] == "000":
        warnings.append("id_unknown_province")
    if sex is not None and sex != ("male" if digit4 % 2 == 0 else "female"):
        warnings.append("id_sex_mismatch")
    if birth_year is not None:
        if birth_year // 100 != 19 + digit4 // 2:
            warnings.append("id_century_mismatch")
        if birth_year % 100 != int(id_number[4:6]):
            warnings.append("id_birth_year_mismatch")
    return tuple(warnings)


def check_id_number(id_number: str, birth_date: date | None, sex: str | None) -> tuple[str, ...]:
    """Warnings for a 12-digit number whose digit 4 (sex, century) or 5-6 (year) disagree.

    Digit 4: 0/1 male/female born 1900-1999, 2/3 in 2000-2099, 4/5 in 2100-2199, and so on.
    Anything but 12 digits gives no warning (there is nothing to check).
    """
    return id_checks(id_number, birth_date.year if birth_date else None, sex)


def date_warnings(birth: date | None, issue: date | None, today: date) -> tuple[str, ...]:
    warnings: list[str] = []
    if birth is not None and birth > today:
        warnings.append("birth_date_in_future")
    if issue is not None and issue > today:
        warnings.append("issue_date_in_future")
    if birth is not None and issue is not None and issue < birth:
        warnings.append("issue_before_birth")
    return tuple(warnings)


def unique(warnings: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(warnings))
