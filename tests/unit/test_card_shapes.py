"""Every payload shape met on real cards and apps, with fictitious values, read field by field."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk_app.domain.payloads import CodeKind, parse
from desk_app.i18n import t

TODAY = date(2026, 12, 2)


def _hex(text: str) -> str:
    return text.encode("utf-8").hex()


# Each row: the text, then the fields that must come back (missing keys: not checked).
SHAPES: list[tuple[str, str, dict[str, object]]] = [
    (
        "cccd 9-digit old id",
        "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Số 1 Tràng Tiền, Hà Nội|20042021",
        {
            "kind": "cccd",
            "id_number": "001090123456",
            "old_id_number": "123456789",
            "name": "Nguyễn Văn An",
            "birth_date": "1990-03-15",
            "sex": "male",
            "address": "Số 1 Tràng Tiền, Hà Nội",
            "issue_date": "2021-04-20",
            "warnings": [],
        },
    ),
    (
        "cccd 12-digit old id",
        "079190012345|079190012345|Trần Thị Bình|02021990|Nữ|131/9/2 Lê Lợi, Q.1, TP HCM|01022022",
        {
            "kind": "cccd",
            "old_id_number": "079190012345",
            "address": "131/9/2 Lê Lợi, Q.1, TP HCM",
            "sex": "female",
            "warnings": [],
        },
    ),
    (
        "cccd 10-digit old id",
        "001090123456|0123456789|Nguyễn Văn An|15031990|Nam|Thôn 2 - Xã Tân Lập|20042021",
        {"old_id_number": "0123456789", "address": "Thôn 2 - Xã Tân Lập", "warnings": []},
    ),
    (
        "cccd empty old id",
        "001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|01012021",
        {"old_id_number": None, "name": "Nguyễn Văn A", "kind": "cccd"},
    ),
    (
        "căn cước 11 fields empty trailing",
        "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|15082024||||",
        {"kind": "cancuoc", "issue_date": "2024-08-15", "address": "Hà Nội", "warnings": []},
    ),
    (
        "căn cước 11 fields filled trailing",
        "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|15082024"
        "|012345678|Nguyễn Văn Cha|Trần Thị Mẹ|Lê Thị Vợ",
        {
            "kind": "cancuoc",
            "name": "Nguyễn Văn An",
            "address": "Hà Nội",
            "issue_date": "2024-08-15",
            "warnings": [],
        },
    ),
    (
        "căn cước by issue date with seven fields",
        "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|01072024",
        {"kind": "cancuoc"},
    ),
    (
        "eleven fields issued before the cut-over are cccd",
        "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|30062024||||",
        {"kind": "cccd"},
    ),
    (
        "copied text, six fields, slashed dates",
        "001090123456|Nguyễn Văn An|15/03/1990|Nam|Hà Nội|20/04/2021",
        {
            "kind": "cccd",
            "id_number": "001090123456",
            "old_id_number": None,
            "name": "Nguyễn Văn An",
            "birth_date": "1990-03-15",
            "sex": "male",
            "address": "Hà Nội",
            "issue_date": "2021-04-20",
            "warnings": [],
        },
    ),
    (
        "copied text with BOM, CRLF and spaces",
        "\ufeff 001090123456 | Nguyễn Văn An | 15/03/1990 | Nam | Hà Nội | 20/08/2024 \r\n",
        {"kind": "cancuoc", "name": "Nguyễn Văn An", "address": "Hà Nội", "warnings": []},
    ),
    (
        "standard card with slashed dates",
        "001090123456||Nguyễn Văn An|15/03/1990|Nam|Hà Nội|20/04/2021",
        {"birth_date": "1990-03-15", "issue_date": "2021-04-20", "warnings": []},
    ),
    (
        "an old id of eight digits fits no slot: left out, with a warning",
        "001090123456|12345678|Nguyễn Văn An|15031990|Nam|Hà Nội|20042021",
        {
            "old_id_number": None,
            "address": "Hà Nội",
            "birth_date": "1990-03-15",
            "warnings": ["unplaced_field"],
        },
    ),
    (
        "a number where the address goes is not stored as the address",
        "001090123456|123456789|Nguyễn Văn An|15031990|Nam|0123456789|20042021",
        {"address": None, "old_id_number": "123456789", "warnings": ["unplaced_field"]},
    ),
    (
        "pc-covid with leading <",
        "001090123456|NGUYEN VAN AN|1990-03-15|0|9f3c2a|<1<GD4797920417046<0912345678<MEUCIQD",
        {
            "kind": "pccovid",
            "sex": "male",
            "birth_date": "1990-03-15",
            "warnings": [],
        },
    ),
    (
        "pc-covid without leading <",
        "001191123456|TRAN THI BINH|1991-02-02|0|9f3c2a|2<GD4797920417046<0912345678<MEUCIQD",
        {"kind": "pccovid", "sex": "female", "warnings": []},
    ),
    (
        "pc-covid sex code 0 falls back to the number",
        "001191123456|TRAN THI BINH|1991-02-02|0|q|<0<<<",
        {"sex": "female", "warnings": []},
    ),
    (
        "pc-covid sex code disagreeing with the number",
        "001090123456|NGUYEN VAN AN|1990-03-15|0|q|<2<<<",
        {"sex": "female", "warnings": ["id_sex_mismatch"]},
    ),
    (
        "pc-covid passport",
        "C1234567|JOHN SMITH|1985-07-04|1|q1|<1<<<sig",
        {"kind": "pccovid", "id_number": "C1234567", "sex": "male", "name": "JOHN SMITH"},
    ),
    (
        "pc-covid old id",
        "123456789|LE VAN C|1970-01-01|0|q|<1<<<",
        {"kind": "pccovid", "id_number": "123456789", "sex": "male"},
    ),
    (
        "bhyt new card, 17 fields",
        "|".join(
            [
                "0123456789",
                _hex("Nguyễn Thị Hoà"),
                "02/09/1985",
                "2",
                "-",
                "01 - C54",
                "01/01/2024",
                "31/12/2024",
                "15/12/2023",
                "01234567890123",
                "-",
                "4",
                " 01/01/2019",
                "0123456789abcdef-1234",
                "4",
                _hex("BHXH tỉnh Bắc Kạn"),
                "$",
            ]
        ),
        {
            "kind": "bhyt",
            "id_number": "0123456789",
            "name": "Nguyễn Thị Hoà",
            "birth_date": "1985-09-02",
            "sex": "female",
            "address": None,
            "clinic": "01 - C54",
            "issue_date": "2023-12-15",
            "valid_to": "2024-12-31",
            "warnings": [],
        },
    ),
    (
        "bhyt old card, 15 fields, hex address",
        "|".join(
            [
                "GD4797920417046",
                _hex("Lý Văn Tư"),
                "10/10/1960",
                "1",
                _hex("Xã Tân Lập, Huyện Chợ Đồn"),
                "06 - 06017",
                "01/01/2021",
                "-",
                "01/12/2020",
                "01234567890123",
                "-",
                "4",
                "01/01/2016",
                "0123456789abcdef-1234",
                "$",
            ]
        ),
        {
            "kind": "bhyt",
            "id_number": "GD4797920417046",
            "address": "Xã Tân Lập, Huyện Chợ Đồn",
            "clinic": "06 - 06017",
            "valid_to": None,
            "issue_date": "2020-12-01",
        },
    ),
    (
        "bhyt with the birth year alone",
        f"0123456789|{_hex('Hà Văn C')}|1950|1|-|01 - C54|01/01/2024|-|01/01/2024|-|-|4|-|-|$",
        {"kind": "bhyt", "birth_date": None, "name": "Hà Văn C"},
    ),
    (
        "bhyt whose name is a dash is still a card",
        "0123456789|-|-|-|-|-|-|-|-|-|$",
        {"kind": "bhyt", "id_number": "0123456789", "name": None},
    ),
]


@pytest.mark.parametrize(("label", "text", "expected"), SHAPES, ids=[s[0] for s in SHAPES])
def test_shape(label: str, text: str, expected: dict[str, object]) -> None:
    identity = parse(text, today=TODAY)
    data = identity.to_json_dict()
    assert identity.reason is None, (label, identity.reason)
    for key, value in expected.items():
        assert data[key] == value, (label, key, data[key])


def test_relatives_are_never_kept() -> None:
    text = (
        "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|15082024"
        "|079190099999|Nguyễn Văn Cha|Trần Thị Mẹ|Lê Thị Vợ"
    )
    identity = parse(text, today=TODAY)
    kept = repr(identity) + repr(identity.to_json_dict())
    for relative in ("079190099999", "Nguyễn Văn Cha", "Trần Thị Mẹ", "Lê Thị Vợ"):
        assert relative not in kept
    # Refused for another reason, the text kept for the log still has no relative in it.
    refused = parse(text.replace("15031990", "31021990"), today=TODAY)
    assert refused.reason == "bad_date"
    assert "Cha" not in refused.raw and "079190099999" not in refused.raw


def test_a_childs_insurance_card_keeps_no_parent() -> None:
    fields = ["0123456789", _hex("Lê Bé"), "01/01/2020", "1", "-", "01 - C54"]
    fields += ["01/01/2024", "-", "01/01/2024", "-", _hex("Lê Văn Bố"), "4", "-", "-", "$"]
    identity = parse("|".join(fields), today=TODAY)
    assert identity.kind is CodeKind.BHYT
    assert _hex("Lê Văn Bố") not in identity.raw
    assert "Bố" not in repr(identity)


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("000090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|01012021", "id_unknown_province"),
        ("001290123456||Nguyễn Văn A|01012090|Nam|Hà Nội|01012021", "birth_date_in_future"),
        ("001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|01012030", "issue_date_in_future"),
    ],
)
def test_implausible_values_are_warnings(text: str, warning: str) -> None:
    identity = parse(text, today=TODAY)
    assert identity.recognised
    assert warning in identity.warnings


def test_fully_masked_code_is_refused() -> None:
    identity = parse("************|NGUYEN VAN AN|****-**-**|0|q|<1<<<", today=TODAY)
    assert identity.reason == "fully_masked"


def test_own_code_with_non_ascii_is_malformed() -> None:
    assert parse("DKQ1.Sử.ABC.DEF").reason == "malformed"


def test_control_characters_never_reach_a_field() -> None:
    identity = parse("B1234567|JOHN\x1b SMITH|1985-07-04|1|q\x07|<1<<0912\x00", today=TODAY)
    for value in [*identity.to_json_dict().values(), *identity.extra.values()]:
        assert not any(unicodedata.category(ch) == "Cc" for ch in str(value)), value


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_new_codes_have_texts(lang: str) -> None:
    for key in ("warning.unplaced_field", "reason.internal_error", "reason.fully_masked"):
        assert t(key, lang=lang) != key


# --------------------------------------------------------------------------- round trip

vietnamese_names = st.lists(
    st.sampled_from(["Nguyễn", "Trần", "Lê", "Đặng", "Thị", "Văn", "Ngọc", "Ánh", "Đức", "Thuỷ"]),
    min_size=2,
    max_size=5,
).map(" ".join)
addresses = st.lists(
    st.sampled_from(["Số 12", "131/9/2", "Lê Lợi", "Phường 1", "Quận 3", "TP. HCM", "Thôn 2"]),
    min_size=1,
    max_size=4,
).map(lambda parts: " - ".join(parts) if len(parts) % 2 else ", ".join(parts))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=vietnamese_names,
    address=addresses,
    birth=st.dates(date(1920, 1, 1), date(2020, 12, 31)),
    female=st.booleans(),
    issue=st.dates(date(2016, 1, 1), date(2026, 11, 30)),
    old_id=st.one_of(st.just(""), st.from_regex(r"[0-9]{9}|[0-9]{12}", fullmatch=True)),
    layout=st.sampled_from(["copied", "seven", "eleven"]),
    trailing=st.lists(
        st.sampled_from(["", "012345678", "Nguyễn Văn Cha", "Trần Thị Mẹ"]),
        min_size=4,
        max_size=4,
    ),
    slashes=st.booleans(),
    wrapping=st.sampled_from([("", ""), ("\ufeff", ""), ("", "\r\n"), (" ", " \r\n")]),
    spaced=st.booleans(),
)
def test_every_card_variant_round_trips(
    *,
    name: str,
    address: str,
    birth: date,
    female: bool,
    issue: date,
    old_id: str,
    layout: str,
    trailing: list[str],
    slashes: bool,
    wrapping: tuple[str, str],
    spaced: bool,
) -> None:
    digit4 = (birth.year // 100 - 19) * 2 + int(female)
    number = f"079{digit4}{birth.year % 100:02d}004321"
    date_form = "%d/%m/%Y" if slashes or layout == "copied" else "%d%m%Y"
    sex = "Nữ" if female else "Nam"
    if layout == "copied":
        fields = [number, name, birth.strftime(date_form), sex, address, issue.strftime(date_form)]
    else:
        fields = [number, old_id, name, birth.strftime(date_form), sex, address]
        fields.append(issue.strftime(date_form))
        if layout == "eleven":
            fields += trailing
    joiner = " | " if spaced else "|"
    text = wrapping[0] + joiner.join(fields) + wrapping[1]
    identity = parse(text, today=TODAY)
    assert identity.reason is None, text
    assert identity.kind is (CodeKind.CANCUOC if issue >= date(2024, 7, 1) else CodeKind.CCCD)
    assert identity.id_number == number
    assert identity.old_id_number == ((old_id or None) if layout != "copied" else None)
    assert identity.name == name
    assert identity.birth_date == birth
    assert identity.sex == ("female" if female else "male")
    assert identity.address == address
    assert identity.issue_date == issue
    assert identity.warnings == ()
    for relative in trailing:
        if relative:
            assert relative not in identity.raw


@pytest.mark.parametrize(
    "name", ["Nguy?n V?n An", "Nguyá»…n VÄƒn An", "NGUYEN VAN AN", "Nguyễn Văn An"]
)
def test_a_mangled_name_is_read_as_the_name(name: str) -> None:
    """A keyboard scanner mangles diacritics: the name keeps its slot, for storage to match
    the person by ID number and keep the better spelling."""
    text = f"001090123456|123456789|{name}|15031990|Nam|Hà Nội|20042021"
    identity = parse(text, today=TODAY)
    assert identity.name == name
    assert identity.warnings == ()
    assert identity.address == "Hà Nội"
