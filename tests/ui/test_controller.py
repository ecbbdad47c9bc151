"""The desk controller: decoded texts and manual entries become visits, once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pytestqt.qtbot import QtBot

from desk_app.context import AppContext
from desk_app.domain.visits import ManualEntry, Method, Outcome, ScanResult
from desk_app.errors import UserError
from desk_app.ui.desk.controller import DeskController
from tests.ui.helpers import AN, BINH, MISMATCH, open_context


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Detection:
    text: str


@pytest.fixture
def ctx(sqlite_url: str) -> Iterator[AppContext]:
    context = open_context(sqlite_url)
    yield context
    context.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def controller(ctx: AppContext, clock: FakeClock) -> DeskController:
    return DeskController(ctx, guard_seconds=1.5, clock=clock)


def test_a_decoded_code_becomes_a_visit(
    qtbot: QtBot, ctx: AppContext, controller: DeskController
) -> None:
    with qtbot.waitSignal(controller.scan_recorded) as signal:
        controller.on_codes_decoded([Detection(AN)])
    result = signal.args[0]
    assert isinstance(result, ScanResult)
    assert result.outcome == Outcome.ENTRY
    assert result.method == "camera"
    assert result.name == "Nguyễn Văn An"
    inside = ctx.log.inside()
    assert [v.name for v in inside] == ["Nguyễn Văn An"]
    assert inside[0].entry_method == "camera"


def test_a_recorded_scan_tells_the_panels_the_rows_that_moved(
    qtbot: QtBot, ctx: AppContext, controller: DeskController, clock: FakeClock
) -> None:
    with qtbot.waitSignal(controller.visits_changed) as entry:
        controller.on_codes_decoded([Detection(AN)])
    rows, counts = entry.args
    assert [(r.name, r.inside) for r in rows] == [("Nguyễn Văn An", True)]
    assert counts["inside"] == 1 and counts["entries"] == 1
    with qtbot.waitSignal(controller.visits_changed) as exit_:
        controller.check_out(entry.args[0][0].id)
    rows, counts = exit_.args
    assert [(r.id, r.inside) for r in rows] == [(entry.args[0][0].id, False)]
    assert counts["inside"] == 0 and counts["exits"] == 1
    # A repeat (the same card again within the debounce window) moves nothing.
    moved: list[object] = []
    controller.visits_changed.connect(lambda rows, _counts: moved.append(rows))
    controller.on_codes_decoded([Detection(BINH)])
    clock.now += 2
    controller.on_codes_decoded([Detection(BINH)])
    assert len(moved) == 1


def test_the_same_text_on_consecutive_frames_reaches_the_log_once(
    ctx: AppContext, controller: DeskController, clock: FakeClock
) -> None:
    results = []
    controller.scan_recorded.connect(results.append)
    for _ in range(30):  # one second of frames showing the same card
        controller.on_codes_decoded([Detection(AN)])
        clock.now += 1 / 30
    assert [r.outcome for r in results] == [Outcome.ENTRY]
    assert len(ctx.log.inside()) == 1


def test_shown_again_after_the_guard_the_log_says_repeat(
    ctx: AppContext, controller: DeskController, clock: FakeClock
) -> None:
    assert controller.submit_text(AN) is not None
    clock.now += 3  # taken away and shown again, within the 10 s debounce
    again = controller.submit_text(AN)
    assert again is not None and again.outcome == Outcome.REPEAT
    assert len(ctx.log.inside()) == 1


def test_a_held_card_stays_guarded(controller: DeskController, clock: FakeClock) -> None:
    assert controller.submit_text(AN) is not None
    for _ in range(100):  # held for 10 s, seen every 0.1 s
        clock.now += 0.1
        assert controller.submit_text(AN) is None


def test_scanner_bursts_are_never_guarded(ctx: AppContext, controller: DeskController) -> None:
    results: list[ScanResult] = []
    controller.scan_recorded.connect(results.append)
    controller.on_scanner_text(BINH)
    controller.on_scanner_text(BINH)
    assert [r.outcome for r in results] == [Outcome.ENTRY, Outcome.REPEAT]
    assert results[0].method == Method.SCANNER.value
    assert ctx.log.inside()[0].entry_method == "scanner"


def test_debounce_setting_is_used(
    ctx: AppContext, controller: DeskController, clock: FakeClock
) -> None:
    ctx.settings.set("scan.debounce_seconds", 0)
    controller.submit_text(AN)
    clock.now += 2
    second = controller.submit_text(AN)
    assert second is not None and second.outcome == Outcome.EXIT


def test_direction_override(qtbot: QtBot, ctx: AppContext, controller: DeskController) -> None:
    ctx.settings.set("scan.debounce_seconds", 0)
    with qtbot.waitSignal(controller.direction_changed) as changed:
        controller.set_direction("out")
    assert changed.args == ["out"]
    result = controller.submit_text(BINH, Method.SCANNER)
    assert result is not None and result.outcome == Outcome.EXIT
    assert "exit_without_entry" in result.warnings
    controller.set_direction("in")
    assert controller.submit_text(AN, Method.SCANNER).outcome == Outcome.ENTRY  # type: ignore[union-attr]
    assert controller.submit_text(AN, Method.SCANNER).outcome == Outcome.ENTRY  # type: ignore[union-attr]
    assert [v.name for v in ctx.log.inside()] == ["Nguyễn Văn An"]


def test_warnings_and_rejections_are_reported(controller: DeskController) -> None:
    warned = controller.submit_text(MISMATCH, Method.SCANNER)
    assert warned is not None and warned.outcome == Outcome.ENTRY
    assert "id_sex_mismatch" in warned.warnings
    rejected = controller.submit_text("not a card", Method.SCANNER)
    assert rejected is not None and rejected.outcome == Outcome.REJECTED
    assert rejected.reason == "unknown_format"
    assert controller.submit_text("   ", Method.SCANNER) is None


def test_manual_entry_and_check_out(ctx: AppContext, controller: DeskController) -> None:
    entry = ManualEntry(name="Phạm Văn Dũng", organisation="Công ty A", purpose="Giao hàng")
    result = controller.submit_manual(entry)
    assert result is not None and result.outcome == Outcome.ENTRY
    [visit] = ctx.log.inside()
    assert (visit.name, visit.organisation, visit.purpose) == (
        "Phạm Văn Dũng",
        "Công ty A",
        "Giao hàng",
    )
    out = controller.check_out(visit.id)
    assert out is not None and out.outcome == Outcome.EXIT
    assert ctx.log.inside() == []
    assert controller.check_out(visit.id) is None
    with pytest.raises(ValueError):
        controller.submit_manual(ManualEntry(name="x"))


def test_a_failed_write_is_said_not_raised(
    qtbot: QtBot, ctx: AppContext, controller: DeskController, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> ScanResult:
        raise UserError("The disk is full")

    monkeypatch.setattr(ctx.log, "record_scan", broken)
    with qtbot.waitSignal(controller.failed) as failed:
        assert controller.submit_text(AN, Method.SCANNER) is None
    assert failed.args == ["The disk is full"]
