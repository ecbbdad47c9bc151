"""Words for the domain's codes (outcomes, reasons, warnings) from the one vocabulary."""

from __future__ import annotations

from desk_app.i18n.vocabulary import (
    kind_name,
    method_name,
    outcome_name,
    reason_name,
    warning_name,
)


def describe_reason(code: str) -> str:
    """A rejection reason (from the log or the payload parser) in the current language."""
    return reason_name(code)


def describe_warning(code: str) -> str:
    return warning_name(code)


def describe_outcome(outcome: str) -> str:
    return outcome_name(outcome)


def describe_kind(kind: str) -> str:
    return kind_name(kind)


def describe_method(method: str) -> str:
    return method_name(method)
