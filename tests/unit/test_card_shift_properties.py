"""Property tests of ID cards as readers hand them over: every variant comes back field by
field, and a value that does not fit its slot never lands in another one."""

from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desk_app.domain.payloads import CodeKind, Identity, parse

TODAY = date(2026, 12, 2)
CUTOVER = date(2024, 7, 1)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SLOTS = ("id_number", "old_id_number", "name", "birth_date", "sex", "address", "issue_date")

names = st.lists(
    st.sampled_from(["Nguyễn", "Trần", "Lê", "Đặng", "Thị", "Văn", "Ngọc", "Ánh", "Đức", "Hoà"]),
    min_size=2,
    max_size=5,
).map(" ".join)
addresses = st.lists(
    st.sampled_from(["Số 12", "131/9/2", "Lê Lợi", "Phường 1", "Quận 3", "TP. HCM", "Xóm 3"]),
    min_size=1,
    max_size=4,
).map(lambda parts: " - ".join(parts) if len(parts) % 2 else ", ".join(parts))
old_ids = st.one_of(st.just(""), st.just("-"), st.from_regex(r"[0-9]{9,12}", fullmatch=True))
# How the text reaches the parser: around it, around each field, inside it.
wrappings = st.sampled_from(
    [("", ""), ("\ufeff", ""), ("", "\r\n"), ("", "\r"), (" ", " \r\n"), ("", "\x00junk")]
)
joiners = st.sampled_from(["|", " | ", "\u00a0|", "|\t"])
separators_outside = st.sampled_from([("", ""), ("", "|"), ("|", "")])
sex_words = {
    False: st.sampled_from(["Nam", "NAM", "nam"]),
    True: st.sampled_from(["Nữ", "NỮ", "nữ", "Nu", "N?"]),
}


