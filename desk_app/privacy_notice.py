"""The personal-data notice as the desk shows it: the same text as the poster's, from the
unit's settings (name, retention period, contact)."""

from __future__ import annotations

from typing import Any, Protocol

from desk_app.i18n import t


class SettingsLike(Protocol):
    def get(self, key: str) -> Any: ...


def notice_title(lang: str | None = None) -> str:
    return t("poster.notice.title", lang)


def notice_text(settings: SettingsLike, lang: str | None = None) -> str:
    contact = str(settings.get("unit.contact") or "") or t("poster.notice.desk", lang)
    return t(
        "poster.notice",
        lang,
        unit=str(settings.get("unit.name") or ""),
        days=int(settings.get("retention.days")),
        contact=contact,
    ).strip()


def notice_line(settings: SettingsLike, lang: str | None = None, width: int = 110) -> str:
    """The notice's start, one line long, for the desk's window."""
    text = notice_text(settings, lang)
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + " …"
