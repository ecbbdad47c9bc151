"""Field limits: one table, the same over-long cases on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import String

from desk_app.context import AppContext
from desk_app.domain.limits import LIMITS, limit, too_long
from desk_app.domain.payloads import CodeKind, Identity, parse
from desk_app.domain.visits import ManualEntry, Outcome
from desk_app.settings import SettingError
from desk_app.storage.schema import Base, Limited

T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
LONG_NAME = "Nguyễn " * 60  # 420 characters


@pytest.fixture
def ctx(db_url: str) -> Iterator[AppContext]:
    context = AppContext.open(db_url)
    yield context
    context.close()


def _identity(name: str, phone: str = "") -> Identity:
    return Identity(
        kind=CodeKind.CCCD,
        raw="001090123456||x|01011990|Nam|x|01012021",
        id_number="001090123456",
        name=name,
        extra={"phone": phone} if phone else {},
    )


def test_limit_cuts_whole_characters() -> None:
    assert limit("phone", "0" * 39) == "0" * 39
    assert limit("name", "Đ" * 250) == "Đ" * 200
    assert limit("checkpoint", "Cổng " * 30) == ("Cổng " * 30)[:100].rstrip()
    assert too_long("name", "a" * 201) and not too_long("name", "a" * 200)


def test_schema_lengths_come_from_the_table() -> None:
    checked = 0
    for table in Base.metadata.tables.values():
        for column in table.columns:
            if isinstance(column.type, Limited):
                assert column.type.impl.length == LIMITS[column.type.field], column
                checked += 1
    assert checked >= 20
    people = Base.metadata.tables["people"].columns
    assert isinstance(people["name"].type.impl, String) and people["name"].type.impl.length == 200
    assert people["phone"].type.impl.length == 40


def test_over_long_scan_is_recorded_the_same_on_both_databases(ctx: AppContext) -> None:
    ctx.log.desk = "Bàn " * 40
    ctx.log.checkpoint = "Cổng phụ " * 20
    result = ctx.log.record_scan(
        _identity(LONG_NAME, phone="0912345678" * 6),
        at=T0,
        purpose="Họp " * 100,
        host="Chị Hoa " * 40,
    )
    assert result.outcome is Outcome.ENTRY
    row = ctx.log.visit(result.visit_id)
    assert row is not None
    assert row.name == limit("name", LONG_NAME.strip())
    assert len(row.name) <= 200
    assert row.phone == ("0912345678" * 6)[:40]
    assert row.desk == limit("desk", "Bàn " * 40)
    assert row.checkpoint == limit("checkpoint", "Cổng phụ " * 20)
    assert len(row.purpose) <= 300 and row.purpose.startswith("Họp Họp")
    assert len(row.host) <= 200
    # The same person scanned again is found by the same (cut) data: an exit, not an error.
    again = ctx.log.record_scan(_identity(LONG_NAME), at=T0.replace(hour=3))
    assert again.outcome is Outcome.EXIT and again.visit_id == result.visit_id


def test_unrecognised_long_text_is_kept_cut(ctx: AppContext) -> None:
    result = ctx.log.record_scan(ctx.parse("x" * 5000), at=T0)
    assert result.outcome is Outcome.REJECTED


def test_manual_entry_refuses_what_does_not_fit(ctx: AppContext) -> None:
    entry = ManualEntry(name="An " * 80, organisation="Sở " * 80, purpose="Họp " * 70)
    problems = entry.problems()
    assert problems["name"] == "manual.name_invalid"
    assert problems["organisation"] == "manual.too_long"
    assert "purpose" not in problems  # 279 characters: within 300
    with pytest.raises(ValueError):
        ctx.log.record_manual(entry)


def test_config_set_refuses_what_does_not_fit(ctx: AppContext) -> None:
    with pytest.raises(SettingError, match="at most 100"):
        ctx.settings.set_from_user("desk.checkpoint", "C" * 101)
    with pytest.raises(SettingError, match="at most 100"):
        ctx.settings.set_from_user("unit.checkpoints", "Cổng chính, " + "C" * 101)
    assert ctx.settings.set_from_user("desk.name", "D" * 100) == "D" * 100


def test_a_long_unit_name_fits_the_outbox_and_config_set_keeps_it_to_the_table(
    ctx: AppContext,
) -> None:
    """The report e-mail's subject carries the unit's name: on the server a subject longer
    than its column made the report fail, while a single desk kept it."""
    from desk_app.storage import outbox

    with pytest.raises(SettingError, match="at most 300"):
        ctx.settings.set_from_user("unit.name", "Ủy ban " * 50)
    unit = "Ủy ban nhân dân " * 18  # 288 characters: a name the setting takes
    assert ctx.settings.set_from_user("unit.name", unit) == unit.strip()
    subject = f"Báo cáo kiểm soát ra vào - {unit} - Tuần từ 16 đến 22/11/2026"
    number = outbox.queue(ctx.db, b"raw", period="2026-W47", subject=subject, recipients="r")
    [entry] = outbox.entries(ctx.db)
    assert entry.id == number and entry.subject == limit("subject", subject)
    assert len(entry.subject) == LIMITS["subject"] == 300


def test_the_parser_keeps_a_name_to_what_the_log_stores() -> None:
    long_name = "Nguyễn Văn " + "An" * 120  # 251 characters
    card = f"001090123456|123456789|{long_name}|01011990|Nam|12 Hàng Bạc|15082021"
    identity = parse(card)
    assert identity.recognised and identity.id_number == "001090123456"
    assert identity.name == long_name[:200]  # what the desk shows is what the log keeps
    assert parse(card.replace(long_name, "Nguyễn Văn An")).name == "Nguyễn Văn An"
