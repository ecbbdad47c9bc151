"""The visit list as CSV: UTF-8 with a byte-order mark, no cell that starts a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from desk_app.reports.cells import needs_quote


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading single quote (OWASP).

    So does each part after a semicolon: Excel in Vietnamese (list separator ";") and
    LibreOffice asked to split at semicolons open this comma-separated file cut at every
    ";", and the part after one starts a cell of its own."""
    if not isinstance(value, str):
        return value
    parts = value.split(";")
    safe = ["'" + part if needs_quote(part) else part for part in parts]
    return ";".join(safe)


def csv_bytes(
    items: Sequence[Mapping[str, object]], fieldnames: Sequence[str], separator: str = ","
) -> bytes:
    """The rows as CSV bytes in UTF-8 with a byte-order mark, so Excel on Windows reads
    Vietnamese, whatever the console's code page. ``separator`` ";" suits Excel under
    Vietnamese regional settings, whose list separator it is: a comma file opens there as
    one column."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(
        buffer, fieldnames=list(fieldnames), delimiter=separator, lineterminator="\r\n"
    )
    writer.writeheader()
    for item in items:
        writer.writerow({key: safe_cell(value) for key, value in item.items()})
    return buffer.getvalue().encode("utf-8-sig")
