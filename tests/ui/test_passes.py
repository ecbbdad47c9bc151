"""Visitor passes: the code reads back, checks the visit out, expires, and stays in its unit."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.context import AppContext
from desk_app.domain.payloads import CodeKind
from desk_app.domain.visits import Direction, Outcome
from desk_app.printing.output import PrintError
from desk_app.printing.passes import pass_document, plan_pass
from desk_app.timeutil import local_today
from tests.ui.print_checks import (
    dark_box,
    module_px,
    pdf_fonts,
    pdf_pages,
    pdf_text,
    px_to_mm,
    quiet_zone_clean,
    rasterise,
    unit_context,
    zbar_texts,
    zxing_codes,
)

AN = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
BINH = "079195001234||Trần Thị Bình|15061995|Nữ|TP. Hồ Chí Minh|01012022"
DPI = 200


@pytest.fixture
def ctx(sqlite_url: str, qapp: object) -> AppContext:
    return unit_context(sqlite_url)


def _visit(ctx: AppContext, code: str = AN) -> int:
    result = ctx.log.record_scan(ctx.parse(code), purpose="Nộp hồ sơ", host="Phòng Hành chính")
    assert result.outcome is Outcome.ENTRY and result.visit_id is not None
    return result.visit_id


def _printed_code(sqlite_url: str, visit_id: int, out: Path, fmt: str) -> tuple[str, float]:
    """The code read back from a printed pass (both engines agree) and its size in mm."""
    assert (
        main(["--db", sqlite_url, "pass", str(visit_id), "--out", str(out), "--format", fmt]) == 0
    )
    image = rasterise(out, DPI)
    found = zxing_codes(image)
    assert len(found) == 1
    assert zbar_texts(image) == [found[0].text]
    box = dark_box(image, found[0])
    assert quiet_zone_clean(image, box, int(4 * module_px(image, box)) - 2)
    return found[0].text, px_to_mm(box[2] - box[0], DPI)


@pytest.mark.parametrize(("fmt", "width"), [("a6", 105), ("80mm", 80)])
def test_a_printed_pass_checks_its_visit_out_once(
    ctx: AppContext, sqlite_url: str, tmp_path: Path, fmt: str, width: int
) -> None:
    visit_id = _visit(ctx)
    text, size = _printed_code(sqlite_url, visit_id, tmp_path / "pass.pdf", fmt)
    assert text == plan_pass(ctx, visit_id).payload
    assert size >= 40
    _pages, page_width, page_height = pdf_pages(tmp_path / "pass.pdf")
    assert round(page_width) == width
    assert page_height <= 160

    identity = ctx.parse(text)
    assert identity.kind is CodeKind.VISITOR_PASS
    assert identity.extra["pass_token"] == ctx.log.pass_token(visit_id)
    assert "visit_id" not in identity.extra
    assert identity.extra["expires_on"] == local_today().isoformat()
    # At the entrance the pass is refused: it is for leaving.
    refused = ctx.log.record_scan(identity, direction=Direction.IN)
    assert (refused.outcome, refused.reason) == (Outcome.REJECTED, "pass_inside")
    # Later than the repeat guard after the entry scan.
    left = ctx.log.record_scan(identity, at=datetime.now(UTC) + timedelta(minutes=2))
    assert (left.outcome, left.visit_id) == (Outcome.EXIT, visit_id)
    visit = ctx.log.visit(visit_id)
    assert visit is not None and visit.exit_at is not None
    later = datetime.now(UTC) + timedelta(minutes=5)
    again = ctx.log.record_scan(identity, at=later)
    assert (again.outcome, again.reason) == (Outcome.REJECTED, "pass_used")


def test_a_pass_expires_at_the_end_of_the_day(ctx: AppContext) -> None:
    visit_id = _visit(ctx)
    payload = plan_pass(ctx, visit_id).payload
    tomorrow = datetime.combine(local_today() + timedelta(days=1), datetime.min.time(), UTC)
    result = ctx.log.record_scan(ctx.parse(payload), at=tomorrow + timedelta(hours=3))
    assert (result.outcome, result.reason) == (Outcome.REJECTED, "pass_expired")
    visit = ctx.log.visit(visit_id)
    assert visit is not None and visit.exit_at is None


def test_a_pass_printed_by_another_unit_is_refused(ctx: AppContext, tmp_path: Path) -> None:
    other = unit_context(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    foreign = plan_pass(other, _visit(other)).payload
    _visit(ctx)  # a visit with the same number exists here too
    result = ctx.log.record_scan(ctx.parse(foreign))
    assert (result.outcome, result.reason) == (Outcome.REJECTED, "other_unit")


def test_the_pass_says_who_when_and_until_when_in_vietnamese(
    ctx: AppContext, sqlite_url: str, tmp_path: Path
) -> None:
    visit_id = _visit(ctx, BINH)
    out = tmp_path / "pass.pdf"
    _printed_code(sqlite_url, visit_id, out, "a6")
    text = " ".join(pdf_text(out).split())
    today = local_today().strftime("%d/%m/%Y")
    for expected in (
        "THẺ KHÁCH",
        "Trần Thị Bình",
        "Gặp: Phòng Hành chính",
        "Nội dung: Nộp hồ sơ",
        f"Có giá trị đến hết ngày {today}",
        "Quét thẻ này tại bàn tiếp đón khi ra về.",
        f"Số {visit_id}",
    ):
        assert expected in text, expected
    assert "079195001234" not in text  # no ID number on a badge
    assert all(emb == "yes" for _name, emb in pdf_fonts(out))


def test_no_pass_for_a_visit_that_ended_or_never_was(
    ctx: AppContext, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit_id = _visit(ctx)
    assert ctx.log.check_out(visit_id) is not None
    assert main(["--db", sqlite_url, "pass", str(visit_id), "--out", str(tmp_path / "p.pdf")]) == 1
    assert main(["--db", sqlite_url, "pass", "999", "--out", str(tmp_path / "p.pdf")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"Error: Visit {visit_id} has ended (the visitor has left)",
        "Error: No visit number 999",
    ]
    with pytest.raises(PrintError):
        plan_pass(ctx, visit_id)


def test_the_receipt_is_as_long_as_its_content(ctx: AppContext) -> None:
    spec = plan_pass(ctx, _visit(ctx), today=date(2026, 11, 26))
    short = pass_document(spec, "80mm")
    longer = pass_document(plan_pass(ctx, _visit(ctx, BINH), today=date(2026, 11, 26)), "80mm")
    assert 100 < short.height_mm < 160
    assert longer.height_mm == pytest.approx(short.height_mm, abs=15)
