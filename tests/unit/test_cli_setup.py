"""``desk-app set-pin``: the manager PIN set from a script or reset when forgotten."""

from __future__ import annotations

import io

import pytest

from desk_app.cli import main
from desk_app.context import AppContext
from desk_app.domain.pin import set_manager_pin, verify_pin


def run_with_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], text: str, *argv: str
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_set_pin_from_a_script_resets_a_forgotten_pin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    ctx = AppContext.open(sqlite_url)
    set_manager_pin(ctx.settings, "111111")
    ctx.close()

    code, out, err = run_with_stdin(monkeypatch, capsys, "246802\n", "--db", sqlite_url, "set-pin")
    assert code == 0, err
    assert out.strip() == "The manager PIN was set"
    assert "246802" not in out + err

    ctx = AppContext.open(sqlite_url)
    try:
        stored = ctx.settings.get("manager.pin_hash")
        assert verify_pin("246802", stored) and not verify_pin("111111", stored)
        assert [r.action for r in ctx.log.audit_records()][-1] == "manager_pin_set"
    finally:
        ctx.close()


@pytest.mark.parametrize("pin", ["12", "12345", "abcd", "", "123456789"])
def test_set_pin_refuses_a_bad_pin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sqlite_url: str, pin: str
) -> None:
    code, out, err = run_with_stdin(monkeypatch, capsys, pin + "\n", "--db", sqlite_url, "set-pin")
    assert code == 1
    assert err.strip() == "Error: The PIN must have 6 to 8 digits"
    ctx = AppContext.open(sqlite_url)
    try:
        assert ctx.settings.get("manager.pin_hash") == ""
    finally:
        ctx.close()
