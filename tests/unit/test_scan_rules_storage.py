"""The rules applied by storage on a real database (SQLite and PostgreSQL): clocks that
disagree, passes that name a visit by token, names that arrived mangled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from desk_app.context import AppContext
from desk_app.domain import own_codes
from desk_app.domain.payloads import CodeKind, Identity
from desk_app.domain.visits import ManualEntry, Outcome, ScanResult

CCCD = "001090123456||{name}|01011990|Nam|Hà Nội|01012021"
GOOD = "Nguyễn Văn Ánh"
T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # Monday 08:00 in Hà Nội
M = timedelta(minutes=1)


@pytest.fixture
def ctx(db_url: str) -> Iterator[AppContext]:
    context = AppContext.open(db_url)
    yield context
    context.close()


def _scan(ctx: AppContext, at: datetime, name: str = GOOD, **kw: object) -> ScanResult:
    return ctx.log.record_scan(ctx.parse(CCCD.format(name=name)), at=at, **kw)  # type: ignore[arg-type]


def _typed(ctx: AppContext, at: datetime, name: str) -> ScanResult:
    """A card as a keyboard-type scanner typed it: the number intact, the name mangled
    (built directly, so the rule is tested whatever the parser makes of such a name)."""
    card = Identity(CodeKind.CCCD, raw="typed", id_number="001090123456", name=name)
    return ctx.log.record_scan(card, at=at)


# ----- time going backwards ---------------------------------------------------------------
def test_an_exit_stamped_before_its_entry_is_kept_at_the_entry(ctx: AppContext) -> None:
    entry = _scan(ctx, T0)
    # The side gate's clock is five minutes behind: the exit is stamped 07:55.
    exit_ = _scan(ctx, T0 - 5 * M)
    assert (exit_.outcome, exit_.visit_id) == (Outcome.EXIT, entry.visit_id)
    assert "clock_behind" in exit_.warnings
    visit = ctx.log.visit(entry.visit_id or 0)
    assert visit is not None and visit.exit_at is not None
    assert visit.exit_at >= visit.entry_at
    assert "clock_behind" in visit.warnings


def test_a_scan_just_before_a_later_stamped_one_is_a_repeat(ctx: AppContext) -> None:
    first = _scan(ctx, T0 + 30 * timedelta(seconds=1), debounce_seconds=10)
    again = _scan(ctx, T0 + 25 * timedelta(seconds=1), debounce_seconds=10)
    assert first.outcome is Outcome.ENTRY
    assert (again.outcome, again.visit_id) == (Outcome.REPEAT, first.visit_id)
    assert [v.exit_at for v in ctx.log.history("001090123456")] == [None]


def test_a_forced_entry_never_closes_a_visit_before_it_began(ctx: AppContext) -> None:
    first = _scan(ctx, T0)
    again = _scan(ctx, T0 - 5 * M, direction="in")
    assert (again.outcome, again.auto_closed_visit_id) == (Outcome.ENTRY, first.visit_id)
    closed = ctx.log.visit(first.visit_id or 0)
    assert closed is not None and closed.exit_at == closed.entry_at


def test_visits_of_one_person_never_overlap_when_clocks_disagree(ctx: AppContext) -> None:
    _scan(ctx, T0)
    _scan(ctx, T0 + 30 * M)  # left at the main gate
    back = _scan(ctx, T0 + 27 * M)  # in again at the side gate, whose clock is behind
    assert back.outcome is Outcome.ENTRY and "clock_behind" in back.warnings
    later, earlier = ctx.log.history("001090123456")
    assert earlier.exit_at is not None and later.entry_at >= earlier.exit_at


# ----- visitor passes ---------------------------------------------------------------------
def _pass_for(ctx: AppContext, visit_id: int) -> str:
    token = ctx.log.pass_token(visit_id)
    assert token is not None
    return own_codes.encode_visitor_pass(
        ctx.settings.unit_secret(), ctx.settings.unit_id(), token, T0.date()
    )


def test_a_pass_of_a_deleted_visit_checks_out_nobody_else(ctx: AppContext) -> None:
    first = ctx.log.record_manual(ManualEntry(name="Khách Một"), at=T0)
    code = _pass_for(ctx, first.visit_id or 0)
    assert first.person_id is not None
    ctx.log.delete_person(first.person_id)
    # The next visit may get the same row number the deleted one had.
    second = ctx.log.record_manual(ManualEntry(name="Khách Hai"), at=T0 + M)
    result = ctx.log.record_scan(ctx.parse(code), at=T0 + 30 * M)
    assert (result.outcome, result.reason) == (Outcome.REJECTED, "pass_unknown")
    assert [v.id for v in ctx.log.inside()] == [second.visit_id]


def test_a_reprinted_pass_carries_the_same_token_and_an_ended_visit_gets_none(
    ctx: AppContext,
) -> None:
    visit = ctx.log.record_manual(ManualEntry(name="Khách Một"), at=T0)
    token = ctx.log.pass_token(visit.visit_id or 0)
    assert token and ctx.log.pass_token(visit.visit_id or 0) == token
    other = ctx.log.record_manual(ManualEntry(name="Khách Hai"), at=T0)
    assert ctx.log.pass_token(other.visit_id or 0) != token
    ctx.log.check_out(visit.visit_id or 0, at=T0 + M)
    assert ctx.log.pass_token(visit.visit_id or 0) is None
    assert ctx.log.pass_token(999_999) is None


def test_a_pass_of_the_first_kind_is_refused_with_its_reason(ctx: AppContext) -> None:
    visit = ctx.log.record_manual(ManualEntry(name="Khách Một"), at=T0)
    old = own_codes._encode(
        ctx.settings.unit_secret(),
        ctx.settings.unit_id(),
        "V",
        [str(visit.visit_id), T0.strftime("%Y%m%d")],
    )
    result = ctx.log.record_scan(ctx.parse(old), at=T0 + M)
    assert (result.outcome, result.reason) == (Outcome.REJECTED, "pass_old_format")
    assert [v.id for v in ctx.log.inside()] == [visit.visit_id]


# ----- mangled names ----------------------------------------------------------------------
@pytest.mark.parametrize("mangled", ["Nguy?n V?n ?nh", "Nguyá»…n VÄƒn Ãnh"])
def test_a_mangled_scan_is_the_same_person_and_keeps_the_good_name(
    ctx: AppContext, mangled: str
) -> None:
    entry = _scan(ctx, T0)
    exit_ = _typed(ctx, T0 + 30 * M, mangled)
    assert (exit_.outcome, exit_.person_id, exit_.visit_id) == (
        Outcome.EXIT,
        entry.person_id,
        entry.visit_id,
    )
    assert exit_.name == GOOD
    [visit] = ctx.log.history("001090123456")
    assert visit.name == GOOD


def test_a_mangled_stored_name_is_upgraded_by_a_good_scan(ctx: AppContext) -> None:
    first = _typed(ctx, T0, "Nguy?n V?n ?nh")
    assert first.name == "Nguy?n V?n ?nh"
    second = _scan(ctx, T0 + 30 * M)
    assert second.name == GOOD
    assert {v.name for v in ctx.log.history("001090123456")} == {GOOD}


def test_mojibake_is_stored_repaired(ctx: AppContext) -> None:
    result = _typed(ctx, T0, "Tráº§n Thá»‹ BÃ¬nh")
    assert result.name == "Trần Thị Bình"
    stored = ctx.db.read(
        lambda s: s.execute(
            text("SELECT name FROM people WHERE id_number = '001090123456'")
        ).scalar()
    )
    assert stored == "Trần Thị Bình"


# 'Hoàng Thị Hà' as a Windows-1252 reader hands it over: 'à' leaves a no-break space.
MOJIBAKE = "HoÃ\xa0ng Thá»‹ HÃ\xa0"


@pytest.mark.parametrize("first", [MOJIBAKE, "Hoàng Thị Hà"])
def test_mojibake_and_a_good_scan_keep_the_good_name_in_either_order(
    ctx: AppContext, first: str
) -> None:
    second = "Hoàng Thị Hà" if first == MOJIBAKE else MOJIBAKE
    entry = _scan(ctx, T0, first)
    exit_ = _scan(ctx, T0 + 30 * M, second)
    assert (exit_.outcome, exit_.person_id) == (Outcome.EXIT, entry.person_id)
    assert entry.name == exit_.name == "Hoàng Thị Hà"
    assert [v.name for v in ctx.log.history("001090123456")] == ["Hoàng Thị Hà"]


def test_damaged_mojibake_on_file_is_replaced_by_a_good_scan(ctx: AppContext) -> None:
    """Mojibake that lost its no-break space before it reached the desk cannot be read back,
    but is still known for a mangled name."""
    first = _typed(ctx, T0, "HoÃ ng Thá»‹ HÃ")
    second = _scan(ctx, T0 + 30 * M, "Hoàng Thị Hà")
    assert second.person_id == first.person_id
    assert second.name == "Hoàng Thị Hà"


@pytest.mark.parametrize("first", ["nGUYỄN vĂN áNH", GOOD])
def test_a_name_typed_with_caps_lock_on_is_stored_as_the_card_writes_it(
    ctx: AppContext, first: str
) -> None:
    second = GOOD if first != GOOD else "nGUYỄN vĂN áNH"
    entry = _scan(ctx, T0, first)
    exit_ = _scan(ctx, T0 + 30 * M, second)
    assert exit_.person_id == entry.person_id
    assert entry.name == exit_.name == GOOD
    assert [v.name for v in ctx.log.history("001090123456")] == [GOOD]


def test_a_log_made_before_pass_tokens_upgrades_and_prints_passes(db_url: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from desk_app.storage.migrate import alembic_config

    engine = create_engine(db_url)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(
            text(
                "INSERT INTO people (id, person_key, name, created_at, updated_at) "
                "VALUES (1, 'manual:x', 'Khách Cũ', '2026-11-23 01:00:00', '2026-11-23 01:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO visits (id, person_id, entry_at, exit_auto, entry_method, code_kind,"
                " desk, checkpoint, purpose, host, warnings) VALUES (1, 1,"
                " '2026-11-23 01:00:00', false, 'manual', 'manual', '', '', '', '', '')"
            )
        )
    engine.dispose()
    ctx = AppContext.open(db_url)
    try:
        code = _pass_for(ctx, 1)
        left = ctx.log.record_scan(ctx.parse(code), at=T0 + M)
        assert (left.outcome, left.visit_id) == (Outcome.EXIT, 1)
    finally:
        ctx.close()
