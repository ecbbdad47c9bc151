"""The unit's own signed codes: staff cards, visitor passes and the checkpoint poster."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

# Layout (version 1):  DKQ1.<K>.<UNIT>.<field>...<field>.<SIG>
#   K     S (staff), P (visitor pass), C (checkpoint poster); V is the first visitor pass,
#         which named its visit by row number: still read, so the desk can refuse it clearly
#   UNIT  unit id, RFC 4648 base32 of UTF-8 without padding
#   field text fields as base32 like UNIT, numbers as decimal digits, dates as YYYYMMDD,
#         tokens as they are (base32 letters and digits)
#   SIG   first 16 bytes of HMAC-SHA256(secret, everything before ".SIG"), base32
# Every character belongs to the QR "alphanumeric" set (A-Z 0-9 and "."), so the printed code
# stays low-density, and handheld scanners that type through a keyboard layout cannot mangle
# Vietnamese letters (they travel encoded). The text is case-insensitive: a scanner typing with
# Caps Lock on still yields a valid code. No "|" ever appears, so no other parser claims it.
PREFIX = "DKQ"
VERSION = 1
SIGNATURE_BYTES = 16

KIND_STAFF = "staff"
KIND_VISITOR_PASS = "visitor_pass"
KIND_CHECKPOINT = "checkpoint"

_LETTER_TO_KIND = {
    "S": KIND_STAFF,
    "P": KIND_VISITOR_PASS,
    "V": KIND_VISITOR_PASS,
    "C": KIND_CHECKPOINT,
}
_KIND_TO_LETTER = {KIND_STAFF: "S", KIND_VISITOR_PASS: "P", KIND_CHECKPOINT: "C"}
# Field names per letter, in the order they are written; "t" text, "n" number, "d" date,
# "k" token.
_LAYOUT: dict[str, tuple[tuple[str, str], ...]] = {
    "S": (("staff_id", "t"), ("name", "t"), ("title", "t")),
    "P": (("pass_token", "k"), ("expires_on", "d")),
    "V": (("visit_id", "n"), ("expires_on", "d")),
    "C": (("checkpoint", "t"), ("poster_version", "n")),
}
PASS_TOKEN_BYTES = 10  # 80 random bits: 16 base32 characters on the pass

_HEAD = re.compile(r"DKQ([0-9]{1,6})\.", re.IGNORECASE)
_B32_PART = re.compile(r"[A-Z2-7]*")


class OwnCodeError(ValueError):
    """A code in the unit's format that cannot be trusted; ``reason`` is a stable code."""

    REASONS = ("bad_signature", "other_unit", "unsupported_version", "malformed")

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True)
class OwnCode:
    kind: str
    version: int
    unit_id: str
    fields: Mapping[str, str] = field(default_factory=dict, hash=False)


def looks_like_own_code(text: str) -> bool:
    """True when ``text`` claims to be one of the unit's codes (it may still fail to verify)."""
    return bool(_HEAD.match(text.strip()))


def _b32(text: str) -> str:
    return base64.b32encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def _unb32(part: str) -> str:
    if not _B32_PART.fullmatch(part):
        raise OwnCodeError("malformed", "not base32")
    try:
        return base64.b32decode(part + "=" * (-len(part) % 8)).decode("utf-8")
    except (binascii.Error, ValueError) as exc:
        raise OwnCodeError("malformed", "not base32") from exc


