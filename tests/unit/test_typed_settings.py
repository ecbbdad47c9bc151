"""Typed reads of the settings: each value comes back as its declared kind, or it is a bug."""

from __future__ import annotations

import pytest

from desk_app.context import AppContext
from desk_app.settings import SETTINGS


def test_typed_reads(sqlite_url: str) -> None:
    ctx = AppContext.open(sqlite_url)
    try:
        settings = ctx.settings
        settings.set("scan.debounce_seconds", "15")
        settings.set("unit.checkpoints", ["Cổng chính", "Cổng phụ"])
        settings.set("visits.auto_checkout", "yes")
        assert settings.number("scan.debounce_seconds") == 15
        assert settings.names("unit.checkpoints") == ["Cổng chính", "Cổng phụ"]
        assert settings.flag("visits.auto_checkout") is True
        assert settings.text("visits.closing_time") == "18:00"
        assert settings.text("ui.language") in ("vi", "en")
        with pytest.raises(TypeError):
            settings.number("unit.name")
        with pytest.raises(TypeError):
            settings.text("scan.sound")
        # Every declared setting reads through its typed accessor.
        readers = {"int": settings.number, "bool": settings.flag, "list": settings.names}
        for spec in SETTINGS:
            if spec.secret:
                continue
            value = readers.get(spec.kind, settings.text)(spec.key)
            assert isinstance(value, {"int": int, "bool": bool, "list": list}.get(spec.kind, str))
    finally:
        ctx.close()
