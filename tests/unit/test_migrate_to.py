"""Moving a single desk's SQLite log onto the shared database with one command."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.context import AppContext

AN = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
BINH = "079195001234||Trần Thị Bình|15061995|Nữ|TP. Hồ Chí Minh|01012022"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_single_desk_log_moves_to_the_server(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    single = f"sqlite:///{tmp_path / 'single-desk.sqlite3'}"
    assert run(capsys, "--db", single, "config", "set", "unit.name", "UBND xã Thử")[0] == 0
    assert run(capsys, "--db", single, "record", AN, "--at", "2026-11-23T08:00")[0] == 0
    assert run(capsys, "--db", single, "record", BINH, "--at", "2026-11-23T08:05")[0] == 0
    assert run(capsys, "--db", single, "record", AN, "--at", "2026-11-23T09:00")[0] == 0
    before = AppContext.open(single)
    visits_before = before.log.visits_between(*_all_time())
    secret_before = before.settings.unit_secret()
    before.close()

    code, out, err = run(capsys, "--db", single, "migrate-to", db_url)
    assert code == 0, err
    assert "Copied" in out and "--db" in out

    after = AppContext.open(db_url)
    try:
        assert after.log.visits_between(*_all_time()) == visits_before
        assert after.settings.get("unit.name") == "UBND xã Thử"
        assert after.settings.unit_secret() == secret_before  # printed cards still verify
        # The log goes on where it stopped: new rows get new ids, the open visit closes.
        left = after.log.record_scan(after.parse(BINH), debounce_seconds=0)
        assert left.outcome.value == "exit"
        assert left.visit_id in {v.id for v in visits_before}
    finally:
        after.close()

    code, _, err = run(capsys, "--db", single, "migrate-to", db_url)
    assert code == 1 and "already holds data" in err and "Traceback" not in err


def _all_time():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime(1970, 1, 1, tzinfo=UTC), datetime(9999, 1, 1, tzinfo=UTC)
