"""Parse a decoded QR text into a typed identity (ID cards, health app, insurance, own codes)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from desk_app.domain import own_codes

MAX_LENGTH = 4096
# Longest raw text kept on an identity; the log of unrecognised codes needs a sample, not megabytes.
_RAW_KEEP = MAX_LENGTH
# The longest known payload has a dozen fields; more is not a card and not worth splitting fully.
_MAX_FIELDS = 40

CUTOVER_CANCUOC = date(2024, 7, 1)


class CodeKind(StrEnum):
    CCCD = "cccd"
    CANCUOC = "cancuoc"
    PCCOVID = "pccovid"
    BHYT = "bhyt"
    STAFF = "staff"
    VISITOR_PASS = "visitor_pass"
    CHECKPOINT = "checkpoint"
    UNRECOGNISED = "unrecognised"


WARNINGS = ("id_sex_mismatch", "id_birth_year_mismatch", "id_century_mismatch", "masked_code")
REASONS = tuple(
    "empty unknown_format bad_date bad_id_number bad_name bad_signature other_unit"
    " unit_code_unverifiable unsupported_version malformed too_long".split()
)


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
            "warnings": list(self.warnings),
            "reason": self.reason,
        }


class _Reject(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_ID12 = re.compile(r"\d{12}", re.ASCII)
_ID9 = re.compile(r"\d{9}", re.ASCII)
_DATE8 = re.compile(r"\d{8}", re.ASCII)
_ISO_DATE = re.compile(r"[\d*]{4}-[\d*]{2}-[\d*]{2}", re.ASCII)
_SLASH_DATE = re.compile(r"\d{2}/\d{2}/\d{4}", re.ASCII)
_YEAR = re.compile(r"\d{4}", re.ASCII)
_HEX = re.compile(r"(?:[0-9A-Fa-f]{2})+")
# CCCD, old ID, passport; "*" where the app masked it.
_DOCUMENT = re.compile(r"[A-Za-z0-9*]{5,20}")
_BHYT_CODE = re.compile(r"[0-9]{10}|[A-Za-z0-9]{15}")
_SEX_WORDS = {"nam": "male", "nữ": "female", "nu": "female"}


# --------------------------------------------------------------------------- the number check


def _id_checks(id_number: str, birth_year: int | None, sex: str | None) -> tuple[str, ...]:
    if not (len(id_number) == 12 and id_number.isascii() and id_number.isdigit()):
        return ()
    digit4 = int(id_number[3])
    warnings: list[str] = []
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
    return _id_checks(id_number, birth_date.year if birth_date else None, sex)


# --------------------------------------------------------------------------- small helpers


def _clean(value: str) -> str:
    value = value.strip()
    return "" if value == "-" else value


def _opt(value: str) -> str | None:
    return value or None


def _name(value: str) -> str | None:
    # Hex-decoded names can smuggle control characters into the log; a name never needs them.
    visible = "".join(ch for ch in value if not unicodedata.category(ch).startswith("C"))
    return " ".join(visible.split()) or None


def _make_date(year: str, month: str, day: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError as exc:
        raise _Reject("bad_date") from exc


def _ddmmyyyy(value: str) -> date | None:
    if not value:
        return None
    if not _DATE8.fullmatch(value):
        raise _Reject("bad_date")
    return _make_date(value[4:], value[2:4], value[:2])


def _sex_word(value: str) -> str | None:
    return _SEX_WORDS.get(value.casefold())


def _hex_text(value: str) -> str:
    try:
        return unicodedata.normalize("NFC", bytes.fromhex(value).decode("utf-8"))
    except ValueError as exc:
        raise _Reject("bad_name") from exc


# --------------------------------------------------------------------------- chip ID cards


def _is_name_like(value: str) -> bool:
    return any(ch.isalpha() for ch in value) and all(ch.isalpha() or ch in " .'-" for ch in value)


def _positional(fields: list[str]) -> bool:
    """True when the standard positions ID|OLD|Name|DOB|Sex|Address|Issue fit the shapes."""
    padded = fields + [""] * (7 - len(fields))
    return (
        bool(_ID12.fullmatch(padded[0]))
        and (not padded[1] or bool(_ID9.fullmatch(padded[1])))
        and (not padded[3] or bool(_DATE8.fullmatch(padded[3])))
        and (not padded[4] or _sex_word(padded[4]) is not None)
        and (not padded[6] or bool(_DATE8.fullmatch(padded[6])))
    )


def _parse_id_card(raw: str, fields: list[str]) -> Identity | None:
    trimmed = list(fields)
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    if not 4 <= len(trimmed) <= 8 or len(fields) > 12:
        return None
    if not any(_ID12.fullmatch(f) for f in trimmed):
        return None
    if _positional(trimmed):
        padded = trimmed + [""] * (7 - len(trimmed))
        id_number, old_id, name, birth_s, sex_s, address, issue_s = padded[:7]
    else:
        # Positions disagree (căn cước variants): take each field by its shape, in order.
        id_number = old_id = birth_s = sex_s = issue_s = ""
        rest: list[str] = []
        for value in trimmed:
            if not id_number and _ID12.fullmatch(value):
                id_number = value
            elif not old_id and _ID9.fullmatch(value):
                old_id = value
            elif _DATE8.fullmatch(value) and not issue_s:
                if birth_s:
                    issue_s = value
                else:
                    birth_s = value
            elif not sex_s and _sex_word(value) is not None:
                sex_s = value
            elif value:
                rest.append(value)
        name = next((v for v in rest if _is_name_like(v)), rest[0] if rest else "")
        if name:
            rest.remove(name)
        address = rest[0] if rest else ""
    birth = _ddmmyyyy(birth_s)
    issue = _ddmmyyyy(issue_s)
    if not name and birth is None:
        return None
    sex = _sex_word(sex_s) if sex_s else None
    # Kind: the issue date decides (cards from 1 July 2024 are căn cước). Without an issue date
    # the 2021 card's fixed seven fields say CCCD; a 6- or 8-field text only comes from the
    # newer card, so it is read as căn cước.
    if issue is not None:
        kind = CodeKind.CANCUOC if issue >= CUTOVER_CANCUOC else CodeKind.CCCD
    else:
        kind = CodeKind.CANCUOC if len(fields) in (6, 8) else CodeKind.CCCD
    return Identity(
        kind=kind,
        raw=raw,
        id_number=id_number,
        old_id_number=_opt(old_id),
        name=_name(name),
        birth_date=birth,
        sex=sex,
        address=_name(address),
        issue_date=issue,
        warnings=check_id_number(id_number, birth, sex),
    )


# --------------------------------------------------------------------------- PC-Covid


# Sex codes of the health app (0/1/2) are unconfirmed: 1 is read as male and 2 as female (the
# convention of the insurance card), 0 as not stated. When the document number is a 12-digit ID,
# its own digit 4 is the better source, so the app's code is kept only as extra "sex_code" and
# never produces a mismatch warning.
_PCCOVID_SEX = {"1": "male", "2": "female"}


def _parse_pccovid(raw: str, fields: list[str]) -> Identity:
    document, name, birth_s = fields[0], fields[1], fields[2]
    if not _DOCUMENT.fullmatch(document):
        raise _Reject("bad_id_number")
    extra: dict[str, str] = {}
    warnings: list[str] = []
    birth: date | None = None
    birth_year: int | None = None
    if "*" in birth_s:
        if _YEAR.fullmatch(birth_s[:4]):
            birth_year = int(birth_s[:4])
            extra["birth_year"] = birth_s[:4]
    else:
        birth = _make_date(birth_s[:4], birth_s[5:7], birth_s[8:10])
        birth_year = birth.year
    masked = "*" in document or "*" in birth_s
    if masked:
        warnings.append("masked_code")
    if len(fields) > 3 and fields[3]:
        extra["declared_for_other"] = fields[3]
    if len(fields) > 4 and fields[4]:
        extra["qid"] = fields[4]
    sex: str | None = None
    if len(fields) > 5:
        ext = [_clean(v) for v in fields[5].split("<")]
        ext += [""] * (5 - len(ext))
        helper_qid, sex_code, insurance, phone = ext[0], ext[1], ext[2], ext[3]
        for key, value in (
            ("helper_qid", helper_qid),
            ("sex_code", sex_code),
            ("insurance_number", insurance),
            ("phone", phone),
        ):
            if value:
                extra[key] = value
        sex = _PCCOVID_SEX.get(sex_code)
    if _ID12.fullmatch(document):
        digit4 = int(document[3])
        sex = "male" if digit4 % 2 == 0 else "female"
        warnings.extend(_id_checks(document, birth_year, None))
    return Identity(
        kind=CodeKind.PCCOVID,
        raw=raw,
        id_number=document,
        name=_name(name),
        birth_date=birth,
        sex=sex,
        warnings=tuple(warnings),
        extra=extra,
    )


# --------------------------------------------------------------------------- BHYT


_BHYT_SEX = {"1": "male", "2": "female"}


def _maybe_hex(value: str) -> str:
    if _HEX.fullmatch(value):
        try:
            return unicodedata.normalize("NFC", bytes.fromhex(value).decode("utf-8"))
        except ValueError:
            return value
    return value


def _parse_bhyt(raw: str, fields: list[str]) -> Identity:
    code = fields[0]
    if not _BHYT_CODE.fullmatch(code):
        raise _Reject("bad_id_number")
    name = _hex_text(fields[1])
    birth_s = fields[2]
    extra: dict[str, str] = {}
    birth: date | None = None
    if _SLASH_DATE.fullmatch(birth_s):
        birth = _make_date(birth_s[6:], birth_s[3:5], birth_s[:2])
    else:
        # Some cards only know the year of birth.
        extra["birth_year"] = birth_s
    fields = fields + [""] * (8 - len(fields))
    address = _maybe_hex(fields[4]) if fields[4] else ""
    if fields[5]:
        extra["issuing_place"] = _maybe_hex(fields[5])
    for key, value in (("valid_from", fields[6]), ("valid_to", fields[7])):
        if _SLASH_DATE.fullmatch(value):
            try:
                extra[key] = date(int(value[6:]), int(value[3:5]), int(value[:2])).isoformat()
            except ValueError:
                pass
    return Identity(
        kind=CodeKind.BHYT,
        raw=raw,
        id_number=code.upper(),
        name=_name(name),
        birth_date=birth,
        sex=_BHYT_SEX.get(fields[3]),
        address=_name(address),
        extra=extra,
    )


# --------------------------------------------------------------------------- own codes


_OWN_KINDS = {
    own_codes.KIND_STAFF: CodeKind.STAFF,
    own_codes.KIND_VISITOR_PASS: CodeKind.VISITOR_PASS,
    own_codes.KIND_CHECKPOINT: CodeKind.CHECKPOINT,
}


def _parse_own(raw: str, secret: bytes | None, unit_id: str | None) -> Identity:
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
                extra["unit_id"] = own_codes.peek_unit_id(raw)
            except own_codes.OwnCodeError:
                pass
        return Identity(CodeKind.UNRECOGNISED, raw=raw, reason=exc.reason, extra=extra)
    fields = {**code.fields, "unit_id": code.unit_id, "code_version": str(code.version)}
    kind = _OWN_KINDS[code.kind]
    if kind is CodeKind.STAFF:
        return Identity(
            kind=kind,
            raw=raw,
            id_number=code.fields["staff_id"] or None,
            name=_name(unicodedata.normalize("NFC", code.fields["name"])),
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
        blob = bytes(data).split(b"\x00", 1)[0]
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


def _parse_text(text: str, secret: bytes | None, unit_id: str | None) -> Identity:
    nul = text.find("\x00")
    if nul >= 0:
        text = text[:nul]
    if len(text) > MAX_LENGTH * 2:
        return Identity(CodeKind.UNRECOGNISED, raw=text[:_RAW_KEEP], reason="too_long")
    text = unicodedata.normalize("NFC", text).strip().lstrip("\ufeff").strip()
    if len(text) > MAX_LENGTH:
        return Identity(CodeKind.UNRECOGNISED, raw=text[:_RAW_KEEP], reason="too_long")
    raw = text
    try:
        if not text:
            raise _Reject("empty")
        if own_codes.looks_like_own_code(text):
            return _parse_own(raw, secret, unit_id)
        if "|" not in text:
            raise _Reject("unknown_format")
        fields = [_clean(f) for f in text.split("|", _MAX_FIELDS)]
        if len(fields) >= 3 and _ISO_DATE.fullmatch(fields[2]):
            return _parse_pccovid(raw, fields)
        if (
            len(fields) >= 4
            and _HEX.fullmatch(fields[1])
            and (_SLASH_DATE.fullmatch(fields[2]) or _YEAR.fullmatch(fields[2]))
        ):
            return _parse_bhyt(raw, fields)
        identity = _parse_id_card(raw, fields)
        if identity is None:
            raise _Reject("unknown_format")
        return identity
    except _Reject as rejection:
        return Identity(CodeKind.UNRECOGNISED, raw=raw, reason=rejection.reason)


def parse(
    text: str | bytes, *, unit_secret: bytes | None = None, unit_id: str | None = None
) -> Identity:
    """The identity a decoded text describes; never raises (unrecognised carries a reason)."""
    raw = ""
    try:
        raw = _to_text(text)
        return _parse_text(raw, unit_secret, unit_id)
    except _TooLong as too_long:
        return Identity(CodeKind.UNRECOGNISED, raw=too_long.sample, reason="too_long")
    except Exception:  # a scan must never take the desk down; the text goes to the log
        return Identity(CodeKind.UNRECOGNISED, raw=raw[:_RAW_KEEP], reason="unknown_format")
