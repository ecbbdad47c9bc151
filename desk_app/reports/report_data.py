"""The machine-readable part of a unit's weekly workbook, and reading it back.

A workbook carries its figures twice over for machines: custom document properties
(``docProps/custom.xml``, read without opening the sheets) and a hidden sheet of key/value
rows (for people who open it, and for readers that lose document properties). Reading back
never depends on cell positions or on the language of the labels.
"""

from __future__ import annotations

import io
import logging
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from xml.etree import ElementTree

from openpyxl import Workbook, load_workbook
from openpyxl.packaging.custom import IntProperty, StringProperty

from desk_app.reports.weekly import Figures
from desk_app.settings import CODE_RE
from desk_app.timeutil import in_log_range

log = logging.getLogger(__name__)

FORMAT = "desk_app.weekly_report"
FORMAT_VERSION = 1
DATA_SHEET = "desk_app_data"
PREFIX = "desk_app."  # custom property names
_CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
# Keys whose values are whole numbers.
NUMBERS = (
    "format_version",
    "scans",
    "entries",
    "exits",
    "people",
    "qr_entries",
    "manual_entries",
    "scans_by_code",
    "scans_by_hand",
    "previous_scans",
    "previous_scans_by_code",
    "previous_scans_by_hand",
)


class UnreadableReport(ValueError):
    """Not a weekly workbook of this program; ``reason`` is a message key's last part."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def valid_code(code: str) -> bool:
    """A point code as the province gives it: letters, digits, ``. _ / -``, at most 32."""
    return bool(CODE_RE.match(code))


def _by_code(by_method: dict[str, int]) -> int:
    return int(by_method.get("camera", 0)) + int(by_method.get("scanner", 0))


@dataclass(frozen=True)
class UnitReport:
    """What the province reads out of one unit's workbook."""

    unit_code: str
    unit_name: str
    week: str  # ISO week label, e.g. 2021-W41
    first_day: date
    last_day: date
    made_at: datetime  # when the unit made the workbook (a re-sent one is later)
    scans: int
    scans_by_code: int
    scans_by_hand: int
    entries: int = 0
    exits: int = 0
    people: int = 0
    qr_entries: int = 0
    manual_entries: int = 0
    previous_scans: int | None = None
    agency: str = ""
    days: dict[str, int] = field(default_factory=dict)  # ISO date -> scans

    def as_pairs(self) -> list[tuple[str, Any]]:
        pairs: list[tuple[str, Any]] = [
            ("format", FORMAT),
            ("format_version", FORMAT_VERSION),
            ("unit_code", self.unit_code),
            ("unit_name", self.unit_name),
            ("unit_agency", self.agency),
            ("week", self.week),
            ("first_day", self.first_day.isoformat()),
            ("last_day", self.last_day.isoformat()),
            ("made_at", self.made_at.isoformat()),
            ("scans", self.scans),
            ("scans_by_code", self.scans_by_code),
            ("scans_by_hand", self.scans_by_hand),
            ("entries", self.entries),
            ("exits", self.exits),
            ("people", self.people),
            ("qr_entries", self.qr_entries),
            ("manual_entries", self.manual_entries),
        ]
        if self.previous_scans is not None:
            pairs.append(("previous_scans", self.previous_scans))
        pairs += [(f"day.{day}", count) for day, count in sorted(self.days.items())]
        return pairs


def from_figures(
    figures: Figures, *, code: str, name: str, agency: str, made_at: datetime
) -> UnitReport:
    previous = figures.previous
    return UnitReport(
        unit_code=code,
        unit_name=name,
        agency=agency,
        week=figures.period.label,
        first_day=figures.period.first,
        last_day=figures.period.last,
        made_at=made_at,
        scans=figures.scans,
        scans_by_code=_by_code(figures.by_method),
        scans_by_hand=figures.scans - _by_code(figures.by_method),
        entries=figures.entries,
        exits=figures.exits,
        people=figures.people,
        qr_entries=figures.qr_entries,
        manual_entries=figures.manual_entries,
        previous_scans=None if previous is None else previous.scans,
        days={d.day.isoformat(): d.scans for d in figures.days},
    )


