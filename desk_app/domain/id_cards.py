"""The chip citizen ID card (CCCD), the identity card (căn cước) and text copied from them.

Layouts, by position:
  standard  ID12|OLDID|Name|DDMMYYYY|Sex|Address|Issue        7 fields (CCCD), or 11 with four
            trailing fields (căn cước: cancelled ID, relatives), empty or filled
  copied    ID12|Name|DD/MM/YYYY|Sex|Address|DD/MM/YYYY       6 fields, no old-ID field

A value is never moved into another field's slot: each slot has a shape (12 digits, 9-12
digits, a date, Nam/Nữ, a name, free text with letters); a value that fits no slot of the
chosen layout is left out and the card carries the ``unplaced_field`` warning. When no layout
fits, the holder's fields are read by their shape alone and the card says so
(``read_by_shape``). The trailing fields of the identity card (relatives' names and numbers)
are never read: the log keeps the holder only.
"""

from __future__ import annotations

from datetime import date

from desk_app.domain.identity import (
    CUTOVER_CANCUOC,
    ID12,
    OLD_ID,
    YEAR,
    CodeKind,
    Identity,
    card_date,
    could_be_name,
    date_warnings,
    id_checks,
    is_address_like,
    is_date_shaped,
    is_name_like,
    real_date,
    sex_word,
    tidy,
    unique,
)

_STANDARD = ("id", "old_id", "name", "birth", "sex", "address", "issue")
_COPIED = ("id", "name", "birth", "sex", "address", "issue")
STANDARD_FIELDS = len(_STANDARD)
IDENTITY_CARD_FIELDS = 11
# The old ID stands second, or third when something came before the card's number; a number
# further on is a relative's (a cancelled ID), never the holder's.
_LAST_OLD_ID = 2
# The first 12-digit citizen ID cards were issued in 2016: no issue date is earlier.
_FIRST_ISSUE_YEAR = 2016
# Beyond this many fields the text is not a card (the identity card has 11).
_MAX_FIELDS = 12

Slots = dict[str, str]


def _fits(slot: str, value: str) -> bool:
    if not value:
        return True
    if slot == "id":
        return bool(ID12.fullmatch(value))
    if slot == "old_id":
        return bool(OLD_ID.fullmatch(value))
    if slot == "birth":
        # Some people's papers know only the year of birth.
        return is_date_shaped(value) or bool(YEAR.fullmatch(value))
    if slot == "issue":
        return is_date_shaped(value)
    if slot == "sex":
        return sex_word(value) is not None
    if slot == "name":
        return could_be_name(value)
    return is_address_like(value)


def _by_layout(layout: tuple[str, ...], fields: list[str]) -> tuple[Slots, int]:
    """Each value in its layout's slot; one that does not fit is left out and counted."""
    values = (fields + [""] * len(layout))[: len(layout)]
    slots = dict.fromkeys(_STANDARD, "")
    misfits = 0
    for slot, value in zip(layout, values, strict=True):
        if _fits(slot, value):
            slots[slot] = value
        else:
            misfits += 1
    return slots, misfits


def _pick(texts: list[tuple[int, str]], positions: tuple[int, ...]) -> tuple[int, str] | None:
    """The one candidate, or the one standing where a layout puts that field; else none."""
    if len(texts) == 1:
        return texts[0]
    return next((text for text in texts if text[0] in positions), None)


