"""Two desks scanning the same person at the same moment make one entry and one repeat:
the database decides (a lock per write and a unique open visit per person), not timing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from desk_app.context import AppContext
from desk_app.domain.rules import ScanFacts
from desk_app.domain.visits import Outcome
from desk_app.storage.recorder import Recorder

CHILD = Path(__file__).with_name("same_people_child.py")
REPO = Path(__file__).resolve().parents[2]
CARD = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def test_two_desk_processes_scanning_the_same_people_make_one_entry_each(
    db_url: str, tmp_path: Path
) -> None:
    AppContext.open(db_url).close()  # migrated before the desks start
    go = tmp_path / "go"
    count = 60
    env = dict(os.environ, PYTHONPATH=str(REPO))
    desks = [
        subprocess.Popen(
            [sys.executable, str(CHILD), db_url, str(go), str(count), str(n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(2)
    ]
    readies = [go.with_suffix(f".ready{n}") for n in range(2)]
    try:
        while not all(path.exists() for path in readies):
            for desk in desks:
                assert desk.poll() is None, desk.communicate()[1]
        go.touch()
        outputs = [desk.communicate(timeout=300) for desk in desks]
    finally:
        for desk in desks:
            if desk.poll() is None:
                desk.kill()
    outcomes: dict[int, list[str]] = {i: [] for i in range(count)}
    for desk, (out, err) in zip(desks, outputs, strict=True):
        assert desk.returncode == 0, err
        for line in out.splitlines():
            number, outcome, _visit = line.split()
            outcomes[int(number)].append(outcome)
    assert all(sorted(pair) == ["entry", "repeat"] for pair in outcomes.values()), outcomes
    ctx = AppContext.open(db_url)
    try:
        per_person = ctx.db.read(
            lambda s: s.execute(
                text("SELECT person_id, count(*) FROM visits GROUP BY person_id")
            ).all()
        )
        assert len(per_person) == count
        assert Counter(n for _person, n in per_person) == {1: count}
    finally:
        ctx.close()


def test_an_entry_decided_on_a_stale_read_becomes_a_repeat(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even when a desk's read missed the other desk's entry, the unique open visit per
    person refuses the second entry; the scan is decided again on fresh facts."""
    ctx = AppContext.open(db_url)
    try:
        first = ctx.log.record_scan(ctx.parse(CARD), at=T0)
        assert first.outcome is Outcome.ENTRY
        real = Recorder._person_facts
        stale = {"left": 1}

        def facts(self: Recorder, session: object, person_id: int) -> ScanFacts:
            if stale["left"]:
                stale["left"] -= 1
                return ScanFacts()  # as if nobody were inside and never seen
            return real(self, session, person_id)  # type: ignore[arg-type]

        monkeypatch.setattr(Recorder, "_person_facts", facts)
        second = ctx.log.record_scan(ctx.parse(CARD), at=T0 + timedelta(seconds=1))
        assert stale["left"] == 0
        assert (second.outcome, second.visit_id) == (Outcome.REPEAT, first.visit_id)
        assert [v.id for v in ctx.log.inside()] == [first.visit_id]
    finally:
        ctx.close()
