"""The result banner's colours and words per outcome, and sounds that never block."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk_app.domain.visits import Outcome, ScanResult
from desk_app.ui.desk.result_banner import (
    COLOURS,
    ENTRY,
    EXIT,
    IDLE,
    REJECTED,
    WARNING,
    ResultBanner,
    classify,
)
from desk_app.ui.desk.sound import SoundPlayer, find_player

AT = datetime(2026, 11, 26, 1, 30, 5, tzinfo=UTC)  # 08:30:05 in Hồ Chí Minh City


def result(outcome: Outcome, **fields: object) -> ScanResult:
    values: dict[str, object] = {
        "outcome": outcome,
        "at": AT,
        "method": "camera",
        "code_kind": "cccd",
        "name": "Nguyễn Văn An",
        "id_number": "001090123456",
    }
    values.update(fields)
    return ScanResult(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("scan", "kind"),
    [
        (result(Outcome.ENTRY), ENTRY),
        (result(Outcome.EXIT), EXIT),
        (result(Outcome.ENTRY, warnings=("id_birth_year_mismatch",)), WARNING),
        (result(Outcome.REPEAT), WARNING),
        (result(Outcome.REJECTED, reason="unknown_format", name=""), REJECTED),
    ],
)
def test_classify(scan: ScanResult, kind: str) -> None:
    assert classify(scan) == kind


def test_banner_shows_the_result_masked(qtbot: QtBot) -> None:
    banner = ResultBanner()
    qtbot.addWidget(banner)
    assert banner.kind == IDLE
    banner.show_result(result(Outcome.ENTRY, warnings=("id_sex_mismatch",)))
    assert banner.kind == WARNING
    assert COLOURS[WARNING][0] in banner.styleSheet()
    assert banner.title.text() == "IN"
    assert banner.name.text() == "Nguyễn Văn An"
    assert banner.details.text() == "001******456   08:30:05"
    assert banner.note.text() == "The sex does not match the ID number"
    assert "001090123456" not in banner.details.text() + banner.note.text()


def test_banner_says_why_a_code_was_rejected(qtbot: QtBot) -> None:
    banner = ResultBanner()
    qtbot.addWidget(banner)
    banner.show_result(result(Outcome.REJECTED, reason="unknown_format", name="", id_number=None))
    assert banner.kind == REJECTED
    assert banner.title.text() == "Rejected"
    assert banner.name.text() == "—"
    assert banner.note.text() == "Unknown kind of code"


def test_banner_returns_to_ready(qtbot: QtBot) -> None:
    banner = ResultBanner(hold_ms=50)
    qtbot.addWidget(banner)
    banner.show_result(result(Outcome.EXIT))
    assert banner.kind == EXIT and banner.title.text() == "OUT"
    qtbot.waitUntil(lambda: banner.kind == IDLE)
    assert banner.title.text() == "Ready"


def test_sounds_exist_for_every_outcome() -> None:
    player = SoundPlayer(player=[sys.executable, "-c", "pass"])
    for name in ("entry", "exit", "warning", "rejected"):
        assert player.path_for(name).is_file()


def test_sound_plays_in_the_background(tmp_path: Path) -> None:
    marker = tmp_path / "played"
    # A stand-in player that records the file it was given.
    script = f"import sys, pathlib; pathlib.Path({str(marker)!r}).write_text(sys.argv[1])"
    player = SoundPlayer(player=[sys.executable, "-c", script])
    assert player.play("entry")
    assert player._running is not None
    player._running.wait(timeout=30)
    assert marker.read_text().endswith("entry.wav")
    player.close()


def test_silent_without_a_device_or_when_off() -> None:
    nothing = SoundPlayer()
    nothing.player = None  # what find_player() gives on a machine without audio
    assert not nothing.play("entry")
    assert not SoundPlayer(enabled=False, player=[sys.executable, "-c", "pass"]).play("entry")
    assert not SoundPlayer(player=[sys.executable, "-c", "pass"]).play("no-such-sound")


def test_no_player_found_where_no_audio_device(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("PULSE_SERVER", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/nonexistent")
    monkeypatch.setattr("desk_app.ui.desk.sound.glob.glob", lambda _pattern: [])
    assert find_player() is None
