"""Sorting as Vietnamese readers expect: the alphabet's own order, tones second.

The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y: "Đông" comes
after every "D..." and "Ân" after every "Ă...". Tone marks only decide between words that
are otherwise the same (order: none, huyền, hỏi, ngã, sắc, nặng); case last. Numbers in
names count as numbers: "Tổ 2" before "Tổ 10".
"""

from __future__ import annotations

import unicodedata

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER = {letter: index for index, letter in enumerate(ALPHABET)}
# Tone marks, in their order; vowel shapes (breve, circumflex, horn) belong to the letter.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_OTHER = len(ALPHABET)  # letters outside the alphabet (f, j, w, z) and digits, after it


def _letters(text: str) -> list[tuple[str, int, bool]]:
    """(base letter with its shape, tone, upper case) per character."""
    out: list[tuple[str, int, bool]] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            if not out:
                continue
            base, tone, upper = out[-1]
            if char in _TONES:
                out[-1] = (base, _TONES[char], upper)
            elif char == "\u0302" and base in "aeo":
                out[-1] = ({"a": "â", "e": "ê", "o": "ô"}[base], tone, upper)
            elif char == "\u0306" and base == "a":
                out[-1] = ("ă", tone, upper)
            elif char == "\u031b" and base in "ou":
                out[-1] = ({"o": "ơ", "u": "ư"}[base], tone, upper)
            continue
        lower = char.lower()
        out.append((lower, 0, char != lower))
    return out


def _primary(base: str) -> tuple[int, int]:
    if base in _LETTER:
        return (1, _LETTER[base])
    if base.isdigit():
        return (0, ord(base))
    if base.isalpha():
        return (1, _OTHER + ord(base))
    return (-1, ord(base))  # spaces and punctuation before letters: "Ba Bể" < "Bach"


def _primaries(letters: list[tuple[str, int, bool]]) -> tuple[tuple[int, int], ...]:
    """Each letter's place; a run of digits is one number ("số 17" before "số 113")."""
    out: list[tuple[int, int]] = []
    digits = ""
    for base, _, _ in letters:
        if base.isdigit() and base.isascii():
            digits += base
            continue
        if digits:
            out.append((0, int(digits)))
            digits = ""
        out.append(_primary(base))
    if digits:
        out.append((0, int(digits)))
    return tuple(out)


def sort_key(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], tuple[bool, ...]]:
    letters = _letters(" ".join(text.split()))
    return (
        _primaries(letters),
        tuple(tone for _, tone, _ in letters),
        tuple(upper for _, _, upper in letters),
    )


def spelling_key(text: str) -> tuple[tuple[str, int], ...]:
    """The words as letters and tone, whatever the case or the tone mark's place: "Hòa",
    "Hoà" (the old placement) and "HÒA" are one word."""
    key: list[tuple[str, int]] = []
    for word in text.split():
        letters = _letters(word)
        tone = max((tone for _, tone, _ in letters), default=0)
        key.append(("".join(base for base, _, _ in letters), tone))
    return tuple(key)


def plain(text: str) -> str:
    """Lower case without any marks (đ -> d): for matching column headers."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
