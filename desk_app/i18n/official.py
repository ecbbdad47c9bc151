"""The one place for the official header and the Vietnamese date of documents.

Documents write the date in words around plain Arabic numerals, in the form the unit's
documents use (Decree 30/2020/NĐ-CP style): "Bắc Kạn, ngày 5 tháng 5 năm 2026",
"ngày 22 tháng 10 năm 2021", "ngày 1 tháng 2 năm 2027". The poster, the weekly workbook and
the province's letter all take their header and date from here; the English form is
DD/MM/YYYY.
"""

from __future__ import annotations

from datetime import date

from desk_app.i18n import language, t


def motto(lang: str | None = None) -> tuple[str, str]:
    """The national motto's two lines (nation, then the words under it)."""
    return t("official.motto.nation", lang), t("official.motto.words", lang)


def official_date(day: date, lang: str | None = None) -> str:
    """ "ngày 5 tháng 5 năm 2026" (Vietnamese) or "05/05/2026" (English)."""
    lang = lang or language()
    if lang == "vi":
        return t("official.date", lang, day=str(day.day), month=str(day.month), year=day.year)
    return t("official.date", lang, day=f"{day.day:02d}", month=f"{day.month:02d}", year=day.year)


def place_and_date(place: str, day: date, lang: str | None = None) -> str:
    """ "Bắc Kạn, ngày 22 tháng 10 năm 2021"; without a place the date alone, capitalised."""
    text = official_date(day, lang)
    if not place:
        return text[:1].upper() + text[1:]
    return t("official.place_date", lang, place=place, date=text)
