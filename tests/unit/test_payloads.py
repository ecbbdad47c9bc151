"""Parsing of ID cards, health app codes, insurance cards and the unit's own codes."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from desk_app.domain import own_codes
from desk_app.domain.payloads import (
    MAX_LENGTH,
    REASONS,
    WARNINGS,
    CodeKind,
    Identity,
    check_id_number,
    parse,
)
from desk_app.i18n import CATALOGUE

CCCD = (
    "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội|20042021"
)
SECRET = b"unit-secret-0123456789"
UNIT = "ubnd-xa-tan-lap"


def _hex(text: str) -> str:
    return text.encode("utf-8").hex()


# --------------------------------------------------------------------------- CCCD


def test_cccd_all_fields() -> None:
    identity = parse(CCCD)
    assert identity.kind is CodeKind.CCCD
    assert identity.recognised
    assert identity.id_number == "001090123456"
    assert identity.old_id_number == "123456789"
    assert identity.name == "Nguyễn Văn An"
    assert identity.birth_date == date(1990, 3, 15)
    assert identity.sex == "male"
    assert identity.address == "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội"
    assert identity.issue_date == date(2021, 4, 20)
    assert identity.warnings == ()
    assert identity.reason is None


def test_cccd_empty_old_id() -> None:
    identity = parse("001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|01012021")
    assert identity.kind is CodeKind.CCCD
    assert identity.old_id_number is None
    assert identity.name == "Nguyễn Văn A"


def test_nfd_input_is_normalised() -> None:
    nfd = unicodedata.normalize("NFD", "001191123456||Trần Thị Thuỷ|02021991|Nữ|Huế|03032022")
    assert nfd != unicodedata.normalize("NFC", nfd)
    identity = parse(nfd)
    assert identity.kind is CodeKind.CCCD
    assert identity.name == unicodedata.normalize("NFC", "Trần Thị Thuỷ")
    assert identity.sex == "female"
    assert identity.warnings == ()


@pytest.mark.parametrize("word", ["Nữ", "NỮ", "nữ", "Nu"])
def test_female_word_any_case(word: str) -> None:
    identity = parse(f"001191123456||Lê Thị B|02021991|{word}|Huế|03032022")
    assert identity.sex == "female"


@pytest.mark.parametrize("word", ["Nam", "NAM", "nam"])
def test_male_word_any_case(word: str) -> None:
    assert parse(f"001090123456||Lê Văn B|02021990|{word}|Huế|03032022").sex == "male"


def test_trailing_nul_is_cut() -> None:
    identity = parse(CCCD + "\x00garbage|x|y")
    assert identity.kind is CodeKind.CCCD
    assert identity.issue_date == date(2021, 4, 20)
    assert "\x00" not in identity.raw


def test_trailing_nul_in_bytes() -> None:
    identity = parse(CCCD.encode("utf-8") + b"\x00" * 200)
    assert identity.kind is CodeKind.CCCD
    assert identity.name == "Nguyễn Văn An"


def test_dash_fields_are_missing() -> None:
    identity = parse("001090123456|-|Nguyễn Văn A|01011990|Nam|-|01012021")
    assert identity.kind is CodeKind.CCCD
    assert identity.old_id_number is None
    assert identity.address is None


def test_extra_empty_fields_at_end() -> None:
    identity = parse(CCCD + "|||")
    assert identity.kind is CodeKind.CCCD
    assert identity.issue_date == date(2021, 4, 20)


def test_whitespace_and_scanner_newline() -> None:
    identity = parse("  " + CCCD + "\r\n")
    assert identity.kind is CodeKind.CCCD
    assert identity.raw == CCCD


def test_missing_issue_date_seven_fields_is_cccd() -> None:
    identity = parse("001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|")
    assert identity.kind is CodeKind.CCCD
    assert identity.issue_date is None


# --------------------------------------------------------------------------- căn cước


def test_cancuoc_by_issue_date() -> None:
    identity = parse("001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|01072024")
    assert identity.kind is CodeKind.CANCUOC
    assert identity.issue_date == date(2024, 7, 1)


def test_day_before_cutover_is_cccd() -> None:
    assert parse("001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|30062024").kind is CodeKind.CCCD


def test_cancuoc_six_fields_without_old_id() -> None:
    identity = parse("079303001234|Lê Minh Châu|05052003|Nữ|Phường 1, Quận 3, TP. HCM|20082024")
    assert identity.kind is CodeKind.CANCUOC
    assert identity.id_number == "079303001234"
    assert identity.old_id_number is None
    assert identity.name == "Lê Minh Châu"
    assert identity.birth_date == date(2003, 5, 5)
    assert identity.sex == "female"
    assert identity.address == "Phường 1, Quận 3, TP. HCM"
    assert identity.issue_date == date(2024, 8, 20)
    assert identity.warnings == ()


def test_cancuoc_eight_fields() -> None:
    identity = parse("001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|15092024|")
    assert identity.kind is CodeKind.CANCUOC
    assert identity.address == "Hà Nội"


def test_six_fields_without_issue_date_is_cccd() -> None:
    # Copied text comes from either card; without an issue date nothing says căn cước.
    identity = parse("079303001234|Lê Minh Châu|05052003|Nữ|TP. HCM|")
    assert identity.kind is CodeKind.CCCD
    assert identity.issue_date is None
    assert identity.birth_date == date(2003, 5, 5)


def test_fields_found_by_shape_when_shuffled() -> None:
    identity = parse("Nguyễn Văn A|Nam|001090123456|01011990|Thôn 2, Bắc Kạn|123456789|10102024")
    assert identity.kind is CodeKind.CANCUOC
    assert identity.id_number == "001090123456"
    assert identity.old_id_number == "123456789"
    assert identity.name == "Nguyễn Văn A"
    assert identity.birth_date == date(1990, 1, 1)
    assert identity.issue_date == date(2024, 10, 10)
    assert identity.sex == "male"
    assert identity.address == "Thôn 2, Bắc Kạn"


def test_shape_mode_picks_name_over_address() -> None:
    identity = parse("001090123456|Xóm 3, 12 Lê Lợi|01011990|Trần Văn B|Nam|05082024")
    assert identity.name == "Trần Văn B"
    assert identity.address == "Xóm 3, 12 Lê Lợi"


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text",
    [
        "001090123456||Nguyễn Văn A|31021990|Nam|Hà Nội|01012021",
        "001090123456||Nguyễn Văn A|01011990|Nam|Hà Nội|32012021",
        "001090123456||Nguyễn Văn A|00001990|Nam|Hà Nội|01012021",
        "001090123456|NGUYEN VAN A|1990-02-30|0|q|",
        "HS4010123456789|" + _hex("Nguyễn Văn A") + "|31/04/1990|1",
    ],
)
def test_impossible_date_is_a_reason(text: str) -> None:
    identity = parse(text)
    assert identity.kind is CodeKind.UNRECOGNISED
    assert identity.reason == "bad_date"


def test_leap_day_is_fine() -> None:
    assert parse("001000123456||Nguyễn Văn A|29022000|Nam|Hà Nội|01012021").kind is CodeKind.CCCD


# --------------------------------------------------------------------------- the number check


def test_sex_mismatch_warning_travels_with_identity() -> None:
    identity = parse("001090123456||Nguyễn Thị A|01011990|Nữ|Hà Nội|01012021")
    assert identity.kind is CodeKind.CCCD
    assert identity.warnings == ("id_sex_mismatch",)


def test_birth_year_mismatch() -> None:
    identity = parse("001090123456||Nguyễn Văn A|01011991|Nam|Hà Nội|01012021")
    assert identity.warnings == ("id_birth_year_mismatch",)


def test_century_mismatch() -> None:
    # digit 4 = 0 says 1900s, the card says 2090
    text = "001090123456||Nguyễn Văn A|01012090|Nam|Hà Nội|01012095"
    assert parse(text, today=date(2100, 1, 1)).warnings == ("id_century_mismatch",)


@pytest.mark.parametrize(
    ("number", "birth", "sex"),
    [
        ("001205123456", date(2005, 6, 1), "male"),
        ("001305123456", date(2005, 6, 1), "female"),
        ("001090123456", date(1990, 1, 1), "male"),
        ("001199123456", date(1999, 12, 31), "female"),
        ("001400123456", date(2100, 1, 1), "male"),
        ("001501123456", date(2101, 1, 1), "female"),
    ],
)
def test_consistent_numbers_give_no_warning(number: str, birth: date, sex: str) -> None:
    assert check_id_number(number, birth, sex) == ()


def test_2000s_birth_with_1900s_digit() -> None:
    assert check_id_number("001005123456", date(2005, 6, 1), "male") == ("id_century_mismatch",)


def test_2000s_birth_wrong_sex_and_year() -> None:
    assert check_id_number("001204123456", date(2005, 6, 1), "female") == (
        "id_sex_mismatch",
        "id_birth_year_mismatch",
    )


def test_check_without_facts_or_on_other_numbers() -> None:
    assert check_id_number("001090123456", None, None) == ()
    assert check_id_number("123456789", date(1990, 1, 1), "male") == ()


def test_2000s_card_parses_with_all_warnings() -> None:
    identity = parse("001399123456||Nguyễn Văn A|01011990|Nam|Hà Nội|01012021")
    assert set(identity.warnings) == {
        "id_sex_mismatch",
        "id_century_mismatch",
        "id_birth_year_mismatch",
    }


# --------------------------------------------------------------------------- PC-Covid


PCCOVID = "001090123456|NGUYEN VAN AN|1990-03-15|0|9f3c2a|<1<GD4797920417046<0912345678<MEUCIQD"


def test_pccovid_full() -> None:
    identity = parse(PCCOVID)
    assert identity.kind is CodeKind.PCCOVID
    assert identity.id_number == "001090123456"
    assert identity.name == "NGUYEN VAN AN"
    assert identity.birth_date == date(1990, 3, 15)
    assert identity.sex == "male"
    assert identity.warnings == ()
    assert identity.extra["qid"] == "9f3c2a"
    assert identity.extra["insurance_number"] == "GD4797920417046"
    assert identity.extra["phone"] == "0912345678"
    assert identity.extra["declared_for_other"] == "0"


def test_pccovid_passport_uses_sex_code() -> None:
    identity = parse("B1234567|JOHN SMITH|1985-07-04|1|q1|h1<2<<0900000000<sig")
    assert identity.kind is CodeKind.PCCOVID
    assert identity.id_number == "B1234567"
    assert identity.sex == "female"
    assert identity.extra["helper_qid"] == "h1"
    assert "insurance_number" not in identity.extra


def test_pccovid_unknown_sex_code_is_tolerated() -> None:
    identity = parse("B1234567|JOHN SMITH|1985-07-04|0|q1|<9<<<")
    assert identity.kind is CodeKind.PCCOVID
    assert identity.sex is None


def test_pccovid_without_ext() -> None:
    identity = parse("C7654321|TRAN B|2001-01-01")
    assert identity.kind is CodeKind.PCCOVID
    assert identity.birth_date == date(2001, 1, 1)


def test_pccovid_year_mismatch_with_12_digit_number() -> None:
    identity = parse("001090123456|NGUYEN VAN AN|1991-03-15|0|q|")
    assert identity.warnings == ("id_birth_year_mismatch",)


def test_pccovid_masked_sample() -> None:
    identity = parse("******123456|NGUYEN VAN AN|1990-**-**|0|9f3c2a|<1<<<")
    assert identity.kind is CodeKind.PCCOVID
    assert identity.id_number == "******123456"
    assert identity.birth_date is None
    assert identity.extra["birth_year"] == "1990"
    assert "masked_code" in identity.warnings


def test_pccovid_fully_masked_birth() -> None:
    identity = parse("******123456|NGUYEN VAN AN|****-**-**|0|q|")
    assert identity.kind is CodeKind.PCCOVID
    assert identity.birth_date is None
    assert identity.warnings == ("masked_code",)


@pytest.mark.parametrize("document", ["", "12", "a b c d e", "x" * 21])
def test_pccovid_implausible_document_number(document: str) -> None:
    assert parse(f"{document}|NGUYEN VAN AN|1990-03-15|0|q|").reason == "bad_id_number"


def test_control_characters_in_hex_name_are_dropped() -> None:
    name = _hex("Hà\x00 Văn\x1b C")
    identity = parse(f"0123456789|{name}|01/01/1990|1")
    assert identity.name == "Hà Văn C"


# --------------------------------------------------------------------------- BHYT


def test_bhyt_new_card() -> None:
    text = "|".join(
        [
            "0123456789",
            _hex("Nguyễn Thị Hoà"),
            "02/09/1985",
            "2",
            _hex("Xã Tân Lập, Huyện Chợ Đồn, Bắc Kạn"),
            "06 - 06017",
            "01/01/2024",
            "31/12/2024",
            "01/01/2024",
            "",
            "4",
            "$",
        ]
    )
    identity = parse(text)
    assert identity.kind is CodeKind.BHYT
    assert identity.id_number == "0123456789"
    assert identity.name == "Nguyễn Thị Hoà"
    assert identity.birth_date == date(1985, 9, 2)
    assert identity.sex == "female"
    assert identity.address == "Xã Tân Lập, Huyện Chợ Đồn, Bắc Kạn"
    assert identity.clinic == "06 - 06017"
    assert "issuing_place" not in identity.extra
    assert identity.extra["valid_from"] == "2024-01-01"
    assert identity.valid_to == date(2024, 12, 31)
    assert identity.issue_date == date(2024, 1, 1)


def test_bhyt_old_card_uppercase_hex_and_hex_clinic() -> None:
    text = f"GD4797920417046|{_hex('Lý Văn Tư').upper()}|10/10/1960|1|-|{_hex('Bắc Kạn')}"
    identity = parse(text)
    assert identity.kind is CodeKind.BHYT
    assert identity.id_number == "GD4797920417046"
    assert identity.name == "Lý Văn Tư"
    assert identity.sex == "male"
    assert identity.address is None
    # Field 5 is the registered clinic, never the issuing place.
    assert identity.clinic == "Bắc Kạn"
    assert "issuing_place" not in identity.extra


def test_bhyt_year_only_birth() -> None:
    identity = parse(f"0123456789|{_hex('Hà Văn C')}|1950|1")
    assert identity.kind is CodeKind.BHYT
    assert identity.birth_date is None
    assert identity.extra["birth_year"] == "1950"


def test_bhyt_name_not_utf8() -> None:
    assert parse("0123456789|fffe|01/01/1990|1").reason == "bad_name"


def test_bhyt_bad_card_code() -> None:
    assert parse(f"12345|{_hex('A')}|01/01/1990|1").reason == "bad_id_number"


# --------------------------------------------------------------------------- unrecognised


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   \r\n", "empty"),
        ("\x00001090123456||A|01011990|Nam|HN|01012021", "empty"),
        ("https://example.com/", "unknown_format"),
        ("001090123456", "unknown_format"),
        ("a|b|c|d|e|f|g", "unknown_format"),
        ("|||||||", "unknown_format"),
        ("001090123456|" + "|" * 20, "unknown_format"),
        ("x" * (MAX_LENGTH + 1), "too_long"),
    ],
)
def test_unrecognised_reasons(text: str, reason: str) -> None:
    identity = parse(text)
    assert identity.kind is CodeKind.UNRECOGNISED
    assert not identity.recognised
    assert identity.reason == reason


def test_other_scripts_digits_are_not_an_id_number() -> None:
    arabic = "".join(chr(0x0660 + int(d)) for d in "001090123456")
    identity = parse(f"{arabic}||Nguyễn Văn A|01011990|Nam|Hà Nội|01012021")
    assert identity.reason == "unknown_format"


def test_unrecognised_keeps_text_for_the_log() -> None:
    assert parse("https://example.com/?q=1").raw == "https://example.com/?q=1"


def test_megabyte_bytes_are_too_long() -> None:
    identity = parse(b"1|" * 600_000)
    assert identity.reason == "too_long"
    assert len(identity.raw) <= MAX_LENGTH


def test_invalid_utf8_bytes_do_not_crash() -> None:
    identity = parse(b"\xff\xfe\xfa|\x80\x81")
    assert identity.kind is CodeKind.UNRECOGNISED


def test_windows_code_page_bytes() -> None:
    text = "001090123456||Lê Văn Đô|01011990|Nam|Cà Mau|01012021"
    identity = parse(text.encode("cp1258"))
    assert identity.kind is CodeKind.CCCD
    assert identity.name == "Lê Văn Đô"


def test_json_dict_keys_and_values() -> None:
    data = parse(CCCD).to_json_dict()
    assert data == {
        "kind": "cccd",
        "id_number": "001090123456",
        "old_id_number": "123456789",
        "name": "Nguyễn Văn An",
        "birth_date": "1990-03-15",
        "sex": "male",
        "address": "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội",
        "issue_date": "2021-04-20",
        "valid_to": None,
        "clinic": None,
        "warnings": [],
        "reason": None,
    }
    bad = parse("nonsense").to_json_dict()
    assert bad["kind"] == "unrecognised"
    assert bad["reason"] == "unknown_format"
    assert bad["id_number"] is None


def test_identity_is_hashable() -> None:
    assert hash(parse(CCCD)) == hash(parse(CCCD))
    assert isinstance(parse(CCCD), Identity)


def test_every_code_has_both_translations() -> None:
    for key in [f"reason.{r}" for r in REASONS] + [f"warning.{w}" for w in WARNINGS]:
        assert CATALOGUE[key]["vi"] and CATALOGUE[key]["en"], key


# --------------------------------------------------------------------------- own codes


def test_staff_card() -> None:
    code = own_codes.encode_staff(SECRET, UNIT, "NV-007", "Đặng Thị Ngọc Ánh", "Văn thư")
    identity = parse(code, unit_secret=SECRET, unit_id=UNIT)
    assert identity.kind is CodeKind.STAFF
    assert identity.id_number == "NV-007"
    assert identity.name == "Đặng Thị Ngọc Ánh"
    assert identity.reason is None
    assert identity.extra["staff_id"] == "NV-007"
    assert identity.extra["title"] == "Văn thư"
    assert identity.extra["unit_id"] == UNIT
    assert identity.extra["code_version"] == "1"


def test_visitor_pass() -> None:
    code = own_codes.encode_visitor_pass(SECRET, UNIT, "K4Q2ZP7MXR3W5NYA", date(2026, 11, 27))
    identity = parse(code, unit_secret=SECRET, unit_id=UNIT)
    assert identity.kind is CodeKind.VISITOR_PASS
    assert identity.extra["pass_token"] == "K4Q2ZP7MXR3W5NYA"
    assert identity.extra["expires_on"] == "2026-11-27"
    assert identity.id_number is None


def test_expired_pass_still_parses() -> None:
    code = own_codes.encode_visitor_pass(SECRET, UNIT, "AAAAAAAAAAAAAAAA", date(2000, 1, 1))
    assert parse(code, unit_secret=SECRET, unit_id=UNIT).kind is CodeKind.VISITOR_PASS


def test_checkpoint() -> None:
    code = own_codes.encode_checkpoint(SECRET, UNIT, "Cổng chính", 3)
    identity = parse(code, unit_secret=SECRET, unit_id=UNIT)
    assert identity.kind is CodeKind.CHECKPOINT
    assert identity.extra["checkpoint"] == "Cổng chính"
    assert identity.extra["poster_version"] == "3"


def test_own_code_typed_with_caps_lock_off() -> None:
    code = own_codes.encode_staff(SECRET, UNIT, "NV1", "An")
    assert parse(code.lower() + "\n", unit_secret=SECRET, unit_id=UNIT).kind is CodeKind.STAFF


def test_own_code_without_secret() -> None:
    code = own_codes.encode_staff(SECRET, UNIT, "NV1", "An")
    identity = parse(code)
    assert identity.kind is CodeKind.UNRECOGNISED
    assert identity.reason == "unit_code_unverifiable"


def test_other_units_code_without_secret_is_named() -> None:
    code = own_codes.encode_staff(b"their-secret", "ubnd-khac", "NV1", "An")
    identity = parse(code, unit_id=UNIT)
    assert identity.reason == "other_unit"
    assert identity.extra["unit_id"] == "ubnd-khac"


def test_other_units_code() -> None:
    code = own_codes.encode_staff(b"their-secret", "ubnd-khac", "NV1", "An")
    identity = parse(code, unit_secret=SECRET, unit_id=UNIT)
    assert identity.kind is CodeKind.UNRECOGNISED
    assert identity.reason == "other_unit"


def test_edited_own_code() -> None:
    code = own_codes.encode_visitor_pass(SECRET, UNIT, "K4Q2ZP7MXR3W5NYA", date(2026, 11, 27))
    edited = code.replace(".K4Q2ZP7MXR3W5NYA.", ".K4Q2ZP7MXR3W5NYB.")
    assert edited != code
    assert parse(edited, unit_secret=SECRET, unit_id=UNIT).reason == "bad_signature"


def test_wrong_secret_same_unit() -> None:
    code = own_codes.encode_staff(b"an-old-secret", UNIT, "NV1", "An")
    assert parse(code, unit_secret=SECRET, unit_id=UNIT).reason == "bad_signature"


def test_future_version() -> None:
    code = own_codes.encode_staff(SECRET, UNIT, "NV1", "An").replace("DKQ1.", "DKQ2.", 1)
    assert parse(code, unit_secret=SECRET, unit_id=UNIT).reason == "unsupported_version"


def test_damaged_own_code() -> None:
    code = own_codes.encode_staff(SECRET, UNIT, "NV1", "An")
    assert parse(code[:12], unit_secret=SECRET, unit_id=UNIT).reason == "malformed"
