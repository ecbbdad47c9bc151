"""The rules of the desk: who a code is, whether a scan is an entry, an exit or a repeat."""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from desk_app.domain.identity import visible
from desk_app.domain.limits import too_long
from desk_app.domain.payloads import CodeKind, Identity


class Method(StrEnum):
    CAMERA = "camera"
    SCANNER = "scanner"
    MANUAL = "manual"


class Direction(StrEnum):
    AUTO = "auto"
    IN = "in"
    OUT = "out"


class Outcome(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"
    REPEAT = "repeat"
    REJECTED = "rejected"


# Exit methods beyond the scan methods.
EXIT_CHECKOUT = "checkout"  # the operator checked the person out from the inside list
EXIT_AUTO = "auto"  # automatic check-out at closing time

PERSON_KINDS = {
    CodeKind.CCCD,
    CodeKind.CANCUOC,
    CodeKind.PCCOVID,
    CodeKind.BHYT,
    CodeKind.STAFF,
}

_ID12 = re.compile(r"^\d{12}$")


def normalise_text(value: str | None) -> str:
    """NFC, single spaces, stripped: what is stored and compared."""
    if not value:
        return ""
    return " ".join(unicodedata.normalize("NFC", value).split())


def person_key(identity: Identity) -> str | None:
    """The key a person is known by: the 12-digit ID when there is one, else kind + number."""
    number = (identity.id_number or "").strip()
    if identity.kind == CodeKind.STAFF:
        return f"staff:{identity.extra.get('unit_id', '')}:{number}" if number else None
    if _ID12.match(number):
        return number
    if identity.kind in PERSON_KINDS and number:
        key = f"{identity.kind.value}:{number.upper()}"
        if "masked_code" in identity.warnings:
            # A masked health-app code shows only part of the number: the name and what is
            # left of the birth date keep two people with the same visible digits apart.
            born = identity.birth_date.isoformat() if identity.birth_date else ""
            born = born or identity.extra.get("birth_year", "")
            key += f":{normalise_text(identity.name).upper()}:{born}"
        return key[:200]
    return None


def manual_person_key(id_number: str) -> str:
    """Manual entries with an ID number join that person; without one each is a new person."""
    number = id_number.strip()
    if _ID12.match(number):
        return number
    if number:
        return f"manual:{number.upper()}"
    return f"manual:{uuid.uuid4().hex}"


def mask_id(number: str | None) -> str:
    """An ID number as shown on screen and in ordinary reports: first 3 and last 3 digits."""
    if not number:
        return ""
    if len(number) <= 6:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 6) + number[-3:]


@dataclass(frozen=True)
class ManualEntry:
    """A person without a code, typed in at the desk."""

    name: str
    id_number: str = ""
    phone: str = ""
    organisation: str = ""
    purpose: str = ""
    host: str = ""
    birth_date: date | None = None

    def cleaned(self) -> ManualEntry:
        # Control and format characters (zero-width spaces, direction marks) are never part
        # of what is stored; wide digits typed by an input method are plain digits.
        return ManualEntry(
            name=normalise_text(visible(self.name)),
            id_number=re.sub(r"\s+", "", unicodedata.normalize("NFKC", visible(self.id_number))),
            phone=re.sub(r"[\s.\-]", "", unicodedata.normalize("NFKC", visible(self.phone))),
            organisation=normalise_text(visible(self.organisation)),
            purpose=normalise_text(visible(self.purpose)),
            host=normalise_text(visible(self.host)),
            birth_date=self.birth_date,
        )

    def problems(self) -> dict[str, str]:
        """Field -> message key (desk_app.i18n) for each invalid field; empty when valid."""
        entry = self.cleaned()
        errors: dict[str, str] = {}
        if len(entry.name) < 2:
            errors["name"] = "manual.name_required"
        elif (
            too_long("name", entry.name)
            or any(ch.isdigit() for ch in entry.name)
            or not any(ch.isalpha() for ch in entry.name)
        ):
            errors["name"] = "manual.name_invalid"
        if entry.id_number and not re.fullmatch(
            r"[0-9]{9}|[0-9]{12}|[A-Za-z][0-9]{7,8}", entry.id_number, re.ASCII
        ):
            errors["id_number"] = "manual.id_invalid"
        if entry.phone and not re.fullmatch(r"\+?[0-9]{9,12}", entry.phone):
            errors["phone"] = "manual.phone_invalid"
        for name, value in (
            ("organisation", entry.organisation),
            ("purpose", entry.purpose),
            ("host", entry.host),
        ):
            if too_long(name, value):
                errors[name] = "manual.too_long"
        return errors


@dataclass(frozen=True)
class ScanResult:
    """What the desk tells the operator after a scan or a manual entry."""

    outcome: Outcome
    at: datetime
    method: str
    code_kind: str
    visit_id: int | None = None
    person_id: int | None = None
    name: str = ""
    id_number: str | None = None
    warnings: tuple[str, ...] = ()
    reason: str | None = None
    auto_closed_visit_id: int | None = None  # a stale open visit closed by a forced entry

    @property
    def masked_id(self) -> str:
        return mask_id(self.id_number)

    @property
    def recorded(self) -> bool:
        return self.outcome in (Outcome.ENTRY, Outcome.EXIT)

    def to_json_dict(self, *, full_ids: bool = False) -> dict[str, object]:
        return {
            "outcome": self.outcome.value,
            "visit_id": self.visit_id,
            "at": self.at.isoformat(),
            "person": {
                "name": self.name or None,
                "id_number": (self.id_number if full_ids else self.masked_id) or None,
                "kind": self.code_kind,
            },
            "method": self.method,
            "warnings": list(self.warnings),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class VisitRow:
    """One visit as the table, the reports and the command line see it."""

    id: int
    person_id: int
    person_key: str
    name: str
    id_number: str | None
    birth_date: date | None
    sex: str | None
    phone: str | None
    organisation: str | None
    entry_at: datetime
    exit_at: datetime | None
    exit_auto: bool
    entry_method: str
    exit_method: str | None
    code_kind: str
    desk: str
    checkpoint: str
    purpose: str
    host: str
    warnings: tuple[str, ...] = field(default=())

    @property
    def inside(self) -> bool:
        return self.exit_at is None

    @property
    def masked_id(self) -> str:
        return mask_id(self.id_number)