def _signature(secret: bytes, message: str) -> str:
    digest = hmac.new(secret, message.encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(digest[:SIGNATURE_BYTES]).decode("ascii").rstrip("=")


def _encode(secret: bytes, unit_id: str, letter: str, values: Sequence[str]) -> str:
    if not secret:
        raise ValueError("the unit secret must not be empty")
    if not unit_id:
        raise ValueError("the unit id must not be empty")
    parts = [f"{PREFIX}{VERSION}", letter, _b32(unit_id), *values]
    message = ".".join(parts)
    return f"{message}.{_signature(secret, message)}"


def encode_staff(secret: bytes, unit_id: str, staff_id: str, name: str, title: str = "") -> str:
    return _encode(
        secret, unit_id, _KIND_TO_LETTER[KIND_STAFF], [_b32(staff_id), _b32(name), _b32(title)]
    )


def new_pass_token() -> str:
    """A random token naming one visit on its visitor pass (never guessed, never reused)."""
    return base64.b32encode(secrets.token_bytes(PASS_TOKEN_BYTES)).decode("ascii").rstrip("=")


def encode_visitor_pass(secret: bytes, unit_id: str, token: str, expires_on: date) -> str:
    if not token or not _B32_PART.fullmatch(token):
        raise ValueError("a pass token is base32 letters and digits")
    letter = _KIND_TO_LETTER[KIND_VISITOR_PASS]
    return _encode(secret, unit_id, letter, [token, expires_on.strftime("%Y%m%d")])


def encode_checkpoint(secret: bytes, unit_id: str, checkpoint: str, poster_version: int) -> str:
    if poster_version < 0:
        raise ValueError("poster version must not be negative")
    return _encode(
        secret, unit_id, _KIND_TO_LETTER[KIND_CHECKPOINT], [_b32(checkpoint), str(poster_version)]
    )


def _decode_value(kind_of_field: str, part: str) -> str:
    if kind_of_field == "t":
        return _unb32(part)
    if kind_of_field == "k":
        if not part or not _B32_PART.fullmatch(part) or len(part) > 32:
            raise OwnCodeError("malformed", "not a token")
        return part
    if kind_of_field == "n":
        if not part.isascii() or not part.isdigit() or len(part) > 18:
            raise OwnCodeError("malformed", "not a number")
        return str(int(part))
    if len(part) != 8 or not part.isascii() or not part.isdigit():
        raise OwnCodeError("malformed", "not a date")
    try:
        return date(int(part[:4]), int(part[4:6]), int(part[6:])).isoformat()
    except ValueError as exc:
        raise OwnCodeError("malformed", "not a date") from exc


def peek_unit_id(text: str) -> str:
    """The unit id a code claims, unverified (to tell the operator whose code it is)."""
    if not text.isascii():
        raise OwnCodeError("malformed", "not ASCII")
    parts = text.strip().upper().split(".")
    if len(parts) < 4 or not _HEAD.match(text.strip()):
        raise OwnCodeError("malformed", "too few parts")
    return _unb32(parts[2])


def decode(text: str, secret: bytes, unit_id: str | None) -> OwnCode:
    """Verify and unpack one of the unit's codes; raises OwnCodeError.

    ``unit_id`` None accepts any unit id carried by a code that verifies with ``secret``.
    """
    if not text.isascii():
        # The codes are ASCII by construction; upper() would fold "ſ" into "S" and keep a
        # Kelvin sign, so anything else is refused before it is compared or signed.
        raise OwnCodeError("malformed", "not ASCII")
    canonical = text.strip().upper()
    head = _HEAD.match(canonical)
    if head is None:
        raise OwnCodeError("malformed", "no prefix")
    version = int(head.group(1))
    if version != VERSION:
        raise OwnCodeError("unsupported_version", str(version))
    parts = canonical.split(".")
    if len(parts) < 4:
        raise OwnCodeError("malformed", "too few parts")
    kind = _LETTER_TO_KIND.get(parts[1])
    if kind is None:
        raise OwnCodeError("malformed", "unknown kind")
    layout = _LAYOUT[parts[1]]
    if len(parts) != 3 + len(layout) + 1:
        raise OwnCodeError("malformed", "wrong number of parts")
    code_unit = _unb32(parts[2])
    # The unit is compared before the signature: a code of another unit cannot verify with our
    # secret, and the operator should hear "another unit's code", not "forged".
    if unit_id is not None and code_unit != unit_id:
        raise OwnCodeError("other_unit", code_unit)
    if not secret:
        raise OwnCodeError("bad_signature", "no secret")
    message, _, given = canonical.rpartition(".")
    if not hmac.compare_digest(
        _signature(secret, message).encode(), given.encode("ascii", "replace")
    ):
        raise OwnCodeError("bad_signature")
    values = {
        name: _decode_value(shape, part)
        for (name, shape), part in zip(layout, parts[3:-1], strict=True)
    }
    return OwnCode(kind=kind, version=version, unit_id=code_unit, fields=values)
