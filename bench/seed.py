"""Seed a log quickly with realistic visits (bulk inserts, not the recording path)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from desk_app.storage.database import Database
from desk_app.storage.schema import Person, ScanEvent, Visit

KINDS = ["cccd"] * 6 + ["cancuoc"] * 2 + ["pccovid", "bhyt", "staff", "manual"]
METHODS = ["camera"] * 6 + ["scanner"] * 3 + ["manual"]


def seed(
    db: Database,
    visits: int,
    *,
    end: datetime,
    days: int,
    people: int | None = None,
    inside: int = 40,
    seed_value: int = 7,
) -> None:
    """``visits`` visits spread over ``days`` days before ``end``, ``inside`` still open."""
    rng = random.Random(seed_value)
    people = people or max(visits // 8, 1)
    # Open visits are one per person: never more of them than people (or visits).
    inside = min(inside, people, visits)
    now = datetime.now(UTC)
    person_rows = [
        {
            "id": i + 1,
            "person_key": f"{1000000000 + i:012d}",
            "id_number": f"{1000000000 + i:012d}",
            "name": f"Người {i}",
            "created_at": now,
            "updated_at": now,
        }
        for i in range(people)
    ]
    start = end - timedelta(days=days)
    span = (end - start).total_seconds()
    visit_rows, event_rows = [], []
    for i in range(visits):
        entry = start + timedelta(seconds=rng.random() * span)
        open_visit = i >= visits - inside
        exit_at = None if open_visit else entry + timedelta(minutes=rng.randint(5, 240))
        method = rng.choice(METHODS)
        kind = "manual" if method == "manual" else rng.choice(KINDS[:-1])
        pid = rng.randint(1, people) if not open_visit else i % people + 1
        visit_rows.append(
            {
                "id": i + 1,
                "person_id": pid,
                "entry_at": entry,
                "exit_at": exit_at,
                "exit_auto": False,
                "entry_method": method,
                "exit_method": method if exit_at else None,
                "code_kind": kind,
                "desk": "desk-1",
                "checkpoint": "Cổng chính",
                "purpose": "",
                "host": "",
                "warnings": "",
            }
        )
        event_rows.append(
            {
                "at": entry,
                "outcome": "entry",
                "method": method,
                "code_kind": kind,
                "person_id": pid,
                "visit_id": i + 1,
                "desk": "desk-1",
                "reason": "",
                "text_head": "",
            }
        )
        if exit_at:
            event_rows.append(
                {
                    "at": exit_at,
                    "outcome": "exit",
                    "method": method,
                    "code_kind": kind,
                    "person_id": pid,
                    "visit_id": i + 1,
                    "desk": "desk-1",
                    "reason": "",
                    "text_head": "",
                }
            )
    # Open visits must be one per person (unique partial index): give them distinct people.
    seen: set[int] = set()
    for row in visit_rows[len(visit_rows) - inside :]:
        while row["person_id"] in seen:
            row["person_id"] = row["person_id"] % people + 1
        seen.add(row["person_id"])
    with db.engine.begin() as conn:
        for table, rows in ((Person, person_rows), (Visit, visit_rows), (ScanEvent, event_rows)):
            for k in range(0, len(rows), 20000):
                conn.execute(insert(table), rows[k : k + 20000])