# Excel keeps at most 255 characters in a custom property's text and calls a longer one
# damaged; the hidden sheet holds the whole value, and is read for one cut short.
MAX_PROPERTY_CHARS = 255


def attach(wb: Workbook, report: UnitReport) -> None:
    """Add the hidden key/value sheet and the custom document properties to ``wb``."""
    ws = wb.create_sheet(DATA_SHEET)
    ws.sheet_state = "hidden"
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 30
    for row, (key, value) in enumerate(report.as_pairs(), start=1):
        ws.cell(row=row, column=1, value=key)
        cell = ws.cell(row=row, column=2, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # a name starting with "=" stays text
    for key, value in report.as_pairs():
        name = PREFIX + key
        if isinstance(value, int):
            wb.custom_doc_props.append(IntProperty(name=name, value=value))
        else:
            text = str(value)[:MAX_PROPERTY_CHARS]
            wb.custom_doc_props.append(StringProperty(name=name, value=text))


# ----- reading back -------------------------------------------------------------------
# What the parts read here unpack to at most: the properties are a few kilobytes, a whole
# report with a large Detail sheet some tens of megabytes. A file that says it unpacks to
# more is damaged or forged (a "zip bomb") and is refused before anything is unpacked.
MAX_PROPERTIES_BYTES = 1_000_000
MAX_WORKBOOK_BYTES = 1_000_000_000


def _check_sizes(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    properties = [i for i in infos if i.filename == "docProps/custom.xml"]
    if any(i.file_size > MAX_PROPERTIES_BYTES for i in properties):
        raise UnreadableReport("not_xlsx", "docProps/custom.xml")
    if sum(i.file_size for i in infos) > MAX_WORKBOOK_BYTES:
        raise UnreadableReport("not_xlsx", f"{len(infos)} parts")


def _custom_pairs(archive: zipfile.ZipFile) -> dict[str, str] | None:
    try:
        xml = archive.read("docProps/custom.xml")
    except KeyError:
        return None
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return None
    pairs: dict[str, str] = {}
    for prop in root.iter(f"{_CUSTOM_NS}property"):
        name = prop.get("name") or ""
        if name.startswith(PREFIX) and len(prop):
            pairs[name[len(PREFIX) :]] = (prop[0].text or "").strip()
    return pairs if pairs.get("format") == FORMAT else None


def _with_whole_values(pairs: dict[str, str], content: bytes) -> dict[str, str]:
    """The properties, with each text cut at Excel's limit taken whole from the hidden sheet
    (where the sheet still has it and it begins the same)."""
    try:
        sheet = _sheet_pairs(content) or {}
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        log.info("hidden sheet not readable: %r", exc)
        return pairs
    whole = dict(pairs)
    for key, value in pairs.items():
        full = sheet.get(key, "")
        if len(value) >= MAX_PROPERTY_CHARS and len(full) > len(value) and full.startswith(value):
            whole[key] = full
    return whole


# How far down a sheet the "format" row is looked for, in a sheet not named as ours.
FORMAT_SEARCH_ROWS = 20


def _pairs_of(ws: Any, rows: int | None = None) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for row in ws.iter_rows(min_col=1, max_col=2, max_row=rows, values_only=True):
        key, value = (*row, None, None)[:2]
        if key is not None:
            pairs[str(key).strip()] = "" if value is None else str(value).strip()
    return pairs


def _sheet_pairs(content: bytes) -> dict[str, str] | None:
    """The key/value rows of the data sheet. A workbook re-saved by hand may have lost the
    document properties and had the sheet shown and renamed: a sheet of another name whose
    rows start with the format's own key is read as well."""
    wb = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        names = sorted(wb.sheetnames, key=lambda name: name != DATA_SHEET)
        for name in names:
            ws = wb[name]
            if name != DATA_SHEET and _pairs_of(ws, FORMAT_SEARCH_ROWS).get("format") != FORMAT:
                continue
            pairs = _pairs_of(ws)
            if pairs.get("format") == FORMAT:
                return pairs
        return None
    finally:
        wb.close()


# More than any point scans in a week, and within every database's integer column: a
# larger figure comes from a damaged or forged file, and would stop the whole roll-up.
MAX_FIGURE = 1_000_000_000


def _int(pairs: dict[str, str], key: str, default: int | None = 0) -> int | None:
    text = pairs.get(key, "")
    if text == "":
        if default is None:
            return None
        return default
    try:
        number = int(float(text))
    except (ValueError, OverflowError):  # not a number, or infinite
        raise UnreadableReport("bad_value", f"{key}={text[:40]}") from None
    if not 0 <= number <= MAX_FIGURE:
        raise UnreadableReport("bad_value", f"{key}={text[:40]}")
    return number


def _report(pairs: dict[str, str]) -> UnitReport:
    version = _int(pairs, "format_version") or 0
    if version > FORMAT_VERSION:
        raise UnreadableReport("newer_format", str(version))
    code = pairs.get("unit_code", "").strip().upper()
    if not code:
        # Named by its unit: a mail's file name does not say who to call.
        raise UnreadableReport("no_code", " ".join(pairs.get("unit_name", "").split())[:200])
    try:
        first = date.fromisoformat(pairs["first_day"])
        last = date.fromisoformat(pairs["last_day"])
        made_at = datetime.fromisoformat(pairs["made_at"])
        if made_at.tzinfo is None:
            made_at = made_at.replace(tzinfo=UTC)
        if not all(in_log_range(day) for day in (first, last, made_at.astimezone(UTC).date())):
            raise ValueError("a day no log can hold")
    except (KeyError, ValueError, OverflowError):
        raise UnreadableReport("bad_value", "first_day/last_day/made_at") from None
    scans = _int(pairs, "scans") or 0
    by_code = _int(pairs, "scans_by_code") or 0
    by_hand = _int(pairs, "scans_by_hand", None)
    days: dict[str, int] = {}
    for key in pairs:
        if key.startswith("day."):
            days[key[4:]] = _int(pairs, key) or 0
    return UnitReport(
        unit_code=code,
        unit_name=pairs.get("unit_name", ""),
        agency=pairs.get("unit_agency", ""),
        week=pairs.get("week", ""),
        first_day=first,
        last_day=last,
        made_at=made_at,
        scans=scans,
        scans_by_code=by_code,
        scans_by_hand=scans - by_code if by_hand is None else by_hand,
        entries=_int(pairs, "entries") or 0,
        exits=_int(pairs, "exits") or 0,
        people=_int(pairs, "people") or 0,
        qr_entries=_int(pairs, "qr_entries") or 0,
        manual_entries=_int(pairs, "manual_entries") or 0,
        previous_scans=_int(pairs, "previous_scans", None),
        days=days,
    )


def read_report(content: bytes) -> UnitReport:
    """The figures of a unit's workbook. Raises ``UnreadableReport``."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        raise UnreadableReport("not_xlsx") from None
    try:
        _check_sizes(archive)
        pairs = _custom_pairs(archive)
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise UnreadableReport("not_xlsx", str(exc)) from None
    if pairs is not None and any(len(v) >= MAX_PROPERTY_CHARS for v in pairs.values()):
        pairs = _with_whole_values(pairs, content)
    if pairs is None:
        try:
            pairs = _sheet_pairs(content)
        except Exception as exc:  # openpyxl raises many kinds on a damaged file
            log.warning("workbook not readable: %r", exc)
            raise UnreadableReport("not_xlsx", type(exc).__name__) from None
    if pairs is None:
        raise UnreadableReport("no_data")
    return _report(pairs)
