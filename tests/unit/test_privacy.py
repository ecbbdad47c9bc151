"""Personal data: the retention purge, one person's records, deletion that leaves no trace."""

from __future__ import annotations

import email
import email.policy
import io
import json
import os
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select, text

from desk_app.cli import main
from desk_app.context import AppContext
from desk_app.domain.names import fold, sort_key
from desk_app.reports.redact import Who, redact_message
from desk_app.storage import outbox
from desk_app.storage.people import PersonError, mask_digit_runs
from desk_app.storage.retention import exports_dir, retention_cutoff
from desk_app.storage.schema import OutboxMessage, ScanEvent

MINH = "001090123456||Nguyễn Văn Minh|01011990|Nam|Hà Nội|01012021"
LAN = "079195012345|123456789|Trần Thị Lan|15051995|Nữ|TP. Hồ Chí Minh|10102022"
ANH = "001190111111||Lê Thị Ánh|01011990|Nữ|Hà Nội|01012021"
DANG = "001090222222||Đặng Văn Hùng|01011990|Nam|Hà Nội|01012021"
ZO = "001090333333||Zô Văn Tư|01011990|Nam|Hà Nội|01012021"
# Hà Nội is UTC+7: local midnight of 23/11/2026 is 22/11/2026 17:00 UTC.
NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # Monday 10:00 local


@pytest.fixture
def ctx(db_url: str) -> AppContext:
    context = AppContext.open(db_url)
    yield context
    context.close()


def record(ctx: AppContext, payload: str, at: datetime, **kw: object):
    return ctx.log.record_scan(ctx.parse(payload), at=at, **kw)  # type: ignore[arg-type]


# ----- names ---------------------------------------------------------------------------------
def test_fold_and_vietnamese_order() -> None:
    assert fold("  Nguyễn  Văn ĐẶNG ") == "nguyen van dang"
    names = ["Zô", "Đặng", "Ánh", "Dung", "Anh", "Ân", "Ăn", "Bình", "Ảnh"]
    assert sorted(names, key=sort_key) == [
        "Anh", "Ảnh", "Ánh", "Ăn", "Ân", "Bình", "Dung", "Đặng", "Zô"
    ]  # fmt: skip


# ----- retention purge -----------------------------------------------------------------------
def test_cutoff_is_local_midnight() -> None:
    cutoff = retention_cutoff(30, NOW)
    assert cutoff == datetime(2026, 10, 23, 17, 0, tzinfo=UTC)  # 24/10 00:00 in Hà Nội


def test_purge_takes_open_visits_scans_sent_mail_people_and_files(ctx: AppContext) -> None:
    cutoff = retention_cutoff(30, NOW)
    # An open visit from long ago (never checked out) and one that began just before midnight.
    old_open = record(ctx, MINH, datetime(2021, 10, 1, 2, 0, tzinfo=UTC))
    just_before = record(ctx, LAN, cutoff - timedelta(seconds=1))
    kept = record(ctx, ANH, cutoff)  # 00:00:00 local on the first kept day
    ctx.log.record_scan(ctx.parse("garbage 001090999999 text"), at=cutoff - timedelta(days=2))
    old_mail = outbox.queue(ctx.db, b"old", period="2026-W40", subject="s", recipients="r")
    new_mail = outbox.queue(ctx.db, b"new", period="2026-W47", subject="s", recipients="r")
    waiting = outbox.queue(ctx.db, b"wait", period="2026-W39", subject="s", recipients="r")
    outbox.record(ctx.db, old_mail, status="sent", sent_at=cutoff - timedelta(hours=1))
    outbox.record(ctx.db, new_mail, status="sent", sent_at=cutoff + timedelta(hours=1))
    old_file = exports_dir() / "person-1.json"
    old_file.write_text("{}")
    os.utime(old_file, (cutoff.timestamp() - 60, cutoff.timestamp() - 60))
    new_file = exports_dir() / "person-2.json"
    new_file.write_text("{}")

    result = ctx.log.people.purge(30, now=NOW)

    assert (result.visits, result.people, result.outbox, result.files) == (2, 2, 1, 1)
    assert result.scan_events == 3  # two entries and the rejected code
    assert ctx.log.visit(old_open.visit_id) is None
    assert ctx.log.visit(just_before.visit_id) is None
    assert ctx.log.visit(kept.visit_id) is not None
    assert [e.id for e in outbox.entries(ctx.db)] == [new_mail, waiting]
    assert not old_file.exists() and new_file.exists()
    [purge] = [r for r in ctx.log.audit_records() if r.action == "purge"]
    counts = json.loads(purge.detail)
    assert counts == {"days": 30, "visits": 2, "scan_events": 3, "outbox": 1, "people": 2,
                      "files": 1}  # fmt: skip
    assert "Minh" not in purge.detail and "0010" not in purge.detail


def test_purge_keeps_a_visit_that_ended_after_the_cutoff(ctx: AppContext) -> None:
    cutoff = retention_cutoff(30, NOW)
    entry = record(ctx, MINH, cutoff - timedelta(hours=2))
    record(ctx, MINH, cutoff + timedelta(minutes=5))  # left after midnight of the first day
    assert ctx.log.people.purge(30, now=NOW).visits == 0
    assert ctx.log.visit(entry.visit_id) is not None


