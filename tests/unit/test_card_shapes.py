"""Every payload shape met on real cards and apps, with fictitious values, read field by field."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
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
        "pc-covid sex code 0 is 'not given', whatever the number says",
        "001191123456|TRAN THI BINH|1991-02-02|0|q|<0<<<",
        {"sex": None, "warnings": []},
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


HOLDER = "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|20042021"
AN = {
    "id_number": "001090123456",
    "old_id_number": "123456789",
    "name": "Nguyễn Văn An",
    "birth_date": "1990-03-15",
    "sex": "male",
    "address": "Hà Nội",
    "issue_date": "2021-04-20",
}
AN_COPIED = {**AN, "old_id_number": None}
CLEAN = {"warnings": [], "reason": None}


def _bhyt(*fields: str) -> str:
    return "|".join(fields)


NEW_BHYT = [
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
HOA = {
    "kind": "bhyt",
    "id_number": "0123456789",
    "name": "Nguyễn Thị Hoà",
    "birth_date": "1985-09-02",
    "sex": "female",
    "clinic": "01 - C54",
    "issue_date": "2023-12-15",
    "valid_to": "2024-12-31",
    "extra.valid_from": "2024-01-01",
}


def _new_bhyt(**changes: str) -> str:
    fields = list(NEW_BHYT)
    for index, value in changes.items():
        fields[int(index.removeprefix("f"))] = value
    return "|".join(fields)


# Every statement of shared/DOMAIN.md about the codes, one row each (fictitious values).
DOMAIN_SHAPES: list[tuple[str, str, dict[str, object]]] = [
    # ----- chip ID card: old ID 9-12 digits or empty, "-" for missing, quirks of readers
    (
        "old id of 11 digits",
        HOLDER.replace("123456789", "12345678901"),
        {**AN, "old_id_number": "12345678901", **CLEAN},
    ),
    (
        "old id of 12 digits",
        HOLDER.replace("123456789", "079190012345"),
        {**AN, "old_id_number": "079190012345", **CLEAN},
    ),
    ("old id '-'", HOLDER.replace("123456789", "-"), {**AN, "old_id_number": None, **CLEAN}),
    ("name '-' is missing", HOLDER.replace("Nguyễn Văn An", "-"), {**AN, "name": None, **CLEAN}),
    ("birth '-' is missing", HOLDER.replace("15031990", "-"), {**AN, "birth_date": None, **CLEAN}),
    ("sex '-' is missing", HOLDER.replace("Nam", "-"), {**AN, "sex": None, **CLEAN}),
    ("address '-' is missing", HOLDER.replace("Hà Nội", "-"), {**AN, "address": None, **CLEAN}),
    (
        "issue '-' is missing",
        HOLDER.replace("20042021", "-"),
        {**AN, "issue_date": None, "kind": "cccd", **CLEAN},
    ),
    (
        "name and birth both missing, the card still read",
        HOLDER.replace("Nguyễn Văn An|15031990", "-|-"),
        {**AN, "name": None, "birth_date": None, **CLEAN},
    ),
    (
        "address with slashes, commas and ' - '",
        HOLDER.replace("Hà Nội", "131/9/2 Lê Lợi - Phường 1, Q.3, TP. HCM"),
        {**AN, "address": "131/9/2 Lê Lợi - Phường 1, Q.3, TP. HCM", **CLEAN},
    ),
    (
        "house number alone as the address",
        HOLDER.replace("Hà Nội", "131/9/2"),
        {**AN, "address": "131/9/2", **CLEAN},
    ),
    ("decomposed (NFD) text", unicodedata.normalize("NFD", HOLDER), {**AN, **CLEAN}),
    ("trailing NUL and garbage", HOLDER + "\x00\x00|junk", {**AN, **CLEAN}),
    ("byte-order mark", "\ufeff" + HOLDER, {**AN, **CLEAN}),
    ("CR/LF after", HOLDER + "\r\n", {**AN, **CLEAN}),
    ("CR alone after", HOLDER + "\r", {**AN, **CLEAN}),
    ("LF alone after", HOLDER + "\n", {**AN, **CLEAN}),
    ("spaces around fields", " " + HOLDER.replace("|", "  |  ") + "  ", {**AN, **CLEAN}),
    (
        "no-break spaces around fields and inside the name",
        HOLDER.replace("|", "\u00a0|\u00a0").replace("Văn An", "Văn\u00a0 An"),
        {**AN, **CLEAN},
    ),
    (
        "extra spaces inside the name and address",
        HOLDER.replace("Nguyễn Văn An", "Nguyễn  Văn   An").replace("Hà Nội", "Hà   Nội"),
        {**AN, **CLEAN},
    ),
    ("a separator after the last field", HOLDER + "|", {**AN, "kind": "cccd", **CLEAN}),
    ("a separator before the first field", "|" + HOLDER, {**AN, "kind": "cccd", **CLEAN}),
    (
        "full-width digits and separators",
        HOLDER.translate({ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789|"}),
        {**AN, **CLEAN},
    ),
    ("sex in capitals", HOLDER.replace("Nam", "NAM"), {**AN, **CLEAN}),
    ("sex in lower case", HOLDER.replace("Nam", "nam"), {**AN, **CLEAN}),
    (
        "female without diacritics",
        "001190123456||Lê Thị B|02021990|Nu|Huế|03032022",
        {"sex": "female", **CLEAN},
    ),
    (
        "female in capitals",
        "001190123456||Lê Thị B|02021990|NỮ|Huế|03032022",
        {"sex": "female", **CLEAN},
    ),
    (
        "female typed by a keyboard scanner ('?')",
        "001190123456||Lê Th? B|02021990|N?|Huế|03032022",
        {"sex": "female", "name": "Lê Th? B", **CLEAN},
    ),
    (
        "female as mojibake",
        "001190123456||Lê Thị B|02021990|Ná»¯|Huế|03032022",
        {"sex": "female", **CLEAN},
    ),
    (
        "slashed dates on the seven-field card",
        HOLDER.replace("15031990", "15/03/1990").replace("20042021", "20/04/2021"),
        {**AN, **CLEAN},
    ),
    (
        "birth year alone",
        HOLDER.replace("15031990", "1990"),
        {**AN, "birth_date": None, "extra.birth_year": "1990", **CLEAN},
    ),
    (
        "a date among the identity card's trailing fields is no relative's: said, not kept",
        HOLDER.replace("|20042021", "|01012000|20042021") + "|||",
        {**AN, "issue_date": "2000-01-01", "warnings": ["unplaced_field"]},
    ),
    (
        "a date after a seven-field card is said, not kept",
        HOLDER + "|15082024",
        {**AN, "warnings": ["unplaced_field"]},
    ),
    (
        "a 2000s birth (digit 4 = 2)",
        "001205123456||Lê Văn C|01062005|Nam|Huế|01012022",
        {"birth_date": "2005-06-01", **CLEAN},
    ),
    # ----- the identity card: 11 fields, trailing ones empty or filled, kind by issue date
    (
        "identity card, one trailing field filled",
        HOLDER.replace("20042021", "15082024") + "|012345678|||",
        {**AN, "issue_date": "2024-08-15", "kind": "cancuoc", **CLEAN},
    ),
    (
        "identity card, two trailing fields filled",
        HOLDER.replace("20042021", "15082024") + "|012345678|Nguyễn Văn Cha||",
        {**AN, "issue_date": "2024-08-15", "kind": "cancuoc", **CLEAN},
    ),
    (
        "identity card, three trailing fields filled",
        HOLDER.replace("20042021", "15082024") + "||Nguyễn Văn Cha|Trần Thị Mẹ|Lê Thị Vợ",
        {**AN, "issue_date": "2024-08-15", "kind": "cancuoc", **CLEAN},
    ),
    (
        "identity card, trailing fields '-'",
        HOLDER.replace("20042021", "15082024") + "|-|-|-|-",
        {**AN, "issue_date": "2024-08-15", "kind": "cancuoc", **CLEAN},
    ),
    (
        "identity card with an empty old id",
        HOLDER.replace("123456789", "").replace("20042021", "01072024") + "||||",
        {**AN, "old_id_number": None, "issue_date": "2024-07-01", "kind": "cancuoc", **CLEAN},
    ),
    (
        "eleven fields, filled, issued before the cut-over are cccd",
        HOLDER + "|012345678|Nguyễn Văn Cha|Trần Thị Mẹ|Lê Thị Vợ",
        {**AN, "kind": "cccd", **CLEAN},
    ),
    (
        "eleven fields without an issue date are the identity card",
        HOLDER.replace("20042021", "") + "||||",
        {**AN, "issue_date": None, "kind": "cancuoc", **CLEAN},
    ),
    (
        "identity card with CR/LF and a trailing separator",
        HOLDER.replace("20042021", "15082024") + "|||||\r\n",
        {**AN, "issue_date": "2024-08-15", "kind": "cancuoc", **CLEAN},
    ),
    # ----- copied text: 6 fields, DD/MM/YYYY, BOM, CR/LF, spaces
    (
        "copied text with a trailing separator",
        "001090123456|Nguyễn Văn An|15/03/1990|Nam|Hà Nội|20/04/2021|",
        {**AN_COPIED, **CLEAN},
    ),
    (
        "copied text with CR/LF only",
        "001090123456|Nguyễn Văn An|15/03/1990|Nam|Hà Nội|20/04/2021\r\n",
        {**AN_COPIED, **CLEAN},
    ),
    (
        "copied text with BOM only",
        "\ufeff001090123456|Nguyễn Văn An|15/03/1990|Nam|Hà Nội|20/04/2021",
        {**AN_COPIED, **CLEAN},
    ),
    (
        "copied text, day and month without zeros",
        "001090123456|Nguyễn Văn An|5/3/1990|Nam|Hà Nội|20/4/2021",
        {**AN_COPIED, "birth_date": "1990-03-05", **CLEAN},
    ),
    (
        "copied text of an identity card is căn cước by its date",
        "001090123456|Nguyễn Văn An|15/03/1990|Nam|Hà Nội|01/07/2024",
        {**AN_COPIED, "issue_date": "2024-07-01", "kind": "cancuoc", **CLEAN},
    ),
    (
        "copied text with 8-digit dates",
        "001090123456|Nguyễn Văn An|15031990|Nam|Hà Nội|20042021",
        {**AN_COPIED, **CLEAN},
    ),
    # ----- never a silent shift: what fits no slot is left out with a warning, or refused
    (
        "an old id of 13 digits is left out, not moved",
        HOLDER.replace("123456789", "1234567890123"),
        {**AN, "old_id_number": None, "warnings": ["unplaced_field"]},
    ),
    (
        "a two-digit year is left out, not taken as the address",
        HOLDER.replace("15031990", "15/03/90"),
        {**AN, "birth_date": None, "warnings": ["unplaced_field"]},
    ),
    (
        "a year-first date on the card is left out",
        HOLDER.replace("15031990", "1990-03-15"),
        {**AN, "birth_date": None, "address": "Hà Nội", "warnings": ["unplaced_field"]},
    ),
    (
        "a date where the address goes is not the address",
        HOLDER.replace("Hà Nội", "01/01/2000"),
        {**AN, "address": None, "warnings": ["unplaced_field"]},
    ),
    (
        "a sex word where the address goes is not the address",
        HOLDER.replace("Hà Nội", "Nữ"),
        {**AN, "address": None, "warnings": ["unplaced_field"]},
    ),
    (
        "an old id with spaces is left out",
        HOLDER.replace("123456789", "123 456 789"),
        {**AN, "old_id_number": None, "warnings": ["unplaced_field"]},
    ),
    (
        "copied text followed by a relative's fields: read, the rest left out",
        "001090123456|Nguyễn Văn An|15/03/1990|Nam|Hà Nội|20/04/2021|079190099999|Nguyễn Văn Cha"
        "|Trần Thị Mẹ|Lê Thị Vợ",
        {**AN_COPIED, "warnings": ["unplaced_field"]},
    ),
    (
        "a missing sex field: the rest read by shape, with a warning",
        "001090123456|123456789|Nguyễn Văn An|15031990|Hà Nội|20042021",
        {**AN, "sex": None, "warnings": ["read_by_shape"]},
    ),
    (
        "dates in the wrong order: the earlier is the birth, with a warning",
        "001090123456|Nguyễn Văn An|123456789|20042021|Nam|Hà Nội|15031990",
        {**AN, "warnings": ["read_by_shape"]},
    ),
    (
        "identity card missing its address: the relative after it is never the address",
        HOLDER.replace("|Hà Nội", "").replace("20042021", "15082024") + "|Phạm Văn Cha|||",
        {**AN, "address": None, "issue_date": "2024-08-15", "kind": "cancuoc"},
    ),
    (
        "a lone date the number says is no birth is the issue date",
        "001090123456|123456789|Nguyễn Văn An|Nam|Hà Nội|15082024",
        {
            **AN,
            "birth_date": None,
            "issue_date": "2024-08-15",
            "kind": "cancuoc",
            "warnings": ["read_by_shape"],
        },
    ),
    (
        "a relative's number after a card without its issue date is never the old id",
        "001090123456|Nguyễn Văn An|15/03/1990|Nam|079190099999|Phạm Văn Cha||",
        {**AN_COPIED, "address": None, "issue_date": None, "kind": "cccd"},
    ),
    (
        "copied text missing its sex: a relative's number is never the old id",
        "001090123456|Nguyễn Văn An|15/03/1990|Hà Nội|15/08/2024|079190099999|||",
        {**AN_COPIED, "sex": None, "issue_date": "2024-08-15", "kind": "cancuoc"},
    ),
    # ----- PC-Covid
    (
        "pc-covid, every EXT sub-field",
        "001090123456|NGUYEN VAN AN|1990-03-15|0|9f3c2a|<1<GD4797920417046<0912345678<MEUCIQD",
        {
            "kind": "pccovid",
            "id_number": "001090123456",
            "name": "NGUYEN VAN AN",
            "birth_date": "1990-03-15",
            "sex": "male",
            "extra.sex_code": "1",
            "extra.insurance_number": "GD4797920417046",
            "extra.phone": "0912345678",
            "extra.qid": "9f3c2a",
            "extra.declared_for_other": "0",
            **CLEAN,
        },
    ),
    (
        "pc-covid declared on someone's behalf, with the helper's QID",
        "001191123456|TRAN THI BINH|1991-02-02|1|q9|h77<2<<0912345678<sig",
        {
            "sex": "female",
            "extra.helper_qid": "h77",
            "extra.declared_for_other": "1",
            "extra.phone": "0912345678",
            **CLEAN,
        },
    ),
    (
        "pc-covid EXT without '<' and without a helper",
        "001191123456|TRAN THI BINH|1991-02-02|0|q9|2<GD4797920417046<0912345678<sig",
        {
            "sex": "female",
            "extra.sex_code": "2",
            "extra.insurance_number": "GD4797920417046",
            "extra.phone": "0912345678",
            **CLEAN,
        },
    ),
    (
        "pc-covid EXT with an extra '<': the sex found by shape",
        "C1234567|JOHN SMITH|1985-07-04|1|q1|<<2<<0912345678<sig",
        {"sex": "female", "extra.sex_code": "2", "extra.phone": "0912345678", **CLEAN},
    ),
    (
        "pc-covid sex of another digit, EXT without '<': never the helper, with a warning",
        "001090123456|NGUYEN VAN AN|1990-03-15|0|q|3<GD4797920417046<0912345678<sig",
        {
            "sex": None,
            "extra.sex_code": None,
            "extra.helper_qid": None,
            "extra.insurance_number": "GD4797920417046",
            "extra.phone": "0912345678",
            "warnings": ["unplaced_field"],
        },
    ),
    (
        "pc-covid sex of another digit is left out with a warning",
        "001090123456|NGUYEN VAN AN|1990-03-15|0|q|<9<GD4797920417046<0912345678<sig",
        {
            "sex": None,
            "extra.sex_code": None,
            "extra.insurance_number": "GD4797920417046",
            "extra.phone": "0912345678",
            "warnings": ["unplaced_field"],
        },
    ),
    (
        "pc-covid sex of a letter is left out with a warning",
        "C1234567|JOHN SMITH|1985-07-04|1|q1|<M<<0912345678<sig",
        {"sex": None, "extra.sex_code": None, "warnings": ["unplaced_field"]},
    ),
    (
        "pc-covid T of another value is left out with a warning",
        "001090123456|NGUYEN VAN AN|1990-03-15|2|q|<1<<<",
        {"sex": "male", "extra.declared_for_other": None, "warnings": ["unplaced_field"]},
    ),
    (
        "pc-covid with fields after EXT: read, the rest left out with a warning",
        "001090123456|NGUYEN VAN AN|1990-03-15|0|q|<1<<<|Hà Nội|0912345678",
        {"sex": "male", "address": None, "extra.phone": None, "warnings": ["unplaced_field"]},
    ),
    (
        "pc-covid phone number in the name's place is left out with a warning",
        "001090123456|0912345678|1990-03-15|0|q|<1<<<",
        {"kind": "pccovid", "name": None, "extra.phone": None, "warnings": ["unplaced_field"]},
    ),
    (
        "pc-covid address in the name's place is left out with a warning",
        "001090123456|12 Lê Lợi, Hà Nội|1990-03-15|0|q|<1<<<",
        {"kind": "pccovid", "name": None, "address": None, "warnings": ["unplaced_field"]},
    ),
    (
        "pc-covid date in the name's place is left out with a warning",
        "001090123456|15031990|1990-03-15|0|q|<1<<<",
        {"kind": "pccovid", "name": None, "warnings": ["unplaced_field"]},
    ),
    (
        "pc-covid QID of another shape is left out with a warning",
        "001090123456|NGUYEN VAN AN|1990-03-15|0|q 7|<1<<<",
        {"kind": "pccovid", "extra.qid": None, "warnings": ["unplaced_field"]},
    ),
    (
        "pc-covid insurance number of another shape is left out with a warning",
        "001090123456|NGUYEN VAN AN|1990-03-15|0|q|<1<Hà Nội<0912345678<sig",
        {
            "extra.insurance_number": None,
            "extra.phone": "0912345678",
            "warnings": ["unplaced_field"],
        },
    ),
    (
        "pc-covid phone of another shape is left out with a warning",
        "001090123456|NGUYEN VAN AN|1990-03-15|0|q|<1<GD4797920417046<12ab<sig",
        {
            "extra.insurance_number": "GD4797920417046",
            "extra.phone": None,
            "warnings": ["unplaced_field"],
        },
    ),
    (
        "pc-covid EXT helper '-' is missing",
        "001090123456|NGUYEN VAN AN|1990-03-15|0|q|-<1<<<",
        {"sex": "male", "extra.sex_code": "1", **CLEAN},
    ),
    (
        "pc-covid sex 0 on a passport says nothing",
        "C1234567|JOHN SMITH|1985-07-04|1|q1|<0<<<",
        {"sex": None, "extra.sex_code": "0", **CLEAN},
    ),
    (
        "pc-covid sex 0 on a citizen ID number says nothing either",
        "001090123456|NGUYEN VAN AN|1990-03-15|0|q|<0<<<",
        {"sex": None, "extra.sex_code": "0", **CLEAN},
    ),
    (
        "pc-covid without EXT on a citizen ID number gives no sex",
        "001191123456|TRAN THI BINH|1991-02-02|0|q9",
        {"kind": "pccovid", "sex": None, **CLEAN},
    ),
    (
        "pc-covid foreign passport of nine characters",
        "N12345678|MARIE DUPONT|1979-12-01|0|q|<2<<<",
        {"kind": "pccovid", "id_number": "N12345678", "sex": "female", **CLEAN},
    ),
    (
        "pc-covid 12-digit old id",
        "079090012345|LE VAN D|1990-05-05|0|q|<1<<<",
        {"kind": "pccovid", "id_number": "079090012345", **CLEAN},
    ),
    (
        "pc-covid without EXT",
        "C7654321|TRAN B|2001-01-01|0|q1",
        {"kind": "pccovid", "birth_date": "2001-01-01", **CLEAN},
    ),
    (
        "pc-covid with BOM, CR/LF and spaces",
        "\ufeff 001090123456 | NGUYEN VAN AN | 1990-03-15 | 0 | 9f3c2a | <1<<0912345678<sig \r\n",
        {
            "kind": "pccovid",
            "name": "NGUYEN VAN AN",
            "sex": "male",
            "extra.phone": "0912345678",
            **CLEAN,
        },
    ),
    (
        "pc-covid with a separator before it: never an ID card whose address is the QID",
        "|001090123456|NGUYEN VAN AN|1990-03-15|0|9f3c2a|<1<<0912345678<sig",
        {
            "kind": "pccovid",
            "sex": "male",
            "birth_date": "1990-03-15",
            "address": None,
            "extra.phone": "0912345678",
            **CLEAN,
        },
    ),
    (
        "pc-covid passport with a separator and a space before it",
        " | C1234567|JOHN SMITH|1985-07-04|1|q1|<2<<<sig",
        {"kind": "pccovid", "id_number": "C1234567", "sex": "female", **CLEAN},
    ),
    (
        "pc-covid with '-' before it, as an ID card may have",
        "-|001090123456|NGUYEN VAN AN|1990-03-15|0|9f3c2a|<1<<<",
        {"kind": "pccovid", "sex": "male", "address": None, **CLEAN},
    ),
    (
        "pc-covid with a separator after EXT",
        "001090123456|NGUYEN VAN AN|1990-03-15|0|q|<1<<<|",
        {"kind": "pccovid", "sex": "male", **CLEAN},
    ),
    (
        "pc-covid date without leading zeros",
        "001090123456|NGUYEN VAN AN|1990-3-5|0|q|<1<<<",
        {"kind": "pccovid", "birth_date": "1990-03-05", "address": None, **CLEAN},
    ),
    (
        "pc-covid copied with a day-first date",
        "001090123456|NGUYEN VAN AN|15/03/1990|0|q9|<1<<<",
        {"kind": "pccovid", "birth_date": "1990-03-15", "address": None, **CLEAN},
    ),
    (
        "pc-covid with '-' for the birth date and EXT: the QID is no address",
        "001090123456|NGUYEN VAN AN|-|0|q7|-",
        {"kind": "pccovid", "birth_date": None, "address": None, "extra.qid": "q7", **CLEAN},
    ),
    (
        "pc-covid passport, day-first date, no EXT",
        "B1234567|JOHN SMITH|04/07/1985|1|q1",
        {"kind": "pccovid", "id_number": "B1234567", "birth_date": "1985-07-04", **CLEAN},
    ),
    (
        "pc-covid name '-'",
        "B1234567|-|1985-07-04|1|q1|<2<<<",
        {"kind": "pccovid", "name": None, "sex": "female", **CLEAN},
    ),
    (
        "pc-covid birth year alone",
        "B1234567|JOHN SMITH|1985|1|q1|<2<<<",
        {"kind": "pccovid", "birth_date": None, "extra.birth_year": "1985", **CLEAN},
    ),
    (
        "pc-covid masked number and day/month",
        "******123456|NGUYEN VAN AN|1990-**-**|0|q|<1<<<",
        {
            "kind": "pccovid",
            "id_number": "******123456",
            "birth_date": None,
            "extra.birth_year": "1990",
            "warnings": ["masked_code"],
        },
    ),
    (
        "pc-covid masked number only",
        "****90123456|NGUYEN VAN AN|1990-03-15|0|q|<1<<<",
        {"kind": "pccovid", "birth_date": "1990-03-15", "warnings": ["masked_code"]},
    ),
    # ----- health insurance card
    (
        "bhyt new card",
        "|".join(NEW_BHYT),
        {**HOA, "address": None, "extra.issuing_place": "BHXH tỉnh Bắc Kạn", **CLEAN},
    ),
    (
        "bhyt issue date from field 8, not field 6",
        _new_bhyt(f6="01/06/2024", f8="20/05/2024"),
        {**HOA, "issue_date": "2024-05-20", "extra.valid_from": "2024-06-01", **CLEAN},
    ),
    (
        "bhyt clinic of digits only stays as written",
        _new_bhyt(f5="0101"),
        {**HOA, "clinic": "0101", **CLEAN},
    ),
    (
        "bhyt issuing place as plain text",
        _new_bhyt(f15="BHXH tỉnh Bắc Kạn"),
        {**HOA, "extra.issuing_place": "BHXH tỉnh Bắc Kạn", **CLEAN},
    ),
    ("bhyt issuing place '-'", _new_bhyt(f15="-"), {**HOA, "extra.issuing_place": None, **CLEAN}),
    ("bhyt valid to '-'", _new_bhyt(f7="-"), {**HOA, "valid_to": None, **CLEAN}),
    (
        "bhyt birth year alone",
        _new_bhyt(f2="1985"),
        {**HOA, "birth_date": None, "extra.birth_year": "1985", **CLEAN},
    ),
    ("bhyt hex in capitals", _new_bhyt(f1=_hex("Nguyễn Thị Hoà").upper()), {**HOA, **CLEAN}),
    ("bhyt name already decoded by an app", _new_bhyt(f1="Nguyễn Thị Hoà"), {**HOA, **CLEAN}),
    (
        "bhyt code in lower case",
        _new_bhyt(f0="gd4797920417046"),
        {**HOA, "id_number": "GD4797920417046", **CLEAN},
    ),
    ("bhyt sex as a word", _new_bhyt(f3="Nữ"), {**HOA, **CLEAN}),
    (
        "bhyt sex of another value is left out with a warning",
        _new_bhyt(f3="7"),
        {**HOA, "sex": None, "warnings": ["unplaced_field"]},
    ),
    (
        "bhyt issue date of another shape is left out with a warning",
        _new_bhyt(f8="2023"),
        {**HOA, "issue_date": None, "warnings": ["unplaced_field"]},
    ),
    (
        "bhyt with CR/LF and a separator after '$'",
        "|".join(NEW_BHYT) + "|\r\n",
        {**HOA, "extra.issuing_place": "BHXH tỉnh Bắc Kạn", **CLEAN},
    ),
    ("bhyt with a separator before it", "|" + "|".join(NEW_BHYT), {**HOA, **CLEAN}),
    ("bhyt with spaces around fields", " | ".join(NEW_BHYT), {**HOA, **CLEAN}),
    ("bhyt 10 fields", _bhyt(*NEW_BHYT[:9], "$"), {**HOA, **CLEAN}),
    (
        "bhyt 16 fields: '$' is never the issuing place",
        _bhyt(*NEW_BHYT[:15], "$"),
        {**HOA, "extra.issuing_place": None, **CLEAN},
    ),
    (
        "bhyt old card, 15 fields, hex address",
        _bhyt(
            "GD4797920417046",
            _hex("Lý Văn Tư"),
            "10/10/1960",
            "1",
            _hex("Xã Tân Lập"),
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
        ),
        {
            "kind": "bhyt",
            "address": "Xã Tân Lập",
            "clinic": "06 - 06017",
            "valid_to": None,
            "issue_date": "2020-12-01",
            "extra.issuing_place": None,
            **CLEAN,
        },
    ),
    (
        "bhyt hex address of a house number alone",
        _new_bhyt(f4=_hex("131/9/2")),
        {**HOA, "address": "131/9/2", **CLEAN},
    ),
    (
        "bhyt '-' in every field but the code",
        _bhyt("GD4797920417046", *["-"] * 15, "$"),
        {
            "kind": "bhyt",
            "id_number": "GD4797920417046",
            "name": None,
            "birth_date": None,
            "sex": None,
            "address": None,
            "clinic": None,
            "issue_date": None,
            "valid_to": None,
            **CLEAN,
        },
    ),
]


def _check_shape(label: str, text: str | bytes, expected: dict[str, object]) -> None:
    identity = parse(text, today=TODAY)
    data = identity.to_json_dict()
    assert identity.reason is None, (label, identity.reason)
    for key, value in expected.items():
        if key.startswith("extra."):
            found = identity.extra.get(key.removeprefix("extra."))
        else:
            found = data[key]
        assert found == value, (label, key, found)


@pytest.mark.parametrize(("label", "text", "expected"), SHAPES, ids=[s[0] for s in SHAPES])
def test_shape(label: str, text: str, expected: dict[str, object]) -> None:
    _check_shape(label, text, expected)


@pytest.mark.parametrize(
    ("label", "text", "expected"), DOMAIN_SHAPES, ids=[s[0] for s in DOMAIN_SHAPES]
)
def test_domain_shape(label: str, text: str, expected: dict[str, object]) -> None:
    _check_shape(label, text, expected)


@pytest.mark.parametrize(
    ("label", "blob"),
    [
        ("utf-8 with its byte-order mark", b"\xef\xbb\xbf" + HOLDER.encode("utf-8")),
        ("utf-16 with its byte-order mark", HOLDER.encode("utf-16")),
        ("utf-16 big-endian", b"\xfe\xff" + HOLDER.encode("utf-16-be")),
        ("padded with NULs", HOLDER.encode("utf-8") + b"\x00" * 64),
    ],
)
def test_bytes_as_readers_hand_them_over(label: str, blob: bytes) -> None:
    _check_shape(label, blob, {**AN, **CLEAN})


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


@pytest.mark.parametrize(
    "text",
    [
        "|001090123456|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|15082024",
        "-|001090123456|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|15082024",
        "001090123456|Nguyễn Văn An|15/03/1990|Nam|Hà Nội|15/08/2024",
        "001090123456|-|15/03/1990|Nam|Hà Nội|15/08/2024",
        "001090123456||15/03/1990|Nam|Hà Nội|15/08/2024",
        "001090123456|123456789|Nguyễn Văn An|15031990|Nam|15082024",
        "001090123456|123456789|Nguyễn Văn An|15031990|Hà Nội|15082024",
        "Nguyễn Văn An|001090123456|123456789|15031990|Nam|Hà Nội|15082024",
        "123456789|001090123456|Nguyễn Văn An|15031990|Nam|Hà Nội|15082024",
        "001090123456|123456789|Nguyễn Văn An|15031990|Hà Nội",
        "001090123456|-|Nam|Hà Nội|15/08/2024",
        "079216004321|-|Nam|Số 12|01/01/2016",
    ],
    ids=[
        "separator before the card",
        "'-' before the card",
        "copied text",
        "copied text, name '-'",
        "copied text, name empty",
        "no address",
        "no sex",
        "the name before the number",
        "the old id before the number",
        "no sex, no issue date",
        "copied text, name '-', no birth",
        "copied text, name '-', no birth, issued in the year of birth",
    ],
)
def test_relatives_after_other_layouts_are_never_kept(text: str) -> None:
    relatives = "|079190099999|Nguyễn Văn Cha|Trần Thị Mẹ|Lê Thị Vợ"
    for variant in (text, text.replace("15031990", "31021990").replace("15/03", "31/02")):
        identity = parse(variant + relatives, today=TODAY)
        kept = identity.raw + repr(identity) + repr(identity.to_json_dict())
        for relative in ("079190099999", "Cha", "Mẹ", "Vợ"):
            assert relative not in kept, (variant, identity.reason)


@pytest.mark.parametrize("before", ["", "|", "-|"])
@pytest.mark.parametrize("shift", ["none", "a field lost", "a field too many"])
def test_a_childs_insurance_card_keeps_no_parent(before: str, shift: str) -> None:
    fields = ["0123456789", _hex("Lê Bé"), "01/01/2020", "1", "-", "01 - C54"]
    fields += ["01/01/2024", "-", "01/01/2024", "-", _hex("Lê Văn Bố"), "4", "-", "-", "$"]
    if shift == "a field lost":
        del fields[4]
    elif shift == "a field too many":
        fields.insert(4, "-")
    identity = parse(before + "|".join(fields), today=TODAY)
    assert identity.kind is CodeKind.BHYT
    assert _hex("Lê Văn Bố") not in identity.raw
    assert "Bố" not in repr(identity)


def _bhyt_shifted(index: int, inserted: str | None = None) -> str:
    """The new card of ``NEW_BHYT`` with field ``index`` lost, or a value put before it."""
    fields = list(NEW_BHYT)
    if inserted is None:
        del fields[index]
    else:
        fields.insert(index, inserted)
    return "|".join(fields)


@pytest.mark.parametrize(
    "text",
    [
        _bhyt_shifted(3),
        _bhyt_shifted(4),
        _bhyt_shifted(5),
        _bhyt_shifted(6),
        _bhyt_shifted(4, "x"),
        _bhyt_shifted(9, "-"),
    ],
    ids=[
        "sex lost",
        "address lost",
        "clinic lost",
        "valid-from lost",
        "a value too many after the sex",
        "a value too many after the issue date",
    ],
)
def test_an_insurance_card_out_of_step_puts_no_value_in_another_field(text: str) -> None:
    """A card that lost a field, or carries one too many, has every later value one place
    off: none of them is read into the field whose place it stands in (a date as the clinic,
    the validity as the issue date, the '4' as the issuing place); they are left out, with
    the warning, and what stands before the gap is read."""
    identity = parse(text, today=TODAY)
    assert identity.kind is CodeKind.BHYT
    assert (identity.id_number, identity.name) == ("0123456789", "Nguyễn Thị Hoà")
    assert identity.birth_date == date(1985, 9, 2)
    assert identity.address is None
    assert identity.clinic in ("01 - C54", None)
    for wrong in ("01/01/2024", "31/12/2024", "15/12/2023", "4"):
        assert wrong != identity.clinic
        assert wrong != identity.extra.get("issuing_place")
    assert identity.issue_date in (date(2023, 12, 15), None)
    assert identity.valid_to in (date(2024, 12, 31), None)
    assert identity.extra.get("valid_from") in ("2024-01-01", None)
    assert "unplaced_field" in identity.warnings


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        ("000090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|01012021", "id_unknown_province"),
        ("001290123456||Nguyễn Văn A|01012090|Nam|Hà Nội|01012021", "birth_date_in_future"),
        ("001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|01012030", "issue_date_in_future"),
        ("001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|01011989", "issue_before_birth"),
        ("001090123456|Nguyễn Văn A|01/01/1990|Nam|Hà Nội|31/12/1989", "issue_before_birth"),
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
    assume(issue >= birth)  # a card is issued after its holder is born
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


@pytest.mark.parametrize("name", ["Nguy?n V?n An", "NGUYEN VAN AN", "Nguyễn Văn An"])
def test_a_mangled_name_is_read_as_the_name(name: str) -> None:
    """A keyboard scanner mangles diacritics: the name keeps its slot, for storage to match
    the person by ID number and keep the better spelling."""
    text = f"001090123456|123456789|{name}|15031990|Nam|Hà Nội|20042021"
    identity = parse(text, today=TODAY)
    assert identity.name == name
    assert identity.warnings == ()
    assert identity.address == "Hà Nội"


def _code_page(text: str, code_page: str) -> str:
    """UTF-8 ``text`` as a reader in a Windows code page hands it over: each byte one
    character, a byte the code page leaves undefined as the control character Windows gives."""
    return "".join(
        bytes([byte]).decode(code_page, errors="ignore") or chr(byte) for byte in text.encode()
    )


@pytest.mark.parametrize("code_page", ["cp1252", "cp1258", "latin-1"])
@pytest.mark.parametrize(
    "name", ["Hoàng Thị Hà", "Đặng Văn Kiều", "Nguyễn Văn An", "Lưu Đức Thắng", "Trần Ánh"]
)
def test_a_card_read_in_a_wrong_code_page_is_read_back(name: str, code_page: str) -> None:
    """'à' leaves a no-break space and 'Đ', 'ề', 'Á' a control character in the mojibake:
    both are read back before they are dropped or folded into a space."""
    text = f"001090123456|123456789|{name}|15031990|Nam|Số 1 Đường Lê Lợi, Hà Nội|20042021"
    identity = parse(_code_page(text, code_page), today=TODAY)
    assert identity.name == name
    assert identity.address == "Số 1 Đường Lê Lợi, Hà Nội"
    assert (identity.sex, identity.warnings) == ("male", ())


def test_only_the_field_in_a_wrong_code_page_is_read_back() -> None:
    name = _code_page("Hoàng Thị Hà", "cp1252")
    identity = parse(f"001090123456||{name}|15031990|Nữ|Hà Nội|20042021", today=TODAY)
    assert (identity.name, identity.address) == ("Hoàng Thị Hà", "Hà Nội")


@pytest.mark.parametrize(
    "text",
    [
        "001090123456|=x||Nguyễn Văn An|15031990|Nam|Hà Nội|20042021",
        "001090123456||Nguyễn Văn An|Trần Văn Bố|15031990|Nam|Hà Nội|20042021",
    ],
)
def test_a_value_too_many_never_makes_the_birth_date_the_issue_date(text: str) -> None:
    """A card that carries one value more before its issue date is read by shape: its
    birth date stays the birth date, its issue date is found after the extra value, and
    what has no clear place is left out with a warning (never the extra value as the
    address)."""
    identity = parse(text, today=TODAY)
    assert (identity.birth_date, identity.issue_date) == (date(1990, 3, 15), date(2021, 4, 20))
    assert identity.address in ("Hà Nội", None)
    assert identity.sex == "male"
    assert "unplaced_field" in identity.warnings


# What cannot be read as a card is refused with its reason, never half-read into wrong slots.
REFUSED = [
    ("tabs instead of separators", HOLDER.replace("|", "\t"), "unknown_format"),
    (
        "an ID number with a space inside",
        HOLDER.replace("001090123456", "001090 123456"),
        "unknown_format",
    ),
    ("an ID number of 11 digits", HOLDER.replace("001090123456", "00109012345"), "unknown_format"),
    # A number before the card's own is nobody's old ID: the card's fields are not where any
    # layout puts them, and the real old ID stands after the number.
    ("a number of ten digits before the card", "1234567890|" + HOLDER, "unknown_format"),
    (
        "a birth date written year first without separators",
        HOLDER.replace("15031990", "19900315"),
        "bad_date",
    ),
    (
        "an impossible date in copied text",
        "001090123456|Nguyễn Văn An|30/02/1990|Nam|Hà Nội|20/04/2021",
        "bad_date",
    ),
    ("only the ID number and separators", "001090123456|-|-|-|-|-|-", "unknown_format"),
    (
        "a damaged ID number and a 12-digit old ID",
        HOLDER.replace("001090123456", "A").replace("123456789", "079190012345"),
        "unknown_format",
    ),
    (
        "an impossible health app date",
        "001090123456|NGUYEN VAN AN|1990-02-30|0|q|<1<<<",
        "bad_date",
    ),
    ("an insurance card name that is broken hex", _new_bhyt(f1="fffe"), "bad_name"),
    ("an insurance card code of 12 digits", _new_bhyt(f0="012345678901"), "bad_id_number"),
]


@pytest.mark.parametrize(("label", "text", "reason"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_with_a_reason(label: str, text: str, reason: str) -> None:
    identity = parse(text, today=TODAY)
    assert identity.kind is CodeKind.UNRECOGNISED, label
    assert identity.reason == reason, (label, identity.reason)
    assert identity.id_number is None and identity.name is None


@pytest.mark.parametrize("prefix", ["]Q1", "]Q3", "  ]Q6 "])
def test_a_scanners_symbology_identifier_is_not_part_of_the_code(prefix: str) -> None:
    card = "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Số 1, Hà Nội|15082021"
    plain, sent = parse(card), parse(prefix + card + "\r\n")
    assert sent.kind == CodeKind.CCCD and sent.warnings == plain.warnings
    assert (sent.id_number, sent.old_id_number, sent.name) == (
        "001090123456",
        "123456789",
        "Nguyễn Văn An",
    )
    assert sent.address == "Số 1, Hà Nội" and sent.raw == plain.raw
