"""Words for the domain's codes (outcomes, reasons, warnings) from the shared catalogue."""

from __future__ import annotations

from desk_app.i18n import t


def _first_known(*keys: str, fallback: str) -> str:
    for key in keys:
        text = t(key)
        if text != key:
            return text
    return fallback


def describe_reason(code: str) -> str:
    """A rejection reason (from the log or the payload parser) in the current language."""
    return _first_known(f"reason.{code}", f"payload.reason.{code}", fallback=code)


def describe_warning(code: str) -> str:
    return _first_known(f"warning.{code}", f"payload.warning.{code}", fallback=code)


def describe_outcome(outcome: str) -> str:
    return _first_known(f"outcome.{outcome}", fallback=outcome)
