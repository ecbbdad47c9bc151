"""Does a typed burst look like a code? Decides whether silence may end a keyboard scan.

A keyboard-mode scanner that sends no Enter leaves only silence to end its text, and a fast
typist or a key rollover also makes short fast bursts. Silence therefore ends a scan only
when the text has the shape of a code the desk knows: one of the unit's own codes, a text
the payload parser recognises, or ``|``-separated fields that carry a card's number. A
shape the parser refuses for a reason of its own (a bad date, a mangled name) still counts:
the operator then sees why it was refused instead of finding it typed into a field.
"""

from __future__ import annotations

import re

from desk_app.domain import own_codes
from desk_app.domain.payloads import parse, without_symbology

# Reasons that say "this is not any known layout"; any other reason names a broken code.
_NOT_A_LAYOUT = frozenset({"empty", "unknown_format", "internal_error", "too_long"})
# A card's own number: a 9-12 digit ID or old ID, a 10-digit or 15-character insurance code.
_CARD_NUMBER = re.compile(r"\d{9,12}|[A-Z]{2}\d{13}", re.ASCII)
MIN_FIELDS = 4  # the shortest card layout (PC-Covid) has six; a typed "a|b" is not a card


def looks_like_code(text: str) -> bool:
    """True when ``text`` has the shape of a code the desk knows (not necessarily valid)."""
    text = without_symbology(text.replace("\ufeff", "").strip())
    if not text:
        return False
    if own_codes.looks_like_own_code(text):
        return True
    if "|" not in text:
        return False
    identity = parse(text)
    if identity.recognised or (identity.reason or "") not in _NOT_A_LAYOUT:
        return True
    fields = [field.strip() for field in text.split("|")]
    return len(fields) >= MIN_FIELDS and any(_CARD_NUMBER.fullmatch(f) for f in fields)
