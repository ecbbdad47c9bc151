"""The chip citizen ID card (CCCD), the identity card (căn cước) and text copied from them.

Layouts, by position:
  standard  ID12|OLDID|Name|DDMMYYYY|Sex|Address|Issue        7 fields (CCCD), or 11 with four
            trailing fields (căn cước: cancelled ID, relatives), empty or filled
  copied    ID12|Name|DD/MM/YYYY|Sex|Address|DD/MM/YYYY       6 fields, no old-ID field

A value is never moved into another field's slot: each slot has a shape (12 digits, 9-12
digits, a date, Nam/Nữ, a name, free text); a value that fits no slot of the chosen layout is
left out and the card carries the ``unplaced_field`` warning. The trailing fields of the
identity card (relatives' names and numbers) are never read: the log keeps the holder only.
"""

from __future__ import annotations

from datetime import date

from desk_app.domain.identity import (
    CUTOVER_CANCUOC,
    ID12,
    OLD_ID,
    CodeKind,
    Identity,
    card_date,
    could_be_name,
    date_warnings,
    id_checks,
    is_date_shaped,
    is_name_like,
    sex_word,
    tidy,
    unique,
)

_STANDARD = ("id", "old_id", "name", "birth", "sex", "address", "issue")
_COPIED = ("id", "name", "birth", "sex", "address", "issue")
STANDARD_FIELDS = len(_STANDARD)
# Beyond this many fields the text is not a card (the identity card has 11).
_MAX_FIELDS = 12


def _fits(slot: str, value: str) -> bool:
    if not value:
        return True
    if slot == "id":
        return bool(ID12.fullmatch(value))
    if slot == "old_id":
        return bool(OLD_ID.fullmatch(value))
    if slot in ("birth", "issue"):
        return is_date_shaped(value)
    if slot == "sex":
        return sex_word(value) is not None
    if slot == "name":
        return could_be_name(value)
    # address: free text, but never a number, a date or a sex word that lost its slot
    return not (value.isdigit() or is_date_shaped(value) or sex_word(value) is not None)


def _by_layout(layout: tuple[str, ...], fields: list[str]) -> tuple[dict[str, str], int]:
    values = (fields + [""] * len(layout))[: len(layout)]
    slots = dict.fromkeys(_STANDARD, "")
    misfits = 0
    for slot, value in zip(layout, values, strict=True):
        if _fits(slot, value):
            slots[slot] = value
        else:
            slots[slot] = ""
            misfits += 1
    return slots, misfits


def _by_shape(fields: list[str]) -> tuple[dict[str, str], int]:
    """Each value by its own shape, in order; what fits nothing is counted, not placed."""
    slots = dict.fromkeys(_STANDARD, "")
    texts: list[str] = []
    for value in fields:
        if not value:
            continue
        if not slots["id"] and ID12.fullmatch(value):
            slots["id"] = value
        elif not slots["old_id"] and OLD_ID.fullmatch(value):
            slots["old_id"] = value
        elif is_date_shaped(value) and not slots["issue"]:
            slots["birth" if not slots["birth"] else "issue"] = value
        elif not slots["sex"] and sex_word(value) is not None:
            slots["sex"] = value
        else:
            texts.append(value)
    # A clean name first; a mangled one only when no value is clearly a name.
    name = next((v for v in texts if is_name_like(v) and sex_word(v) is None), "")
    name = name or next((v for v in texts if _fits("name", v)), "")
    if name:
        texts.remove(name)
        slots["name"] = name
    address = next((v for v in texts if _fits("address", v)), "")
    if address:
        texts.remove(address)
        slots["address"] = address
    return slots, len(texts)


def parse_id_card(raw: str, fields: list[str], today: date) -> Identity | None:
    """The card ``fields`` describe, or None when they are not an ID card's.

    Raises ``Reject`` for a card with an impossible date.
    """
    trimmed = list(fields)
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    if len(fields) > _MAX_FIELDS or len(trimmed) < 4:
        return None
    if not any(ID12.fullmatch(value) for value in trimmed):
        return None
    candidates: list[tuple[dict[str, str], int]] = []
    if ID12.fullmatch(trimmed[0]):
        # Only the holder's seven fields are read; the trailing ones are never looked at.
        candidates.append(_by_layout(_STANDARD, trimmed[:STANDARD_FIELDS]))
        if len(trimmed) <= len(_COPIED):
            candidates.append(_by_layout(_COPIED, trimmed))
    # A layout that fits all but one value is read with a warning; otherwise by shape.
    best = min(candidates, key=lambda c: c[1], default=None)
    if best is None or best[1] > 1:
        best = _by_shape(trimmed[:_MAX_FIELDS])
    slots, misfits = best
    if not slots["id"]:
        return None
    birth = card_date(slots["birth"])
    issue = card_date(slots["issue"])
    name = tidy(slots["name"])
    if name is None and birth is None:
        return None
    sex = sex_word(slots["sex"]) if slots["sex"] else None
    if issue is not None:
        kind = CodeKind.CANCUOC if issue >= CUTOVER_CANCUOC else CodeKind.CCCD
    else:
        # No issue date: only the identity card has more than seven fields.
        kind = CodeKind.CANCUOC if len(trimmed) > STANDARD_FIELDS else CodeKind.CCCD
    warnings = list(id_checks(slots["id"], birth.year if birth else None, sex))
    warnings += date_warnings(birth, issue, today)
    if misfits:
        warnings.append("unplaced_field")
    return Identity(
        kind=kind,
        raw=raw,
        id_number=slots["id"],
        old_id_number=slots["old_id"] or None,
        name=name,
        birth_date=birth,
        sex=sex,
        address=tidy(slots["address"]),
        issue_date=issue,
        warnings=unique(warnings),
    )
