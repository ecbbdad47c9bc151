"""The checkpoint poster: decoded back exactly, measured on paper, versioned, in Vietnamese."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk_app.cli import main
from desk_app.context import AppContext
from desk_app.domain.payloads import CodeKind
from desk_app.domain.visits import Outcome
from desk_app.printing.output import page_image
from desk_app.printing.poster import plan_poster, poster_document, save_poster
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
    read_grey,
    unit_context,
    zbar_texts,
    zxing_codes,
)

DPI = 150


@pytest.fixture
def ctx(sqlite_url: str, qapp: object) -> AppContext:
    return unit_context(sqlite_url)


def _poster(url: str, out: Path, *extra: str) -> int:
    return main(["--db", url, "poster", "--out", str(out), *extra])


def _measure(pdf: Path, payload: str) -> tuple[float, float, bool, tuple[int, int, int, int]]:
    """Width and height (mm) of the dark modules, whether the quiet zone is clear, the box."""
    image = rasterise(pdf, DPI)
    found = zxing_codes(image)
    assert [f.text for f in found] == [payload]
    assert zbar_texts(image) == [payload]
    box = dark_box(image, found[0])
    clean = quiet_zone_clean(image, box, int(4 * module_px(image, box)) - 2)
    return px_to_mm(box[2] - box[0], DPI), px_to_mm(box[3] - box[1], DPI), clean, box


def test_a4_poster_carries_the_signed_code_at_least_15_cm(
    ctx: AppContext, sqlite_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "poster.pdf"
    assert _poster(sqlite_url, out) == 0
    plan = plan_poster(ctx)
    width, height, clean, box = _measure(out, plan.payload)
    assert width >= 150 and height >= 150
    assert clean, "text or the page edge inside the quiet zone"
    # Nothing printable closer than 10 mm to the sheet's edges.
    assert px_to_mm(box[0], DPI) > 10 and px_to_mm(box[1], DPI) > 10
    assert pdf_pages(out)[1:] == pytest.approx((210, 297), abs=0.5)
    identity = ctx.parse(plan.payload)
    assert identity.kind is CodeKind.CHECKPOINT
    assert identity.extra["checkpoint"] == "Cổng chính"
    assert identity.extra["poster_version"] == "1"


def test_vietnamese_text_is_real_text_in_embedded_fonts(
    ctx: AppContext, sqlite_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "poster.pdf"
    assert _poster(sqlite_url, out) == 0
    text = " ".join(pdf_text(out).split())
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",
        "MÃ QR ĐIỂM KIỂM SOÁT RA VÀO",
        "Sở Thông tin và Truyền thông tỉnh Bắc Kạn",
        "Điểm kiểm soát: Cổng chính",
        "THÔNG BÁO VỀ XỬ LÝ DỮ LIỆU CÁ NHÂN",
        "được lưu 21 ngày",
        "91/2025/QH15",
        "356/2025/NĐ-CP",
        "Records are deleted after 21 days",
        "vanthu@example.gov.vn",
        "Số 7, đường Trường Chinh",
        f"Phiên bản 1 · In ngày {local_today().strftime('%d/%m/%Y')}",
    ):
        assert expected in text, expected
    fonts = pdf_fonts(out)
    assert fonts and all(emb == "yes" for _name, emb in fonts), fonts
    assert any("DejaVuSans" in name for name, _emb in fonts)


def test_a5_poster_gives_the_code_what_fits(ctx: AppContext, tmp_path: Path) -> None:
    plan = plan_poster(ctx)
    out = tmp_path / "a5.pdf"
    save_poster(ctx, plan, "A5", out)
    width, height, clean, _box = _measure(out, plan.payload)
    assert pdf_pages(out)[1:] == pytest.approx((148, 210), abs=0.5)
    assert width >= 95 and height >= 95
    assert clean


@pytest.mark.parametrize(
    "payload",
    [
        "https://checkin.example.gov.vn/l?c=BK-000123&v=2",
        "Điểm kiểm soát|Sở TT&TT Bắc Kạn|BK000123",
        "00123456789012345678901234567890",
        "x" * 400,
    ],
)
def test_an_issued_location_code_is_printed_exactly(
    ctx: AppContext, sqlite_url: str, tmp_path: Path, payload: str
) -> None:
    out = tmp_path / "issued.pdf"
    assert _poster(sqlite_url, out, "--payload", payload) == 0
    width, _height, clean, _box = _measure(out, payload)
    assert width >= 150
    assert clean
    assert "Mã địa điểm được cấp" in pdf_text(out)


def test_png_poster_is_300_dpi_and_decodes(
    ctx: AppContext, sqlite_url: str, tmp_path: Path
) -> None:
    plan = plan_poster(ctx)
    image = page_image(poster_document(plan, "A4"), 0)
    assert (image.width(), image.height()) == (2480, 3508)
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    out = tmp_path / "poster.png"
    assert _poster(sqlite_url, out) == 0
    grey = read_grey(out)
    assert grey.shape == (3508, 2480)
    found = zxing_codes(grey)
    assert [f.text for f in found] == [plan.payload]
    assert zbar_texts(grey) == [plan.payload]
    box = dark_box(grey, found[0])
    assert px_to_mm(box[2] - box[0], 300) >= 150


def test_reprinting_unchanged_keeps_the_version_and_a_change_bumps_it(
    ctx: AppContext, tmp_path: Path
) -> None:
    out = tmp_path / "p.pdf"
    first = plan_poster(ctx)
    save_poster(ctx, first, "A4", out)
    again = plan_poster(ctx)
    assert (again.version, again.payload, again.changed) == (1, first.payload, False)
    save_poster(ctx, again, "A5", out)  # another paper size is the same poster
    assert plan_poster(ctx).version == 1

    ctx.settings.set("unit.contact", "0209 3870 111")
    changed = plan_poster(ctx)
    assert (changed.version, changed.changed) == (2, True)
    assert changed.payload != first.payload
    assert ctx.parse(changed.payload).extra["poster_version"] == "2"
    # Planning is not printing: until it is printed, the version stays where it was.
    assert plan_poster(ctx).version == 2
    save_poster(ctx, changed, "A4", out)
    assert plan_poster(ctx).version == 2

    issued = plan_poster(ctx, payload="LOC-42")
    assert issued.version == 3
    save_poster(ctx, issued, "A4", out)
    assert plan_poster(ctx, payload=" LOC-42\n").version == 3
    assert plan_poster(ctx, payload="LOC-43").version == 4
    # Each checkpoint has its own poster and its own versions.
    assert plan_poster(ctx, "Cổng phụ").version == 1


def test_the_poster_code_is_not_a_personal_code_at_the_desk(ctx: AppContext) -> None:
    result = ctx.log.record_scan(ctx.parse(plan_poster(ctx).payload))
    assert result.outcome is Outcome.REJECTED
    assert result.reason == "checkpoint_code"


def test_long_unit_details_never_push_the_code_under_15_cm(
    sqlite_url: str, qapp: object, tmp_path: Path
) -> None:
    ctx = unit_context(
        sqlite_url,
        {
            "unit.name": "Trung tâm Công nghệ thông tin và Truyền thông thuộc Sở Thông tin và "
            "Truyền thông tỉnh Bắc Kạn - Cơ sở hai tại huyện Chợ Đồn",
            "unit.agency": "Sở Thông tin và Truyền thông tỉnh Bắc Kạn thuộc Ủy ban nhân dân tỉnh",
            "unit.address": "Tổ 10, phường Nguyễn Thị Minh Khai, thành phố Bắc Kạn, tỉnh Bắc Kạn, "
            "Việt Nam (tầng 3, nhà B, khu liên cơ quan)",
            "unit.checkpoints": ["Cổng số 2 - lối vào dành cho khách đến làm thủ tục hành chính"],
        },
    )
    out = tmp_path / "long.pdf"
    plan = plan_poster(ctx)
    save_poster(ctx, plan, "A4", out)
    width, height, clean, _box = _measure(out, plan.payload)
    assert width >= 150 and height >= 150
    assert clean


@pytest.mark.parametrize(
    ("args", "settings", "message"),
    [
        (["--size", "A4"], {"unit.name": ""}, "config set unit.name"),
        (["--checkpoint", "Cổng sau"], {}, 'No checkpoint "Cổng sau"'),
        (["--payload", "   "], {}, "The code text is empty"),
        (["--payload", "y" * 1500], {}, "too long"),
    ],
)
def test_problems_are_one_translated_line(
    sqlite_url: str,
    qapp: object,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    settings: dict[str, object],
    message: str,
) -> None:
    unit_context(sqlite_url, settings)
    out = tmp_path / "p.pdf"
    assert _poster(sqlite_url, out, *args) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_wrong_extension_and_unwritable_folder(
    ctx: AppContext,
    sqlite_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    qtbot: QtBot,
) -> None:
    assert _poster(sqlite_url, tmp_path / "p.txt") == 1
    assert _poster(sqlite_url, tmp_path / "missing" / "p.pdf") == 1
    err = capsys.readouterr().err.splitlines()
    assert "Only .pdf or .png" in err[0]
    assert "Cannot write" in err[1] and "does not exist" in err[1]
    assert plan_poster(ctx).previous_version is None  # nothing printed, nothing recorded


def test_the_command_paints_on_a_server_without_a_display(
    ctx: AppContext, sqlite_url: str, tmp_path: Path
) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    out = tmp_path / "server.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "desk_app", "--db", sqlite_url, "poster", "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert [f.text for f in zxing_codes(rasterise(out, DPI))] == [plan_poster(ctx).payload]
