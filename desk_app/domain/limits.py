"""How long each stored text may be: one table for the parser, the settings, the schema.

PostgreSQL refuses a value longer than its column while SQLite takes it, so without one
table a long name made every scan fail on the server and passed on a single desk. The
schema's column lengths are built from ``LIMITS``; storage cuts a longer value to its
limit when recording (``limit``); manual entry and ``config set`` refuse it (``too_long``).
"""

from __future__ import annotations

LIMITS: dict[str, int] = {
    # people
    "person_key": 200,
    "id_number": 64,
    "name": 200,
    "sex": 10,
    "phone": 40,
    "organisation": 200,
    # visits and scans
    "desk": 100,
    "checkpoint": 100,
    "purpose": 300,
    "host": 200,
    "code_kind": 20,
    "method": 20,
    "outcome": 20,
    "reason": 100,
    "text_head": 120,
    "journal_id": 64,
    # staff cards
    "staff_id": 64,
    "title": 200,
    "department": 200,
    "revoked_reason": 300,
    # settings, audit
    "setting_key": 100,
    "audit_action": 40,
    # the unit's name (settings, the province's table of reports) and report e-mails
    "unit_name": 300,
    "subject": 300,
}


def max_length(field: str) -> int:
    """The limit of ``field`` (a KeyError for a field not in the table: a programming error)."""
    return LIMITS[field]


def limit(field: str, value: str) -> str:
    """``value`` cut to the field's limit (whole characters, trailing spaces dropped)."""
    size = LIMITS[field]
    if len(value) <= size:
        return value
    return value[:size].rstrip()


def too_long(field: str, value: str) -> bool:
    """True when ``value`` would not fit: manual entry and settings refuse it."""
    return len(value) > LIMITS[field]
