"""Which spelling of a person's name to keep when two scans disagree.

A keyboard-type scanner can only type the letters its layout knows, so a Vietnamese name
may arrive with ``?`` in place of its letters, or as mojibake (UTF-8 read as Windows-1252:
'Nguyá»…n' for 'Nguyễn'). The person is matched by ID number; the better spelling is kept.
"""

from __future__ import annotations

import unicodedata

# Marks of a name that lost letters on the way: a question mark typed in place of a letter
# the keyboard layout lacks, and the replacement character of a failed decode.
_LOST = ("?", "\ufffd")


def _nfc(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


def repair_mojibake(name: str) -> str | None:
    """The name as it was meant, when it is UTF-8 that was read as Windows-1252 or
    Latin-1 ('Nguyá»…n' -> 'Nguyễn'); None when it is not such mojibake."""
    if name.isascii():
        return None
    data = bytearray()
    for ch in name:
        try:
            data += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None  # a real letter beyond Latin-1 (ễ, ơ, đ): not mojibake
            data.append(ord(ch))  # Latin-1 control range, which cp1252 leaves undefined
    try:
        fixed = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return _nfc(fixed) if fixed != name else None


def clean_name(name: str | None) -> str:
    """NFC, single spaces, mojibake repaired."""
    value = _nfc(name or "")
    return repair_mojibake(value) or value


def is_mangled(name: str | None) -> bool:
    """True when letters of the name were lost or garbled on the way (``?``, mojibake)."""
    value = _nfc(name or "")
    return any(mark in value for mark in _LOST) or repair_mojibake(value) is not None


def spelling_score(name: str | None) -> int:
    """How complete a spelling is: 0 empty, 1 mangled, 2 capitals without diacritics (the
    health app), 3 without diacritics, 4 capitals with diacritics, 5 as on the ID card."""
    value = _nfc(name or "")
    if not value:
        return 0
    if is_mangled(value):
        return 1
    marked = not value.isascii()
    capitals = value.isupper()
    return (4 if marked else 2) + (0 if capitals else 1)


def better_name(stored: str | None, scanned: str | None) -> str:
    """The spelling to keep: the scanned one only when it is more complete than the stored
    one (a mangled scan never overwrites a good name; a good scan repairs a mangled one)."""
    old = _nfc(stored or "")
    new = clean_name(scanned)
    if spelling_score(new) > spelling_score(old):
        return new
    return old