@pytest.mark.parametrize(
    ("zone", "now", "first_kept"),
    [
        # 10:00 on Monday in Hà Nội (UTC+7): the first kept day starts the evening before, UTC.
        ("Asia/Ho_Chi_Minh", NOW, date(2026, 10, 24)),
        # One second before local midnight: still the 22nd there, so one day less is kept.
        ("Asia/Ho_Chi_Minh", datetime(2026, 11, 22, 16, 59, 59, tzinfo=UTC), date(2026, 10, 23)),
        # Exactly local midnight: the new day counts.
        ("UTC", datetime(2026, 11, 23, 0, 0, tzinfo=UTC), date(2026, 10, 24)),
        # The first kept day is the day summer time ends (its midnight is still UTC-7).
        ("America/Los_Angeles", datetime(2026, 12, 1, 18, 0, tzinfo=UTC), date(2026, 11, 1)),
        # UTC+14: already the 23rd there while UTC is on the 22nd.
        ("Pacific/Kiritimati", datetime(2026, 11, 22, 23, 30, tzinfo=UTC), date(2026, 10, 24)),
    ],
)
def test_purge_boundary_is_local_midnight_in_any_zone(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch, zone: str, now: datetime, first_kept: date
) -> None:
    monkeypatch.setenv("DESK_APP_TZ", zone)
    start = datetime.combine(first_kept, time(0), tzinfo=ZoneInfo(zone)).astimezone(UTC)
    assert retention_cutoff(30, now) == start
    second = timedelta(seconds=1)
    gone_open = record(ctx, MINH, start - second)  # never checked out, began 23:59:59
    gone_closed = record(ctx, LAN, start - timedelta(hours=2))
    record(ctx, LAN, start - second)  # left 23:59:59: the whole visit is before the cutoff
    kept_closed = record(ctx, ANH, start - timedelta(hours=1))
    record(ctx, ANH, start)  # left at 00:00:00 of the first kept day: kept
    kept_open = record(ctx, DANG, start)  # came in at 00:00:00, still inside
    gone_older = record(ctx, ZO, start - timedelta(days=400))  # open for over a year
    ctx.log.record_scan(ctx.parse("garbage 1"), at=start - second)
    ctx.log.record_scan(ctx.parse("garbage 2"), at=start)

    result = ctx.log.people.purge(30, now=now)

    assert result.cutoff == start
    for gone in (gone_open, gone_closed, gone_older):
        assert ctx.log.visit(gone.visit_id) is None
    for kept in (kept_closed, kept_open):
        assert ctx.log.visit(kept.visit_id) is not None
    # Scans by their own time: Minh's, Lan's two, Zô's, Ánh's entry and the first garbage.
    assert (result.visits, result.scan_events, result.people) == (3, 6, 3)
    left = ctx.db.read(lambda s: sorted(str(e.text_head or e.outcome) for e in
                                        s.scalars(select(ScanEvent))))  # fmt: skip
    assert len(left) == 3 and any("garbage 2" in e for e in left)  # Ánh's exit, Đặng's entry
    names = sorted(p.name for p in ctx.log.people.find("th") + ctx.log.people.find("van"))
    assert names == ["Lê Thị Ánh", "Đặng Văn Hùng"]
    assert ctx.log.people.purge(30, now=now).visits == 0  # nothing more at the same moment


# ----- finding one person --------------------------------------------------------------------
def test_find_folds_escapes_refuses_and_sorts(ctx: AppContext) -> None:
    for payload in (ZO, DANG, ANH, MINH, LAN):
        record(ctx, payload, NOW)
    people = ctx.log.people
    assert [p.name for p in people.find("nguyen van minh")] == ["Nguyễn Văn Minh"]
    assert [p.name for p in people.find("NGUYỄN")] == ["Nguyễn Văn Minh"]
    assert [p.name for p in people.find("dang")] == ["Đặng Văn Hùng"]
    assert [p.name for p in people.find("001090123456")] == ["Nguyễn Văn Minh"]
    assert people.find("%%") == [] and people.find("__") == []
    for empty in ("", "  ", "%"):
        with pytest.raises(PersonError):
            people.find(empty)
    assert [p.name for p in people.find("th")] == ["Lê Thị Ánh", "Trần Thị Lan"]
    assert [p.name for p in people.find("van")] == [
        "Đặng Văn Hùng", "Nguyễn Văn Minh", "Zô Văn Tư"
    ]  # fmt: skip
    found = people.find("van")
    assert found[0].masked_id == "001******222"
    finds = [r for r in ctx.log.audit_records() if r.action == "person_find"]
    assert finds[0].query == "nguyen van minh" and json.loads(finds[0].detail) == {"found": 1}


def test_one_person_is_chosen_by_number_or_exact_id_never_by_substring(ctx: AppContext) -> None:
    record(ctx, LAN, NOW)
    people = ctx.log.people
    with pytest.raises(PersonError):
        people.delete("An")
    with pytest.raises(PersonError):
        people.delete("07919501")
    number = people.find("lan")[0].number
    assert people.summary(f"#{number}").name == "Trần Thị Lan"
    assert people.summary("079195012345").number == number


def test_correct_updates_folded_name_and_is_audited(ctx: AppContext) -> None:
    record(ctx, MINH, NOW)
    changed = ctx.log.people.correct("001090123456", {"name": "Nguyễn Văn Mạnh", "phone": "0912"})
    assert changed == ["name", "phone"]
    assert [p.name for p in ctx.log.people.find("nguyen van manh")] == ["Nguyễn Văn Mạnh"]
    [audit] = [r for r in ctx.log.audit_records() if r.action == "person_correct"]
    assert json.loads(audit.detail)["fields"] == ["name", "phone"]


