"""One vocabulary: every word the log shows has both languages, and every room uses it."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from desk_app.domain.identity import REASONS, WARNINGS, CodeKind
from desk_app.domain.visits import Method, Outcome
from desk_app.i18n import CATALOGUE, LANGUAGES
from desk_app.i18n.official import motto, official_date, place_and_date
from desk_app.i18n.vocabulary import (
    KINDS,
    METHODS,
    OUTCOMES,
    kind_name,
    method_name,
    reason_name,
    warning_name,
)
from desk_app.reports import cells

PACKAGE = Path(__file__).resolve().parents[2] / "desk_app"


def _codes_in_source() -> tuple[set[str], set[str]]:
    """Reason and warning codes the program can produce, read from its own source."""
    reasons: set[str] = set()
    warnings: set[str] = set()
    for file in PACKAGE.rglob("*.py"):
        if "migrations" in file.parts:
            continue
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0] if node.args else None
            literal = first.value if isinstance(first, ast.Constant) else None
            if name in ("Reject", "OwnCodeError", "_Reject") and isinstance(literal, str):
                reasons.add(literal)
            if (
                name == "append"
                and isinstance(func, ast.Attribute)
                and "warning" in ast.unparse(func.value)
                and isinstance(literal, str)
            ):
                warnings.add(literal)
            for keyword in node.keywords:
                value = keyword.value
                if keyword.arg == "reason" and isinstance(value, ast.Constant):
                    # Codes only: an audit record's free-text reason is not a word of the log.
                    if isinstance(value.value, str) and value.value.isidentifier():
                        reasons.add(value.value)
                if keyword.arg == "warnings" and isinstance(value, ast.Tuple | ast.List):
                    warnings.update(
                        e.value for e in value.elts if isinstance(e, ast.Constant) and e.value
                    )
    return reasons, warnings


def test_every_word_has_both_languages() -> None:
    reasons, warnings = _codes_in_source()
    assert "bad_date" in reasons and "unplaced_field" in warnings  # the scan itself works
    keys = (
        [f"kind.{k}" for k in {*KINDS, *(k.value for k in CodeKind)}]
        + [f"method.{m}" for m in {*METHODS, *(m.value for m in Method)}]
        + [f"outcome.{o}" for o in {*OUTCOMES, *(o.value for o in Outcome)}]
        + [f"reason.{r}" for r in {*REASONS, *reasons}]
        + [f"warning.{w}" for w in {*WARNINGS, *warnings}]
    )
    missing = [
        f"{key} ({lang})"
        for key in keys
        for lang in LANGUAGES
        if not CATALOGUE.get(key, {}).get(lang)
    ]
    assert missing == []


def test_window_and_workbook_say_the_same_words() -> None:
    from desk_app.ui.texts import describe_kind, describe_method, describe_warning

    for lang in LANGUAGES:
        from desk_app import i18n

        i18n.set_language(lang)
        for kind in KINDS:
            assert describe_kind(kind) == cells.kind_name(kind, lang) == kind_name(kind, lang)
        for method in METHODS:
            assert describe_method(method) == cells.method_name(method, lang)
        for warning in WARNINGS:
            assert describe_warning(warning) == cells.warning_name(warning, lang)
    i18n.set_language("en")
    assert kind_name("pccovid", "vi") == "Mã QR cá nhân (PC-Covid)"
    assert method_name("manual", "vi") == "Nhập tay"
    assert kind_name("manual", "vi") == "Không có mã (nhập tay)"
    assert reason_name("something_newer", "vi") == "something_newer"
    assert warning_name(None) == ""


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2021, 10, 22), "ngày 22 tháng 10 năm 2021"),
        (date(2026, 5, 5), "ngày 5 tháng 5 năm 2026"),
        (date(2027, 2, 1), "ngày 1 tháng 2 năm 2027"),
        (date(2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
    ],
)
def test_official_date_in_words_with_plain_numbers(day: date, text: str) -> None:
    assert official_date(day, "vi") == text
    assert place_and_date("Bắc Kạn", day, "vi") == f"Bắc Kạn, {text}"
    assert place_and_date("", day, "vi") == "N" + text[1:]


def test_official_header_in_both_languages() -> None:
    assert motto("vi") == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert motto("en")[0] == "SOCIALIST REPUBLIC OF VIET NAM"
    assert place_and_date("Hà Nội", date(2026, 5, 5), "en") == "Hà Nội, 05/05/2026"


def test_entry_by_hand_has_one_vietnamese_word() -> None:
    """The window's method, the workbook's figures, the mail and the province's roll-up all
    call an entry by hand what the vocabulary calls it."""
    word = method_name("manual", "vi").lower()
    assert word == "nhập tay"
    elsewhere = [
        key for key, texts in CATALOGUE.items() if "thủ công" in texts.get("vi", "").lower()
    ]
    assert elsewhere == []
    for key in ("report.fig.manual_entries", "report.fig.manual_share", "rollup.fig.by_hand"):
        assert word in CATALOGUE[key]["vi"].lower(), key
