"""Which typed texts have the shape of a code (so that silence may end a keyboard scan)."""

from __future__ import annotations

from datetime import date

import pytest

from desk_app.domain import own_codes
from desk_app.scanning.code_shape import looks_like_code

CODES = [
    "001090012345||Nguyễn Văn An|14031990|Nam|Số 12 phố Hoa Sữa, Hà Nội|15082021",
    "001090012345|123456789|Nguyễn Văn An|14031990|Nam|Hà Nội|15082021||||",
    "\ufeff001090012345||Nguyễn Văn An|14031990|Nam|Hà Nội|15082021\r\n",
    "001090012345|Nguyễn Văn An|14/03/1990|Nam|Hà Nội|15/08/2021",
    # diacritics mangled by a keyboard layout: still a card, the desk must see it
    "001090012345||Nguy?n V?n An|14031990|Nam|S? 12 ph? Hoa S?a|15082021",
    "001090012345||NguyÃªn VÄƒn An|14031990|Nam|HÃ  Ná»™i|15082021",
    "079193004321|TRAN THI BICH NGOC|1993-04-23|0|QID123|<1<<0987654321<",
    # a broken date still makes it a card: refused with a reason, not typed into a field
    "001090012345||Nguyễn Văn An|31021990|Nam|Hà Nội|15082021",
]
NOT_CODES = [
    "",
    "   ",
    "0123456789",
    "Nguyễn Văn An",
    "Nguyễn Văn An|ghi chú",
    "a|b|c|d",
    "họp|phòng 2|14h|mang hồ sơ",
    "DKQ",  # the prefix alone, without its version
]


@pytest.mark.parametrize("text", CODES)
def test_code_shapes(text: str) -> None:
    assert looks_like_code(text)


@pytest.mark.parametrize("text", NOT_CODES)
def test_typing_shapes(text: str) -> None:
    assert not looks_like_code(text)


def test_the_units_own_codes_in_any_case() -> None:
    code = own_codes.encode_visitor_pass(b"s" * 32, "UNIT1", "K4Q2ZP7MXR3W5NYA", date(2026, 12, 2))
    assert looks_like_code(code)
    assert looks_like_code(code.lower())


def test_a_code_behind_a_symbology_identifier_has_its_shape() -> None:
    assert looks_like_code("]Q1" + CODES[0])
    assert looks_like_code("]Q1" + own_codes.encode_staff(b"k" * 32, "u1", "S001", "Lê An"))
    assert not looks_like_code("]Q1")