def test_cli_correct_checks_values_as_the_window_does(
    ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    record(ctx, MINH, NOW)
    base = ["--db", ctx.db.url, "person", "correct", "001090123456"]
    assert main([*base, "--sex", "Nữ", "--birth-date", "02/01/1990", "--phone", "0912"]) == 0
    assert "Corrected: Birth date, Sex, Phone" in capsys.readouterr().out
    held = ctx.log.people.record("001090123456").person
    assert (held["sex"], held["birth_date"], held["phone"]) == ("female", "1990-01-02", "0912")
    for bad in (["--sex", "x"], ["--birth-date", "01/01/2999"], ["--birth-date", "31/02/1990"],
                ["--name", " "], ["--organisation", "x" * 201]):  # fmt: skip
        assert main([*base, *bad]) == 1, bad
        err = capsys.readouterr().err
        assert err.strip() and "Traceback" not in err, bad
    assert main([*base, "--phone", "", "--sex", "Nữ"]) == 0  # "" clears; the same sex is kept
    assert "Corrected: Phone" in capsys.readouterr().out
    assert ctx.log.people.record("001090123456").person["phone"] is None
    corrections = [r for r in ctx.log.audit_records() if r.action == "person_correct"]
    assert len(corrections) == 2  # the refused ones changed nothing and left no record


def test_rejected_scan_keeps_no_full_number() -> None:
    assert mask_digit_runs("x|001090123456|y") == "x|001******456|y"
    assert mask_digit_runs("12345678 ok") == "12345678 ok"


def test_name_folded_is_filled_by_the_migration(sqlite_url: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from desk_app.storage.migrate import alembic_config

    engine = create_engine(sqlite_url)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
        conn.execute(
            text(
                "INSERT INTO people (person_key, id_number, name, created_at, updated_at) "
                "VALUES ('001090123456', '001090123456', 'Nguyễn Văn Minh', "
                "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO audit (at, action, detail, desk) "
                "VALUES ('2026-01-01 00:00:00', 'purge', '1 visit', 'd')"
            )
        )
    engine.dispose()
    ctx = AppContext.open(sqlite_url)
    try:
        from desk_app.storage import audit

        # The records chained by the upgrade verify at once: their head is kept beside.
        assert audit.verify(ctx.db, ctx.settings.unit_secret()).ok
        assert [p.name for p in ctx.log.people.find("minh")] == ["Nguyễn Văn Minh"]
        assert audit.verify(ctx.db, ctx.settings.unit_secret()).ok
    finally:
        ctx.close()


def _old_rejected_sample(ctx: AppContext, sample: str) -> None:
    """A rejected scan stored before samples were masked, holding the full number."""
    ctx.db.write(
        lambda s: s.add(
            ScanEvent(at=NOW, outcome="rejected", method="camera", code_kind="unknown",
                      desk="d", reason="unrecognised", text_head=sample)
        )
    )  # fmt: skip


# ----- export --------------------------------------------------------------------------------
def test_export_holds_all_and_only_their_records(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record(ctx, MINH, NOW)
    record(ctx, MINH, NOW + timedelta(hours=1))
    record(ctx, LAN, NOW)
    _old_rejected_sample(ctx, "001090123456|broken")
    ctx.log.record_scan(ctx.parse("079195012345|broken"), at=NOW)  # Lan's, masked
    both = outbox.queue(ctx.db, _report_message([("Nguyễn Văn Minh", "001******456"),
                        ("Trần Thị Lan", "079******345")]), period="2026-W48",
                        subject="Báo cáo tuần 48", recipients="r")  # fmt: skip
    outbox.queue(ctx.db, _report_message([("Trần Thị Lan", "079******345")]),
                 period="2026-W47", subject="Báo cáo tuần 47", recipients="r")  # fmt: skip
    ctx.log.people.find("nguyen van minh")
    ctx.log.people.find("tran thi lan")
    code = main(["--db", ctx.db.url, "person", "export", "001090123456", "--out",
                 str(tmp_path / "minh")])  # fmt: skip
    assert code == 0
    data = json.loads((tmp_path / "minh.json").read_text(encoding="utf-8"))
    assert data["person"]["name"] == "Nguyễn Văn Minh"
    assert len(data["visits"]) == 1 and data["visits"][0]["exit_at"]
    assert sorted(e["outcome"] for e in data["scan_events"]) == ["entry", "exit", "rejected"]
    assert [m["message"] for m in data["reports"]] == [both]  # not the week without him
    assert [(a["action"], a["query"]) for a in data["audit"]] == [
        ("person_find", "nguyen van minh"), ("person_export", "001090123456")
    ]  # fmt: skip
    assert "Lan" not in json.dumps(data, ensure_ascii=False)
    wb = load_workbook(tmp_path / "minh.xlsx")
    assert len(wb.worksheets) == 5 and wb.worksheets[1].max_row == 2
    assert [ws.max_row for ws in wb.worksheets[3:]] == [2, 3]
    assert [r.action for r in ctx.log.audit_records()][-1] == "person_export"
    assert main(["--db", ctx.db.url, "person", "show", "001090123456"]) == 0
    out = capsys.readouterr().out
    assert "Kept report e-mails naming them (1)" in out and "Báo cáo tuần 48" in out
    assert "Audit records about them (3)" in out and "person_show" in out


def test_a_number_given_again_does_not_bring_the_deleted_persons_records(
    sqlite_url: str,
) -> None:
    """SQLite gives the highest deleted number to the next person added; what was recorded
    about the person deleted must not appear in the newcomer's export."""
    ctx = AppContext.open(sqlite_url)
    try:
        record(ctx, MINH, NOW)
        people = ctx.log.people
        number = people.find("minh")[0].number
        people.record(f"#{number}")
        people.correct(f"#{number}", {"phone": "0912"})
        people.delete(f"#{number}")
        record(ctx, LAN, NOW)
        newcomer = people.find("lan")[0].number
        data = people.record(f"#{newcomer}", action="person_export").to_json_dict()
        assert newcomer == number  # the case this guards against
        actions = [a["action"] for a in data["audit"]]
        assert actions == ["person_export"]  # not the show, correction and deletion of Minh
    finally:
        ctx.close()


# ----- deletion ------------------------------------------------------------------------------
def _report_message(rows: list[tuple[str, str]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["STT", "Họ tên", "Số giấy tờ"])
    for i, (name, number) in enumerate(rows, 1):
        ws.append([i, name, number])
    buffer = io.BytesIO()
    wb.save(buffer)
    message = email.message.EmailMessage()
    message["Subject"] = "Báo cáo"
    message.set_content("Số lượt: 3\n")
    message.add_attachment(buffer.getvalue(), maintype="application",
                           subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           filename="bao-cao.xlsx")  # fmt: skip
    return message.as_bytes(policy=email.policy.SMTP)


def _attached_rows(raw: bytes) -> list[list[object]]:
    message = email.message_from_bytes(raw, policy=email.policy.SMTP)
    [part] = [p for p in message.walk() if (p.get_filename() or "").endswith(".xlsx")]
    wb = load_workbook(io.BytesIO(part.get_payload(decode=True)))
    rows = wb.active.iter_rows(values_only=True)  # type: ignore[union-attr]
    return [list(r) for r in rows if any(v is not None for v in r)]


def test_redact_message_takes_out_their_rows_only() -> None:
    raw = _report_message(
        [("Nguyễn Văn Minh", "001******456"), ("Nguyễn Văn Minh", "001******999"),
         ("Trần Thị Lan", "079195012345")]
    )  # fmt: skip
    redacted = redact_message(raw, Who("Nguyễn Văn Minh", "001090123456"))
    assert redacted is not None
    names = [r[1] for r in _attached_rows(redacted)]
    assert names == ["Họ tên", "Nguyễn Văn Minh", "Trần Thị Lan"]  # the other Minh stays
    rows = _attached_rows(redact_message(raw, Who("Trần Thị Lan", "079195012345")) or b"")
    assert [r[1] for r in rows] == ["Họ tên", "Nguyễn Văn Minh", "Nguyễn Văn Minh"]
    assert redact_message(raw, Who("Phạm Văn Khác", "001090000000")) is None


def test_delete_leaves_no_trace_in_the_database_file(sqlite_url: str) -> None:
    ctx = AppContext.open(sqlite_url)
    record(ctx, MINH, NOW)
    record(ctx, MINH, NOW + timedelta(hours=1))
    record(ctx, LAN, NOW)
    _old_rejected_sample(ctx, "001090123456|Nguyễn Văn Minh|x")
    ctx.log.record_scan(ctx.parse("001090123456|Nguyễn Văn Minh|broken"), at=NOW)
    waiting = outbox.queue(
        ctx.db,
        _report_message([("Nguyễn Văn Minh", "001090123456"), ("Trần Thị Lan", "079******345")]),
        period="2026-W48", subject="s", recipients="r",
    )  # fmt: skip
    people = ctx.log.people
    people.find("nguyen van minh")  # the query is in the audit trail...
    people.record("001090123456")
    people.correct("001090123456", {"phone": "0987654321", "organisation": "Công ty Minh Phát"})
    number = people.find("001090123456")[0].number

    result = people.delete(f"#{number}")

    assert (result.visits, result.scan_events, result.outbox) == (1, 4, 1)
    rows = _attached_rows(outbox.message_bytes(ctx.db, waiting) or b"")
    assert [r[1] for r in rows] == ["Họ tên", "Trần Thị Lan"]
    from desk_app.storage import audit

    assert audit.verify(ctx.db, ctx.settings.unit_secret()).ok  # ...erased, chain whole
    assert ctx.db.read(lambda s: s.scalar(select(OutboxMessage.id))) == waiting
    ctx.close()
    path = Path(sqlite_url.split("///", 1)[1])
    for suffix in ("", "-wal", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            data = candidate.read_bytes()
            for needle in ("001090123456", "Nguyễn Văn Minh", "nguyen van minh", "0987654321",
                           "Công ty Minh Phát"):  # fmt: skip
                assert needle.encode() not in data, (candidate.name, needle)
    assert b"Tr\xe1\xba\xa7n Th\xe1\xbb\x8b Lan" in path.read_bytes()  # the test can fail


def _texts(value: object) -> list[str]:
    """A stored value as every text it holds: bytes also read as an e-mail, its parts
    decoded, and a workbook (a zip) opened down to its XML, so a name inside a report's
    attachment is seen as well as a name in a column."""
    if value is None:
        return []
    if not isinstance(value, bytes | bytearray | memoryview):
        return [str(value)]
    raw = bytes(value)
    if raw[:2] == b"PK":
        return _unzipped(raw)
    found = [raw.decode("utf-8", "replace")]
    for part in email.message_from_bytes(raw, policy=email.policy.SMTP).walk():
        payload = None if part.is_multipart() else part.get_payload(decode=True)
        if isinstance(payload, bytes):
            found.extend(_unzipped(payload) if payload[:2] == b"PK" else [payload.decode(
                "utf-8", "replace")])  # fmt: skip
    return found


def _unzipped(raw: bytes) -> list[str]:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]


def _everything_held(ctx: AppContext) -> str:
    """Every value of every table in the database (whatever the program's schema knows of
    it), read by SQL: the whole database as text, folded for diacritics and case."""
    from sqlalchemy import MetaData

    metadata = MetaData()
    metadata.reflect(ctx.db.engine)
    assert {"people", "visits", "scan_events", "outbox", "audit"} <= set(metadata.tables)
    texts: list[str] = []
    with ctx.db.engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(table.select()):
                for value in row:
                    texts.extend(_texts(value))
    return fold("\n".join(texts))


def test_delete_leaves_no_trace_in_any_table_message_or_report(
    ctx: AppContext, tmp_path: Path
) -> None:
    """On SQLite and PostgreSQL alike: every table dumped by SQL, every kept e-mail opened
    down to its workbook, and the week's report made again afterwards."""
    from desk_app.domain.week import parse_week
    from desk_app.reports.workbook import export_report

    record(ctx, MINH, NOW)
    record(ctx, MINH, NOW + timedelta(hours=1))
    record(ctx, LAN, NOW)
    _old_rejected_sample(ctx, "001090123456|Nguyễn Văn Minh|x")
    ctx.log.record_scan(ctx.parse("001090123456|Nguyễn Văn Minh|broken"), at=NOW)
    rows = [("Nguyễn Văn Minh", "001090123456"), ("Trần Thị Lan", "079******345")]
    waiting = outbox.queue(ctx.db, _report_message(rows), period="2026-W48", subject="s",
                           recipients="r")  # fmt: skip
    sent = outbox.queue(ctx.db, _report_message(rows), period="2026-W47", subject="s",
                        recipients="r")  # fmt: skip
    outbox.record(ctx.db, sent, status="sent", sent_at=NOW)
    people = ctx.log.people
    people.find("nguyen van minh")
    people.find("001090123456", full_ids=True)
    people.record("001090123456", action="person_export")
    people.correct("001090123456", {"phone": "0912345678", "organisation": "Công ty Minh Phát"})
    ctx.log.audit("full_id_shown", "Nguyễn Văn Minh 001090123456", query="minh")
    needles = [fold(n) for n in ("001090123456", "Nguyễn Văn Minh", "0912345678",
                                 "Công ty Minh Phát")]  # fmt: skip
    before = _everything_held(ctx)
    assert all(n in before for n in needles)  # the search sees them where they are
    week = parse_week("2026-W48")
    report = fold("\n".join(_texts(export_report(ctx, week, full_ids=True, lang="vi").content)))
    assert needles[0] in report and needles[1] in report

    number = people.find("001090123456")[0].number
    people.delete(f"#{number}")

    after = _everything_held(ctx)
    for needle in needles:
        assert needle not in after, needle
    assert fold("Trần Thị Lan") in after and "079195012345" in after  # the others stay
    rows_left = _attached_rows(outbox.message_bytes(ctx.db, waiting) or b"")
    assert [r[1] for r in rows_left] == ["Họ tên", "Trần Thị Lan"]  # rebuilt, still waiting
    report = fold("\n".join(_texts(export_report(ctx, week, full_ids=True, lang="vi").content)))
    assert needles[0] not in report and needles[1] not in report
    assert fold("Trần Thị Lan") in report
    from desk_app.storage import audit

    assert audit.verify(ctx.db, ctx.settings.unit_secret()).ok


def test_delete_asks_for_confirmation(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    record(ctx, LAN, NOW)
    monkeypatch.setattr("builtins.input", lambda _q: "n")
    assert main(["--db", ctx.db.url, "person", "delete", "079195012345"]) == 1
    assert ctx.log.people.find("lan")
    assert main(["--db", ctx.db.url, "person", "delete", "An", "--yes"]) == 1
    assert "Traceback" not in capsys.readouterr().err
    monkeypatch.setattr("builtins.input", lambda _q: "c")
    assert main(["--db", ctx.db.url, "person", "delete", "079195012345"]) == 0
    assert ctx.log.people.find("lan") == []


def test_find_prints_masked_numbers_after_the_audit(
    ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    record(ctx, MINH, NOW)
    assert main(["--db", ctx.db.url, "person", "find", "minh"]) == 0
    out = capsys.readouterr().out
    assert "001******456" in out and "001090123456" not in out
    assert main(["--db", ctx.db.url, "person", "find", ""]) == 1
    assert main(["--db", ctx.db.url, "config", "set", "manager.pin_hash", "x"]) == 1
    assert "set-pin" in capsys.readouterr().err


@pytest.mark.parametrize(
    "key",
    ["manager.pin_hash", "manager.pin_failures", "manager.pin_locked_until", "Manager.PIN_hash",
     " manager.pin_failures", "manager.new_key"],
)  # fmt: skip
def test_config_set_cannot_touch_the_manager_keys(
    ctx: AppContext, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    from desk_app.domain.pin import set_manager_pin, verify_pin

    set_manager_pin(ctx.settings, "246813")
    assert main(["--db", ctx.db.url, "config", "set", key, "0"]) == 1
    err = capsys.readouterr().err
    assert "set-pin" in err and "Traceback" not in err
    ctx.settings.reload()
    assert verify_pin("246813", ctx.settings.get("manager.pin_hash"))
    assert ctx.settings.get("manager.pin_failures") == 0
    assert "settings_changed" not in [r.action for r in ctx.log.audit_records()]
    assert main(["--db", ctx.db.url, "config", "set", "retention.days", "21"]) == 0
    [changed] = [r for r in ctx.log.audit_records() if r.action == "settings_changed"]
    assert changed.query == "config set retention.days" and changed.os_user


def test_exports_the_program_keeps_go_with_the_purge(
    ctx: AppContext, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A person's export written where the program keeps it (no --out) is deleted by the
    purge once older than the period, like the records it was made from; one written
    elsewhere is the user's own file and stays."""
    record(ctx, MINH, NOW)
    assert main(["--db", ctx.db.url, "person", "export", "001090123456"]) == 0
    assert main(["--db", ctx.db.url, "person", "export", "001090123456", "--out",
                 str(tmp_path / "mine")]) == 0  # fmt: skip
    kept = sorted(p for p in exports_dir().rglob("*") if p.is_file())
    assert [p.suffix for p in kept] == [".json", ".xlsx"]
    nested = exports_dir() / "older" / "person-9.json"  # a folder made inside it
    nested.parent.mkdir()
    nested.write_text("{}")
    capsys.readouterr()
    result = ctx.log.people.purge(30)
    assert result.files == 0 and all(p.exists() for p in kept)  # not older than 30 days yet
    old = (datetime.now(UTC) - timedelta(days=32)).timestamp()
    users = [tmp_path / "mine.json", tmp_path / "mine.xlsx"]
    for path in [*kept, nested, *users]:
        os.utime(path, (old, old))
    result = ctx.log.people.purge(30)
    assert result.files == 3 and not any(p.exists() for p in [*kept, nested])
    assert all(p.exists() for p in users)
    assert main(["--db", ctx.db.url, "purge"]) == 0
    assert "0 exported files" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [["find", "001090123456", "--full-ids"], ["find", "minh", "--json", "--full-ids"],
     ["show", "001090123456"], ["export", "001090123456"]],
)  # fmt: skip
def test_nothing_is_shown_when_its_audit_record_cannot_be_written(
    ctx: AppContext,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
) -> None:
    from desk_app.storage import audit
    from desk_app.storage.database import DatabaseError

    record(ctx, MINH, NOW)

    def refuse(*_a: object, **_k: object) -> int:
        raise DatabaseError("the audit trail cannot be written")

    monkeypatch.setattr(audit, "append", refuse)
    assert main(["--db", ctx.db.url, "person", *argv]) == 1
    out, err = capsys.readouterr()
    assert "001090123456" not in out + err and "Nguyễn" not in out
    assert "audit trail cannot be written" in err and "Traceback" not in err
    assert not [p for p in exports_dir().rglob("*") if p.is_file()]


def test_export_to_a_mistyped_folder_makes_nothing(
    ctx: AppContext, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """As for a mistyped --db: a folder that does not exist is named, and nothing is made;
    a name given with the extension of one of the two files is not doubled."""
    record(ctx, MINH, NOW)
    target = tmp_path / "typo" / "deeper" / "minh"
    code = main(["--db", ctx.db.url, "person", "export", "001090123456", "--out", str(target)])
    assert code == 1
    err = capsys.readouterr().err
    assert str(tmp_path / "typo" / "deeper") in err and "does not exist" in err
    assert not (tmp_path / "typo").exists()
    for given in ("minh.xlsx", "minh.json", "MINH.XLSX"):
        code = main(["--db", ctx.db.url, "person", "export", "001090123456", "--out",
                     str(tmp_path / given)])  # fmt: skip
        assert code == 0
        stem = Path(given).stem
        made = sorted(p.name for p in tmp_path.glob(f"{stem}.*"))
        assert made == [f"{stem}.json", f"{stem}.xlsx"]
    # Written as a folder (with its separator at the end), a missing one is not taken for
    # a file name beside it.
    code = main(["--db", ctx.db.url, "person", "export", "001090123456", "--out",
                 str(tmp_path / "ho-so") + os.sep])  # fmt: skip
    assert code == 1
    err = capsys.readouterr().err
    assert str(tmp_path / "ho-so") in err and "does not exist" in err
    assert not list(tmp_path.glob("ho-so*"))


def test_delete_takes_rejected_samples_naming_them_in_any_case_or_masked(
    ctx: AppContext,
) -> None:
    """A rejected code keeps its start with the number masked; the name in it may be in
    capitals without diacritics (a health-app code) or in lower case. Those samples are the
    person's: in their export and gone with their deletion; another person's stay."""
    record(ctx, LAN, NOW)
    record(ctx, MINH, NOW)
    for sample in ("079195012345|TRAN THI LAN|x", "tran thi lan|garbage", "079195012345|y",
                   "001090123456|NGUYEN VAN MINH|x"):  # fmt: skip
        ctx.log.record_scan(ctx.parse(sample), at=NOW)
    heads = ctx.db.read(lambda s: sorted(s.scalars(select(ScanEvent.text_head))))
    assert "079******345|TRAN THI LAN|x" in heads  # stored masked, as the desk shows it
    shown = ctx.log.people.record("079195012345")
    assert sorted(e["text"] for e in shown.scan_events if e["outcome"] == "rejected") == [
        "079******345|TRAN THI LAN|x", "079******345|y", "tran thi lan|garbage"
    ]  # fmt: skip
    ctx.log.people.delete("079195012345")
    held = _everything_held(ctx)
    assert "tran thi lan" not in held and "079******345" not in held
    assert "001******456|nguyen van minh|x" in held  # Minh's own sample stays


def test_delete_takes_the_exports_of_them_the_program_keeps(
    ctx: AppContext, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Their exports in the program's own folder go with them (no file there still holds
    their number); another person's export and a file written elsewhere stay."""
    record(ctx, MINH, NOW)
    record(ctx, LAN, NOW)
    assert main(["--db", ctx.db.url, "person", "export", "001090123456"]) == 0
    assert main(["--db", ctx.db.url, "person", "export", "079195012345"]) == 0
    mine = tmp_path / "mine"
    assert main(["--db", ctx.db.url, "person", "export", "001090123456", "--out", str(mine)]) == 0
    capsys.readouterr()
    assert main(["--db", ctx.db.url, "person", "delete", "001090123456", "--yes"]) == 0
    assert "2 exported files" in capsys.readouterr().out
    left = sorted(p for p in exports_dir().rglob("*") if p.is_file())
    assert [p.suffix for p in left] == [".json", ".xlsx"]  # Lan's
    assert all(b"001090123456" not in p.read_bytes() for p in left)
    assert b"079195012345" in left[0].read_bytes()
    assert (tmp_path / "mine.json").exists()  # the user's own file


def test_a_passport_number_is_found_typed_in_lower_case(ctx: AppContext) -> None:
    """Passport numbers carry letters, printed in capitals: typed in lower case at the desk
    they still find the person, and choose them for show, export, correct and delete."""
    record(ctx, "B1234567|TRAN VAN PASS|1990-01-01|0|QID9|<1<<", NOW)
    assert [p.name for p in ctx.log.people.find("b1234567")] == ["TRAN VAN PASS"]
    assert [p.name for p in ctx.log.people.find(" b123 4567 ")] == ["TRAN VAN PASS"]
    assert ctx.log.people.summary("b1234567").name == "TRAN VAN PASS"
    assert ctx.log.people.find("b123456") == []  # a piece of a number finds nobody


LE_AN = "001090444444||Lê An|01011990|Nam|Hà Nội|01012021"
LE_ANH_TUAN = "001090555555||Lê Anh Tuấn|01011990|Nam|Hà Nội|01012021"


def test_delete_takes_their_name_as_whole_words_not_the_start_of_another(
    ctx: AppContext,
) -> None:
    """ "Lê An" is in "random LE AN text", not in "LÊ ANH TUẤN": deleting Lê An takes the
    first rejected sample and leaves Lê Anh Tuấn's sample and the audit of a search for him."""
    record(ctx, LE_AN, NOW)
    record(ctx, LE_ANH_TUAN, NOW)
    for sample in ("garbage LÊ ANH TUẤN 1990", "random LE AN text", "le an"):
        ctx.log.record_scan(ctx.parse(sample), at=NOW)
    assert [p.name for p in ctx.log.people.find("le anh tuan")] == ["Lê Anh Tuấn"]
    shown = ctx.log.people.record("001090444444")
    assert sorted(e["text"] for e in shown.scan_events if e["outcome"] == "rejected") == [
        "le an", "random LE AN text"
    ]  # fmt: skip
    assert [a["action"] for a in shown.audit] == ["person_show"]

    assert ctx.log.people.delete("001090444444").scan_events == 3  # their entry and two samples
    heads = ctx.db.read(lambda s: sorted(s.scalars(select(ScanEvent.text_head))))
    assert "garbage LÊ ANH TUẤN 1990" in heads and "random LE AN text" not in heads
    [search] = [r for r in ctx.log.audit_records() if r.action == "person_find"]
    assert search.query == "le anh tuan" and not search.erased


@pytest.mark.parametrize("query", ["\u0301\u0301", "\u0301 \u0323\u0300", "a\u0301\u0300"])
def test_a_query_of_diacritics_alone_is_refused_not_a_list_of_everyone(
    ctx: AppContext, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    """Marks without a letter fold to nothing, which every name contains."""
    record(ctx, MINH, NOW)
    record(ctx, LAN, NOW)
    with pytest.raises(PersonError):
        ctx.log.people.find(query)
    assert main(["--db", ctx.db.url, "person", "find", query, "--full-ids"]) == 1
    out, err = capsys.readouterr()
    assert "Nguyễn" not in out + err and "001090123456" not in out + err
    assert "Traceback" not in err


@pytest.mark.parametrize("who", ["#²", "#١", "#99999999999999999999", "#1\u0301"])
def test_an_odd_number_after_the_hash_names_nobody(
    ctx: AppContext, capsys: pytest.CaptureFixture[str], who: str
) -> None:
    record(ctx, MINH, NOW)
    with pytest.raises(PersonError):
        ctx.log.people.summary(who)
    assert main(["--db", ctx.db.url, "person", "show", who]) == 1
    out, err = capsys.readouterr()
    assert "Nguyễn" not in out and "Traceback" not in err and who in err


def test_delete_acts_on_the_person_confirmed_even_if_the_number_changes_hands(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Between the question and the answer another desk deletes the person and a new
    visitor takes their number (SQLite gives it again): the one confirmed is not deleted
    twice, and the newcomer is left alone."""
    record(ctx, MINH, NOW)
    record(ctx, LAN, NOW)
    number = ctx.log.people.find("079195012345")[0].number

    def answer(_question: str) -> str:
        ctx.log.people.delete(f"#{number}")
        record(ctx, ANH, NOW)
        return "y"

    monkeypatch.setattr("builtins.input", answer)
    code = main(["--db", ctx.db.url, "person", "delete", f"#{number}"])
    [anh] = ctx.log.people.find("le thi anh")
    if ctx.db.is_sqlite:
        assert anh.number == number
    assert code == 1 and anh.visits == 1
    assert "Traceback" not in capsys.readouterr().err


def test_redact_takes_their_rows_spelt_as_a_keyboard_scanner_or_mojibake_gave_the_name() -> None:
    """A report kept before the desk learnt the right spelling carries the name as a
    keyboard-type scanner typed it ('Nguy?n V?n Minh') or as mojibake: with their masked
    number that row is theirs. The same mangled name with another number, or too little of
    a name left, is not theirs."""
    raw = _report_message(
        [("Nguy?n V?n Minh", "001******456"), ("Nguyá»…n VÄƒn Minh", "001******456"),
         ("Nguy?n V?n Minh", "001******999"), ("??? ??? ????", "001******456"),
         ("Trần Thị Lan", "079******345")]
    )  # fmt: skip
    redacted = redact_message(raw, Who("Nguyễn Văn Minh", "001090123456"))
    assert redacted is not None
    rows = _attached_rows(redacted)
    assert [(r[1], r[2]) for r in rows] == [
        ("Họ tên", "Số giấy tờ"), ("Nguy?n V?n Minh", "001******999"),
        ("??? ??? ????", "001******456"), ("Trần Thị Lan", "079******345"),
    ]  # fmt: skip
    assert "Nguyá»…n" not in "".join(_texts(redacted))


def _refuse_audit_records(ctx: AppContext) -> None:
    """The database itself refuses new audit records (a trigger), as a full disk would."""

    def create(session: object) -> None:
        execute = session.execute  # type: ignore[attr-defined]
        if ctx.db.is_sqlite:
            execute(text("CREATE TRIGGER no_audit BEFORE INSERT ON audit "
                         "BEGIN SELECT RAISE(ABORT, 'audit refused'); END"))  # fmt: skip
        else:
            execute(text("CREATE FUNCTION no_audit() RETURNS trigger AS $$ BEGIN "
                         "RAISE EXCEPTION 'audit refused'; END $$ LANGUAGE plpgsql"))  # fmt: skip
            execute(text("CREATE TRIGGER no_audit BEFORE INSERT ON audit "
                         "FOR EACH ROW EXECUTE FUNCTION no_audit()"))  # fmt: skip

    ctx.db.write(create)


def test_a_purge_that_cannot_be_recorded_deletes_nothing_not_even_old_exports(
    ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every purge is audited: when its record cannot be written, the visits and the old
    exports alike are still there, and the purge says why it did nothing."""
    cutoff = retention_cutoff(30, NOW)
    old = record(ctx, MINH, cutoff - timedelta(days=3))
    old_file = exports_dir() / "person-1-20261001-100000.json"
    old_file.write_text("{}")
    os.utime(old_file, (cutoff.timestamp() - 60, cutoff.timestamp() - 60))
    _refuse_audit_records(ctx)

    assert main(["--db", ctx.db.url, "purge", "--older-than", "30"]) == 1
    assert "audit refused" in capsys.readouterr().err
    assert ctx.log.visit(old.visit_id) is not None
    assert old_file.exists()


def test_a_number_the_purge_freed_does_not_bring_the_purged_persons_audit(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The purge deletes people left with nothing, without a deletion record for each:
    who looked at the person purged (their number typed as the query) must not appear in
    the export of the next person SQLite gives that number to, later the same day."""
    from desk_app.storage import audit
    from desk_app.timeutil import utc_now

    ctx = AppContext.open(sqlite_url)
    try:
        morning = utc_now() - timedelta(hours=3)
        record(ctx, LAN, morning)
        record(ctx, MINH, morning - timedelta(days=40))
        people = ctx.log.people
        monkeypatch.setattr(audit, "utc_now", lambda: morning)
        people.record("001090123456")  # someone looks at Minh in the morning
        assert people.purge(30).people == 1  # Minh: nothing left in the period
        monkeypatch.undo()
        record(ctx, ANH, utc_now())  # a newcomer in the afternoon
        [anh] = people.find("le thi anh")
        data = people.record(f"#{anh.number}", action="person_export").to_json_dict()
        assert anh.number == people.find("lan")[0].number + 1  # Minh's old number
        assert "001090123456" not in json.dumps(data)
        assert [a["action"] for a in data["audit"]] == ["person_find", "person_export"]
    finally:
        ctx.close()


def test_a_purged_person_leaves_no_number_or_name_in_the_audit_or_the_exports(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A person whose last visit is older than the period goes with the purge: the queries
    that named them in the audit trail (their number, their name) are blanked as a person's
    deletion blanks them, and their export in the program's folder goes too, even one
    written this morning. The chain still verifies; other people's records stay."""
    from desk_app.storage import audit
    from desk_app.timeutil import utc_now

    ctx = AppContext.open(sqlite_url)
    try:
        record(ctx, MINH, utc_now() - timedelta(days=40))
        record(ctx, LAN, utc_now())
        people = ctx.log.people
        people.record("001090123456")
        people.find("nguyen van minh")
        people.find("Trần Thị Lan")
        assert main(["--db", ctx.db.url, "person", "export", "001090123456"]) == 0
        assert main(["--db", ctx.db.url, "person", "export", "079195012345"]) == 0
        capsys.readouterr()

        result = people.purge(30)

        assert (result.people, result.files) == (1, 2)
        left = sorted(p.name for p in exports_dir().rglob("*") if p.is_file())
        assert len(left) == 2 and all(name.startswith("person-2-") for name in left)
        assert audit.verify(ctx.db, ctx.settings.unit_secret()).ok
        queries = [r.query for r in ctx.log.audit_records()]
        assert "Trần Thị Lan" in queries and "079195012345" in queries
        [purge] = [r for r in ctx.log.audit_records() if r.action == "purge"]
        assert "Minh" not in purge.detail and "0010" not in purge.detail
    finally:
        ctx.close()
    path = Path(sqlite_url.split("///", 1)[1])
    for suffix in ("", "-wal", "-journal"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            data = candidate.read_bytes()
            for needle in ("001090123456", "Nguyễn Văn Minh", "nguyen van minh"):
                assert needle.encode() not in data, (candidate.name, needle)
    assert "Trần Thị Lan".encode() in path.read_bytes()  # the test can fail


def test_saving_a_kept_report_e_mail_is_audited_before_the_file_is_written(
    ctx: AppContext, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A report e-mail in the outbox lists people (with full ID numbers when the report was
    made so): writing it out with 'outbox save' is an export of their data, recorded before
    the file exists; when the record cannot be written, no file is."""
    kept = outbox.queue(
        ctx.db, _report_message([("Nguyễn Văn Minh", "001090123456")]),
        period="2026-W48", subject="s", recipients="r",
    )  # fmt: skip
    target = tmp_path / "report.eml"
    assert main(["--db", ctx.db.url, "outbox", "save", str(kept), str(target)]) == 0
    assert target.exists()
    [saved] = [r for r in ctx.log.audit_records() if r.action == "outbox_saved"]
    assert json.loads(saved.detail) == {"message": kept, "file": "report.eml"}
    capsys.readouterr()

    _refuse_audit_records(ctx)
    again = tmp_path / "again.eml"
    assert main(["--db", ctx.db.url, "outbox", "save", str(kept), str(again)]) == 1
    assert "audit refused" in capsys.readouterr().err
    assert not again.exists()


def test_find_takes_the_words_of_a_name_in_any_order_as_the_window_does(
    ctx: AppContext,
) -> None:
    """The desk's search box finds a visitor when every word typed is in the name, in any
    order and with the middle name left out ('Nguyễn Minh', 'minh nguyen'); finding the
    person whose data is asked for takes a name the same way, and no word may be missing."""
    for payload in (MINH, LAN, DANG):
        record(ctx, payload, NOW)
    people = ctx.log.people
    for query in ("Nguyễn Minh", "minh nguyen", "  VAN   minh "):
        assert [p.name for p in people.find(query)] == ["Nguyễn Văn Minh"], query
    assert people.find("nguyen lan") == []
    assert [p.name for p in people.find("van")] == ["Đặng Văn Hùng", "Nguyễn Văn Minh"]
    assert people.find("minh %") == [] and people.find("van _") == []


def test_a_purged_person_leaves_no_row_in_a_report_e_mail_still_waiting(ctx: AppContext) -> None:
    """A report that could not be sent yet stays in the outbox to be sent, but the rows of
    people the purge deletes (everything of theirs is older than the period) leave it, as a
    person's deletion takes them out; the rows of people kept stay."""
    from desk_app.timeutil import utc_now

    record(ctx, MINH, utc_now() - timedelta(days=40))
    record(ctx, LAN, utc_now() - timedelta(days=40))
    record(ctx, LAN, utc_now())  # back today: kept
    waiting = outbox.queue(
        ctx.db,
        _report_message([("Nguyễn Văn Minh", "001090123456"), ("Trần Thị Lan", "079******345")]),
        period="2026-W40", subject="s", recipients="r",
    )  # fmt: skip

    result = ctx.log.people.purge(30)

    assert result.people == 1
    [left] = outbox.entries(ctx.db)
    assert left.id == waiting and left.status != "sent"
    rows = _attached_rows(outbox.message_bytes(ctx.db, waiting) or b"")
    assert [r[1] for r in rows] == ["Họ tên", "Trần Thị Lan"]
    assert "nguyen van minh" not in _everything_held(ctx)
    assert "001090123456" not in _everything_held(ctx)
