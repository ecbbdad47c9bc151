"""Property tests: no input makes the parser raise, and own codes survive any text."""

from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desk_app.domain import own_codes
from desk_app.domain.payloads import CodeKind, Identity, parse

SECRET = b"property-secret"
UNIT = "unit-42"
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(identity: Identity) -> None:
    assert isinstance(identity, Identity)
    assert isinstance(identity.kind, CodeKind)
    assert (identity.reason is not None) == (identity.kind is CodeKind.UNRECOGNISED)
    assert identity.recognised == (identity.kind is not CodeKind.UNRECOGNISED)
    data = identity.to_json_dict()
    assert data["kind"] == identity.kind.value
    assert isinstance(identity.raw, str)
    # A crash inside the parser is reported as its own reason; it must never happen.
    assert identity.reason != "internal_error", identity.raw


separator_soup = st.lists(
    st.sampled_from(list("|<\x00-0123456789/ *") + ["Nam", "Nữ", "\r\n", "ab", "DKQ1."]),
    max_size=120,
).map("".join)


@FAST
@given(st.text(max_size=500))
def test_random_text(text: str) -> None:
    _check(parse(text))


@FAST
@given(st.binary(max_size=500))
def test_random_bytes(blob: bytes) -> None:
    _check(parse(blob))


@FAST
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp"]),
        max_size=300,
    ),
    st.sampled_from(["", "|", "Nguyễn Văn An", "001090123456||"]),
)
def test_control_characters(text: str, around: str) -> None:
    identity = parse(around + text + around)
    _check(identity)
    # No control, format or line-separator character reaches a field that is kept or shown.
    shown = [identity.raw, identity.name, identity.address, *identity.extra.values()]
    for value in shown:
        assert not any(
            unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") for ch in value or ""
        ), value


@FAST
@given(separator_soup)
def test_separator_soup(text: str) -> None:
    _check(parse(text))
    _check(parse(text, unit_secret=SECRET, unit_id=UNIT))


@FAST
@given(
    st.lists(
        st.one_of(
            st.from_regex(r"\d{8,12}", fullmatch=True),
            st.sampled_from(["", "-", "Nam", "NỮ", "31021990", "29022001", "9999-99-99"]),
            st.text(max_size=12),
        ),
        min_size=1,
        max_size=10,
    )
)
def test_card_like_fields(fields: list[str]) -> None:
    identity = parse("|".join(fields))
    _check(identity)
    if identity.kind in (CodeKind.CCCD, CodeKind.CANCUOC):
        assert identity.id_number is not None
        assert len(identity.id_number) == 12


@settings(max_examples=5, deadline=None)
@given(st.sampled_from(["x", "|", "\x00", "0", "Nữ|", "001090123456|"]), st.booleans())
def test_megabyte_inputs(unit: str, as_bytes: bool) -> None:
    text = unit * (1_000_000 // len(unit))
    identity = parse(text.encode("utf-8") if as_bytes else text)
    _check(identity)


names = st.text(max_size=60)


@FAST
@given(staff_id=names, name=names, title=names)
def test_staff_roundtrip(staff_id: str, name: str, title: str) -> None:
    text = own_codes.encode_staff(SECRET, UNIT, staff_id, name, title)
    assert "|" not in text
    code = own_codes.decode(text, SECRET, UNIT)
    assert dict(code.fields) == {"staff_id": staff_id, "name": name, "title": title}
    _check(parse(text, unit_secret=SECRET, unit_id=UNIT))


@FAST
@given(unit_id=st.text(min_size=1, max_size=40), checkpoint=names, version=st.integers(0, 10**9))
def test_checkpoint_roundtrip_any_unit(unit_id: str, checkpoint: str, version: int) -> None:
    text = own_codes.encode_checkpoint(SECRET, unit_id, checkpoint, version)
    code = own_codes.decode(text, SECRET, unit_id)
    assert code.unit_id == unit_id
    assert dict(code.fields) == {"checkpoint": checkpoint, "poster_version": str(version)}


@FAST
@given(
    token=st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", min_size=1, max_size=32),
    expires=st.dates(date(2000, 1, 1), date(2200, 12, 31)),
)
def test_visitor_pass_roundtrip(token: str, expires: date) -> None:
    text = own_codes.encode_visitor_pass(SECRET, UNIT, token, expires)
    identity = parse(text, unit_secret=SECRET, unit_id=UNIT)
    assert identity.kind is CodeKind.VISITOR_PASS
    assert identity.extra["pass_token"] == token
    assert identity.extra["expires_on"] == expires.isoformat()


@FAST
@given(name=names, position=st.integers(0, 10_000), char=st.sampled_from("AZ27."))
def test_any_single_edit_is_rejected(name: str, position: int, char: str) -> None:
    text = own_codes.encode_staff(SECRET, UNIT, "S1", name)
    index = position % len(text)
    edited = text[:index] + char + text[index + 1 :]
    identity = parse(edited, unit_secret=SECRET, unit_id=UNIT)
    if edited.upper() == text:
        assert identity.kind is CodeKind.STAFF
    else:
        assert identity.kind is CodeKind.UNRECOGNISED
        # An edited prefix is no longer the unit's code at all.
        assert identity.reason in {
            "bad_signature",
            "malformed",
            "other_unit",
            "unknown_format",
            "unsupported_version",
        }


vietnamese_names = st.lists(
    st.sampled_from(["Nguyễn", "Trần", "Lê", "Phạm", "Thị", "Văn", "Ngọc", "Ánh", "Đức", "Thuỷ"]),
    min_size=2,
    max_size=5,
).map(" ".join)


@FAST
@given(
    name=vietnamese_names,
    birth=st.dates(date(1900, 1, 1), date(2199, 12, 31)),
    female=st.booleans(),
    issue=st.dates(date(2016, 1, 1), date(2030, 12, 31)),
    nfd=st.booleans(),
    trailing=st.sampled_from(["", "\x00", "|", "||", "\r\n", "\x00\x00junk"]),
)
def test_consistent_card_roundtrip(
    *, name: str, birth: date, female: bool, issue: date, nfd: bool, trailing: str
) -> None:
    assume(issue >= birth)  # a card is issued after its holder is born
    digit4 = (birth.year // 100 - 19) * 2 + int(female)
    number = f"001{digit4}{birth.year % 100:02d}123456"
    sex_word = "Nữ" if female else "Nam"
    text = f"{number}||{name}|{birth:%d%m%Y}|{sex_word}|Hà Nội|{issue:%d%m%Y}{trailing}"
    if nfd:
        text = unicodedata.normalize("NFD", text)
    identity = parse(text, today=date(2200, 1, 1))
    assert identity.kind in (CodeKind.CCCD, CodeKind.CANCUOC)
    assert identity.kind is (CodeKind.CANCUOC if issue >= date(2024, 7, 1) else CodeKind.CCCD)
    assert identity.id_number == number
    assert identity.name == unicodedata.normalize("NFC", name)
    assert identity.birth_date == birth
    assert identity.sex == ("female" if female else "male")
    assert identity.warnings == ()