def _number(birth: date, female: bool, serial: str = "004321") -> str:
    digit4 = (birth.year // 100 - 19) * 2 + int(female)
    return f"079{digit4}{birth.year % 100:02d}{serial}"


@st.composite
def cards(draw: st.DrawFn) -> tuple[str, dict[str, object], list[str], str, list[str]]:
    """(text, expected fields, the card's fields, layout, relatives) of one generated card."""
    birth = draw(st.dates(date(1920, 1, 1), date(2020, 12, 31)))
    issue = draw(st.dates(max(birth, date(2016, 1, 1)), date(2026, 11, 30)))
    female = draw(st.booleans())
    name = draw(names)
    address = draw(addresses)
    old_id = draw(old_ids)
    layout = draw(st.sampled_from(["copied", "seven", "eleven"]))
    slashes = draw(st.booleans()) or layout == "copied"
    form = "%d/%m/%Y" if slashes else "%d%m%Y"
    sex = draw(sex_words[female])
    number = _number(birth, female)
    relatives: list[str] = []
    if layout == "copied":
        fields = [number, name, birth.strftime(form), sex, address, issue.strftime(form)]
    else:
        fields = [number, old_id, name, birth.strftime(form), sex, address, issue.strftime(form)]
        if layout == "eleven":
            relatives = draw(
                st.lists(
                    st.sampled_from(
                        ["", "-", "012345678", "079190099999", "Nguyễn Văn Cha", "Trần Thị Mẹ"]
                    ),
                    min_size=4,
                    max_size=4,
                )
            )
    expected: dict[str, object] = {
        "id_number": number,
        "old_id_number": (old_id.strip("-") or None) if layout != "copied" else None,
        "name": name,
        "birth_date": birth,
        "sex": "female" if female else "male",
        "address": address,
        "issue_date": issue,
    }
    return "", expected, fields, layout, relatives


def _text(fields: list[str], relatives: list[str], draw: st.DrawFn) -> str:
    wrap = draw(wrappings)
    outside = draw(separators_outside)
    joined = draw(joiners).join(fields + relatives)
    text = wrap[0] + outside[0] + joined + outside[1] + wrap[1]
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    return text


def _values(identity: object) -> dict[str, object]:
    return {slot: getattr(identity, slot) for slot in SLOTS}


@SETTINGS
@given(card=cards(), data=st.data())
def test_every_card_variant_round_trips(
    card: tuple[str, dict[str, object], list[str], str, list[str]], data: st.DataObject
) -> None:
    _, expected, fields, _layout, relatives = card
    text = _text(fields, relatives, data.draw)
    identity = parse(text, today=TODAY)
    assert identity.reason is None, text
    issue = expected["issue_date"]
    assert isinstance(issue, date)
    assert identity.kind is (CodeKind.CANCUOC if issue >= CUTOVER else CodeKind.CCCD)
    assert _values(identity) == expected, text
    assert identity.warnings == (), text
    for relative in relatives:
        if relative.strip("-"):
            assert relative not in identity.raw
            assert relative not in repr(identity.to_json_dict())


# Values of every other slot's shape, and of none.
misfits = st.one_of(
    st.from_regex(r"[0-9]{1,14}", fullmatch=True),
    st.sampled_from(
        [
            "15/03/90",
            "1990-03-15",
            "31/02/1990",
            "2/30/2021",
            "Nam",
            "Nữ",
            "N?",
            "Hà Nội",
            "Trần Thị Mẹ",
            "131/9/2",
            "12 Lê Lợi, Q.1",
            "NGUYEN VAN AN",
            "<1<<<",
            "x",
            "$",
            "-",
            "",
            "0",
            "1",
            "2",
            "4e677579",
        ]
    ),
    # (A NUL ends the text by definition: what follows it is a reader's padding.)
    st.text(alphabet=st.characters(blacklist_characters="|\x00", codec="utf-8"), max_size=15),
)


@SETTINGS
@given(card=cards(), index=st.integers(0, 6), value=misfits, data=st.data())
def test_a_value_that_does_not_fit_never_moves_to_another_field(
    card: tuple[str, dict[str, object], list[str], str, list[str]],
    index: int,
    value: str,
    data: st.DataObject,
) -> None:
    _, expected, fields, layout, relatives = card
    index %= len(fields)
    fields = list(fields)
    fields[index] = value
    changed = SLOTS[index if layout != "copied" or index == 0 else index + 1]
    identity = parse(_text(fields, relatives, data.draw), today=TODAY)
    if identity.reason is not None:
        return  # refused, with its reason: nothing stored
    if identity.kind not in (CodeKind.CCCD, CodeKind.CANCUOC):
        return  # the damaged text became another format's shape; see the property below
    found = _values(identity)
    lost = []
    for slot in SLOTS:
        if slot == changed:
            continue
        # Another field keeps its own value or nothing: never the new one, never a neighbour's.
        assert found[slot] in (expected[slot], None), (slot, found[slot], fields)
        if found[slot] is None and expected[slot] is not None:
            lost.append(slot)
    if lost:
        assert identity.warnings, (lost, fields)


@SETTINGS
@given(card=cards(), index=st.integers(0, 6), value=misfits, data=st.data())
def test_a_damaged_card_never_becomes_someone_elses_code(
    card: tuple[str, dict[str, object], list[str], str, list[str]],
    index: int,
    value: str,
    data: st.DataObject,
) -> None:
    """A card with one damaged field is read as a card, or refused; when it reads as another
    format, the number it carries is still the card's own."""
    _, expected, fields, _layout, relatives = card
    index %= len(fields)
    fields = list(fields)
    fields[index] = value
    identity = parse(_text(fields, relatives, data.draw), today=TODAY)
    assert identity.reason != "internal_error"
    if identity.recognised and index != 0:
        assert identity.id_number == expected["id_number"], fields


def _hex(text: str) -> str:
    return text.encode("utf-8").hex()


@SETTINGS
@given(
    document=st.one_of(
        st.builds(_number, st.dates(date(1920, 1, 1), date(2020, 12, 31)), st.booleans()),
        st.from_regex(r"[0-9]{9}|[A-Z][0-9]{7}|[A-Z]{1,2}[0-9]{6,8}", fullmatch=True),
    ),
    name=st.lists(
        st.sampled_from(["NGUYEN", "VAN", "AN", "TRAN", "THI", "SMITH"]), min_size=2, max_size=4
    ).map(" ".join),
    birth=st.dates(date(1920, 1, 1), date(2020, 12, 31)),
    sex=st.sampled_from(["0", "1", "2"]),
    leading=st.booleans(),
    phone=st.sampled_from(["", "0912345678", "+84912345678"]),
    insurance=st.sampled_from(["", "GD4797920417046", "0123456789"]),
    on_behalf=st.sampled_from(["0", "1"]),
    masked=st.booleans(),
    data=st.data(),
)
def test_every_health_app_code_round_trips(
    *,
    document: str,
    name: str,
    birth: date,
    sex: str,
    leading: bool,
    phone: str,
    insurance: str,
    on_behalf: str,
    masked: bool,
    data: st.DataObject,
) -> None:
    ext = ("<" if leading else "") + "<".join([sex, insurance, phone, "MEUCIQDsig"])
    shown = ("****" + document[4:]) if masked else document
    born = f"{birth.year}-**-**" if masked else birth.isoformat()
    fields = [shown, name, born, on_behalf, "9f3c2a", ext]
    wrap = data.draw(wrappings)
    text = wrap[0] + data.draw(joiners).join(fields) + wrap[1]
    identity = parse(text, today=TODAY)
    assert identity.reason is None, text
    assert identity.kind is CodeKind.PCCOVID
    assert identity.id_number == shown
    assert identity.name == name
    assert identity.birth_date == (None if masked else birth)
    assert identity.extra["sex_code"] == sex
    if sex != "0":
        assert identity.sex == {"1": "male", "2": "female"}[sex]
    assert identity.extra.get("phone", "") == phone
    assert identity.extra.get("insurance_number", "") == insurance
    assert identity.extra["declared_for_other"] == on_behalf
    if masked:
        assert identity.extra["birth_year"] == str(birth.year)
        assert "masked_code" in identity.warnings


@SETTINGS
@given(
    code=st.from_regex(r"[0-9]{10}|[A-Z]{2}[0-9]{13}", fullmatch=True),
    name=names,
    birth=st.dates(date(1920, 1, 1), date(2020, 12, 31)),
    year_only=st.booleans(),
    sex=st.sampled_from(["1", "2"]),
    address=st.one_of(st.just("-"), addresses),
    clinic=st.sampled_from(["01 - C54", "06 - 06017", "79071", "0101"]),
    valid_from=st.dates(date(2015, 1, 1), date(2026, 1, 1)),
    valid_to=st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2030, 1, 1))),
    issued=st.dates(date(2015, 1, 1), date(2026, 11, 1)),
    length=st.sampled_from([10, 15, 17]),
    place=st.one_of(st.just("-"), st.sampled_from(["BHXH tỉnh Bắc Kạn", "BHXH TP. Hà Nội"])),
    upper=st.booleans(),
    dashes=st.sets(st.sampled_from([9, 10, 11, 12, 13, 14])),
    data=st.data(),
)
def test_every_insurance_card_round_trips(
    *,
    code: str,
    name: str,
    birth: date,
    year_only: bool,
    sex: str,
    address: str,
    clinic: str,
    valid_from: date,
    valid_to: date | None,
    issued: date,
    length: int,
    place: str,
    upper: bool,
    dashes: set[int],
    data: st.DataObject,
) -> None:
    assume(issued >= birth)  # a card is issued after its holder is born

    def hexed(text: str) -> str:
        value = _hex(text)
        return value.upper() if upper else value

    fields = [
        code,
        hexed(name),
        str(birth.year) if year_only else f"{birth:%d/%m/%Y}",
        sex,
        "-" if address == "-" else hexed(address),
        clinic,
        f"{valid_from:%d/%m/%Y}",
        f"{valid_to:%d/%m/%Y}" if valid_to else "-",
        f"{issued:%d/%m/%Y}",
        "01234567890123",
        "-",
        "4",
        " 01/01/2019",
        "0123456789abcdef-1234",
        "4",
        "-" if place == "-" else hexed(place),
    ]
    fields = [*fields[: length - 1], "$"]
    for index in dashes:
        if index < length - 1:
            fields[index] = "-"
    wrap = data.draw(wrappings)
    text = wrap[0] + data.draw(joiners).join(fields) + wrap[1]
    identity = parse(text, today=TODAY)
    assert identity.reason is None, text
    assert identity.kind is CodeKind.BHYT
    assert identity.id_number == code
    assert identity.name == name
    assert identity.birth_date == (None if year_only else birth)
    assert identity.extra.get("birth_year") == (str(birth.year) if year_only else None)
    assert identity.sex == {"1": "male", "2": "female"}[sex]
    assert identity.address == (None if address == "-" else address)
    assert identity.clinic == clinic
    assert identity.extra["valid_from"] == valid_from.isoformat()
    assert identity.valid_to == valid_to
    assert identity.issue_date == issued
    assert identity.extra.get("issuing_place") == (place if length == 17 and place != "-" else None)
    assert identity.warnings == ()


