"""Taking one person out of a kept report e-mail: their rows leave the attached workbook.

Works on the workbook's XML (not through openpyxl, which would drop the chart): every
worksheet row that names the person is removed, and any shared string that does is blanked.
A row names the person when a cell holds their ID number, or holds their name while the
row's ID cell (if any) is theirs or masked like theirs.
"""

from __future__ import annotations

import email
import email.policy
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from html import unescape

from desk_app.domain.names import clean_name, fold, holds_name
from desk_app.domain.visits import mask_id

_ROW_RE = re.compile(r"<row\b[^>]*?(?:/>|>.*?</row>)", re.S)
_CELL_RE = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_TEXT_RE = re.compile(r"<(?:t|v)\b[^>]*>(.*?)</(?:t|v)>", re.S)
_SI_RE = re.compile(r"<si>.*?</si>", re.S)
_SHEET_RE = re.compile(r"xl/worksheets/sheet\d+\.xml")
_MASKED_RE = re.compile(r"^\w*\*{2,}\w*$")
_LOST = "?\ufffd"  # a letter a keyboard-type scanner could not type, a failed decode


def same_name(cell: str, name: str) -> bool:
    """Whether a cell holds ``name``: folded for case and diacritics, or as a keyboard-type
    scanner or mojibake left it ('Nguy?n V?n Minh', 'Nguyá»…n') in a report kept before the
    desk learnt the right spelling, with most of its letters still there."""
    folded = fold(name)
    value = fold(clean_name(cell))
    if not folded or value == folded:
        return bool(folded)
    lost = sum(value.count(mark) for mark in _LOST)
    known = sum(1 for c in value if c not in _LOST and not c.isspace())
    if not lost or known < 3 or lost >= known:
        return False
    pattern = "".join("." if c in _LOST else re.escape(c) for c in value)
    return re.fullmatch(pattern, folded) is not None


@dataclass(frozen=True)
class Who:
    name: str
    id_number: str | None

    def row_names(self, cells: Sequence[str]) -> bool:
        number = self.id_number or ""
        if number and len(number) >= 6 and any(number in c for c in cells):
            return True
        if not self.name:
            return False
        if not any(same_name(c, self.name) for c in cells):
            return False
        masked = [c.strip() for c in cells if _MASKED_RE.match(c.strip())]
        return not masked or (bool(number) and mask_id(number) in masked)

    def mentions(self, text: str) -> bool:
        number = self.id_number or ""
        return bool(
            (number and len(number) >= 6 and number in text)
            or (self.name and holds_name(text, self.name))
        )


def _strings(archive: zipfile.ZipFile) -> list[str]:
    try:
        xml = archive.read("xl/sharedStrings.xml").decode("utf-8")
    except KeyError:
        return []
    return [unescape("".join(_TEXT_RE.findall(si))) for si in _SI_RE.findall(xml)]


def _cell_texts(row_xml: str, strings: list[str]) -> list[str]:
    texts = []
    for attrs, inner in _CELL_RE.findall(row_xml):
        value = unescape("".join(_TEXT_RE.findall(inner or "")))
        if 't="s"' in attrs and value.strip().isdigit():
            index = int(value)
            value = strings[index] if index < len(strings) else ""
        texts.append(value)
    return texts


def _shared_indexes(row_xml: str) -> set[int]:
    found = set()
    for attrs, inner in _CELL_RE.findall(row_xml):
        value = "".join(_TEXT_RE.findall(inner or "")).strip()
        if 't="s"' in attrs and value.isdigit():
            found.add(int(value))
    return found


def redact_workbook(content: bytes, who: Who) -> tuple[bytes, int]:
    """The workbook without the person's rows; and how many rows were removed."""
    source = zipfile.ZipFile(io.BytesIO(content))
    strings = _strings(source)
    removed = 0
    still_used: set[int] = set()
    files: dict[str, bytes] = {}
    for info in source.infolist():
        data = source.read(info.filename)
        if _SHEET_RE.fullmatch(info.filename):

            def drop(match: re.Match[str]) -> str:
                nonlocal removed
                if who.row_names(_cell_texts(match.group(0), strings)):
                    removed += 1
                    return ""
                still_used.update(_shared_indexes(match.group(0)))
                return match.group(0)

            data = _ROW_RE.sub(drop, data.decode("utf-8")).encode("utf-8")
        files[info.filename] = data
    if "xl/sharedStrings.xml" in files:
        # A string of theirs that no kept row uses any more is blanked.
        index = -1

        def blank(match: re.Match[str]) -> str:
            nonlocal index
            index += 1
            text = unescape("".join(_TEXT_RE.findall(match.group(0))))
            if index not in still_used and who.mentions(text):
                return "<si><t></t></si>"
            return match.group(0)

        xml = files["xl/sharedStrings.xml"].decode("utf-8")
        files["xl/sharedStrings.xml"] = _SI_RE.sub(blank, xml).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, files[info.filename])
    return out.getvalue(), removed


def redact_message(raw: bytes, who: Who) -> bytes | None:
    """The message with the person taken out of its workbook; None when it holds nothing
    of theirs."""
    message = email.message_from_bytes(raw, policy=email.policy.SMTP)
    changed = False
    for part in message.walk():
        filename = part.get_filename() or ""
        if not filename.lower().endswith(".xlsx"):
            continue
        content = part.get_payload(decode=True)
        if not isinstance(content, bytes):
            continue
        redacted, removed = redact_workbook(content, who)
        if removed or redacted != content and _differs(content, redacted):
            maintype, subtype = part.get_content_type().split("/", 1)
            part.set_content(
                redacted, maintype, subtype, disposition="attachment", filename=filename
            )
            changed = True
    for part in message.walk():
        if part.get_content_maintype() == "text" and not part.is_multipart():
            text = part.get_content()
            if who.mentions(text):
                part.set_content("", cte="quoted-printable")
                changed = True
    return message.as_bytes(policy=email.policy.SMTP) if changed else None


def _differs(before: bytes, after: bytes) -> bool:
    a, b = zipfile.ZipFile(io.BytesIO(before)), zipfile.ZipFile(io.BytesIO(after))
    return any(a.read(n) != b.read(n) for n in a.namelist())
