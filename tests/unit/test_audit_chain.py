"""The audit trail as a hash chain: an edit, a removal, a reorder or a cut-off end is found."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from desk_app.cli import main
from desk_app.context import AppContext
from desk_app.storage import audit


@pytest.fixture
def ctx(db_url: str) -> AppContext:
    context = AppContext.open(db_url)
    for n in range(1, 6):
        context.log.audit("full_id_shown", f"visit {n}", query=f"query {n}")
    yield context
    context.close()


def verdict(ctx: AppContext) -> audit.Verdict:
    return audit.verify(ctx.db, ctx.settings.unit_secret())


def sql(ctx: AppContext, statement: str) -> None:
    ctx.db.write(lambda s: s.execute(text(statement)))


def test_intact_chain_verifies_and_the_head_is_kept_outside(ctx: AppContext) -> None:
    assert verdict(ctx) == audit.Verdict(True, 5)
    head = audit.read_head(ctx.db.url)
    assert head == audit.head(ctx.db) and head[0] == 5
    records = ctx.log.audit_records()
    assert records[0].os_user == audit.os_user() and records[0].query == "query 1"


def test_an_edited_detail_is_found(ctx: AppContext) -> None:
    sql(ctx, "UPDATE audit SET detail = 'visit 99' WHERE id = 3")
    assert verdict(ctx) == audit.Verdict(False, 5, 3, "edited")


def test_an_edited_time_is_found(ctx: AppContext) -> None:
    sql(ctx, "UPDATE audit SET action = 'x' WHERE id = 2")
    assert verdict(ctx).bad_id == 2


def test_a_removed_record_is_found(ctx: AppContext) -> None:
    sql(ctx, "DELETE FROM audit WHERE id = 2")
    assert verdict(ctx) == audit.Verdict(False, 4, 3, "removed_before")


def test_a_reorder_is_found(ctx: AppContext) -> None:
    sql(ctx, "UPDATE audit SET id = 100 WHERE id = 2")
    sql(ctx, "UPDATE audit SET id = 2 WHERE id = 3")
    sql(ctx, "UPDATE audit SET id = 3 WHERE id = 100")
    assert not verdict(ctx).ok and verdict(ctx).bad_id == 2


def test_a_cut_off_end_is_found(ctx: AppContext) -> None:
    sql(ctx, "DELETE FROM audit WHERE id >= 4")
    assert verdict(ctx) == audit.Verdict(False, 3, 4, "cut_off")


def test_a_rebuilt_table_does_not_match_the_head(ctx: AppContext) -> None:
    """Someone who recomputes every hash after an edit still meets the head outside."""
    sql(ctx, "UPDATE audit SET detail = 'visit 99' WHERE id = 5")
    rows = ctx.log.audit_records()

    def rechain(session: object) -> None:
        prev = ""
        for row in rows:
            digest = audit.content_digest(row.detail, row.query)
            record_hash = audit.chain_hash(
                prev, audit.canonical(row.id, row.at, row.action, row.desk, row.os_user, digest)
            )
            session.execute(  # type: ignore[attr-defined]
                text(
                    "UPDATE audit SET content_digest=:d, prev_hash=:p, record_hash=:h WHERE id=:i"
                ),
                {"d": digest, "p": prev, "h": record_hash, "i": row.id},
            )
            prev = record_hash

    ctx.db.write(rechain)  # type: ignore[arg-type]
    assert verdict(ctx) == audit.Verdict(False, 5, 5, "head_mismatch")


def test_an_erasure_without_a_deletion_is_found(ctx: AppContext) -> None:
    sql(ctx, "UPDATE audit SET detail = '', query = '', erased = true WHERE id = 2")
    assert verdict(ctx) == audit.Verdict(False, 5, 2, "erased_unnamed")


def test_old_records_fold_into_a_signed_summary(ctx: AppContext) -> None:
    later = datetime.now(UTC) + timedelta(days=400)
    assert audit.fold_older_than(ctx.db, ctx.settings.unit_secret(), 365, now=later) == 5
    records = ctx.log.audit_records()
    assert [r.action for r in records] == ["audit_folded", "audit_fold"]
    assert json.loads(records[0].detail)["actions"] == {"full_id_shown": 5}
    assert verdict(ctx).ok
    ctx.log.audit("purge", "{}")
    assert verdict(ctx).ok
    sql(ctx, f"UPDATE audit SET detail = '{json.dumps({'count': 1})}' WHERE id = {records[0].id}")
    assert verdict(ctx).reason == "bad_summary"


def test_cli_verify_and_list(ctx: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", ctx.db.url, "audit", "verify"]) == 0
    assert "5" in capsys.readouterr().out
    assert main(["--db", ctx.db.url, "audit", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["query"] for r in listed] == [f"query {n}" for n in range(1, 6)]
    assert main(["--db", ctx.db.url, "audit", "list", "--from", "01/01/2020",
                 "--to", "02/01/2020", "--json"]) == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out) == []
    sql(ctx, "DELETE FROM audit WHERE id = 3")
    assert main(["--db", ctx.db.url, "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert "#4" in err and "Traceback" not in err


def test_the_weekly_workbook_carries_the_chain_head(ctx: AppContext) -> None:
    import io

    from openpyxl import load_workbook

    from desk_app.domain.week import parse_week
    from desk_app.reports.workbook import export_report

    report = export_report(ctx, parse_week("2026-W48"), lang="en")
    head_id, head_hash = audit.head(ctx.db)
    summary = load_workbook(io.BytesIO(report.content)).worksheets[0]
    cells = [str(c) for row in summary.iter_rows(values_only=True) for c in row if c]
    assert any(f"#{head_id} {head_hash}" in c for c in cells)


def test_housekeeping_folds_records_older_than_the_setting(ctx: AppContext) -> None:
    from datetime import UTC, datetime, timedelta

    ctx.housekeeping(now=datetime.now(UTC) + timedelta(days=366))
    actions = [r.action for r in ctx.log.audit_records()]
    assert actions[0] == "audit_folded" and "full_id_shown" not in actions
    assert verdict(ctx).ok


def test_folding_is_by_the_setting_and_a_year_by_default(ctx: AppContext) -> None:
    assert ctx.settings.number("audit.keep_days") == 365
    now = datetime.now(UTC)
    ctx.housekeeping(now=now + timedelta(days=364))  # not a year old yet: nothing folded
    assert [r.action for r in ctx.log.audit_records()].count("full_id_shown") == 5
    ctx.settings.set("audit.keep_days", 30)
    ctx.housekeeping(now=now + timedelta(days=31))
    assert ctx.log.audit_records()[0].action == audit.FOLDED
    assert verdict(ctx).ok


def test_a_summary_folded_again_still_verifies_and_counts_everything(
    ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = ctx.settings.unit_secret()
    clock = [datetime.now(UTC) + timedelta(days=400)]  # records written from now on
    monkeypatch.setattr(audit, "utc_now", lambda: clock[0])
    assert audit.fold_older_than(ctx.db, secret, 365) == 5
    assert audit.fold_older_than(ctx.db, secret, 365) == 0  # the same day: nothing more
    for n in range(3):
        ctx.log.audit("person_export", f"export {n}")
    assert verdict(ctx).ok
    clock[0] += timedelta(days=400)
    assert audit.fold_older_than(ctx.db, secret, 365) == 5
    records = ctx.log.audit_records()
    assert [r.action for r in records] == [audit.FOLDED, "audit_fold"]
    summary = json.loads(records[0].detail)
    assert summary["count"] == 9  # five views, the first fold's record, three exports
    assert summary["actions"] == {"audit_fold": 1, "full_id_shown": 5, "person_export": 3}
    assert verdict(ctx).ok
    assert audit.fold_older_than(ctx.db, secret, 365) == 0


@pytest.mark.parametrize(
    ("statement", "bad", "reason"),
    [
        # The summary's counts changed: its signature no longer matches.
        (
            "UPDATE audit SET detail = replace(detail, '\"count\": 5', '\"count\": 2') "
            "WHERE action = 'audit_folded'",
            "summary",
            "bad_summary",
        ),  # fmt: skip
        # Its time moved (to hide when the folded records ended): signed too.
        (
            "UPDATE audit SET at = '2020-01-01 00:00:00' WHERE action = 'audit_folded'",
            "summary",
            "bad_summary",
        ),  # fmt: skip
        # The hash the chain continues from replaced: the next record no longer follows it.
        (
            "UPDATE audit SET record_hash = 'x' WHERE action = 'audit_folded'",
            "next",
            "removed_before",
        ),  # fmt: skip
        # The summary removed altogether: the next record's link points at nothing.
        ("DELETE FROM audit WHERE action = 'audit_folded'", "next", "removed_before"),
        # A forged summary placed after the start of the chain.
        (
            "UPDATE audit SET action = 'audit_folded' WHERE action = 'purge'",
            "last",
            "bad_summary",
        ),  # fmt: skip
    ],
)
def test_tampering_with_the_summary_is_found(
    ctx: AppContext, capsys: pytest.CaptureFixture[str], statement: str, bad: str, reason: str
) -> None:
    audit.fold_older_than(
        ctx.db, ctx.settings.unit_secret(), 365, now=datetime.now(UTC) + timedelta(days=400)
    )
    ctx.log.audit("purge", "{}")
    assert main(["--db", ctx.db.url, "audit", "verify"]) == 0
    capsys.readouterr()
    ids = [r.id for r in ctx.log.audit_records()]  # summary, its fold record, the purge
    sql(ctx, statement)
    found = verdict(ctx)
    assert not found.ok and found.reason == reason
    assert found.bad_id == {"summary": ids[0], "next": ids[1], "last": ids[2]}[bad]
    assert main(["--db", ctx.db.url, "audit", "verify"]) == 1
    assert f"#{found.bad_id}" in capsys.readouterr().err


def test_cli_fold_then_verify(
    ctx: AppContext, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    later = datetime.now(UTC) + timedelta(days=366)
    monkeypatch.setattr(audit, "utc_now", lambda: later)
    assert main(["--db", ctx.db.url, "audit", "fold"]) == 0
    assert "Folded 5" in capsys.readouterr().out
    assert main(["--db", ctx.db.url, "audit", "verify"]) == 0
    assert main(["--db", ctx.db.url, "audit", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert [r["action"] for r in listed] == [audit.FOLDED, "audit_fold"]


def test_a_cut_off_end_with_the_head_file_deleted_is_found(
    ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    """Beside a SQLite file the head is written by every desk that adds a record: a chain
    with records and no head beside it has lost its outside anchor, and says so. On a
    server the head lies in each desk's own folder, and a desk that never wrote one has
    none to miss."""
    from pathlib import Path

    sql(ctx, "DELETE FROM audit WHERE id >= 4")
    Path(audit.head_path(ctx.db.url)).unlink()
    if not ctx.db.is_sqlite:
        assert verdict(ctx) == audit.Verdict(True, 3)
        return
    assert verdict(ctx) == audit.Verdict(False, 3, 4, "head_missing")
    assert main(["--db", ctx.db.url, "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert "#4" in err and "missing" in err


def test_an_unreadable_head_names_a_record_for_the_window(ctx: AppContext) -> None:
    """The window's red line needs a record number: a head that cannot be read names the
    record after the last, as a cut-off end does."""
    audit.head_path(ctx.db.url).write_text("not a head", encoding="utf-8")
    assert verdict(ctx) == audit.Verdict(False, 5, 6, "head_unreadable")


def test_a_new_log_where_an_old_one_was_forgets_the_old_head(db_url: str) -> None:
    """A log started again from nothing (the SQLite file deleted, the server's database
    made anew) leaves the old head file behind: the new chain is not measured against it."""
    from tests.conftest import _fresh_postgres

    first = AppContext.open(db_url)
    for n in range(8):
        first.log.audit("full_id_shown", f"visit {n}")
    first.close()
    assert audit.read_head(db_url) is not None and audit.read_head(db_url)[0] == 8
    if db_url.startswith("sqlite"):
        from pathlib import Path

        Path(db_url.split("///", 1)[1]).unlink()
    else:
        _fresh_postgres(db_url)
    again = AppContext.open(db_url)
    try:
        again.log.audit("full_id_shown", "visit 1")
        assert verdict(again) == audit.Verdict(True, 1)
    finally:
        again.close()


def test_words_written_into_an_erased_record_are_found(ctx: AppContext) -> None:
    """A record blanked by a person's deletion stays blank: text put back into it (a made-up
    query, a detail) is an edit like any other."""
    ctx.log.record_scan(
        ctx.parse("001090123456||Nguyễn Văn Minh|01011990|Nam|Hà Nội|01012021"),
        at=datetime(2026, 11, 23, 3, 0, tzinfo=UTC),
    )
    ctx.log.people.find("nguyen van minh")  # record 6, blanked by the deletion
    ctx.log.people.delete("001090123456")
    assert verdict(ctx).ok
    sql(ctx, "UPDATE audit SET query = 'tran thi lan' WHERE id = 6")
    assert verdict(ctx) == audit.Verdict(False, 7, 6, "edited")
    sql(ctx, "UPDATE audit SET query = '', detail = '{\"found\": 0}' WHERE id = 6")
    assert verdict(ctx) == audit.Verdict(False, 7, 6, "edited")


def test_a_cut_off_end_that_took_a_deletion_record_is_named_as_cut_off(
    ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    """A person's deletion blanks earlier records and names them in its own record: when the
    end of the chain is cut off with that record, what is wrong is the cut (the head kept
    outside is newer), named at the first missing record, not the blanked record whose
    reason went with it."""
    ctx.log.record_scan(
        ctx.parse("001090123456||Nguyễn Văn Minh|01011990|Nam|Hà Nội|01012021"),
        at=datetime.now(UTC),
    )
    ctx.log.people.record("001090123456")  # the query names them: blanked by the deletion
    ctx.log.people.delete("001090123456")
    ctx.log.audit("full_id_shown", "visit 9")
    assert verdict(ctx).ok
    last = ctx.log.audit_records()[-1].id
    sql(ctx, f"DELETE FROM audit WHERE id >= {last - 1}")  # the deletion and the one after
    found = verdict(ctx)
    assert (found.ok, found.bad_id, found.reason) == (False, last - 1, "cut_off")
    assert main(["--db", ctx.db.url, "audit", "verify"]) == 1
    assert f"#{last - 1}" in capsys.readouterr().err
