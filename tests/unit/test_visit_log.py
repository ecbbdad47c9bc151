"""The visit log on a real database: SQLite file, and PostgreSQL when the run has one."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import text

from desk_app.context import AppContext
from desk_app.domain.payloads import parse
from desk_app.domain.visits import Direction, ManualEntry, Method, Outcome

CCCD_A = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
CCCD_B = "079195012345|123456789|Trần Thị Bình|15051995|Nữ|TP. Hồ Chí Minh|10102022"
T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # Monday 08:00 in Hà Nội


@pytest.fixture
def ctx(db_url: str) -> AppContext:
    context = AppContext.open(db_url)
    yield context
    context.close()


def record(ctx: AppContext, payload: str, at: datetime, **kw: object):
    return ctx.log.record_scan(ctx.parse(payload), at=at, **kw)  # type: ignore[arg-type]


def test_entry_then_exit_then_entry(ctx: AppContext) -> None:
    first = record(ctx, CCCD_A, T0)
    second = record(ctx, CCCD_A, T0 + timedelta(minutes=30))
    third = record(ctx, CCCD_A, T0 + timedelta(hours=2))
    assert [first.outcome, second.outcome, third.outcome] == [
        Outcome.ENTRY,
        Outcome.EXIT,
        Outcome.ENTRY,
    ]
    assert first.visit_id == second.visit_id != third.visit_id
    visit = ctx.log.visit(first.visit_id)
    assert visit is not None
    assert visit.entry_at == T0 and visit.exit_at == T0 + timedelta(minutes=30)
    assert visit.name == "Nguyễn Văn An" and visit.id_number == "001090123456"
    assert [v.id for v in ctx.log.inside()] == [third.visit_id]


def test_repeat_within_debounce_is_not_recorded(ctx: AppContext) -> None:
    record(ctx, CCCD_A, T0, debounce_seconds=10)
    again = record(ctx, CCCD_A, T0 + timedelta(seconds=9), debounce_seconds=10)
    later = record(ctx, CCCD_A, T0 + timedelta(seconds=11), debounce_seconds=10)
    assert again.outcome == Outcome.REPEAT
    assert later.outcome == Outcome.EXIT
    assert len(ctx.log.history("001090123456")) == 1


def test_forced_directions(ctx: AppContext) -> None:
    out_first = record(ctx, CCCD_B, T0, direction=Direction.OUT)
    assert out_first.outcome == Outcome.EXIT
    assert "exit_without_entry" in out_first.warnings
    entry = record(ctx, CCCD_B, T0 + timedelta(minutes=1), direction="in")
    forced_in = record(ctx, CCCD_B, T0 + timedelta(minutes=5), direction="in")
    assert forced_in.outcome == Outcome.ENTRY
    assert forced_in.auto_closed_visit_id == entry.visit_id
    stale = ctx.log.visit(entry.visit_id)
    assert stale is not None and stale.exit_auto


def test_rejected_codes_are_logged_not_visits(ctx: AppContext) -> None:
    result = record(ctx, "hello world", T0)
    assert result.outcome == Outcome.REJECTED and result.reason
    assert ctx.log.visits_between(T0 - timedelta(days=1), T0 + timedelta(days=1)) == []
    with ctx.db.engine.connect() as conn:
        row = conn.execute(text("SELECT outcome, text_head FROM scan_events")).one()
    assert row == ("rejected", "hello world")


def test_mismatch_warning_travels_with_visit(ctx: AppContext) -> None:
    # digit 4 says female born 19xx, the card says Nam: a warning, still recorded
    payload = "001190123456||Lê Văn Cường|01011990|Nam|Hà Nội|01012021"
    result = record(ctx, payload, T0)
    assert result.outcome == Outcome.ENTRY
    assert result.warnings
    visit = ctx.log.visit(result.visit_id)
    assert visit is not None and set(result.warnings) <= set(visit.warnings)


def test_manual_entry_validation_and_record(ctx: AppContext) -> None:
    with pytest.raises(ValueError):
        ctx.log.record_manual(ManualEntry(name=""))
    with pytest.raises(ValueError):
        ctx.log.record_manual(ManualEntry(name="Phạm Văn Dũng", phone="12ab"))
    result = ctx.log.record_manual(
        ManualEntry(
            name=" Phạm  Văn Dũng ",
            organisation="Sở Y tế",
            purpose="Họp",
            host="Chị Hoa",
            phone="0912 345 678",
        ),
        at=T0,
    )
    assert result.outcome == Outcome.ENTRY and result.method == Method.MANUAL
    visit = ctx.log.visit(result.visit_id)
    assert visit is not None
    assert (visit.name, visit.organisation, visit.purpose, visit.host, visit.phone) == (
        "Phạm Văn Dũng",
        "Sở Y tế",
        "Họp",
        "Chị Hoa",
        "0912345678",
    )
    assert ctx.log.suggestions("organisation", "Sở") == ["Sở Y tế"]
    assert ctx.log.suggestions("host") == ["Chị Hoa"]
    # Two people without ID are two people.
    other = ctx.log.record_manual(ManualEntry(name="Phạm Văn Dũng"), at=T0)
    assert other.person_id != result.person_id


def test_check_out_from_inside_list(ctx: AppContext) -> None:
    entry = record(ctx, CCCD_A, T0)
    result = ctx.log.check_out(entry.visit_id, at=T0 + timedelta(hours=1))
    assert result is not None and result.outcome == Outcome.EXIT
    assert ctx.log.inside() == []
    assert ctx.log.check_out(entry.visit_id) is None


def test_auto_checkout_at_closing_time(ctx: AppContext) -> None:
    entry = record(ctx, CCCD_A, T0)  # 08:00 local
    late = record(ctx, CCCD_B, T0 + timedelta(hours=12))  # 20:00 local, after closing
    assert ctx.log.auto_checkout(time(18, 0), now=T0 + timedelta(hours=9)) == 0  # 17:00
    assert ctx.log.auto_checkout(time(18, 0), now=T0 + timedelta(hours=11)) == 1  # 19:00
    closed = ctx.log.visit(entry.visit_id)
    assert closed is not None and closed.exit_auto and closed.exit_method == "auto"
    assert closed.exit_at == T0 + timedelta(hours=10)  # 18:00 local
    assert [v.id for v in ctx.log.inside()] == [late.visit_id]
    # the next day past closing, the late visitor is closed at the next closing time
    assert ctx.log.auto_checkout(time(18, 0), now=T0 + timedelta(days=1, hours=11)) == 1


def test_purge_and_delete_person_are_audited(ctx: AppContext) -> None:
    old = record(ctx, CCCD_A, T0 - timedelta(days=40))
    record(ctx, CCCD_A, T0 - timedelta(days=40) + timedelta(hours=1))
    record(ctx, CCCD_B, T0)
    assert ctx.log.purge(30, now=T0) == 1
    assert ctx.log.visit(old.visit_id) is None
    assert ctx.log.find_people("001090123456") == []
    people = ctx.log.find_people("Bình")
    assert len(people) == 1
    assert ctx.log.delete_person(f"#{people[0].number}") == 1
    assert ctx.log.find_people("Bình") == []
    actions = [a.action for a in ctx.log.audit_records()]
    assert actions == ["purge", "person_find", "person_find", "person_delete", "person_find"]


def test_visitor_pass_and_staff_card_rules(ctx: AppContext) -> None:
    from desk_app.domain import own_codes

    secret, unit = ctx.settings.unit_secret(), ctx.settings.unit_id()
    visit = ctx.log.record_manual(ManualEntry(name="Khách Một"), at=T0)
    day = datetime(2026, 11, 23).date()
    token = ctx.log.pass_token(visit.visit_id)
    assert token is not None
    code = own_codes.encode_visitor_pass(secret, unit, token, day)
    out = record(ctx, code, T0 + timedelta(hours=1))
    assert out.outcome == Outcome.EXIT and out.visit_id == visit.visit_id
    used = record(ctx, code, T0 + timedelta(hours=2))
    assert (used.outcome, used.reason) == (Outcome.REJECTED, "pass_used")
    visit2 = ctx.log.record_manual(ManualEntry(name="Khách Hai"), at=T0)
    token2 = ctx.log.pass_token(visit2.visit_id)
    assert token2 is not None
    code2 = own_codes.encode_visitor_pass(secret, unit, token2, day)
    expired = record(ctx, code2, T0 + timedelta(days=1))
    assert (expired.outcome, expired.reason) == (Outcome.REJECTED, "pass_expired")

    staff = own_codes.encode_staff(secret, unit, "NV001", "Đỗ Thị Hà")
    assert record(ctx, staff, T0).outcome == Outcome.ENTRY
    ctx.log.upsert_staff("NV001", "Đỗ Thị Hà")
    assert ctx.log.revoke_staff("NV001", "nghỉ việc")
    revoked = record(ctx, staff, T0 + timedelta(hours=1))
    assert (revoked.outcome, revoked.reason) == (Outcome.REJECTED, "staff_revoked")
    foreign = own_codes.encode_staff(b"x" * 32, "OTHER", "NV001", "Đỗ Thị Hà")
    assert record(ctx, foreign, T0).outcome == Outcome.REJECTED


def test_settings_roundtrip_and_validation(ctx: AppContext) -> None:
    from desk_app.settings import SettingError

    assert ctx.settings.get("scan.debounce_seconds") == 10
    ctx.settings.set_from_user("scan.debounce_seconds", "25")
    ctx.settings.set_from_user("unit.checkpoints", "Cổng chính, Cổng phụ")
    ctx.settings.set_from_user("visits.closing_time", "7:30")
    with pytest.raises(SettingError):
        ctx.settings.set_from_user("scan.debounce_seconds", "-1")
    with pytest.raises(SettingError):
        ctx.settings.set_from_user("unit.secret", "abc")
    with pytest.raises(SettingError):
        ctx.settings.get("no.such.key")
    fresh = AppContext.open(ctx.db.url)
    assert fresh.settings.get("scan.debounce_seconds") == 25
    assert fresh.settings.get("unit.checkpoints") == ["Cổng chính", "Cổng phụ"]
    assert fresh.settings.get("visits.closing_time") == "07:30"
    assert fresh.settings.unit_secret() == ctx.settings.unit_secret()
    fresh.close()


def test_parse_is_used_for_every_kind(ctx: AppContext) -> None:
    assert parse(CCCD_A).kind.value == "cccd"


def test_visit_rows_carry_every_field(ctx: AppContext) -> None:
    from dataclasses import fields

    from desk_app.domain.visits import VisitRow
    from desk_app.storage.visit_log import _VISIT_COLUMNS

    assert len(_VISIT_COLUMNS) == len(fields(VisitRow))
    entry = ctx.log.record_manual(
        ManualEntry(
            name="Hồ Thị Mai",
            id_number="001190123457",
            phone="0912345678",
            organisation="Trường THCS",
            purpose="Nộp hồ sơ",
            host="Thầy Nam",
        ),
        at=T0,
    )
    row = ctx.log.visit(entry.visit_id)
    assert row is not None
    assert (row.id, row.person_id, row.person_key, row.id_number) == (
        entry.visit_id,
        entry.person_id,
        "001190123457",
        "001190123457",
    )
    assert (row.entry_method, row.exit_method, row.code_kind, row.exit_auto) == (
        "manual",
        None,
        "manual",
        False,
    )
    assert (row.desk, row.checkpoint) == (ctx.log.desk, ctx.log.checkpoint)
    assert row.inside and row.masked_id == "001******457"
