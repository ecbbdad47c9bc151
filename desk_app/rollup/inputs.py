"""What the roll-up is given: unit workbooks, e-mails with one attached, folders of them."""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import io
import os
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from email.message import EmailMessage, Message
from pathlib import Path

from desk_app.i18n.system import os_error_text

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TNEF_TYPES = ("application/ms-tnef", "application/vnd.ms-tnef")
WORKBOOK_ENDINGS = (".xlsx", ".xlsm")
MAIL_ENDINGS = (".eml",)
# Reports in a form this program cannot read: in a folder they are listed, never skipped
# in silence (an old Excel file, another spreadsheet, an e-mail saved by Outlook).
UNREADABLE_ENDINGS = {".xls": "not_xlsx", ".xlsb": "not_xlsx", ".ods": "not_xlsx"}
OUTLOOK_ENDINGS = {".msg": "outlook_msg"}
# "Download all attachments" gives an archive: said so, so it is unpacked and read again.
ARCHIVE_ENDINGS = {".zip": "archive", ".rar": "archive", ".7z": "archive"}
ARCHIVE_TYPES = (
    "application/zip",
    "application/x-zip-compressed",
    "application/vnd.rar",
    "application/x-rar-compressed",
    "application/x-7z-compressed",
)
# In a folder, only these are taken; a PDF copy beside a workbook is not a second report.
FOLDER_ENDINGS = (
    WORKBOOK_ENDINGS
    + MAIL_ENDINGS
    + tuple(UNREADABLE_ENDINGS)
    + tuple(OUTLOOK_ENDINGS)
    + tuple(ARCHIVE_ENDINGS)
)


# Files beside the reports that are never one: the lock files of an open workbook, and the
# "._" companions (and their __MACOSX folder) in which a Mac keeps the Finder's notes.
NOT_REPORTS = ("~$", ".~lock", "._")
MAC_FOLDER = "__MACOSX"


@dataclass(frozen=True)
class InputFile:
    """One file to read: its bytes' hash, and the workbook inside (or why there is none)."""

    path: Path
    content_hash: str
    workbook: bytes | None
    error: str = ""  # a reason key when ``workbook`` is None
    detail: str = ""


def expand(paths: Sequence[Path]) -> Iterator[tuple[Path, str]]:
    """Each file given, and each workbook or e-mail in a folder (recursively, sorted).

    A path that does not exist comes back with the reason ``missing``.
    """
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in FOLDER_ENDINGS
                and not p.name.startswith(NOT_REPORTS)
                and MAC_FOLDER not in p.relative_to(path).parts
            )
            for item in found:
                yield item, ""
        elif path.is_file():
            yield path, ""
        else:
            yield path, "missing"


@dataclass
class _Found:
    """What a message holds: workbooks, and signs of attachments in a form not read."""

    workbooks: list[bytes]
    packed: bool = False  # attachments Outlook packed into winmail.dat (rich text)
    archived: bool = False  # the workbooks sent in a .zip (or .rar, .7z)


# How deep messages attached to messages are opened (a forward of a forward of a report).
MAX_ENCLOSED = 3


def _enclosed(part: EmailMessage) -> bytes | None:
    """A message attached as a file: a saved .eml sent as a generic file, or a forwarded
    message that its client encoded in base64 (the parser then sees only that text)."""
    if part.get_content_type() == "message/rfc822":
        encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
        inner = part.get_payload()
        if encoding != "base64" or not isinstance(inner, list) or not inner:
            return None
        text = inner[0].get_payload() if isinstance(inner[0], Message) else None
        try:
            return base64.b64decode(text) if isinstance(text, str) else None
        except ValueError:
            return None
    if part.is_multipart() or not (part.get_filename() or "").lower().endswith(MAIL_ENDINGS):
        return None
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else None


def _message(raw: bytes) -> EmailMessage | None:
    # A message copied out of a mail client ("show original") and saved by a text editor
    # may start with a byte-order mark or a blank line, before which no header can stand.
    raw = raw.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not message.keys():
        return None
    return message


