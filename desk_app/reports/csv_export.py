"""The visit list as CSV: UTF-8 with a byte-order mark, no cell that starts a formula."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence

from desk_app.reports.cells import needs_quote

# The list separators a spreadsheet may split a CSV file at, whatever the file was written with.
_LIST_SEPARATORS = re.compile("([,;])")


def safe_cell(value: object, separator: str = ",") -> object:
    """Text that a spreadsheet would run as a formula gets a leading single quote (OWASP).

    So does each part after a list separator that the file does not use between its
    columns: opened where the list separator is another one (Excel in Vietnamese splits at
    ";", in English at ","; LibreOffice where it is asked to), the file is cut there, and
    the part after one starts a cell of its own. The file's own separator is quoted by the
    CSV writer and splits nothing."""
    if not isinstance(value, str):
        return value
    parts = _LIST_SEPARATORS.split(value)
    safe = []
    for index, part in enumerate(parts):
        behind = parts[index - 1] if index else ""
        cut = index == 0 or behind != separator
        safe.append("'" + part if index % 2 == 0 and cut and needs_quote(part) else part)
    return "".join(safe)


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
        writer.writerow({key: safe_cell(value, separator) for key, value in item.items()})
    return buffer.getvalue().encode("utf-8-sig")