@SETTINGS
@given(
    document=st.sampled_from(["001090123456", "123456789", "B1234567"]),
    index=st.integers(0, 5),
    value=misfits,
    ext=st.sampled_from(["<1<GD4797920417046<0912345678<sig", "1<<0912345678<sig", "-", ""]),
    data=st.data(),
)
def test_a_damaged_health_app_code_is_never_read_into_a_cards_fields(
    document: str, index: int, value: str, ext: str, data: st.DataObject
) -> None:
    """The health app's code has no address, old ID or issue date: whatever a damaged one is
    read as, its QID, phone or signature never become one."""
    fields = [document, "NGUYEN VAN AN", "1990-03-15", "0", "9f3c2a", ext]
    fields[index] = value
    identity = parse(data.draw(joiners).join(fields), today=TODAY)
    assert identity.reason != "internal_error"
    if not identity.recognised:
        return
    own = {None, " ".join(value.split()) or None}
    assert identity.address in own, (fields, identity.address)
    assert identity.old_id_number in own, (fields, identity.old_id_number)
    if identity.kind in (CodeKind.CCCD, CodeKind.CANCUOC):
        assert identity.name in {"NGUYEN VAN AN", None, *own}, (fields, identity.name)


RELATIVES = ("079190099999", "Phạm Văn Cha", "Trần Thị Mẹ", "Lê Thị Vợ")