def _found(message: EmailMessage, depth: int = 0) -> _Found:
    found = _Found([])
    for part in message.walk():
        enclosed = _enclosed(part)
        if enclosed is not None:
            inner = _message(enclosed) if depth < MAX_ENCLOSED else None
            if inner is not None:
                more = _found(inner, depth + 1)
                found.workbooks += more.workbooks
                found.packed = found.packed or more.packed
                found.archived = found.archived or more.archived
            continue
        if part.is_multipart():
            continue
        filename = (part.get_filename() or "").lower()
        found.packed = (
            found.packed or part.get_content_type() in TNEF_TYPES or filename == "winmail.dat"
        )
        found.archived = (
            found.archived
            or Path(filename).suffix in ARCHIVE_ENDINGS
            or part.get_content_type() in ARCHIVE_TYPES
        )
        named = filename.endswith(WORKBOOK_ENDINGS) or part.get_content_type() == XLSX_TYPE
        # Another kind of file by its name's ending (the PDF beside it), or a text.
        other = bool(Path(filename).suffix) or part.get_content_maintype() in ("text", "message")
        if not named and other:
            continue
        payload = part.get_payload(decode=True)
        # A part without a name or its ending ("noname", a generic type) is a workbook by
        # its content.
        if isinstance(payload, bytes) and payload and (named or _looks_like_xlsx(payload)):
            found.workbooks.append(payload)
    return found


def _attachment(raw: bytes) -> tuple[bytes | None, str, str]:
    message = _message(raw)
    if message is None:
        return None, "not_mail", ""
    result = _found(message)
    found, packed, archived = result.workbooks, result.packed, result.archived
    if not found:
        reason = "winmail" if packed else "archive" if archived else "no_attachment"
        return None, reason, ""
    # A forwarded message carries the workbook inside the original and often attached again.
    found = list(dict.fromkeys(found))
    if len(found) > 1:
        # A report sent beside a workbook that is no report (a staff list) is that report.
        reports = [content for content in found if _is_report(content)]
        if len(reports) != 1:
            return None, "several_attachments", str(len(reports) or len(found))
        found = reports
    return found[0], "", ""


def _is_report(content: bytes) -> bool:
    from desk_app.reports.report_data import UnreadableReport, read_report

    try:
        read_report(content)
    except UnreadableReport as exc:
        return exc.reason not in ("not_xlsx", "no_data")
    return True


def _looks_like_xlsx(content: bytes) -> bool:
    if not content.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def path_text(path: str | os.PathLike[str]) -> str:
    """A file's name as text that can be printed and stored. A zip made on Windows and
    unpacked on Linux gives names in the Windows code page, bytes that are not UTF-8: they
    are written as escapes ("B\\xe1o c\\xe1o.xlsx"), the same each time."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate of another kind (Windows)
            raw = text.encode("utf-8", "surrogatepass")
        return raw.decode("utf-8", "backslashreplace")
    return text


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def load(path: Path, content: bytes) -> InputFile:
    content_hash = digest(content)
    ending = path.suffix.lower()
    if ending in OUTLOOK_ENDINGS or ending in ARCHIVE_ENDINGS:
        reason = OUTLOOK_ENDINGS.get(ending) or ARCHIVE_ENDINGS[ending]
        return InputFile(path, content_hash, None, reason)
    if path.suffix.lower() in MAIL_ENDINGS or content[:2] != b"PK":
        if path.suffix.lower() in MAIL_ENDINGS:
            workbook, error, detail = _attachment(content)
            return InputFile(path, content_hash, workbook, error, detail)
        return InputFile(path, content_hash, None, "not_xlsx")
    return InputFile(path, content_hash, content)


def read(path: Path) -> InputFile:
    try:
        content = path.read_bytes()
    except OSError as exc:
        return InputFile(path, "", None, "cannot_read", os_error_text(exc))
    return load(path, content)
