"""An identity card's relatives never reach the log: the database file is searched for them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desk_app.cli import main

HOLDER = "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|15082024"
RELATIVES = "|079190099999|Phạm Văn Cha|Trần Thị Mẹ|Lê Thị Vợ"


def test_relatives_appear_nowhere_in_the_database(tmp_path: Path) -> None:
    db = tmp_path / "log.sqlite3"
    url = f"sqlite:///{db}"
    assert main(["--db", url, "record", HOLDER + RELATIVES, "--at", "2026-11-23T08:00"]) == 0
    assert main(["--db", url, "record", HOLDER + RELATIVES, "--at", "2026-11-23T17:00"]) == 0
    # Refused (an impossible birth date), the text kept for the log is still the holder's only.
    refused = HOLDER.replace("15031990", "31021990") + RELATIVES
    assert main(["--db", url, "record", refused, "--at", "2026-11-23T17:05"]) == 2
    # Refused as no known layout (the name before the number), the sample kept is the holder's.
    unknown = "Nguyễn Văn An|001090123456|123456789|15031990|Nam|Hà Nội|15082024" + RELATIVES
    assert main(["--db", url, "record", unknown, "--at", "2026-11-23T17:10"]) == 2
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        names = [row[0] for row in conn.execute("SELECT name FROM people")]
    assert names == ["Nguyễn Văn An"]
    blob = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("log."))
    for secret in ("079190099999", "Phạm Văn Cha", "Trần Thị Mẹ", "Lê Thị Vợ", "Cha", "Mẹ"):
        assert secret.encode("utf-8") not in blob, secret
