"""Compiling the window's translation sources (``.ts``) into Qt's binary form (``.qm``).

The same file ``lrelease`` writes (all of each message kept: context, source and comment),
made with the standard library alone, so that building the wheel in a bare build
environment, where no Qt tools are installed, still packs the window's translations.
Unfinished messages without a translation, and obsolete or vanished ones, are left out, as
``lrelease`` leaves them out.
"""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
TAG_END, TAG_TRANSLATION, TAG_SOURCE, TAG_CONTEXT, TAG_COMMENT = 1, 3, 6, 7, 8
SECTION_HASHES, SECTION_MESSAGES, SECTION_NUMERUS, SECTION_LANGUAGE = 0x42, 0x69, 0x88, 0xA7
# Plural rules in Qt's byte code: English "n == 1" picks the first form, Vietnamese has one.
NUMERUS_RULES = {"en": bytes([0x01, 1]), "vi": b""}
LEFT_OUT = ("obsolete", "vanished")


def elf_hash(data: bytes) -> int:
    """Qt's hash of a message's source text and comment (``elfHash`` in qtranslator.cpp)."""
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def _text(element: ET.Element | None) -> str:
    return "" if element is None else "".join(element.itertext())


def _messages(root: ET.Element) -> dict[tuple[bytes, bytes, bytes], list[str]]:
    found: dict[tuple[bytes, bytes, bytes], list[str]] = {}
    for context in root.iter("context"):
        name = _text(context.find("name")).encode("utf-8")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            kind = translation.get("type", "")
            if kind in LEFT_OUT:
                continue
            if message.get("numerus") == "yes":
                forms = [_text(form) for form in translation.iter("numerusform")]
            else:
                forms = [_text(translation)]
            if kind == "unfinished" and not any(forms):
                continue
            source = _text(message.find("source")).encode("utf-8")
            comment = _text(message.find("comment")).encode("utf-8")
            found[(name, source, comment)] = forms
    return found


def _bytes(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def compile_ts(ts: bytes) -> bytes:
    """The ``.qm`` bytes of a ``.ts`` file's content."""
    root = ET.fromstring(ts)
    language = (root.get("language") or "").split("_")[0]
    if language not in NUMERUS_RULES:
        raise ValueError(f"no plural rules for language {language!r}")
    messages = bytearray()
    offsets: list[tuple[int, int]] = []
    # Messages in lrelease's order (context, source, comment: byte order), each with all of
    # its parts, so that Qt can tell apart two messages whose hashes meet.
    for (context, source, comment), forms in sorted(_messages(root).items()):
        offsets.append((elf_hash(source + comment), len(messages)))
        for form in forms:
            messages += bytes([TAG_TRANSLATION]) + _bytes(form.encode("utf-16-be"))
        messages += bytes([TAG_COMMENT]) + _bytes(comment)
        messages += bytes([TAG_SOURCE]) + _bytes(source)
        messages += bytes([TAG_CONTEXT]) + _bytes(context)
        messages += bytes([TAG_END])
    hashes = b"".join(struct.pack(">II", h, offset) for h, offset in sorted(offsets))
    out = bytearray(MAGIC)
    sections = [
        (SECTION_LANGUAGE, language.encode("ascii")),
        (SECTION_HASHES, hashes),
        (SECTION_MESSAGES, bytes(messages)),
        (SECTION_NUMERUS, NUMERUS_RULES[language]),
    ]
    for tag, data in sections:
        if data:
            out += bytes([tag]) + _bytes(data)
    return bytes(out)


def compile_file(ts: Path, qm: Path) -> Path:
    """Write the ``.qm`` of ``ts`` to ``qm``."""
    qm.write_bytes(compile_ts(ts.read_bytes()))
    return qm
