"""The unit's own signed codes: encoding, verification and rejection reasons."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desk_app.domain import own_codes
from desk_app.domain.own_codes import OwnCodeError, decode, looks_like_own_code

SECRET = b"0123456789abcdef0123456789abcdef"
UNIT = "so-tt-tt-bac-kan"
# The QR "alphanumeric" set without space, "$", "%", "*", "+", "-", "/" and ":" .
QR_ALNUM_SUBSET = re.compile(r"[0-9A-Z.]+")


def _reason(text: str, secret: bytes = SECRET, unit_id: str | None = UNIT) -> str:
    with pytest.raises(OwnCodeError) as info:
        decode(text, secret, unit_id)
    return info.value.reason


def test_staff_roundtrip() -> None:
    text = own_codes.encode_staff(SECRET, UNIT, "CB-12", "Hoàng Thị Nguyệt", "Phó phòng")
    code = decode(text, SECRET, UNIT)
    assert code.kind == "staff"
    assert code.version == 1
    assert code.unit_id == UNIT
    assert dict(code.fields) == {
        "staff_id": "CB-12",
        "name": "Hoàng Thị Nguyệt",
        "title": "Phó phòng",
    }


def test_visitor_pass_roundtrip() -> None:
    token = own_codes.new_pass_token()
    text = own_codes.encode_visitor_pass(SECRET, UNIT, token, date(2026, 12, 31))
    code = decode(text, SECRET, UNIT)
    assert code.kind == "visitor_pass"
    assert dict(code.fields) == {"pass_token": token, "expires_on": "2026-12-31"}


def test_pass_tokens_are_random_and_scanner_safe() -> None:
    tokens = {own_codes.new_pass_token() for _ in range(1000)}
    assert len(tokens) == 1000
    assert all(len(token) == 16 and token.isalnum() and token.isupper() for token in tokens)


def test_a_pass_of_the_first_kind_still_reads_with_its_visit_number() -> None:
    # Printed before passes carried a token: the desk must recognise it to refuse it clearly.
    text = own_codes._encode(SECRET, UNIT, "V", ["42", "20261231"])
    code = decode(text, SECRET, UNIT)
    assert code.kind == "visitor_pass"
    assert dict(code.fields) == {"visit_id": "42", "expires_on": "2026-12-31"}


def test_checkpoint_roundtrip() -> None:
    text = own_codes.encode_checkpoint(SECRET, UNIT, "Cổng phụ | kho", 7)
    code = decode(text, SECRET, UNIT)
    assert code.kind == "checkpoint"
    assert dict(code.fields) == {"checkpoint": "Cổng phụ | kho", "poster_version": "7"}


def test_codes_are_short_uppercase_alphanumeric_without_pipe() -> None:
    texts = [
        own_codes.encode_staff(SECRET, UNIT, "CB-12", "Nguyễn Văn An", "Kế toán"),
        own_codes.encode_visitor_pass(SECRET, UNIT, "ABCDEFGH23456722", date(2026, 1, 1)),
        own_codes.encode_checkpoint(SECRET, UNIT, "Cổng chính", 1),
    ]
    for text in texts:
        assert text.startswith(own_codes.PREFIX)
        assert "|" not in text
        assert QR_ALNUM_SUBSET.fullmatch(text), text
        assert len(text) <= 120
        assert looks_like_own_code(text)


def test_looks_like_own_code() -> None:
    assert looks_like_own_code("dkq1.s.x.y")
    assert not looks_like_own_code("001090123456||A|01011990|Nam|HN|01012021")
    assert not looks_like_own_code("DKQ")
    assert not looks_like_own_code("DKQX.S")


def test_lowercase_is_accepted() -> None:
    text = own_codes.encode_staff(SECRET, UNIT, "cb-12", "An")
    assert decode(text.lower(), SECRET, UNIT).fields["staff_id"] == "cb-12"


@pytest.mark.parametrize("index", [8, 20, 30])
def test_any_edited_character_is_rejected(index: int) -> None:
    text = own_codes.encode_staff(SECRET, UNIT, "CB-12", "Hoàng Thị Nguyệt", "Phó phòng")
    original = text[index]
    assert original != "."
    replacement = "A" if original != "A" else "B"
    edited = text[:index] + replacement + text[index + 1 :]
    assert _reason(edited) in {"bad_signature", "malformed", "other_unit"}


def test_edited_name_is_bad_signature() -> None:
    genuine = own_codes.encode_staff(SECRET, UNIT, "CB-12", "An")
    forged_fields = own_codes.encode_staff(b"forger", UNIT, "CB-12", "Binh")
    # Splice another name into the genuine code, keeping its signature.
    parts, forged = genuine.split("."), forged_fields.split(".")
    parts[4] = forged[4]
    assert _reason(".".join(parts)) == "bad_signature"


def test_signature_replaced() -> None:
    text = own_codes.encode_visitor_pass(SECRET, UNIT, "AAAAAAAAAAAAAAAA", date(2026, 1, 1))
    head, _, _sig = text.rpartition(".")
    assert _reason(head + "." + "A" * 26) == "bad_signature"


def test_other_unit() -> None:
    text = own_codes.encode_staff(b"other-secret", "ubnd-huyen-khac", "CB-1", "An")
    assert _reason(text) == "other_unit"


def test_other_unit_even_with_its_own_secret_known() -> None:
    text = own_codes.encode_staff(SECRET, "ubnd-huyen-khac", "CB-1", "An")
    assert _reason(text) == "other_unit"


def test_any_unit_when_unit_not_given() -> None:
    text = own_codes.encode_staff(SECRET, "ubnd-huyen-khac", "CB-1", "An")
    assert decode(text, SECRET, None).unit_id == "ubnd-huyen-khac"
    other = own_codes.encode_staff(b"other", "ubnd-huyen-khac", "CB-1", "An")
    assert _reason(other, unit_id=None) == "bad_signature"


def test_unsupported_version() -> None:
    text = own_codes.encode_staff(SECRET, UNIT, "CB-1", "An")
    assert _reason("DKQ9" + text[4:]) == "unsupported_version"
    assert _reason("DKQ0" + text[4:]) == "unsupported_version"


@pytest.mark.parametrize(
    "text",
    ["DKQ1.", "DKQ1.S.", "DKQ1.X.AAAA.A.A.A.A", "DKQ1.S.!!!.A.A.A.A", "DKQ1.S.AA.A.A", "hello"],
)
def test_malformed(text: str) -> None:
    assert _reason(text) == "malformed"


def test_signed_pass_with_impossible_date_is_malformed() -> None:
    # A code that verifies but carries nonsense can only come from a faulty encoder.
    message = f"DKQ1.V.{own_codes._b32(UNIT)}.1.20260230"
    text = f"{message}.{own_codes._signature(SECRET, message)}"
    assert _reason(text) == "malformed"


def test_empty_secret_or_unit_refused_when_encoding() -> None:
    with pytest.raises(ValueError):
        own_codes.encode_staff(b"", UNIT, "1", "A")
    with pytest.raises(ValueError):
        own_codes.encode_staff(SECRET, "", "1", "A")
    with pytest.raises(ValueError):
        own_codes.encode_visitor_pass(SECRET, UNIT, "not-a-token", date(2026, 1, 1))


def test_empty_secret_never_verifies() -> None:
    text = own_codes.encode_staff(SECRET, UNIT, "CB-1", "An")
    assert _reason(text, secret=b"") == "bad_signature"


def test_error_is_a_value_error_with_reason() -> None:
    error = OwnCodeError("other_unit", "x")
    assert isinstance(error, ValueError)
    assert error.reason in OwnCodeError.REASONS


@pytest.mark.parametrize(
    ("old", "new"),
    [("DKQ", "D\u212aQ"), (".S.", ".\u017f."), ("DKQ1", "DKQ\u0661"), ("A", "\uff21")],
)
def test_a_letter_that_upper_folds_to_ascii_is_malformed(old: str, new: str) -> None:
    # "ſ".upper() is "S" and the Kelvin sign stays itself: neither may pass for the code.
    text = own_codes.encode_staff(SECRET, UNIT, "NV01", "Nguyễn An").lower()
    edited = text.replace(old.lower(), new, 1)
    assert edited != text
    with pytest.raises(OwnCodeError) as info:
        decode(edited, SECRET, UNIT)
    assert info.value.reason == "malformed"
    with pytest.raises(OwnCodeError):
        own_codes.peek_unit_id(edited)


@pytest.mark.parametrize("wide", ["\uff0e", "\uff24", "\uff11"])  # ．, Ｄ, １
def test_a_code_in_full_width_letters_is_malformed_not_read(wide: str) -> None:
    from desk_app.domain.payloads import CodeKind, parse

    text = own_codes.encode_staff(SECRET, UNIT, "NV01", "Nguyễn An")
    narrow = {"\uff0e": ".", "\uff24": "D", "\uff11": "1"}[wide]
    edited = text.replace(narrow, wide, 1)
    assert edited != text
    identity = parse(edited, unit_secret=SECRET, unit_id=UNIT)
    assert identity.kind is CodeKind.UNRECOGNISED and identity.reason == "malformed"
    assert parse(text, unit_secret=SECRET, unit_id=UNIT).kind is CodeKind.STAFF
