"""What the command line shows a person in text mode: field labels in the chosen language and
dates as DD/MM/YYYY. Machine outputs (``--json``, CSV) keep English names and ISO dates."""

from __future__ import annotations

from datetime import date

from desk_app.domain.identity import Identity
from desk_app.i18n import CATALOGUE, t
from desk_app.i18n.vocabulary import kind_name
from desk_app.timeutil import format_date

# The fields of a parsed code, in the order shown; the extra ones only some cards carry.
IDENTITY_FIELDS = (
    "kind",
    "id_number",
    "old_id_number",
    "name",
    "birth_date",
    "birth_year",
    "sex",
    "address",
    "issue_date",
    "valid_from",
    "valid_to",
    "clinic",
    "issuing_place",
)
_EXTRA = ("birth_year", "valid_from", "issuing_place")


def label(field: str) -> str:
    """The field's name in the chosen language; an unknown field is shown as it is."""
    key = f"field.{field}"
    return t(key) if key in CATALOGUE else field


def shown_date(value: object) -> str:
    """A date (or an ISO date text) as DD/MM/YYYY; anything else as it is."""
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, str):
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def sex_name(value: str) -> str:
    key = f"person.sex.{value}"
    return t(key) if key in CATALOGUE else value


def identity_lines(identity: Identity) -> list[str]:
    """A parsed code as ``Label: value`` lines, then its warnings and reason with their codes."""
    values: dict[str, object] = {
        "kind": f"{kind_name(identity.kind.value)} ({identity.kind.value})",
        "id_number": identity.id_number,
        "old_id_number": identity.old_id_number,
        "name": identity.name,
        "birth_date": identity.birth_date and shown_date(identity.birth_date),
        "sex": identity.sex and sex_name(identity.sex),
        "address": identity.address,
        "issue_date": identity.issue_date and shown_date(identity.issue_date),
        "valid_to": identity.valid_to and shown_date(identity.valid_to),
        "clinic": identity.clinic,
    }
    # What a card says beyond the common fields: a birth year alone, the insurance card's
    # validity start and issuing place.
    for key in _EXTRA:
        extra = identity.extra.get(key)
        if extra:
            values[key] = shown_date(extra) if key == "valid_from" else extra
    lines = [
        f"{label(field)}: {values[field]}"
        for field in IDENTITY_FIELDS
        if values.get(field) not in (None, "")
    ]
    # Warnings and the reason in the operator's language, with the code for support.
    for warning in identity.warnings:
        lines.append(f"{label('warning')}: {t('warning.' + warning)} ({warning})")
    if identity.reason:
        lines.append(f"{label('reason')}: {t('reason.' + identity.reason)} ({identity.reason})")
    return lines