def _kept(identity: object) -> str:
    """Everything of a parse result that is stored, shown or logged, as one NFC text."""
    assert isinstance(identity, Identity)
    parts = [identity.raw, repr(identity.to_json_dict()), repr(dict(identity.extra))]
    parts += list(identity.warnings)
    return unicodedata.normalize("NFC", " ".join(parts))


@SETTINGS
@given(
    card=cards(),
    dropped=st.integers(1, 6),
    dashed=st.integers(0, 5),
    relatives=st.lists(st.sampled_from(["", *RELATIVES]), min_size=4, max_size=4).filter(any),
    data=st.data(),
)
def test_relatives_after_a_card_missing_a_field_are_never_kept(
    card: tuple[str, dict[str, object], list[str], str, list[str]],
    dropped: int,
    dashed: int,
    relatives: list[str],
    data: st.DataObject,
) -> None:
    """An identity card that lost one of its holder's fields (a reader, a copy) shifts its
    relatives' fields one place to the left: still none of them is read, shown or kept,
    also when another of the holder's fields is "-"."""
    _, _expected, fields, _layout, _relatives = card
    fields = list(fields)
    del fields[dropped % len(fields) or 1]
    if dashed:
        fields[dashed % len(fields) or 1] = "-"
    identity = parse(_text(fields, relatives, data.draw), today=TODAY)
    kept = _kept(identity)
    for relative in relatives:
        if relative:
            assert relative not in kept, (fields, relatives, identity)


@SETTINGS
@given(
    card=cards(),
    before=st.sampled_from(["-|", "|-|", "- |", "Nguyễn Văn An|", "123456789|"]),
    relatives=st.lists(st.sampled_from(["", *RELATIVES]), min_size=4, max_size=4).filter(any),
    data=st.data(),
)
def test_relatives_after_a_card_with_something_before_it_are_never_kept(
    card: tuple[str, dict[str, object], list[str], str, list[str]],
    before: str,
    relatives: list[str],
    data: st.DataObject,
) -> None:
    _, _expected, fields, _layout, _relatives = card
    identity = parse(before + _text(fields, relatives, data.draw), today=TODAY)
    kept = _kept(identity)
    for relative in relatives:
        if relative:
            assert relative not in kept, (before, fields, relatives, identity)
