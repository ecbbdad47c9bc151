"""An identity card's relatives never reach the log: the database file is searched for them."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from desk_app.cli import main
from desk_app.domain.payloads import parse
from desk_app.storage.journal import Journal

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


def _blob(folder: Path, prefix: str) -> bytes:
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith(prefix))


def test_a_code_too_long_to_read_keeps_no_relative_in_its_sample(tmp_path: Path) -> None:
    """Refused as too long, the start of the text kept with the refusal is the holder's."""
    db = tmp_path / "log.sqlite3"
    url = f"sqlite:///{db}"
    card = "001090123456||An|15031990|Nam|HN|15082024" + RELATIVES
    for text in (
        card + "|" + "x" * 5000,  # too long once cleaned
        card + " " * 9000 + "x",  # too long as it came
        "\ufeff" + card + "|" + "x" * 9000,
    ):
        assert main(["--db", url, "record", text, "--at", "2026-11-23T08:00"]) == 2
    with sqlite3.connect(db) as conn:
        heads = [row[0] for row in conn.execute("SELECT text_head FROM scan_events")]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
    assert len(heads) == 3
    assert all(head.startswith("001******456||An|15031990") for head in heads), heads
    blob = _blob(tmp_path, "log.")
    for secret in ("Phạm Văn Cha", "Trần Thị Mẹ", "Lê Thị Vợ", "Cha", "Mẹ"):
        assert secret.encode("utf-8") not in blob, secret


def test_a_scan_kept_while_the_log_is_out_of_reach_keeps_no_relative(tmp_path: Path) -> None:
    """The desk's journal is a file on disk too: an identity card waiting there to be sent
    is the holder's only, and it is read as the same card when it is sent."""
    journal = Journal(tmp_path / "journal.sqlite3", log="log")
    at = datetime(2026, 11, 23, 8, tzinfo=UTC)
    scans = [
        HOLDER + RELATIVES,
        "\ufeff " + HOLDER + RELATIVES + " \r\n",  # as a copied text or a serial port has it
        HOLDER.replace("|123456789|", "||") + RELATIVES,
    ]
    for text in scans:
        journal.add(
            text,
            at=at,
            method="scanner",
            direction="auto",
            desk="D",
            checkpoint="C",
            debounce_seconds=10,
        )
    kept = [entry.text for entry in journal.entries()]
    for text, entry in zip(scans, kept, strict=True):
        assert parse(entry, today=date(2026, 12, 1)) == parse(text, today=date(2026, 12, 1))
    # A code with nobody else's data in it is kept as it came.
    journal.add(
        HOLDER,
        at=at,
        method="scanner",
        direction="auto",
        desk="D",
        checkpoint="C",
        debounce_seconds=10,
    )
    assert journal.entries()[-1].text == HOLDER
    blob = _blob(tmp_path, "journal.")
    for secret in ("079190099999", "Phạm Văn Cha", "Trần Thị Mẹ", "Lê Thị Vợ", "Cha", "Mẹ"):
        assert secret.encode("utf-8") not in blob, secret