def _by_shape(fields: list[str]) -> tuple[Slots, int]:
    """Each value by its own shape; what fits nothing, or has no clear place, is counted, not
    placed. A 12-digit value in the second place is the old ID; of two dates the earlier is
    the birth (a card is issued after its holder is born), a lone date the birth unless
    ``_lone_date_is_issue``; of two names, or two addresses, the one where a layout puts it,
    else neither. Without two dates the holder's fields may be followed by a relative's:
    a number past the old ID's place is then not the old ID."""
    slots = dict.fromkeys(_STANDARD, "")
    texts: list[tuple[int, str]] = []
    dates: list[tuple[date, int, str]] = []
    for index, value in enumerate(fields):
        if not value:
            continue
        if ID12.fullmatch(value) and not (index == 1 and not slots["old_id"]) and not slots["id"]:
            slots["id"] = value
        elif (
            index
            and OLD_ID.fullmatch(value)
            and not slots["old_id"]
            and not is_relatives_number(index, value, fields)
        ):
            slots["old_id"] = value
        elif (found := real_date(value)) is not None:
            dates.append((found, index, value))
        elif not slots["sex"] and sex_word(value) is not None:
            slots["sex"] = value
        else:
            texts.append((index, value))
    dates.sort()
    if len(dates) == 1 and _lone_date_is_issue(dates[0][1], dates[0][0], fields):
        slots["issue"] = dates[0][2]
    elif dates:
        slots["birth"] = dates[0][2]
    if len(dates) > 1:
        slots["issue"] = dates[-1][2]
    leftover = max(0, len(dates) - 2)
    # A clean name first; a mangled one only when no value is clearly a name.
    names = [t for t in texts if is_name_like(t[1]) and sex_word(t[1]) is None]
    name = _pick(names or [t for t in texts if _fits("name", t[1])], (2, 1))
    if name is not None:
        texts.remove(name)
        slots["name"] = name[1]
    address = _pick([t for t in texts if _fits("address", t[1])], (5, 4))
    if address is not None:
        texts.remove(address)
        slots["address"] = address[1]
    return slots, leftover + len(texts)


def _dates(fields: list[str]) -> list[tuple[int, date]]:
    """(place, date) of the real dates among a card's first seven fields (not its first).

    With one date there, a later date right after them is the issue date of a card that
    carries one value too many before it: taking the birth date for the issue date instead
    would store a wrong date and lose the birth. A relative's field is never a date."""
    first = fields[:STANDARD_FIELDS]
    dates = [
        (index, found) for index, value in enumerate(first) if index and (found := real_date(value))
    ]
    if len(dates) == 1 and len(fields) > STANDARD_FIELDS:
        after = real_date(fields[STANDARD_FIELDS])
        if after is not None and after > dates[0][1]:
            dates.append((STANDARD_FIELDS, after))
    return dates


def _birth_place(fields: list[str]) -> int:
    """Where the layout puts the birth date: third in copied text (a name second), else
    fourth."""
    second = fields[1] if len(fields) > 1 else ""
    return _COPIED.index("birth") if second and not second.isdigit() else _STANDARD.index("birth")


