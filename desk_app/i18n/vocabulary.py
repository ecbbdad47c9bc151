"""One vocabulary for the words a user sees about the log: code kinds, methods, outcomes,
rejection reasons and warnings. The window, the workbook, the poster and the command line all
name them through these functions, so they cannot drift apart."""

from __future__ import annotations

from desk_app.i18n import CATALOGUE, t

KINDS = (
    "cccd",
    "cancuoc",
    "pccovid",
    "bhyt",
    "staff",
    "visitor_pass",
    "checkpoint",
    "manual",
    "unrecognised",
)
METHODS = ("camera", "scanner", "manual", "checkout", "auto")
OUTCOMES = ("entry", "exit", "repeat", "rejected")


def _word(area: str, code: str | None, lang: str | None) -> str:
    if not code:
        return ""
    key = f"{area}.{code}"
    # An unknown code (from a newer version's log, say) is shown as it is, never as a key.
    return t(key, lang) if key in CATALOGUE else code


def kind_name(kind: str | None, lang: str | None = None) -> str:
    return _word("kind", kind, lang)


def method_name(method: str | None, lang: str | None = None) -> str:
    return _word("method", method, lang)


def outcome_name(outcome: str | None, lang: str | None = None) -> str:
    return _word("outcome", outcome, lang)


def reason_name(reason: str | None, lang: str | None = None) -> str:
    return _word("reason", reason, lang)


def warning_name(warning: str | None, lang: str | None = None) -> str:
    return _word("warning", warning, lang)
