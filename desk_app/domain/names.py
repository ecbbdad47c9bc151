"""Names: which spelling to keep, the folded form searches use, the Vietnamese sort order.

Which spelling: a keyboard-type scanner can only type the letters its layout knows, so a
Vietnamese name may arrive with ``?`` in place of its letters, or as mojibake (UTF-8 read as
Windows-1252: 'Nguyá»…n' for 'Nguyễn'). The person is matched by ID number; the better
spelling is kept.

``fold`` is what the window's filter and the stored ``people.name_folded`` column are made
with, so a search typed without diacritics finds the same people in both.
``sort_key`` orders names as a Vietnamese dictionary does: letters first (a ă â b c d đ e
ê ... o ô ơ ... u ư ...), tones only when the letters are equal (none, huyền, hỏi, ngã,
sắc, nặng).
"""

from __future__ import annotations

import re
import unicodedata

# Marks of a name that lost letters on the way: a question mark typed in place of a letter
# the keyboard layout lacks, and the replacement character of a failed decode.
_LOST = ("?", "\ufffd")
# What is left of mojibake that lost a byte on the way (a control character dropped, a
# no-break space folded into a space), so that it can no longer be read back: a character
# that is a UTF-8 lead byte read in a Windows code page ('Ã', 'Ä', 'á'; 'Ă', 'Ơ' in the
# Vietnamese one) followed by one that is a continuation byte ('»', 'º', '‹'). No name is
# written with such a pair.
_LEAD = "\u00c2-\u00f4\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af"
_CONTINUATION = "".join(
    bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(0x80, 0xC0)
)
_BROKEN_MOJIBAKE = re.compile(f"[{_LEAD}][{re.escape(_CONTINUATION)}]")


# Every character a byte can be read as in those code pages (an undefined byte as its
# Latin-1 character): a text holding any other ('ễ', 'ơ' precomposed) is no mojibake, which
# most real names tell at the first such letter without trying each code page.
_READ_AS = {chr(byte) for byte in range(0x80, 0x100)} | {
    bytes([byte]).decode(code_page, errors="ignore")
    for code_page in ("cp1252", "cp1258")
    for byte in range(0x80, 0x100)
}
_NOT_MOJIBAKE = re.compile("[^\x00-\x7f" + re.escape("".join(sorted(_READ_AS - {""}))) + "]")


def _nfc(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


def _as_bytes(text: str, code_page: str) -> bytes | None:
    """The bytes ``text`` was read from in ``code_page``, or None when it cannot be them."""
    data = bytearray()
    for ch in text:
        try:
            data += ch.encode(code_page)
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None  # a real letter beyond the code page (ễ, ơ, đ): not mojibake
            data.append(ord(ch))  # a byte the code page leaves undefined, as Latin-1 has it
    return bytes(data)


def undo_mojibake(text: str) -> str | None:
    """``text`` as it was meant, when it is UTF-8 that was read in a Windows code page
    (Western 1252 or Vietnamese 1258) or as Latin-1 ('Nguyá»…n' -> 'Nguyễn'), spaces and
    control characters as they are; None when it is not such mojibake.

    Bytes that the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D: the second byte
    of 'Đ', of 'ề') arrive as the Latin-1 control characters, and 0xA0 (the second byte of
    'à') as a no-break space: both have to be read back before anything drops or folds them.
    """
    if text.isascii() or _NOT_MOJIBAKE.search(text):
        return None
    for code_page in ("cp1252", "cp1258"):
        data = _as_bytes(text, code_page)
        if data is None:
            continue
        try:
            fixed = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if fixed != text:
            return fixed
    return None


def repair_mojibake(name: str) -> str | None:
    """The name as it was meant, when it is UTF-8 that was read as Windows-1252 or
    Latin-1 ('Nguyá»…n' -> 'Nguyễn'); None when it is not such mojibake."""
    fixed = undo_mojibake(name)
    return _nfc(fixed) if fixed is not None else None


def _caps_lock_undone(value: str) -> str | None:
    """The name as the card writes it, when a keyboard-type scanner typed it with Caps Lock
    on ('nGUYỄN vĂN aN' -> 'Nguyễn Văn An'); None when its case is not so inverted. A name
    all in small letters is left as it is: it may as well have been typed so."""
    if value.istitle() or value.islower() or not any(ch.isalpha() for ch in value):
        return None
    swapped = value.swapcase()
    return swapped if swapped.istitle() else None


def clean_name(name: str | None) -> str:
    """NFC, single spaces, mojibake repaired, the case Caps Lock inverted put back."""
    value = _nfc(name or "")
    value = repair_mojibake(value) or value
    return _caps_lock_undone(value) or value


def is_mangled(name: str | None) -> bool:
    """True when letters of the name were lost or garbled on the way (``?``, mojibake, the
    case inverted by Caps Lock)."""
    value = _nfc(name or "")
    return (
        any(mark in value for mark in _LOST)
        or repair_mojibake(value) is not None
        or _BROKEN_MOJIBAKE.search(value) is not None
        or _caps_lock_undone(value) is not None
    )


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


# Marks that make a different letter (ă â ê ô ơ ư) versus marks that give a tone.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
_TONES = {
    "\u0300": 1,  # huyền (grave)
    "\u0309": 2,  # hỏi (hook above)
    "\u0303": 3,  # ngã (tilde)
    "\u0301": 4,  # sắc (acute)
    "\u0323": 5,  # nặng (dot below)
}
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_ORDER = {letter: index for index, letter in enumerate(_ALPHABET)}


def fold(text: str) -> str:
    """Lower case without Vietnamese diacritics: 'nguyen' finds 'Nguyễn', 'dang' 'Đặng'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def holds_name(text: str, name: str) -> bool:
    """True when ``text`` holds ``name`` as whole words, case and diacritics folded: 'Lê An'
    is in 'random LE AN text', not in 'LÊ ANH TUẤN' (a longer name is someone else)."""
    needle = fold(name)
    if not needle:
        return False
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", fold(text)) is not None


def _split(char: str) -> tuple[str, int]:
    """A character's letter (with ă â ê ô ơ ư đ kept apart) and its tone (0 = none)."""
    decomposed = unicodedata.normalize("NFD", char.casefold())
    base = "".join(c for c in decomposed if c not in _TONES)
    tone = next((_TONES[c] for c in decomposed if c in _TONES), 0)
    return unicodedata.normalize("NFC", base), tone


def _letter_rank(letter: str) -> tuple[int, int | str]:
    if letter in _ORDER:
        return (2, _ORDER[letter])
    if letter.isspace():
        return (0, 0)
    if letter.isdigit():
        return (1, letter)
    return (3, letter)


def sort_key(name: str) -> tuple[object, ...]:
    """Vietnamese dictionary order: letters first, then tones, then case."""
    letters: list[tuple[int, int | str]] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFC", " ".join(name.split())):
        letter, tone = _split(char)
        for part in letter:
            if part in _LETTER_MARKS:
                continue
            letters.append(_letter_rank(part))
        tones.append(tone)
    return (tuple(letters), tuple(tones), name)