def _lone_date_is_issue(index: int, found: date, fields: list[str]) -> bool:
    """A card's only date is its issue date when it stands past the birth's place (a reader
    loses fields, it never adds one), or when the card's number says the holder was born in
    another year and the date is one on which such cards were issued."""
    if index > _birth_place(fields):
        return True
    number = next((value for value in fields[:STANDARD_FIELDS] if ID12.fullmatch(value)), "")
    if not number:
        return False
    born = (19 + int(number[3]) // 2) * 100 + int(number[4:6])
    return found.year != born and found.year >= _FIRST_ISSUE_YEAR


def is_relatives_number(index: int, value: str, fields: list[str]) -> bool:
    """A 9-12 digit number past the old ID's place on a card without both its dates: no
    field of the holder has that shape there (dates have 8 digits, an address has letters),
    and without the issue date to end the holder's fields it may be a relative's."""
    return index > _LAST_OLD_ID and bool(OLD_ID.fullmatch(value)) and len(_dates(fields)) < 2


def holder_span(fields: list[str]) -> int:
    """How many of a card's ``fields`` (from its first one) can be the holder's.

    The holder's fields end with the issue date; the identity card's relatives (names and
    numbers, never dates) follow it. With two dates (``_dates``) the holder ends at the
    later-placed one; a lone date ends it when it is the issue date
    (``_lone_date_is_issue``), else it is the birth, which the sex and the address may
    follow. Without an issue date, a card that lost a field may have its relatives shifted
    into the issue date's place: that place is not the holder's."""
    dates = _dates(fields)
    if len(dates) >= 2:
        return dates[-1][0] + 1
    last = _birth_place(fields) + 2  # the address's place, after the birth and the sex
    if dates:
        index, found = dates[0]
        if _lone_date_is_issue(index, found, fields):
            return index + 1
        last = min(index + 2, last)
    return last + 1


def _read(fields: list[str]) -> tuple[Slots, int, bool]:
    """(slots, values left out, read by shape) for the holder's fields of ``fields``."""
    candidates: list[tuple[Slots, int, int]] = []
    if ID12.fullmatch(fields[0]):
        # Only the holder's seven fields are read; the identity card's trailing ones are
        # never looked at.
        slots, misfits = _by_layout(_STANDARD, fields[:STANDARD_FIELDS])
        if not misfits:
            # The identity card's trailing fields hold relatives' names and numbers, never a
            # date: a date there is a value of the holder's card that has no place (one
            # value too many before the issue date puts the real one there).
            return slots, sum(1 for v in fields[STANDARD_FIELDS:] if real_date(v)), False
        candidates.append((slots, misfits, 0))
        # Copied text has six fields; anything after them has no slot.
        slots, misfits = _by_layout(_COPIED, fields[: len(_COPIED)])
        beyond = sum(1 for value in fields[len(_COPIED) :] if value)
        candidates.append((slots, misfits, beyond))
    # A layout that fits all but one value is read with a warning; otherwise by shape.
    best = min(candidates, key=lambda c: c[1], default=None)
    if best is not None and best[1] <= 1:
        return best[0], best[1] + best[2], False
    # By shape, only the holder's fields are looked at: a relative's name is never an address.
    span = holder_span(fields)
    slots, leftover = _by_shape(fields[:span])
    leftover += sum(1 for value in fields[span:STANDARD_FIELDS] if value)
    return slots, leftover, True


def _kind(issue: date | None, fields: list[str]) -> CodeKind:
    """The identity card from its issue date on; without one, from its four trailing fields."""
    if issue is not None:
        return CodeKind.CANCUOC if issue >= CUTOVER_CANCUOC else CodeKind.CCCD
    if len(fields) >= IDENTITY_CARD_FIELDS or any(fields[STANDARD_FIELDS:]):
        return CodeKind.CANCUOC
    return CodeKind.CCCD


def parse_id_card(raw: str, fields: list[str], today: date) -> Identity | None:
    """The card ``fields`` describe, or None when they are not an ID card's.

    Raises ``Reject`` for a card with an impossible date.
    """
    # Separators before the first field or after the last one (some readers add them) are
    # not fields of the card.
    start = 0
    while start < len(fields) and not fields[start]:
        start += 1
    body = fields[start:]
    trimmed = list(body)
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    if len(body) > _MAX_FIELDS or len(trimmed) < 4:
        return None
    if not ID12.fullmatch(trimmed[0]) and not any(ID12.fullmatch(v) for v in trimmed):
        return None
    slots, left_out, by_shape = _read(trimmed)
    if not slots["id"]:
        return None
    extra: dict[str, str] = {}
    birth: date | None = None
    birth_year: int | None = None
    if YEAR.fullmatch(slots["birth"]):
        extra["birth_year"] = slots["birth"]
        birth_year = int(slots["birth"])
    else:
        birth = card_date(slots["birth"])
        birth_year = birth.year if birth else None
    issue = card_date(slots["issue"])
    name = tidy(slots["name"])
    sex = sex_word(slots["sex"]) if slots["sex"] else None
    others = [slots["old_id"], slots["sex"], slots["address"], slots["issue"]]
    if name is None and birth_year is None and (by_shape or left_out or sum(map(bool, others)) < 2):
        # Neither a name nor a birth date: a card only when every value sat in its slot.
        return None
    warnings = list(id_checks(slots["id"], birth_year, sex))
    warnings += date_warnings(birth, issue, today)
    if birth is None and birth_year is not None and birth_year > today.year:
        warnings.append("birth_date_in_future")
    if left_out:
        warnings.append("unplaced_field")
    if by_shape:
        warnings.append("read_by_shape")
    return Identity(
        kind=_kind(issue, body),
        raw=raw,
        id_number=slots["id"],
        old_id_number=slots["old_id"] or None,
        name=name,
        birth_date=birth,
        sex=sex,
        address=tidy(slots["address"]),
        issue_date=issue,
        warnings=unique(warnings),
        extra=extra,
    )
