"""What the command line shows a person in text mode: field labels in the chosen language and
dates as DD/MM/YYYY. Machine outputs (``--json``, CSV) keep English names and ISO dates."""

from __future__ import annotations

from datetime import date, datetime

from desk_app.domain.identity import Identity
from desk_app.domain.week import Period, describe, parse_week
from desk_app.i18n import CATALOGUE, t
from desk_app.i18n.vocabulary import kind_name, method_name, outcome_name, reason_name
from desk_app.timeutil import format_date, format_datetime

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


def shown_datetime(value: object) -> str:
    """A moment (or an ISO text of one) as DD/MM/YYYY HH:MM:SS local time; empty as "-"."""
    if value in (None, ""):
        return "-"
    if isinstance(value, str):
        try:
            return format_datetime(datetime.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, datetime):
        return format_datetime(value)
    return shown_date(value)


def period_name(label: str) -> str:
    """A report's period as a person reads it: ``2021-W41`` is "Tuần từ 11 đến 17/10/2021"."""
    try:
        if "_" in label:
            first, last = (date.fromisoformat(part) for part in label.split("_", 1))
            return describe(Period(first, last))
        return describe(parse_week(label))
    except (ValueError, TypeError):
        return label


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


def direction_name(direction: str) -> str:
    key = f"direction.{direction}"
    return t(key) if key in CATALOGUE else direction


def action_name(action: str) -> str:
    """What an audit record says was done, with its code (what support and a search know)."""
    key = f"action.{action}"
    return f"{t(key)} ({action})" if key in CATALOGUE else action


_PERSON_DATES = ("birth_date",)
_PERSON_MOMENTS = ("first_seen", "updated")


def person_lines(person: dict[str, object]) -> list[str]:
    """A person's own fields as ``Label: value`` lines."""
    lines = []
    for key, value in person.items():
        if value in (None, ""):
            continue
        shown: object = value
        if key in _PERSON_DATES:
            shown = shown_date(value)
        elif key in _PERSON_MOMENTS:
            shown = shown_datetime(value)
        elif key == "sex":
            shown = sex_name(str(value))
        lines.append(f"{label(key)}: {shown}")
    return lines


def visit_line(v: dict[str, object]) -> str:
    return (
        f"  {shown_datetime(v['entry_at'])}  {shown_datetime(v['exit_at'])}  "
        f"{kind_name(str(v['kind'] or ''))}  {v['desk']}"
    )


def scan_line(e: dict[str, object]) -> str:
    return (
        f"  {shown_datetime(e['at'])}  {outcome_name(str(e['outcome'] or ''))}  "
        f"{method_name(str(e['method'] or ''))}  {reason_name(str(e['reason'] or ''))}  "
        f"{e['text'] or ''}"
    ).rstrip()
